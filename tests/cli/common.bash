# Helpers for the CLI tests (sourced, not a test itself: only *.sh are run).
#
# Every test is   bash tests/cli/NAME.sh VNPLAN_BINARY SOURCE_DIR
# and exits 0 on success, 1 with a message saying what was expected otherwise.
# Only bash, coreutils and grep are used.

set -uo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 VNPLAN_BINARY SOURCE_DIR" >&2
  exit 2
fi
VNPLAN=$1
SRC=$2
CORPORA="$SRC/corpora"
TEST_NAME=$(basename "$0" .sh)

if [ ! -x "$VNPLAN" ]; then
  echo "FAIL $TEST_NAME: vnplan binary '$VNPLAN' is missing or not executable" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vnplan-cli-$TEST_NAME.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

OUT="$TMP/stdout"
ERR="$TMP/stderr"
RC=0
LAST=""
# Seconds one vnplan run may take (generous: sanitizer builds are slow).
RUN_TIMEOUT=${VNPLAN_TEST_TIMEOUT:-300}

# The corpus files (not README.md), in name order.
corpus_files() {
  local f
  for f in "$CORPORA"/*.txt "$CORPORA"/*.md; do
    [ -f "$f" ] && [ "$(basename "$f")" != README.md ] && echo "$f"
  done | sort
}

fail() {
  {
    echo "FAIL $TEST_NAME: $*"
    if [ -n "$LAST" ]; then
      echo "  command: $LAST"
      echo "  exit status: $RC"
      echo "  stderr (first 20 lines):"
      head -n 20 "$ERR" 2>/dev/null | sed 's/^/    /'
      echo "  stdout (first 5 lines, 300 bytes each):"
      head -n 5 "$OUT" 2>/dev/null | cut -c1-300 | sed 's/^/    /'
    fi
  } >&2
  exit 1
}

pass() {
  echo "PASS $TEST_NAME${1:+: $1}"
  exit 0
}

# run ARGS...: runs vnplan, stdout → $OUT, stderr → $ERR, status → $RC.
run() {
  LAST="vnplan $*"
  timeout "$RUN_TIMEOUT" "$VNPLAN" "$@" >"$OUT" 2>"$ERR"
  RC=$?
  [ "$RC" -ne 124 ] || fail "timed out after ${RUN_TIMEOUT}s"
  check_no_crash
}

# No signal, no sanitizer report: any run of vnplan, whatever its exit status.
check_no_crash() {
  if [ "$RC" -ge 128 ]; then
    fail "crashed: exit status $RC (signal $((RC - 128)))"
  fi
  if grep -qE 'ERROR: (Address|Leak|Memory|Thread|UndefinedBehavior)Sanitizer|runtime error:|SUMMARY: .*Sanitizer' "$ERR"; then
    fail "a sanitizer reported an error"
  fi
  if grep -qi 'internal error' "$ERR"; then
    fail "vnplan reported an internal error"
  fi
}

expect_status() {
  [ "$RC" -eq "$1" ] || fail "expected exit status $1, got $RC${2:+ ($2)}"
}

expect_stderr() {  # extended regex, case-insensitive
  grep -qiE -- "$1" "$ERR" || fail "stderr should match /$1/${2:+ ($2)}"
}

expect_stderr_names() {  # a fixed string (a path) that must appear on stderr
  grep -qF -- "$1" "$ERR" || fail "stderr should name '$1'${2:+ ($2)}"
}

expect_stdout_empty() {
  [ ! -s "$OUT" ] || fail "stdout should be empty${1:+ ($1)}"
}

expect_stderr_empty() {
  [ ! -s "$ERR" ] || fail "stderr should be empty${1:+ ($1)}"
}

# A failed read: exit 1, no output, a one-line message naming the input.
expect_read_error() {
  local path=$1
  expect_status 1 "an unreadable input is exit 1"
  expect_stdout_empty "nothing is written for a failed input"
  expect_stderr_names "$path"
  [ "$(grep -c . "$ERR")" -ge 1 ] || fail "stderr should hold a message"
}

# is_json_line TEXT: one compact vnplan/1 document on one line.
is_json_line() {
  local line=$1
  [[ "$line" == \{* && "$line" == *\} ]] || return 1
  [[ "$line" == *'"schema":"vnplan/1"'* ]] || return 1
}

# expect_json_lines N: stdout is exactly N compact vnplan/1 documents, one per line.
expect_json_lines() {
  local n=$1 count=0 line
  while IFS= read -r line || [ -n "$line" ]; do
    count=$((count + 1))
    is_json_line "$line" || fail "stdout line $count is not a compact vnplan/1 JSON document"
  done <"$OUT"
  [ "$count" -eq "$n" ] || fail "expected $n JSON line(s) on stdout, got $count"
}

# count_in FILE STRING: occurrences of a fixed string.
count_in() {
  grep -oF -- "$2" "$1" | wc -l
}
