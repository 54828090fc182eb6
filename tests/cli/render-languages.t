# One command renders every language; {lang} names each output.
--- copy: data/pfr-mali data
--- copy: layouts/brief layout
--- run
render layout data --lang en,fr -o 'brief-{lang}.pdf'
--- exit 0
--- stderr
factsheet: 2 documents rendered, 0 failed, 0 warnings
--- exists: brief-en.pdf
--- exists: brief-fr.pdf
