# A heading of 5,000 nested '>' (block quotes in Markdown) renders without a crash or a message (2pt type, so that it fits as quotes or as literal text).
--- file: layout/theme.yaml
colors: {text: "#000000"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 2pt}
  heading: {font: sans, size: 2pt}
--- file: data/t.csv
key,value
a,b
--- shell: awk 'BEGIN { printf "page: {size: A5, margin: 10mm}\nbody:\n  - heading: \""; for (i = 0; i < 5000; i++) printf "> "; print "deep\"" }' > layout/layout.yaml
--- timeout: 20
--- run
render layout data -o deep.pdf
--- exit 0
--- stderr
--- exists: deep.pdf
