# -j 0 threads is a usage error.
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.pdf -j 0
--- exit 2
--- stderr
factsheet: error: -j takes a number of threads from 1 to 256, not 0
  hint: see factsheet render --help
--- absent: brief.pdf
