#!/usr/bin/env bash
# Invalid UTF-8 is refused with exit 1 and a message naming the file and the
# byte offset of the first bad byte.
source "$(dirname "$0")/common.bash"

# "Kế hoạch" is 12 bytes, then "\n": the bad byte 0xff is at offset 13.
printf 'Kế hoạch\n\xff\xfe bad\n' >"$TMP/invalid.txt"
run parse "$TMP/invalid.txt"
expect_read_error "$TMP/invalid.txt"
expect_stderr 'utf-?8' "the message should say the text is not UTF-8"
expect_stderr '(byte|offset)[^0-9]*13([^0-9]|$)' "the message should give byte offset 13"

# A Windows-1258 / Latin-1 style file: "Kế" as 0x4b 0xea (not UTF-8) at offset 1.
printf 'K\xea ho\xe1ch\n' >"$TMP/legacy.txt"
run parse "$TMP/legacy.txt"
expect_read_error "$TMP/legacy.txt"
expect_stderr '(byte|offset)[^0-9]*1([^0-9]|$)' "the message should give byte offset 1"

# A sequence cut off at the end of the file, an overlong form, a surrogate.
for bytes in 'Kế ho\xe1\xba' 'a\xc0\xafb\n' 'x\xed\xa0\x80\n'; do
  printf "$bytes" >"$TMP/cut.txt"
  run parse "$TMP/cut.txt"
  expect_read_error "$TMP/cut.txt"
  expect_stderr 'utf-?8'
done

pass
