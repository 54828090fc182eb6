# A table of one row more than a million is refused at that row, even when
# the layout does not read it, and nothing is written (csv-million-rows.t
# renders with a million).
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: awk 'BEGIN { print "region,year,value,share"; for (i = 1; i <= 1000001; i++) printf "region %d,%d,\"%d,%03d\",%d.5 %%\n", i, 2000 + i % 25, i % 1000, i % 1000, i % 100 }' > data/big.csv && test "$(wc -l < data/big.csv)" -eq 1000002
--- timeout: 60
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/big.csv:1000002:1: error: more than 1000000 data rows; at most 1000000 are supported
  hint: split the table into several files, or aggregate it before making a brief
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
