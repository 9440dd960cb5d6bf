#!/usr/bin/env bash
# Remakes the PDF fixtures of tests/unit/pdf_test.cpp from their sources in
# tests/fixtures/pdf/src with real tools (Debian 12: libreoffice-writer-nogui,
# poppler-utils):
#   plan.pdf        two A5 pages: two-column header, running header, "Trang N" footers
#   table.pdf       a five-column table whose rows wrap and cross a page break
#                   (header row repeated on the second page)
#   encrypted.pdf   plan.pdf's source exported with an open password ("x")
#   scan.pdf        page 1 of plan.pdf as an image only: no text layer
# The damaged PDF is made by the test itself (plan.pdf cut short).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/tests/fixtures/pdf"
src="$out/src"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v soffice >/dev/null || { echo "needs soffice (libreoffice-writer-nogui)" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "needs pdftoppm (poppler-utils)" >&2; exit 1; }

# A private LibreOffice profile: no clash with a running instance, same output every run.
profile="-env:UserInstallation=file://$work/profile"
convert() {  # convert FILTER SOURCE OUTDIR
  soffice "$profile" --headless --convert-to "$1" --outdir "$3" "$2" >/dev/null 2>&1
}

convert pdf "$src/plan.fodt" "$work"
convert pdf "$src/table.fodt" "$work"
cp "$work/plan.pdf" "$work/table.pdf" "$out/"

mkdir -p "$work/enc"
convert 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}}' \
  "$src/plan.fodt" "$work/enc"
cp "$work/enc/plan.pdf" "$out/encrypted.pdf"

# The scan: page 1 rendered to a grey image, embedded in a page by Writer.
pdftoppm -f 1 -l 1 -r 60 -gray -png "$work/plan.pdf" "$work/page"
cp "$work"/page*.png "$work/scan.png"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
  echo ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
  echo ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
  echo ' xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
  echo ' office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
  echo '<office:body><office:text><text:p>'
  echo '<draw:frame svg:width="12cm" svg:height="17cm" text:anchor-type="as-char"><draw:image><office:binary-data>'
  base64 -w 76 "$work/scan.png"
  echo '</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body></office:document>'
} > "$work/scan.fodt"
convert pdf "$work/scan.fodt" "$work"
cp "$work/scan.pdf" "$out/scan.pdf"
ls -l "$out"/*.pdf
