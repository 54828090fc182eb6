# A data folder without any CSV file: an error naming it.
--- file: data/README.txt
The tables are still to come.
--- run
render $ROOT/layouts/brief data -o brief.pdf
--- exit 2
--- stderr
data: error: the data folder has no CSV file
  hint: put the tables the layout reads, as .csv files, in this folder
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
