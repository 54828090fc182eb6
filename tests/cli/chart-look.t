# One look for every chart, from the theme's 'chart' section: the series
# colour, a grey track, a thickness and the values' style, drawn the same in
# a timeline of phases (each its title, its text, its icon before the title
# and a colour of the palette in turn: accent, primary, accent) and in bars
# with an icon before each label. Compared as placed boxes.
--- file: layout/theme.yaml
colors: {text: "#1F2933", muted: "#4A5865", primary: "#0B4F6C", accent: "#B4501A", track: "#E3E8EC"}
fonts: {sans: Inter, icons: Material Icons}
icons: icons
styles:
  body: {font: sans, size: 9pt, line-height: 1.3, color: text}
  caption: {font: sans, size: 8pt, line-height: 1.3, color: muted}
  value: {font: sans, size: 8.5pt, weight: bold, color: primary}
  stat-number: {font: sans, size: 20pt, weight: extrabold, line-height: 1.1, color: primary}
chart:
  color: primary
  track: track
  palette: [accent, primary]
  thickness: 5pt
  value-style: value
--- file: layout/layout.yaml
page: {size: [150mm, 58mm], margin: 8mm}
body:
  - chart:
      type: timeline
      across: true
      repeat: phases
      value: "{period}"
      title: "{title}"
      label: "{text}"
      icon: "{icon}"
      colors: palette
      style: body
  - chart:
      type: bar
      repeat: groups
      icon: groups
      label: "{country}"
      value: "{groups}"
      target: "{groups_target}"
--- file: data/phases.csv
period,title,text,icon
2011–2015,Local risk plans,Eight villages map their risks and plan,groups
2016–2020,Coalitions,Groups unite and press for laws,campaign
2021,Hand-over,Communities lead,flag
--- file: data/groups.csv
country,groups,groups_target
Indonesia,18,50
Vietnam,10,25
--- run
render layout data -o look.pdf --dump-boxes dump.txt
--- exit 0
--- stderr
--- exists: look.pdf
--- file-is: dump.txt
page size 425.20 x 164.41 pt, 1 page
page 1
  text     22.68   22.68   44.61   11.05 #0b4f6c Inter 700 8.50 "2011–2015"
  rect     22.68   39.83  120.61    5.00 #b4501a alt "Timeline: 2011–2015: Local risk plans, Eight villages map their risks and plan; 2016–2020: Coalitions, Groups unite and press for laws; 2021: Hand-over, Communities lead"
  circle   22.68   37.33   10.00   10.00 #b4501a
  icon     22.68   53.33   11.70   11.70 #b4501a Material Icons U+F233
  text     37.53   53.33   99.76   11.70 #1f2933 Inter 700 9.00 "Local risk plans"
  text     22.68   67.43  114.61   23.40 #1f2933 Inter 400 9.00 "Eight villages map their |risks and plan"
  text    149.29   22.68   47.63   11.05 #0b4f6c Inter 700 8.50 "2016–2020"
  rect    149.29   39.83  120.61    5.00 #0b4f6c
  circle  149.29   37.33   10.00   10.00 #0b4f6c
  icon    149.29   53.33   11.70   11.70 #0b4f6c Material Icons U+EF49
  text    164.14   53.33   99.76   11.70 #1f2933 Inter 700 9.00 "Coalitions"
  text    149.29   67.43  114.61   23.40 #1f2933 Inter 400 9.00 "Groups unite and press for |laws"
  text    275.91   22.68   20.72   11.05 #0b4f6c Inter 700 8.50 "2021"
  rect    275.91   39.83  126.61    5.00 #b4501a
  circle  275.91   37.33   10.00   10.00 #b4501a
  icon    275.91   53.33   11.70   11.70 #b4501a Material Icons U+E153
  text    290.75   53.33   99.76   11.70 #1f2933 Inter 700 9.00 "Hand-over"
  text    275.91   67.43  114.61   11.70 #1f2933 Inter 400 9.00 "Communities lead"
  rect    104.65  105.52  263.51    5.00 #e3e8ec alt "Bar chart: Indonesia: 18 / 50; Vietnam: 10 / 25"
  rect    104.65  105.52   94.86    5.00 #0b4f6c
  icon     22.68  102.82   10.40   10.40 #0b4f6c Material Icons U+F233
  text     35.88  102.82   62.77   10.40 #4a5865 Inter 400 8.00 "Indonesia"
  text    374.16  102.82   28.36   11.05 #0b4f6c Inter 700 8.50 "18 / 50"
  rect    104.65  121.92  131.76    5.00 #e3e8ec
  rect    104.65  121.92   52.70    5.00 #0b4f6c
  icon     22.68  119.22   10.40   10.40 #0b4f6c Material Icons U+F233
  text     35.88  119.22   62.77   10.40 #4a5865 Inter 400 8.00 "Vietnam"
  text    242.40  119.22   28.10   11.05 #0b4f6c Inter 700 8.50 "10 / 25"
