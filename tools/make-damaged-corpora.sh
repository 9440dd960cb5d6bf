#!/usr/bin/env bash
# make-damaged-corpora.sh: remakes tests/fixtures/damaged/ — damaged versions of
# the four clean corpus documents, for the restoration evaluation (tools/eval,
# `vnplan-eval`). The Trà Câu file has no clean original and is left out.
#
#   tools/make-damaged-corpora.sh               # all three kinds, all four documents
#   tools/make-damaged-corpora.sh --stripped    # only the stripped versions (a second)
#   tools/make-damaged-corpora.sh --ocr         # only the Liberation OCR versions (about 7 minutes)
#   tools/make-damaged-corpora.sh --ocr-dejavu  # only the DejaVu OCR versions (about 5 minutes)
#   tools/make-damaged-corpora.sh --ocr-sans    # only the Liberation Sans OCR versions
#   tools/make-damaged-corpora.sh --reprint TAG FONT DPI DIR
#                                  # another print, for a check on OCR nothing was
#                                  # tuned on: NAME.ocr-eng-TAG.txt in FONT at DPI,
#                                  # and DIR/documents.tsv for `vnplan-eval --fixtures DIR`
#                                  # (e.g. --reprint dvsans "DejaVu Sans" 250 /tmp/dvsans)
#   tools/make-damaged-corpora.sh --draw TAG FONT_FILE POINTS DPI DIR
#                                  # the clean text drawn as it is written, markup and
#                                  # pipe tables included (tools/draw-text.py, Pillow),
#                                  # and read: DIR/NAME.ocr-eng-TAG.txt, compared with
#                                  # the whole clean document (e.g. --draw dvsans
#                                  # /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf 12 300 /tmp/drawn)
#
# For each document NAME it writes:
#   NAME.stripped.txt  the clean text with every diacritic removed: ICU's
#                      `uconv -x '::NFD; ::[:Nonspacing Mark:] Remove; ::NFC;'`, then
#                      đ→d, Đ→D (they are letters of their own, not marked d).
#                      Same lines, every other byte as in the original; checked
#                      against a second, independent stripping (perl's
#                      Unicode::Normalize) before it is kept.
#   NAME.ocr-eng.txt   what tesseract makes of the printed pages WITHOUT a
#                      Vietnamese model (as the Trà Câu file was made): the
#                      PDF of the document that tools/make-format-fixtures.sh
#                      made (pandoc → DOCX → LibreOffice, Liberation Serif from
#                      fonts-liberation2), each page rasterised by
#                      `pdftoppm -r 300 -gray -png`, read by `tesseract PAGE - -l eng`
#                      (one thread, so the output is the same on every run), the
#                      pages joined in order with a blank line between them.
#   NAME.ocr-eng-dejavu.txt  the same reading of the same document printed in
#                      another font at another resolution: the DOCX of
#                      tools/make-format-fixtures.sh with its fonts renamed to
#                      DejaVu Serif (DejaVu Sans Mono for code) from
#                      fonts-dejavu-core, laid out again by LibreOffice, each
#                      page rasterised by `pdftoppm -r 200 -gray -png`, then
#                      the same tesseract command.
#   NAME.ocr-eng-sans.txt  the same in Liberation Sans (fonts-liberation2) at
#                      200 dpi. The restorer's OCR channel was learned from
#                      help text printed in Liberation Serif at 300 dpi
#                      (tools/restore/build-channel.sh): the DejaVu and Sans
#                      prints measure it on OCR it has not seen.
# and documents.tsv: for each document, the clean text each damaged file must be
# compared with (a path from the repository root). Yên Bái's PDF is made from
# its first pages only (tests/fixtures/formats/*.excerpt.md, before Phụ lục I),
# so its OCR versions are compared with that excerpt; its stripped version is of
# the whole document.
#
# Needs these Debian 12 packages (nothing else, nothing downloaded):
#   icu-devtools     uconv (ICU transforms)
#   perl             the cross-check of the stripping (Unicode::Normalize is core perl)
#   poppler-utils    pdftoppm, pdfinfo
#   tesseract-ocr, tesseract-ocr-eng   the OCR and its English model
#   libreoffice-writer-nogui, zip, unzip, fonts-dejavu-core   (--ocr-dejavu, --ocr-sans)
#                    the DejaVu and Sans prints: LibreOffice lays out the DOCX again
#   python3-pil      (--draw) Pillow, which draws the text
# Deterministic: the same inputs and package versions give the same bytes
# (tests/fixtures/damaged/README.md lists the versions the committed files came from).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/tests/fixtures/damaged"
formats="$root/tests/fixtures/formats"
export LC_ALL=C.UTF-8 TZ=UTC
export OMP_THREAD_LIMIT=1  # tesseract: one thread, deterministic and kind to other jobs

