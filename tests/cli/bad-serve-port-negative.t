# strtoul would read -1 as the largest number: refused as it is written.
--- run
serve $ROOT/layouts/brief $ROOT/data/pfr-mali --port -1
--- exit 2
--- stderr
factsheet: error: --port takes a number from 0 to 65535, not -1
  hint: see factsheet serve --help
