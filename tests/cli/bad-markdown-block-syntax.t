# A layout text that starts like a block quote or a numbered list prints as written (the box dump is compared whole).
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 10mm}
body:
  - text: "> 1 million people"
  - text: "2019. Floods hit the delta."
--- file: data/t.csv
key,value
a,b
--- run
render layout data -o page.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- exists: page.pdf
--- file-is: dump.txt
page size 419.53 x 595.28 pt, 1 page
page 1
  text     28.35   28.35  362.84   13.00 #1f2933 Inter 400 10.00 "> 1 million people"
  text     28.35   53.35  362.84   13.00 #1f2933 Inter 400 10.00 "2019. Floods hit the delta."
