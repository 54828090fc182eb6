# A 10 MB field is refused at the field, even in a table the layout does
# not read, and nothing is written.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: awk 'BEGIN { printf "name,text\nnotes,"; for (i = 0; i < 655360; i++) printf "0123456789abcdef"; printf "\nend,x\n" }' > data/big.csv
--- timeout: 60
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/big.csv:2:7: error: a field of more than 1 MiB; at most 1 MiB per field is supported
  hint: shorten the text of this cell, or keep such long texts out of the table
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
