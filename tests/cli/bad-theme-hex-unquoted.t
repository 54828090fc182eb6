# An unquoted hex colour in the theme: the message says the # made it a comment.
--- file: layout/theme.yaml
colors:
  primary: "#0B4F6C"
  surface: #EEF4F7
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
layout/theme.yaml:3:11: error: colour 'surface' has no value: an unquoted '#' starts a YAML comment
  hint: quote hex colours: surface: "#EEF4F7"
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
