//! `claimgraph serve`: SPARQL 1.1 Protocol, search, health and jobs over
//! HTTP on 127.0.0.1, updates only with the token, timeouts and row caps,
//! other commands going through the server, real clients, and load.

use crate::http::{Answer, Reply, Server, form, request};
use crate::util::{TestDir, assert_success};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// A running `claimgraph serve`, stopped (SIGTERM) when dropped.
pub struct Served {
    child: Child,
    pub url: String,
}

impl Served {
    pub fn start(t: &TestDir, extra: &[&str]) -> Served {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("claimgraph"))
            .env_remove("CLAIMGRAPH_DATA")
            .env_remove("CLAIMGRAPH_TOKEN")
            .arg("--data-dir")
            .arg(t.data())
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_owned();
        Served { child, url }
    }

    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        request("GET", &format!("{}{path}", self.url), headers, "")
    }

    pub fn post_form(&self, key: &str, value: &str, headers: &[(&str, &str)]) -> Answer {
        let mut h = vec![("Content-Type", "application/x-www-form-urlencoded")];
        h.extend_from_slice(headers);
        request(
            "POST",
            &format!("{}/sparql", self.url),
            &h,
            &form(key, value),
        )
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        // SAFETY: kill(2) on the child's pid.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGTERM);
        }
        let _ = self.child.wait();
    }
}

const CLAIMS: &str =
    "SELECT ?c ?t WHERE { ?c a schema:Claim ; schema:text ?t } ORDER BY ?t LIMIT 3";

fn with_op_ed() -> TestDir {
    let t = TestDir::new();
    t.load(&["ontology", "sources"]);
    t
}

/// A server over `t` whose schedule is one job file of `job` (run at start,
/// then hourly).
fn serve_scheduled(t: &TestDir, job: &str) -> Served {
    let jobs = t.path("jobs");
    std::fs::create_dir_all(&jobs).unwrap();
    std::fs::write(jobs.join("job.toml"), job).unwrap();
    Served::start(t, &["--schedule", jobs.to_str().unwrap(), "--every", "1h"])
}

#[test]
fn sparql_protocol_answers_in_every_format_by_accept() {
    let t = with_op_ed();
    let s = Served::start(&t, &[]);
    let health = s.get("/health", &[]);
    assert_eq!(health.status, 200);
    assert!(health.body.contains("\"status\":\"ok\""), "{}", health.body);
    // Nothing writes now.
    assert!(health.body.contains("\"writing\":false"), "{}", health.body);

    let q = &form("query", CLAIMS);
    for (accept, media, marker) in [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            "\"bindings\"",
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<sparql",
        ),
        ("text/csv", "text/csv", "c,t\r\n"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values",
            "?c\t?t",
        ),
    ] {
        let a = s.get(&format!("/sparql?{q}"), &[("Accept", accept)]);
        assert_eq!(a.status, 200, "{accept}: {}", a.body);
        assert!(
            a.headers["content-type"].starts_with(media),
            "{accept}: {:?}",
            a.headers
        );
        assert!(a.body.contains(marker), "{accept}: {}", a.body);
        assert!(
            a.body.contains("A micro-drama is a vertical-format"),
            "{accept}: {}",
            a.body
        );
    }
    // POST, as a form and as a query body; ASK; CONSTRUCT in three syntaxes.
    let a = s.post_form("query", "ASK { ?c a schema:Claim }", &[]);
    assert_eq!(a.status, 200);
    assert!(a.body.contains("\"boolean\":true"), "{}", a.body);
    let a = request(
        "POST",
        &format!("{}/sparql", s.url),
        &[
            ("Content-Type", "application/sparql-query"),
            ("Accept", "text/csv"),
        ],
        CLAIMS,
    );
    assert!(a.body.starts_with("c,t"), "{}", a.body);
    let construct = "CONSTRUCT { ?c schema:text ?t } WHERE { ?c a schema:Claim ; schema:text ?t }";
    for (accept, marker) in [
        ("text/turtle", "schema:text"),
        ("application/n-triples", "<http://schema.org/text>"),
        ("application/ld+json", "\"@id\""),
    ] {
        let a = s.post_form("query", construct, &[("Accept", accept)]);
        assert_eq!(a.status, 200, "{accept}");
        assert!(
            a.headers["content-type"].starts_with(accept),
            "{accept}: {:?}",
            a.headers
        );
        assert!(a.body.contains(marker), "{accept}: {}", a.body);
    }
    // Full text inside SPARQL, and /search.
    let a = s.post_form(
        "query",
        r#"SELECT ?claim WHERE { SERVICE cg:search { ?claim cg:matches "exporter" } }"#,
        &[("Accept", "text/csv")],
    );
    assert!(
        a.body.contains("claim/9d581946941aab71"),
        "the 2035 claim: {}",
        a.body
    );
    let a = s.get("/search?q=exporter&limit=5", &[]);
    assert!(a.body.contains("major cultural exporter"), "{}", a.body);
    // Health counts searches as well as queries.
    let health = s.get("/health", &[]);
    assert!(health.body.contains("\"searches\":1"), "{}", health.body);
    for bad in ["-3", "0", "many"] {
        let a = s.get(&format!("/search?q=exporter&limit={bad}"), &[]);
        assert_eq!(a.status, 400, "limit={bad}: {}", a.body);
    }
    // Bad requests are told why.
    let a = s.post_form("query", "SELECT nonsense", &[]);
    assert_eq!(a.status, 400);
    assert!(a.body.contains("SPARQL syntax error"), "{}", a.body);
    assert_eq!(s.get("/sparql", &[]).status, 400);
    // One query per request: two are refused, not one of them run.
    let a = s.get(
        "/sparql?query=ASK%7B%7D&query=SELECT%20*%20WHERE%7B%3Fs%20%3Fp%20%3Fo%7D",
        &[],
    );
    assert_eq!(a.status, 400, "{}", a.body);
    assert!(a.body.contains("give one query per request"), "{}", a.body);
    let a = request(
        "POST",
        &format!("{}/sparql", s.url),
        &[("Content-Type", "application/x-www-form-urlencoded")],
        "query=ASK%7B%7D&query=ASK%7B%7D",
    );
    assert_eq!(a.status, 400, "{}", a.body);
    let a = request(
        "POST",
        &format!("{}/sparql", s.url),
        &[("Content-Type", "image/png")],
        "x",
    );
    assert_eq!(a.status, 415);
    // Read-only by default.
    let a = s.post_form(
        "update",
        "INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> 1 } }",
        &[],
    );
    assert_eq!(a.status, 403, "{}", a.body);
}

