# A heading level outside 1 to 3 (level: 7) is refused at the value.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - heading: {value: "Key figures", level: 7}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:44: error: 'level' must be between 1 and 3, not 7
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
