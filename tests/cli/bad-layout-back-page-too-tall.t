# A back page taller than a page: an overflow (exit 1) at its first block, by how much, with
# a hint; nothing written.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A
--- file: layout/layout.yaml
page: {size: [60mm, 40mm], margin: 5mm}
body:
  - text: "{doc.title}"
back-page:
  - spacer: 30mm
  - text: "Contacts"
--- run
render layout data -o brief.pdf
--- exit 1
--- stderr
layout/layout.yaml:5:3: error: the back page is 9 mm taller than a page has room for
  hint: shorten the back page's texts or leave some of its blocks out
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
