# An icon node without 'icon' is an error that says how to write one.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A
--- file: layout/layout.yaml
body:
  - icon: {height: 5mm}
--- run
render layout data -o out.pdf
--- exit 2
--- absent: out.pdf
--- stderr
layout/layout.yaml:2:5: error: an icon node needs 'icon'
  hint: write icon: {icon: "{icon}", height: 6mm}: a Material Icons name (factsheet icons WORD lists them) or a file of the theme's icon-folder
factsheet: 1 error, 0 warnings
