#!/usr/bin/env bash
# A missing file is an error naming it; the other inputs are still parsed.
source "$(dirname "$0")/common.bash"

run parse "$TMP/no-such-plan.txt"
expect_read_error "$TMP/no-such-plan.txt"
expect_stderr 'no such|not found|missing|does not exist' "the message should say the file is missing"

run normalize "$TMP/no-such-plan.txt"
expect_read_error "$TMP/no-such-plan.txt"

good="$CORPORA/tien-giang-69-KH-UBND.txt"
run parse "$TMP/no-such-plan.txt" "$good"
expect_status 1 "one missing input among two"
expect_stderr_names "$TMP/no-such-plan.txt"
expect_json_lines 1
grep -qF 'tien-giang-69-KH-UBND.txt' "$OUT" || fail "the good input should still be parsed"

pass
