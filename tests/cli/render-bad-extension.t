--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.docx
--- exit 2
--- stderr
factsheet: error: the output must end in .pdf, .png or .svg: brief.docx
  hint: see factsheet render --help
--- absent: brief.docx
