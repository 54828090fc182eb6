# check's design rule for contrast: text whose contrast with what is under
# it is under 4.5:1 (WCAG AA) is a problem: grey on white, and white on a
# pale band; dark text on white and white on a dark band are fine.
--- file: layout/theme.yaml
colors: {text: "#1F2933", grey: "#9AA5B1", dark: "#0B4F6C", pale: "#C9E3EE"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 10pt, color: text}
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
body:
  - text: "Dark text on the white page."
  - text: {value: "Grey text on the white page.", color: grey}
  - band: {fill: dark, color: white, content: [text: "White on a dark band."]}
  - band: {fill: pale, color: white, content: [text: "White on a pale band."]}
--- file: data/doc.csv
key,value
x,1
--- run
check layout data
--- exit 1
--- stderr
--- stdout
== en ==
layout/layout.yaml:4:5: warning: text in #9aa5b1 on #ffffff: a contrast of 2.5:1, under 4.5:1 (WCAG AA)
  hint: darken the text's colour (of the style 'body', or the node's 'color') or lighten what is under it
layout/layout.yaml:6:48: warning: text in #ffffff on #cfe6f0: a contrast of 1.3:1, under 4.5:1 (WCAG AA)
  hint: darken the text's colour (of the style 'body', or the node's 'color') or lighten what is under it
== all documents ==
data/doc.csv:1:5: note: column 'value' is shown nowhere: no placeholder reads it
  hint: a placeholder {doc.KEY} shows the value of KEY
check: en: 1 page, 2 problems, 0 notes
check: all documents: 0 problems, 1 note
check: 2 problems, 1 note
