# A cell holding one 100,000-character word: the block is too tall for a page, reported quickly.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - heading: "Context"
  - text: "{programme.context}"
--- shell: mkdir -p data && { echo key,value; printf context,; head -c 100000 /dev/zero | tr '\0' x; echo; } > data/programme.csv
--- timeout: 10
--- run
render layout data -o brief.pdf
--- exit 1
--- stderr
layout/layout.yaml:4:5: error: this block is 4669 mm taller than the space a page has for it
  hint: shorten its text or split it into several blocks
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
