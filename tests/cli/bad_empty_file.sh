#!/usr/bin/env bash
# An empty file is refused with exit 1 and a message naming it; so is empty stdin.
source "$(dirname "$0")/common.bash"

: >"$TMP/empty.txt"
run parse "$TMP/empty.txt"
expect_read_error "$TMP/empty.txt"
expect_stderr 'empty' "the message should say the file is empty"

run normalize "$TMP/empty.txt"
expect_read_error "$TMP/empty.txt"

run parse - </dev/null
expect_status 1 "empty standard input"
expect_stdout_empty
expect_stderr 'empty'

pass
