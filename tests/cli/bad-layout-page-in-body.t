# {page} and {pages} are known only in a running header or footer: in the
# body they are errors at the placeholder; exit 2, nothing written.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- file: layout/layout.yaml
body:
  - text: "{doc.title}, page {page} of {pages}"
footer:
  - text: "Page {page} of {pages}"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:2:30: error: {page} is only known in a running header or footer
  hint: use {page} and {pages} in 'header' or 'footer'
layout/layout.yaml:2:40: error: {pages} is only known in a running header or footer
  hint: use {page} and {pages} in 'header' or 'footer'
factsheet: 2 errors, 0 warnings
--- absent: brief.pdf
