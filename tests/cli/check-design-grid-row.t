# check's design rule for grids: a last row less than half full is a
# problem, with a number of columns that fills it better; half full is fine.
# Spans count the columns they take; a last row stretched to the full width
# is fine.
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
  - grid:
      columns: 4
      content:
        - box: {span: 2, content: [{text: "two"}]}
        - box: {content: [{text: "one"}]}
        - box: {content: [{text: "one"}]}
        - box: {content: [{text: "alone"}]}
  - grid:
      columns: 4
      last-row: stretch
      content:
        - box: {span: 2, content: [{text: "two"}]}
        - box: {content: [{text: "one"}]}
        - box: {content: [{text: "one"}]}
        - box: {content: [{text: "stretched"}]}
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
  hint: give the grid 3 columns, or 'last-row: stretch', or add or remove items
layout/layout.yaml:11:5: warning: the grid's last row holds 1 of its 4 places: less than half full
  hint: give the grid 'last-row: stretch', change the cells' spans, or add or remove items
check: en: 1 page, 2 problems, 0 notes
check: 2 problems, 0 notes
