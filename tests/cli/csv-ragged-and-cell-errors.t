# A ragged row no longer hides the other problems of the run (issue 12):
# the rows that could be read are bound, so a cell that is not a number is
# reported with the ragged row, in one run; nothing is written.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: data/stats.csv
icon,value,label,label@fr
groups,2029052,members covered,personnes couvertes
school,about 1800,members trained,membres formés
savings,9,"associations, set up",associations,créées
--- run
render layout data --lang en,fr -o 'brief-{lang}.pdf'
--- exit 2
--- stderr
data/stats.csv:4:47: error: row has 5 fields but the header has 4 columns
  hint: check the delimiters on this line: the file is read as comma-separated (from its header line), so a field that contains a comma must be quoted
data/stats.csv:3:8: error: {value} needs a number in column 'value', found 'about 1800'
  hint: write a number such as 2029052 or 2,029,052 (no words or units in the cell)
factsheet: 2 errors, 0 warnings
--- absent: brief-en.pdf
