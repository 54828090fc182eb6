# --each renders one document per key and language; a bad row fails alone,
# the others are written, and the run exits 1 with a summary.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- copy: data/country-offices/fr.po data/fr.po
--- file: data/results.csv
country,country@fr,code,region,region@fr,programme,programme@fr,people,women_share,villages,groups,trained,water_points,start,end
Mali,Mali,ML-1,Sahel,Sahel,Floods,Inondations,82674,66%,181,94,12972,1,2019-12,2023-04
Niger,Niger,NE-2,Sahel,Sahel,Farming,Agriculture,1354838,62%,1,27,9567,2,2018-10,2023-07
Chad,Tchad,TD-3,Sahel,Sahel,Savings,Épargne,lots,55%,3,5,400,0,2018-01,2021-06
--- file: out/.keep
--- run
render layout data --each country --lang en,fr -j 1 -o 'out/{country}-{lang}.pdf' --strict
--- exit 1
--- stderr
failed: country 'Chad' (en):
data/results.csv:4:45: error: {results.people} needs a number in column 'people', found 'lots'
  hint: write a number such as 2029052 or 2,029,052 (no words or units in the cell)
failed: country 'Chad' (fr):
data/results.csv:4:45: error: {results.people} needs a number in column 'people', found 'lots'
  hint: write a number such as 2029052 or 2,029,052 (no words or units in the cell)
factsheet: 4 documents rendered, 2 failed, 0 warnings
  failed: country 'Chad' (en) -> out/Chad-en.pdf
  failed: country 'Chad' (fr) -> out/Chad-fr.pdf
--- exists: out/Mali-en.pdf
--- exists: out/Mali-fr.pdf
--- exists: out/Niger-en.pdf
--- exists: out/Niger-fr.pdf
--- absent: out/Chad-*.pdf
