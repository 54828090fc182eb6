# Each language once, as for render.
--- run
serve $ROOT/layouts/brief $ROOT/data/pfr-mali --lang en,fr,en
--- exit 2
--- stderr
factsheet: error: --lang names a language twice: en
  hint: see factsheet serve --help
