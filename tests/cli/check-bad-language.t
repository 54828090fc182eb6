# An unknown language stops the check before anything is bound: exit 2.
--- copy: layouts/brief layout
--- copy: data/pfr-mali data
--- run
check layout data --lang en,xx
--- exit 2
