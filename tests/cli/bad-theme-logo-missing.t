# A theme's logo that is not there: an error at the theme's line that names
# it, with the pictures beside it; exit 2, nothing written.
--- file: layout/theme.yaml
colors:
  text: "#1F2933"
fonts:
  sans: Inter
  icons: Material Icons
icons: icons
logo: brand/mark.svg
styles:
  body: {font: sans, size: 10pt, color: text}
--- file: layout/brand/mark-2026.svg
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>
--- file: data/doc.csv
key,value
title,A
--- file: layout/layout.yaml
footer:
  - logo: 8mm
body:
  - text: "A page"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/theme.yaml:7:7: error: cannot open 'layout/brand/mark.svg': No such file or directory
  hint: the images in the folder are: mark-2026.svg
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
