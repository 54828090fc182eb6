# Under --strict a character no font of the theme has is an error at its
# cell, and no PDF is written.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
body:
  - text: "Office: {greetings.greeting}"
--- file: data/greetings.csv
office,greeting
Iqaluit,ᐊᐃᓐᖓᐃ
--- run
render layout data -o brief.pdf --strict
--- exit 1
--- stderr
data/greetings.csv:2:9: error: no font of the theme has a glyph for 'ᐊ' (U+140A): it is drawn as a box
  hint: remove the character, or add a font that has it to fonts/fonts.conf and name it in the theme: fallback: {canadian_aboriginal: FAMILY}
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
