# A grid of 99 columns is out of range, reported at the value.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - grid:
      columns: 99
      repeat: stats
      item: {stat: {icon: "{icon}", value: "{value, number}", label: "{label}"}}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:4:16: error: 'columns' must be between 1 and 12, not 99
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
