# factsheet --help prints the usage on standard output and succeeds.
--- run
--help
--- exit 0
--- stderr
--- stdout-has
Usage: factsheet COMMAND [OPTIONS]
render LAYOUT DATA_DIR -o FILE
