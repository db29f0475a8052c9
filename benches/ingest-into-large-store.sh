#!/usr/bin/env bash
# What a claim-rich store costs an ingest that adds one page: the steady
# state of a scheduled job, which adds a few pages to an ever larger store.
#
#   benches/ingest-into-large-store.sh [CLAIMS] [RUNS]
#
# Builds a synthetic store of CLAIMS claims (default 100000) with
# `claimgraph bench`, loads the ontology into it once, then times one
# `ingest PAGE --quiet` into a fresh copy of that store, RUNS times (default
# 3) in three variants, interleaved: A `--no-claims` (the baseline), B the
# default (attribution, and near-duplicate linking, which looks the new
# claims' band keys up in the full-text index), and C the default into a
# store holding the ontology only (what the page costs whatever the store's
# size: B − C is what the size adds). PAGE is a short news article written
# here, with a dozen attributed claims. Medians and ratios are printed. The
# binary is $CLAIMGRAPH if set, else the debug build under
# $CARGO_TARGET_DIR, built first.
set -euo pipefail
cd "$(dirname "$0")/.."

claims=${1:-100000}
runs=${2:-3}

source benches/binary.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/page" "$work/vocabulary"
{
    echo '<html lang="en"><head><title>Micro-drama exports grow</title></head><body><article>'
    echo '<h1>Micro-drama exports grow</h1>'
    for n in $(seq 12); do
        echo "<p>The ministry said on Tuesday that exports of short dramas rose by $n per cent in the quarter, and officials added that platforms in Southeast Asia had signed $((n * 3)) new licensing deals. \"We expect the market to keep growing,\" said Li Wei, an analyst at a Shanghai research firm, who warned that quotas could change.</p>"
    done
    echo '</article></body></html>'
} > "$work/page/article-$claims.html"
echo "building a synthetic store of $claims claims…"
"$claimgraph" bench --dir "$work/store" --claims "$claims" --runs 1 --filter-runs 0 >/dev/null
# The synthetic store has no ontology: the first ingest loads it (and
# rebuilds the index), which is not what is measured.
"$claimgraph" --data-dir "$work/store" ingest "$work/vocabulary" --quiet >/dev/null 2>&1 || true
"$claimgraph" --data-dir "$work/empty" ingest "$work/vocabulary" --quiet >/dev/null 2>&1 || true

# one STORE [ARGS…]: one timed ingest of the page into a copy of STORE.
one() {
    local store=$1; shift
    rm -rf "$work/copy"
    cp -r "$work/$store" "$work/copy"
    local status=0 TIMEFORMAT='%R %U %S'
    { time "$claimgraph" --data-dir "$work/copy" ingest "$work/page" --quiet "$@" \
        >/dev/null 2>"$work/stderr" || status=$?; } 2>"$work/time"
    if (( status != 0 && status != 3 )); then
        echo "error: ingest exited with $status:" >&2
        tail -n 20 "$work/stderr" >&2
        exit 1
    fi
    awk '{ print $1, $2 + $3 }' "$work/time"
}
base=() full=() small=()
for run in $(seq "$runs"); do
    base+=("$(one store --no-claims)")
    full+=("$(one store)")
    small+=("$(one empty)")
done
python3 - "$claims" "${base[*]}" "${full[*]}" "${small[*]}" <<'PY'
import statistics, sys
claims = int(sys.argv[1])
def times(arg):
    xs = [float(x) for x in arg.split()]
    return xs[0::2], xs[1::2]
base, base_cpu = times(sys.argv[2])
full, full_cpu = times(sys.argv[3])
small, small_cpu = times(sys.argv[4])
a, b, c = statistics.median(base), statistics.median(full), statistics.median(small)
print(f"one page into a store of {claims} claims, {len(base)} runs each")
print(f"A --no-claims: {a:.3f} s (cpu {statistics.median(base_cpu):.3f} s; runs {', '.join(f'{x:.3f}' for x in base)})")
print(f"B default:     {b:.3f} s (cpu {statistics.median(full_cpu):.3f} s; runs {', '.join(f'{x:.3f}' for x in full)})")
print(f"C default, store with the ontology only: {c:.3f} s (cpu {statistics.median(small_cpu):.3f} s; runs {', '.join(f'{x:.3f}' for x in small)})")
print(f"B/A = {b / a:.1f}x; B/C = {b / c:.2f}x (what {claims} stored claims add to an ingest with claims)")
PY
