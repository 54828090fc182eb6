# The theme's chart section, misspelt: an unknown key with the nearest, a
# palette that is not a list, a style and a colour the theme lacks. Every
# problem is reported in one run, at its place in theme.yaml.
--- copy: data/pfr-mali data
--- file: layout/theme.yaml
colors: {text: "#1F2933", primary: "#0B4F6C"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 9pt, color: text}
  caption: {font: sans, size: 8pt, color: text}
chart:
  colour: primary
  palette: primary
  label-style: labels
  track: grey
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - text: "Charts"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/theme.yaml:7:3: error: unknown key 'colour' in the chart section
  hint: did you mean 'color'? the chart section takes: color, track, palette, thickness, label-style, value-style, number-style
layout/theme.yaml:8:12: error: 'palette' must be a list of 1 to 256 colours
  hint: write the colours in order: palette: [accent, primary, "#7A5C00"]
layout/theme.yaml:9:16: error: unknown style 'labels' for label-style
  hint: styles of this theme: body, caption
layout/theme.yaml:10:10: error: unknown colour 'grey'
  hint: use a colour named under 'colors:' or a hex value such as "#1d5c96"
factsheet: 4 errors, 0 warnings
--- absent: brief.pdf
