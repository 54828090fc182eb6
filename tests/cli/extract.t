# factsheet extract writes a template of every text to translate, with
# references; numbers, icon names and addresses are left out.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- run
extract layout data -o brief.pot
--- exit 0
--- stderr
factsheet: wrote 37 texts to brief.pot
