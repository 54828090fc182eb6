# A theme style inheriting from an unknown style: refused with the nearest style's name.
--- file: layout/theme.yaml
colors:
  primary: "#0B4F6C"
  surface: "#EEF4F7"
  text: "#1F2933"
fonts:
  sans: Inter
styles:
  body:
    font: sans
    size: 9pt
    color: text
  caption:
    inherit: bodi
    size: 7.6pt
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - text: {value: "{programme.title}", style: caption}
--- copy: data/pfr-mali data
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/theme.yaml:13:14: error: unknown style 'bodi' to inherit from
  hint: did you mean 'body'? a style inherits from one defined above it: body
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
