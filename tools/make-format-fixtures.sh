#!/usr/bin/env bash
# make-format-fixtures.sh: remakes tests/fixtures/formats/ — the HTML, DOCX and PDF
# versions of four clean corpus documents that tests/corpus/formats_test.cpp
# parses against the text version ("same plan, same targets and tasks").
#
#   tools/make-format-fixtures.sh            # from the repository root (or anywhere)
#
# Needs these Debian 12 packages (nothing else, nothing downloaded):
#   pandoc                  markdown → HTML (pandoc -s) and → DOCX
#   libreoffice-writer-nogui DOCX → PDF (soffice --headless --convert-to pdf)
#   fonts-liberation2       the one font every DOCX and PDF uses (Liberation Serif/Mono)
#   zip unzip perl          the reference DOCX that pins the fonts; text → markdown
#   poppler-utils           pdfinfo (page count in the summary)
#
# How each document is made:
#   - .md corpora go to pandoc as they are (pandoc markdown with hard line
#     breaks, without "smart" quotes/dashes and without $...$ math, so LaTeX such as $\geq 1,5\%$ stays
#     text and reads as it does in the .md; pandoc's math would turn it into Word
#     equations and "1, 5" in HTML);
#   - .txt corpora (one paragraph per line) go through tools/text-to-markdown.pl:
#     every line stays a paragraph with its characters, and "I.", "1.", "a)", "-"
#     markers become real nested lists, i.e. automatic numbering (Word numPr with
#     several levels, HTML <ol type=...>) the readers must type back out;
#   - HTML: pandoc -s (a <head> with <title> and a <style> block, no visible title);
#   - DOCX: pandoc with a reference DOCX whose styles and theme name Liberation
#     Serif only, so LibreOffice lays out the PDF with the same font everywhere;
#   - PDF: LibreOffice from the DOCX, then its dates, /ID and checksum made constant.
# Deterministic: SOURCE_DATE_EPOCH fixes the DOCX dates and zip times, the PDF's
# dates, /ID and /DocChecksum are overwritten: running twice gives the same bytes.
#
# Fixtures stay small (a PDF above 300 KB stops the script): a document listed
# as "file:N" is made from its first N lines, written next to the fixtures as
# <name>.excerpt.<ext>, and the test compares the forms with that excerpt.
# Yên Bái stops before Phụ lục I: its 11-column target table, laid out on
# portrait A4 by LibreOffice, is 200 pages of one-syllable columns (0.5 MB).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/tests/fixtures/formats"
max_pdf_bytes=$((300 * 1024))
export SOURCE_DATE_EPOCH=1735689600  # 2025-01-01T00:00:00Z
export TZ=UTC LC_ALL=C.UTF-8

documents=(
  vinh-long-btv-tinh-uy-ke-hoach-57.md
  yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU.md:942
  tien-giang-69-KH-UBND.txt
  an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU.txt
)

for tool in pandoc soffice zip unzip perl pdfinfo; do
  command -v "$tool" > /dev/null || { echo "make-format-fixtures: $tool is missing (see the package list at the top)" >&2; exit 1; }
done
fc-list | grep -q 'Liberation Serif' || { echo "make-format-fixtures: fonts-liberation2 is missing" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# The reference DOCX: pandoc's own, with every font named Liberation Serif
# (Liberation Mono for code) instead of theme fonts LibreOffice would replace
# by whatever is installed.
make_reference_docx() {
  local dir="$work/reference"
  mkdir -p "$dir"
  pandoc -o "$work/default-reference.docx" --print-default-data-file reference.docx
  (cd "$dir" && unzip -q "$work/default-reference.docx")
  local serif='w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:eastAsia="Liberation Serif" w:cs="Liberation Serif"'
  perl -pi -e 's{<w:rFonts w:ascii="Consolas"[^>]*/>}{<w:rFonts w:ascii="Liberation Mono" w:hAnsi="Liberation Mono" />}g;
               s{<w:rFonts w:asciiTheme[^>]*/>}{<w:rFonts '"$serif"' />}g' "$dir/word/styles.xml"
  perl -pi -e 's{typeface="(Calibri|Cambria|Arial)"}{typeface="Liberation Serif"}g' "$dir/word/theme/theme1.xml"
  perl -pi -e 's{<dc:title>Title</dc:title><dc:creator>Author</dc:creator>}{}' "$dir/docProps/core.xml"
  find "$dir" -exec touch -d "@$SOURCE_DATE_EPOCH" {} +
  (cd "$dir" && zip -q -X -D "$work/reference.docx" '[Content_Types].xml' $(find . -type f ! -name '[[]Content_Types].xml' | sed 's|^\./||' | sort))
}

# LibreOffice writes the time of conversion and an /ID from it: made constant,
# with the checksum over them, byte for byte the same length so the
# cross-reference offsets stay right.
pin_pdf_metadata() {
  perl -0777 -pi -e '
    s{D:\d{14}}{D:20250101000000}g;
    s{(/DocChecksum /)([0-9A-Fa-f]+)}{$1 . ("0" x length $2)}ge;
    s{(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)>}{$1 . ("0" x length $2) . $3 . ("0" x length $4) . ">"}ge;
  ' "$1"
}

markdown_of() {  # corpus file → pandoc markdown on stdout
  case "$1" in
    *.md) cat "$1" ;;
    *.txt) perl "$root/tools/text-to-markdown.pl" < "$1" ;;
  esac
}

convert_one() {  # source text file, fixture name
  local source=$1 name=$2
  markdown_of "$source" > "$work/$name.md"
  # hard_line_breaks: a line break inside a .md paragraph (header blocks,
  # "Kính gửi:" lists) stays one (<br>, <w:br/>) instead of becoming a space.
  local from=markdown-smart-tex_math_dollars-raw_tex+hard_line_breaks
  pandoc -f "$from" -t html5 -s --metadata pagetitle="$name" "$work/$name.md" -o "$out/$name.html"
  # --columns: pipe tables get equal column widths, not the ratios of their
  # "|----|--|" rule rows (which squeeze the text columns to a word a line).
  pandoc -f "$from" -t docx --columns=100000 --reference-doc "$work/reference.docx" "$work/$name.md" -o "$out/$name.docx"
  soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
    --outdir "$work" "$out/$name.docx" > "$work/soffice.log" 2>&1 ||
    { cat "$work/soffice.log" >&2; exit 1; }
  mv "$work/$name.pdf" "$out/$name.pdf"
  pin_pdf_metadata "$out/$name.pdf"
}

make_reference_docx
for entry in "${documents[@]}"; do
  document=${entry%%:*}
  name=${document%.*}
  extension=${document##*.}
  rm -f "$out/$name".*
  source="$root/corpora/$document"
  if [ "$entry" != "$document" ]; then
    head -n "${entry##*:}" "$source" > "$out/$name.excerpt.$extension"
    source="$out/$name.excerpt.$extension"
  fi
  convert_one "$source" "$name"
  if [ "$(stat -c %s "$out/$name.pdf")" -gt "$max_pdf_bytes" ]; then
    echo "make-format-fixtures: $name.pdf is over $max_pdf_bytes bytes: list it as $document:LINES" >&2
    exit 1
  fi
  printf '%-42s html %6d  docx %6d  pdf %6d (%3s pages)%s\n' "$name" \
    "$(stat -c %s "$out/$name.html")" "$(stat -c %s "$out/$name.docx")" \
    "$(stat -c %s "$out/$name.pdf")" "$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/{print $2}')" \
    "$([ "$entry" != "$document" ] && echo "  from lines 1-${entry##*:}")"
done
