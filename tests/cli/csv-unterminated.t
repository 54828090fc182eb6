# A quoted field never closed is reported at its opening quote, and an
# existing output survives the failed render untouched.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- file: data/stats.csv
icon,value,label
groups,2029052,"community members covered
school,1839,community members trained
--- file: brief.pdf
a good PDF from an earlier render
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/stats.csv:2:16: error: unterminated quoted field: the quote opened here is never closed
  hint: close the field with a quote, and double every quote inside it ("")
factsheet: 1 error, 0 warnings
--- unchanged: brief.pdf
