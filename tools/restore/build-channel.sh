#!/usr/bin/env bash
# Learns the OCR channel of the restorer, grammars/restore/ocr_channel.tsv, from
# Vietnamese text that is NOT a corpus document: paragraphs of the
# libreoffice-help-vi text that build-model.sh extracts (BUILD/restore-text),
# printed the way a plan is (pandoc → DOCX → LibreOffice PDF), in each of the
# prints (font and resolution) below, rasterised (pdftoppm -r DPI -gray) and
# read by `tesseract -l eng` (no Vietnamese model, as the damaged plans were
# read). vnplan-channel then aligns each OCR word with the word printed and
# counts what was read for what, over all prints; the costs are -log of those
# shares. The committed channel is learned from three prints, Liberation Serif
# at 300 dpi, Liberation Sans at 200 dpi and DejaVu Sans Condensed at 200 dpi: a
# serif and a sans face, as plans are set in both (Times New Roman, Arial), and
# a narrow face. The sans print taught what a serif one never shows ("dy" for
# ủy): +1.0 point of syllables on the Sans fixtures, +0.2 on the DejaVu ones,
# and the real Trà Câu scan reads better ("đổi màu" → "đổi mới"). The
# condensed print made "dy" for ủy cheap enough to win in context ("Tỉnh dy",
# "Đảng dy"): tasks F1 on prints the channel never saw rose by up to 0.05 (a
# degraded scan: 0.17), syllables unchanged. Adding DejaVu Serif at 200 dpi to
# the serif print alone had gained half a point on the DejaVu fixtures but made
# three Trà Câu headings worse (a read for â: "quyết tâm" → "quyết tìm"), so it
# is not a default.
#
#   tools/restore/build-channel.sh [--out FILE] [--build DIR] [--every N] [--chars N]
#                                  [--print "FONT:DPI"]... [--scan-penalty NATS]
#
# --every N   take every N-th qualifying paragraph (default 3)
# --chars N   stop after about N characters of text (default 450000, ~150 pages;
#             printing and OCR take about 5 to 10 minutes per print on 2 cores)
# --print "FONT:DPI"  a print to read (repeatable; default "Liberation Serif:300"
#             and "Liberation Sans:200", fonts-liberation2, and "DejaVu Sans
#             Condensed:200", fonts-dejavu-core; e.g. also "DejaVu Serif:200")
# --scan-penalty NATS  extra cost of the hand-noted letter-for-letter rules of
#             real scans (tools/restore/channel-scans.tsv; default 1.5)
# The text and each print's OCR output are cached in BUILD/restore-channel/
# (delete it to read again).
#
# Needs: pandoc, zip, unzip, perl, libreoffice-writer-nogui (soffice), the
# fonts, poppler-utils (pdftoppm), tesseract-ocr, tesseract-ocr-eng, and
# BUILD/vnplan-channel (built by cmake). Deterministic for fixed package versions.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${VNPLAN_BUILD:-$root/build}
out=$root/grammars/restore/ocr_channel.tsv
every=3
chars=450000
scan_penalty=1.5
prints=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --chars) chars=$2; shift 2 ;;
    --print) prints+=("$2"); shift 2 ;;
    --scan-penalty) scan_penalty=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "build-channel: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ ${#prints[@]} -gt 0 ] || prints=("Liberation Serif:300" "Liberation Sans:200" "DejaVu Sans Condensed:200")
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1735689600
export OMP_THREAD_LIMIT=1  # tesseract: one thread each, deterministic
cache=$build/restore-channel
mkdir -p "$cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need_tools() {
  for tool in pandoc soffice zip unzip perl pdftoppm tesseract; do
    command -v "$tool" > /dev/null || { echo "build-channel: $tool is missing (see --help)" >&2; exit 1; }
  done
  tesseract --list-langs 2> /dev/null | grep -x eng > /dev/null || { echo "build-channel: tesseract-ocr-eng is missing" >&2; exit 1; }
}

