# "Côte d'Ivoire" written with a precomposed ô (NFC) and with o and a combining circumflex (NFD) looks the same and is one file name on macOS: an error before anything is drawn, even in a data file that mixes the two.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
"Côte d'Ivoire",CI-1,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
"Côte d'Ivoire",CI-2,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -o 'out/{country}.pdf'
--- exit 2
--- stderr
factsheet: error: documents country 'Côte d'Ivoire' (en) and country 'Côte d'Ivoire' (en) would be written to out/Côte d'Ivoire.pdf and out/Côte d'Ivoire.pdf, names that differ only in how their accents are encoded (NFC and NFD): one file on macOS
  hint: put a column that differs between them in the name, such as {iso3}
factsheet: 1 error, 0 warnings
--- absent: out/*.pdf
