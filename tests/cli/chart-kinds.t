# Every kind of chart, in English and French, compared as placed boxes: a donut,
# an icon array (47% of 10: four pictograms whole and seven tenths of the
# fifth, drawn over its track), bars against their targets, a progress bar
# (picked by 'where'), columns, a timeline down (2012's two rows share one
# dot) with an 'alt' of its own, and a timeline across (each phase its bar
# from its dot to the next). Tracks are the series colour at 20%. Each chart's
# alternative text is on its first drawing op, in the document's language:
# French puts a no-break space before ':' and a narrow one before '%', ';'
# and in '1 000'. The theme is its own (not tests/cli/fixtures/theme.yaml):
# the dumps are measured in its sizes.
--- file: layout/theme.yaml
colors: {text: "#1F2933", muted: "#4A5865", primary: "#0B4F6C", accent: "#D9661F"}
fonts: {sans: Inter, icons: Material Icons}
icons: icons
styles:
  body: {font: sans, size: 9pt, line-height: 1.3, color: text}
  caption: {font: sans, size: 8pt, line-height: 1.3, color: muted}
  stat-number: {font: sans, size: 20pt, weight: extrabold, line-height: 1.1, color: primary}
  stat-label: {font: sans, size: 8pt, color: muted}
--- file: layout/layout.yaml
page: {size: A4, margin: 15mm}
body:
  - chart:
      type: donut
      value: "{brief.partners}"
      label: "of projects worked with local partners"
  - chart:
      type: icons
      icon: woman
      value: "{brief.women}"
      label: "of new members are women"
  - chart:
      type: bar
      repeat: groups
      label: "{country}"
      value: "{groups}"
      target: "{groups_target}"
  - chart:
      type: progress
      repeat: groups
      where: {country: Indonesia}
      label: "{country}"
      value: "{members}"
      target: "{members_target}"
  - chart:
      type: column
      repeat: groups
      label: "{country}"
      value: "{members}"
      height: 20mm
  - chart:
      type: timeline
      repeat: ratifications
      value: "{year}"
      label: "{country}"
      alt: "Ratifications, one dot per year"
  - chart:
      type: timeline
      across: true
      repeat: phases
      value: "{period}"
      label: "{text}"
--- file: data/brief.csv
key,value
women,47%
partners,57%
--- file: data/groups.csv
country,groups,groups_target,members,members_target
Indonesia,18,50,350,1000
Vietnam,10,25,300,750
--- file: data/ratifications.csv
year,country
2011,Uruguay
2012,Philippines
2012,Mauritius
2013,Italy
--- file: data/phases.csv
period,text
2016–17,Inception
2018–19,Scale-up
2020,Exit
--- file: data/fr.po
msgid "Donut chart"
msgstr "Graphique en anneau"

msgid "Bar chart"
msgstr "Graphique à barres"

msgid "Column chart"
msgstr "Histogramme"

msgid "Icon array"
msgstr "Pictogrammes"

msgid "Progress bar"
msgstr "Barre de progression"

msgid "Timeline"
msgstr "Frise chronologique"

msgid "of projects worked with local partners"
msgstr "des projets ont travaillé avec des partenaires locaux"

msgid "of new members are women"
msgstr "des nouveaux membres sont des femmes"

msgid "Ratifications, one dot per year"
msgstr "Ratifications, un point par année"

msgid "Indonesia"
msgstr "Indonésie"

msgid "Vietnam"
msgstr "Viêt Nam"

msgid "Uruguay"
msgstr "Uruguay"

msgid "Philippines"
msgstr "Philippines"

msgid "Mauritius"
msgstr "Maurice"

msgid "Italy"
msgstr "Italie"

msgid "Inception"
msgstr "Lancement"

msgid "Scale-up"
msgstr "Extension"

