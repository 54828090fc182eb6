# A misspelt picture name: the hint suggests what to write in the cell
# (images/map.svg, relative to the data folder, as src is), not the path
# from the working folder, which written in the cell would name
# data/data/images/map.svg.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/photos.csv
id,file
1,images/mpa.svg
--- file: data/images/map.svg
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><circle cx="20" cy="15" r="10"/></svg>
--- file: layout/layout.yaml
body:
  - grid: {repeat: photos, item: {image: "{file}"}}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
data/photos.csv:2:3: error: cannot open 'data/images/mpa.svg': No such file or directory
  hint: did you mean 'images/map.svg'? the images in the folder are: map.svg
factsheet: 1 error, 0 warnings
--- absent: brief.pdf
