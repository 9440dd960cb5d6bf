#!/usr/bin/env bash
# A 50 MB file that is one line (generated here, never committed) is refused
# quickly with exit 1 and a message naming it, without a crash.
source "$(dirname "$0")/common.bash"

head -c 50000000 /dev/zero | tr '\0' 'a' >"$TMP/one-line.txt"
[ "$(stat -c %s "$TMP/one-line.txt")" -eq 50000000 ] || fail "could not generate the 50 MB input"

run parse "$TMP/one-line.txt"
expect_read_error "$TMP/one-line.txt"
expect_stderr 'line|long' "the message should say the line is too long"

run normalize "$TMP/one-line.txt"
expect_read_error "$TMP/one-line.txt"

pass
