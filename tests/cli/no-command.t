# Without a command: the usage on standard error, exit 2.
--- run

--- exit 2
