--- run
--version
--- exit 0
--- stderr
--- stdout-has
factsheet 0.1.0
