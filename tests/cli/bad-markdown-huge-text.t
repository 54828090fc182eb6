# A 2 MB text in layout.yaml (under the 4 MiB file limit) is refused with the text size error at its node; a good output survives.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- shell: { printf 'page: {size: A4, margin: 14mm}\nbody:\n  - text: "'; head -c 2000000 /dev/zero | tr '\0' x; printf '"\n'; } > layout/layout.yaml
--- file: brief.pdf
a good PDF from an earlier render
--- timeout: 20
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:5: error: text is larger than 1024 KiB
  hint: shorten the text
factsheet: 1 error, 0 warnings
--- unchanged: brief.pdf
