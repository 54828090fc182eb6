# A character no font of the set draws, in the middle of a word run, is named in the warning.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
body:
  - text: "Old Polish Ꟁ letter"
--- file: data/programme.csv
key,value
title,Tokyo
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
layout/layout.yaml:2:5: warning: font 'Inter' has no glyph for 'Ꟁ' (U+A7C0), and no other font of the set has one: it is drawn as a box
  hint: choose a font that has it (fonts/fonts.conf lists the set), or avoid the character
--- exists: brief.pdf
