#!/usr/bin/env bash
# make-legacy-fixtures.sh: remakes tests/fixtures/legacy/ — a corpus document in
# the legacy Vietnamese encodings, which tests/corpus/legacy_test.cpp parses
# against the Unicode original ("same plan, same model").
#
#   tools/make-legacy-fixtures.sh [BUILD_DIR]     # BUILD_DIR holds vnplan-encode
#
# Each file is written by vnplan-encode (tools/legacy/encode.cpp) with the very
# tables the read stage decodes with (grammars/encodings/), in reverse:
#   NAME.tcvn3.txt        raw 8-bit TCVN3 (ABC); capitals without a byte of
#                         their own written with the lower-case byte, as the
#                         ".VnTimeH" fonts had it ("KÕ HO¹CH")
#   NAME.tcvn3-1252.txt   the same bytes read as Windows-1252 and saved as UTF-8
#                         (what a user gets from a .VnTime file: "Céng hoµ")
#   NAME.vni.txt          raw 8-bit VNI-Windows ("KEÁ HOAÏCH")
#   NAME.vni-1252.txt     the same as a Windows-1252 look-alike in UTF-8
# Deterministic: the same input and tables give the same bytes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-/tmp/build-legacy}
encode="$build/vnplan-encode"
[ -x "$encode" ] || { echo "no $encode: build the vnplan-encode target first" >&2; exit 1; }
out="$root/tests/fixtures/legacy"
mkdir -p "$out"

documents=(an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU.txt)
for document in "${documents[@]}"; do
  name=${document%.*}
  source="$root/corpora/$document"
  "$encode" tcvn3 --grammars "$root/grammars" <"$source" >"$out/$name.tcvn3.txt"
  "$encode" tcvn3 --look-alike --grammars "$root/grammars" <"$source" >"$out/$name.tcvn3-1252.txt"
  "$encode" vni-windows --grammars "$root/grammars" <"$source" >"$out/$name.vni.txt"
  "$encode" vni-windows --look-alike --grammars "$root/grammars" <"$source" >"$out/$name.vni-1252.txt"
done
ls -l "$out"
