# An output name longer than its folder's file system allows, once the temporary file beside it (".NAME.XXXXXX", 8 bytes more) is counted, is an error naming the file before anything is rendered.
--- file: out/.keep
--- run
render $ROOT/layouts/brief $ROOT/data/pfr-mali -o 'out/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-{lang}.pdf'
--- exit 2
--- stderr
out/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-en.pdf: error: this file name is 251 bytes long, and can be at most 247 here: the file system allows 255, less 8 for the temporary file written beside it
  hint: shorten the output pattern, or name the files by a shorter column such as {iso3}
factsheet: 1 error, 0 warnings
--- absent: out/*.pdf
