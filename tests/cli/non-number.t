# The layout formats {value, number}; a cell that is not a number is an
# error at the cell, and a good existing output survives the failed render.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: data/stats.csv
icon,value,label
groups,2029052,community members covered
school,about 1800,community members trained
--- file: brief.pdf
a good PDF from an earlier render
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/stats.csv:3:8: error: {value} needs a number in column 'value', found 'about 1800'
  hint: write a number such as 2029052 or 2,029,052 (no words or units in the cell)
factsheet: 1 error, 0 warnings
--- unchanged: brief.pdf
