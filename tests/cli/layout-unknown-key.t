# A misspelt key in a layout: file:line:col, a did-you-mean, exit 2, no output.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - heading: "Key figures"
  - grid:
      colums: 4
      repeat: stats
      item: {stat: {icon: "{icon}", value: "{value}", label: "{label}"}}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:5:7: error: unknown key 'colums' in a grid
  hint: did you mean 'columns'? a grid takes: content, color, width, span, gap, columns, repeat, where, item, hero, last-row, when, keep-with-next
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
