# URLs and e-mail addresses in a narrow column break only where a
# typographer breaks them (Chicago, Bringhurst): after a slash, a colon or
# two of them, before . - _ ~ @ ? # & =, never inside a word of the address
# nor inside "https://www.", and with no hyphen; pango's own breaks (after ?
# or -) are not taken. The same in English and French,
# from a cell and in a link, whose target stays exact. The dump shows each
# text's lines parted by '|' (the zero-width spaces of the breaks print
# nothing and are not shown).
--- file: layout/theme.yaml
colors: {text: "#000000"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 10pt}
--- file: layout/layout.yaml
page: {size: A5, margin: 10mm}
body:
  - text: {value: "{doc.text}", width: 36mm}
  - text: {value: "{doc.see} [{doc.site}]({doc.site}).", width: 36mm}
--- file: data/doc.csv
key,value,value@fr
text,Write to first_name.last-name@organisation-internationale.org or see https://www.ilo.org/dyn/normlex/en/f?p=NORMLEX:12100:0,Écrire à first_name.last-name@organisation-internationale.org ou voir https://www.ilo.org/dyn/normlex/en/f?p=NORMLEX:12100:0
see,Read,Lire
site,https://www.care-international.org/what-we-do/women_and_girls?year=2019&page=2#top,
--- run
render layout data --lang en,fr -o doc-{lang}.pdf --dump-boxes dump-{lang}.txt
--- exit 0
--- stderr
factsheet: 2 documents rendered, 0 failed, 0 warnings
--- file-is: dump-en.txt
page size 419.53 x 595.28 pt, 1 page
page 1
  text     28.35   28.35  102.05  104.00 #000000 Inter 400 10.00 "Write to first_name|.last-name|@organisation|-internationale.org or |see https://www.ilo|.org/dyn/normlex/en/|f?p=NORMLEX:|12100:0"
  text     28.35  144.35  102.05   78.00 #000000 Inter 400 10.00 link[5,126]->https://www.care-international.org/what-we-do/women_and_girls?year=2019&page=2#top "Read |https://www.care|-international.org/|what-we-do/women|_and_girls?year|=2019&page=2#top."
--- file-is: dump-fr.txt
page size 419.53 x 595.28 pt, 1 page
page 1
  text     28.35   28.35  102.05  104.00 #000000 Inter 400 10.00 "Écrire à first_name|.last-name|@organisation|-internationale.org |ou voir |https://www.ilo.org/|dyn/normlex/en/f?p|=NORMLEX:12100:0"
  text     28.35  144.35  102.05   65.00 #000000 Inter 400 10.00 link[5,126]->https://www.care-international.org/what-we-do/women_and_girls?year=2019&page=2#top "Lire https://www.care|-international.org/|what-we-do/women|_and_girls?year|=2019&page=2#top."
