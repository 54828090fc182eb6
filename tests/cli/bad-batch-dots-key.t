# Key values made of dots, or starting with one, never give a hidden file or a climb out of the folder.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
....,T-1,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
.env,T-2,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
../..,T-3,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -q -o 'out/{code}-{country}.pdf'
--- exit 0
--- stderr
--- exists: out/T-1-_.pdf
--- exists: out/T-2-env.pdf
--- exists: out/T-3--.pdf
--- absent: out/.*.pdf
