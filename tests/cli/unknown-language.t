--- copy: data/pfr-mali data
--- run
render $ROOT/layouts/brief data --lang xx -o brief.pdf
--- exit 2
--- stderr
factsheet: error: unknown language 'xx'
  hint: use a language that ICU has data for, such as "en", "fr" or "fr-CA"
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
