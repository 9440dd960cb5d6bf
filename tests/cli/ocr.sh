#!/usr/bin/env bash
# Scans: --ocr=never refuses them (exit 1), a bad --ocr mode is a usage error
# (exit 2), and by default a PNG page is read by OCR (source.format "image",
# source.ocr true) or, in a build without OCR support, refused with how to get it.
source "$(dirname "$0")/common.bash"

png="$SRC/tests/fixtures/ocr/tien-giang-p2.png"

run parse --ocr=never "$png"
expect_read_error "$png"
expect_stderr 'image.*--ocr=never' "the message should say OCR is off"

run parse --ocr=sometimes "$png"
expect_status 2 "an unknown --ocr mode"
expect_stderr "unknown mode 'sometimes'"

run parse --ocr "$png"
expect_status 2 "--ocr with a file name as its mode"

run parse --ocr auto "$png"
if grep -q 'built without OCR support' "$ERR"; then
  expect_read_error "$png"
  expect_stderr 'libtesseract-dev.*tesseract-ocr-vie'
  pass "built without OCR support: refused clearly"
fi
expect_status 0 "a PNG page read by OCR"
expect_json_lines 1
grep -qF '"format":"image"' "$OUT" || fail 'source.format should be "image"'
grep -qF '"ocr":true' "$OUT" || fail 'source.ocr should be true'
grep -qE '"ocr_confidence":0\.[5-9]' "$OUT" || fail 'source.ocr_confidence should be a confidence above 0.5'
grep -qF '"code":"read.ocr"' "$OUT" || fail 'a read.ocr note should say what was OCRd'
grep -qF 'Mục tiêu tổng quát' "$OUT" || fail 'the page text should be in the model'
pass