make_stripped=1 make_ocr=1 make_ocr_dejavu=1 make_ocr_sans=1 reprint= draw=
case "${1:-}" in
  "") ;;
  --draw)
    [ $# -eq 6 ] || { echo "make-damaged-corpora: --draw TAG FONT_FILE POINTS DPI DIR" >&2; exit 2; }
    draw=$2 draw_font=$3 draw_points=$4 draw_dpi=$5 out=$6
    make_stripped=0 make_ocr=0 make_ocr_dejavu=0 make_ocr_sans=0 ;;
  --reprint)
    [ $# -eq 5 ] || { echo "make-damaged-corpora: --reprint TAG FONT DPI DIR" >&2; exit 2; }
    reprint=$2 reprint_font=$3 reprint_dpi=$4 out=$5
    make_stripped=0 make_ocr=0 make_ocr_dejavu=0 make_ocr_sans=0 ;;
  --stripped) make_ocr=0 make_ocr_dejavu=0 make_ocr_sans=0 ;;
  --ocr) make_stripped=0 make_ocr_dejavu=0 make_ocr_sans=0 ;;
  --ocr-dejavu) make_stripped=0 make_ocr=0 make_ocr_sans=0 ;;
  --ocr-sans) make_stripped=0 make_ocr=0 make_ocr_dejavu=0 ;;
  -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  *) echo "make-damaged-corpora: unknown argument '$1' (try --help)" >&2; exit 2 ;;
esac

documents=(
  an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU.txt
  tien-giang-69-KH-UBND.txt
  vinh-long-btv-tinh-uy-ke-hoach-57.md
  yen-bai-yen-binh-2053-CV-HU-kem-235-KH-TU.md
)

need() {
  command -v "$1" > /dev/null || { echo "make-damaged-corpora: $1 is missing (package $2)" >&2; exit 1; }
}
need perl perl
[ $make_stripped -eq 0 ] || need uconv icu-devtools
if [ -n "$draw" ]; then
  /usr/bin/python3 -c 'import PIL' 2> /dev/null || { echo "make-damaged-corpora: Pillow is missing (package python3-pil)" >&2; exit 1; }
  [ -f "$draw_font" ] || { echo "make-damaged-corpora: font file '$draw_font' is missing" >&2; exit 1; }
  need tesseract tesseract-ocr
  tesseract --list-langs 2> /dev/null | grep -qx eng || { echo "make-damaged-corpora: tesseract-ocr-eng is missing" >&2; exit 1; }
  mkdir -p "$out"
fi
if [ $make_ocr -eq 1 ] || [ $make_ocr_dejavu -eq 1 ] || [ $make_ocr_sans -eq 1 ] || [ -n "$reprint" ]; then
  need pdftoppm poppler-utils
  need tesseract tesseract-ocr
  tesseract --list-langs 2> /dev/null | grep -qx eng || { echo "make-damaged-corpora: tesseract-ocr-eng is missing" >&2; exit 1; }
fi
if [ $make_ocr_dejavu -eq 1 ] || [ $make_ocr_sans -eq 1 ] || [ -n "$reprint" ]; then
  need soffice libreoffice-writer-nogui
  need zip zip
  need unzip unzip
fi
if [ $make_ocr_dejavu -eq 1 ]; then
  fc-list : family | grep -qx 'DejaVu Serif' || { echo "make-damaged-corpora: DejaVu Serif is missing (package fonts-dejavu-core)" >&2; exit 1; }
fi
if [ $make_ocr_sans -eq 1 ]; then
  fc-list : family | tr ',' '\n' | grep -qx 'Liberation Sans' || { echo "make-damaged-corpora: Liberation Sans is missing (package fonts-liberation2)" >&2; exit 1; }
fi

