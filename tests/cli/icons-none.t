--- run
icons grups
--- exit 1
--- stderr
factsheet: no icon name contains 'grups'; nearest: groups, grass, group
