# A broken layout stops the check before any document is bound: the errors go
# to standard error as for render, nothing to standard output, and the exit
# status is 2.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
body:
  - heading: "Key figures"
  - text: "{programme.summary}"
  - heading: [Partners
--- file: data/programme.csv
key,value
summary,The programme helps villages prepare for floods.
--- run
check layout data --lang en,fr --format json
--- exit 2
--- stderr
layout/layout.yaml:6:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence
  hint: check the indentation and that every ':' inside text is quoted
factsheet: 1 error, 0 warnings