#[test]
fn updates_need_the_token_and_queries_are_capped_and_cancelled() {
    let t = with_op_ed();
    let s = Served::start(
        &t,
        &[
            "--allow-update",
            "--token",
            "s3cret",
            "--max-rows",
            "3",
            "--timeout",
            "0.5",
        ],
    );
    let insert = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <http://schema.org/name> \"added\" } }";
    assert_eq!(s.post_form("update", insert, &[]).status, 401);
    assert_eq!(
        s.post_form("update", insert, &[("Authorization", "Bearer wrong")])
            .status,
        401
    );
    // The scheme's name in any case.
    let a = s.post_form("update", insert, &[("Authorization", "bearer s3cret")]);
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.body.starts_with("updated: the store held "), "{}", a.body);
    // A broken update is told where, without the parser's character ranges.
    let a = s.post_form(
        "update",
        "INSERT DATA { <https://example.org/a> <https://example.org/p> }",
        &[("Authorization", "Bearer s3cret")],
    );
    assert_eq!(a.status, 400, "{}", a.body);
    assert!(
        a.body.contains("SPARQL update does not parse") && !a.body.contains("\\u{"),
        "{}",
        a.body
    );
    // claimgraph's prefixes are declared for updates as for queries.
    let a = s.post_form(
        "update",
        "WITH <https://example.org/g> DELETE { ?s schema:name \"added\" } INSERT { ?s schema:name \"renamed\" } WHERE { ?s schema:name \"added\" }",
        &[("Authorization", "Bearer s3cret")],
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let a = s.post_form(
        "query",
        "SELECT ?n WHERE { <https://example.org/a> schema:name ?n }",
        &[("Accept", "text/csv")],
    );
    assert!(
        a.body.contains("renamed") && !a.body.contains("added"),
        "{}",
        a.body
    );
    // The cap: three rows, and a header saying the rest was cut.
    let a = s.post_form(
        "query",
        "SELECT ?s WHERE { ?s ?p ?o }",
        &[("Accept", "text/csv")],
    );
    assert_eq!(a.status, 200);
    assert_eq!(a.body.lines().count(), 4, "{}", a.body);
    assert!(
        a.headers.contains_key("x-claimgraph-truncated"),
        "{:?}",
        a.headers
    );
    // The timeout: a query that would run for ages is cancelled.
    let started = std::time::Instant::now();
    let a = s.post_form(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        &[],
    );
    assert_eq!(a.status, 503, "{}", a.body);
    assert!(a.body.contains("cancelled after 0.5 s"), "{}", a.body);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    // A sort notices the cancellation only once it has sorted what it
    // collected; the client is answered at the timeout all the same.
    let a = s.post_form(
        "query",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c DESC(?f)",
        &[],
    );
    assert_eq!(a.status, 503, "{}", a.body);
    assert!(a.body.contains("cancelled after 0.5 s"), "{}", a.body);
    // Nesting that would overflow the stack, and with it end the server,
    // is refused before it is parsed: in a query, an update and a search.
    let deep = format!(
        "SELECT * WHERE {} ?s ?p ?o {}",
        "{".repeat(5000),
        "}".repeat(5000)
    );
    let a = s.post_form("query", &deep, &[]);
    assert_eq!(a.status, 400, "{}", a.body);
    assert!(a.body.contains("nested 5000 brackets deep"), "{}", a.body);
    let nots = format!(
        "DELETE WHERE {{ ?s ?p ?o FILTER({}true) }}",
        "!".repeat(50_000)
    );
    let a = s.post_form("update", &nots, &[("Authorization", "Bearer s3cret")]);
    assert_eq!(a.status, 400, "{}", a.body);
    let parens = format!("{}drama{}", "%28".repeat(5000), "%29".repeat(5000));
    let a = s.get(&format!("/search?q={parens}"), &[]);
    assert_eq!(a.status, 400, "{}", a.body);
    assert!(
        a.body.contains("nested 5000 parentheses deep"),
        "{}",
        a.body
    );
    // A date that is none (month 13, 31 April) is refused, not read as
    // some other day.
    for bad in ["2020-13-45", "2021-04-31"] {
        let a = s.get(&format!("/search?q=drama&since={bad}"), &[]);
        assert_eq!(a.status, 400, "{bad}: {}", a.body);
        assert!(a.body.contains("is not a date"), "{}", a.body);
    }
    // The server still answers.
    assert_eq!(s.get("/health", &[]).status, 200);
}

