# A msgstr without its opening quote: reported where the quote belongs, as a missing opening quote.
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
msgstr Contexte"

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
layout/fr.po:11:8: error: this string has no opening quote
  hint: write the text in quotes: msgstr "..."
factsheet: 1 error, 0 warnings
--- absent: brief-fr.pdf
--- xfail: a msgstr whose opening quote is missing (msgstr Contexte") is reported as "this string has no closing quote on its line" at the closing quote (11:16), which the user can see is there; it should point at where the quote belongs (11:8) and say the opening quote is missing.
