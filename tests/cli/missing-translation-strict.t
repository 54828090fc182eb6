# Under --strict a missing or fuzzy translation is an error: nothing is written.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: layout/fr.po
msgid "Key figures"
msgstr "Chiffres clés"

#, fuzzy
msgid "Context"
msgstr "Contexte"
--- run
render layout data --lang fr --strict -o brief-fr.pdf
--- exit 2
--- stderr
layout/layout.yaml:55:27: error: "Context" is marked fuzzy in layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:57:33: error: "“{programme.quote}”" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:65:35: error: "Gender focus" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:70:27: error: "of the IRM champions in the coalitions are women" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:74:15: error: "Main achievements" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
factsheet: 5 errors, 0 warnings
--- absent: brief-fr.pdf
