# check's design rule for small text: text drawn under 8 pt is a problem
# of kind design at its node, with the style to change; 8 pt is fine.
--- file: layout/theme.yaml
colors: {text: "#1F2933"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 8pt, color: text}
  note: {font: sans, size: 7pt, color: text}
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
body:
  - text: "Eight points reads well in print."
  - text: {value: "Seven points does not.", style: note}
--- file: data/doc.csv
key,value
x,1
--- run
check layout data
--- exit 1
--- stderr
--- stdout
== en ==
layout/layout.yaml:4:5: warning: text drawn at 7.0 pt: under 8 pt, hard to read in print
  hint: give the style 'note' a size of 8pt or more in the theme
== all documents ==
data/doc.csv:1:5: note: column 'value' is shown nowhere: no placeholder reads it
  hint: a placeholder {doc.KEY} shows the value of KEY
check: en: 1 page, 1 problem, 0 notes
check: all documents: 0 problems, 1 note
check: 1 problem, 1 note
