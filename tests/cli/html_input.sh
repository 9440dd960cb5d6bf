#!/usr/bin/env bash
# HTML input: rendered with typed list numbers and anchored lines; pages with no
# text or nested past libxml2's depth limit are reported clearly, never a crash.
source "$(dirname "$0")/common.bash"

cat >"$TMP/plan.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>KH</title><script>var a = 1;</script></head>
<body>
<p>KẾ HOẠCH thực hiện Nghị quyết</p>
<ol type="I"><li>MỤC TIÊU</li></ol>
<ol type="a" start="2"><li>Phát triển nguồn lực</li></ol>
<ul><li>Có ≥ 60% doanh nghiệp ứng dụng công nghệ số.</li></ul>
</body></html>
HTML
run render "$TMP/plan.html"
expect_status 0 "an HTML page renders"
grep -qx 'I. MỤC TIÊU' "$OUT" || fail "the Roman list number should be typed out"
grep -qx 'b) Phát triển nguồn lực' "$OUT" || fail "a letter list from start=2 should read b)"
grep -q 'var a' "$OUT" && fail "scripts must not be rendered"

run parse "$TMP/plan.html"
expect_status 0 "an HTML page parses"
grep -q '"format":"html"' "$OUT" || fail "the source format should be html"
grep -q '"source_line":7' "$OUT" || fail "spans should carry the line in the HTML file"

printf '<html><body>\n  \n</body></html>\n' >"$TMP/blank.html"
run parse "$TMP/blank.html"
expect_read_error "$TMP/blank.html"
expect_stderr 'holds no text'

{
  printf '<html><body>'
  for _ in $(seq 1 2000); do printf '<div><div><div><div><div><div><div><div><div><div>'; done
  printf 'x'
} >"$TMP/deep.html"
run parse "$TMP/deep.html"
expect_read_error "$TMP/deep.html"
expect_stderr 'nested deeper than'

pass
