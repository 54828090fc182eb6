# A markdown node naming a file the data folder lacks: the nearest .md
# name (README.md is not a text of the document); exit 2, nothing written.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- file: data/intro.md
# Introduction
--- file: data/risks.md
# Risks
--- file: data/README.md
# About this folder
--- file: layout/layout.yaml
body:
  - markdown: {file: intro.md}
  - markdown: {file: risk.md}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:5: error: no Markdown file 'risk.md' in data
  hint: did you mean 'risks.md'? Markdown files of the folder: intro.md, risks.md
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
