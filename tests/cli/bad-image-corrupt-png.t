# A PNG cut short after a few bytes is refused before decoding (gdk-pixbuf
# would fill the rest with grey): an error naming the file, exit 2.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- shell: mkdir -p data && printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000' > data/broken.png
--- file: layout/layout.yaml
body:
  - image: {src: broken.png}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:2:5: error: 'data/broken.png' is not a valid PNG image: the file is truncated
  hint: the file is damaged: export or download it again
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