if [ -n "$reprint" ]; then
  fc-list : family | tr ',' '\n' | grep -qx "$reprint_font" || { echo "make-damaged-corpora: font '$reprint_font' is missing" >&2; exit 1; }
  fc-list ":family=$reprint_font:charset=1ec7" family | grep -q . || { echo "make-damaged-corpora: '$reprint_font' has no Vietnamese letters" >&2; exit 1; }
  # Code in a monospace font of the same family, so that the embedded-font check holds.
  case "$reprint_font" in Liberation*) reprint_mono="Liberation Mono" ;; *) reprint_mono="DejaVu Sans Mono" ;; esac
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# The stripping, done twice by two different implementations: ICU's (what is
# kept) and perl's (the check). Any difference stops the script.
strip_diacritics() {  # source → target
  uconv -f utf-8 -t utf-8 -x '::NFD; ::[:Nonspacing Mark:] Remove; ::NFC;' < "$1" | sed 's/đ/d/g; s/Đ/D/g' > "$2"
  perl -CSD -MUnicode::Normalize -pe '$_ = NFC(NFD($_) =~ s/\p{Mn}//gr); tr/\x{111}\x{110}/dD/' < "$1" > "$work/check"
  cmp -s "$2" "$work/check" || { echo "make-damaged-corpora: ICU and perl strip $1 differently" >&2; exit 1; }
  [ "$(wc -l < "$1")" -eq "$(wc -l < "$2")" ] || { echo "make-damaged-corpora: $2 lost lines" >&2; exit 1; }
  perl -CSD -ne 'if (/[\p{Mn}\x{111}\x{110}]/) { print STDERR "make-damaged-corpora: a mark is left in '"$2"' line $.\n"; exit 1 }' "$2"
}

ocr_pdf() {  # pdf, text, resolution in dpi
  local pdf=$1 target=$2 dpi=$3
  rm -rf "$work/pages" && mkdir "$work/pages"
  pdftoppm -r "$dpi" -gray -png "$pdf" "$work/pages/page"
  ocr_pages "$target"
}

# The page images in $work/pages, read in order into one text.
ocr_pages() {  # text
  local target=$1 pages
  pages=$(find "$work/pages" -name 'page-*.png' | sort)  # page-01 … sorts in page order
  : > "$target"
  local first=1
  for page in $pages; do
    [ $first -eq 1 ] || printf '\n' >> "$target"
    first=0
    # page_separator: no form feed between pages, a blank line instead.
    tesseract "$page" - -l eng -c page_separator= 2> /dev/null >> "$target"
  done
}

# Another print: the format fixture's DOCX (pandoc's, with the reference
# styles that name Liberation Serif and Liberation Mono, and nothing else) with
# those names replaced, so LibreOffice lays the same paragraphs out in SERIF
# (the text) and MONO (code). The PDF is only rasterised, so its dates need not
# be pinned.
refont_pdf() {  # docx → pdf, text font, code font
  local docx=$1 pdf=$2 serif=$3 mono=$4 dir="$work/docx"
  rm -rf "$dir" && mkdir "$dir"
  (cd "$dir" && unzip -q "$docx")
  grep -rq 'Liberation Serif' "$dir/word/styles.xml" || { echo "make-damaged-corpora: $docx names no Liberation Serif" >&2; exit 1; }
  find "$dir" -name '*.xml' -exec perl -pi -e "s/Liberation Serif/$serif/g; s/Liberation Mono/$mono/g" {} +
  ! grep -rq 'Liberation Serif' "$dir" || { echo "make-damaged-corpora: Liberation Serif is left in $docx" >&2; exit 1; }
  local name
  name=$(basename "$docx")
  rm -f "$work/$name"
  (cd "$dir" && zip -q -X -D "$work/$name" '[Content_Types].xml' $(find . -type f ! -name '[[]Content_Types].xml' | sed 's|^\./||' | sort))
  soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
    --outdir "$work" "$work/$name" > "$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; exit 1; }
  mv "$work/${name%.docx}.pdf" "$pdf"
  # LibreOffice would quietly substitute a missing font: check what it embedded.
  local family=${serif%% *}
  if command -v pdffonts > /dev/null && pdffonts "$pdf" | awk 'NR > 2' | grep -v "$family" | grep -q .; then
    echo "make-damaged-corpora: $pdf uses a font other than $serif and $mono:" >&2
    pdffonts "$pdf" >&2
    exit 1
  fi
}

