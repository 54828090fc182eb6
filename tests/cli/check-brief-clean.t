# The example brief is clean in both languages: nothing would be wrong on
# its pages, so check exits 0 and prints only the per-language summary.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- run
check layout data --lang en,fr
--- exit 0
--- stderr
--- stdout-has
== en ==
== fr ==
check: en: 1 page, 0 problems, 0 notes
check: fr: 1 page, 0 problems, 0 notes
check: 0 problems, 0 notes
