# A progress bar is measured against a target: without one it is an error at the chart.
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
      type: progress
      repeat: groups
      label: "{country}"
      value: "{members}"
--- file: data/groups.csv
country,groups,groups_target,members,members_target
Indonesia,18,50,350,1000
Vietnam,10,25,300,750
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:5: error: a progress chart needs a 'target'
  hint: add 'target: "{column}"', the value the bar is measured against
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
