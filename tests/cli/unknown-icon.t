--- copy: layouts/brief data-layout
--- copy: data/pfr-mali data
--- file: data/stats.csv
icon,value,label
grups,2029052,community members covered
school,1839,community members trained
--- run
render data-layout data -o brief.pdf
--- exit 2
--- stderr
data/stats.csv:2:1: error: unknown icon 'grups'
  hint: did you mean 'groups', 'grass' or 'group'? factsheet icons WORD lists the names that contain WORD
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
