#!/usr/bin/env bash
# A damaged DOCX (a ZIP header and nothing after it, a ZIP cut short) is refused
# with exit 1 and a message naming the file; nothing is written.
source "$(dirname "$0")/common.bash"

printf 'PK\003\004garbage, not an archive' >"$TMP/header-only.docx"
run parse "$TMP/header-only.docx"
expect_read_error "$TMP/header-only.docx"
expect_stderr 'damaged DOCX' "the message should say the DOCX is damaged"

# The same bytes under another name: told by content, not by name.
cp "$TMP/header-only.docx" "$TMP/plan.txt"
run parse "$TMP/plan.txt"
expect_read_error "$TMP/plan.txt"
expect_stderr 'damaged DOCX'

# An empty archive (end of central directory only): a ZIP but not a DOCX.
printf 'PK\005\006\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' \
  >"$TMP/empty.docx"
run parse "$TMP/empty.docx"
expect_read_error "$TMP/empty.docx"
expect_stderr 'not a DOCX \(no word/document.xml\)'

run render "$TMP/empty.docx"
expect_status 1 "render refuses it too"

pass
