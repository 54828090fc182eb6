# A character no font of the theme has (here Canadian syllabics: the themes
# name no font for them) is reported at the cell that holds it, with the
# script the hint's fallback key would take.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
body:
  - text: "{greetings.greeting}"
--- file: data/greetings.csv
office,greeting
Iqaluit,ᐊᐃᓐᖓᐃ
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
data/greetings.csv:2:9: warning: no font of the theme has a glyph for 'ᐊ' (U+140A): it is drawn as a box
  hint: remove the character, or add a font that has it to fonts/fonts.conf and name it in the theme: fallback: {canadian_aboriginal: FAMILY}
--- exists: brief.pdf
