# serve writes nothing: it has no -o.
--- run
serve $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.pdf
--- exit 2
--- stderr
factsheet: error: unknown option -o
  hint: see factsheet serve --help
--- absent: brief.pdf
