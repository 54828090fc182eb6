# A layout folder that does not exist (and is no installed layout): an error naming the file it looked for.
--- run
render nolayout $ROOT/data/pfr-mali -o brief.pdf
--- exit 2
--- stderr
nolayout/layout.yaml: error: cannot read: No such file or directory
  hint: check the path
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
