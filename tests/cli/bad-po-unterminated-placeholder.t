# A msgstr with an unterminated placeholder: reported at the brace, on the msgstr's line.
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
msgstr "Contexte : {programme"

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
layout/fr.po:11:20: error: unterminated placeholder
  hint: close the placeholder with '}', or write '{' as '{' in apostrophes: '{'
factsheet: 1 error, 0 warnings
--- absent: brief-fr.pdf
--- xfail: an unterminated placeholder in a msgstr is reported at the msgid's line with the column of the brace inside the string (layout/fr.po:10:12) instead of where the brace is (the msgstr line, 11:20).
