# 10,000 nested boxes in flow style are refused at the 65th level, quickly, without a crash.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- shell: awk 'BEGIN { printf "page: {size: A4, margin: 14mm}\nbody:\n  - "; for (i = 0; i < 10000; i++) printf "{box: {content: ["; printf "{text: deep}"; for (i = 0; i < 10000; i++) printf "]}}"; print "" }' > layout/layout.yaml
--- timeout: 5
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:362: error: nesting is deeper than 64 levels
  hint: flatten the layout: nest fewer boxes
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
