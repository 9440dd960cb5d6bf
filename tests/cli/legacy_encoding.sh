#!/usr/bin/env bash
# Legacy encodings: a raw TCVN3 file and a VNI look-alike parse, say what they
# were converted from and render as Unicode; a short raw 8-bit file is still
# refused, naming the encodings it could be.
source "$(dirname "$0")/common.bash"

FIXTURES="$SRC/tests/fixtures/legacy"
NAME=an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU

run parse "$FIXTURES/$NAME.tcvn3.txt"
expect_status 0 "a raw TCVN3 file parses"
grep -q '"encoding":"tcvn3"' "$OUT" || fail "source.encoding should be tcvn3"
grep -q '"code":"read.legacy_encoding"' "$OUT" || fail "a read.legacy_encoding diagnostic should say so"
grep -q '"source_line":' "$OUT" || fail "spans should carry the line in the file"

run render "$FIXTURES/$NAME.vni-1252.txt"
expect_status 0 "a VNI look-alike renders"
grep -q 'KẾ HOẠCH' "$OUT" || fail "the VNI look-alike should render as Unicode"

printf 'K\xd5 ho\xb9ch\n' >"$TMP/short.txt"
run parse "$TMP/short.txt"
expect_read_error "$TMP/short.txt"
expect_stderr 'tcvn3'

pass
