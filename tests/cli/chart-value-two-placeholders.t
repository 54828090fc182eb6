# A chart's value names one number: a template of two placeholders is one error at
# the layout, not one per row of the repeat.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart:
      type: bar
      repeat: groups
      label: "{country}"
      value: "{groups} and {members}"
--- file: data/groups.csv
country,groups,groups_target,members,members_target
Indonesia,18,50,350,1000
Vietnam,10,25,300,750
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:7:15: error: a chart's 'value' must be one placeholder naming a number
  hint: write one placeholder such as "{share}" or "{brief.groups, number}"
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
