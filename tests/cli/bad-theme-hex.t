# A theme colour that is not a valid hex value (a G in it) is refused at the value.
--- file: layout/theme.yaml
colors:
  primary: "#0B4F6C"
  surface: "#EEF4G7"
  text: "#1F2933"
fonts:
  sans: Inter
styles:
  body:
    font: sans
    size: 9pt
    color: text
  caption:
    inherit: body
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
layout/theme.yaml:3:12: error: colour 'surface' must be a hex value
  hint: write colours as hex: "#1d5c96"
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
