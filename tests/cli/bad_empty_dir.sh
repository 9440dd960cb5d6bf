#!/usr/bin/env bash
# An empty directory (or one without plan files) is an error naming it.
source "$(dirname "$0")/common.bash"

mkdir "$TMP/empty-dir"
run parse "$TMP/empty-dir"
expect_read_error "$TMP/empty-dir"

mkdir "$TMP/no-text"
echo 'not a plan' >"$TMP/no-text/notes.csv"
run parse "$TMP/no-text"
expect_read_error "$TMP/no-text"

pass
