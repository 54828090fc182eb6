# A table with only its header that the layout repeats over (issue 12: a
# blank page and exit 0) is an error at the repeat; nothing is written.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: head -n 1 data/stats.csv > data/s && mv data/s data/stats.csv
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:41:11: error: repeat: table 'stats' has no rows (data/stats.csv has only its header)
  hint: add the table's rows under its header, or remove the repeat
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
