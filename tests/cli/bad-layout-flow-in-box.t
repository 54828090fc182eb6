# A flow breaks across columns and pages, so it must be a block of the body
# itself: inside a box or in the footer it is an error at its line; exit 2.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- file: layout/layout.yaml
body:
  - box:
      content:
        - flow: {columns: 2, content: [{text: "Some text"}]}
footer:
  - flow: [{text: "{doc.title}"}]
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:4:11: error: a flow must be a block of the body, not inside another node
  hint: make the flow a block of 'body' itself
layout/layout.yaml:6:5: error: a flow must be a block of the body, not inside another node
  hint: make the flow a block of 'body' itself
factsheet: 2 errors, 0 warnings
--- absent: brief.pdf
