# A donut, an icon array or a progress bar whose 'repeat' picks no row (here
# 'where' matches none) draws nothing, as a bar chart of no rows does; it must
# not crash. (If the fix makes it an error instead, change this spec.)
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
      type: donut
      repeat: groups
      where: {country: Mali}
      label: "{country}"
      value: "{share}"
  - chart:
      type: icons
      repeat: groups
      where: {country: Mali}
      label: "{country}"
      value: "{share}"
  - chart:
      type: progress
      repeat: groups
      where: {country: Mali}
      label: "{country}"
      value: "{members}"
      target: "{members_target}"
  - text: "after"
--- file: data/groups.csv
country,share,members,members_target
Indonesia,47%,350,1000
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
--- exists: brief.pdf
