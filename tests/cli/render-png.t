--- copy: data/pfr-mali data
--- run
render $ROOT/layouts/brief data -o brief.png --dpi 50
--- exit 0
--- stderr
--- exists: brief.png
