# A cell holding a 600,000-character paragraph: refused with the paragraph cap, nothing written.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - heading: "Context"
  - text: "{programme.context}"
--- shell: mkdir -p data && { echo key,value; printf context,; head -c 300000 /dev/zero | tr '\0' x | sed 's/x/a /g'; echo; } > data/programme.csv
--- timeout: 60
--- run
render layout data -o brief.pdf
--- exit 2
--- absent: brief.pdf
--- stderr
layout/layout.yaml:4:5: error: a paragraph of more than 100000 characters
  hint: split the text into paragraphs, or shorten it
factsheet: 1 error, 0 warnings
