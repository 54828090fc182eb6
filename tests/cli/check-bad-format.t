# An unknown report format is a usage error: exit 2.
--- run
check layouts/brief data/pfr-mali --format xml
--- exit 2
--- stderr
factsheet: error: --format takes text or json, not xml
  hint: see factsheet check --help
