# A '..' the user writes in -o is theirs to choose: it is kept, and the files land where it points.
--- file: sub/.keep
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali --lang en,fr -q -o 'sub/../escape-{lang}.pdf'
--- exit 0
--- stderr
--- exists: escape-en.pdf
--- exists: escape-fr.pdf
--- absent: sub/*.pdf
