#!/usr/bin/env bash
# Every corpus file parses: exit 0, one compact vnplan/1 JSON line naming the
# file, its size and at least one section; --pretty indents it.
source "$(dirname "$0")/common.bash"

files=$(corpus_files)
[ -n "$files" ] || fail "no corpus files in $CORPORA"
count=0
while IFS= read -r file; do
  count=$((count + 1))
  run parse "$file"
  expect_status 0 "parse $(basename "$file")"
  expect_json_lines 1
  grep -qF "\"path\":\"$file\"" "$OUT" || fail "source.path should be '$file'"
  size=$(stat -c %s "$file")
  grep -qF "\"bytes\":$size," "$OUT" || fail "source.bytes should be $size"
  grep -qE '"sha256":"[0-9a-f]{64}"' "$OUT" || fail "source.sha256 should be 64 hex digits"
  grep -qF '"marker_type":' "$OUT" || fail "$(basename "$file") should give at least one section"
  expect_stderr_empty "parse $(basename "$file")"
done <<<"$files"

first=$(head -n1 <<<"$files")
run parse "$first" --pretty
expect_status 0 "parse --pretty"
grep -qE '^  "schema": "vnplan/1",$' "$OUT" || fail "--pretty should print '  \"schema\": \"vnplan/1\",' on its own line"
[ "$(wc -l <"$OUT")" -gt 50 ] || fail "--pretty should indent over many lines"
[ "$(head -c1 "$OUT")" = "{" ] || fail "--pretty output should start with '{'"

pass "$count corpus files"
