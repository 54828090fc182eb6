# serve needs a layout and a data folder.
--- run
serve $ROOT/layouts/brief
--- exit 2
--- stderr
factsheet: error: serve takes a LAYOUT and a DATA_DIR
  hint: see factsheet serve --help
