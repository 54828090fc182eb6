# extract, too, removes the hidden temporary that a killed run left beside its template, and says so.
--- file: .brief.pot.zz99ZZ
msgid ""
--- run
extract $ROOT/layouts/brief $ROOT/data/pfr-mali -o brief.pot
--- exit 0
--- stderr
factsheet: wrote 37 texts to brief.pot
.brief.pot.zz99ZZ: note: removed this temporary file, left by an earlier run that did not finish
--- absent: .brief.pot.zz99ZZ
--- exists: brief.pot
