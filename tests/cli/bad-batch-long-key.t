# A 300-character value in the output name gives a file name cut at 80 bytes.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
Longland,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -q -o 'out/{code}.pdf'
--- exit 0
--- stderr
--- exists: out/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.pdf
--- absent: out/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx*
