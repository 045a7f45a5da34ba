#!/usr/bin/env bash
# Side-by-side benchmark of the headline rule: kqlkit against the anchors in
# ../shared/bench (DuckDB with 1 and 2 threads, the hand-written Go "dict"
# variant with 1 worker), on the same generated data, in one run.
#
#   bench/anchor.sh                 # N=1000000 RUNS=9
#   N=100000 RUNS=15 bench/anchor.sh
#
# Needs ../shared/bench (the anchors are built from it into $WORK) and GNU
# time for peak memory. Prints one line per tool and a result cross-check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$root/../shared}
N=${N:-1000000}
RUNS=${RUNS:-9}
NOW=${NOW:-2025-06-01T12:00:00Z}
WORK=${WORK:-${TMPDIR:-/tmp}/kqlkit-bench}
mkdir -p "$WORK"
if [ ! -d "$WORK/anchor" ]; then
  cp -r "$SHARED/bench" "$WORK/anchor"
  chmod -R u+w "$WORK/anchor"
fi
(cd "$WORK/anchor" && go build -o bin/ ./cmd/...)
(cd "$root" && go build -o "$WORK/kql" ./cmd/kql)
data="$WORK/anchor/data/aad_$N"
mkdir -p "$WORK/anchor/data"
[ -f "$data.jsonl" ] || "$WORK/anchor/bin/gen" -n "$N" -seed 42 -now "$NOW" -out "$data" -formats csv,jsonl >/dev/null

query="$WORK/headline.kql"
sed -n '/^query: |/,/^entityMappings:/p' "$root/examples/aad-provisioning-failure-burst/rule.yaml" \
  | sed '1d;$d' | sed 's/^  //' > "$query"

peak() { grep 'Maximum resident' "$1" | awk '{printf "%.0f", $6/1024}'; }
median() { python3 -c 'import sys,statistics; v=[float(x) for x in sys.argv[1:]]; print("%.1f" % statistics.median(v))' "$@"; }

echo "N=$N runs=$RUNS now=$NOW ($(nproc) cores)"
printf '%-34s %10s %10s %10s\n' tool "query ms" "load s" "peak MiB"

/usr/bin/time -v "$WORK/anchor/bin/duckdb" -in "$data.jsonl" -now "$NOW" -threads 1,2 -runs "$RUNS" \
  -out "$WORK/duckdb.json" >"$WORK/duckdb.log" 2>"$WORK/duckdb.time"
grep '^RESULT' "$WORK/duckdb.log" | grep -- '-exact' | while IFS=$'\t' read -r _ tool variant n load q _ _ _ _; do
  printf '%-34s %10s %10.2f %10s\n' "duckdb $variant (jsonl load)" "$q" "$(echo "$load/1000" | bc -l)" "$(peak "$WORK/duckdb.time")"
done

/usr/bin/time -v "$WORK/anchor/bin/handgo" -in "$data.csv" -now "$NOW" -workers 1,2 -variants dict -runs "$RUNS" \
  -out "$WORK/handgo.json" >"$WORK/handgo.log" 2>"$WORK/handgo.time"
grep '^RESULT' "$WORK/handgo.log" | while IFS=$'\t' read -r _ tool variant n load q _ _ _ _; do
  printf '%-34s %10s %10.2f %10s\n' "handgo $variant (csv load)" "$q" "$(echo "$load/1000" | bc -l)" "$(peak "$WORK/handgo.time")"
done

for w in 1 2; do
  GOMAXPROCS=$w /usr/bin/time -v "$WORK/kql" query -f "$query" --table "AADProvisioningLogs=$data.jsonl" \
    --now "$NOW" --repeat "$((RUNS + 1))" --stats --format json >"$WORK/kql.json" 2>"$WORK/kql.err"
  stats=$(grep '^{"parse_ms"' "$WORK/kql.err")
  runs=$(echo "$stats" | python3 -c 'import sys,json; s=json.load(sys.stdin); print(" ".join(str(x) for x in s["run_ms"][1:]))')
  load=$(echo "$stats" | python3 -c 'import sys,json; print("%.2f" % (json.load(sys.stdin)["load_ms"]/1000))')
  printf '%-34s %10s %10s %10s\n' "kqlkit GOMAXPROCS=$w (jsonl load)" "$(median $runs)" "$load" "$(peak "$WORK/kql.err")"
done

python3 - "$WORK/kql.json" "$WORK/duckdb.json" <<'PY'
import json, sys
kql = json.load(open(sys.argv[1]))["tables"][0]
cols = [c["name"] for c in kql["columns"]]
got = {}
for r in kql["rows"]:
    d = dict(zip(cols, r))
    got[(d["JobId"], d["SPName"], d["Source"], d["Target"])] = d
want = json.load(open(sys.argv[2]))
want = want if isinstance(want, list) else want.get("rows", want)
ok = len(got) == len(want)
for w in want:
    g = got.get((w["JobId"], w["SPName"], w["Source"], w["Target"]))
    if g is None:
        ok = False; print("missing group", w["JobId"]); continue
    for k in ("Failures", "AffectedTargets", "FirstSeen", "LastSeen"):
        gv, wv = g[k], w[k]
        if k in ("FirstSeen", "LastSeen"):
            gv, wv = gv.rstrip("Z").rstrip("0").rstrip("."), wv.rstrip("Z").rstrip("0").rstrip(".")
        if gv != wv:
            ok = False; print("differs", w["JobId"], k, gv, wv)
    for k in ("ErrorCodes", "ErrorMessages", "Operations"):
        if sorted(g[k]) != sorted(w[k]):
            ok = False; print("differs", w["JobId"], k)
print("cross-check with DuckDB:", "same %d groups" % len(got) if ok else "DIFFERENT")
PY
