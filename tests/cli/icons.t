# factsheet icons WORD lists the built-in names containing WORD.
--- run
icons water_d
--- exit 0
--- stderr
--- stdout-has
water_damage
water_drop
