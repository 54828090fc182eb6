# check's design rule for long lines: a text whose lines run over 90
# characters is a problem (good body text runs 45 to 75); the same text
# half as wide is fine.
--- file: layout/theme.yaml
colors: {text: "#1F2933"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 8pt, color: text}
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - text: "{doc.text}"
  - text: {value: "{doc.text}", width: 50%}
--- file: data/doc.csv
key,value
text,"Savings groups lent to their members, and the committees that run the wells met every month to share the costs of spare parts and to plan the work of the dry season together."
--- run
check layout data
--- exit 1
--- stderr
--- stdout
== en ==
layout/layout.yaml:3:5: warning: lines of up to 132 characters: more than 90 are hard to follow (good body text runs 45 to 75)
  hint: give the text a width (such as 'width: 60%'), set it in columns, or make it larger
check: en: 1 page, 1 problem, 0 notes
check: 1 problem, 0 notes
