#!/usr/bin/env bash
# Configures and builds vnplan (cmake, then cmake --build -j2).
#
#   tools/build.sh               build/       RelWithDebInfo (-O2 -g)
#   tools/build.sh --sanitize    build-asan/  ASan + UBSan (-DVNPLAN_SANITIZE=ON), -Og -g
#
# Environment: VNPLAN_BUILD_TYPE overrides the build type, VNPLAN_JOBS the
# number of parallel jobs (default 2).
#
# Why these optimisation levels (the project builds with -Werror):
#  - GCC 12 at -O3 (Release) reports a false -Wrestrict inside libstdc++'s
#    std::string (src/grammar/grammar.cpp), so the normal build uses -O2.
#  - GCC 12 at -O1/-O2 with -fsanitize=address,undefined reports a false
#    -Wmaybe-uninitialized inside libstdc++'s <regex> (pulled in by catch.hpp),
#    so the sanitizer build uses -Og, which also compiles twice as fast.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sanitize=OFF
for arg in "$@"; do
  case "$arg" in
    --sanitize) sanitize=ON ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "build: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

jobs=${VNPLAN_JOBS:-2}
if [ "$sanitize" = ON ]; then
  build_dir="$root/build-asan"
  build_type=${VNPLAN_BUILD_TYPE:-Debug}
  flags=(-DCMAKE_CXX_FLAGS_DEBUG="-Og -g")
else
  build_dir="$root/build"
  build_type=${VNPLAN_BUILD_TYPE:-RelWithDebInfo}
  flags=()
fi

for tool in cmake g++ pkg-config; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build: '$tool' not found; run tools/setup.sh first" >&2
    exit 1
  fi
done

echo "build: configuring $build_dir ($build_type, sanitize=$sanitize)"
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DVNPLAN_SANITIZE="$sanitize" \
  -DVNPLAN_TESTS=ON "${flags[@]}" >/dev/null
echo "build: compiling with $jobs jobs"
start=$SECONDS
cmake --build "$build_dir" -j"$jobs"
echo "build: done in $((SECONDS - start)) s: $build_dir/vnplan"
