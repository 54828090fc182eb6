# An output path that is a folder: the render fails (exit 1), the folder is left as it was and no temporary file remains.
--- file: brief.pdf/keep.txt
this folder is not a PDF
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.pdf
--- exit 1
--- stderr
brief.pdf: error: cannot replace the output: Is a directory
factsheet: 1 error, 0 warnings
--- unchanged: brief.pdf/keep.txt
