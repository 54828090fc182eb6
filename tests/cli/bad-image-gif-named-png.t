# The format comes from the content, not the name: a GIF saved as .png is
# refused as a GIF; exit 2, and an older output survives.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- shell: mkdir -p data && printf 'GIF89a\001\000\001\000\000\000\000;' > data/photo.png
--- file: brief.pdf
an older brief
--- file: layout/layout.yaml
body:
  - image: photo.png
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:2:5: error: 'data/photo.png' is a GIF image, not a PNG, JPEG or SVG image
  hint: convert it to PNG, JPEG or SVG
factsheet: 1 error, 0 warnings
--- unchanged: brief.pdf
