# A chart's row colours: the theme's palette, which this theme lacks, a
# colour it does not define, and a word that is neither.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- copy: data/pfr-mali data
--- file: layout/layout.yaml
page: {size: A4, margin: 14mm}
body:
  - chart: {type: timeline, repeat: phases, value: "{period}", label: "{text}", colors: palette}
  - chart: {type: timeline, repeat: phases, value: "{period}", label: "{text}", colors: [accent, pink]}
  - chart: {type: timeline, repeat: phases, value: "{period}", label: "{text}", colors: accent}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:3:89: error: 'colors: palette' takes the theme's chart palette, and the theme has none
  hint: add 'chart: {palette: [accent, primary]}' to the theme, or list the colours here
layout/layout.yaml:4:98: error: unknown colour 'pink'
  hint: use a colour of the theme (white, black, primary, text, muted, accent) or a hex value such as "#1d5c96"
layout/layout.yaml:5:89: error: 'colors' must be a list of colours or the word palette
  hint: write colors: [accent, primary], or colors: palette for the theme's
factsheet: 3 errors, 0 warnings
--- absent: brief.pdf
