# Words break with a hyphen, where the language's patterns allow (Debian's
# hyphen-en-us and hyphen-fr, read by libhyphen), in a narrow column: the
# dump shows each text's lines parted by '|', "-|" where pango drew the
# hyphen. A style with 'hyphenate: false' keeps its words whole, unless a
# word fits no line: pango cuts it then, with a hyphen ("-!|"). French keeps
# its short words with the next one (no-break spaces, U+00A0).
--- file: layout/theme.yaml
colors: {text: "#000000"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 10pt}
  whole: {font: sans, size: 10pt, hyphenate: false}
--- file: layout/layout.yaml
page: {size: A5, margin: 10mm}
body:
  - text: {value: "{doc.text}", width: 28mm}
  - text: {value: "{doc.text}", width: 28mm, style: whole}
--- file: data/doc.csv
key,value,value@fr
text,International organisations and governmental partnerships,Organisations internationales et partenariats gouvernementaux à la fin
--- run
render layout data --lang en,fr -o doc-{lang}.pdf --dump-boxes dump-{lang}.txt
--- exit 0
--- stderr
factsheet: 2 documents rendered, 0 failed, 0 warnings
--- file-is: dump-en.txt
page size 419.53 x 595.28 pt, 1 page
page 1
  text     28.35   28.35   79.37   52.00 #000000 Inter 400 10.00 "International or-|ganisations and |governmental |partnerships"
  text     28.35   92.35   79.37   65.00 #000000 Inter 400 10.00 "International |organisations |and |governmental |partnerships"
--- file-is: dump-fr.txt
page size 419.53 x 595.28 pt, 1 page
page 1
  text     28.35   28.35   79.37   65.00 #000000 Inter 400 10.00 "Organisations |internationales |et partenariats |gouvernemen-|taux à la fin"
  text     28.35  105.35   79.37   65.00 #000000 Inter 400 10.00 "Organisations |internationales |et partenariats |gouvernementa-!|ux à la fin"
