--- run
extract --help
--- exit 0
--- stderr
--- stdout-has
Usage: factsheet extract LAYOUT DATA_DIR -o FILE.pot
msginit
