# The brief's stats with labels that look like markup render in both languages with no message (the literal text is checked by bad-cells-look-like-markup.t and tests/unit/test_bind.c).
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: data/stats.csv
icon,value,label,label@fr
groups,2029052,<b>bold</b> & co,<i>gras</i> & cie
campaign,71,**not bold**,**pas gras**
school,1839,{value},{value}
savings,9,'{','{'
--- run
render layout data --lang en,fr -q -o 'brief-{lang}.pdf'
--- exit 0
--- stderr
--- exists: brief-en.pdf
--- exists: brief-fr.pdf
