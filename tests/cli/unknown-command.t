--- run
rendr layouts/brief data
--- exit 2
--- stderr
factsheet: error: unknown command 'rendr'
  hint: commands: render, extract, check, serve, tables, icons; see factsheet --help
