# Wrong values of the brand and picture keys are errors at their line, each
# with a hint: a logo when the theme has none, a focus out of range or not a
# pair or on a picture shown whole, a justified picture, a logos strip
# without its repeat or with no height. Nothing is written.
--- copy: tests/cli/fixtures/theme.yaml layout/theme.yaml
--- file: data/doc.csv
key,value
title,A
--- file: data/partners.csv
name,file
A,a.svg
--- file: layout/layout.yaml
body:
  - logo: {height: 9mm}
  - image: {src: photo.svg, fit: cover, focus: [120%, 30%]}
  - image: {src: photo.svg, fit: cover, focus: 50%}
  - image: {src: photo.svg, focus: [50%, 20%]}
  - image: {src: photo.svg, align: justify}
  - logos: {src: "{file}", height: 9mm}
  - logos: {repeat: partners, src: "{file}", height: 0mm}
--- run
render layout data -o brief.pdf
--- exit 2
--- stderr
layout/layout.yaml:2:5: error: a logo node draws the theme's 'logo', and the theme has none
  hint: add 'logo: logo.svg' (a file beside theme.yaml) to the theme
layout/layout.yaml:3:49: error: 'focus' takes shares from 0% to 100%, not '120%'
  hint: write a share from 0% (the left or top edge) to 100%
layout/layout.yaml:4:48: error: 'focus' must be two shares, across and down
  hint: write focus: [across, down] as shares of the picture, such as focus: [50%, 30%]
layout/layout.yaml:5:5: error: 'focus' says what a picture cropped by 'fit: cover' keeps in view, and this one is shown whole
  hint: add 'fit: cover', or remove 'focus'
layout/layout.yaml:6:5: error: a picture is aligned left, center or right, not justified
  hint: write align: left, center or right
layout/layout.yaml:7:5: error: a logos strip needs 'repeat'
  hint: write logos: {repeat: partners, src: "{logo}", alt: "{name}"}: one picture per row of the table
layout/layout.yaml:8:5: error: a logos strip needs a height above zero
  hint: give 'height' a length such as 10mm
factsheet: 7 errors, 0 warnings
--- absent: brief.pdf
