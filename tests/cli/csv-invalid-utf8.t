# A byte that is neither UTF-8 nor Windows-1252 (0x81 is undefined there)
# is an error at its line, column and byte offset, and nothing is written.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: printf 'icon,value,label\ngroups,12,caf\351s\nschool,1839,members \201trained\n' > data/stats.csv
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/stats.csv:3:21: error: invalid UTF-8 at byte offset 53 (0x81); expected UTF-8 text
  hint: save the file as UTF-8 (in a spreadsheet: Save As, then "CSV UTF-8"); this byte is not Windows-1252 text either, so the file cannot be read as that
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
