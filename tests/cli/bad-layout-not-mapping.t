# A layout that is a list, not a mapping, is refused at its start.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
- heading: "Key figures"
- text: "{programme.title}"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:1:1: error: a layout must be a mapping with 'page', 'theme' and 'body', not a list
  hint: start from layouts/brief/layout.yaml
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
