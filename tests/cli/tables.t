# factsheet tables shows what is read: the table, its columns with the
# placeholder that reads each, their types, HXL tags and missing values,
# the first rows; a layout's declarations; and the problems (exit 1).
--- file: layout/layout.yaml
tables:
  hno:
    "Country name": {translate: false}
body:
  - text: "x"
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/hno.csv
Country name,Population (UNDESA),In need,Share
#country+name,#population,#inneed,#inneed+pct
Mali,20250834,N/A,12.5%
Niger,25252722,4300000,17%
Chad,17723315,6900000,22%
--- file: data/bad.csv
a,b
1,2,3
--- run
tables data --layout layout --rows 2
--- exit 1
--- stderr
--- stdout-has
data/hno.csv: table hno, 3 rows, 4 columns; comma-separated, UTF-8; HXL hashtags at line 2
  {"Country name"}             text      #country+name  not translated
  {"Population (UNDESA)"}      integer   #population
  {"In need"}                  integer   #inneed  1 missing
  {Share}                      percent   #inneed+pct
  line 3: Mali | 20250834 | N/A | 12.5%
  line 4: Niger | 25252722 | 4300000 | 17%
  ... 1 more row
data/bad.csv:2:5: error: row has 3 fields but the header has 2 columns
tables: 2 tables, 1 problem, 0 notes
