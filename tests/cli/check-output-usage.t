# check -o takes the pattern render takes, with render's rules: several languages need {lang} in it (and an output name ends in .pdf, .png or .svg).
--- run
check $ROOT/layouts/brief $ROOT/data/pfr-mali --lang en,fr -o out/brief.pdf
--- exit 2
--- stderr
factsheet: error: several languages need {lang} in the output name, such as out/brief-{lang}.pdf; got out/brief.pdf
  hint: see factsheet check --help
