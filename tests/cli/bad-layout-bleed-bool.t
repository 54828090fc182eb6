# A boolean that is neither true nor false (bleed: perhaps) is refused, listing the accepted words.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - band:
      fill: primary
      bleed: perhaps
      content:
        - text: "In a band"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:5:14: error: unknown bleed 'perhaps'
  hint: 'bleed' takes one of: false, true, no, yes
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
