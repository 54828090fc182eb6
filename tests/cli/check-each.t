# The country offices' batch, one document per country and language, is
# clean: 44 documents in each language, exit 0.
--- copy: layouts/country layout
--- copy: data/country-offices data
--- timeout: 300
--- run
check layout data --each country --lang en,fr
--- exit 0
--- stderr
--- stdout-has
== country 'Mali' (en) ==
== country 'Mali' (fr) ==
== country 'Jordan' (fr) ==
check: en: 44 documents, 0 with problems, 0 problems, 0 notes
check: fr: 44 documents, 0 with problems, 0 problems, 0 notes
check: 0 problems, 0 notes
