# A stat number too wide for its tile even at the least size its style
# allows is drawn as it was measured and fitted: on one line (it overflows
# the tile, and is reported), never wrapped at the tile's width onto the
# label and the text under it.
--- file: layout/theme.yaml
colors:
  primary: "#0B4F6C"
  text: "#1F2933"
fonts:
  sans: Inter
  icons: Material Icons
icons: icons
styles:
  body: {font: sans, size: 10pt, color: text}
  heading: {font: sans, size: 14pt, weight: bold, color: primary}
  stat-number: {font: sans, size: 20pt, weight: bold, color: primary, shrink: 0.7}
  stat-label: {font: sans, size: 9pt, color: text}
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
body:
  - grid:
      columns: 4
      repeat: stats
      item:
        stat: {icon: "{icon}", value: "{value}", label: "{label}"}
--- file: data/stats.csv
icon,value,label
groups,two million twenty-nine thousand,people covered
school,seventy-one,schools
--- run
render layout data --lang en -o out.pdf --dump-boxes dump.txt
--- exit 0
--- stderr-has
layout/layout.yaml:8:9: warning: the numbers of this group do not fit their tiles even at 70% of their size
--- file-has: dump.txt
Inter 700 14.00 "two million twenty-nine thousand"
Inter 700 14.00 "seventy-one"
