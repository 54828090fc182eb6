# An output name asking for a column the keyed table lacks stops the run before anything is rendered.
--- copy: layouts/country layout
--- copy: data/country-offices data
--- file: out/.keep
--- run
render layout data --each country -o 'out/{nosuchcolumn}.pdf'
--- exit 2
--- stderr
factsheet: error: the output name asks for {nosuchcolumn}, which that table has no column of
  hint: name a column of the table that has the --each column
factsheet: 1 error, 0 warnings
--- absent: out/*.pdf
