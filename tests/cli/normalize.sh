#!/usr/bin/env bash
# normalize prints the normalised text (not JSON), one block per line.
source "$(dirname "$0")/common.bash"

while IFS= read -r file; do
  run normalize "$file"
  expect_status 0 "normalize $(basename "$file")"
  lines=$(wc -l <"$OUT")
  [ "$lines" -ge 20 ] || fail "normalize $(basename "$file") printed $lines lines"
  if grep -qF '"schema"' "$OUT"; then fail "normalize should print text, not JSON"; fi
  if grep -q $'\r' "$OUT"; then fail "normalised text should hold no carriage return"; fi
done <<<"$(corpus_files)"

run normalize "$CORPORA/tien-giang-69-KH-UBND.txt"
grep -qF 'KẾ HOẠCH' "$OUT" || fail "the normalised Tiền Giang plan should hold 'KẾ HOẠCH'"

run normalize "$CORPORA/tien-giang-69-KH-UBND.txt" -o "$TMP/normalised.txt"
expect_status 0 "normalize -o"
expect_stdout_empty
[ -s "$TMP/normalised.txt" ] || fail "normalize -o should write the file"

pass
