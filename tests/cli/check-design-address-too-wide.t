# check's design rule for an address that runs past its text: a URL breaks
# only where an address may (after a slash, before . - _ ~ @ ? # & =), so
# a piece wider than a narrow text cannot break and is a problem; the same
# URL in a wider text is fine.
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
url,https://www.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C189
--- run
check layout data
--- exit 1
--- stderr
--- stdout
== en ==
layout/layout.yaml:3:5: warning: '=NORMLEXPUB:12100:0::NO::P12100' runs past its text (36 mm): a URL or an e-mail address breaks only after a slash and before . - _ ~ @ ? # & =
  hint: give the text more width or a smaller size, or show a name that links to the address ('[name](URL)')
check: en: 1 page, 1 problem, 0 notes
check: 1 problem, 0 notes
