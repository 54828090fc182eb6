# An HXL hashtag row under the header is not data: the brief renders from
# the rows below it, and {value, number} still finds numbers.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: data/stats.csv
icon,value,label,label@fr
#meta +icon,#affected +f +children,#description,#description +i_fr
groups,2029052,community members covered,personnes couvertes
school,1839,community members trained,membres formés
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
--- exists: brief.pdf
