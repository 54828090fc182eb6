# An unknown option is a usage error naming it.
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.pdf --frobnicate
--- exit 2
--- stderr
factsheet: error: unknown option --frobnicate
  hint: see factsheet render --help
--- absent: brief.pdf
