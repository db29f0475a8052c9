#!/usr/bin/env bash
# How long a scheduled pass takes while clients query the server, by the
# server's --max-concurrent (queries evaluated at once).
#
#   benches/serve-pass-under-load.sh [PAGES] [CONCURRENCY…]
#
# A local site (Python, on 127.0.0.1) serves an RSS feed of PAGES (default
# 500) made-up articles. For each CONCURRENCY (default: 2 4 8 64), a fresh
# data directory gets the ontology and sources/, `claimgraph serve
# --schedule` starts its job on the site, and 32 client threads send the
# query mix of the load test (named queries, SPARQL, search) one after
# another until the pass is over. Printed: the pass's own duration from
# /jobs, and the queries answered meanwhile. A baseline pass without
# clients (`ingest --job`, same pages) runs first, in the same run.
# The binary is $CLAIMGRAPH if set (nothing is built), else the debug build
# under $CARGO_TARGET_DIR, built first with `cargo build -q`.
set -euo pipefail
cd "$(dirname "$0")/.."

pages=${1:-500}
shift || true
levels=("$@")
[[ ${#levels[@]} -gt 0 ]] || levels=(2 4 8 64)

source benches/binary.sh
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

site_port=$(free_port)
python3 - "$site_port" "$pages" > /dev/null 2>&1 <<'PY' &
import http.server, sys
port, n = int(sys.argv[1]), int(sys.argv[2])
base = f"http://127.0.0.1:{port}"
cities = ["Hengdian", "Qingdao", "Xiamen", "Chengdu", "Wuhan", "Hangzhou", "Kunming", "Nanning", "Harbin", "Lanzhou", "Suzhou"]
who = ["Producers", "Platform executives", "Local officials", "Screenwriters", "Investors", "Union leaders", "Film critics", "Distributors", "Academics"]
verbs = ["said", "argued", "warned", "predicted", "claimed", "insisted", "told reporters", "wrote"]
what = ["the provincial fund would double its support", "export subsidies would shrink",
        "AI scripting tools would cut costs by half", "Southeast Asian viewers preferred shorter episodes",
        "Latin American platforms were buying more titles", "censors were reviewing vertical dramas more strictly",
        "advertisers were leaving long-form television", "cloud rendering prices had fallen sharply"]
def page(i):
    p = lambda l, k: l[(i * k + i // len(l)) % len(l)]
    return (f'<!doctype html><html lang="en"><head><title>Story {i} | Example Wire</title>'
            f'<link rel="canonical" href="{base}/story/{i}"></head><body><article><h1>Story {i} from {p(cities, 1)}</h1>'
            f'<p>{p(who, 7)} in {p(cities, 1)} {p(verbs, 3)} that {p(what, 5)}, according to a briefing held on day {i}.</p>'
            f'<p>{p(who, 17)} from {p(cities, 13)} {p(verbs, 19)} that {p(what, 23)}; {i * 3 + 7} studios had applied for support.</p>'
            f'</article></body></html>')
class Site(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        if self.path == "/rss.xml":
            items = "".join(f"<item><title>{i}</title><link>{base}/story/{i}</link></item>" for i in range(n))
            body, kind = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>', "application/rss+xml"
        elif self.path.startswith("/story/"):
            body, kind = page(int(self.path[7:])), "text/html"
        else:
            self.send_response(404); self.end_headers(); return
        b = body.encode()
        self.send_response(200); self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(b))); self.end_headers(); self.wfile.write(b)
http.server.ThreadingHTTPServer(("127.0.0.1", port), Site).serve_forever()
PY
pids+=($!)
sleep 1

job() {
    mkdir -p "$1/jobs"
    printf 'feeds = ["http://127.0.0.1:%s/rss.xml"]\n[fetch]\ndelay = 0\nallow_private = true\nconcurrency = 8\nhost_concurrency = 8\n' \
        "$site_port" > "$1/jobs/site.toml"
    "$claimgraph" --data-dir "$1/data" load ontology sources > /dev/null 2>&1
}

# The baseline: the same pass with no clients.
job "$work/alone"
TIMEFORMAT='%R'
alone=$( { time "$claimgraph" --data-dir "$work/alone/data" ingest --quiet --job "$work/alone/jobs/site.toml" > /dev/null 2>&1; } 2>&1 )
echo "pass of $pages pages, no clients (ingest --job): ${alone} s"

for level in "${levels[@]}"; do
    dir="$work/c$level"
    job "$dir"
    port=$(free_port)
    "$claimgraph" --data-dir "$dir/data" serve --bind "127.0.0.1:$port" --schedule "$dir/jobs" --every 1d \
        --max-concurrent "$level" > "$dir/serve.log" 2>&1 &
    server=$!
    pids+=("$server")
    until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do sleep 0.2; done
    python3 - "http://127.0.0.1:$port" > "$dir/load.log" 2>&1 <<'PY' &
import sys, threading, urllib.parse, urllib.request, json, time
base = sys.argv[1]
form = lambda k, v: urllib.parse.urlencode({k: v})
P = "PREFIX cg: <https://w3id.org/claimgraph/ns#> PREFIX schema: <http://schema.org/> "
mix = ["/named/who-claimed?" + form("claimant", "SCMP"), "/named/claims-about?" + form("entity", "北京"),
       "/sparql?" + form("query", P + "SELECT (COUNT(*) AS ?n) WHERE { ?a a cg:Attribution }"),
       "/sparql?" + form("query", P + "SELECT ?c ?t WHERE { ?c a schema:Claim ; schema:text ?t } ORDER BY ?t LIMIT 3"),
       "/sparql?" + form("query", P + "ASK { ?c a schema:Claim }"), "/search?q=micro-drama&limit=10",
       "/sparql?" + form("query", P + 'SELECT ?claim ?s WHERE { SERVICE cg:search { ?claim cg:matches "fund" ; cg:score ?s } } LIMIT 20')]
done, answered, errors = threading.Event(), [0], [0]
def client(c):
    i = c
    while not done.is_set():
        try:
            urllib.request.urlopen(urllib.request.Request(base + mix[i % len(mix)], headers={"Accept": "application/sparql-results+json"}), timeout=300).read()
            answered[0] += 1
        except Exception:
            errors[0] += 1
        i += 1
threads = [threading.Thread(target=client, args=(c,)) for c in range(32)]
[t.start() for t in threads]
while True:
    status = json.load(urllib.request.urlopen(base + "/jobs"))
    text = json.dumps(status)
    if '"passes": 1' in text:
        break
    time.sleep(0.5)
done.set()
[t.join() for t in threads]
print(text)
print(f"answered {answered[0]} errors {errors[0]}")
PY
    loader=$!
    wait "$loader"
    pass=$(grep -o '"seconds": [0-9.]*' "$dir/load.log" | head -1 | grep -o '[0-9.]*$')
    echo "pass of $pages pages with 32 clients querying, --max-concurrent $level: ${pass} s ($(tail -1 "$dir/load.log"))"
    kill "$server"; wait "$server" 2>/dev/null || true
done
