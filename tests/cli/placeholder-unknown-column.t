--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - text: "{programme.titel}"
  - text: "{programe.title}"
  - grid:
      repeat: stats
      item: {stat: {icon: "{icon}", value: "{valeu}", label: "{label}"}}
  - text: "{stats.value}"
  - text: "{label}"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:12: error: {programme.titel}: no row with key 'titel' in data/programme.csv
  hint: add a row with that key, or fix the placeholder
layout/layout.yaml:4:12: error: {programe.title}: no table 'programe' in data
  hint: did you mean 'programme'? tables of the data folder: achievements, phases, programme, stats
layout/layout.yaml:7:45: error: {valeu}: no column 'valeu' in data/stats.csv
  hint: did you mean 'value'? its columns: icon, value, label, label@fr
layout/layout.yaml:8:12: error: {stats.value}: table 'stats' has 7 rows; which one is meant?
  hint: use it inside a grid or list with 'repeat', or render one document per row with --each COLUMN
layout/layout.yaml:9:12: error: {label} names no table
  hint: write {table.column}, or use {column} inside a grid or list with 'repeat'
factsheet: 5 errors, 0 warnings
--- absent: brief.pdf
