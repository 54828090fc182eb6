# A key value with an escape character is shown escaped in the messages about its document.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- shell: { echo country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end; printf 'Esc\033[31mred,T-1,Sahel,Floods,many,50%%,1,1,1,1,2019-12,2023-04\n'; } > data/results.csv
--- file: out/.keep
--- run
render layout data --each country -q -o 'out/{country}.pdf'
--- exit 1
--- stderr
failed: country 'Esc\x1B[31mred' (en):
data/results.csv:2:30: error: {results.people} needs a number in column 'people', found 'many'
  hint: write a number such as 2029052 or 2,029,052 (no words or units in the cell)
  failed: country 'Esc\x1B[31mred' (en) -> out/Esc-[31mred.pdf
--- absent: out/*.pdf
