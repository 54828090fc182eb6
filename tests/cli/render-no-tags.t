# --no-tags writes a PDF without structure tree, language or XMP; its links
# still work, in a file that independent readers accept (the PDFs of every
# spec are checked at the end of the tests, this one as untagged, which
# says pdfinfo's "Tagged: no" too). The same layout without it is tagged (a
# shell step that fails fails the spec).
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 10mm}
metadata: {title: "Links"}
body:
  - heading: {value: "Links", level: 1}
  - markdown: "See [our site](https://example.org/a/long/address/that/wraps/where/it/is/shown) and [the top](#links)."
--- file: data/doc.csv
key,value
title,Links
--- shell: "$FACTSHEET" render layout data -o tagged.pdf && pdfinfo tagged.pdf | grep -q '^Tagged: *yes$' && touch tagged-by-default
--- run
render layout data -o plain.pdf --no-tags
--- exit 0
--- stderr
--- exists: plain.pdf
