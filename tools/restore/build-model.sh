#!/usr/bin/env bash
# Builds the restoration model grammars/restore/syllables.lm, reproducibly:
#   lexicon  the syllables of hunspell-vi (/usr/share/hunspell/vi_VN.dic)
#   text     the clean corpora (corpora/*.md, corpora/*.txt but not *.ocr.*)
#            and Vietnamese text from two Debian packages, extracted here:
#            libreoffice-help-vi (HTML pages, read with `vnplan render`) and
#            manpages-vi (roff, macros and escapes removed)
#            and the canonical agency names of grammars/agencies/registry.tsv
#            (one sentence each, on one line so that two-word names count),
#            so that names OCR misread ("Bạn Xây dựng Dạng", "Cục Thuộc
#            tính") are restored as the names they are; the heads of
#            grammars/agencies/compose.tsv before such names ("Giám đốc Sở
#            Tư pháp"), and the provinces of Debian's iso-codes ("tỉnh Long
#            An"): plans name them, and the other text seldom does; and
#            the set phrases of tools/restore/formulas.txt ("cơ quan thuộc
#            Chính phủ", "Ủy ban nhân dân phường"), and tools/restore/genre.txt,
#            the wording of plans across their sectors ("phấn đấu", "đội ngũ",
#            "hộ tịch", "đấu thầu"), which the Debian text (software help) lacks
#
#   tools/restore/build-model.sh [--out MODEL] [--exclude NAME]... [--build DIR]
#
# --exclude NAME leaves out every corpus file whose name holds NAME (the
# evaluation trains without the document it tests). The Debian text is cached
# in BUILD/restore-text/ (BUILD defaults to build/, or $VNPLAN_BUILD).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${VNPLAN_BUILD:-$root/build}
out=$root/grammars/restore/syllables.lm
excludes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --exclude) excludes+=(--exclude "$2"); shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "build-model: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
for tool in vnplan vnplan-train; do
  [ -x "$build/$tool" ] || { echo "build-model: $build/$tool not built (cmake --build $build)" >&2; exit 1; }
done
lexicon=/usr/share/hunspell/vi_VN.dic
[ -f "$lexicon" ] || { echo "build-model: $lexicon missing: apt-get install hunspell-vi" >&2; exit 1; }
text=$build/restore-text
mkdir -p "$text"
export LC_ALL=C.UTF-8

help_dir=/usr/share/libreoffice/help/vi
if [ ! -s "$text/libreoffice-help-vi.txt" ]; then
  [ -d "$help_dir" ] || { echo "build-model: $help_dir missing: apt-get install libreoffice-help-vi" >&2; exit 1; }
  find "$help_dir" -name '*.html' | sort | while read -r page; do
    "$build/vnplan" render "$page" 2>/dev/null || true
    printf '\n\n'
  done > "$text/libreoffice-help-vi.txt.part"
  mv "$text/libreoffice-help-vi.txt.part" "$text/libreoffice-help-vi.txt"
fi
man_dir=/usr/share/man/vi
if [ ! -s "$text/manpages-vi.txt" ]; then
  [ -d "$man_dir" ] || { echo "build-model: $man_dir missing: apt-get install manpages-vi" >&2; exit 1; }
  # Macro lines give way to a blank line (a paragraph break); font and
  # character escapes are dropped.
  find "$man_dir" -name '*.gz' | sort | while read -r page; do
    zcat "$page" | sed -e 's/^[.'"'"'].*$//' -e 's/\\f[BIRP]//g' -e 's/\\f(..//g' \
      -e 's/\\[(][a-z][a-z]//g' -e 's/\\-/-/g' -e 's/\\&//g' -e 's/\\e/\\/g'
    printf '\n\n'
  done > "$text/manpages-vi.txt.part"
  mv "$text/manpages-vi.txt.part" "$text/manpages-vi.txt"
fi

# The registry's canonical names: third field of its definition lines.
awk -F'\t' '!/^#/ && NF > 1 && $2 !~ /^alias/ { split($2, f, / [|] /); printf "%s. ", f[3] }
  END { print "" }' "$root/grammars/agencies/registry.tsv" > "$text/agency-names.txt"

# The heads compose.tsv puts before an agency ("Giám đốc", "Chủ tịch"), each
# before one name of every first word it may head ("Giám đốc Sở Tư pháp",
# "Giám đốc Trung tâm …"): enough for the model to know "giám đốc sở" without
# outweighing the documents.
awk -F'\t' 'FNR == NR { if (!/^#/ && NF > 1 && $2 !~ /^alias/) { split($2, f, / [|] /)
    kind[++n] = f[1]; name[n] = f[3] } next }
  !/^#/ && NF > 1 { split($2, f, / [|] /); k = split(f[4], kinds, / /)
    for (i = 1; i <= n; i++) for (j = 1; j <= k; j++)
      if (kinds[j] == "*" || kinds[j] == kind[i]) {
        split(name[i], w, / /)
        if (!((f[3], w[1]) in seen)) { seen[f[3], w[1]] = 1; printf "%s %s. ", f[3], name[i] }
        break } }
  END { print "" }' "$root/grammars/agencies/registry.tsv" "$root/grammars/agencies/compose.tsv" \
  > "$text/agency-heads.txt"

# Province names (Debian's iso-codes: ISO 3166-2 in the country's own
# language): "tỉnh Long An", "thành phố Cần Thơ".
places=/usr/share/iso-codes/json/iso_3166-2.json
[ -f "$places" ] || { echo "build-model: $places missing: apt-get install iso-codes" >&2; exit 1; }
awk '/"code": "VN-/ { vn = 1; next } vn && /"name":/ { sub(/.*"name": "/, ""); sub(/",?$/, ""); place = $0; next }
  vn && /"type":/ { printf "%s %s. ", /Municipality/ ? "thành phố" : "tỉnh", place; vn = 0 }
  END { print "" }' "$places" > "$text/place-names.txt"

# Set phrases, titles and administrative units, and the wording of plans
# across their sectors (both written for vnplan).
grep -v '^#' "$root/tools/restore/formulas.txt" > "$text/formulas.txt"
grep -v '^#' "$root/tools/restore/genre.txt" > "$text/genre.txt"

corpora=()
for file in "$root"/corpora/*.md "$root"/corpora/*.txt; do
  case "$file" in *.ocr.*|*/README.md) continue ;; esac
  corpora+=("$file")
done
"$build/vnplan-train" --grammars "$root/grammars" --lexicon "$lexicon" --out "$out" \
  "${excludes[@]}" "${corpora[@]}" "$text/libreoffice-help-vi.txt" "$text/manpages-vi.txt" \
  "$text/agency-names.txt" "$text/agency-heads.txt" "$text/place-names.txt" "$text/formulas.txt" \
  "$text/genre.txt"
