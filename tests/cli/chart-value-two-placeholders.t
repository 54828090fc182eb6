# A chart's value names one number: a template of two placeholders is one error at
# the layout, not one per row of the repeat.
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
      value: "{groups} and {members}"
--- file: data/groups.csv
country,groups,groups_target,members,members_target
Indonesia,18,50,350,1000
Vietnam,10,25,300,750
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:7:15: error: a chart's 'value' must be one placeholder naming a number
  hint: write one placeholder such as "{share}" or "{brief.groups, number}"
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
