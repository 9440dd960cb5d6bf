#!/usr/bin/env bash
# '-' reads standard input and gives the same model as the file (path "-").
source "$(dirname "$0")/common.bash"

file="$CORPORA/tien-giang-69-KH-UBND.txt"
run parse "$file"
expect_status 0
sections_file=$(count_in "$OUT" '"marker_type":')

run parse - <"$file"
expect_status 0 "parse -"
expect_json_lines 1
grep -qF '"path":"-"' "$OUT" || fail "source.path should be \"-\" for standard input"
sections_stdin=$(count_in "$OUT" '"marker_type":')
[ "$sections_stdin" -eq "$sections_file" ] ||
  fail "standard input gave $sections_stdin sections, the file $sections_file"

cat "$file" | run parse -
expect_status 0 "parse - from a pipe"
expect_json_lines 1

run normalize - <"$file"
expect_status 0 "normalize -"
[ -s "$OUT" ] || fail "normalize - should print text"

pass