# NAME.ocr-eng-TAG.txt: the format fixture's DOCX laid out again in other
# fonts (refont_pdf), drawn at DPI and read.
ocr_reprint() {  # name, tag, text font, code font, dpi
  local name=$1 tag=$2 docx="$formats/$1.docx" pdf="$work/$1.$2.pdf" target="$out/$1.ocr-eng-$2.txt"
  [ -f "$docx" ] || { echo "make-damaged-corpora: $docx is missing (tools/make-format-fixtures.sh makes it)" >&2; exit 1; }
  refont_pdf "$docx" "$pdf" "$3" "$4"
  ocr_pdf "$pdf" "$target" "$5"
  printf '%-42s ocr-eng-%s %7d bytes (%s pages)\n' "$name" "$tag" "$(stat -c %s "$target")" \
    "$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')"
}

# NAME.ocr-eng-TAG.txt: the clean text drawn as written (tools/draw-text.py) and read.
ocr_drawn() {  # clean file, name
  local target="$out/$2.ocr-eng-$draw.txt"
  rm -rf "$work/pages" && mkdir "$work/pages"
  /usr/bin/python3 "$root/tools/draw-text.py" "$1" "$draw_font" "$draw_points" "$draw_dpi" \
    "$work/pages/page"
  ocr_pages "$target"
  printf '%-42s ocr-eng-%s %7d bytes (%s pages)\n' "$2" "$draw" "$(stat -c %s "$target")" \
    "$(find "$work/pages" -name 'page-*.png' | wc -l)"
}

reprint_documents() {
  printf '# name\tdamaged file\tclean text it is compared with (from the repository root)\n'
  for document in "${documents[@]}"; do
    name=${document%.*}
    extension=${document##*.}
    excerpt="tests/fixtures/formats/$name.excerpt.$extension"
    if [ -f "$root/$excerpt" ]; then ocr_clean=$excerpt; else ocr_clean="corpora/$document"; fi
    printf '%s\t%s\t%s\n' "$name" "$name.ocr-eng-$reprint.txt" "$ocr_clean"
  done
}
if [ -n "$draw" ]; then
  {
    printf '# name\tdamaged file\tclean text it is compared with (from the repository root)\n'
    for document in "${documents[@]}"; do
      printf '%s\t%s\t%s\n' "${document%.*}" "${document%.*}.ocr-eng-$draw.txt" "corpora/$document"
    done
  } > "$out/documents.tsv"
elif [ -n "$reprint" ]; then
  reprint_documents > "$out/documents.tsv"
else {
  printf '# name\tdamaged file\tclean text it is compared with (from the repository root)\n'
  for document in "${documents[@]}"; do
    name=${document%.*}
    extension=${document##*.}
    excerpt="tests/fixtures/formats/$name.excerpt.$extension"
    printf '%s\t%s\t%s\n' "$name" "$name.stripped.txt" "corpora/$document"
    if [ -f "$root/$excerpt" ]; then ocr_clean=$excerpt; else ocr_clean="corpora/$document"; fi
    printf '%s\t%s\t%s\n' "$name" "$name.ocr-eng.txt" "$ocr_clean"
    printf '%s\t%s\t%s\n' "$name" "$name.ocr-eng-dejavu.txt" "$ocr_clean"
    printf '%s\t%s\t%s\n' "$name" "$name.ocr-eng-sans.txt" "$ocr_clean"
  done
} > "$out/documents.tsv"
fi

for document in "${documents[@]}"; do
  name=${document%.*}
  if [ $make_stripped -eq 1 ]; then
    strip_diacritics "$root/corpora/$document" "$out/$name.stripped.txt"
    printf '%-42s stripped %7d bytes\n' "$name" "$(stat -c %s "$out/$name.stripped.txt")"
  fi
  if [ $make_ocr -eq 1 ]; then
    pdf="$formats/$name.pdf"
    [ -f "$pdf" ] || { echo "make-damaged-corpora: $pdf is missing (tools/make-format-fixtures.sh makes it)" >&2; exit 1; }
    ocr_pdf "$pdf" "$out/$name.ocr-eng.txt" 300
    printf '%-42s ocr-eng  %7d bytes (%s pages)\n' "$name" "$(stat -c %s "$out/$name.ocr-eng.txt")" \
      "$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')"
  fi
  [ $make_ocr_dejavu -eq 0 ] || ocr_reprint "$name" dejavu "DejaVu Serif" "DejaVu Sans Mono" 200
  [ $make_ocr_sans -eq 0 ] || ocr_reprint "$name" sans "Liberation Sans" "Liberation Mono" 200
  [ -z "$reprint" ] || ocr_reprint "$name" "$reprint" "$reprint_font" "$reprint_mono" "$reprint_dpi"
  [ -z "$draw" ] || ocr_drawn "$root/corpora/$document" "$name"
done
