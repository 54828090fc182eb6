# --each: one section per document. A problem every document shares (a layout
# string missing from layout/fr.po) is printed once, then counted under the
# next documents as "shown above"; a problem of one document (an empty cell)
# only under it. The JSON report lists every problem under each document.
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
office,icon,value,label,label@fr
Mopti,groups,2029052,people covered,personnes couvertes
Gao,school,71,,
--- file: data/fr.po
msgid "The programme helps villages prepare for floods."
msgstr "Le programme aide les villages à se préparer aux crues."
--- run
check layout data --each office --lang fr
--- exit 1
--- stderr
--- stdout-has
== office 'Mopti' (fr) ==
layout/layout.yaml:11:15: warning: "Partners" is missing from layout/fr.po; the fr page shows it in English
== office 'Gao' (fr) ==
data/stats.csv:3:15: warning: {label} reads an empty cell (column 'label')
(and 1 more, shown above for another document)
check: fr: 2 documents, 2 with problems, 3 problems, 0 notes
check: 3 problems, 0 notes
