# A number column with N/A, - and an empty cell stays a number column
# (issue 12: it became text and printed "883,710" on the French page, which
# reads as 883.71): the numbers are grouped for the language, the missing
# values print as the layout says, and check lists each as a note.
--- file: layout/theme.yaml
colors:
  text: "#1F2933"
fonts:
  sans: Inter
styles:
  body: {font: sans, size: 10pt, color: text}
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
missing: "n/a"
tables:
  cases:
    region: {translate: false}   # names of places: the same in French
body:
  - list:
      repeat: cases
      item: "{region}: {cases}"
--- file: data/cases.csv
region,cases
Mopti,883710
Gao,N/A
Kidal,-
Tombouctou,
--- run
check layout data --lang fr
--- exit 0
--- stderr
--- stdout-has
data/cases.csv:3:5: note: {cases} reads a missing value ('N/A') in column 'cases': it prints as 'n/a'
data/cases.csv:4:7: note: {cases} reads a missing value ('-') in column 'cases': it prints as 'n/a'
data/cases.csv:5:12: note: {cases} reads a missing value (an empty cell) in column 'cases': it prints as 'n/a'
check: fr: 1 page, 0 problems, 3 notes
