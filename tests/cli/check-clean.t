# A small layout, its data and both catalogs complete: clean, exit 0.
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
school,71,schools,écoles
--- file: data/fr.po
msgid "The programme helps villages prepare for floods."
msgstr "Le programme aide les villages à se préparer aux crues."
--- run
check layout data --lang en,fr
--- exit 0
--- stderr
--- stdout-has
== en ==
== fr ==
check: en: 1 page, 0 problems, 0 notes
check: fr: 1 page, 0 problems, 0 notes
check: 0 problems, 0 notes
