# Text flows through two columns and onto a second page: a paragraph splits
# between columns, a column break sends what follows to the next column (here
# the next page), the last page's columns are balanced, and the running heads
# show the page numbers; a list item's marker comes before its text. The box
# dump is compared whole: "2 pages". The theme is its own: the text sizes are
# chosen for these breaks.
--- file: layout/theme.yaml
colors: {text: "#000000", accent: "#D9661F", rule: "#999999"}
fonts: {sans: Inter}
styles:
  body: {font: sans, size: 15pt, line-height: 1.3, space-after: 4pt}
  heading: {font: sans, size: 12pt, weight: bold, space-before: 6pt}
  running: {font: sans, size: 7pt}
--- file: layout/layout.yaml
page: {size: A5, margin: 10mm}
body:
  - flow:
      columns: 2
      gap: 5mm
      content:
        - markdown: {file: text.md}
        - break: column
        - markdown: {file: more.md}
header:
  - text: {value: "{doc.title}", style: running}
footer:
  - text: {value: "Page {page} of {pages}", style: running, align: right}
--- file: data/doc.csv
key,value
title,Two columns
--- file: data/text.md
# First part

Wells were repaired in twelve villages, and the committees that run them
met every month to share the costs of spare parts and to plan the work of
the dry season.

Farmers tried seeds that stand drought; half of them kept the new seeds
for a second year, and the cooperatives bought them in bulk.

## Second part

- Savings groups lent to their members.
- Women led most of the groups.

Radio programmes carried the warnings of the weather service to every
village of the district, in three languages.
--- file: data/more.md
## Lessons

Committees that met often kept their wells working; those that met rarely
lost them within a year, whatever the quality of the repair.

Seeds spread fastest where a farmer of the village tried them first, on a
field that the neighbours walked past every day on their way to market.

Savings groups that kept written records lent more and lost less than the
groups that trusted memory alone, and they were asked to train others.

Warnings reached more people by radio than by text message, but a call from
a neighbour was the warning people acted on.

Women who led groups were more often elected to the village council in the
following years, and they spoke there for the groups they had led.

The district now funds the committees from its own budget, which was the
goal of the programme from its first year.
--- run
render layout data -o brief.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- exists: brief.pdf
--- file-is: dump.txt
page size 419.53 x 595.28 pt, 2 pages
page 1
  text     28.35   28.35  362.84    9.10 #000000 Inter 400 7.00 "Two columns"
  text     28.35   49.45  174.33   15.60 #000000 Inter 700 12.00 h1 #first-part "First part"
  text     28.35   65.05  174.33  156.00 #000000 Inter 400 15.00 "Wells were repaired in |twelve villages, and the |committees that run |them met every month |to share the costs of |spare parts and to plan |the work of the dry |season."
  text     28.35  233.47  174.33  117.00 #000000 Inter 400 15.00 "Farmers tried seeds that |stand drought; half of |them kept the new |seeds for a second year, |and the cooperatives |bought them in bulk."
  text     28.35  368.89  174.33   15.60 #000000 Inter 700 12.00 h2 #second-part "Second part"
  text     31.14  384.49    6.96   39.00 #d9661f Inter 700 15.00 "•"
  text     44.85  384.49  157.83   39.00 #000000 Inter 400 15.00 "Savings groups lent |to their members."
  text     31.14  435.91    6.96   39.00 #d9661f Inter 700 15.00 "•"
  text     44.85  435.91  157.83   39.00 #000000 Inter 400 15.00 "Women led most of |the groups."
  text     28.35  487.33  174.33   58.50 #000000 Inter 400 15.00 lines 1-3 "Radio programmes car-|ried the warnings of the |weather service to |every village of the dis-|trict, in three languages."
  text    216.85   49.45  174.33   39.00 #000000 Inter 400 15.00 lines 4-5 "Radio programmes car-|ried the warnings of the |weather service to |every village of the dis-|trict, in three languages."
  text     28.35  557.83  362.84    9.10 #000000 Inter 400 7.00 "Page 1 of 2"
page 2
  text     28.35   28.35  362.84    9.10 #000000 Inter 400 7.00 "Two columns"
  text     28.35   49.45  174.33   15.60 #000000 Inter 700 12.00 h2 #lessons "Lessons"
  text     28.35   65.05  174.33  117.00 #000000 Inter 400 15.00 "Committees that met |often kept their wells |working; those that met |rarely lost them within |a year, whatever the |quality of the repair."
  text     28.35  186.05  174.33  136.50 #000000 Inter 400 15.00 "Seeds spread fastest |where a farmer of the |village tried them first, |on a field that the neigh-|bours walked past every |day on their way to |market."
  text     28.35  326.55  174.33   97.50 #000000 Inter 400 15.00 lines 1-5 "Savings groups that |kept written records lent |more and lost less than |the groups that trusted |memory alone, and they |were asked to train |others."
  text    216.85   49.45  174.33   39.00 #000000 Inter 400 15.00 lines 6-7 "Savings groups that |kept written records lent |more and lost less than |the groups that trusted |memory alone, and they |were asked to train |others."
  text    216.85   92.45  174.33  117.00 #000000 Inter 400 15.00 "Warnings reached more |people by radio than by |text message, but a call |from a neighbour was |the warning people |acted on."
  text    216.85  213.45  174.33  117.00 #000000 Inter 400 15.00 "Women who led groups |were more often elected |to the village council in |the following years, and |they spoke there for the |groups they had led."
  text    216.85  334.45  174.33  117.00 #000000 Inter 400 15.00 "The district now funds |the committees from its |own budget, which was |the goal of the pro-|gramme from its first |year."
  text     28.35  557.83  362.84    9.10 #000000 Inter 400 7.00 "Page 2 of 2"
