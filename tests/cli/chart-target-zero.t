# A target of 0 measures nothing: an error at the target's cell.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - column:
      repeat: groups
      content:
        - chart:
            type: progress
            label: "{country}"
            value: "{members}"
            target: "{members_target}"
--- file: data/groups.csv
country,members,members_target
Indonesia,350,1000
Vietnam,300,0
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/groups.csv:3:13: error: a target of 0: nothing can be measured against it
  hint: give a target above zero
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
