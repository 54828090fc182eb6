# serve --help says what it does, how to stop it and what it serves.
--- run
serve --help
--- exit 0
--- stderr
--- stdout-has
Usage: factsheet serve LAYOUT DATA_DIR [--lang en,fr] [--each COLUMN]
It prints the page's address, and runs until Ctrl-C. It reads files and
never other files.
