# A run killed with SIGKILL on a file system without unnamed files leaves its hidden temporary .NAME.XXXXXX; the next run writing NAME removes it and says so, before rendering. Names of other outputs, or not of that exact form, are not touched (tests/unit/test_output.c).
--- file: out/.brief.pdf.Ab12Cd
half a PDF
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o out/brief.pdf
--- exit 0
--- stderr
out/.brief.pdf.Ab12Cd: note: removed this temporary file, left by an earlier run that did not finish
--- absent: out/.brief.pdf.Ab12Cd
--- exists: out/brief.pdf
