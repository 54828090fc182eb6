# A text wrapped in 5,000 '*' on each side (2,500 levels of emphasis) renders without a crash or a message (2pt type, as in bad-markdown-deep-quote.t, so that it fits as emphasis or as literal text).
--- file: layout/theme.yaml
colors: {text: "#000000"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 2pt}
  heading: {font: sans, size: 2pt}
--- file: data/t.csv
key,value
a,b
--- shell: awk 'BEGIN { printf "page: {size: A5, margin: 10mm}\nbody:\n  - text: \""; for (i = 0; i < 5000; i++) printf "*"; printf "deep"; for (i = 0; i < 5000; i++) printf "*"; print "\"" }' > layout/layout.yaml
--- timeout: 20
--- run
render layout data -o deep.pdf
--- exit 0
--- stderr
--- exists: deep.pdf
