# The folders are watched for saves: both must exist, and both are named
# before it stops.
--- run
serve layout data
--- exit 2
--- stderr
layout: error: cannot read this folder: No such file or directory
  hint: name a folder that exists; serve watches it for saves
data: error: cannot read this folder: No such file or directory
  hint: name a folder that exists; serve watches it for saves
factsheet: 2 errors, 0 warnings
