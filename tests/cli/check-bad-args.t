# check needs a layout and a data folder: a usage error, exit 2.
--- run
check layouts/brief
--- exit 2
--- stderr
factsheet: error: check takes a LAYOUT and a DATA_DIR
  hint: see factsheet check --help
