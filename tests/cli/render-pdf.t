# The example renders to PDF, silently, leaving only the output.
--- copy: data/pfr-mali data
--- run
render $ROOT/layouts/brief data -o brief.pdf
--- exit 0
--- stderr
--- exists: brief.pdf
