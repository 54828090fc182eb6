# A page that allows one page ('pages: 1') and a body a little too long: its
# texts are drawn smaller to fit, a note of kind shrunk. Notes are not
# problems: the document is clean and check exits 0. (The labels are 9 pt,
# so that shrunk they stay 8 pt at least, which the design check asks.)
--- file: layout/theme.yaml
colors:
  primary: "#0B4F6C"
  text: "#1F2933"
  muted: "#4A5865"
  accent: "#D9661F"
fonts:
  sans: Inter
  icons: Material Icons
icons: icons
styles:
  body: {font: sans, size: 10pt, color: text}
  heading: {font: sans, size: 14pt, weight: bold, color: primary}
  caption: {font: sans, size: 8pt, color: muted}
  stat-number: {font: sans, size: 20pt, weight: bold, color: primary, shrink: 0.7}
  stat-label: {font: sans, size: 9pt, color: text}
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
