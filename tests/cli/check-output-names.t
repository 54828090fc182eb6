# check -o reports what render would refuse about the output names before drawing: two documents whose names differ only by case, and a name too long for its folder (a value is cut at 80 bytes, the rest of the pattern adds up). Both are problems of the run; nothing is written, and the folder need not exist yet.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
Mali,ML,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
MALI,ML,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
Longland,LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- run
check layout data --each country -o 'out/{country}-{code}-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pdf'
--- exit 1
--- stderr
--- stdout
== country 'Mali' (en) ==
== country 'MALI' (en) ==
== country 'Longland' (en) ==
== all documents ==
factsheet: error: documents country 'MALI' (en) and country 'Mali' (en) would be written to out/MALI-ML-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pdf and out/Mali-ML-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pdf, names that differ only by case: one file on macOS and Windows
  hint: put a column that differs between them in the name, such as {iso3}
out/Longland-LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.pdf: error: this file name is 249 bytes long, and can be at most 247 here: the file system allows 255, less 8 for the temporary file written beside it
  hint: shorten the output pattern, or name the files by a shorter column such as {iso3}
check: en: 3 documents, 0 with problems, 0 problems, 0 notes
check: all documents: 2 problems, 0 notes
check: 2 problems, 0 notes
--- absent: out
