--- run
extract --help
--- exit 0
--- stdout-has
Usage: factsheet extract LAYOUT DATA_DIR -o FILE.pot
msginit
