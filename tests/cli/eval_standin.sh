#!/usr/bin/env bash
# vnplan-eval (tools/eval) end to end, with stand-ins for the restoration
# engine: a `vnplan` whose `restore` copies its input and whose `parse` drops
# --model and runs the real parse, and a model builder that writes its
# arguments as the model. Restoring by copying changes nothing, so every
# "restored" figure must equal the "as is" one; the model must have been built
# without the document under test; a missing model builder or vnplan binary
# must fail with a message naming it.
source "$(dirname "$0")/common.bash"

EVAL="$(dirname "$VNPLAN")/vnplan-eval"
[ -x "$EVAL" ] || fail "vnplan-eval is missing next to $VNPLAN"
DOCUMENT=an-giang-dang-uy-ubnd-ke-hoach-02-CTr-TU  # the first of documents.tsv: --quick runs it

cat > "$TMP/vnplan" <<STANDIN
#!/usr/bin/env bash
command=\$1; shift
args=()
while [ \$# -gt 0 ]; do
  if [ "\$1" = --model ]; then cat "\$2" >> "$TMP/models-used"; shift 2; else args+=("\$1"); shift; fi
done
case \$command in
  restore) cat "\${args[@]}" ;;
  *) exec "$VNPLAN" "\$command" "\${args[@]}" ;;
esac
STANDIN
cat > "$TMP/build-model.sh" <<'STANDIN'
#!/usr/bin/env bash
while [ $# -gt 0 ]; do
  case $1 in --out) out=$2; shift 2 ;; *) echo "built with $1 $2" >> "$out.args"; shift 2 ;; esac
done
mv "$out.args" "$out"
STANDIN
chmod +x "$TMP/vnplan" "$TMP/build-model.sh"

LAST="vnplan-eval --quick (stand-ins)"
timeout "$RUN_TIMEOUT" "$EVAL" --vnplan "$TMP/vnplan" --build-model "$TMP/build-model.sh" --quick \
  --work "$TMP/work" > "$OUT" 2> "$ERR"
RC=$?
check_no_crash
expect_status 0 "vnplan-eval with stand-ins"
grep -q '^## Restoration: syllable accuracy' "$OUT" || fail "the report should have the restoration table"
grep -q '^## Parsing: F1' "$OUT" || fail "the report should have the parsing table"
grep -q "built with --exclude $DOCUMENT" "$TMP/models-used" ||
  fail "restore and parse should use a model built with --exclude $DOCUMENT"

# Restoration rows: | document | damage | syllables | as is | restored | in any order | time |
rows=$(grep -c "^| $DOCUMENT | \(stripped\|ocr-eng\) | [0-9]" "$OUT")
[ "$rows" -eq 4 ] || fail "expected a restoration and a parse row for each damage of $DOCUMENT, got $rows rows"
awk -F' [|] ' -v doc="$DOCUMENT" '$1 == "| " doc && $4 ~ /%/ && $4 != $5 { bad = 1 } END { exit bad }' "$OUT" ||
  fail "copying the damaged text must score as the damaged text as is"
# Parse rows: | document | damage | clean | as-is folded | written | close | restored folded | written | close |
awk -F' [|] ' -v doc="$DOCUMENT" '$1 == "| " doc && $4 !~ /%/ && ($4 != $7 || $5 != $8 || $6 " |" != $9) { bad = 1 } END { exit bad }' "$OUT" ||
  fail "parsing the damaged text with the stand-in must score as parsing it as is"
# The stripped text has the clean text's tokens, some of them right: a share strictly between 0 and 100%.
grep -q "^| $DOCUMENT | stripped | [0-9]* | [1-9][0-9]\?\.[0-9][0-9]% / " "$OUT" ||
  fail "the stripped baseline should be a share between 1% and 99%"

LAST="vnplan-eval --build-model (missing)"
"$EVAL" --vnplan "$TMP/vnplan" --build-model "$TMP/no-such-builder" --quick > "$OUT" 2> "$ERR"
RC=$?
check_no_crash
expect_status 1 "a missing model builder"
expect_stderr_names "$TMP/no-such-builder"

LAST="vnplan-eval --vnplan (missing) --baseline-only"
"$EVAL" --vnplan "$TMP/no-such-vnplan" --baseline-only --quick > "$OUT" 2> "$ERR"
RC=$?
check_no_crash
expect_status 1 "a missing vnplan binary"
expect_stderr_names "$TMP/no-such-vnplan"

LAST="vnplan-eval --only (unknown)"
"$EVAL" --baseline-only --only no-such-document > "$OUT" 2> "$ERR"
RC=$?
expect_status 1 "an unknown document"
expect_stderr_names "no-such-document"

pass
