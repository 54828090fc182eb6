# {page} and {pages} are known only in a running header or footer: in the
# body they are errors at the placeholder; exit 2, nothing written.
--- file: layout/theme.yaml
colors: {text: "#000000", accent: "#D9661F"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 10pt}
  heading: {font: sans, size: 12pt, weight: bold}
  caption: {font: sans, size: 8pt}
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
