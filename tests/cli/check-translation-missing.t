# French catalogs lacking a translation: a layout string missing from
# layout/fr.po, a cell's text marked fuzzy in data/fr.po. Each is a warning of
# kind translation, counted as a problem even without --strict: exit 1.
# English needs no catalog and is clean.
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

--- file: data/programme.csv
key,value
summary,The programme helps villages prepare for floods.
--- file: data/stats.csv
icon,value,label,label@fr
groups,2029052,people covered,personnes couvertes
school,71,schools,écoles
--- file: data/fr.po
#, fuzzy
msgid "The programme helps villages prepare for floods."
msgstr "Le programme aide les villages à se préparer aux crues."
--- run
check layout data --lang en,fr --format json
--- exit 1
--- stderr
--- stdout-has
      "lang": "en",
      "status": "clean",
      "lang": "fr",
      "status": "problems",
        {"severity": "warning", "kind": "translation", "file": "layout/layout.yaml", "line": 11, "column": 15, "message": "\"Partners\" is missing from layout/fr.po; the fr page shows it in English", "hint": "add its translation (factsheet extract lists every text to translate)"},
        {"severity": "warning", "kind": "translation", "file": "data/programme.csv", "line": 2, "column": 9, "message": "\"The programme helps villages prepare for floods.\" is marked fuzzy in data/fr.po", "hint": "translate it in data/fr.po (factsheet extract lists every text to translate), or in a column 'value@fr'"}
  "summary": {"documents": 2, "problems": 2, "notes": 0}
