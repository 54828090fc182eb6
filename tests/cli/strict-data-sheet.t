# An ordinary data sheet passes --strict in French (issue 12: every text
# cell raised a missing-translation warning): country names the layout marks
# as not translated, ISO codes, P-codes, numbers and dates need no
# translation, and a column that exists only as label@fr serves the French
# page alone. (The dump shows French spacing: no-break spaces before ':'
# and ';', narrow ones in numbers.)
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
tables:
  offices:
    country: {translate: false}
body:
  - list:
      repeat: offices
      item: "{country} ({iso3}, {pcode}): {people} people since {since, date, month}; {label}"
--- file: layout/fr.po
msgid "{country} ({iso3}, {pcode}): {people} people since {since, date, month}; {label}"
msgstr "{country} ({iso3}, {pcode}) : {people} personnes depuis {since, date, month} ; {label}"
--- file: data/offices.csv
country,iso3,pcode,people,since,label@fr
Mali,MLI,ML0401,2029052,2019-06,bureau régional
Burkina Faso,BFA,BF46,48200,2021-01,bureau pays
--- run
render layout data --lang fr --strict -o sheet.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- file-has: dump.txt
"Mali (MLI, ML0401) : 2 029 052 personnes depuis juin 2019 ;
