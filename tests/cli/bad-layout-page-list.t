# A list where a mapping is expected (page: [A4]) is refused at the list.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: [A4]
body:
  - heading: "Key figures"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:1:7: error: 'page' must be a mapping, not a list
  hint: write page: {size: A4, margin: 14mm}
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
