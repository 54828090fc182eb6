# A picture that is not there: an error at the cell that names it (or at the
# node it is written in), with the images of the folder; exit 2, nothing
# written.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- file: data/photos.csv
id,file
1,images/logo.svg
2,images/river.svg
--- file: data/images/logo.svg
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>
--- file: data/images/map.svg
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><circle cx="20" cy="15" r="10"/></svg>
--- file: layout/layout.yaml
body:
  - grid: {repeat: photos, item: {image: "{file}"}}
  - image: {src: images/cover.png, caption: "The cover"}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/photos.csv:3:3: error: cannot open 'data/images/river.svg': No such file or directory
  hint: the images in the folder are: logo.svg, map.svg
layout/layout.yaml:3:5: error: cannot open 'data/images/cover.png': No such file or directory
  hint: the images in the folder are: logo.svg, map.svg
factsheet: 2 errors, 0 warnings
--- absent: brief.pdf
