# A 'where' naming a column the repeated table lacks: one error at the key,
# however many sections repeat it, with the nearest column; exit 2.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- file: data/cases.csv
id,title
a,Mopti
b,Gao
--- file: data/results.csv
case,text
a,Wells repaired
b,Seeds shared
--- file: layout/layout.yaml
body:
  - column:
      repeat: cases
      content:
        - heading: "{title}"
        - list:
            repeat: results
            where: {cases: "{id}"}
            item: "{text}"
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:8:21: error: where: no column 'cases' in data/results.csv
  hint: did you mean 'case'? its columns: case, text
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
