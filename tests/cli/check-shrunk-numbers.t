# A page that allows one page ('pages: 1'), a body a little too long, and
# stat numbers too wide for their tiles at any size their style allows: the
# body is shrunk to fit, and the numbers are reported as they are drawn, in
# the shrunk document (each trial of the fit reports its own problems).
--- file: layout/theme.yaml
colors:
  primary: "#0B4F6C"
  text: "#1F2933"
fonts:
  sans: Inter
  icons: Material Icons
icons: icons
styles:
  body: {font: sans, size: 10pt, color: text}
  heading: {font: sans, size: 14pt, weight: bold, color: primary}
  stat-number: {font: sans, size: 20pt, weight: bold, color: primary, shrink: 0.7}
  stat-label: {font: sans, size: 9pt, color: text}
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm, pages: 1}
theme: theme.yaml
body:
  - heading: "Key figures"
  - grid:
      columns: 4
      repeat: stats
      item:
        stat: {icon: "{icon}", value: "{value}", label: "{label}"}
  - text: "{notes.text}"
--- file: data/stats.csv
icon,value,label
groups,two million twenty-nine thousand,people covered
school,seventy-one,schools
--- shell: { echo text; printf '"'; for i in $(seq 66); do printf 'Floods reached the villages again this year. '; done; echo '"'; } > data/notes.csv
--- run
check layout data --lang en
--- exit 1
--- stderr
--- stdout-has
layout/layout.yaml:9:9: warning: the numbers of this group do not fit their tiles even at 70% of their size
layout/layout.yaml:1:1: note: the body's texts are drawn at 92% of their size to fit on 1 page
check: en: 1 page, 1 problem, 1 note
