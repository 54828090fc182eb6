# An empty layout.yaml is refused at 1:1; an existing output is kept.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
--- file: brief.pdf
a good PDF from an earlier render
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:1:1: error: the file is empty; expected a mapping of keys
  hint: start from an example in layouts/
factsheet: 1 error, 0 warnings
--- unchanged: brief.pdf
