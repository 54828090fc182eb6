# What French Excel writes: semicolons, thousands grouped with a narrow
# no-break space (U+202F), a space or '.', and a decimal comma; each is read
# as the number it is (the box dump shows them formatted in English).
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: printf 'icon;value;label;label@fr\ngroups;2\342\200\257029\342\200\257052;community members covered;personnes couvertes\nschool;1 839,5;members trained;membres form\303\251s\ncampaign;3.040.063;CSOs;OSC\nsavings;9;associations;associations\n' > data/stats.csv
--- run
render layout data -o brief.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- exists: brief.pdf
--- file-has: dump.txt
"2,029,052"
"1,839.5"
"3,040,063"
"9"
