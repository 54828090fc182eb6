# A badly indented line is reported at that line, not at the start of the file.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - heading: "Key figures"
  - text: "{programme.title}"
 - text: "{programme.lead}"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:5:2: error: invalid YAML: did not find expected key while parsing a block mapping
  hint: check the indentation and that every ':' inside text is quoted
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
