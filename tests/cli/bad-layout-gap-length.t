# A length that is a word (gap: wide) is refused at the value.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - row:
      gap: wide
      content:
        - text: "Left"
        - text: "Right"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:4:12: error: 'gap' must be a length, not 'wide'
  hint: write a number with a unit: 4mm, 1cm, 10pt
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
