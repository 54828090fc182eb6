--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - grid:
      columns: four
      repeat: stats
      item: {stat: {icon: "{icon}", value: "{value}", label: "{label}"}}
  - spacer: tall
  - text: {value: "{programme.title}", style: titel}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:4:16: error: 'columns' must be a whole number, not 'four'
  hint: write digits, such as 4
layout/layout.yaml:7:13: error: 'height' must be a length, not 'tall'
  hint: write a number with a unit: 4mm, 1cm, 10pt
layout/layout.yaml:8:47: error: unknown style 'titel'
  hint: did you mean 'title'? styles of this theme: body, kicker, title, lead, heading, phase, stat-number, stat-label, quote, caption, footer
factsheet: 3 errors, 0 warnings
--- absent: brief.pdf
