# --shard 0/3: slices count from 1, a usage error.
--- run
render $ROOT/layouts/country $ROOT/data/country-offices --each country -o 'out/{country}.pdf' --shard 0/3
--- exit 2
--- stderr
factsheet: error: --shard takes K/N with 1 <= K <= N, such as 2/8, not 0/3
  hint: see factsheet render --help
--- absent: out
