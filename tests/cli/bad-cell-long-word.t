# A cell holding one 100,000-character word: refused quickly (the paragraph cap), not laid out for minutes.
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
--- exit 2
--- stderr
layout/layout.yaml:4:5: error: a paragraph of more than 100000 characters
  hint: split the text into paragraphs, or shorten it
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
