# factsheet render --help explains the command's arguments.
--- run
render --help
--- exit 0
--- stderr
--- stdout-has
Usage: factsheet render LAYOUT DATA_DIR -o FILE [--lang en,fr] [--each COLUMN]
--each COLUMN
--shard K/N
--dpi N
