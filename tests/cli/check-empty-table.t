# check says what render would refuse (issue 12: it said clean): a table
# with only its header that the layout repeats over is a problem of kind
# empty-table, and the document is not laid out; exit 1.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: head -n 1 data/stats.csv > data/s && mv data/s data/stats.csv
--- run
check layout data --format json
--- exit 1
--- stderr
--- stdout-has
        {"severity": "error", "kind": "empty-table", "file": "layout/layout.yaml", "line": 41, "column": 11, "message": "repeat: table 'stats' has no rows (data/stats.csv has only its header)", "hint": "add the table's rows under its header, or remove the repeat"}
      "pages": null,
