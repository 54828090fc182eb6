# A text without a French translation prints in English, with one warning
# naming the catalog and where the text comes from.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: layout/fr.po
msgid "Key figures"
msgstr "Chiffres clés"
--- run
render layout data --lang fr -o brief-fr.pdf
--- exit 0
--- stderr
layout/layout.yaml:55:27: warning: "Context" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:57:33: warning: "“{programme.quote}”" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:65:35: warning: "Gender focus" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:70:27: warning: "of the IRM champions in the coalitions are women" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:74:15: warning: "Main achievements" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:29:5: warning: "Timeline" is missing from layout/fr.po
  hint: translate it in layout/fr.po (factsheet extract lists every text to translate)
layout/layout.yaml:66:17: warning: "Icon array" is missing from layout/fr.po
  hint: translate it in layout/fr.po (factsheet extract lists every text to translate)
--- exists: brief-fr.pdf
