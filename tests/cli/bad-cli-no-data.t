# A data folder that does not exist: an error naming it.
--- run
render $ROOT/layouts/brief nodata -o brief.pdf
--- exit 2
--- stderr
nodata: error: cannot read the data folder: No such file or directory
  hint: give the folder that holds the CSV files
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
