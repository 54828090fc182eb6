# 'fallback' keys are Unicode script names (or emoji): a misspelt one is an
# error at its key with the nearest name.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- shell: printf 'fallback:\n  arabic: Noto Sans Arabic\n  bengli: Noto Sans Bengali\n' >> layout/theme.yaml
--- file: layout/layout.yaml
body:
  - text: "Hello"
--- file: data/programme.csv
key,value
title,Hello
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/theme.yaml:21:3: error: unknown script 'bengli' in 'fallback'
  hint: did you mean 'bengali'? write a Unicode script name, such as arabic, bengali, devanagari, ethiopic or han, or emoji
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
