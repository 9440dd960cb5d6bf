#!/usr/bin/env bash
# Learns the OCR channel of the restorer, grammars/restore/ocr_channel.tsv, from
# Vietnamese text that is NOT a corpus document: paragraphs of the
# libreoffice-help-vi text that build-model.sh extracts (BUILD/restore-text),
# printed the way a plan is (pandoc → DOCX → LibreOffice PDF in Liberation
# Serif, from fonts-liberation2), rasterised (pdftoppm -r 300 -gray) and read
# by `tesseract -l eng` (no Vietnamese model, as the damaged plans were read).
# vnplan-channel then aligns each OCR word with the word printed and counts
# what was read for what; the costs are -log of those shares.
#
#   tools/restore/build-channel.sh [--out FILE] [--build DIR] [--every N] [--chars N]
#                                  [--scan-penalty NATS]
#
# --every N   take every N-th qualifying paragraph (default 3)
# --chars N   stop after about N characters of text (default 450000, ~150 pages;
#             printing and OCR take about 10 minutes on 2 cores)
# --scan-penalty NATS  extra cost of the hand-noted letter-for-letter rules of
#             real scans (tools/restore/channel-scans.tsv; default 1.5)
# The OCR output is cached in BUILD/restore-channel/ (delete it to read again);
# the rendering and OCR take a few minutes on two cores.
#
# Needs: pandoc, zip, unzip, perl, libreoffice-writer-nogui (soffice),
# fonts-liberation2, poppler-utils (pdftoppm), tesseract-ocr, tesseract-ocr-eng,
# and BUILD/vnplan-channel (built by cmake). Deterministic for fixed package versions.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${VNPLAN_BUILD:-$root/build}
out=$root/grammars/restore/ocr_channel.tsv
every=3
chars=450000
scan_penalty=1.5
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --chars) chars=$2; shift 2 ;;
    --scan-penalty) scan_penalty=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "build-channel: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1735689600
export OMP_THREAD_LIMIT=1  # tesseract: one thread each, deterministic
cache=$build/restore-channel
mkdir -p "$cache"

if [ ! -s "$cache/ocr-eng.txt" ] || [ ! -s "$cache/printed.txt" ]; then
  for tool in pandoc soffice zip unzip perl pdftoppm tesseract; do
    command -v "$tool" > /dev/null || { echo "build-channel: $tool is missing (see --help)" >&2; exit 1; }
  done
  tesseract --list-langs 2> /dev/null | grep -x eng > /dev/null || { echo "build-channel: tesseract-ocr-eng is missing" >&2; exit 1; }
  fc-list : family | grep "Liberation Serif" > /dev/null || { echo "build-channel: fonts-liberation2 is missing" >&2; exit 1; }
  text=$build/restore-text/libreoffice-help-vi.txt
  [ -s "$text" ] || "$root/tools/restore/build-model.sh" --build "$build" --out "$cache/unused.lm"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT

  # Paragraphs of running Vietnamese: 15 words or more, 40% of them with a
  # letter outside ASCII (the help also holds formulas, menus and English).
  awk -v every="$every" -v chars="$chars" 'BEGIN { RS = "" }
    { gsub(/\n/, " "); gsub(/  +/, " "); n = split($0, w, " "); if (n < 15) next
      v = 0; for (i = 1; i <= n; i++) if (w[i] ~ /[^\001-\177]/) v++
      if (v / n < 0.4 || ++seen % every) next
      print $0 "\n"; total += length($0); if (total >= chars) exit }' "$text" > "$work/printed.txt"
  perl -CSD -ne 'BEGIN { print "<html><body>\n" } chomp; next unless length;
    s/&/&amp;/g; s/</&lt;/g; s/>/&gt;/g; print "<p>$_</p>\n"; END { print "</body></html>\n" }' \
    "$work/printed.txt" > "$work/printed.html"

  # The reference DOCX of tools/make-format-fixtures.sh: pandoc's own, every
  # font Liberation Serif, so LibreOffice lays the text out in that font.
  mkdir -p "$work/reference"
  pandoc -o "$work/default-reference.docx" --print-default-data-file reference.docx
  (cd "$work/reference" && unzip -q "$work/default-reference.docx")
  serif='w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:eastAsia="Liberation Serif" w:cs="Liberation Serif"'
  perl -pi -e 's{<w:rFonts w:asciiTheme[^>]*/>}{<w:rFonts '"$serif"' />}g' "$work/reference/word/styles.xml"
  perl -pi -e 's{typeface="(Calibri|Cambria|Arial)"}{typeface="Liberation Serif"}g' "$work/reference/word/theme/theme1.xml"
  (cd "$work/reference" && zip -q -X -D "$work/reference.docx" '[Content_Types].xml' $(find . -type f ! -name '[[]Content_Types].xml' | sed 's|^\./||' | sort))

  pandoc -f html -t docx --reference-doc "$work/reference.docx" "$work/printed.html" -o "$work/printed.docx"
  soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
    --outdir "$work" "$work/printed.docx" > "$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; exit 1; }
  pdftoppm -r 300 -gray -png "$work/printed.pdf" "$work/page"
  # Two pages at a time (one thread each); joined in page order.
  find "$work" -name 'page-*.png' | sort | xargs -P 2 -I{} sh -c 'tesseract "$1" "${1%.png}" -l eng > /dev/null 2>&1' _ {}
  for page in $(find "$work" -name 'page-*.txt' | sort); do cat "$page"; printf '\n'; done > "$work/ocr-eng.txt"
  mv "$work/printed.txt" "$cache/printed.txt"
  mv "$work/ocr-eng.txt" "$cache/ocr-eng.txt"
