# check's design rule for stats: a label of more than 4 lines reads as a
# paragraph and is a problem; a short one is fine.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
body:
  - grid:
      columns: 4
      content:
        - stat: {value: "71", label: "schools"}
        - stat: {value: "102", label: "government bodies and other stakeholders trained in integrated risk management across the region"}
--- file: data/doc.csv
key,value
x,1
--- run
check layout data
--- exit 1
--- stderr
--- stdout
== en ==
layout/layout.yaml:7:11: warning: a stat's label of 6 lines: more than 4 read as a paragraph
  hint: shorten the label, or give the stats more width (fewer columns)
== all documents ==
data/doc.csv:1:5: note: column 'value' is shown nowhere: no placeholder reads it
  hint: a placeholder {doc.KEY} shows the value of KEY
check: en: 1 page, 1 problem, 0 notes
check: all documents: 0 problems, 1 note
check: 1 problem, 1 note
