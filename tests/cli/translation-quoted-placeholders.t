# A PO entry whose text holds a quoted header and an HXL tag (issue 12:
# any header is bindable, and PO entries holding such placeholders keep
# working): the French page reads the translation with the same
# placeholders, under --strict.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
tables:
  hno:
    "Country name": {translate: false}
body:
  - list:
      repeat: hno
      item: '{"Country name"}: {"Population (UNDESA)"} people, {#affected+f} women'
--- file: layout/fr.po
msgid "{\"Country name\"}: {\"Population (UNDESA)\"} people, {#affected+f} women"
msgstr "{\"Country name\"} : {\"Population (UNDESA)\"} habitants, {#affected+f} femmes"
--- file: data/hno.csv
Country name,Population (UNDESA),Women
#country+name,#population,#affected+f
Mali,20250834,3600000
--- run
render layout data --lang fr --strict -o hno.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- file-has: dump.txt
"Mali : 20 250 834 habitants, 3 600 000 femmes"
