--- copy: layouts/country layout
--- copy: data/country-offices data
--- run
render layout data --each contry -o '{contry}.pdf'
--- exit 2
--- stderr
data: error: --each contry: no table of the data folder has a column 'contry'
  hint: did you mean 'country'? columns of the data folder: key, value, country, country@fr, code, region, region@fr, programme, programme@fr, people, women_share, villages, groups, trained, water_points, start, end
factsheet: 1 error, 0 warnings
