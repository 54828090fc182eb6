# A Windows-1252 file (what Excel's plain "CSV" writes in Western Europe)
# is read as such, with one warning at its first byte that is not UTF-8;
# its letters and curly quotes reach the page (the box dump).
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: printf 'icon,value,label,label@fr\ngroups,12,caf\351s set up,caf\351s cr\351\351s\nschool,1839,\223trained\224 members,membres form\351s\n' > data/stats.csv
--- run
render layout data -o brief.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
data/stats.csv:2:14: warning: the file is not UTF-8; read it as Windows-1252 (byte 0xE9 here)
  hint: save it as CSV UTF-8 to silence this warning
--- exists: brief.pdf
--- file-has: dump.txt
"cafés set up"
"“trained” members"
