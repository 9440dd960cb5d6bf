#!/usr/bin/env bash
# Windows line ends (CRLF) and a UTF-8 byte-order mark do not change the model:
# same sections, same document number; normalised text holds no CR or BOM.
source "$(dirname "$0")/common.bash"

bom=$'\xef\xbb\xbf'
for name in tien-giang-69-KH-UBND.txt yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU.md; do
  file="$CORPORA/$name"
  ext=${name##*.}
  sed 's/$/\r/' "$file" >"$TMP/crlf.$ext"
  { printf '%s' "$bom"; cat "$file"; } >"$TMP/bom.$ext"
  { printf '%s' "$bom"; sed 's/$/\r/' "$file"; } >"$TMP/bom-crlf.$ext"
  grep -q $'\r$' "$TMP/crlf.$ext" || fail "could not make a CRLF copy of $name"

  run parse "$file"
  expect_status 0 "parse $name"
  sections=$(count_in "$OUT" '"marker_type":')
  number=$(grep -oE '"number":\{"text":"[^"]*"' "$OUT" | head -n1)

  for variant in crlf bom bom-crlf; do
    input="$TMP/$variant.$ext"
    run parse "$input"
    expect_status 0 "parse $variant copy of $name"
    expect_json_lines 1
    got=$(count_in "$OUT" '"marker_type":')
    [ "$got" -eq "$sections" ] || fail "$variant copy of $name: $got sections, the original $sections"
    got_number=$(grep -oE '"number":\{"text":"[^"]*"' "$OUT" | head -n1)
    [ "$got_number" = "$number" ] ||
      fail "$variant copy of $name: document number $got_number, the original $number"

    run normalize "$input"
    expect_status 0 "normalize $variant copy of $name"
    if grep -q $'\r' "$OUT"; then fail "normalize $variant copy of $name: CR left in the text"; fi
    if grep -qF "$bom" "$OUT"; then fail "normalize $variant copy of $name: BOM left in the text"; fi
  done
done

pass
