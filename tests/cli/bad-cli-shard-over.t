# --shard 3/2: a slice past the number of slices, a usage error.
--- run
render $ROOT/layouts/country $ROOT/data/country-offices --each country -o 'out/{country}.pdf' --shard 3/2
--- exit 2
--- stderr
factsheet: error: --shard takes K/N with 1 <= K <= N, such as 2/8, not 3/2
  hint: see factsheet render --help
--- absent: out
