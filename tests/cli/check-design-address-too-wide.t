# check's design rule for an address that runs past its text: a URL breaks
# only where an address may (after a slash or a colon, before . - _ ~ @ ?
# # & =), so a piece wider than a narrow text (a long token) cannot break
# and is a problem; the same URL in a wider text is fine.
--- file: layout/theme.yaml
colors: {text: "#1F2933"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 10pt, color: text}
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
body:
  - text: {value: "{doc.url}", width: 36mm}
  - text: {value: "{doc.url}", width: 80mm}
--- file: data/doc.csv
key,value
url,https://data.example.org/export?token=8f3a9c2e7b1d4f6a0c5e9b2d7f1a3c8e
--- run
check layout data
--- exit 1
--- stderr
--- stdout
== en ==
layout/layout.yaml:3:5: warning: '=8f3a9c2e7b1d4f6a0c5e9b2d7f1a3c8e' runs past its text (36 mm): a URL or an e-mail address breaks only after a slash or a colon and before . - _ ~ @ ? # & =
  hint: give the text more width or a smaller size, or show a name that links to the address ('[name](URL)')
check: en: 1 page, 1 problem, 0 notes
check: 1 problem, 0 notes
