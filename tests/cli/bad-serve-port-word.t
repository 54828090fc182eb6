# A port is a number, not a scheme's name.
--- run
serve $ROOT/layouts/brief $ROOT/data/pfr-mali --port http
--- exit 2
--- stderr
factsheet: error: --port takes a number from 0 to 65535, not http
  hint: see factsheet serve --help
