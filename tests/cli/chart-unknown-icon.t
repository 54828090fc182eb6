# An icon array's unknown icon is reported as a stat's: a name written in the layout
# at the chart, a name read from a cell at the cell, each with the names it may
# stand for.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart: {type: icons, icon: wommen, value: "{brief.women}", label: "x"}
  - chart: {type: icons, icon: "{look.icon}", value: "{brief.women}", label: "x"}
--- file: data/brief.csv
key,value
women,47%
count,12
over,120%
--- file: data/look.csv
key,value
icon,wommen
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:5: error: unknown icon 'wommen'
  hint: did you mean 'comment', 'woman' or 'commit'? factsheet icons WORD lists the names that contain WORD
data/look.csv:2:6: error: unknown icon 'wommen'
  hint: did you mean 'comment', 'woman' or 'commit'? factsheet icons WORD lists the names that contain WORD
factsheet: 2 errors, 0 warnings
--- absent: brief.pdf
