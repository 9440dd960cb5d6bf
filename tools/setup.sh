#!/usr/bin/env bash
# Installs the Debian 12 packages vnplan needs to build and test, skipping the
# ones already installed. Safe to run any number of times.
#
#   tools/setup.sh            install what is missing (as root, or through sudo)
#   tools/setup.sh --check    only report what is missing (exit 1 if anything is)
set -euo pipefail

PACKAGES=(
  g++               # C++20 compiler (GCC 12); brings the ASan/UBSan runtimes
  make
  cmake             # >= 3.20
  pkg-config        # finds ICU and PCRE2
  libicu-dev        # normalisation, folding (ICU transforms)
  libpcre2-dev      # grammar patterns (PCRE2 with JIT)
  nlohmann-json3-dev
  libpugixml-dev    # DOCX XML parts
  libxml2-dev       # HTML reader, HTML tables inside markdown
  libzip-dev        # DOCX archives
  libpoppler-cpp-dev  # PDF text layer
  libtesseract-dev  # OCR of scans (images, PDFs without a text layer); optional: cmake -DVNPLAN_OCR=OFF builds without
  libleptonica-dev  # images for tesseract (PNG, TIFF, JPEG)
  tesseract-ocr-vie # tesseract's Vietnamese model, used at run time and by the OCR tests
  catch2            # 2.13, unit and corpus tests
)

check_only=0
case "${1:-}" in
  "") ;;
  --check) check_only=1 ;;
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  *) echo "setup: unknown argument '$1' (try --help)" >&2; exit 2 ;;
esac

say() { echo "setup: $*"; }

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  say "dpkg/apt-get not found: this script is for Debian 12 (bookworm)." >&2
  say "install these (or your system's equivalents) by hand: ${PACKAGES[*]}" >&2
  exit 1
fi

installed() {
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

missing=()
for package in "${PACKAGES[@]}"; do
  installed "$package" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  say "all ${#PACKAGES[@]} packages are installed (${PACKAGES[*]})"
  exit 0
fi

say "missing: ${missing[*]}"
if [ $check_only -eq 1 ]; then
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
  say "not root: using sudo"
else
  say "not root and sudo is not installed; run as root: apt-get install ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)

say "apt-get update"
"${apt[@]}" update -q

say "apt-get install ${missing[*]}"
"${apt[@]}" install -y -q --no-install-recommends "${missing[@]}"

still=()
for package in "${missing[@]}"; do
  installed "$package" || still+=("$package")
done
if [ ${#still[@]} -ne 0 ]; then
  say "still missing after install: ${still[*]}" >&2
  exit 1
fi
say "installed: ${missing[*]}"
