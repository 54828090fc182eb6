--- run
--version
--- exit 0
--- stdout-has
factsheet 0.1.0
