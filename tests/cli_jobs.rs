//! `claimgraph ingest --job FILE`: feeds, sitemaps and URL lists from a
//! local server (127.0.0.1 only) — incremental, resumable, polite, and
//! every fault named while the rest is stored.

use crate::http::{Reply, Server};
use crate::util::{TestDir, assert_success, content_quads};
use predicates::prelude::*;
use std::collections::HashMap;

/// Words for varied made-up articles (so they are not near-duplicates of
/// each other).
const CITIES: &[&str] = &[
    "Hengdian", "Qingdao", "Xiamen", "Chengdu", "Wuhan", "Xi'an", "Hangzhou", "Kunming", "Nanning",
    "Harbin", "Lanzhou",
];
const WHO: &[&str] = &[
    "Producers",
    "Platform executives",
    "Local officials",
    "Screenwriters",
    "Investors",
    "Union leaders",
    "Film critics",
    "Distributors",
    "Academics",
];
const VERBS: &[&str] = &[
    "said",
    "argued",
    "warned",
    "predicted",
    "claimed",
    "insisted",
    "told reporters",
    "wrote",
];
const WHAT: &[&str] = &[
    "the provincial fund would double its support",
    "export subsidies would shrink",
    "quotas on foreign co-productions would be lifted",
    "AI scripting tools would cut costs by half",
    "Southeast Asian viewers preferred shorter episodes",
    "Latin American platforms were buying more titles",
    "Middle Eastern broadcasters wanted dubbed series",
    "censors were reviewing vertical dramas more strictly",
    "advertisers were leaving long-form television",
    "training schools could not find enough actors",
    "cloud rendering prices had fallen sharply",
];
const WHEN: &[&str] = &[
    "next year",
    "by the end of the decade",
    "within months",
    "this spring",
    "before the holiday season",
    "after the new rules take effect",
    "in the coming quarter",
];

/// An article, its canonical URL `canonical`, different for each `n`.
pub fn article(canonical: &str, n: usize) -> String {
    let pick = |list: &[&'static str], k: usize| list[(n * k + n / list.len()) % list.len()];
    let (city, who, verb, what, when) = (
        pick(CITIES, 1),
        pick(WHO, 7),
        pick(VERBS, 3),
        pick(WHAT, 5),
        pick(WHEN, 11),
    );
    let (city2, who2, verb2, what2, when2) = (
        pick(CITIES, 13),
        pick(WHO, 17),
        pick(VERBS, 19),
        pick(WHAT, 23),
        pick(WHEN, 29),
    );
    format!(
        r#"<!doctype html><html lang="en"><head><title>Story {n} | Example Wire</title>
<link rel="canonical" href="{canonical}">
<meta property="article:published_time" content="2025-06-{day:02}T09:00:00Z">
</head><body><nav><a href="/">Home</a></nav><article><h1>Story number {n} from {city}</h1>
<p>{who} in {city} {verb} that {what} {when}, according to a briefing held on day {n} of the industry fair.</p>
<p>{who2} from {city2} {verb2} that {what2} {when2}; {m} studios had applied for support, against {k} a year earlier.</p>
<p>Report {n}: the desk counted {e} episodes released on one platform in week {w}, filmed in {city} and {city2}.</p>
</article><footer>About us</footer></body></html>"#,
        day = n % 28 + 1,
        m = n * 3 + 7,
        k = n * 2 + 1,
        e = n * 11 + 5,
        w = n % 52 + 1,
    )
}

/// A response with an ETag, answering 304 when the client has it.
fn tagged(headers: &HashMap<String, String>, tag: &str, content_type: &str, body: String) -> Reply {
    let etag = format!("\"{tag}\"");
    if headers.get("if-none-match") == Some(&etag) {
        Reply::new(304, &[("ETag", etag.as_str())], "")
    } else {
        Reply::new(
            200,
            &[("Content-Type", content_type), ("ETag", etag.as_str())],
            body,
        )
    }
}

fn rss(base: &str, paths: &[&str]) -> String {
    let items: String = paths
        .iter()
        .map(|p| format!("<item><title>{p}</title><link>{base}{p}</link></item>"))
        .collect();
    format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>"#
    )
}

