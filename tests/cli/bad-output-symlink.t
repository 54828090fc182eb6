# An output that is a symlink is written through: the link stays, its target gets the new content.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 10mm}
body:
  - text: "Hello"
--- file: data/t.csv
key,value
a,b
--- shell: mkdir -p kept && printf 'an older dump\n' > kept/dump.txt && ln -s kept/dump.txt dump.txt
--- run
render layout data -o page.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- exists: page.pdf
--- file-is: kept/dump.txt
page size 419.53 x 595.28 pt, 1 page
page 1
  text     28.35   28.35  362.84   13.00 #1f2933 Inter 400 10.00 "Hello"
