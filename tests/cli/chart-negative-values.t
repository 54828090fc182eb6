# Every negative value is an error at its own cell, all reported in one run.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart:
      type: bar
      repeat: groups
      label: "{country}"
      value: "{groups}"
--- file: data/groups.csv
country,groups
Indonesia,-18
Vietnam,10
Laos,-2
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/groups.csv:2:11: error: a negative value, -18
  hint: a chart shows amounts of zero or more
data/groups.csv:4:6: error: a negative value, -2
  hint: a chart shows amounts of zero or more
factsheet: 2 errors, 0 warnings
--- absent: brief.pdf
