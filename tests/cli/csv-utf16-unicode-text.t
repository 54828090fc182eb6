# Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab
# separated, CRLF, a French decimal comma. It is read as any table.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- shell: printf 'icon\tvalue\tlabel\tlabel@fr\r\ngroups\t2029052\tmembers covered\tpersonnes couvertes\r\nschool\t1839,5\tcaf\303\251s trained\tcaf\303\251s form\303\251s\r\n' | iconv -f UTF-8 -t UTF-16 > data/stats.csv && head -c 2 data/stats.csv | od -An -tx1 | grep -q 'ff fe'
--- run
render layout data --lang en,fr -o 'brief-{lang}.pdf'
--- exit 0
--- stderr
factsheet: 2 documents rendered, 0 failed, 0 warnings
--- exists: brief-fr.pdf
