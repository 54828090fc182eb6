# --each names a column.
--- run
serve $ROOT/layouts/brief $ROOT/data/pfr-mali --each ''
--- exit 2
--- stderr
factsheet: error: --each needs a column name
  hint: see factsheet serve --help
