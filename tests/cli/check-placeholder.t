# A placeholder naming no row of a key/value table: an error of binding, kind
# placeholder. check found a problem, so it exits 1 (render exits 2 for it: it
# cannot render). The document is not laid out, so it has no pages, and no
# column is reported unused while a document does not bind.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
body:
  - heading: "Key figures"
  - text: "{programme.sumary}"
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
school,71,schools,écoles
--- file: data/fr.po
msgid "The programme helps villages prepare for floods."
msgstr "Le programme aide les villages à se préparer aux crues."
--- run
check layout data --lang en --format json
--- exit 1
--- stderr
--- stdout-has
      "pages": null,
      "status": "problems",
        {"severity": "error", "kind": "placeholder", "file": "layout/layout.yaml", "line": 5, "column": 12, "message": "{programme.sumary}: no row with key 'sumary' in data/programme.csv", "hint": "add a row with that key, or fix the placeholder"}
  "problems": [],
  "summary": {"documents": 1, "problems": 1, "notes": 0}