#[test]
fn commands_on_a_served_data_dir_go_through_the_server() {
    let t = with_op_ed();
    // The server's own timeout ends the query a client stops waiting for.
    let s = Served::start(&t, &["--timeout", "2"]);
    let out = t
        .cmd()
        .args([
            "query",
            "--name",
            "who-claimed",
            "--param",
            "claimant=南华早报",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert_success(&out);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(csv.lines().count(), 5, "{csv}");
    assert!(
        !csv.contains("claimant,"),
        "the parameter column is hidden: {csv}"
    );
    let out = t
        .cmd()
        .args(["search", "exporter", "--format", "json"])
        .output()
        .unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("major cultural exporter"));
    // --timeout bounds the wait for the server's answer.
    let out = t
        .cmd()
        .args(["query", "--timeout", "0.5"])
        .arg("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("gave no answer within 0.5 s (--timeout)"),
        "{out:?}"
    );
    // Listing the named queries needs no data.
    let out = t.cmd().args(["query", "--list"]).output().unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("claim-trail — "));
    // --endpoint from anywhere.
    let other = TestDir::new();
    let out = other
        .cmd()
        .args([
            "--endpoint",
            &s.url,
            "query",
            "ASK { ?c a schema:Claim }",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("true"));
    // Errors come back as errors.
    let out = t
        .cmd()
        .args(["search", "exporter", "--claimant", "nobody-at-all"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such entity"));
}

#[test]
fn python_sparqlwrapper_reads_select_and_construct() {
    let python = "/usr/bin/python3";
    let probe = Command::new(python)
        .args(["-c", "import SPARQLWrapper"])
        .output();
    assert!(
        probe.as_ref().is_ok_and(|o| o.status.success()),
        "Debian's python3-sparqlwrapper is needed (scripts/setup.sh installs it): {probe:?}"
    );
    let t = with_op_ed();
    let s = Served::start(&t, &[]);
    let script = r#"
import sys
from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV, TURTLE
endpoint = sys.argv[1]
q = "PREFIX schema: <http://schema.org/> SELECT ?c ?t WHERE { ?c a schema:Claim ; schema:text ?t } ORDER BY ?t LIMIT 3"
w = SPARQLWrapper(endpoint)
w.setQuery(q)
w.setReturnFormat(JSON)
rows = w.query().convert()["results"]["bindings"]
assert len(rows) == 3, rows
print("json", rows[0]["t"]["value"])
w.setReturnFormat(XML)
doc = w.query().convert()
print("xml", len(doc.getElementsByTagName("result")))
w.setReturnFormat(CSV)
print("csv", w.query().convert().decode().splitlines()[0])
w.setQuery("PREFIX schema: <http://schema.org/> CONSTRUCT { ?c schema:text ?t } WHERE { ?c a schema:Claim ; schema:text ?t }")
w.setReturnFormat(TURTLE)
print("construct", len(w.query().convert()))
w.setMethod("POST")
w.setQuery(q)
w.setReturnFormat(JSON)
print("post", len(w.query().convert()["results"]["bindings"]))
"#;
    let out = Command::new(python)
        .args(["-c", script, &format!("{}/sparql", s.url)])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("json A Hollywood feature film"), "{stdout}");
    assert!(stdout.contains("xml 3"), "{stdout}");
    assert!(stdout.contains("csv c,t"), "{stdout}");
    assert!(stdout.contains("post 3"), "{stdout}");
    let construct: usize = stdout
        .lines()
        .find_map(|l| l.strip_prefix("construct "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    assert!(construct > 100, "a Turtle graph of every claim: {stdout}");
}

#[test]
fn scheduled_jobs_run_in_the_server_and_report_on_jobs() {
    let news = Server::start(|path, _, _| match path {
        "/robots.txt" => Reply::new(404, &[], ""),
        "/feed.json" => Reply::new(
            200,
            &[("Content-Type", "application/feed+json")],
            r#"{"version": "https://jsonfeed.org/version/1.1", "title": "W", "items": [{"id": "1", "url": "/story/1"}, {"id": "2", "url": "/story/2"}]}"#,
        ),
        p if p.starts_with("/story/") => Reply::html(&crate::cli_jobs::article(
            &format!("https://news.example.com{p}"),
            p.trim_start_matches("/story/")
                .parse::<usize>()
                .unwrap_or(0)
                + 20,
        )),
        _ => Reply::new(404, &[], ""),
    });
    let t = with_op_ed();
    let s = serve_scheduled(
        &t,
        &format!(
            "feeds = [\"{}\"]\n[fetch]\ndelay = 0\nallow_private = true\n",
            news.url("/feed.json")
        ),
    );
    let mut status = String::new();
    for _ in 0..200 {
        status = s.get("/jobs", &[]).body;
        if status.contains("\"passes\":1") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(status.contains("\"passes\":1"), "{status}");
    assert!(status.contains("\"new_sources\":2"), "{status}");
    let a = s.post_form(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s schema:url <https://news.example.com/story/1> }",
        &[("Accept", "text/csv")],
    );
    assert!(a.body.contains("\r\n1"), "{}", a.body);
}

/// The load test of `docs/scheduling.md` and BENCHMARKS.md: 2,000 queries
/// from 32 concurrent clients while the server's scheduled job ingests 500
/// pages from a local site. It asserts that no query fails; the latencies it
/// prints are figures, not assertions (`-- --nocapture` shows them).
#[test]
fn serve_load_2000_queries_from_32_clients_while_a_job_ingests_500_pages() {
    const PAGES: usize = 500;
    const CLIENTS: usize = 32;
    const QUERIES: usize = 2_000;
    // The baseline: the same mix on the idle server, fewer of them.
    const IDLE_QUERIES: usize = 500;
    let site = crate::cli_jobs::site_of(PAGES);
    let t = with_op_ed();
    let s = serve_scheduled(
        &t,
        &format!(
            "feeds = [\"{}\"]\n[fetch]\ndelay = 0\nallow_private = true\nconcurrency = 8\nhost_concurrency = 8\n",
            site.url("/rss.xml")
        ),
    );
    // Start once the pass is under way.
    for _ in 0..100 {
        if s.get("/jobs", &[]).body.contains("\"running\":true") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let queries: Vec<String> = vec![
        format!("/named/who-claimed?{}", form("claimant", "SCMP")),
        format!("/named/claims-about?{}", form("entity", "北京")),
        format!(
            "/sparql?{}",
            form(
                "query",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a a cg:Attribution }"
            )
        ),
        format!("/sparql?{}", form("query", CLAIMS)),
        format!("/sparql?{}", form("query", "ASK { ?c a schema:Claim }")),
        "/search?q=micro-drama&limit=10".to_owned(),
        format!(
            "/sparql?{}",
            form(
                "query",
                r#"SELECT ?claim ?s WHERE { SERVICE cg:search { ?claim cg:matches "fund" ; cg:score ?s } } LIMIT 20"#
            )
        ),
    ];
    // QUERIES queries while the pass runs (it goes on after them: the
    // figures are of a store growing from the op-ed to a few hundred pages).
    let no_more = std::sync::atomic::AtomicBool::new(true);
    let (during_latencies, during_wall) = load(&s, &queries, CLIENTS, QUERIES, &no_more);
    let still_running = s.get("/jobs", &[]).body.contains("\"running\":true");
    let mut status = String::new();
    for _ in 0..3000 {
        status = s.get("/jobs", &[]).body;
        if status.contains("\"passes\":1") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // The pass finished with every page stored.
    assert!(
        status.contains(&format!("\"new_sources\":{PAGES}")),
        "{status}"
    );
    assert!(status.contains("\"errors\":{}"), "{status}");
    // The same load on the idle server with every page stored, for
    // comparison.
    let (idle_latencies, idle_wall) = load(&s, &queries, CLIENTS, IDLE_QUERIES, &no_more);
    let at = |l: &[f64], q: f64| l[((l.len() as f64 * q) as usize).min(l.len() - 1)];
    for (what, l, wall) in [
        ("while the job ingests", &during_latencies, during_wall),
        ("idle, after the job", &idle_latencies, idle_wall),
    ] {
        eprintln!(
            "serve load {what}: {} queries from {CLIENTS} clients in {wall:.2} s ({:.0} queries/s); latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            l.len(),
            l.len() as f64 / wall,
            at(l, 0.50),
            at(l, 0.99),
            l[l.len() - 1]
        );
    }
    eprintln!(
        "serve load: p50 ratio busy/idle {:.2}, p99 ratio {:.2}; the pass was still running when the busy load ended: {still_running}",
        at(&during_latencies, 0.5) / at(&idle_latencies, 0.5),
        at(&during_latencies, 0.99) / at(&idle_latencies, 0.99)
    );
}

/// At least `total` queries from `clients` concurrent clients (each
/// running one after the other), going on until `enough` is set: sorted
/// latencies in ms and the wall time. Any failed query fails the test.
fn load(
    s: &Served,
    queries: &[String],
    clients: usize,
    total: usize,
    enough: &std::sync::atomic::AtomicBool,
) -> (Vec<f64>, f64) {
    #[allow(non_snake_case)]
    let (CLIENTS, QUERIES) = (clients, total);
    let started = std::time::Instant::now();
    let results: Vec<(Vec<f64>, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let (s, queries) = (&s, &queries);
                scope.spawn(move || {
                    let mut latencies = Vec::new();
                    let mut errors = Vec::new();
                    let mine = QUERIES / CLIENTS + usize::from(c < QUERIES % CLIENTS);
                    let mut i = 0;
                    while i < mine || !enough.load(std::sync::atomic::Ordering::SeqCst) {
                        let path = &queries[(c + i) % queries.len()];
                        let t0 = std::time::Instant::now();
                        let a = s.get(path, &[("Accept", "application/sparql-results+json")]);
                        latencies.push(t0.elapsed().as_secs_f64() * 1000.0);
                        if a.status != 200 {
                            errors.push(format!("{path}: {} {}", a.status, a.body));
                        }
                        i += 1;
                    }
                    (latencies, errors)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let wall = started.elapsed().as_secs_f64();
    let mut latencies: Vec<f64> = results
        .iter()
        .flat_map(|(l, _)| l.iter().copied())
        .collect();
    let errors: Vec<&String> = results.iter().flat_map(|(_, e)| e).collect();
    assert!(latencies.len() >= QUERIES);
    assert!(
        errors.is_empty(),
        "{} errors, first: {:?}",
        errors.len(),
        errors.first()
    );
    latencies.sort_by(f64::total_cmp);
    (latencies, wall)
}
