#!/usr/bin/env bash
# Ingestion speed against trafilatura, in one run on the same pages.
#
#   benches/ingest-vs-trafilatura.sh [PAGES_DIR] [RUNS]
#
# PAGES_DIR defaults to ../shared/corpora/extraction/scrapinghub/html (181
# pages). claimgraph is timed end to end as a user runs it: a whole
# `claimgraph ingest DIR` process into a fresh data directory (start-up,
# reading, decoding, extraction, store and full-text index, commits).
# trafilatura is timed on its extraction loop only (benches/trafilatura_extract.py),
# which favours it. Each is run RUNS times (default 5); the medians are compared.
# Needs a Python with trafilatura: PYTHON=... or a venv made by
#   python3 -m venv ~/.cache/claimgraph-venv
#   ~/.cache/claimgraph-venv/bin/pip install trafilatura lxml_html_clean
set -euo pipefail
cd "$(dirname "$0")/.."

pages=${1:-../shared/corpora/extraction/scrapinghub/html}
runs=${2:-5}
python=${PYTHON:-$HOME/.cache/claimgraph-venv/bin/python}
[[ -x $python ]] || python=python3
if ! "$python" -c 'import trafilatura' 2>/dev/null; then
    echo "error: $python cannot import trafilatura; see the header of $0" >&2
    exit 2
fi
[[ -d $pages ]] || { echo "error: no directory $pages" >&2; exit 2; }

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/claimgraph-target}"
cargo build -q
claimgraph="$CARGO_TARGET_DIR/debug/claimgraph"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count=$(find "$pages" -maxdepth 1 \( -name '*.html' -o -name '*.htm' -o -name '*.html.gz' \) | wc -l)
echo "pages: $count from $pages; runs: $runs"
ours=() theirs=()
for run in $(seq "$runs"); do
    start=$(date +%s%N)
    "$claimgraph" --data-dir "$work/data-$run" ingest "$pages" --quiet --report "$work/report-$run.json" 2>/dev/null || true
    end=$(date +%s%N)
    ours+=("$(( (end - start) / 1000 ))e-6")
    theirs+=("$("$python" benches/trafilatura_extract.py "$pages" | python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')")
done
python3 - "$count" "$work/report-1.json" "${ours[*]}" "${theirs[*]}" <<'PY'
import json, statistics, sys
count = int(sys.argv[1])
report = json.load(open(sys.argv[2]))
ours = [float(x) for x in sys.argv[3].split()]
theirs = [float(x) for x in sys.argv[4].split()]
o, t = statistics.median(ours), statistics.median(theirs)
print(f"claimgraph ingest (store + index): {count / o:8.1f} pages/s  (median {o:.3f} s; runs {', '.join(f'{x:.3f}' for x in ours)})")
print(f"trafilatura bare_extraction:       {count / t:8.1f} pages/s  (median {t:.3f} s; runs {', '.join(f'{x:.3f}' for x in theirs)})")
print(f"ratio: {t / o:.1f}x")
print(f"stored: {report['new_sources']} sources; errors: {report['errors'] or 'none'}")
PY
