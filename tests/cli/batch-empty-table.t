# --each over a table that has only its header (issue 12: it said "out of
# memory") is an error naming the table; nothing is written.
--- copy: layouts/country layout
--- copy: data/country-offices data
--- shell: head -n 1 data/results.csv > data/r && mv data/r data/results.csv
--- run
render layout data --each country -o 'out-{country}.pdf'
--- exit 2
--- stderr
data/results.csv:1:1: error: --each country: table 'results' has no rows, so there is no document to make
  hint: add the rows of the documents under the header, or choose another --each column
factsheet: 1 error, 0 warnings
--- absent: out-Mali.pdf
