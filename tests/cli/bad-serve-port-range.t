# A port is a number from 0 to 65535.
--- run
serve $ROOT/layouts/brief $ROOT/data/pfr-mali --port 70000
--- exit 2
--- stderr
factsheet: error: --port takes a number from 0 to 65535, not 70000
  hint: see factsheet serve --help
