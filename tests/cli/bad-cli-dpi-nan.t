# --dpi nan is a usage error like any value outside 36 to 1200.
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.png --dpi nan
--- exit 2
--- stderr
factsheet: error: --dpi takes a number from 36 to 1200, not nan
  hint: see factsheet render --help
--- absent: brief.png
