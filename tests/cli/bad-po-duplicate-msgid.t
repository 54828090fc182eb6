# The same msgid translated twice: an error at the second, naming the line of the first.
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

msgid "Gender focus"
msgstr "Approche genre"

msgid "Gender focus"
msgstr "Principales réalisations"

msgid "of the IRM champions in the coalitions are women"
msgstr "des champions de la GIR dans les coalitions sont des femmes"

msgid "“{programme.quote}”"
msgstr "« {programme.quote} »"
--- run
render layout data --lang fr -o brief-fr.pdf
--- exit 2
--- stderr
layout/fr.po:16:1: error: duplicate message definition (this is the location of the first definition: line 13)
  hint: open the file in Poedit, or run `msgfmt --check -o /dev/null layout/fr.po`, to see the problem in context
factsheet: 1 error, 0 warnings
--- absent: brief-fr.pdf
