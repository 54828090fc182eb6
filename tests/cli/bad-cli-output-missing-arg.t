# -o without its file name: a usage error saying the file is missing.
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o
--- exit 2
--- stderr
factsheet: error: this option needs a value: -o
  hint: see factsheet render --help
