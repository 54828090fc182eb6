# A flow as the item of a repeated grid is inside another node, like a flow
# in a box: an error at its line, exit 2, nothing written.
--- file: layout/theme.yaml
colors: {text: "#000000"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 10pt}
--- file: data/cases.csv
id,title
a,Mopti
b,Gao
--- file: layout/layout.yaml
body:
  - grid:
      repeat: cases
      item: {flow: {columns: 2, content: [{text: "{title}"}]}}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:4:14: error: a flow must be a block of the body, not inside another node
  hint: make the flow a block of 'body' itself
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
