# The keys of grid cells and stat tiles, misused: every mistake is reported
# in one run, at its line and column, with what to write instead. A span
# wider than the grid, a span outside a grid (it would be ignored), a hero
# first cell that is not a stat, and misspelt words with their choices.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - grid:
      columns: 3
      content:
        - text: {value: "Wide", span: 4}
  - text: {value: "Alone", span: 2}
  - grid:
      hero: first
      repeat: stats
      item: {text: "{label}"}
  - grid:
      last-row: centre
      content: [{stat: {value: "{programme.title}", label: x, icon-position: above}}]
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:6:11: error: this cell spans 4 columns, but its grid has 3
  hint: give 'span' at most the grid's 'columns', or add columns
layout/layout.yaml:7:5: error: 'span' is for the cells of a grid; this text is not in one
  hint: put the node in a grid's 'content' (or its 'item'), or remove 'span'
layout/layout.yaml:11:14: error: 'hero: first' makes the first cell a hero figure, but it is text
  hint: make the grid's first cell a stat, or remove 'hero: first'
layout/layout.yaml:13:17: error: unknown last-row 'centre'
  hint: did you mean 'center'? 'last-row' takes one of: center, stretch, start
layout/layout.yaml:14:78: error: unknown icon-position 'above'
  hint: 'icon-position' takes one of: left, top, corner, none
factsheet: 5 errors, 0 warnings
--- absent: brief.pdf
