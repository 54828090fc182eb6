# An unknown node kind (- stats:) is refused with a did-you-mean and the list of nodes.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - stats: {icon: groups, value: "{programme.women_champions}", label: "women"}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:5: error: unknown node 'stats'
  hint: did you mean 'stat'? nodes: box, band, row, column, grid, text, heading, stat, list, spacer, rule, flow, markdown, quote, image, break, chart, logo, logos, icon
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
