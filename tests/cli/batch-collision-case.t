# Output names that differ only by case are one file on macOS and Windows: an error for the whole batch before anything is drawn, naming both documents and both names.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
Mali,ML-1,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
MALI,ML-2,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -o 'out/{country}.pdf'
--- exit 2
--- stderr
factsheet: error: documents country 'MALI' (en) and country 'Mali' (en) would be written to out/MALI.pdf and out/Mali.pdf, names that differ only by case: one file on macOS and Windows
  hint: put a column that differs between them in the name, such as {iso3}
factsheet: 1 error, 0 warnings
--- absent: out/*.pdf
