# The scripts country offices write, in one table: each is drawn by the
# fallback the theme names for it, and check notes which font drew which
# text at its cell (Arabic's run is one stretch, in reading order); the
# emoji is drawn by Noto Color Emoji. Notes alone: exit 0.
--- copy: layouts/brief/theme.yaml layout/theme.yaml
--- file: layout/layout.yaml
body:
  - grid:
      columns: 2
      repeat: offices
      item:
        text: "{office}: {greeting}"
--- file: data/offices.csv
office,greeting
Cairo,مرحبا بكم في المكتب
Dhaka,স্বাগতম
Delhi,नमस्ते दुनिया
Addis Ababa,እንኳን ደህና መጣችሁ
Beijing,欢迎来到办公室
Everyone,Good news 🎉 today
--- run
check layout data
--- exit 0
--- stderr
--- stdout
== en ==
data/offices.csv:2:7: note: 'مرحبا بكم في المكتب' is drawn with 'Noto Sans Arabic', the theme's fallback for arabic
data/offices.csv:3:7: note: 'স্বাগতম' is drawn with 'Noto Sans Bengali', the theme's fallback for bengali
data/offices.csv:4:7: note: 'नमस्ते दुनिया' is drawn with 'Noto Sans Devanagari', the theme's fallback for devanagari
data/offices.csv:5:13: note: 'እንኳን ደህና መጣችሁ' is drawn with 'Noto Sans Ethiopic', the theme's fallback for ethiopic
data/offices.csv:6:9: note: '欢迎来到办公室' is drawn with 'Noto Sans CJK SC', the theme's fallback for han
data/offices.csv:7:10: note: '🎉' is drawn with 'Noto Color Emoji', the theme's fallback for emoji
check: en: 1 page, 0 problems, 6 notes
check: 0 problems, 6 notes
