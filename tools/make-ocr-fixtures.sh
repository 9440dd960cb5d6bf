#!/usr/bin/env bash
# make-ocr-fixtures.sh: remakes tests/fixtures/ocr/ — scans of two pages of a
# corpus plan, for the OCR tests (tests/corpus/ocr_test.cpp), with the clean
# text they were drawn from.
#
#   tools/make-ocr-fixtures.sh            # from the repository root (or anywhere)
#
# The pages come from tests/fixtures/formats/tien-giang-69-KH-UBND.pdf (made by
# tools/make-format-fixtures.sh with LibreOffice in Liberation Serif, from
# corpora/tien-giang-69-KH-UBND.txt): its pages 1 to 3 hold the title,
# "I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU" and the first targets (page 3).
#
#   tien-giang-p2.png         page 2, 200 dpi, black and white (pdftoppm -mono)
#   tien-giang-p2-3.tif       pages 2-3, 200 dpi, a two-page CCITT G4 TIFF (ghostscript)
#   tien-giang-p1-3.scan.pdf  pages 1-3 as a PDF of 150 dpi grey images and no
#                             text layer (ghostscript's pdfimage8 device)
#   tien-giang-p2.txt         the clean text of page 2 (pdftotext, the PDF's text layer)
#   tien-giang-p2-3.txt       the clean text of pages 2-3
#   tien-giang-p1-3.txt       the clean text of pages 1-3
#   tien-giang-p1-2.mixed.pdf page 1 with its text layer, then page 2 of the scan
#                             PDF: a PDF whose second page alone needs OCR
#   yen-bai-table.png         the top of the first page of the task table of
#                             tests/fixtures/formats/yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU.pdf
#                             (the page that holds "BIỂU PHÂN CÔNG"), 300 dpi,
#                             black and white: a table with borders, as a scan
#   yen-bai-table.eng-layer.pdf  that scan's text as `tesseract -l eng` lays it
#                             over a scan in a PDF (the text-only layer, in its
#                             GlyphLessFont, without the image): a searchable PDF
#
# Needs these Debian 12 packages (nothing downloaded): poppler-utils (pdftoppm,
# pdftotext, pdfseparate, pdfinfo), ghostscript (gs), perl, tesseract-ocr and
# tesseract-ocr-eng. Deterministic: the same inputs give
# the same bytes (ghostscript's PDF dates and /ID are made constant below).
# Every fixture must stay under 300 KB.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source_pdf="$root/tests/fixtures/formats/tien-giang-69-KH-UBND.pdf"
table_pdf="$root/tests/fixtures/formats/yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU.pdf"
out="$root/tests/fixtures/ocr"
max_bytes=$((300 * 1024))
export TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1735689600

for tool in pdftoppm pdftotext pdfseparate pdfinfo gs perl tesseract; do
  command -v "$tool" > /dev/null || { echo "make-ocr-fixtures: $tool is missing (see the package list at the top)" >&2; exit 1; }
