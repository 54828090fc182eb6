# A timeline chart draws one event per row: without 'repeat' it is an error at the chart.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart:
      type: timeline
      value: "{brief.women}"
      label: "x"
--- file: data/brief.csv
key,value
women,47%
count,12
over,120%
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:5: error: a timeline chart needs 'repeat'
  hint: add 'repeat: TABLE': one bar or event per row
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