fi

[ -x "$build/vnplan-channel" ] || { echo "build-channel: $build/vnplan-channel not built (cmake --build $build)" >&2; exit 1; }
"$build/vnplan-channel" --printed "$cache/printed.txt" --read "$cache/ocr-eng.txt" --out "$out"

# Readings of real scans (hand-noted, with their own costs). A digit or symbol
# read for a letter that the printed pages show too keeps the cheaper of the
# two costs (print seldom writes "0" for ô, worn scans often do; a letter read
# for another keeps the cost print gives it); the others are appended. A rule that
# reads a letter for another letter is charged --scan-penalty nats more: the
# channel mixes print (most input) with worn scans (a share of about
# exp(-penalty)); digits, symbols and a word's first letter are read for
# letters in print too and keep their cost.
scans=$(mktemp)
awk -F'\t' -v penalty="$scan_penalty" '/^#/ || NF < 2 { next }
  { split($2, v, " "); cost = v[2]; if ($1 ~ /^[a-z]+$/) cost += penalty
    printf "%s\t%s\t%.2f\n", $1, v[1], cost }' "$root/tools/restore/channel-scans.tsv" > "$scans"
awk -F'\t' -v scans="$scans" '
  BEGIN { while ((getline line < scans) > 0) { split(line, f, "\t"); scan[f[1] "\t" f[2]] = f[3]; order[++n] = f[1] "\t" f[2] } }
  /^#/ || NF < 2 { print; next }
  { split($2, v, " "); pair = $1 "\t" v[1]
    if ((pair in scan) && $1 !~ /^\^?[a-z]+$/ && scan[pair] + 0 < v[2] + 0) {
      printf "%s\t%s %.2f\t# scans (print: %s)\n", $1, v[1], scan[pair], v[2]; seen[pair] = 1; next }
    if (pair in scan) seen[pair] = 1
    print }
  END {
    printf "#\n# Appended from tools/restore/channel-scans.tsv (real scans, noted by hand;\n"
    printf "# letter-for-letter rules + the scan penalty):\n"
    for (i = 1; i <= n; i++) if (!(order[i] in seen)) {
      split(order[i], f, "\t"); printf "%s\t%s %.2f\n", f[1], f[2], scan[order[i]] } }' \
  "$out" > "$out.part"
rm -f "$scans"
mv "$out.part" "$out"
