# A target of 0 measures nothing: an error at the target's cell.
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
  - column:
      repeat: groups
      content:
        - chart:
            type: progress
            label: "{country}"
            value: "{members}"
            target: "{members_target}"
--- file: data/groups.csv
country,members,members_target
Indonesia,350,1000
Vietnam,300,0
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/groups.csv:3:13: error: a target of 0: nothing can be measured against it
  hint: give a target above zero
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
