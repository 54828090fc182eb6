# A placeholder naming no column of the repeated table, in the text report:
# the error with its hint under each language, then "not laid out"; exit 1.
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
        stat: {icon: "{icon}", value: "{value, number}", label: "{lable}"}
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
--- exit 1
--- stderr
--- stdout-has
== en ==
layout/layout.yaml:10:66: error: {lable}: no column 'lable' in data/stats.csv
  hint: did you mean 'label'? its columns: icon, value, label, label@fr
not laid out: the errors above stop it
== fr ==
check: en: not laid out, 1 problem, 0 notes
check: fr: not laid out, 1 problem, 0 notes
check: 2 problems, 0 notes
