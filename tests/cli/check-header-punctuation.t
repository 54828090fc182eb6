# check suggests, for a header with a comma and a percent sign that nothing
# reads, the quoted form; that form, copied into the layout, reads it.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
body:
  - text: '{hno."Reached, %"} reached'
--- file: data/hno.csv
Pop. 2017,"Reached, %"
20250834,12.5%
--- run
check layout data
--- exit 0
--- stderr
--- stdout-has
data/hno.csv:1:1: note: column 'Pop. 2017' is shown nowhere: no placeholder reads it
  hint: {"Pop. 2017"} in a repeat over hno, or {hno."Pop. 2017"} for a one-row table, shows it; leave it if it is not meant for the page
check: 0 problems, 1 note
