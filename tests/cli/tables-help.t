# factsheet tables --help says what the README says.
--- run
tables --help
--- exit 0
--- stderr
--- stdout-has
Usage: factsheet tables DATA_DIR [--layout LAYOUT] [--format text|json]
  -r, --rows N        the first N rows of each table (default 5); all: every row
