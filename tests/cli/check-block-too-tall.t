# A box whose text is longer than a page: an error of kind overflow at the
# box's line; the document cannot be laid out (no pages); exit 1.
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
  - box:
      content:
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
--- shell: { echo text; printf '"'; for i in $(seq 400); do printf 'Floods reached the villages again this year. '; done; echo '"'; } > data/notes.csv
--- run
check layout data --lang en --format json
--- exit 1
--- stderr
--- stdout-has
      "pages": null,
        {"severity": "error", "kind": "overflow", "file": "layout/layout.yaml", "line": 12, "column": 5, "message": "this block is
taller than the space a page has for it", "hint": "shorten its text or split it into several blocks"}
