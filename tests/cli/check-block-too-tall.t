# A box whose text is longer than a page: an error of kind overflow at the
# box's line; the document cannot be laid out (no pages); exit 1.
--- file: layout/theme.yaml
colors:
  primary: "#0B4F6C"
  text: "#1F2933"
fonts:
  sans: Inter
  icons: Material Icons
icons: icons
styles:
  body: {font: sans, size: 10pt, color: text}
  heading: {font: sans, size: 14pt, weight: bold, color: primary}
  stat-number: {font: sans, size: 20pt, weight: bold, color: primary, shrink: 0.7}
  stat-label: {font: sans, size: 8pt, color: text}
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
