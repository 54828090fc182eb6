# An icon array's unknown icon is reported as a stat's: a name written in the layout
# at the chart, a name read from a cell at the cell, each with the names it may
# stand for.
--- file: layout/theme.yaml
colors: {text: "#1F2933", muted: "#4A5865", primary: "#0B4F6C", accent: "#D9661F"}
fonts: {sans: Inter, icons: Material Icons}
icons: icons
styles:
  body: {font: sans, size: 9pt, line-height: 1.3, color: text}
  caption: {font: sans, size: 8pt, line-height: 1.3, color: muted}
  stat-number: {font: sans, size: 20pt, weight: extrabold, line-height: 1.1, color: primary}
  stat-label: {font: sans, size: 8pt, color: muted}
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart: {type: icons, icon: wommen, value: "{brief.women}", label: "x"}
  - chart: {type: icons, icon: "{look.icon}", value: "{brief.women}", label: "x"}
--- file: data/brief.csv
key,value
women,47%
count,12
over,120%
--- file: data/look.csv
key,value
icon,wommen
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:5: error: unknown icon 'wommen'
  hint: did you mean 'comment', 'woman' or 'commit'? factsheet icons WORD lists the names that contain WORD
data/look.csv:2:6: error: unknown icon 'wommen'
  hint: did you mean 'comment', 'woman' or 'commit'? factsheet icons WORD lists the names that contain WORD
factsheet: 2 errors, 0 warnings
--- absent: brief.pdf
