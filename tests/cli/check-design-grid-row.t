# check's design rule for grids: a last row less than half full is a
# problem, with a number of columns that fills it better; half full is fine.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - grid:
      columns: 4
      repeat: five
      item: {stat: {value: "{n}", label: "{label}"}}
  - grid:
      columns: 4
      repeat: six
      item: {stat: {value: "{n}", label: "{label}"}}
--- file: data/five.csv
n,label
1,one
2,two
3,three
4,four
5,five
--- file: data/six.csv
n,label
1,one
2,two
3,three
4,four
5,five
6,six
--- run
check layout data
--- exit 1
--- stderr
--- stdout
== en ==
layout/layout.yaml:3:5: warning: the grid's last row holds 1 of its 4 places: less than half full
  hint: give the grid 3 columns, or add or remove items
check: en: 1 page, 1 problem, 0 notes
check: 1 problem, 0 notes
