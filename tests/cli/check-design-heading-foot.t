# check's design rule for headings: one that stands at the foot of a
# column, what follows it sent to the next column by a break, is a problem;
# one followed by its paragraph is fine.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
body:
  - flow:
      columns: 2
      content:
        - heading: "Kept with its text"
        - text: "{doc.text}"
        - heading: "Left alone"
        - break: column
        - text: "{doc.text}"
--- file: data/doc.csv
key,value
text,"Savings groups lent to their members, and the committees that run the wells met every month."
--- run
check layout data
--- exit 1
--- stderr
--- stdout
== en ==
layout/layout.yaml:8:11: warning: the heading "Left alone" stands at the foot of a column: 0 lines of what follows it there
  hint: keep it with what follows: make the block before it shorter, or start a column before it ('break: column')
check: en: 1 page, 1 problem, 0 notes
check: 1 problem, 0 notes
