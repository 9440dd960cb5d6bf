#!/usr/bin/env bash
# Several inputs give JSON Lines, one per input in the order given; a directory
# gives one line per .txt/.md file under it; --jsonl makes one input one line.
source "$(dirname "$0")/common.bash"

a="$CORPORA/tien-giang-69-KH-UBND.txt"
b="$CORPORA/vinh-long-btv-tinh-uy-ke-hoach-57.md"

run parse "$a" "$b"
expect_status 0 "two files"
expect_json_lines 2
head -n1 "$OUT" | grep -qF "\"path\":\"$a\"" || fail "line 1 should be $a"
tail -n1 "$OUT" | grep -qF "\"path\":\"$b\"" || fail "line 2 should be $b"

# --pretty does not apply to JSON Lines: still one document per line.
run parse "$a" "$b" --pretty
expect_status 0 "two files --pretty"
expect_json_lines 2

run parse "$a" --jsonl
expect_status 0 "--jsonl"
expect_json_lines 1

mkdir -p "$TMP/dir/sub"
cp "$a" "$TMP/dir/one.txt"
cp "$b" "$TMP/dir/sub/two.md"
echo 'ignored' >"$TMP/dir/three.csv"
run parse "$TMP/dir"
expect_status 0 "a directory"
expect_json_lines 2

pass
