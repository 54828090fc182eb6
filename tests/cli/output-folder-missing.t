# A render into a folder that does not exist fails cleanly.
--- copy: data/pfr-mali data
--- run
render $ROOT/layouts/brief data -o missing/brief.pdf
--- exit 1
--- stderr
missing/brief.pdf: error: cannot write the output: No such file or directory
  hint: create the output folder first, or choose one you can write to
factsheet: 1 error, 0 warnings
--- absent: missing
