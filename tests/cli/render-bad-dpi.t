--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.png --dpi 9000
--- exit 2
--- stderr
factsheet: error: --dpi takes a number from 36 to 1200, not 9000
  hint: see factsheet render --help
--- absent: brief.png
