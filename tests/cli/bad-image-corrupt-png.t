# A PNG cut short after a few bytes is refused before decoding (gdk-pixbuf
# would fill the rest with grey): an error naming the file, exit 2.
--- file: layout/theme.yaml
colors: {text: "#000000", accent: "#D9661F"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 10pt}
  heading: {font: sans, size: 12pt, weight: bold}
  caption: {font: sans, size: 8pt}
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
