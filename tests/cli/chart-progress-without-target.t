# A progress bar is measured against a target: without one it is an error at the chart.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart:
      type: progress
      repeat: groups
      label: "{country}"
      value: "{members}"
--- file: data/groups.csv
country,groups,groups_target,members,members_target
Indonesia,18,50,350,1000
Vietnam,10,25,300,750
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:5: error: a progress chart needs a 'target'
  hint: add 'target: "{column}"', the value the bar is measured against
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
