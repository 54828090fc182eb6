# Columns no placeholder reads are notes, each at its header, once per run:
# stats.source and its French sibling, and contacts, a key/value table nothing
# reads (reported by its value column). label@fr is used since label is;
# programme's key column since its values are read. Only notes: exit 0.
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
icon,value,label,label@fr,source,source@fr
groups,2029052,people covered,personnes couvertes,census,recensement
school,71,schools,écoles,survey,enquête
--- file: data/fr.po
msgid "The programme helps villages prepare for floods."
msgstr "Le programme aide les villages à se préparer aux crues."
--- file: data/contacts.csv
key,value
email,info@example.org
--- run
check layout data --lang en,fr
--- exit 0
--- stderr
--- stdout-has
== all documents ==
data/contacts.csv:1:5: note: column 'value' is shown nowhere: no placeholder reads it
  hint: a placeholder {contacts.KEY} shows the value of KEY
data/stats.csv:1:27: note: column 'source' is shown nowhere: no placeholder reads it
  hint: {source} in a repeat over stats, or {stats.source} for a one-row table, shows it; leave it if it is not meant for the page
data/stats.csv:1:34: note: column 'source@fr' is shown nowhere: no placeholder reads it
  hint: it translates 'source', which no placeholder reads
check: en: 1 page, 0 problems, 0 notes
check: fr: 1 page, 0 problems, 0 notes
check: all documents: 0 problems, 3 notes
check: 0 problems, 3 notes
