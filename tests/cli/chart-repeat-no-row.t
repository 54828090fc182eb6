# A donut, an icon array or a progress bar whose 'repeat' picks no row (here
# 'where' matches none) draws nothing, as a bar chart of no rows does; it must
# not crash. (If the fix makes it an error instead, change this spec.)
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
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
