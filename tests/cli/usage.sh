#!/usr/bin/env bash
# Usage: --help and --version succeed; no arguments, an unknown option, an
# unknown command and a missing input are usage errors (exit 2, message on stderr).
source "$(dirname "$0")/common.bash"

run --help
expect_status 0 "--help"
grep -q '^Usage:' "$OUT" || fail "--help should print a 'Usage:' section on stdout"
grep -q 'vnplan parse' "$OUT" || fail "--help should describe 'vnplan parse'"
grep -q 'vnplan normalize' "$OUT" || fail "--help should describe 'vnplan normalize'"
expect_stderr_empty "--help"

run -h
expect_status 0 "-h"

run --version
expect_status 0 "--version"
grep -qE '^vnplan [0-9]+\.[0-9]+\.[0-9]+' "$OUT" || fail "--version should print 'vnplan X.Y.Z'"
grep -qF 'vnplan/1' "$OUT" || fail "--version should name the schema vnplan/1"

run
expect_status 2 "no arguments"
expect_stdout_empty
expect_stderr 'no command|usage|help' "no arguments"

run --no-such-option
expect_status 2 "unknown option"
expect_stderr_names "--no-such-option" "unknown option"

run parse "$CORPORA/tien-giang-69-KH-UBND.txt" --frobnicate
expect_status 2 "unknown option after a command"
expect_stderr_names "--frobnicate"
expect_stdout_empty

run frobnicate "$CORPORA/tien-giang-69-KH-UBND.txt"
expect_status 2 "unknown command"
expect_stderr_names "frobnicate" "unknown command"
expect_stdout_empty

run parse
expect_status 2 "parse without an input"
expect_stderr 'input' "parse without an input"

run parse "$CORPORA/tien-giang-69-KH-UBND.txt" -o
expect_status 2 "-o without a file name"

run normalize "$CORPORA/tien-giang-69-KH-UBND.txt" "$CORPORA/tien-giang-69-KH-UBND.txt"
expect_status 2 "normalize with two files"

run parse "$CORPORA/tien-giang-69-KH-UBND.txt" --grammars "$TMP/no-such-grammars"
expect_status 2 "a missing grammar directory"
expect_stderr 'grammar' "a missing grammar directory"

pass