msgid "Exit"
msgstr "Sortie"
--- run
render layout data --lang en,fr -o 'brief-{lang}.pdf' --dump-boxes 'dump-{lang}.txt'
--- exit 0
--- stderr
factsheet: 2 documents rendered, 0 failed, 0 warnings
--- exists: brief-en.pdf
--- exists: brief-fr.pdf
--- file-is: dump-en.txt
page size 595.28 x 841.89 pt, 1 page
page 1
  arc      42.52   42.52   64.00   64.00 #d9661f/0.20 alt "Donut chart: 57% of projects worked with local partners" 0.000-6.283 rad, 10.24 thick
  arc      42.52   42.52   64.00   64.00 #d9661f -1.571-2.011 rad, 10.24 thick
  text     54.76   64.34   39.52   20.36 #0b4f6c Inter 800 18.51 "57%"
  text    115.52   69.32  437.24   10.40 #4a5865 Inter 400 8.00 "of projects worked with local partners"
  text     42.52  118.52   43.35   22.00 #0b4f6c Inter 800 20.00 "47%"
  text     91.87  128.68  460.88   10.40 #4a5865 Inter 400 8.00 "of new members are women"
  icon     43.40  147.40   20.24   20.24 #d9661f alt "Icon array: 47% of new members are women" Material Icons U+E13E
  icon     65.40  147.40   20.24   20.24 #d9661f Material Icons U+E13E
  icon     87.40  147.40   20.24   20.24 #d9661f Material Icons U+E13E
  icon    109.40  147.40   20.24   20.24 #d9661f Material Icons U+E13E
  icon    131.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    131.40  147.40   20.24   20.24 #d9661f Material Icons U+E13E part 0.70
  icon    153.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    175.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    197.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    219.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    241.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  rect    150.57  181.32  369.49    8.80 #d9661f/0.20 alt "Bar chart: Indonesia: 18 / 50; Vietnam: 10 / 25"
  rect    150.57  181.32  133.02    8.80 #d9661f
  text     42.52  180.52  102.05   10.40 #4a5865 Inter 400 8.00 "Indonesia"
  text    526.06  180.52   26.69   10.40 #0b4f6c Inter 700 8.00 "18 / 50"
  rect    150.57  197.72  184.75    8.80 #d9661f/0.20
  rect    150.57  197.72   73.90    8.80 #d9661f
  text     42.52  196.92  102.05   10.40 #4a5865 Inter 400 8.00 "Vietnam"
  text    341.31  196.92   26.45   10.40 #0b4f6c Inter 700 8.00 "10 / 25"
  rect     42.52  233.32  510.24    7.00 #d9661f/0.20 alt "Progress bar: Indonesia: 350 / 1,000"
  rect     42.52  233.32  178.58    7.00 #d9661f
  text     42.52  219.32  459.16   10.40 #4a5865 Inter 400 8.00 "Indonesia"
  text    507.68  219.32   45.08   10.40 #0b4f6c Inter 700 8.00 "350 / 1,000"
  rect     99.92  265.72  140.32   56.69 #d9661f alt "Column chart: Indonesia: 350; Vietnam: 300"
  text    162.11  252.32   15.94   10.40 #0b4f6c Inter 700 8.00 "350"
  text     44.52  327.21  251.12   10.40 #4a5865 Inter 400 8.00 "Indonesia"
  rect    355.04  273.82  140.32   48.59 #d9661f
  text    417.05  260.42   16.29   10.40 #0b4f6c Inter 700 8.00 "300"
  text    299.64  327.21  251.12   10.40 #4a5865 Inter 400 8.00 "Vietnam"
  rect     42.52  322.41  510.24    0.75 #d9661f/0.20
  rect     73.56  354.81    1.00   32.80 #d9661f/0.20 alt "Ratifications, one dot per year"
  text     43.88  349.61   18.38   10.40 #0b4f6c Inter 700 8.00 "2011"
  circle   71.26  352.01    5.60    5.60 #d9661f
  text     82.86  349.61  469.90   10.40 #4a5865 Inter 400 8.00 "Uruguay"
  text     42.76  366.01   19.50   10.40 #0b4f6c Inter 700 8.00 "2012"
  circle   71.26  368.41    5.60    5.60 #d9661f
  text     82.86  366.01  469.90   10.40 #4a5865 Inter 400 8.00 "Philippines, Mauritius"
  text     42.52  382.41   19.74   10.40 #0b4f6c Inter 700 8.00 "2013"
  circle   71.26  384.81    5.60    5.60 #d9661f
  text     82.86  382.41  469.90   10.40 #4a5865 Inter 400 8.00 "Italy"
  text     42.52  404.81   32.42   10.40 #0b4f6c Inter 700 8.00 "2016–17"
  rect     42.52  421.01  164.08    2.80 #d9661f alt "Timeline: 2016–17: Inception; 2018–19: Scale-up; 2020: Exit"
  circle   42.52  418.81    7.20    7.20 #d9661f
  text     42.52  432.01  158.08   10.40 #4a5865 Inter 400 8.00 "Inception"
  text    212.60  404.81   32.94   10.40 #0b4f6c Inter 700 8.00 "2018–19"
  rect    212.60  421.01  164.08    2.80 #d9661f
  circle  212.60  418.81    7.20    7.20 #d9661f
  text    212.60  432.01  158.08   10.40 #4a5865 Inter 400 8.00 "Scale-up"
  text    382.68  404.81   21.09   10.40 #0b4f6c Inter 700 8.00 "2020"
  rect    382.68  421.01  170.08    2.80 #d9661f
  circle  382.68  418.81    7.20    7.20 #d9661f
  text    382.68  432.01  158.08   10.40 #4a5865 Inter 400 8.00 "Exit"
