# An alias inside the node it names (a cycle) is refused, not followed for ever.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body: &body
  - heading: "Key figures"
  - box: {content: *body}
--- timeout: 10
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:2:7: error: YAML anchors and aliases are not supported
  hint: write the repeated part out in full where it is needed
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
