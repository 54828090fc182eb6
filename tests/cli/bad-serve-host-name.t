# --host takes an address: a name would be resolved, and could name anything.
--- run
serve $ROOT/layouts/brief $ROOT/data/pfr-mali --host example.com
--- exit 2
--- stderr
factsheet: error: --host takes an IP address, such as 127.0.0.1 or ::1, not example.com
  hint: see factsheet serve --help
