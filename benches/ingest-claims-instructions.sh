#!/usr/bin/env bash
# What attribution and entity linking add to ingestion, counted in CPU
# instructions rather than seconds: the counts hardly move with the load of
# a shared machine, so two binaries can be compared run against run.
#
#   benches/ingest-claims-instructions.sh [PAGES_DIR]
#
# The same two ingests as benches/ingest-claims-overhead.sh, each once,
# under valgrind's callgrind (Debian package `valgrind`; about 50 times
# slower than a plain run, so a few minutes): A with --no-claims, B by
# default, each into a fresh data directory. Prints the instructions of
# each (all threads, RocksDB's background compactions included) and B / A.
# callgrind runs the threads one at a time, so these counts say nothing of
# how well the work spreads over cores; the wall-time script does. The
# profiles are kept (their paths are printed) for `callgrind_annotate`.
# The binary is $CLAIMGRAPH if set (nothing is built), else the debug build
# under $CARGO_TARGET_DIR, built first with `cargo build -q`.
set -euo pipefail
cd "$(dirname "$0")/.."

pages=${1:-../shared/corpora/extraction/scrapinghub/html}
[[ -d $pages ]] || { echo "error: no directory $pages" >&2; exit 2; }
command -v valgrind >/dev/null || {
    echo "error: valgrind is not installed (Debian: apt-get install valgrind)" >&2
    exit 2
}

source benches/binary.sh
work=$(mktemp -d)
out=${TMPDIR:-/tmp}/claimgraph-callgrind
mkdir -p "$out"
trap 'rm -rf "$work"' EXIT

# Instructions of one ingest under callgrind; exit status 3 (some pages
# failed) is accepted.
count() {
    local name=$1; shift
    local status=0
    valgrind --tool=callgrind --callgrind-out-file="$out/$name.out" \
        "$claimgraph" --data-dir "$work/data-$name" ingest "$pages" --quiet "$@" \
        >"$work/log-$name" 2>&1 || status=$?
    if (( status != 0 && status != 3 )); then
        echo "error: ingest ($name) exited with $status:" >&2
        tail -n 20 "$work/log-$name" >&2
        exit 1
    fi
    grep -o 'Collected : [0-9]*' "$work/log-$name" | tail -n 1 | awk '{ print $3 }'
}

echo "pages: $pages; binary: $claimgraph"
a=$(count a --no-claims)
b=$(count b)
python3 - "$a" "$b" "$out" <<'PY'
import sys
a, b, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
print(f"A --no-claims (baseline):        {a / 1e9:7.2f} G instructions")
print(f"B default (attribution, links):  {b / 1e9:7.2f} G instructions")
print(f"overhead: {100 * (b / a - 1):+.1f} %  (B/A = {b / a:.2f}x; +{(b - a) / 1e9:.2f} G)")
print(f"profiles: {out}/a.out, {out}/b.out")
PY
