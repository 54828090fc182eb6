# Headers with a dot, a comma or a percent sign (issue 12: none could be
# written in a placeholder) are bound in double quotes, as numbers too; a
# dot inside the quotes is part of the name, not a table's; check's
# suggestion for a column nothing reads is a form that works when copied.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
body:
  - text: '{hno."Pop. 2017", number} people, {hno."Total, all"} in all, {hno."Share %"} of them'
--- file: data/hno.csv
Pop. 2017,"Total, all",Share %,"Reached, %"
20250834,7100000,35%,12.5%
--- run
render layout data -o brief.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- file-has: dump.txt
"20,250,834 people, 7,100,000 in all, 35% of them"
