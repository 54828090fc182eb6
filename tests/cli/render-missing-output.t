--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali
--- exit 2
--- stderr
factsheet: error: no output file: add -o FILE.pdf (or .png, .svg)
  hint: see factsheet render --help
