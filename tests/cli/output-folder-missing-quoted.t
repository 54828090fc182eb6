# The hint for a missing output folder is a command that works when copied: a folder name with a space or a quote is quoted for the shell.
--- copy: data/pfr-mali data
--- run
render $ROOT/layouts/brief data -o "Mali's briefs/brief.pdf"
--- exit 2
--- stderr
Mali's briefs: error: the output folder cannot be written: No such file or directory
  hint: create it first: mkdir -p 'Mali'\''s briefs'
factsheet: 1 error, 0 warnings
--- absent: Mali*
