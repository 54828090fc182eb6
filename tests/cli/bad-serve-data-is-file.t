# A CSV file is not a data folder.
--- file: stats.csv
icon,value,label
groups,1,people
--- run
serve $ROOT/layouts/brief stats.csv
--- exit 2
--- stderr
stats.csv: error: expected a folder, found a file
  hint: name the folder that holds it
factsheet: 1 error, 0 warnings
