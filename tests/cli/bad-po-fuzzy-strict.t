# A fuzzy entry under --strict is an error at the text in the layout, naming the catalog; nothing is written.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: layout/fr.po
msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "Key figures"
msgstr "Chiffres clés"

msgid "Context"
msgstr "Contexte"

#, fuzzy
msgid "Gender focus"
msgstr "Approche genre"

msgid "Main achievements"
msgstr "Principales réalisations"

msgid "of the IRM champions in the coalitions are women"
msgstr "des champions de la GIR dans les coalitions sont des femmes"

msgid "“{programme.quote}”"
msgstr "« {programme.quote} »"
--- run
render layout data --lang fr -o brief-fr.pdf --strict
--- exit 2
--- stderr
layout/layout.yaml:65:35: error: "Gender focus" is marked fuzzy in layout/fr.po; the fr page shows it in English
  hint: add its translation (factsheet extract lists every text to translate)
factsheet: 1 error, 0 warnings
--- absent: brief-fr.pdf
