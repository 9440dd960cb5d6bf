#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite twice:
# once on the normal build (build/), once under AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/). Exit status 0 only if both pass.
#
#   tools/test.sh                  both runs
#   tools/test.sh --no-sanitize    the normal run only
#   tools/test.sh --no-setup       skip tools/setup.sh (packages already there)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

setup=1
sanitize=1
for arg in "$@"; do
  case "$arg" in
    --no-setup) setup=0 ;;
    --no-sanitize) sanitize=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "test: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

jobs=${VNPLAN_JOBS:-2}
begin=$SECONDS
status=0
summaries=()

# run_ctest LABEL BUILD_DIR: runs ctest, keeps its summary line, records failure.
run_ctest() {
  local label=$1 dir=$2 log rc summary
  log=$(mktemp)
  echo "test: ctest in $dir ($label)"
  set +e
  (cd "$dir" && ctest --output-on-failure -j"$jobs" --timeout 900) 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  summary=$(grep -E 'tests passed|tests failed' "$log" | tail -n1 || true)
  rm -f "$log"
  summaries+=("$label: ${summary:-no ctest summary (ctest exit $rc)}")
  [ "$rc" -eq 0 ] || status=1
}

if [ $setup -eq 1 ]; then
  bash tools/setup.sh
fi

bash tools/build.sh
run_ctest release build

if [ $sanitize -eq 1 ]; then
  bash tools/build.sh --sanitize
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  run_ctest "asan+ubsan" build-asan
fi

echo
echo "test: summary ($((SECONDS - begin)) s)"
for line in "${summaries[@]}"; do
  echo "  $line"
done
if [ $status -eq 0 ]; then
  echo "test: PASS"
else
  echo "test: FAIL"
fi
exit $status
