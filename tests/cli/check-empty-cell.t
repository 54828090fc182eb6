# An empty text cell that a placeholder shows: a warning of kind empty-cell
# at the cell, in each language; exit 1. (An empty cell of a number column
# is a missing value: see missing-values.t.)
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
body:
  - heading: "Key figures"
  - text: "{programme.summary}"
  - grid:
      columns: 2
      repeat: stats
      item:
        stat: {icon: "{icon}", value: "{value, number}", label: "{label}"}
  - heading: "Partners"
--- file: layout/fr.po
msgid "Key figures"
msgstr "Chiffres clés"

msgid "Partners"
msgstr "Partenaires"
--- file: data/programme.csv
key,value
summary,The programme helps villages prepare for floods.
--- file: data/stats.csv
icon,value,label,label@fr
groups,2029052,people covered,personnes couvertes
school,71,,
--- file: data/fr.po
msgid "The programme helps villages prepare for floods."
msgstr "Le programme aide les villages à se préparer aux crues."
--- run
check layout data --lang en,fr --format json
--- exit 1
--- stderr
--- stdout-has
        {"severity": "warning", "kind": "empty-cell", "file": "data/stats.csv", "line": 3, "column": 11, "message": "{label} reads an empty cell (column 'label')", "hint": "fill the cell, or remove what shows it"}
      "pages": 1,
  "summary": {"documents": 2, "problems": 2, "notes": 0}
