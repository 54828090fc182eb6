# An icon node naming no icon of the font is an error at the node, with the
# nearest names.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A
--- file: layout/layout.yaml
body:
  - icon: {icon: handshak}
--- run
render layout data -o out.pdf
--- exit 2
--- absent: out.pdf
--- stderr
layout/layout.yaml:2:5: error: unknown icon 'handshak'
  hint: did you mean 'handshake' or 'handyman'? factsheet icons WORD lists the names that contain WORD
factsheet: 1 error, 0 warnings
