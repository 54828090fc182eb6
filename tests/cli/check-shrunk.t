# A page that allows one page ('pages: 1') and a body a little too long: its
# texts are drawn smaller to fit, a note of kind shrunk. Notes are not
# problems: the document is clean and check exits 0.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm, pages: 1}
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
  - text: "{notes.text}"
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
--- shell: { echo text; printf '"'; for i in $(seq 62); do printf 'Floods reached the villages again this year. '; done; echo '"'; } > data/notes.csv
--- run
check layout data --lang en --format json
--- exit 0
--- stderr
--- stdout-has
      "pages": 1,
      "status": "clean",
        {"severity": "note", "kind": "shrunk", "file": "layout/layout.yaml", "line": 1, "column": 1, "message": "the body's texts are drawn at
  "summary": {"documents": 1, "problems": 0, "notes": 1}