/// A site with an RSS feed, an Atom feed, a JSON Feed, a sitemap index,
/// pages, and an article under two URLs.
fn newsroom() -> Server {
    let base = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let b = std::sync::Arc::clone(&base);
    let server = Server::start(move |path, headers, _| {
        let base = b.lock().unwrap().clone();
        let page = |n: usize| {
            tagged(
                headers,
                &format!("{path}-v1"),
                "text/html",
                article(&format!("{base}{path}"), n),
            )
        };
        match path {
            "/robots.txt" => Reply::new(
                200,
                &[("Content-Type", "text/plain")],
                "User-agent: *\nAllow: /\n",
            ),
            "/rss.xml" => tagged(
                headers,
                "rss-v1",
                "application/rss+xml",
                rss(&base, &["/news/1", "/news/2", "/video/3", "/news/1"]),
            ),
            "/atom.xml" => tagged(
                headers,
                "atom-v1",
                "application/atom+xml",
                format!(
                    r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><id>urn:w</id><updated>2025-06-02T09:00:00Z</updated>
                <entry><title>4</title><id>urn:4</id><updated>2025-06-02T09:00:00Z</updated><link href="{base}/news/4"/></entry></feed>"#
                ),
            ),
            "/feed.json" => tagged(
                headers,
                "json-v1",
                "application/feed+json",
                format!(
                    r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "W", "items": [{{"id": "5", "url": "{base}/news/5"}}, {{"id": "6", "url": "{base}/news/copy-of-1"}}]}}"#
                ),
            ),
            "/sitemap-index.xml" => tagged(
                headers,
                "index-v1",
                "application/xml",
                format!(
                    r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}/sitemap-news.xml</loc></sitemap></sitemapindex>"#
                ),
            ),
            "/sitemap-news.xml" => tagged(
                headers,
                "news-v1",
                "application/xml",
                format!(
                    r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>{base}/news/7</loc><news:news><news:publication_date>2025-06-03</news:publication_date></news:news></url>
                <url><loc>{base}/news/8</loc></url></urlset>"#
                ),
            ),
            // The same article as /news/1, under another URL.
            "/news/copy-of-1" => tagged(
                headers,
                "copy-v1",
                "text/html",
                article(&format!("{base}/news/1"), 1),
            ),
            p if p.starts_with("/news/") => {
                page(p.trim_start_matches("/news/").parse().unwrap_or(99))
            }
            p if p.starts_with("/video/") => page(300),
            _ => Reply::new(404, &[], "no"),
        }
    });
    *base.lock().unwrap() = format!("http://127.0.0.1:{}", server.port);
    server
}

fn write_job(t: &TestDir, name: &str, body: &str) -> std::path::PathBuf {
    let path = t.path(&format!("{name}.toml"));
    std::fs::write(
        &path,
        format!("{body}\n[fetch]\ndelay = 0\nallow_private = true\nretries = 1\ntimeout = 3\n"),
    )
    .unwrap();
    path
}

fn pass(t: &TestDir, job: &std::path::Path) -> (std::process::Output, serde_json::Value) {
    let report = t.path("report.json");
    let out = t
        .cmd()
        .args(["ingest", "--quiet", "--job"])
        .arg(job)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    let json = std::fs::read_to_string(&report)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    (out, json)
}

