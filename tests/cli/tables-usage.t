# factsheet tables: a usage error and an unreadable folder exit 2, with
# the hint on standard error and nothing on standard output.
--- run
tables --rows many data
--- exit 2
--- stderr
factsheet: error: --rows takes a number of rows or all, not many
  hint: see factsheet tables --help
