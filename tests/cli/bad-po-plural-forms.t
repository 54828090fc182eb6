# A plural entry with one msgstr[] where French (nplurals=2) needs two is an error at the entry.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: layout/fr.po
msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "Key figures"
msgid_plural "Key figures"
msgstr[0] "Chiffres clés"

msgid "Context"
msgstr "Contexte"

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
layout/fr.po:7:1: error: this plural entry has 1 form, but the catalog's header declares nplurals=2 (line 1)
  hint: give one msgstr[N] for each plural form the header's Plural-Forms declares
factsheet: 1 error, 0 warnings
--- absent: brief-fr.pdf
