#!/usr/bin/env bash
# A directory with one good corpus file and one bad file: exit 1, the bad file
# named on stderr, the good one still gives its JSON line on stdout.
source "$(dirname "$0")/common.bash"

mkdir "$TMP/mixed"
cp "$CORPORA/tien-giang-69-KH-UBND.txt" "$TMP/mixed/a-good.txt"
printf 'Kế hoạch\n\xff\xfe bad\n' >"$TMP/mixed/b-bad.txt"

run parse "$TMP/mixed"
expect_status 1 "a directory with a bad file"
expect_stderr_names "$TMP/mixed/b-bad.txt"
if grep -qF 'a-good.txt' "$ERR"; then fail "the good file should not be reported as an error"; fi
expect_json_lines 1
grep -qF 'a-good.txt' "$OUT" || fail "the JSON line should be the good file's"

# The bad file first in name order: the good one is still parsed after it.
mv "$TMP/mixed/b-bad.txt" "$TMP/mixed/0-bad.txt"
run parse "$TMP/mixed"
expect_status 1 "a directory with a bad file first"
expect_stderr_names "$TMP/mixed/0-bad.txt"
expect_json_lines 1

pass
