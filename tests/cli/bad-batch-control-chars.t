# Key values with a tab or a line break give file names without control characters.
# (The line break also takes a line of the title and of the lead: that sheet is drawn smaller.)
--- copy: layouts/country layout
--- copy: data/country-offices/organisation.csv data/organisation.csv
--- file: data/results.csv
country,code,region,programme,people,women_share,villages,groups,trained,water_points,start,end
"Tab	here",T-1,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
"Line
break",T-2,Sahel,Floods,10,50%,1,1,1,1,2019-12,2023-04
--- file: out/.keep
--- run
render layout data --each country -q -o 'out/{country}.pdf'
--- exit 0
--- stderr
in country 'Line\x0Abreak' (en):
layout/layout.yaml:3:1: note: the body's texts are drawn at 91% of their size to fit on 1 page
--- exists: out/Tab-here.pdf
--- exists: out/Line-break.pdf
