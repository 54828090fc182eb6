--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: data/stats.csv
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/stats.csv:1:1: error: empty CSV file; expected a header row
  hint: add a first line that names the columns, e.g. region,year,value
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
