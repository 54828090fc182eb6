# A link inside the document must name a heading's anchor: an error at the
# paragraph's line in the .md file, with the nearest anchor; exit 2.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- file: data/intro.md
# Introduction

See [the risks](#risk) and [the start](#introduction), or [our site](https://example.org).

## Risks

Some risks.
--- file: layout/layout.yaml
body:
  - heading: "{doc.title}"
  - markdown: {file: intro.md}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/intro.md:3:1: error: the link to '#risk' names no heading of the document
  hint: did you mean 'risks'? the headings' anchors: a-small-guide, introduction, risks
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
