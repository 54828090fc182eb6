# What Excel on Windows writes: stats.CSV (the extension in capitals) is
# the table stats, and the empty columns after the header's last name
# ("icon;value;label;label@fr;;;") are left out with a note.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: rm data/stats.csv && printf 'icon;value;label;label@fr;;;\ngroups;2029052;members covered;personnes couvertes;;;\nschool;1839;members trained;membres form\303\251s\n' > data/stats.CSV
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
data/stats.CSV:1:27: note: 3 empty columns at the end of the header are left out: they have no name and no data
  hint: delete the empty columns in the spreadsheet to silence this note
--- exists: brief.pdf