#[test]
fn a_job_ingests_feeds_and_sitemaps_then_a_second_pass_finds_nothing_new() {
    let server = newsroom();
    let t = TestDir::new();
    let job = write_job(
        &t,
        "watch",
        &format!(
            r#"feeds = ["{rss}", "{atom}", "{json}"]
sitemaps = ["{index}"]
urls = ["{extra}"]
exclude = ["/video/"]"#,
            rss = server.url("/rss.xml"),
            atom = server.url("/atom.xml"),
            json = server.url("/feed.json"),
            index = server.url("/sitemap-index.xml"),
            extra = server.url("/news/9"),
        ),
    );
    let (out, report) = pass(&t, &job);
    assert_success(&out);
    // 3 feeds, the index and its child; pages 1, 2, 4, 5, the copy of 1, 7,
    // 8, 9 (the video left out).
    assert_eq!(report["feeds"], 5, "{report}");
    assert_eq!(report["discovered"], 9, "{report}");
    assert_eq!(report["filtered"], 1, "{report}");
    assert_eq!(report["fetched"], 8, "{report}");
    assert_eq!(report["new_sources"], 7, "{report}");
    assert_eq!(
        report["unchanged"], 1,
        "the copy of /news/1 is the same source: {report}"
    );
    assert!(report["claims"].as_u64().unwrap() > 7, "{report}");
    assert_eq!(report["complete"], true);
    assert_eq!(server.hits("/video/3"), 0);
    let stored = content_quads(&t.data());

    // Again: the feeds and the news sitemap answer 304 (the index is read
    // again in full: its children may change while it does not), the pages
    // were fetched moments ago.
    let (out, report) = pass(&t, &job);
    assert_success(&out);
    assert_eq!(report["feeds"], 5, "{report}");
    assert_eq!(report["feeds_not_modified"], 4, "{report}");
    assert_eq!(report["fetched"], 0, "{report}");
    assert_eq!(report["discovered"], 1, "only the job's own URL: {report}");
    // The 7 other pages stored before are known, and were fetched moments
    // ago too.
    assert_eq!(report["known"], 7, "{report}");
    assert_eq!(report["skipped"], 8, "{report}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nothing new"), "{stderr}");
    assert_eq!(content_quads(&t.data()), stored);
    assert_eq!(server.hits("/news/2"), 1, "not fetched again");
}

#[test]
fn max_items_leaves_the_rest_for_the_next_pass_without_duplicates() {
    let server = newsroom();
    let t = TestDir::new();
    let job = write_job(
        &t,
        "capped",
        &format!("feeds = [\"{}\"]\nmax_items = 1", server.url("/rss.xml")),
    );
    let (out, first) = pass(&t, &job);
    assert_success(&out);
    assert_eq!(first["fetched"], 1, "{first}");
    assert_eq!(first["deferred"], 2, "{first}");
    assert_eq!(first["complete"], false);
    let (_, second) = pass(&t, &job);
    assert_eq!(
        second["feeds_not_modified"], 0,
        "an unfinished feed is read again: {second}"
    );
    assert_eq!(second["skipped"], 1, "{second}");
    assert_eq!(second["fetched"], 1, "{second}");
    let (_, third) = pass(&t, &job);
    assert_eq!(third["fetched"], 1, "{third}");
    assert_eq!(third["complete"], true, "{third}");
    for p in ["/news/1", "/news/2", "/video/3"] {
        assert_eq!(server.hits(p), 1, "{p} fetched once");
    }
    let (_, fourth) = pass(&t, &job);
    assert_eq!(fourth["feeds_not_modified"], 1, "{fourth}");
    assert_eq!(fourth["fetched"], 0, "{fourth}");
}

