# A key given twice in one mapping (a second body:) is an error, not silently dropped.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - heading: "Key figures"
body:
  - heading: "Context"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:4:1: error: key 'body' is given twice in this mapping (first at line 2)
  hint: keep one of the two, merged
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
