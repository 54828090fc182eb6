# Four stats in a row of an A5 page, one of them a 13-digit number: the
# numbers of the group do not fit their tiles even shrunk to the style's
# limit. A warning of kind overflow at the grid's item; exit 1.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
body:
  - heading: "Key figures"
  - text: "{programme.summary}"
  - grid:
      columns: 4
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
groups,2029052000000,people covered,personnes couvertes
school,71,schools,écoles
water_drop,340,water points,points d’eau
savings,12,savings groups,groupes d’épargne
--- file: data/fr.po
msgid "The programme helps villages prepare for floods."
msgstr "Le programme aide les villages à se préparer aux crues."
--- run
check layout data --lang en --format json
--- exit 1
--- stderr
--- stdout-has
      "pages": 1,
        {"severity": "warning", "kind": "overflow", "file": "layout/layout.yaml", "line": 10, "column": 9, "message": "the numbers of this group do not fit their tiles
"hint": "widen the tiles