#[test]
fn pages_in_other_languages_are_stored_and_counted_as_read_without_claims() {
    let server = Server::start(|path, _, _| match path {
        "/robots.txt" => Reply::new(404, &[], ""),
        "/pt" => Reply::new(
            200,
            &[("Content-Type", "text/html; charset=utf-8")],
            "<html lang=\"en\"><head><title>Alfabetizar</title></head><body><article>\
             <p>Segundo o ministério, 3 milhões de crianças aprenderam a ler em casa em 2024, e os pais disseram que o método funciona porque as atividades são simples.</p>\
             <p>Receba em seu email nosso guia com as cinco etapas para alfabetizar seus filhos em casa, um roteiro completo para pais que desejam ensinar a ler e escrever.</p>\
             </article></body></html>",
        ),
        "/en" => Reply::new(
            200,
            &[("Content-Type", "text/html; charset=utf-8")],
            article("http://example.com/en", 4),
        ),
        _ => Reply::new(404, &[], "no"),
    });
    let t = TestDir::new();
    let job = write_job(
        &t,
        "two",
        &format!(
            "urls = [\"{}\", \"{}\"]",
            server.url("/pt"),
            server.url("/en")
        ),
    );
    let (out, report) = pass(&t, &job);
    assert_success(&out);
    assert_eq!(report["new_sources"], 2, "{report}");
    assert_eq!(report["unread_language"], 1, "{report}");
    assert!(report["claims"].as_u64().unwrap() > 1, "{report}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 page in neither English nor Chinese stored without claims"),
        "{stderr}"
    );
    // A job that keeps Chinese only says what it left out; a language
    // that is no tag is refused before anything is fetched.
    let t = TestDir::new();
    let zh = write_job(
        &t,
        "zh",
        &format!("urls = [\"{}\"]\nlanguages = [\"zh\"]", server.url("/en")),
    );
    let (out, report) = pass(&t, &zh);
    assert_success(&out);
    assert_eq!(report["other_language"], 1, "{report}");
    assert_eq!(report["new_sources"], 0, "{report}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 fetched page left out, not in the job's languages (zh)"),
        "{stderr}"
    );
    let english = write_job(
        &t,
        "english",
        &format!(
            "urls = [\"{}\"]\nlanguages = [\"english\"]",
            server.url("/en")
        ),
    );
    let (out, _) = pass(&t, &english);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a language tag"), "{stderr}");
}

#[test]
fn a_page_edited_after_it_was_read_gets_a_new_version_though_its_feed_is_unchanged() {
    // The page's text (its n) changes between passes; the feed does not.
    let edition = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(3));
    let base = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let (e, b) = (
        std::sync::Arc::clone(&edition),
        std::sync::Arc::clone(&base),
    );
    let server = Server::start(move |path, headers, _| {
        let base = b.lock().unwrap().clone();
        let n = e.load(std::sync::atomic::Ordering::SeqCst);
        match path {
            "/robots.txt" => Reply::new(404, &[], ""),
            "/rss.xml" => tagged(
                headers,
                "rss-v1",
                "application/rss+xml",
                rss(&base, &["/policy"]),
            ),
            "/policy" => tagged(
                headers,
                &format!("policy-{n}"),
                "text/html",
                article(&format!("{base}/policy"), n),
            ),
            _ => Reply::new(404, &[], "no"),
        }
    });
    *base.lock().unwrap() = format!("http://127.0.0.1:{}", server.port);
    let t = TestDir::new();
    let job = write_job(
        &t,
        "edits",
        &format!("feeds = [\"{}\"]\nrevisit = \"0s\"", server.url("/rss.xml")),
    );
    let (out, first) = pass(&t, &job);
    assert_success(&out);
    assert_eq!(first["new_sources"], 1, "{first}");
    edition.store(4, std::sync::atomic::Ordering::SeqCst);
    let (out, second) = pass(&t, &job);
    assert_success(&out);
    assert_eq!(second["feeds_not_modified"], 1, "{second}");
    assert_eq!(second["known"], 1, "{second}");
    assert_eq!(second["new_versions"], 1, "{second}");
    // Unchanged since: asked again conditionally, and not modified.
    let (out, third) = pass(&t, &job);
    assert_success(&out);
    assert_eq!(third["not_modified"], 1, "{third}");
    assert_eq!(third["new_versions"], 0, "{third}");
    assert_eq!(server.hits("/policy"), 3);
    // With the default revisit (a day), the next pass leaves it alone.
    let daily = write_job(
        &t,
        "edits",
        &format!("feeds = [\"{}\"]", server.url("/rss.xml")),
    );
    let (out, fourth) = pass(&t, &daily);
    assert_success(&out);
    assert_eq!(fourth["skipped"], 1, "{fourth}");
    assert_eq!(server.hits("/policy"), 3);
}

