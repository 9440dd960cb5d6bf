#!/usr/bin/env bash
# --summary prints tables for a person instead of JSON: for a plan with targets,
# tasks and deadlines, the three tables "Targets per horizon", "Tasks per lead
# agency" and "Deadlines by year", with exit status 0.
source "$(dirname "$0")/common.bash"

plan="$CORPORA/vinh-long-btv-tinh-uy-ke-hoach-57.md"

run parse "$plan" --summary
expect_status 0 "--summary"
expect_stderr_empty "--summary"
head -n1 "$OUT" | grep -qF "$plan" || fail "the summary should start with the input's path"
for title in "Targets per horizon" "Tasks per lead agency" "Deadlines by year"; do
  grep -qx -- "$title" "$OUT" || fail "the summary should hold the table title '$title' on a line of its own"
done
grep -q '^{' "$OUT" && fail "--summary should print no JSON"

# With several inputs, each gets its own summary; still exit 0.
run parse "$plan" "$CORPORA/tien-giang-69-KH-UBND.txt" --summary
expect_status 0 "--summary with two inputs"
[ "$(count_in "$OUT" "Tasks per lead agency")" -eq 2 ] ||
  fail "two inputs should give two 'Tasks per lead agency' tables"

pass
