# A layout with a back page renders to a tagged PDF silently: the body's
# page, then the back page (the test run checks every PDF it makes).
--- run
render $ROOT/docs/layouts/back-page $ROOT/docs/layouts/back-page/data -o back.pdf
--- exit 0
--- stderr
--- exists: back.pdf
