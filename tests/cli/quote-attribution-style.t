# A quote's attribution takes the style 'attribution', else 'caption', else
# the quote's own: in a theme with neither, it is drawn in the quote's font,
# silently.
--- file: layout/theme.yaml
colors: {text: "#000000"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 10pt}
  quote: {font: sans, size: 12pt, italic: true}
--- file: data/doc.csv
key,value
title,A small guide
--- file: layout/layout.yaml
body:
  - quote: {value: "Change starts with us.", by: "Amina"}
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
--- exists: brief.pdf
