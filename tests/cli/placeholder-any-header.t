# Headers of public humanitarian tables (HDX): a space, brackets, an
# apostrophe, a leading space (read without it: {Cumulative_cases}). Each is
# bound by its name in double quotes;
# check suggests that form for a column nothing reads (issue 12: it
# suggested {Affected 2017}, which cannot be written).
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
body:
  - list:
      repeat: hno
      item: "{\"Country name\"}: {\"Population (UNDESA)\"} people, {Cumulative_cases} cases; {\"People's share\"}"
--- file: data/hno.csv
Country name,Population (UNDESA),Affected 2017, Cumulative_cases,People's share
Mali,20250834,7100000,1839,50%
--- run
check layout data
--- exit 0
--- stderr
--- stdout-has
data/hno.csv:1:34: note: column 'Affected 2017' is shown nowhere: no placeholder reads it
  hint: {"Affected 2017"} in a repeat over hno, or {hno."Affected 2017"} for a one-row table, shows it; leave it if it is not meant for the page
check: 0 problems, 1 note