#[test]
fn a_page_that_failed_is_tried_again_though_its_feed_is_unchanged() {
    let base = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let b = std::sync::Arc::clone(&base);
    let server = Server::start(move |path, headers, nth| {
        let base = b.lock().unwrap().clone();
        match path {
            "/robots.txt" => Reply::new(404, &[], ""),
            "/rss.xml" => tagged(
                headers,
                "rss-v1",
                "application/rss+xml",
                rss(&base, &["/good", "/flaky"]),
            ),
            // Down for the whole first pass (its one retry too).
            "/flaky" if nth < 2 => Reply::new(503, &[], "down"),
            "/flaky" | "/good" => tagged(
                headers,
                path,
                "text/html",
                article(&format!("{base}{path}"), path.len()),
            ),
            _ => Reply::new(404, &[], "no"),
        }
    });
    *base.lock().unwrap() = format!("http://127.0.0.1:{}", server.port);
    let t = TestDir::new();
    let job = write_job(
        &t,
        "flaky",
        &format!("feeds = [\"{}\"]", server.url("/rss.xml")),
    );
    let (out, first) = pass(&t, &job);
    assert_eq!(out.status.code(), Some(3), "{first}");
    assert_eq!(first["errors"]["http-status"], 1, "{first}");
    assert_eq!(first["new_sources"], 1, "{first}");
    // The feed has not changed, but the page that failed is tried again.
    let (out, second) = pass(&t, &job);
    assert_success(&out);
    assert_eq!(second["feeds_not_modified"], 0, "{second}");
    assert_eq!(second["new_sources"], 1, "{second}");
    assert_eq!(server.hits("/flaky"), 3, "{second}");
    // The command line's --allow-private adds to a job file without it.
    let strict = t.path("strict.toml");
    std::fs::write(
        &strict,
        format!(
            "urls = [\"{}\"]\n[fetch]\ndelay = 0\nretries = 1\ntimeout = 3\n",
            server.url("/good")
        ),
    )
    .unwrap();
    let refused = t
        .cmd()
        .args(["ingest", "--quiet", "--job"])
        .arg(&strict)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("give --allow-private"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let allowed = t
        .cmd()
        .args(["ingest", "--quiet", "--allow-private", "--job"])
        .arg(&strict)
        .output()
        .unwrap();
    assert_success(&allowed);
    // Everything stored: now the feed is asked conditionally.
    let (out, third) = pass(&t, &job);
    assert_success(&out);
    assert_eq!(third["feeds_not_modified"], 1, "{third}");
    assert_eq!(server.hits("/flaky"), 3, "{third}");
}

#[test]
fn faults_are_named_by_kind_and_the_good_pages_stored() {
    let big: String = rss(
        "https://elsewhere.example",
        &(0..10_000)
            .map(|i| format!("/item/{i}"))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    let server = Server::start(move |path, headers, nth| match path {
        "/robots.txt" => Reply::new(404, &[], ""),
        "/broken.xml" => Reply::new(
            200,
            &[("Content-Type", "application/rss+xml")],
            "<rss><channel><item><link>",
        ),
        "/not-a-sitemap.xml" => Reply::new(
            200,
            &[("Content-Type", "text/html")],
            "<html><body>hello</body></html>",
        ),
        "/big.xml" => Reply::new(200, &[("Content-Type", "application/rss+xml")], big.clone()),
        "/error500" => Reply::new(500, &[], "down"),
        "/busy" if nth == 0 => Reply::new(429, &[("Retry-After", "1")], "slow down"),
        "/busy" => tagged(
            headers,
            "busy",
            "text/html",
            article("https://news.example.com/busy", 41),
        ),
        "/loop-a" => Reply::new(302, &[("Location", "/loop-b")], ""),
        "/loop-b" => Reply::new(302, &[("Location", "/loop-a")], ""),
        "/slow" => Reply::stalled(
            &[("Content-Type", "text/html")],
            b"<html><body><p>",
            1 << 20,
        ),
        "/good" => tagged(
            headers,
            "good",
            "text/html",
            article("https://news.example.com/good", 42),
        ),
        // Declared UTF-8, with one byte that is not: among other UTF-8
        // (U+FFFD in its place), or in ASCII (read as windows-1252).
        "/stray" | "/belied" => {
            let page = article(&format!("https://news.example.com{path}"), 43);
            let page = if path == "/stray" {
                page.replacen("<p>", "<p>“Quoted” — ", 1)
            } else {
                page
            };
            let mut bytes = page.clone().into_bytes();
            bytes.insert(page.find("<p>").unwrap() + 3, 0xFF);
            Reply::new(200, &[("Content-Type", "text/html; charset=utf-8")], bytes)
        }
        _ => Reply::new(404, &[], "no"),
    });
    let t = TestDir::new();
    // What was stored before the pass stays as it was.
    t.load(&["ontology", "sources"]);
    let before = crate::util::all_quads(&t.data());
    let job = write_job(
        &t,
        "faults",
        &format!(
            r#"feeds = ["{broken}", "{big}"]
sitemaps = ["{notsitemap}"]
urls = ["{e500}", "{busy}", "{looping}", "{slow}", "{good}", "{stray}", "{belied}"]
include = ["^http://127\\.0\\.0\\.1"]
max_items = 100"#,
            broken = server.url("/broken.xml"),
            big = server.url("/big.xml"),
            notsitemap = server.url("/not-a-sitemap.xml"),
            e500 = server.url("/error500"),
            busy = server.url("/busy"),
            looping = server.url("/loop-a"),
            slow = server.url("/slow"),
            good = server.url("/good"),
            stray = server.url("/stray"),
            belied = server.url("/belied"),
        ),
    );
    let (out, report) = pass(&t, &job);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The 10,000 items of the big feed are read, and left out by the pattern.
    assert_eq!(report["filtered"], 10_000, "{report}");
    for (kind, n) in [
        ("feed", 1),
        ("sitemap", 1),
        ("http-status", 1),
        ("network", 1),
        ("timeout", 1),
    ] {
        assert_eq!(report["errors"][kind], n, "{kind}: {report}\n{stderr}");
    }
    assert!(
        stderr.contains(&format!("{}: not a feed", server.url("/broken.xml"))),
        "{stderr}"
    );
    assert!(stderr.contains("root element is <html>"), "{stderr}");
    for failed in ["/error500", "/loop-a", "/slow", "/not-a-sitemap.xml"] {
        assert!(stderr.contains(&server.url(failed)), "{failed}: {stderr}");
    }
    assert_eq!(server.hits("/busy"), 2, "one retry after the 429");
    assert_eq!(
        report["new_sources"], 4,
        "/busy, /good, /stray, /belied: {report}"
    );
    assert_eq!(report["decoding_notes"], 2, "{report}");
    assert!(
        stderr.contains(&format!("{}: bytes from offset", server.url("/stray")))
            && stderr.contains("not valid UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}: declared UTF-8, but the bytes from offset",
            server.url("/belied")
        )) && stderr.contains("read as windows-1252"),
        "{stderr}"
    );
    assert_eq!(report["complete"], true, "{report}");
    let after = crate::util::all_quads(&t.data());
    let lost: Vec<&String> = before.iter().filter(|q| !after.contains(q)).collect();
    assert!(lost.is_empty(), "quads lost: {lost:?}");
}

#[test]
fn a_bad_job_file_is_refused_with_its_line() {
    let t = TestDir::new();
    let job = t.path("bad.toml");
    std::fs::write(&job, "feeds = [\"https://a.example/rss\"\nmax_items = 3\n").unwrap();
    t.cmd()
        .args(["ingest", "--job"])
        .arg(&job)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml:"));
    std::fs::write(
        &job,
        "include = [\"(\"]\nurls = [\"https://a.example/x\"]\n",
    )
    .unwrap();
    t.cmd()
        .args(["ingest", "--job"])
        .arg(&job)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a regular expression"));
    t.cmd()
        .args(["ingest", "--job"])
        .arg(t.path("missing.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml"));
}

/// A site of `n` articles listed in one RSS feed.
pub fn site_of(n: usize) -> Server {
    let base = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let b = std::sync::Arc::clone(&base);
    let server = Server::start(move |path, headers, _| {
        let base = b.lock().unwrap().clone();
        match path {
            "/robots.txt" => Reply::new(404, &[], ""),
            "/rss.xml" => {
                let paths: Vec<String> = (0..n).map(|i| format!("/story/{i}")).collect();
                let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
                tagged(headers, "rss", "application/rss+xml", rss(&base, &refs))
            }
            p if p.starts_with("/story/") => {
                let i: usize = p.trim_start_matches("/story/").parse().unwrap_or(0);
                tagged(headers, p, "text/html", article(&format!("{base}{p}"), i))
            }
            _ => Reply::new(404, &[], "no"),
        }
    });
    *base.lock().unwrap() = format!("http://127.0.0.1:{}", server.port);
    server
}

/// The quads that say what is stored, without when it was fetched.
fn stored(t: &TestDir) -> Vec<String> {
    content_quads(&t.data())
        .into_iter()
        .filter(|q| !q.contains("retrievedAt"))
        .collect()
}

#[test]
fn a_pass_killed_ten_times_ends_as_an_uninterrupted_one_and_loses_no_annotation() {
    let server = site_of(150);
    // A researcher's annotated copy of one of the stories, in both stores.
    let annotated = |t: &TestDir| {
        let dir = t.path("sources");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("story-7.toml"),
            format!(
                r#"id = "story-7"
url = "{}"
headline = "Story 7"
annotator = "Researcher A"
text = "Report 7: the desk counted 82 episodes released on one platform in week 8."

[[claim]]
quote = "the desk counted 82 episodes released on one platform in week 8"
claim = "82 micro-drama episodes were released on one platform in one week"
claimant = "@author"
kind = "author-assertion"
"#,
                server.url("/story/7")
            ),
        )
        .unwrap();
        t.cmd()
            .arg("load")
            .arg("ontology")
            .arg(&dir)
            .assert()
            .success();
    };
    let job_body = format!("feeds = [\"{}\"]", server.url("/rss.xml"));

    let reference = TestDir::new();
    annotated(&reference);
    let job = write_job(&reference, "story-watch", &job_body);
    let (out, report) = pass(&reference, &job);
    assert_success(&out);
    assert_eq!(report["new_sources"], 149, "{report}");
    assert_eq!(report["new_versions"], 1, "the annotated story: {report}");

    let killed = TestDir::new();
    annotated(&killed);
    let before: Vec<String> = all_lines(&killed, "/graph/annotations/story-7>");
    let job = write_job(&killed, "story-watch", &job_body);
    // Kill points spread over a pass, from a fixed seed: at a moment after
    // the first, second or third batch was stored (as the pass logs it),
    // not after a time alone, which depends on how busy the machine is.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let initial = stored(&killed).len();
    let mut stored_before_last = initial;
    let mut counts = Vec::new();
    for round in 0..10 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Round 0 always cuts the pass right after its first batch.
        let batches = if round == 0 { 1 } else { seed % 3 };
        let delay =
            std::time::Duration::from_millis(if round == 0 { 0 } else { (seed >> 8) % 400 });
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimgraph"))
            .env_remove("CLAIMGRAPH_DATA")
            .arg("--data-dir")
            .arg(killed.data())
            .args(["ingest", "--job"])
            .arg(&job)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // stderr is read to its end (a closed pipe would end the pass on
        // its own); each batch stored is told to this thread.
        let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
        let (told, batches_stored) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufRead::lines(stderr).map_while(Result::ok) {
                if line.contains(" stored ") {
                    let _ = told.send(());
                }
            }
        });
        for _ in 0..batches {
            if batches_stored.recv().is_err() {
                break; // the pass ended
            }
        }
        std::thread::sleep(delay);
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();
        let now = stored(&killed).len();
        assert!(
            now >= stored_before_last,
            "round {round}: stored data shrank"
        );
        stored_before_last = now;
        counts.push(now);
    }
    eprintln!("quads stored after each kill: {counts:?} (initial {initial})");
    let (out, _) = pass(&killed, &job);
    assert_success(&out);
    assert_eq!(stored(&killed), stored(&reference));
    // At least one kill cut a pass after some batches were stored and
    // before all were.
    let full = stored(&killed).len();
    assert!(
        counts.iter().any(|&c| c > initial && c < full),
        "no kill landed mid-pass: {counts:?} (initial {initial}, full {full})"
    );
    assert_eq!(all_lines(&killed, "/graph/annotations/story-7>"), before);
    // The annotation is found in the ingested page, and the index agrees
    // with the store.
    killed.cmd().arg("check").assert().success().stdout(
        predicate::str::contains("ok   annotations-anchored")
            .and(predicate::str::contains("ok   index-agrees-with-store")),
    );
}

