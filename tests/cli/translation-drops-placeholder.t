# A translation that loses a placeholder is an error at its line in the PO file.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: layout/fr.po
msgid "Key figures"
msgstr "Chiffres clés"

msgid "“{programme.quote}”"
msgstr "« {programme.citation} »"
--- run
render layout data --lang fr -o brief-fr.pdf
--- exit 2
--- stderr
layout/layout.yaml:55:27: warning: "Context" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/fr.po:4:1: error: the translation drops the placeholder {programme.quote}
  hint: keep every {placeholder} of the msgid, unchanged
layout/layout.yaml:65:35: warning: "Gender focus" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:70:27: warning: "of the IRM champions in the coalitions are women" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
layout/layout.yaml:74:15: warning: "Main achievements" is missing from layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
factsheet: 1 error, 4 warnings
--- absent: brief-fr.pdf
