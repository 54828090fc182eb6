# check lists an icon's alternative text, and none for an icon without alt
# (a decoration, which screen readers skip).
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A
--- file: layout/layout.yaml
metadata: {title: "{doc.title}"}
body:
  - icon: hub
  - icon: {icon: groups, alt: "People reached"}
--- run
check layout data --lang en
--- exit 0
--- stdout
== en ==
alt: page 1: People reached
check: en: 1 page, 0 problems, 0 notes
check: 0 problems, 0 notes
--- stderr