done
[ -f "$source_pdf" ] || { echo "make-ocr-fixtures: $source_pdf is missing (tools/make-format-fixtures.sh makes it)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

pdftoppm -f 2 -l 2 -r 200 -mono -png "$source_pdf" "$work/page"
mv "$work"/page*.png "$out/tien-giang-p2.png"

# -dAdjustWidth=0: the page's own width, not the 1728 pixels of a fax line.
gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=tiffg4 -dAdjustWidth=0 -r200 -dFirstPage=2 -dLastPage=3 \
  -o "$work/scan.tif" "$source_pdf"
# The TIFF DateTime tag holds the time of the run: made constant.
perl -pe 's{\d{4}:\d\d:\d\d \d\d:\d\d:\d\d}{2025:01:01 00:00:00}g' "$work/scan.tif" > "$out/tien-giang-p2-3.tif"

# ghostscript stamps the time of the run and an /ID made from it: made constant,
# byte for byte the same length so the cross-reference offsets stay right.
pin_pdf() {
  perl -pe 's{(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})}{$1 . "20250101000000"}ge;
            s{(<[0-9A-Fa-f]{32}>)}{"<" . ("0" x 32) . ">"}ge;
            s{(<x[am]p:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*}{$1 . "2025-01-01T00:00:00Z"}ge;
            s{(x(?:mp|ap)MM:(?:DocumentID|InstanceID)=.uuid:)[0-9a-f-]{36}}{$1 . ("0" x 8) . "-0000-0000-0000-" . ("0" x 12)}ge' \
    "$1" > "$2"
}

gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pdfimage8 -r150 -dFirstPage=1 -dLastPage=3 \
  -o "$work/scan.pdf" "$source_pdf"
pin_pdf "$work/scan.pdf" "$out/tien-giang-p1-3.scan.pdf"
if [ "$(pdftotext "$out/tien-giang-p1-3.scan.pdf" - | tr -d '[:space:]\f' | wc -c)" -ne 0 ]; then
  echo "make-ocr-fixtures: the scan PDF has a text layer" >&2
  exit 1
fi

pdfseparate -f 1 -l 1 "$source_pdf" "$work/text-1.pdf"
pdfseparate -f 2 -l 2 "$out/tien-giang-p1-3.scan.pdf" "$work/scan-2.pdf"
gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pdfwrite -o "$work/mixed.pdf" "$work/text-1.pdf" "$work/scan-2.pdf"
pin_pdf "$work/mixed.pdf" "$out/tien-giang-p1-2.mixed.pdf"
if [ "$(pdftotext -f 2 -l 2 "$out/tien-giang-p1-2.mixed.pdf" - | tr -d '[:space:]\f' | wc -c)" -ne 0 ] ||
   [ "$(pdftotext -f 1 -l 1 "$out/tien-giang-p1-2.mixed.pdf" - | tr -d '[:space:]\f' | wc -c)" -lt 1000 ]; then
  echo "make-ocr-fixtures: the mixed PDF should have text on page 1 only" >&2
  exit 1
fi

# The table's first page: its title, header, first group row and first task row
# (the top 62% of an A4 page).
table_page=$(for p in $(seq 1 "$(pdfinfo "$table_pdf" | awk '/^Pages:/ {print $2}')"); do
  if pdftotext -f "$p" -l "$p" "$table_pdf" - | grep -q "BIỂU PHÂN CÔNG"; then echo "$p"; break; fi
done)
[ -n "$table_page" ] || { echo "make-ocr-fixtures: no task table page in $table_pdf" >&2; exit 1; }
pdftoppm -f "$table_page" -l "$table_page" -r 300 -mono -x 0 -y 0 -W 2550 -H 2046 -png \
  "$table_pdf" "$work/table"
mv "$work"/table*.png "$out/yen-bai-table.png"
# One thread: tesseract's result does not then depend on the machine.
OMP_THREAD_LIMIT=1 tesseract "$out/yen-bai-table.png" "$work/layer" -l eng -c textonly_pdf=1 pdf \
  > /dev/null 2>&1
pin_pdf "$work/layer.pdf" "$out/yen-bai-table.eng-layer.pdf"

pdftotext -f 2 -l 2 "$source_pdf" "$out/tien-giang-p2.txt"
pdftotext -f 2 -l 3 "$source_pdf" "$out/tien-giang-p2-3.txt"
pdftotext -f 1 -l 3 "$source_pdf" "$out/tien-giang-p1-3.txt"

for file in "$out"/*; do
  size=$(stat -c %s "$file")
  if [ "$size" -gt "$max_bytes" ]; then
    echo "make-ocr-fixtures: $file is $size bytes, more than $max_bytes" >&2
    exit 1
  fi
  printf 'make-ocr-fixtures: %-28s %7d bytes\n' "$(basename "$file")" "$size"
done
