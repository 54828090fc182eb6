# An output path that is a folder: the render fails (exit 1), the folder is left as it was and no temporary file remains.
--- file: brief.pdf/keep.txt
this folder is not a PDF
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.pdf
--- exit 1
--- stderr
brief.pdf: error: the output is not a regular file
  hint: write to a file: factsheet replaces its output whole, which a device or folder cannot be
factsheet: 1 error, 0 warnings
--- unchanged: brief.pdf/keep.txt
