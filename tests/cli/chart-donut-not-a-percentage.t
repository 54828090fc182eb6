# A donut shows a share: a count is an error at its cell, not at the layout.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart: {type: donut, value: "{brief.count}", label: "groups"}
--- file: data/brief.csv
key,value
women,47%
count,12
over,120%
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/brief.csv:3:7: error: a donut shows a share: '12' is not a percentage
  hint: write the share as a percentage such as 47%
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
