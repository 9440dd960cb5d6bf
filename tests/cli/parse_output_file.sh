#!/usr/bin/env bash
# -o / --output FILE writes the model to FILE and nothing to stdout.
source "$(dirname "$0")/common.bash"

file="$CORPORA/quang-ngai-tra-cau-06-KH-DU.ocr.txt"

run parse "$file" -o "$TMP/model.json"
expect_status 0 "-o"
expect_stdout_empty "-o FILE"
[ -s "$TMP/model.json" ] || fail "-o should write $TMP/model.json"
grep -qF '"schema":"vnplan/1"' "$TMP/model.json" || fail "$TMP/model.json should hold vnplan/1 JSON"
[ "$(wc -l <"$TMP/model.json")" -eq 1 ] || fail "$TMP/model.json should be one compact line"

run parse "$file" --pretty --output "$TMP/pretty.json"
expect_status 0 "--output"
expect_stdout_empty "--output FILE"
grep -qE '^  "schema": "vnplan/1",$' "$TMP/pretty.json" || fail "--pretty --output should indent"

# The same model as on stdout.
run parse "$file"
cmp -s "$OUT" "$TMP/model.json" || fail "-o FILE should hold exactly what stdout would"

# An existing file is replaced, not appended to.
run parse "$file" -o "$TMP/model.json"
[ "$(wc -l <"$TMP/model.json")" -eq 1 ] || fail "-o should overwrite an existing file"

# A file that cannot be created: an error naming it, exit 2 (how vnplan was called).
run parse "$file" -o "$TMP/no-such-dir/model.json"
expect_status 2 "-o into a missing directory"
expect_stderr_names "$TMP/no-such-dir/model.json"

# When every input fails, an existing output file is left as it was.
echo "earlier result" >"$TMP/kept.json"
: >"$TMP/empty.txt"
run parse "$TMP/empty.txt" -o "$TMP/kept.json"
expect_status 1 "-o with a failing input"
grep -qx "earlier result" "$TMP/kept.json" || fail "-o should not truncate its file when nothing was parsed"

pass
