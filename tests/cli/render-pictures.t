# The brand and pictures example renders to a tagged PDF silently (the
# test run checks every PDF it makes with tests/pdf/check-pdf): a logo in
# the running foot, a photo to the page's edges with its credit, a partner
# strip.
--- run
render $ROOT/docs/layouts/pictures $ROOT/docs/layouts/pictures/data -o pictures.pdf
--- exit 0
--- stderr
--- exists: pictures.pdf
