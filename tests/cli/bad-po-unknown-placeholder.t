# A translation that adds a placeholder the msgid lacks is an error at the entry in the PO file.
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
msgstr "Contexte : {programme.pays}"

msgid "Gender focus"
msgstr "Approche genre"

msgid "Main achievements"
msgstr "Principales réalisations"

msgid "of the IRM champions in the coalitions are women"
msgstr "des champions de la GIR dans les coalitions sont des femmes"

msgid "“{programme.quote}”"
msgstr "« {programme.quote} »"
--- run
render layout data --lang fr -o brief-fr.pdf
--- exit 2
--- stderr
layout/fr.po:10:1: error: the translation has a placeholder {programme.pays} that the msgid lacks
  hint: use only the msgid's placeholders; names are never translated
factsheet: 1 error, 0 warnings
--- absent: brief-fr.pdf
