# A character no font of the set can draw is reported at the text's line.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
body:
  - text: "Tokyo 東京"
--- file: data/programme.csv
key,value
title,Tokyo
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
layout/layout.yaml:2:5: warning: font 'Inter' has no glyph for '東' (U+6771), and no other font of the set has one: it is drawn as a box
  hint: choose a font that has it (fonts/fonts.conf lists the set), or avoid the character
--- exists: brief.pdf
