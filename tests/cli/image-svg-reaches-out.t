# An SVG that names other files (/etc/passwd, file: URLs, a file next to
# it) renders without reading any of them. The file next to it is a named
# pipe: opening it would block the render until the timeout (librsvg given
# the SVG's path as its base does exactly that; factsheet gives none).
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A small guide
--- shell: mkdir -p data && mkfifo data/trap.png && printf '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="30">\n<rect width="40" height="30" fill="#0B4F6C"/>\n<image href="/etc/passwd" width="10" height="10"/>\n<image xlink:href="file:///etc/passwd" width="10" height="10"/>\n<image href="trap.png" width="10" height="10"/>\n<image href="file://%s/data/trap.png" width="10" height="10"/>\n</svg>\n' "$(pwd)" > data/reach.svg
--- file: layout/layout.yaml
body:
  - image: {src: reach.svg, caption: "A picture"}
--- timeout: 30
--- run
render layout data -o brief.pdf
--- exit 0
--- stderr
--- exists: brief.pdf
