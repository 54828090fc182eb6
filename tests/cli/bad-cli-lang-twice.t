# --lang en,en names a language twice: a usage error, even with {lang} in the name.
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o 'brief-{lang}.pdf' --lang en,en
--- exit 2
--- stderr
factsheet: error: --lang names a language twice: en
  hint: see factsheet render --help
--- absent: brief-en.pdf
