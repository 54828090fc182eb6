# An unknown language stops the check before anything is bound: exit 2.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- run
check layout data --lang en,xx
--- exit 2
--- stderr
factsheet: error: unknown language 'xx'
  hint: use a language that ICU has data for, such as "en", "fr" or "fr-CA"
factsheet: 1 error, 0 warnings
--- stdout