--- file-is: dump-fr.txt
page size 595.28 x 841.89 pt, 1 page
page 1
  arc      42.52   42.52   64.00   64.00 #d9661f/0.20 alt "Graphique en anneau : 57 % des projets ont travaillé avec des partenaires locaux" 0.000-6.283 rad, 10.24 thick
  arc      42.52   42.52   64.00   64.00 #d9661f -1.571-2.011 rad, 10.24 thick
  text     54.76   64.99   39.52   19.06 #0b4f6c Inter 800 17.33 "57 %"
  text    115.52   69.32  437.24   10.40 #4a5865 Inter 400 8.00 "des projets ont travaillé avec des partenaires locaux"
  text     42.52  118.52   46.26   22.00 #0b4f6c Inter 800 20.00 "47 %"
  text     94.78  128.68  457.97   10.40 #4a5865 Inter 400 8.00 "des nouveaux membres sont des femmes"
  icon     43.40  147.40   20.24   20.24 #d9661f alt "Pictogrammes : 47 % des nouveaux membres sont des femmes" Material Icons U+E13E
  icon     65.40  147.40   20.24   20.24 #d9661f Material Icons U+E13E
  icon     87.40  147.40   20.24   20.24 #d9661f Material Icons U+E13E
  icon    109.40  147.40   20.24   20.24 #d9661f Material Icons U+E13E
  icon    131.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    131.40  147.40   20.24   20.24 #d9661f Material Icons U+E13E part 0.70
  icon    153.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    175.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    197.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    219.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  icon    241.40  147.40   20.24   20.24 #d9661f/0.20 Material Icons U+E13E
  rect    150.57  181.32  369.49    8.80 #d9661f/0.20 alt "Graphique à barres : Indonésie : 18 / 50 ; Viêt Nam : 10 / 25"
  rect    150.57  181.32  133.02    8.80 #d9661f
  text     42.52  180.52  102.05   10.40 #4a5865 Inter 400 8.00 "Indonésie"
  text    526.06  180.52   26.69   10.40 #0b4f6c Inter 700 8.00 "18 / 50"
  rect    150.57  197.72  184.75    8.80 #d9661f/0.20
  rect    150.57  197.72   73.90    8.80 #d9661f
  text     42.52  196.92  102.05   10.40 #4a5865 Inter 400 8.00 "Viêt Nam"
  text    341.31  196.92   26.45   10.40 #0b4f6c Inter 700 8.00 "10 / 25"
  rect     42.52  233.32  510.24    7.00 #d9661f/0.20 alt "Barre de progression : Indonésie : 350 / 1 000"
  rect     42.52  233.32  178.58    7.00 #d9661f
  text     42.52  219.32  459.80   10.40 #4a5865 Inter 400 8.00 "Indonésie"
  text    508.32  219.32   44.44   10.40 #0b4f6c Inter 700 8.00 "350 / 1 000"
  rect     99.92  265.72  140.32   56.69 #d9661f alt "Histogramme : Indonésie : 350 ; Viêt Nam : 300"
  text    162.11  252.32   15.94   10.40 #0b4f6c Inter 700 8.00 "350"
  text     44.52  327.21  251.12   10.40 #4a5865 Inter 400 8.00 "Indonésie"
  rect    355.04  273.82  140.32   48.59 #d9661f
  text    417.05  260.42   16.29   10.40 #0b4f6c Inter 700 8.00 "300"
  text    299.64  327.21  251.12   10.40 #4a5865 Inter 400 8.00 "Viêt Nam"
  rect     42.52  322.41  510.24    0.75 #d9661f/0.20
  rect     73.56  354.81    1.00   32.80 #d9661f/0.20 alt "Ratifications, un point par année"
  text     43.88  349.61   18.38   10.40 #0b4f6c Inter 700 8.00 "2011"
  circle   71.26  352.01    5.60    5.60 #d9661f
  text     82.86  349.61  469.90   10.40 #4a5865 Inter 400 8.00 "Uruguay"
  text     42.76  366.01   19.50   10.40 #0b4f6c Inter 700 8.00 "2012"
  circle   71.26  368.41    5.60    5.60 #d9661f
  text     82.86  366.01  469.90   10.40 #4a5865 Inter 400 8.00 "Philippines, Maurice"
  text     42.52  382.41   19.74   10.40 #0b4f6c Inter 700 8.00 "2013"
  circle   71.26  384.81    5.60    5.60 #d9661f
  text     82.86  382.41  469.90   10.40 #4a5865 Inter 400 8.00 "Italie"
  text     42.52  404.81   32.42   10.40 #0b4f6c Inter 700 8.00 "2016–17"
  rect     42.52  421.01  164.08    2.80 #d9661f alt "Frise chronologique : 2016–17 : Lancement ; 2018–19 : Extension ; 2020 : Sortie"
  circle   42.52  418.81    7.20    7.20 #d9661f
  text     42.52  432.01  158.08   10.40 #4a5865 Inter 400 8.00 "Lancement"
  text    212.60  404.81   32.94   10.40 #0b4f6c Inter 700 8.00 "2018–19"
  rect    212.60  421.01  164.08    2.80 #d9661f
  circle  212.60  418.81    7.20    7.20 #d9661f
  text    212.60  432.01  158.08   10.40 #4a5865 Inter 400 8.00 "Extension"
  text    382.68  404.81   21.09   10.40 #0b4f6c Inter 700 8.00 "2020"
  rect    382.68  421.01  170.08    2.80 #d9661f
  circle  382.68  418.81    7.20    7.20 #d9661f
  text    382.68  432.01  158.08   10.40 #4a5865 Inter 400 8.00 "Sortie"
