# A colour given as a number (fill: 12) is an unknown colour, with the theme's colours in the hint.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - box:
      fill: 12
      content:
        - text: "Inside a box"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:4:13: error: unknown colour '12'
  hint: use a colour of the theme (white, black, primary, primary-soft, accent, accent-soft, surface, text, muted, rule) or a hex value such as "#1d5c96"
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
