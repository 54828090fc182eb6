# An icon node draws one icon of the theme's icon font: beside a text in a
# row (its width its height), from a cell per row of a repeat, or placed
# in a wider width by align; with alt it is a figure that check lists.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/roles.csv
role,icon
Facilitator,hub
Ally,handshake
--- file: layout/layout.yaml
page: {size: A5, margin: 10mm}
metadata: {title: "Roles"}
body:
  - column:
      repeat: roles
      content:
        - row:
            gap: 2mm
            valign: center
            content:
              - icon: {icon: "{icon}", height: 5mm}
              - text: "{role}"
  - icon: {icon: groups, height: 12mm, align: center, width: 100%, alt: "People reached"}
--- run
render layout data -o roles.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- exists: roles.pdf
--- file-is: dump.txt
page size 419.53 x 595.28 pt, 1 page
page 1
  icon     28.35   28.35   14.17   14.17 #d9661f Material Icons U+E9F4
  text     48.19   28.93  342.99   13.00 #1f2933 Inter 400 10.00 "Facilitator"
  icon     28.35   54.52   14.17   14.17 #d9661f Material Icons U+EBCB
  text     48.19   55.11  342.99   13.00 #1f2933 Inter 400 10.00 "Ally"
  icon    192.76   80.69   34.02   34.02 #d9661f alt "People reached" Material Icons U+F233
