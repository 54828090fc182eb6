--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: data/stats.csv
icon,value,value
groups,2029052,community members covered
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/stats.csv:1:12: error: duplicate column name "value": column 2 already has this name
  hint: rename one of the two columns so that every name is unique
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
