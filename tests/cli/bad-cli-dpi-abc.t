# --dpi that is not a number is a usage error; nothing is written.
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.png --dpi abc
--- exit 2
--- stderr
factsheet: error: --dpi takes a number from 36 to 1200, not abc
  hint: see factsheet render --help
--- absent: brief.png
