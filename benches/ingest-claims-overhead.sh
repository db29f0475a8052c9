#!/usr/bin/env bash
# What attribution and entity linking add to ingestion time.
#
#   benches/ingest-claims-overhead.sh [PAGES_DIR] [RUNS]
#
# PAGES_DIR defaults to ../shared/corpora/extraction/scrapinghub/html (181
# English pages). A whole `claimgraph --data-dir D ingest PAGES_DIR --quiet`
# process is timed, as a user runs it, in two variants:
#   A  --no-claims: the baseline (start-up, reading, decoding, extraction,
#      store and full-text index, commits; no attribution);
#   B  the default: A plus attribution (the English model, or the Chinese
#      rules), claimant linking to the gazetteer, author assertions,
#      near-duplicate linking, and the claims written to the store and index.
# Each run does A then B, each into a fresh data directory, so both share the
# machine's noise; RUNS (default 5) runs, medians compared. The overhead is
# B / A - 1; the number of claims and near-duplicate links stored by B comes
# from `ingest --report`. The medians of CPU time (user + system) are printed
# too: on a shared machine they are less disturbed than wall time.
# The binary is $CLAIMGRAPH if set (nothing is built), else the debug build
# under $CARGO_TARGET_DIR, built first with `cargo build -q`.
set -euo pipefail
cd "$(dirname "$0")/.."

pages=${1:-../shared/corpora/extraction/scrapinghub/html}
runs=${2:-5}
[[ -d $pages ]] || { echo "error: no directory $pages" >&2; exit 2; }

source benches/binary.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One timed ingest into a fresh data dir; prints "wall cpu" in seconds (cpu:
# user + system, which another busy process on the machine disturbs less).
# Exit status 3 (some pages failed) is accepted: the report counts the errors.
ingest() {
    local name=$1; shift
    local status=0 TIMEFORMAT='%R %U %S'
    { time "$claimgraph" --data-dir "$work/data-$name" ingest "$pages" --quiet \
        --report "$work/report-$name.json" "$@" 2>"$work/stderr-$name" || status=$?; } 2>"$work/time-$name"
    if (( status != 0 && status != 3 )); then
        echo "error: ingest ($name) exited with $status:" >&2
        tail -n 20 "$work/stderr-$name" >&2
        exit 1
    fi
    rm -rf "$work/data-$name"
    awk '{ print $1, $2 + $3 }' "$work/time-$name"
}

count=$(find "$pages" -maxdepth 1 \( -name '*.html' -o -name '*.htm' -o -name '*.html.gz' \) | wc -l)
echo "pages: $count from $pages; runs: $runs; binary: $claimgraph"
base=() full=()
for run in $(seq "$runs"); do
    base+=("$(ingest "a-$run" --no-claims)")
    full+=("$(ingest "b-$run")")
done
python3 - "$count" "$work/report-a-1.json" "$work/report-b-1.json" "${base[*]}" "${full[*]}" <<'PY'
import json, statistics, sys
count = int(sys.argv[1])
ra, rb = (json.load(open(p)) for p in sys.argv[2:4])
def times(arg):
    xs = [float(x) for x in arg.split()]
    return xs[0::2], xs[1::2]          # wall, cpu
base, base_cpu = times(sys.argv[4])
full, full_cpu = times(sys.argv[5])
a, b = statistics.median(base), statistics.median(full)
ac, bc = statistics.median(base_cpu), statistics.median(full_cpu)
def line(label, m, xs, c):
    print(f"{label} {m:7.3f} s  {count / m:7.1f} pages/s  cpu {c:7.3f} s  (runs {', '.join(f'{x:.3f}' for x in xs)})")
line("A --no-claims (baseline):       ", a, base, ac)
line("B default (attribution, links): ", b, full, bc)
print(f"overhead: {100 * (b / a - 1):+.1f} %  (B/A = {b / a:.2f}x; +{b - a:.3f} s, {1000 * (b - a) / count:.1f} ms per page)")
print(f"cpu overhead: {100 * (bc / ac - 1):+.1f} %  (user + system, medians)")
print(f"stored by B: {rb['claims']} claims, {rb['near_duplicates']} near-duplicate links, {rb['new_sources']} sources")
for name, r in (("A", ra), ("B", rb)):
    if r["errors"]:
        print(f"errors in {name}: {r['errors']}")
PY
