--- run
extract $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.txt
--- exit 2
--- stderr
factsheet: error: the output must end in .pot (or .po)
  hint: see factsheet extract --help
--- absent: brief.txt
