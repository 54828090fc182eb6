# The JSON report, compared whole: version 1 with the layout and data as given,
# one entry per document with its language, key, pages, status, problems (one
# per line, each with severity, kind, file, line, column, message and hint)
# and alternative texts with their pages; the run's own problems (a column
# nothing reads); a summary. Strings are escaped (quotes, a tab as \u0009),
# UTF-8 passes through. The report is valid JSON (checked with python3 or jq
# when either is installed).
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
page: {size: A5, margin: 12mm}
theme: theme.yaml
body:
  - heading: "Key figures"
  - text: "{programme.summary}"
  - grid:
      columns: 2
      repeat: stats
      item:
        stat: {icon: "{icon}", value: "{value, number}", label: "{label}"}
  - heading: "Partners"
  - image: {src: "{programme.map}", alt: "{programme.map_alt}", height: 20mm}
--- file: layout/fr.po
msgid "Key figures"
msgstr "Chiffres clés"

msgid "Partners"
msgstr "Partenaires"
--- file: data/stats.csv
icon,value,label,label@fr,source
groups,2029052,people covered,personnes couvertes,census
school,71,schools,écoles,survey
--- file: data/fr.po
msgid "The programme helps villages prepare for floods."
msgstr "Le programme aide les villages à se préparer aux crues."
--- file: data/images/map.svg
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#A9D3E5"/></svg>
--- shell: printf 'key,value\nsummary,The programme helps villages prepare for floods.\nmap,images/map.svg\nmap_alt,"The ""Mopti"" région,\twith its 8 villages"\n' > data/programme.csv
--- shell: "$FACTSHEET" check layout data --lang en,fr --format json > got.json; if command -v python3 >/dev/null; then python3 -m json.tool got.json >/dev/null; elif command -v jq >/dev/null; then jq . got.json >/dev/null; else head -c 1 got.json | grep -q '{' && tail -n 1 got.json | grep -qx '}'; fi
--- run
check layout data --lang en,fr --format json
--- exit 1
--- stderr
--- stdout
{
  "version": 1,
  "layout": "layout",
  "data": "data",
  "each": null,
  "documents": [
    {
      "lang": "en",
      "key": null,
      "pages": 1,
      "status": "clean",
      "problems": [],
      "alt_texts": [
        {"page": 1, "text": "The “Mopti” région,\u0009with its 8 villages"}
      ]
    },
    {
      "lang": "fr",
      "key": null,
      "pages": 1,
      "status": "problems",
      "problems": [
        {"severity": "warning", "kind": "translation", "file": "data/programme.csv", "line": 4, "column": 9, "message": "\"The \"Mopti\" région,\u0009with its 8 villages\" is missing from data/fr.po", "hint": "translate it in data/fr.po (factsheet extract lists every text to translate), or in a column 'value@fr'"}
      ],
      "alt_texts": [
        {"page": 1, "text": "The « Mopti » région,\u0009with its 8 villages"}
      ]
    }
  ],
  "problems": [
    {"severity": "note", "kind": "unused-column", "file": "data/stats.csv", "line": 1, "column": 27, "message": "column 'source' is shown nowhere: no placeholder reads it", "hint": "{source} in a repeat over stats, or {stats.source} for a one-row table, shows it; leave it if it is not meant for the page"}
  ],
  "summary": {"documents": 2, "problems": 1, "notes": 1}
}
