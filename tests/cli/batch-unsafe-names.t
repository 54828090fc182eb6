# Values that could climb out of the output folder or upset a file system
# become safe names: no separators, no leading dots, no leading '-' (../../etc
# would give -..-etc, which reads as an option), no reserved names.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
../../etc,E-1,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
CON,C-2,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -q -o 'out/{country}.pdf'
--- exit 0
--- stderr
--- exists: out/_..-etc.pdf
--- exists: out/CON_.pdf
