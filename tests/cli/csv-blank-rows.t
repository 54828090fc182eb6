# Empty rows as spreadsheets write them (",,,"), blank lines in the middle
# and blank or whitespace lines at the end (CRLF here) are skipped quietly.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: printf 'icon,value,label,label@fr\r\n,,,\r\ngroups,2029052,community members covered,personnes couvertes\r\n\r\n,,,\r\nschool,1839,community members trained,membres form\303\251s\r\n,,,\r\n \t \r\n\r\n\r\n' > data/stats.csv
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
--- exists: brief.pdf
