# A page of its own size is two lengths; one length, or a side under 1 cm,
# is refused at its place.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: [120mm, 6mm], margin: 2mm}
body:
  - text: "Card"
--- run
render layout data -o card.pdf
--- exit 2
--- stderr
layout/layout.yaml:1:22: error: a page 6.0 mm tall is too small to draw on
  hint: give each side at least 1cm
factsheet: 1 error, 0 warnings
--- absent: card.pdf
