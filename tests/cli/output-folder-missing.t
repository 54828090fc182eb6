# A render into a folder that does not exist fails before anything is drawn.
--- copy: data/pfr-mali data
--- run
render $ROOT/layouts/brief data -o missing/brief.pdf
--- exit 2
--- stderr
missing: error: the output folder cannot be written: No such file or directory
  hint: create it first: mkdir -p missing
factsheet: 1 error, 0 warnings
--- absent: missing
