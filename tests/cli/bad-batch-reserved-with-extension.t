# A key value that is a reserved name followed by an extension is made safe too.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
nul.txt,T-1,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
Com2.report,T-2,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -q -o 'out/{country}.pdf'
--- exit 0
--- stderr
--- exists: out/nul_.txt.pdf
--- exists: out/Com2_.report.pdf
