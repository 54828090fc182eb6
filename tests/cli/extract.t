# factsheet extract writes a template of every text to translate, with
# references; numbers, icon names and addresses are left out.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- run
extract layout data -o brief.pot
--- exit 0
--- stderr
factsheet: wrote 37 texts to brief.pot
--- file-has: brief.pot
"POT-Creation-Date: 2023-11-14 22:13+0000\n"
#: layout/layout.yaml:40
msgid "Key figures"
#: data/programme.csv:2
msgid "Partners for Resilience in Mali"
#. Keep each {placeholder} as it is: it is filled from the data.
msgid "“{programme.quote}”"
