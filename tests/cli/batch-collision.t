# Two documents that would get one file name are an error before anything
# is rendered; key values are made safe for file names.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
A/B,AB-1,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
A:B,AB-2,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -o 'out/{country}.pdf'
--- exit 2
--- stderr
factsheet: error: documents country 'A/B' (en) and country 'A:B' (en) would both be written to out/A-B.pdf
  hint: put a column that differs between them in the name, such as {iso3}
factsheet: 1 error, 0 warnings
--- absent: out/*.pdf
