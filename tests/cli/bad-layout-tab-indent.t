# A tab used for indentation in layout.yaml: refused at the tab, saying so.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
	- heading: "Key figures"
--- file: brief.pdf
a good PDF from an earlier render
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:1: error: invalid YAML: a tab indents this line
  hint: indent with spaces only: YAML does not allow tabs for indentation
factsheet: 1 error, 0 warnings
--- unchanged: brief.pdf
