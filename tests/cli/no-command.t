# Without a command: the usage on standard error, exit 2.
--- run

--- exit 2
--- stderr-has
Usage: factsheet COMMAND [OPTIONS]
  render LAYOUT DATA_DIR -o FILE   render a factsheet (.pdf, .png or .svg)
--- stdout
