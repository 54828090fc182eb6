# A layout.yaml that is a FIFO (a named pipe, with no writer) is refused at
# once, as any file that is not a regular file is: reading it would wait
# for ever.
--- file: data/doc.csv
key,value
title,Brief
--- shell: mkdir -p layout && mkfifo layout/layout.yaml
--- timeout: 10
--- run
render layout data -o out.pdf
--- exit 2
--- stderr
layout/layout.yaml: error: cannot read: not a regular file
  hint: check the path
factsheet: 1 error, 0 warnings
--- absent: out.pdf
