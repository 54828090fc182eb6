# Cells that look like markup, Markdown or placeholders print literally: exit 0, no message, and the box dump (compared whole) holds the exact characters.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 10mm}
body:
  - list: {repeat: cells, item: "{text}", marker: none}
--- file: data/cells.csv
text
<b>bold</b> & co
**not bold**
{value}
'{'
> 1 million
2019. A year
--- run
render layout data -o cells.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- exists: cells.pdf
--- file-is: dump.txt
page size 419.53 x 595.28 pt, 1 page
page 1
  text     28.35   28.35  362.84   13.00 #1f2933 Inter 400 10.00 "<b>bold</b> & co"
  text     28.35   46.35  362.84   13.00 #1f2933 Inter 400 10.00 "**not bold**"
  text     28.35   64.35  362.84   13.00 #1f2933 Inter 400 10.00 "{value}"
  text     28.35   82.35  362.84   13.00 #1f2933 Inter 400 10.00 "‘{’"
  text     28.35  100.35  362.84   13.00 #1f2933 Inter 400 10.00 "> 1 million"
  text     28.35  118.35  362.84   13.00 #1f2933 Inter 400 10.00 "2019. A year"
