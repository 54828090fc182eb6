# Key values that Windows reserves (NUL, com1, Aux, LPT9), in any case, get a trailing underscore.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
NUL,T-1,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
com1,T-2,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
Aux,T-3,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
LPT9,T-4,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
Console,T-5,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -q -o 'out/{country}.pdf'
--- exit 0
--- stderr
--- exists: out/NUL_.pdf
--- exists: out/com1_.pdf
--- exists: out/Aux_.pdf
--- exists: out/LPT9_.pdf
--- exists: out/Console.pdf
