#!/usr/bin/env bash
# From a fresh clone to a parsed plan: installs what is missing, builds, and
# parses one real plan (UBND tỉnh Tiền Giang 69/KH-UBND), showing the start of
# its model. The whole model is left in build/quickstart.json.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash tools/setup.sh
bash tools/build.sh

input=corpora/tien-giang-69-KH-UBND.txt
output=build/quickstart.json
echo
echo "quickstart: build/vnplan parse $input --pretty -o $output"
build/vnplan parse "$input" --pretty -o "$output"
head -n 60 "$output"
echo "  ..."
echo
echo "quickstart: the whole model ($(wc -l <"$output") lines) is in $output"
echo "quickstart: try 'build/vnplan --help', 'build/vnplan normalize $input | head'"