# The printed text: paragraphs of running Vietnamese, 15 words or more, 40% of
# them with a letter outside ASCII (the help also holds formulas, menus and English).
if [ ! -s "$cache/printed.txt" ]; then
  text=$build/restore-text/libreoffice-help-vi.txt
  [ -s "$text" ] || "$root/tools/restore/build-model.sh" --build "$build" --out "$cache/unused.lm"
  awk -v every="$every" -v chars="$chars" 'BEGIN { RS = "" }
    { gsub(/\n/, " "); gsub(/  +/, " "); n = split($0, w, " "); if (n < 15) next
      v = 0; for (i = 1; i <= n; i++) if (w[i] ~ /[^\001-\177]/) v++
      if (v / n < 0.4 || ++seen % every) next
      print $0 "\n"; total += length($0); if (total >= chars) exit }' "$text" > "$work/printed.txt"
  mv "$work/printed.txt" "$cache/printed.txt"
fi

# read_print FONT DPI OUT: the printed text laid out in FONT by LibreOffice
# (the reference DOCX of tools/make-format-fixtures.sh, pandoc's own, with
# every font set to FONT), drawn at DPI and read by tesseract -l eng.
read_print() {
  local font=$1 dpi=$2 result=$3 dir=$work/print
  need_tools
  fc-list : family | tr ',' '\n' | grep -qx "$font" || { echo "build-channel: font '$font' is missing" >&2; exit 1; }
  rm -rf "$dir" && mkdir -p "$dir/reference"
  perl -CSD -ne 'BEGIN { print "<html><body>\n" } chomp; next unless length;
    s/&/&amp;/g; s/</&lt;/g; s/>/&gt;/g; print "<p>$_</p>\n"; END { print "</body></html>\n" }' \
    "$cache/printed.txt" > "$dir/printed.html"
  pandoc -o "$dir/default-reference.docx" --print-default-data-file reference.docx
  (cd "$dir/reference" && unzip -q "$dir/default-reference.docx")
  local fonts="w:ascii=\"$font\" w:hAnsi=\"$font\" w:eastAsia=\"$font\" w:cs=\"$font\""
  perl -pi -e 's{<w:rFonts w:asciiTheme[^>]*/>}{<w:rFonts '"$fonts"' />}g' "$dir/reference/word/styles.xml"
  perl -pi -e 's{typeface="(Calibri|Cambria|Arial)"}{typeface="'"$font"'"}g' "$dir/reference/word/theme/theme1.xml"
  (cd "$dir/reference" && zip -q -X -D "$dir/reference.docx" '[Content_Types].xml' $(find . -type f ! -name '[[]Content_Types].xml' | sed 's|^\./||' | sort))
  pandoc -f html -t docx --reference-doc "$dir/reference.docx" "$dir/printed.html" -o "$dir/printed.docx"
  soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
    --outdir "$dir" "$dir/printed.docx" > "$dir/soffice.log" 2>&1 || { cat "$dir/soffice.log" >&2; exit 1; }
  pdftoppm -r "$dpi" -gray -png "$dir/printed.pdf" "$dir/page"
  # Two pages at a time (one thread each); joined in page order.
  find "$dir" -name 'page-*.png' | sort | xargs -P 2 -I{} sh -c 'tesseract "$1" "${1%.png}" -l eng > /dev/null 2>&1' _ {}
  for page in $(find "$dir" -name 'page-*.txt' | sort); do cat "$page"; printf '\n'; done > "$dir/ocr-eng.txt"
  mv "$dir/ocr-eng.txt" "$result"
}

# Each print's reading, cached; the channel counts all of them, each against
# its own copy of the printed text.
: > "$work/printed-all.txt"
: > "$work/read-all.txt"
for print in "${prints[@]}"; do
  font=${print%:*} dpi=${print##*:}
  slug=$(printf '%s-%s' "$font" "$dpi" | tr 'A-Z ' 'a-z-')
  [ -s "$cache/ocr-eng-$slug.txt" ] || read_print "$font" "$dpi" "$cache/ocr-eng-$slug.txt"
  cat "$cache/printed.txt" >> "$work/printed-all.txt"
  cat "$cache/ocr-eng-$slug.txt" >> "$work/read-all.txt"
done

[ -x "$build/vnplan-channel" ] || { echo "build-channel: $build/vnplan-channel not built (cmake --build $build)" >&2; exit 1; }
"$build/vnplan-channel" --printed "$work/printed-all.txt" --read "$work/read-all.txt" --out "$out"

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
