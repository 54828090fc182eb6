# A quote's attribution takes the style 'attribution', else 'caption', else
# the quote's own: in a theme with neither, it is drawn in the quote's font,
# silently (the box dump shows it in the quote's italic 12pt).
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
render layout data -o brief.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- exists: brief.pdf
--- file-has: dump.txt
#000000 Inter 400 italic 12.00 "Amina"
