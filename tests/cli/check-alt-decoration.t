# check lists the alternative texts of the pictures, and none for a
# decoration (alt: ""), which screen readers skip.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A
--- file: data/images/a.svg
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>
--- file: layout/layout.yaml
metadata: {title: "{doc.title}"}
body:
  - image: {src: images/a.svg, alt: "", height: 10mm}
  - image: {src: images/a.svg, alt: "A dark rectangle", height: 10mm}
--- run
check layout data --lang en
--- exit 0
--- stdout
== en ==
alt: page 1: A dark rectangle
check: en: 1 page, 0 problems, 0 notes
check: 0 problems, 0 notes
--- stderr
