--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - heading: "Key figures
  - text: Hello
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:14: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar
  hint: check the indentation and that every ':' inside text is quoted
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