fn all_lines(t: &TestDir, marker: &str) -> Vec<String> {
    crate::util::all_quads(&t.data())
        .into_iter()
        .filter(|q| q.contains(marker))
        .collect()
}

#[test]
fn the_example_job_files_are_valid() {
    for name in ["micro-drama-watch.toml", "chinese-regulators.toml"] {
        let path = crate::util::repo().join("jobs").join(name);
        let job = claimgraph::jobs::file::Job::read(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(!job.feeds.is_empty() || !job.sitemaps.is_empty(), "{name}");
    }
}

#[test]
fn a_pass_asked_to_stop_writes_no_more_pages_and_the_next_one_fetches_the_rest() {
    use claimgraph::jobs::run::{Progress, RunOptions, run, url_job};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let server = Server::start(move |path, headers, _| match path {
        "/robots.txt" => Reply::new(404, &[], ""),
        p if p.starts_with("/page/") => {
            let n: usize = p["/page/".len()..].parse().unwrap_or(0);
            tagged(
                headers,
                p,
                "text/html",
                article(&format!("https://news.example.com{p}"), n),
            )
        }
        _ => Reply::new(404, &[], "no"),
    });
    let t = TestDir::new();
    t.load(&["ontology"]);
    let urls: Vec<String> = (0..12).map(|i| server.url(&format!("/page/{i}"))).collect();
    let fetch = claimgraph::ingest::fetch::FetchOptions {
        allow_private: true,
        robots: false,
        host_delay: std::time::Duration::ZERO,
        ..Default::default()
    };
    let job = url_job("stop", urls, fetch);
    let data =
        claimgraph::store::DataDir::open(&t.data(), claimgraph::store::OpenMode::Existing).unwrap();
    // Asked to stop as the fourth page is dealt with.
    let stop = Arc::new(AtomicBool::new(false));
    let options = RunOptions {
        cancel: Some(Arc::clone(&stop)),
    };
    let mut pages = 0;
    let report = run(&data, &job, &options, &mut |p| {
        if let Progress::Page(n) = p {
            pages = n;
            if n == 4 {
                stop.store(true, Ordering::Relaxed);
            }
        }
    })
    .unwrap();
    assert_eq!(pages, 4, "not one page more: {report:?}");
    assert!(!report.complete);
    assert_eq!(report.new_sources, 0, "{report:?}");
    assert_eq!(report.left_on_stop, 4, "{report:?}");
    // The next pass fetches them all and stores them.
    let again = run(&data, &job, &RunOptions::default(), &mut |_| {}).unwrap();
    assert!(again.complete, "{again:?}");
    assert_eq!(again.new_sources, 12, "{again:?}");
}
