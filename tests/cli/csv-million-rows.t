# A table of a million rows (the most factsheet reads) loads in time even
# when the layout does not read it. The shell step fails the spec unless the
# file has its million rows; csv-too-many-rows.t shows that one row more is
# refused, so the rows are counted, not skipped.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: awk 'BEGIN { print "region,year,value,share"; for (i = 1; i <= 1000000; i++) printf "region %d,%d,\"%d,%03d\",%d.5 %%\n", i, 2000 + i % 25, i % 1000, i % 1000, i % 100 }' > data/big.csv && test "$(wc -l < data/big.csv)" -eq 1000001
--- timeout: 60
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
--- exists: brief.pdf
