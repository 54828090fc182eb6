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
layout/layout.yaml:2:5: warning: no font of the theme has a glyph for 'Ꟁ' (U+A7C0): it is drawn as a box
  hint: remove the character, or add a font that has it to fonts/fonts.conf and name it in the theme: fallback: {latin: FAMILY}
--- exists: brief.pdf
