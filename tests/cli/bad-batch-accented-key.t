# Key values ending in an accented letter keep it in the file name.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
São Tomé,T-1,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
Perú,T-2,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
Perù,T-3,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -q -o 'out/{country}.pdf'
--- exit 0
--- stderr
--- exists: out/São Tomé.pdf
--- exists: out/Perú.pdf
--- exists: out/Perù.pdf
