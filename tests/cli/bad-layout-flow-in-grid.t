# A flow as the item of a repeated grid is inside another node, like a flow
# in a box: an error at its line, exit 2, nothing written.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
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
