# The same anchor defined twice is refused like any anchor, at the repeated one, in plain words.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - text: &x "One"
  - text: &x "Two"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:4:11: error: YAML anchors and aliases are not supported
  hint: write the repeated part out in full where it is needed
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
