--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali --lang en,fr -o brief.pdf
--- exit 2
--- stderr
factsheet: error: several languages need {lang} in the output name, such as out/brief-{lang}.pdf; got brief.pdf
  hint: see factsheet render --help
--- absent: brief.pdf
