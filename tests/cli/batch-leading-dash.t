# A value at the start of a file name never makes it start with '-' (a file "-5.pdf" or "--help.pdf" reads as an option to rm, ls or a script's loop): the dashes there become '_'; inside a name they stay.
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
-5,-x,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--help,h,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -q -o 'out/{country}-{code}.pdf'
--- exit 0
--- stderr
--- exists: out/_5--x.pdf
--- exists: out/__help-h.pdf
