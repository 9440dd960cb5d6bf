#!/usr/bin/env bash
# bench-formats.sh: how fast vnplan reads HTML, DOCX and PDF, side by side with
# the usual converters, on the fixtures in tests/fixtures/formats/.
#
#   tools/bench-formats.sh [--build DIR] [--repeat N] [--check]
#     --build DIR   where the vnplan binary was built (default: build)
#     --repeat N    runs of each command; the median is reported (default: 11)
#     --check       exit 1 when reading a DOCX is not faster than `pandoc -t plain`
#                   or reading a PDF takes more than 1.5x `pdftotext`
#
# Each command is one whole process, as a user would run it, output to /dev/null:
#   read  docx   vnplan render x.docx      vs  pandoc -t plain x.docx
#   read  pdf    vnplan render x.pdf       vs  pdftotext x.pdf -  and  pdftotext -layout x.pdf -
#   read  html   vnplan render x.html      vs  pandoc -t plain x.html
#   parse        vnplan parse x.{md|txt,html,docx,pdf}  (read, render and the whole model)
# Times are summed over the fixture files of a format; "ratio" is vnplan's time
# over the other tool's. `vnplan render` of the typed text form is shown too:
# the cost of starting vnplan and reading a file, with nothing to render.
# Needs pandoc and poppler-utils (pdftotext); runs from anywhere.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build"
repeat=11
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --check) check=1; shift ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-formats: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "bench-formats: --repeat needs a positive number" >&2; exit 2; }
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac
vnplan="$build/vnplan"
[ -x "$vnplan" ] || { echo "bench-formats: $vnplan not found (build first, or give --build DIR)" >&2; exit 2; }
for tool in pandoc pdftotext; do
  command -v "$tool" > /dev/null || { echo "bench-formats: $tool is missing" >&2; exit 2; }
done
fixtures="$root/tests/fixtures/formats"
cd "$root"  # vnplan finds grammars/ from here

# The text form of each fixture: its excerpt when it has one, else the corpus file.
text_forms=()
for docx in "$fixtures"/*.docx; do
  name=$(basename "$docx" .docx)
  excerpt=$(ls "$fixtures/$name".excerpt.* 2> /dev/null | head -n 1 || true)
  if [ -n "$excerpt" ]; then text_forms+=("$excerpt"); else text_forms+=("$(ls "$root/corpora/$name".* | head -n 1)"); fi
done

# Median wall time in milliseconds of "$@" run `repeat` times; a failing run stops the bench.
median_ms() {
  local times=() start stop i
  for ((i = 0; i < repeat; i++)); do
    start=$(date +%s%N)
    "$@" > /dev/null 2> "$scratch/stderr" || { echo "bench-formats: failed: $* ($(head -c 300 "$scratch/stderr"))" >&2; return 1; }
    stop=$(date +%s%N)
    times+=($(((stop - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((repeat + 1) / 2))p" | awk '{printf "%.1f", $1 / 1000}'
}

# Sum over files of the median time of the command on each file: the file
# replaces a "{}" word of the command, or comes last when there is none.
total_ms() {  # command words..., then "--", then files
  local command=() total=0 ms word
  while [ "$1" != "--" ]; do command+=("$1"); shift; done
  shift
  for file in "$@"; do
    local run=() placed=0
    for word in "${command[@]}"; do
      if [ "$word" = "{}" ]; then run+=("$file"); placed=1; else run+=("$word"); fi
    done
    [ "$placed" = 1 ] || run+=("$file")
    ms=$(median_ms "${run[@]}") || return 1
    total=$(awk -v a="$total" -v b="$ms" 'BEGIN{printf "%.1f", a + b}')
  done
  echo "$total"
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "inf" }'; }
row() { printf '%-7s %-34s %9s ms %-34s %9s ms  ratio %s\n' "$1" "$2" "$3" "$4" "$5" "$(ratio "$3" "$5")"; }

echo "bench-formats: $(ls "$fixtures"/*.docx | wc -l) documents in tests/fixtures/formats, median of $repeat runs, summed over files"
startup=$(total_ms "$vnplan" render -- "${text_forms[@]}")
printf '%-7s %-34s %9s ms  (start-up and reading, nothing to render)\n' "text" "vnplan render (md/txt)" "$startup"

read_row() {  # format, other tool's label, other tool's command words...
  local format=$1 label=$2
  shift 2
  local ours theirs
  ours=$(total_ms "$vnplan" render -- "$fixtures"/*."$format") || { echo "read    $format: vnplan render fails (reader not available?)"; status=1; return 1; }
  theirs=$(total_ms "$@" -- "$fixtures"/*."$format")
  row "read" "vnplan render *.$format" "$ours" "$label" "$theirs"
  echo "$ours $theirs"> "$scratch/$format.last"
}

if read_row docx "pandoc -t plain" pandoc -t plain; then
  read -r ours theirs < "$scratch/docx.last"
  if [ "$check" = 1 ] && awk -v a="$ours" -v b="$theirs" 'BEGIN{exit !(a >= b)}'; then
    echo "CHECK FAILED: reading DOCX ($ours ms) is not faster than pandoc -t plain ($theirs ms)"; status=1
  fi
fi
if read_row pdf "pdftotext" pdftotext -q -enc UTF-8 {} -; then
  read -r ours theirs < "$scratch/pdf.last"
  if [ "$check" = 1 ] && awk -v a="$ours" -v b="$theirs" 'BEGIN{exit !(a > 1.5 * b)}'; then
    echo "CHECK FAILED: reading PDF ($ours ms) takes more than 1.5x pdftotext ($theirs ms)"; status=1
  fi
  layout=$(total_ms pdftotext -q -layout -enc UTF-8 {} - -- "$fixtures"/*.pdf)
  row "read" "vnplan render *.pdf" "$ours" "pdftotext -layout" "$layout"
fi
read_row html "pandoc -t plain" pandoc -f html -t plain || true

for format in text html docx pdf; do
  if [ "$format" = text ]; then files=("${text_forms[@]}"); else files=("$fixtures"/*."$format"); fi
  if ms=$(total_ms "$vnplan" parse -- "${files[@]}" 2> /dev/null); then
    printf '%-7s %-34s %9s ms\n' "parse" "vnplan parse ($format)" "$ms"
  else
    printf '%-7s %-34s %9s\n' "parse" "vnplan parse ($format)" "fails"
    status=1
  fi
done
[ "$check" = 1 ] || status=0
exit "$status"
