# --lang '' names no language: a usage error.
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.pdf --lang ''
--- exit 2
--- stderr
factsheet: error: --lang needs at least one language, such as en or en,fr
  hint: see factsheet render --help
--- absent: brief.pdf
