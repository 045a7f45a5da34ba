#!/usr/bin/env bash
# Side-by-side parse speed over the shared corpus: kqlkit's `kql parse`
# against Microsoft's parser (Kusto.Language under node, via
# ../shared/tools/kqlparse), both reading the same files from disk, in one
# run. Needs ../shared, node and npm (kqlparse's packages are installed into
# $WORK on first use).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$root/../shared}
WORK=${WORK:-${TMPDIR:-/tmp}/kqlkit-parse-bench}
mkdir -p "$WORK"
if [ ! -d "$WORK/kqlparse/node_modules" ]; then
  cp -r "$SHARED/tools/kqlparse" "$WORK/" && chmod -R u+w "$WORK/kqlparse"
  (cd "$WORK/kqlparse" && npm install --no-audit --no-fund >/dev/null)
fi
(cd "$root" && go build -o "$WORK/kql" ./cmd/kql)
find "$SHARED/corpus/kql-queries" "$SHARED/corpus/sentinel-rules" -type f \
  \( -name '*.kql' -o -name '*.txt' -o -name '*.yaml' -o -name '*.yml' \) | sort > "$WORK/files"
n=$(wc -l < "$WORK/files")
echo "corpus files: $n"
secs() { grep -E "$1" "$2" | awk '{print $NF}'; }
/usr/bin/time -v node "$WORK/kqlparse/kqlparse.js" --stdin < "$WORK/files" > "$WORK/node.out" 2> "$WORK/node.time"
tr '\n' '\0' < "$WORK/files" | /usr/bin/time -v xargs -0 "$WORK/kql" parse --format json > "$WORK/kql.out" 2> "$WORK/kql.time" || true
printf '%-28s %10s %10s %10s\n' parser wall "user s" "ok files"
printf '%-28s %10s %10s %10s\n' "Kusto.Language (node)" "$(secs 'Elapsed' "$WORK/node.time")" \
  "$(secs 'User time' "$WORK/node.time")" "$(grep -c '"ok":true' "$WORK/node.out")"
printf '%-28s %10s %10s %10s\n' "kqlkit kql parse" "$(secs 'Elapsed' "$WORK/kql.time")" \
  "$(secs 'User time' "$WORK/kql.time")" "$(grep -c '"ok":true' "$WORK/kql.out")"
(cd "$root" && go test ./internal/parser -run XXX -bench ParseCorpus -benchtime 3x | grep Benchmark)
