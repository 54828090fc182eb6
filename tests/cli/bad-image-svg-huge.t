# An SVG that declares an absurd size (a million pixels wide) is refused
# before it is drawn; exit 2, nothing written.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- file: data/wide.svg
<svg xmlns="http://www.w3.org/2000/svg" width="1000000" height="10"><rect width="10" height="10"/></svg>
--- file: layout/layout.yaml
body:
  - image: {src: wide.svg}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:2:5: error: 'data/wide.svg' declares a size of 1e+06 x 10 pixels; an SVG must be larger than 0 and at most 100000 pixels a side
  hint: fix the width and height (or the viewBox) of its <svg> element
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
