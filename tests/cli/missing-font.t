# A font the theme names but factsheet's font set lacks is an error at the
# theme's line; nothing is substituted.
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - text: "{programme.title}"
--- file: layout/theme.yaml
colors: {text: "#222222"}
fonts:
  sans: Helvetica Neue
  icons: Material Icons
icons: icons
styles:
  body: {font: sans, size: 9pt, color: text}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/theme.yaml:3:9: error: font 'Helvetica Neue' is not in factsheet's font set
  hint: install the Debian package that provides 'Helvetica Neue' and add its folder to $ROOT/fonts/fonts.conf (a Noto font: its files to the <acceptfont> list there)
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
