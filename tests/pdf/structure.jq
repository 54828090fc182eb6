# The structure rules of tests/pdf/check-pdf, over `qpdf --json` (version 2)
# of one PDF. Prints one line per failure, "RULE: detail", nothing when the
# file passes. Arguments: $langs, the languages the document may be in
# (space-separated), and $xmp, the document's XMP packet (pdfinfo -meta).
# The rule names carry the Matterhorn Protocol 1.02 failure condition they
# test, where there is one; see README.md ("What the PDFs promise").

.qpdf[1] as $objects
| def object($ref): $objects["obj:" + $ref] | (.value // .stream.dict);
  # An indirect reference followed, anything else as it is.
  def deref:
    if type == "string" and test("^[0-9]+ [0-9]+ R$") then object(.) else . end;
  # A text string's characters ("u:" prefix in qpdf's JSON).
  def text: if type == "string" and startswith("u:") then .[2:] else "" end;
  # The structure elements below an element's /K, depth first, in the
  # tree's order, each as {s, parent, alt, objs: the objects its /K names}.
  def elements($parent):
    deref
    | if type == "array" then .[] | elements($parent)
      elif type == "object" and .["/Type"] == "/StructElem" then
        . as $e
        | ([$e["/K"] | if type == "array" then .[] else . end | deref
            | select(type == "object" and .["/Type"] == "/OBJR") | .["/Obj"]]) as $objs
        | {s: $e["/S"], parent: $parent, alt: ($e["/Alt"] | text), objs: $objs},
          ($e["/K"] | elements($e["/S"]))
      else empty end;

  ($objects.trailer.value) as $trailer
| object($trailer["/Root"]) as $root
| (($trailer["/Info"] // "") | deref | .["/Title"]? | text) as $title
| [$root["/StructTreeRoot"] | deref | .["/K"] | elements("/StructTreeRoot")] as $tree
| [$objects | to_entries[] | select(.key | startswith("obj:"))
   | (.value.value // .value.stream.dict) | select(type == "object" and .["/Type"] == "/Page")]
  as $pages
| ($langs | split(" ")) as $allowed
| [
    # The document's language (11-001 to 11-006: the language of the page,
    # of alternative texts, annotations and metadata follows from it).
    (if ($root["/Lang"] | text) == "" then "11-001 no /Lang in the catalog"
     elif ([$root["/Lang"] | text] | inside($allowed)) | not then
       "11-001 /Lang is '\($root["/Lang"] | text)', not one of: \($langs)"
     else empty end),
    # Tagged: marked, not suspect.
    (if $root["/MarkInfo"]["/Marked"]? != true then "tagged: /MarkInfo /Marked is not true"
     else empty end),
    (if $root["/MarkInfo"]["/Suspects"]? == true then "01-007 /MarkInfo /Suspects is true"
     else empty end),
    (if ($tree | length) == 0 then "tagged: no structure tree" else empty end),
    # Title, shown as the window's title.
    (if $title == "" then "06-003 no title" else empty end),
    ($root["/ViewerPreferences"] | deref | .["/DisplayDocTitle"]?) as $shown
    | (if $shown == null then "07-001 /ViewerPreferences has no /DisplayDocTitle"
       elif $shown != true then "07-002 /DisplayDocTitle is false" else empty end),
    (if $root["/Metadata"] == null then "06-001 no XMP metadata stream" else empty end),
    (if ($xmp | test("<dc:title>")) | not then "06-003 the XMP metadata has no dc:title"
     else empty end),
    # Structure types: the standard ones only, none remapped.
    (if $root["/StructTreeRoot"] | deref | has("/RoleMap") then
       "02-004 the structure tree has a /RoleMap" else empty end),
    ($tree[] | select(.s | IN("/Document", "/Part", "/Art", "/Sect", "/Div", "/BlockQuote",
        "/Caption", "/TOC", "/TOCI", "/Index", "/NonStruct", "/Private", "/H", "/H1", "/H2",
        "/H3", "/H4", "/H5", "/H6", "/P", "/L", "/LI", "/Lbl", "/LBody", "/Table", "/TR", "/TH",
        "/TD", "/THead", "/TBody", "/TFoot", "/Span", "/Quote", "/Note", "/Reference",
        "/BibEntry", "/Code", "/Link", "/Annot", "/Ruby", "/RB", "/RT", "/RP", "/Warichu", "/WT",
        "/WP", "/Figure", "/Formula", "/Form") | not)
     | "02-001 '\(.s)' is not a standard structure type"),
    # Figures say what they show.
    ($tree[] | select(.s == "/Figure" and .alt == "") | "13-004 a Figure has no /Alt"),
    # Headings: the first is H1, none skips a level on the way down.
    ([$tree[] | .s | select(test("^/H[1-6]$")) | .[2:] | tonumber] as $levels
     | (if ($levels | length) > 0 and $levels[0] != 1 then
          "14-002 the first heading is H\($levels[0]), not H1" else empty end),
       (range(1; $levels | length) | select($levels[.] > $levels[. - 1] + 1)
        | "14-003 H\($levels[.]) follows H\($levels[. - 1])")),
    (if ([$tree[] | select(.s == "/H")] | length) > 0 and
        ([$tree[] | select(.s | test("^/H[1-6]$"))] | length) > 0 then
       "14-007 both H and numbered headings" else empty end),
    # Lists as ISO 32000-1 14.8.4.3.3 builds them.
    ($tree[] | select(.s == "/LI" and .parent != "/L") | "lists: an LI inside \(.parent), not L"),
    ($tree[] | select((.s == "/Lbl" or .s == "/LBody") and .parent != "/LI")
     | "lists: \(.s[1:]) inside \(.parent), not LI"),
    # Links: each annotation inside a Link element, described, tab order by structure.
    ([$tree[] | select(.s == "/Link") | .objs[]] as $linked
     | $pages[] | . as $page | ($page["/Annots"] // [] | deref | .[]) as $ref
     | object($ref) | select(.["/Subtype"] == "/Link")
     | (if [$ref] | inside($linked) | not then "28-011 a link annotation is not in a Link element"
        else empty end),
       (if (.["/Contents"] | text) == "" then "28-012 a link annotation has no /Contents"
        else empty end),
       (if $page["/Tabs"] != "/S" then "links: a page with links has no /Tabs /S" else empty end))
  ]
| unique[]
