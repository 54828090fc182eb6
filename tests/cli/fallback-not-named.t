# A theme that names no fallback (the specs' shared theme): a script Inter
# lacks is still drawn by the font of the set that has it, but that is a
# substitute the theme did not ask for, so a warning at the cell says which
# font it was and how to name it.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
body:
  - text: "{programme.title}"
--- file: data/programme.csv
key,value
title,مكتب القاهرة
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
data/programme.csv:2:7: warning: font 'Inter' cannot draw 'مكتب القاهرة': 'Noto Sans Arabic' of the font set draws it, but the theme does not name it
  hint: name it in the theme: fallback: {arabic: Noto Sans Arabic}
--- exists: brief.pdf
