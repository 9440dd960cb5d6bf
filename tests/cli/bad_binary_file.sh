#!/usr/bin/env bash
# A binary file (NUL bytes) is refused with exit 1 and a message naming it.
source "$(dirname "$0")/common.bash"

bin=$(command -v ls)
head -c 4096 "$bin" >"$TMP/binary.txt"
[ "$(tr -dc '\000' <"$TMP/binary.txt" | wc -c)" -gt 0 ] || printf 'ELF\0\0\0' >>"$TMP/binary.txt"

run parse "$TMP/binary.txt"
expect_read_error "$TMP/binary.txt"
expect_stderr 'binary|NUL' "the message should say why the file is not text"

# The same bytes under a .md name and through standard input.
cp "$TMP/binary.txt" "$TMP/binary.md"
run parse "$TMP/binary.md"
expect_read_error "$TMP/binary.md"

run parse - <"$TMP/binary.txt"
expect_status 1 "binary standard input"
expect_stdout_empty
expect_stderr 'binary|NUL'

pass
