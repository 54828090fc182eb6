# A word outside an enumeration (align: middle) is refused, listing the accepted words.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - text: {value: "Centred?", align: middle}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:38: error: unknown align 'middle'
  hint: 'align' takes one of: left, center, right, justify
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
