# A chart needs its type; the hint lists them.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart: {value: "{brief.women}", label: "x"}
--- file: data/brief.csv
key,value
women,47%
count,12
over,120%
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:5: error: a chart needs a 'type'
  hint: write chart: {type: donut, value: "{brief.share}", label: "..."}; types: bar, column, donut, icons, progress, timeline
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
