# A UTF-8 file with one damaged byte (issue 12: "cafÃ" in the PDF) is
# broken UTF-8, never read as Windows-1252: an error at the byte, with its
# value, and nothing is written.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: printf 'icon,value,label\ngroups,12,caf\303\251s\nschool,1839,members caf\351\n' > data/stats.csv
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/stats.csv:3:24: error: invalid UTF-8: byte 0xE9 at byte offset 57 does not start or continue a character
  hint: the file holds UTF-8 text elsewhere, so this byte is damage, not another encoding: retype the character here, or export the file again as "CSV UTF-8"
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
