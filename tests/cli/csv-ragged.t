# A row with more fields than the header: file:line:col, exit 2, no output.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: data/stats.csv
icon,value,label
groups,2029052,community members, covered by plans
school,1839,community members trained
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/stats.csv:2:34: error: row has 4 fields but the header has 3 columns
  hint: check the delimiters on this line: the file is read as comma-separated (from its header line), so a field that contains a comma must be quoted
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
