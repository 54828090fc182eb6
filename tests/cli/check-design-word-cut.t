# check's design rule for words that fit no line: a word cut where no
# hyphenation pattern breaks it (its style keeps words whole, its text is
# narrow) is a problem; the same word hyphenated is fine.
--- file: layout/theme.yaml
colors: {text: "#1F2933"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 10pt, color: text}
  whole: {font: sans, size: 10pt, color: text, hyphenate: false}
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
body:
  - text: {value: "{doc.text}", width: 22mm}
  - text: {value: "{doc.text}", width: 22mm, style: whole}
--- file: data/doc.csv
key,value
text,Internationalisation
--- run
check layout data
--- exit 1
--- stderr
--- stdout
== en ==
layout/layout.yaml:4:5: warning: 'Internationalisation' is cut where no hyphenation pattern breaks it: it is wider than its text (22 mm)
  hint: give the text more width or a smaller size, or shorten the word
check: en: 1 page, 1 problem, 0 notes
check: 1 problem, 0 notes
