# factsheet check --help prints the usage on standard output and succeeds.
--- run
check --help
--- exit 0
--- stderr
--- stdout-has
Usage: factsheet check LAYOUT DATA_DIR [--lang en,fr] [--each COLUMN]
  -f, --format FORMAT text (default), or json: a stable report for scripts
Exit status: 0 nothing wrong (notes at most); 1 problems found (any error
