# Every negative value is an error at its own cell, all reported in one run.
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
  - chart:
      type: bar
      repeat: groups
      label: "{country}"
      value: "{groups}"
--- file: data/groups.csv
country,groups
Indonesia,-18
Vietnam,10
Laos,-2
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/groups.csv:2:11: error: a negative value, -18
  hint: a chart shows amounts of zero or more
data/groups.csv:4:6: error: a negative value, -2
  hint: a chart shows amounts of zero or more
factsheet: 2 errors, 0 warnings
--- absent: brief.pdf
