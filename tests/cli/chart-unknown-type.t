# An unknown chart type is reported at the value, with the types there are.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart: {type: pie, value: "{brief.women}"}
--- file: data/brief.csv
key,value
women,47%
count,12
over,120%
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:19: error: unknown type 'pie'
  hint: 'type' takes one of: bar, column, donut, icons, progress, timeline
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
