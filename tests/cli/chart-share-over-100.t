# A share over 100% is an error at its cell; the hint reads "100%" (hints are not
# formats: "100%%" would reach the user as written).
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart: {type: icons, value: "{brief.over}", label: "x"}
--- file: data/brief.csv
key,value
women,47%
count,12
over,120%
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/brief.csv:4:6: error: a share of 120%
  hint: a share is at most 100%
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
