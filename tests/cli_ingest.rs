//! `claimgraph ingest`, `versions` and `extract` end to end: files and a
//! local HTTP server (127.0.0.1 only), the bad inputs as well as the good.

use crate::http::{Reply, Server};
use crate::util::{
    TestDir, all_quads, assert_success, content_quads, stdout_of, values_of, who_claimed,
};

const FILLER: &str = "Officials and producers interviewed for this report described a fast-growing \
    industry that turns out hundreds of short vertical episodes every week for viewers at home and abroad.";

/// A news page with a canonical URL and the given paragraphs.
fn page(canonical: &str, title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!doctype html><html lang="en"><head><title>{title} | Example Wire</title>
<link rel="canonical" href="{canonical}">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2025-06-01T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>{title}</h1>
{body}<p>{FILLER}</p></article>
<footer>About us · Contact · Terms</footer></body></html>"#
    )
}

const P1: &str = "According to the South China Morning Post, Beijing is using state funds to push \
    AI-made micro-dramas into markets in Southeast Asia, Latin America and the Middle East.";
const P2: &str = "The National Radio and Television Administration said the export push would \
    continue through 2035 and that platforms would be encouraged to subtitle their catalogues.";
const P2_CHANGED: &str = "The National Radio and Television Administration said the export push would \
    continue through 2030 and that platforms would be required to subtitle their catalogues.";

#[test]
fn a_file_ingested_twice_changes_nothing_and_a_changed_file_adds_a_version() {
    let t = TestDir::new();
    t.load(&["ontology", "sources"]);
    let url = "https://news.example.com/2025/06/micro-dramas";
    let file = t.path("page.html");
    std::fs::write(&file, page(url, "Beijing bets on micro-dramas", &[P1, P2])).unwrap();

    let out = t.cmd().arg("ingest").arg(&file).output().unwrap();
    assert_success(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 new sources"), "{stderr}");
    let after_first = all_quads(&t.data());
    let annotations: Vec<&String> = after_first
        .iter()
        .filter(|q| q.contains("/graph/annotations/"))
        .collect();
    assert!(!annotations.is_empty());

    let out = t.cmd().arg("ingest").arg(&file).output().unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 unchanged"));
    assert_eq!(
        all_quads(&t.data()),
        after_first,
        "unchanged content writes nothing"
    );

    std::fs::write(
        &file,
        page(
            url,
            "Beijing bets on micro-dramas",
            &[P1, P2_CHANGED, "A correction was appended on 3 June."],
        ),
    )
    .unwrap();
    let out = t.cmd().arg("ingest").arg(&file).output().unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 new versions"));
    let after_change = all_quads(&t.data());
    let kept: Vec<&String> = after_change
        .iter()
        .filter(|q| q.contains("/graph/annotations/"))
        .collect();
    assert_eq!(kept, annotations, "people's annotations are never touched");
    assert!(after_change.iter().any(|q| q.contains("wasRevisionOf")));

    let out = t.cmd().args(["versions", url]).output().unwrap();
    assert_success(&out);
    let text = stdout_of(&out);
    assert_eq!(
        text.lines().filter(|l| l.contains("/version/")).count(),
        2,
        "{text}"
    );
    // The changed paragraph shows the words that changed, wherever they
    // are in it.
    assert!(
        text.contains("~ [2 -> 2]")
            && text.contains("through [-2035-]{+2030+} and")
            && text.contains("would be [-encouraged-]{+required+} to subtitle"),
        "{text}"
    );
    assert!(
        text.contains("+ [3]") && text.contains("correction"),
        "{text}"
    );

    let out = t
        .cmd()
        .args(["versions", url, "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[1]["changes"][0]["change"], "changed");
    let words = &json[1]["changes"][0]["words"];
    assert_eq!(
        words[1],
        serde_json::json!({"part": "removed", "text": "2035"})
    );
    assert_eq!(
        words[2],
        serde_json::json!({"part": "added", "text": "2030"})
    );

    // The new text is searchable; the old one's paragraphs stay stored.
    let out = t.cmd().args(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?v a cg:SourceVersion ; cg:versionOf ?s . ?s schema:url <https://news.example.com/2025/06/micro-dramas> }", "--format", "csv"]).output().unwrap();
    assert!(stdout_of(&out).contains("\n2"), "{}", stdout_of(&out));
}

#[test]
fn two_copies_of_one_article_in_one_run_are_two_versions_and_counted_as_stored() {
    let t = TestDir::new();
    let ingested = |args: &[&std::path::Path], url: Option<&str>| -> String {
        let mut cmd = t.cmd();
        cmd.arg("ingest").args(args);
        if let Some(u) = url {
            cmd.args(["--url", u]);
        }
        let out = cmd.output().unwrap();
        assert_success(&out);
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let url = "https://news.example.com/2025/06/micro-dramas";
    let dir = t.path("copies");
    std::fs::create_dir(&dir).unwrap();
    // Saved a day apart, the second after a correction; a third copy
    // equal to the second.
    std::fs::write(dir.join("a.html"), page(url, "Micro-dramas", &[P1, P2])).unwrap();
    std::fs::write(
        dir.join("b.html"),
        page(url, "Micro-dramas", &[P1, P2_CHANGED]),
    )
    .unwrap();
    std::fs::write(
        dir.join("c.html"),
        page(url, "Micro-dramas", &[P1, P2_CHANGED]),
    )
    .unwrap();
    let stderr = ingested(&[&dir], None);
    assert!(
        stderr.contains("3 inputs: 1 new sources, 1 new versions, 1 unchanged"),
        "{stderr}"
    );
    let stored = stored_versions(&t, url);
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert_eq!(stored[1]["changes"][0]["change"], "changed", "{stored:?}");

    // Files given one --url are versions of that source, in the order given.
    let other = "https://news.example.com/2025/06/saved";
    let first = t.path("first.html");
    let second = t.path("second.html");
    std::fs::write(&first, page(other, "Saved", &[P1])).unwrap();
    std::fs::write(&second, page(other, "Saved", &[P1, P2])).unwrap();
    let stderr = ingested(&[&first, &second], Some(other));
    assert!(
        stderr.contains("2 inputs: 1 new sources, 1 new versions"),
        "{stderr}"
    );
    assert_eq!(stored_versions(&t, other).len(), 2);
}

#[test]
fn bad_files_are_named_and_the_good_ones_still_stored() {
    let t = TestDir::new();
    let dir = t.path("pages");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a-good.html"),
        page("https://news.example.com/a", "Good page", &[P1, P2]),
    )
    .unwrap();
    std::fs::write(dir.join("b-empty.html"), "").unwrap();
    std::fs::write(dir.join("c-broken.html.gz"), b"\x1f\x8b not really gzip").unwrap();
    let noise: Vec<u8> = (0..50_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    std::fs::write(dir.join("d-noise.html"), noise).unwrap();
    let gbk = encoding_rs::GBK
        .encode(&page("https://news.example.cn/zh", "微短剧出海", &["据新华社报道，国家广播电视总局近日发布通知，鼓励优秀微短剧作品走向海外市场，推动中华文化传播。", "业内人士表示，人工智能技术正在改变微短剧的制作方式，制作周期大幅缩短，成本明显下降。"]).replace("charset=utf-8", "charset=gbk").replace("<head>", "<head><meta charset=gbk>"))
        .0
        .into_owned();
    std::fs::write(dir.join("e-gbk.html"), gbk).unwrap();
    std::fs::write(dir.join("f-big.html"), "<p>x</p>".repeat(20_000)).unwrap();

    let report = t.path("report.json");
    let out = t
        .cmd()
        .arg("ingest")
        .arg(&dir)
        .arg(t.path("missing.html"))
        .args(["--max-bytes", "100000"])
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b-empty.html") && stderr.contains("c-broken.html.gz"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(summary["new_sources"], 2, "{summary}");
    // Each failure counted by its kind.
    let errors = &summary["errors"];
    assert_eq!(
        errors["extract"], 2,
        "the empty file and the noise: {summary}"
    );
    assert_eq!(errors["decode"], 1, "the broken gzip: {summary}");
    assert_eq!(errors["too-large"], 1, "{summary}");
    assert_eq!(errors["read"], 1, "the missing file: {summary}");
    // Each error said once, not once more as its own cause.
    assert!(
        stderr.contains("missing.html: No such file or directory (os error 2)\n"),
        "{stderr}"
    );

    let quads = all_quads(&t.data()).join("\n");
    assert!(
        quads.contains("据新华社报道"),
        "the GBK page decoded and stored"
    );
}

fn site() -> Server {
    Server::start(|path, headers, nth| {
        match path {
        "/robots.txt" => Reply::new(200, &[("Content-Type", "text/plain")], "User-agent: *\nDisallow: /private/\n"),
        "/a" => {
            if headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                Reply::new(304, &[("ETag", "\"v1\"")], "")
            } else {
                Reply::new(200, &[("Content-Type", "text/html"), ("ETag", "\"v1\"")], page("https://news.example.com/a", "Page A", &[P1, P2]))
            }
        }
        "/flaky" if nth == 0 => Reply::new(503, &[("Retry-After", "0")], "busy"),
        "/flaky" => Reply::html(&page("https://news.example.com/flaky", "Flaky page", &[P2, P1])),
        "/gbk" => Reply::new(
            200,
            &[("Content-Type", "text/html; charset=GB2312")],
            encoding_rs::GBK.encode(&page("https://news.example.cn/gbk", "国家广电总局", &["国家广播电视总局发布通知，鼓励优秀微短剧作品走向海外市场，推动中华文化在东南亚的传播。", "专家认为，出海需要尊重当地文化，同时提高作品的艺术质量和思想深度，讲好中国故事。"])).0.into_owned(),
        ),
        "/paper.pdf" => Reply::new(200, &[("Content-Type", "application/pdf")], "%PDF-1.7"),
        "/big" => Reply::html(&"<p>big page</p>".repeat(2_000)),
        "/loop" => Reply::new(302, &[("Location", "/loop")], ""),
        "/gone" => Reply::new(404, &[], "no"),
        "/private/secret" => Reply::html(&page("https://news.example.com/secret", "Secret", &[P1, P2])),
        _ => Reply::new(404, &[], "no"),
    }
    })
}

#[test]
fn urls_are_fetched_politely_and_every_failure_is_reported_by_kind() {
    let server = site();
    let t = TestDir::new();
    let urls: Vec<String> = [
        "/a",
        "/flaky",
        "/gbk",
        "/paper.pdf",
        "/big",
        "/loop",
        "/gone",
        "/private/secret",
    ]
    .iter()
    .map(|p| server.url(p))
    .collect();
    let report = t.path("report.json");
    let out = t
        .cmd()
        .arg("ingest")
        .args(&urls)
        .args([
            "--allow-private",
            "--delay",
            "0",
            "--retries",
            "2",
            "--max-bytes",
            "20000",
            "--quiet",
        ])
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (what, expected) in [
        ("/paper.pdf", "not HTML"),
        ("/big", "larger than 20000 bytes"),
        ("/loop", "redirect"),
        ("/gone", "HTTP 404"),
        ("/private/secret", "disallowed by"),
    ] {
        assert_reported(&stderr, &server.url(what), expected);
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(summary["new_sources"], 3, "{summary}");
    for kind in ["not-html", "too-large", "network", "http-status", "robots"] {
        assert_eq!(summary["errors"][kind], 1, "{kind}: {summary}");
    }
    assert_eq!(server.hits("/flaky"), 2, "one retry after the 503");
    assert_eq!(server.hits("/robots.txt"), 1, "robots.txt cached per host");
    assert_eq!(server.hits("/private/secret"), 0, "robots.txt honoured");
    let quads = all_quads(&t.data()).join("\n");
    assert!(
        quads.contains("国家广播电视总局发布通知"),
        "GB2312-labelled page decoded"
    );

    // Again: /a answers 304 to its ETag, the others are unchanged.
    let before = content_quads(&t.data());
    let out = t
        .cmd()
        .arg("ingest")
        .args([server.url("/a"), server.url("/gbk")])
        .args(["--allow-private", "--delay", "0", "--quiet"])
        .output()
        .unwrap();
    assert_success(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 unchanged, 1 not modified"), "{stderr}");
    assert_eq!(content_quads(&t.data()), before);
}

/// Bytes that look like nothing (a fixed pseudo-random sequence).
/// Asserts that stderr has a line naming `url` (as `URL:`) with `expected`.
fn assert_reported(stderr: &str, url: &str, expected: &str) {
    assert!(
        stderr
            .lines()
            .any(|l| l.contains(&format!("{url}:")) && l.contains(expected)),
        "{url}: {expected}\n{stderr}"
    );
}

fn noise(n: usize) -> Vec<u8> {
    (0..n as u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, bytes).unwrap();
    gz.finish().unwrap()
}

/// HTTP's `deflate`: a zlib stream (RFC 1950).
fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut z, bytes).unwrap();
    z.finish().unwrap()
}

/// A valid brotli stream (RFC 7932) made of stored (uncompressed)
/// meta-blocks: no brotli encoder is among the dependencies, and the point
/// is that the client decodes `Content-Encoding: br`.
fn brotli_stored(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, block) in bytes.chunks(1 << 16).enumerate() {
        // Bits, least significant first: [WBITS=16: 0] ISLAST=0,
        // MNIBBLES=4: 00, MLEN-1 in 16 bits, ISUNCOMPRESSED=1; then padding
        // to the byte.
        let header: u32 = if i == 0 {
            ((block.len() as u32 - 1) << 4) | (1 << 20)
        } else {
            ((block.len() as u32 - 1) << 3) | (1 << 19)
        };
        out.extend_from_slice(&header.to_le_bytes()[..3]);
        out.extend_from_slice(block);
    }
    // The last meta-block, empty: ISLAST=1, ISLASTEMPTY=1.
    out.push(0b11);
    out
}

const ZH1: &str =
    "国家广播电视总局发布通知，鼓励优秀微短剧作品走向海外市场，推动中华文化在东南亚的传播。";
const ZH2: &str =
    "业内人士表示，人工智能技术正在改变微短剧的制作方式，制作周期大幅缩短，成本明显下降。";

/// A server answering with every kind of bad response, and some good ones.
fn bad_site() -> Server {
    Server::start(|path, _headers, nth| {
        let good = |name: &str| page(&format!("https://news.example.com/{name}"), name, &[P1, P2]);
        let html = [("Content-Type", "text/html; charset=utf-8")];
        match path {
            "/robots.txt" => Reply::new(404, &[], ""),
            "/good" => Reply::html(&good("good")),
            "/png-as-html" => Reply::new(
                200,
                &html,
                [b"\x89PNG\r\n\x1a\n".as_slice(), &noise(30_000)].concat(),
            ),
            "/octet" => Reply::new(
                200,
                &[("Content-Type", "application/octet-stream")],
                noise(30_000),
            ),
            "/gzip" => Reply::new(
                200,
                &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                gzip(good("gzip").as_bytes()),
            ),
            "/gzip-cut" => {
                let gz = gzip(good("gzip-cut").as_bytes());
                Reply::new(
                    200,
                    &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                    &gz[..gz.len() / 2],
                )
            }
            "/deflate" => Reply::new(
                200,
                &[
                    ("Content-Type", "text/html"),
                    ("Content-Encoding", "deflate"),
                ],
                zlib(good("deflate").as_bytes()),
            ),
            "/brotli" => Reply::new(
                200,
                &[("Content-Type", "text/html"), ("Content-Encoding", "br")],
                brotli_stored(good("brotli").as_bytes()),
            ),
            "/huge" => Reply::repeated(
                &html,
                "<p>Fifty megabytes of the same paragraph, streamed without a length.</p>\n"
                    .repeat(1_000)
                    .as_bytes(),
                50_000_000,
            ),
            "/error500" => Reply::new(500, &[], "oops"),
            "/busy" if nth == 0 => Reply::new(429, &[("Retry-After", "1")], "slow down"),
            "/busy" => Reply::html(&good("busy")),
            "/closed-for-an-hour" => Reply::new(503, &[("Retry-After", "3600")], "maintenance"),
            "/stray-bytes" => {
                let mut body = page("https://news.example.com/stray-bytes", "Stray bytes", &["The ministry’s plan — a “cultural export” push — names café chains in Zürich and São Paulo.", P1]).into_bytes();
                let at = body.windows(6).position(|w| w == b"push \xE2").unwrap();
                body.insert(at + 5, 0xFF);
                let at = body.windows(4).position(|w| w == b"caf\xC3").unwrap();
                body.insert(at, 0x92);
                Reply::new(200, &html, body)
            }
            "/gbk-as-utf8" => Reply::new(
                200,
                &html,
                encoding_rs::GBK
                    .encode(&page(
                        "https://news.example.cn/gbk-as-utf8",
                        "微短剧出海",
                        &[ZH1, ZH2],
                    ))
                    .0
                    .into_owned(),
            ),
            "/nav-only" => Reply::html(
                r#"<!doctype html><html><head><title>Menu</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav></body></html>"#,
            ),
            "/empty-body" => Reply::html(
                "<!doctype html><html><head><title>Nothing</title></head><body></body></html>",
            ),
            "/cut" => {
                let body = good("cut");
                Reply::cut(&html, &body.as_bytes()[..body.len() / 2], body.len() as u64)
            }
            "/stall" => {
                let body = good("stall");
                Reply::stalled(&html, &body.as_bytes()[..body.len() / 2], body.len() as u64)
            }
            _ => Reply::new(404, &[], "no"),
        }
    })
}

#[test]
fn bad_responses_are_named_with_their_problem_and_the_good_pages_still_stored() {
    let server = bad_site();
    let t = TestDir::new();
    // A page stored before the bad batch must survive it untouched.
    let out = t
        .cmd()
        .args(["ingest", "--allow-private", "--delay", "0", "--quiet"])
        .arg(server.url("/good"))
        .output()
        .unwrap();
    assert_success(&out);
    let before = content_quads(&t.data());
    let paths = [
        "/good",
        "/png-as-html",
        "/octet",
        "/gzip",
        "/gzip-cut",
        "/cut",
        "/deflate",
        "/brotli",
        "/huge",
        "/error500",
        "/busy",
        "/closed-for-an-hour",
        "/stray-bytes",
        "/gbk-as-utf8",
        "/nav-only",
        "/empty-body",
    ];
    let report = t.path("report.json");
    let out = t
        .cmd()
        .arg("ingest")
        .args(paths.iter().map(|p| server.url(p)))
        .args([
            "--allow-private",
            "--delay",
            "0",
            "--retries",
            "1",
            "--quiet",
        ])
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (path, expected) in [
        ("/png-as-html", "does not look like HTML"),
        (
            "/octet",
            "Content-Type application/octet-stream is not HTML",
        ),
        ("/gzip-cut", "could not be decompressed"),
        ("/cut", "connection failed while reading the body"),
        ("/huge", "larger than 10485760 bytes"),
        ("/error500", "HTTP 500"),
        (
            "/closed-for-an-hour",
            "HTTP 503, and the server asks to come back in 3600 s, more than the 120 s a pass waits",
        ),
        ("/nav-only", "no main text"),
        ("/empty-body", "no main text"),
    ] {
        assert_reported(&stderr, &server.url(path), expected);
    }
    for path in [
        "/good",
        "/gzip",
        "/deflate",
        "/brotli",
        "/busy",
        "/stray-bytes",
        "/gbk-as-utf8",
    ] {
        let url = server.url(path);
        assert!(
            !stderr.contains(&format!("error: {url}:")),
            "{path} failed:\n{stderr}"
        );
    }
    // Stored, with a note on how they were read.
    for (path, note) in [
        ("/stray-bytes", "on are not valid UTF-8"),
        ("/gbk-as-utf8", "declared UTF-8, but the bytes from offset"),
    ] {
        assert_reported(&stderr, &server.url(path), note);
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(summary["new_sources"], 6, "{summary}");
    assert_eq!(summary["unchanged"], 1, "/good again: {summary}");
    assert_eq!(summary["decoding_notes"], 2, "{summary}");
    for (kind, n) in [
        ("not-html", 1),
        ("decode", 1),
        ("too-large", 1),
        ("http-status", 2),
        ("network", 1),
        ("extract", 3),
    ] {
        assert_eq!(summary["errors"][kind], n, "{kind}: {summary}");
    }
    assert_eq!(server.hits("/error500"), 2, "one retry after the 500");
    assert_eq!(
        server.hits("/closed-for-an-hour"),
        1,
        "an hour's Retry-After is not waited for"
    );
    assert_eq!(server.hits("/busy"), 2, "one retry after the 429");
    // The client hung up at the 10 MiB cap, so the server never got to
    // send all 50 MB. How much it did send depends on what loopback's
    // socket buffers took in before the hang-up (up to 32 MiB with Linux's
    // receive-buffer tuning on a loaded machine), so the bound is the body.
    assert!(
        server.sent("/huge") < 50_000_000,
        "the client stopped reading at the cap: {} bytes sent",
        server.sent("/huge")
    );

    let after = content_quads(&t.data());
    assert!(
        before.iter().all(|q| after.contains(q)),
        "what was stored before the bad batch is still there"
    );
    let quads = after.join("\n");
    for stored in [
        "https://news.example.com/gzip",
        "https://news.example.com/deflate",
        "https://news.example.com/brotli",
        "https://news.example.com/busy",
        ZH1,
        ZH2,
        "a “cultural export” push \u{FFFD}— names \u{FFFD}café chains in Zürich",
    ] {
        assert!(quads.contains(stored), "{stored} not stored");
    }
}

#[test]
fn a_server_that_stalls_mid_body_is_reported_as_timed_out() {
    let server = bad_site();
    let t = TestDir::new();
    let out = t
        .cmd()
        .arg("ingest")
        .args([server.url("/stall"), server.url("/good")])
        .args([
            "--allow-private",
            "--delay",
            "0",
            "--timeout",
            "1",
            "--retries",
            "0",
            "--quiet",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert_reported(&stderr, &server.url("/stall"), "timed out");
    assert!(stderr.contains("1 new sources"), "{stderr}");
}

#[test]
fn private_addresses_and_other_schemes_are_refused_by_default() {
    let server = site();
    let t = TestDir::new();
    for url in [
        server.url("/a"),
        format!("http://localhost:{}/a", server.port),
    ] {
        let out = t.cmd().args(["ingest", "--quiet", &url]).output().unwrap();
        // Its only input refused: nothing could be done.
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("loopback") && stderr.contains("--allow-private"),
            "{url}: {stderr}"
        );
    }
    assert_eq!(server.hits("/a"), 0, "nothing was requested");
    let out = t
        .cmd()
        .args(["ingest", "--quiet", "ftp://example.com/x"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an http or https URL"));
    assert_eq!(out.status.code(), Some(2));
    // A file that is not there, alone: 2 too; beside a good one, 3.
    let missing = t.path("not-there.html");
    let out = t.cmd().arg("ingest").arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let good = t.path("good.html");
    std::fs::write(
        &good,
        page("https://news.example.com/good", "Good", &[P1, P2]),
    )
    .unwrap();
    let out = t
        .cmd()
        .arg("ingest")
        .arg(&missing)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn extract_prints_articles_and_names_the_pages_it_cannot_read() {
    let t = TestDir::new();
    let good = t.path("good.html");
    std::fs::write(
        &good,
        page(
            "https://news.example.com/a",
            "Beijing bets on micro-dramas",
            &[P1, P2],
        ),
    )
    .unwrap();
    let out = t.cmd().arg("extract").arg(&good).output().unwrap();
    assert_success(&out);
    let text = stdout_of(&out);
    assert!(
        text.contains("headline:   Beijing bets on micro-dramas"),
        "{text}"
    );
    assert!(text.contains("published:  2025-06-01T09:00:00Z"), "{text}");
    assert!(
        text.contains("According to the South China Morning Post"),
        "{text}"
    );
    assert!(!text.contains("About us"), "{text}");

    let missing = t.path("missing.html");
    let out = t
        .cmd()
        .arg("extract")
        .arg(&good)
        .arg(&missing)
        .arg(&good)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.html"));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["canonical_url"], "https://news.example.com/a");
    assert_eq!(lines[0]["publisher"], "Example Wire");
}

#[test]
fn extract_claims_lists_what_ingest_stores_without_storing_it() {
    let t = TestDir::new();
    let quoted = "“We will subtitle every series,” Li Wei, a Mango TV executive, said on Monday.";
    let good = t.path("good.html");
    std::fs::write(
        &good,
        page(
            "https://news.example.com/claims",
            "Beijing bets on micro-dramas",
            &[P1, P2, quoted],
        ),
    )
    .unwrap();
    let out = t
        .cmd()
        .args(["extract", "--claims", "--format", "json"])
        .arg(&good)
        .output()
        .unwrap();
    assert_success(&out);
    assert!(!t.data().exists(), "extract --claims stores nothing");
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = article["claims"].as_array().expect("a claims array");
    let scmp = claims
        .iter()
        .find(|c| c["claimant"] == "the South China Morning Post")
        .expect("the SCMP's claim");
    assert!(
        scmp["quote"]
            .as_str()
            .unwrap()
            .starts_with("Beijing is using state funds")
    );
    assert_eq!(scmp["kind"], "according-to");
    assert!(
        scmp["entity"].as_str().unwrap().ends_with("/scmp"),
        "{scmp}"
    );
    assert!(
        claims
            .iter()
            .any(|c| c["claimant"] == "Li Wei" && c["cue"] == "said")
    );
    // Offsets are characters of the article's text (paragraphs joined by
    // blank lines), and the quote is the text between them.
    let paragraphs: Vec<&str> = article["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let text = paragraphs.join("\n\n");
    for c in claims {
        let (start, end) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
        let between: String = text
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(between, c["quote"].as_str().unwrap());
    }

    // The same page ingested stores exactly the claims listed.
    let out = t.cmd().arg("ingest").arg(&good).output().unwrap();
    assert_success(&out);
    let quotes = |rows: &[serde_json::Value], key: &str| -> Vec<String> {
        let mut q: Vec<String> = rows
            .iter()
            .map(|r| r[key].as_str().unwrap().to_owned())
            .collect();
        q.sort();
        q
    };
    assert_eq!(quotes(claims, "quote"), quotes(&who_claimed(&t), "quote"));

    // Readable text names the claimant, the cue and the quote; the
    // article's own assertions can be left out, and only with --claims.
    let out = t
        .cmd()
        .args(["extract", "--claims", "--no-author-assertions"])
        .arg(&good)
        .output()
        .unwrap();
    assert_success(&out);
    let text = stdout_of(&out);
    assert!(text.contains("* Li Wei"), "{text}");
    assert!(text.contains("We will subtitle every series"), "{text}");
    assert!(!text.contains("(author-assertion)"), "{text}");
    let out = t
        .cmd()
        .args(["extract", "--no-author-assertions"])
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "needs --claims");

    // A hostile page (one endless sentence of pronouns, capitals and cue
    // words) and a missing file among good pages: the missing one is
    // named, the others all print with their claims, exit 3.
    let hostile = t.path("hostile.html");
    let noise = "Netanyahu visited “ he told Even said ” she says ".repeat(5_000);
    std::fs::write(
        &hostile,
        page("https://news.example.com/noise", "Noise", &[&noise, P1]),
    )
    .unwrap();
    let missing = t.path("missing.html");
    let out = t
        .cmd()
        .args(["extract", "--claims", "--format", "json"])
        .arg(&hostile)
        .arg(&missing)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.html"));
    let pages = json_lines(&out);
    assert_eq!(pages.len(), 2);
    assert!(pages.iter().all(|p| p["claims"].is_array()));
    assert_eq!(pages[1]["claims"], article["claims"]);
}

#[test]
fn extract_fetches_urls_like_ingest_and_stores_nothing() {
    let server = bad_site();
    let t = TestDir::new();
    let good = t.path("good.html");
    std::fs::write(
        &good,
        page("https://news.example.com/file", "From a file", &[P1, P2]),
    )
    .unwrap();
    let out = t
        .cmd()
        .arg("extract")
        .arg(server.url("/good"))
        .arg(server.url("/octet"))
        .arg(&good)
        .arg(server.url("/gbk-as-utf8"))
        .arg(server.url("/error500"))
        .args([
            "--allow-private",
            "--delay",
            "0",
            "--retries",
            "0",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    for (path, expected) in [
        (
            "/octet",
            "Content-Type application/octet-stream is not HTML",
        ),
        ("/error500", "HTTP 500"),
    ] {
        assert_reported(&stderr, &server.url(path), expected);
    }
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let lines = json_lines(&out);
    let canonical: Vec<&str> = lines
        .iter()
        .map(|l| l["canonical_url"].as_str().unwrap())
        .collect();
    assert_eq!(
        canonical,
        [
            "https://news.example.com/good",
            "https://news.example.com/file",
            "https://news.example.cn/gbk-as-utf8"
        ],
        "one object per page read, in input order"
    );
    assert_eq!(lines[0]["location"], server.url("/good"));
    assert!(
        lines[2]["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == ZH1),
        "{}",
        lines[2]
    );
    assert_eq!(lines[2]["encoding_evidence"], "detected");
    assert_eq!(
        server.hits("/robots.txt"),
        1,
        "robots.txt asked as ingest does"
    );
    assert!(!t.data().exists(), "extract stores nothing");

    // Text output; refused without --allow-private.
    let out = t
        .cmd()
        .args(["extract", "--allow-private", "--delay", "0"])
        .arg(server.url("/good"))
        .output()
        .unwrap();
    assert_success(&out);
    let text = stdout_of(&out);
    assert!(
        text.contains(&format!("page:       {}", server.url("/good"))),
        "{text}"
    );
    assert!(text.contains("According to the South China Morning Post"));
    let out = t
        .cmd()
        .args(["extract", &server.url("/good")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--allow-private"));
    let out = t
        .cmd()
        .args([
            "extract",
            &server.url("/good"),
            "--url",
            "https://x.example/",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "--url is for one saved page");
}

#[test]
fn eval_extraction_scores_a_corpus_and_refuses_an_unknown_layout() {
    let t = TestDir::new();
    let corpus = t.path("corpus");
    std::fs::create_dir_all(corpus.join("html")).unwrap();
    let mut truth = serde_json::Map::new();
    for (id, paras) in [("one", [P1, P2]), ("two", [P2, P1])] {
        let html = page(&format!("https://news.example.com/{id}"), "Title", &paras);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, html.as_bytes()).unwrap();
        std::fs::write(
            corpus.join("html").join(format!("{id}.html.gz")),
            gz.finish().unwrap(),
        )
        .unwrap();
        truth.insert(id.into(), serde_json::json!({"url": format!("https://news.example.com/{id}"), "articleBody": format!("{}\n{}\n{FILLER}", paras[0], paras[1])}));
    }
    std::fs::write(
        corpus.join("ground-truth.json"),
        serde_json::Value::Object(truth).to_string(),
    )
    .unwrap();
    let out = t
        .cmd()
        .args(["eval", "extraction", "--format", "json", "--corpus"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert_success(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["pages"], 2);
    assert!(report["f1"].as_f64().unwrap() > 0.9, "{report}");
    assert!(report["precision"].is_number() && report["recall"].is_number());

    let out = t
        .cmd()
        .args(["eval", "extraction", "--corpus"])
        .arg(t.path("nowhere"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a known corpus layout"));
}

const SAID: &str = "The National Radio and Television Administration said the export push would \
    continue through 2035 and that platforms would be encouraged to subtitle their catalogues.";
const QUOTED: &str = "“We will subtitle everything this year,” said Li Wei, a producer in Hangzhou. \
    He added that costs had fallen by half since 2023.";
const RESAID: &str = "The National Radio and Television Administration said the export push would \
    continue through 2035 and that platforms would be encouraged to translate their catalogues.";

#[test]
fn an_ingested_article_answers_who_claimed_with_claimants_quotes_and_reporters() {
    let t = TestDir::new();
    let first = t.path("first.html");
    let second = t.path("second.html");
    std::fs::write(
        &first,
        page(
            "https://news.example.com/a",
            "Beijing bets on micro-dramas",
            &[P1, SAID, QUOTED],
        ),
    )
    .unwrap();
    std::fs::write(
        &second,
        page(
            "https://other.example.org/b",
            "Subtitles for export",
            &[
                RESAID,
                "Revenue from micro-dramas reached 50 billion yuan in 2024.",
            ],
        ),
    )
    .unwrap();
    let out = t
        .cmd()
        .arg("ingest")
        .arg(&first)
        .arg(&second)
        .output()
        .unwrap();
    assert_success(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 near-duplicate links"), "{stderr}");

    let who = |claimant: &str| crate::util::who_claimed_by(&t, claimant);
    // "According to the South China Morning Post": the gazetteer's entity,
    // found by its alias too.
    let scmp = who("SCMP");
    assert!(
        scmp.iter().any(|r| r["quote"]
            .as_str()
            .is_some_and(|q| q.starts_with("Beijing is using state funds"))
            && r["kind"] == "according-to"),
        "{scmp:?}"
    );
    // A direct quote, its speaker named after it, and a pronoun resolved to him.
    let li = who("Li Wei");
    let quotes: Vec<&str> = li.iter().filter_map(|r| r["claim_text"].as_str()).collect();
    assert!(
        quotes.contains(&"We will subtitle everything this year"),
        "{li:?}"
    );
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("costs had fallen by half")),
        "{li:?}"
    );
    // The same administration in two sources, worded almost the same: the
    // trail of one shows both.
    let nrta = who("National Radio and Television Administration");
    assert_eq!(nrta.len(), 2, "{nrta:?}");
    assert_eq!(
        trail_urls(&t, "encouraged to subtitle their catalogues"),
        ["https://news.example.com/a", "https://other.example.org/b"]
            .map(String::from)
            .into(),
    );
    // The article's own checkable statements are its publisher's.
    let wire = who("Example Wire");
    assert!(
        wire.iter().any(|r| r["claim_text"]
            == "Revenue from micro-dramas reached 50 billion yuan in 2024."
            && r["kind"] == "author-assertion"),
        "{wire:?}"
    );

    // Switched off, no claims are stored.
    let t2 = TestDir::new();
    let out = t2
        .cmd()
        .args(["ingest", "--no-claims"])
        .arg(&first)
        .output()
        .unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains(" 0 claims"));
}

#[test]
fn first_person_in_the_article_is_its_author_even_without_a_title() {
    let t = TestDir::new();
    let (page, author_label) = t.untitled_page(&[
        "We have tracked the state subsidies for short vertical dramas for three years, and the numbers keep surprising us.",
        "We believe that the export push will double the number of titles sold to Southeast Asia by 2026, whatever the platforms say in public.",
        "“I expect the quotas to rise again next year,” Li Wei, a producer in Hangzhou, said after the meeting on Tuesday.",
    ]);
    let out = t.cmd().arg("ingest").arg(&page).output().unwrap();
    assert_success(&out);
    let rows = who_claimed(&t);
    let by = |text: &str| claimants_of(&rows, text);
    // "We believe": the page's unnamed author, named by its file's folder
    // and name (not the whole path on the machine that ingested it).
    assert_eq!(by("export push will double"), [author_label], "{rows:?}");
    // "I" inside Li Wei's quotation stays his.
    assert_eq!(by("quotas to rise"), ["Li Wei"], "{rows:?}");
}

#[test]
fn claims_need_something_to_check_and_a_claimant_that_names_someone() {
    let t = TestDir::new();
    let rows = who_claimed_in_article(
        &t,
        "<p>The broadcaster published a blog post that said the quotas for imported dramas will double next year.</p>\
         <p>Zhang Wei, a producer in Hangzhou, wanted to dispute that.</p>\
         <p>Untreated plague is always fatal, says WHO.</p>",
    );
    let claimed = |text: &str| claimants_of(&rows, text);
    // "a blog post that said …": the relative pronoun's noun phrase, not
    // "that"; "says WHO": the organisation, not the last person named.
    assert_eq!(
        claimed("quotas for imported dramas"),
        ["a blog post"],
        "{rows:?}"
    );
    assert_eq!(claimed("always fatal"), ["WHO"], "{rows:?}");
    // "wanted to dispute that": the taggers find it, but "that" is nothing
    // a fact-checker could check, so it is not stored.
    assert!(
        rows.iter()
            .all(|r| r["claim_text"] != "that" && r["claimant_label"] != "that"),
        "{rows:?}"
    );
}

#[test]
fn what_a_body_says_through_spokespeople_and_reports_is_the_body_s() {
    let t = TestDir::new();
    who_claimed_in_article(
        &t,
        "<p>A spokesman for the Ministry of Commerce said exports of short dramas doubled in 2025.</p>\
         <p>Xinhua reported that the ministry said subsidies for dubbing would end in March.</p>\
         <p>Officials at the National Radio and Television Administration said reviews of imported series would take half as long.</p>\
         <p>iResearch's annual survey found that 40 percent of viewers watch micro-dramas every day.</p>",
    );
    // "What did the Ministry of Commerce claim?" answers with its
    // spokesman's words and with "the ministry said" as Xinhua reported it.
    let ministry = who_claimed_by(&t, "Ministry of Commerce");
    let said: Vec<(&str, &str)> = ministry
        .iter()
        .filter_map(|r| Some((r["claim_text"].as_str()?, r["reported_by"].as_str()?)))
        .collect();
    assert!(
        said.iter()
            .any(|(c, _)| c.starts_with("exports of short dramas doubled")),
        "{ministry:?}"
    );
    assert!(
        said.iter()
            .any(|(c, by)| c.starts_with("subsidies for dubbing")
                && by.starts_with("Xinhua News Agency ← ")),
        "{ministry:?}"
    );
    let nrta = who_claimed_by(&t, "国家广播电视总局");
    assert!(
        nrta.iter().any(|r| r["claim_text"]
            .as_str()
            .is_some_and(|c| c.starts_with("reviews of imported series"))),
        "{nrta:?}"
    );
    // A survey's finding is its publisher's, and the claim is the finding
    // without the "that" which joined it to "found".
    let iresearch = who_claimed_by(&t, "iResearch");
    assert!(
        iresearch
            .iter()
            .any(|r| r["claim_text"]
                .as_str()
                .is_some_and(|c| c.trim_end_matches('.')
                    == "40 percent of viewers watch micro-dramas every day")),
        "{iresearch:?}"
    );
}

#[test]
fn a_person_is_one_claimant_under_title_full_name_and_surname() {
    let t = TestDir::new();
    let rows = who_claimed_in_article(
        &t,
        "<p>Defense Secretary Mark Esper said the quotas for imported dramas will double next year.</p>\
         <p>“We will not wait for the platforms to act on their own,” Esper said on Tuesday.</p>\
         <p>Hillary Clinton and Bill Clinton met the producers in Hangzhou last week.</p>\
         <p>Mr. Clinton said the subsidies for the studios had been paid twice.</p>",
    );
    let claimed = |text: &str| claimants_of(&rows, text);
    assert_eq!(
        claimed("quotas for imported dramas"),
        ["Mark Esper"],
        "{rows:?}"
    );
    assert_eq!(claimed("act on their own"), ["Mark Esper"], "{rows:?}");
    // Two Clintons in the article: the claimant stays as written.
    assert_eq!(claimed("paid twice"), ["Mr. Clinton"], "{rows:?}");
    // The names the article used find the claimant too.
    for name in ["Esper", "Defense Secretary Mark Esper", "mark esper"] {
        let found = who_claimed_by(&t, name);
        assert_eq!(found.len(), 2, "{name}: {found:?}");
    }
}

#[test]
fn a_chinese_official_is_one_claimant_under_office_full_name_and_surname_with_title_and_a_panel_answer_is_its_speakers()
 {
    let t = TestDir::new();
    let rows = who_claimed_in_article(
        &t,
        "<p>（记者 张明）国家广播电视总局网络视听节目管理司司长冯胜勇表示，2025年微短剧出海规模将扩大到50个国家。</p>\
         <p>冯司长说，今年平台的审核标准将再提高30%。</p>\
         <p>应该说，微短剧市场的竞争仍然很激烈，但是2024年的收入已经超过500亿元。</p>\
         <p>郭正谊(中国科普研究所研究员)：所谓2024年造出的“永动机”违背了起码的物理学知识。</p>",
    );
    let claimed = |text: &str| claimants_of(&rows, text);
    assert_eq!(claimed("出海规模"), ["冯胜勇"], "{rows:?}");
    assert_eq!(claimed("审核标准"), ["冯胜勇"], "{rows:?}");
    // 应该说 is the writer's "it must be said", no one's claim: the writer
    // is the reporter the dateline credits, （记者 张明）.
    assert_eq!(claimed("竞争仍然很激烈"), ["张明"], "{rows:?}");
    // A panel's answer, name (who) and colon, is its speaker's.
    assert_eq!(claimed("违背了起码的物理学知识"), ["郭正谊"], "{rows:?}");
    // The forms the article used find him too.
    for name in [
        "冯胜勇",
        "冯司长",
        "国家广播电视总局网络视听节目管理司司长冯胜勇",
    ] {
        let found = who_claimed_by(&t, name);
        assert_eq!(found.len(), 2, "{name}: {found:?}");
    }
}

/// Ingests `file` with `--report`: the output (a success) and the report.
fn ingest_reported(
    t: &TestDir,
    file: &std::path::Path,
) -> (std::process::Output, serde_json::Value) {
    let report = t.path("report.json");
    let out = t
        .cmd()
        .arg("ingest")
        .arg(file)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_success(&out);
    let summary = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    (out, summary)
}

#[test]
fn a_page_of_one_attribution_repeated_is_read_up_to_the_cap_and_said_so() {
    // A hostile page: one attributed sentence thousands of times in one
    // paragraph. Past the cap only the first attributions are stored (the
    // memory per attribution stays bounded), and the run says so; the
    // repeated claim is one claim.
    let t = TestDir::new();
    let hostile = t.path("repeated.html");
    let sentence = "According to Xinhua, the state will fund micro-dramas heavily. ";
    std::fs::write(
        &hostile,
        format!(
            "<html><body><p>{}</p></body></html>",
            sentence.repeat(claimgraph::attribute::MAX_ATTRIBUTIONS + 50)
        ),
    )
    .unwrap();
    let (out, summary) = ingest_reported(&t, &hostile);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("repeated.html: more attributions than the 10000 read in one page"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("1 page with more than 10000 attributions stored with the first 10000 only"),
        "{stderr}"
    );
    assert_eq!(summary["capped_attributions"], 1, "{summary}");
    let out = t
        .cmd()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    assert_success(&out);
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["attributions"], 10_000, "{stats}");
    assert_eq!(stats["claims"], 1, "{stats}");
}

#[test]
fn a_page_in_neither_english_nor_chinese_gets_no_claims_whatever_it_declares() {
    let t = TestDir::new();
    // Portuguese declared as English, and English declared as German.
    let portuguese = t.path("pt.html");
    std::fs::write(
        &portuguese,
        "<html lang=\"en\"><head><title>Alfabetizar em casa</title></head><body><article>\
         <p>Segundo o ministério, 3 milhões de crianças aprenderam a ler em casa em 2024, e os pais disseram que o método funciona porque as atividades são simples.</p>\
         <p>Receba em seu email nosso guia com as cinco etapas para alfabetizar seus filhos em casa, um roteiro completo para pais que desejam ensinar a ler e escrever desde cedo.</p>\
         </article></body></html>",
    )
    .unwrap();
    let english = t.path("en.html");
    std::fs::write(
        &english,
        "<html lang=\"de\"><head><title>Subsidies</title></head><body><article>\
         <p>“The quotas will rise again next year,” Li Wei, a producer in Hangzhou, said after the meeting on Tuesday, and he added that the platforms would have to pay for it.</p>\
         </article></body></html>",
    )
    .unwrap();
    let (out, summary) = ingest_reported(&t, &portuguese);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(" 0 claims"), "{stderr}");
    // Said, and counted: a page stored without claims is not a page
    // without attributions.
    assert!(
        stderr.contains("1 page in neither English nor Chinese stored without claims"),
        "{stderr}"
    );
    assert_eq!(summary["unread_language"], 1, "{summary}");
    assert_eq!(summary["new_sources"], 1, "{summary}");
    let (out, summary) = ingest_reported(&t, &english);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("stored without claims"), "{stderr}");
    assert_eq!(summary["unread_language"], 0, "{summary}");
    let rows = who_claimed(&t);
    let claimants: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["claimant_label"].as_str())
        .collect();
    assert!(claimants.contains(&"Li Wei"), "{rows:?}");
}

#[test]
fn a_later_run_links_its_claims_to_near_duplicates_stored_before_it() {
    let t = TestDir::new();
    let write = |name, url, paragraphs: &[&str]| write_page(&t, name, url, paragraphs);
    let first = write("first.html", "https://news.example.com/a", &[P1, SAID]);
    let second = write("second.html", "https://other.example.org/b", &[RESAID]);
    let third = write("third.html", "https://third.example.net/c", &[P1]);
    let ingest = |page: &std::path::Path| ingest_page(&t, page);
    ingest(&first);
    // The first page's claims are only in the store and its index now.
    let stderr = ingest(&second);
    assert!(stderr.contains("1 near-duplicate links"), "{stderr}");
    assert_eq!(
        trail_urls(&t, "encouraged to translate their catalogues"),
        ["https://news.example.com/a", "https://other.example.org/b"]
            .map(String::from)
            .into(),
    );
    // Nothing near the stored claims: no link. The same claim again (its
    // own node) is no link either.
    let stderr = ingest(&third);
    assert!(stderr.contains(" 0 near-duplicate links"), "{stderr}");
    // Re-ingesting the second page changes nothing, and links nothing twice.
    let stderr = ingest(&second);
    assert!(stderr.contains(" 0 near-duplicate links"), "{stderr}");
}

#[test]
fn a_quote_carried_inside_a_longer_one_is_linked_and_a_changed_figure_is_not() {
    let t = TestDir::new();
    let write = |name, url, paragraph: &str| write_page(&t, name, url, &[paragraph]);
    let longer = SAID.replace(
        "catalogues.",
        "catalogues, and that studios would share a fund for dubbing them into Arabic, \
         Portuguese and Spanish before the end of the decade.",
    );
    let first = write("first.html", "https://news.example.com/a", SAID);
    let second = write("second.html", "https://other.example.org/b", &longer);
    let third = write(
        "third.html",
        "https://third.example.net/c",
        &SAID.replace("2035", "2030"),
    );
    let ingest = |page: &std::path::Path| ingest_page(&t, page);
    ingest(&first);
    // The first claim is found inside the second through the index.
    let stderr = ingest(&second);
    assert!(stderr.contains(" 1 near-duplicate links"), "{stderr}");
    let methods = |t: &TestDir| -> Vec<String> {
        let out = t
            .cmd()
            .args([
                "query",
                "PREFIX cg: <https://w3id.org/claimgraph/ns#> \
                 SELECT DISTINCT ?method WHERE { ?s cg:method ?method } ORDER BY ?method",
                "--format",
                "tsv",
            ])
            .output()
            .unwrap();
        assert_success(&out);
        stdout_of(&out).lines().skip(1).map(String::from).collect()
    };
    assert_eq!(methods(&t), ["\"containment-w3-c3\""]);
    // The same words with another year are another claim.
    let stderr = ingest(&third);
    assert!(stderr.contains(" 0 near-duplicate links"), "{stderr}");
}

#[test]
fn a_run_links_near_duplicates_across_its_batches() {
    // More pages than one batch holds (64): the first and the last are in
    // different batches, so the last finds the first through the index.
    let t = TestDir::new();
    let dir = t.path("pages");
    std::fs::create_dir(&dir).unwrap();
    for n in 0..66 {
        let text = match n {
            0 => SAID.to_string(),
            65 => RESAID.to_string(),
            n => format!("Page {n} lists the opening hours of library number {n}."),
        };
        let url = format!("https://news.example.com/{n}");
        std::fs::write(
            dir.join(format!("p{n:02}.html")),
            page(&url, "Notes", &[&text]),
        )
        .unwrap();
    }
    let out = t.cmd().arg("ingest").arg(&dir).output().unwrap();
    assert_success(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("66 new sources"), "{stderr}");
    assert!(stderr.contains(" 1 near-duplicate links"), "{stderr}");
    assert_eq!(
        trail_urls(&t, "encouraged to translate their catalogues"),
        ["https://news.example.com/0", "https://news.example.com/65"]
            .map(String::from)
            .into(),
    );
}

#[test]
fn eval_claims_measures_the_hand_marked_claims_of_an_annotated_source() {
    let t = TestDir::new();
    let out = t
        .cmd()
        .args([
            "eval",
            "claims",
            "sources/micro-drama-op-ed.toml",
            "--format",
            "json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_success(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["marked"], 16);
    let found = json["found"].as_u64().unwrap();
    assert!(found >= 13, "{json}");
    let out = t
        .cmd()
        .args([
            "eval",
            "claims",
            "sources/micro-drama-op-ed.toml",
            "--floor-recall",
            "0.99",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = t
        .cmd()
        .args(["eval", "claims", "no-such.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The source URLs of `claim-trail` for the claim worded `claim`.
/// Each line of a command's standard output, read as JSON.
/// `versions URL --format json`: the stored versions, oldest first.
fn stored_versions(t: &TestDir, url: &str) -> Vec<serde_json::Value> {
    let out = t
        .cmd()
        .args(["versions", url, "--format", "json"])
        .output()
        .unwrap();
    assert_success(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_array().unwrap().clone()
}

fn json_lines(out: &std::process::Output) -> Vec<serde_json::Value> {
    stdout_of(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Writes a page titled "Subtitles for export" of `paragraphs` as `name`.
fn write_page(t: &TestDir, name: &str, url: &str, paragraphs: &[&str]) -> std::path::PathBuf {
    let path = t.path(name);
    std::fs::write(&path, page(url, "Subtitles for export", paragraphs)).unwrap();
    path
}

/// Ingests one page, which must succeed; returns what it said on stderr.
fn ingest_page(t: &TestDir, page: &std::path::Path) -> String {
    let out = t.cmd().arg("ingest").arg(page).output().unwrap();
    assert_success(&out);
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn trail_urls(t: &TestDir, claim: &str) -> std::collections::BTreeSet<String> {
    let out = t
        .cmd()
        .args(["query", "--name", "claim-trail", "--param"])
        .arg(format!("claim={claim}"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_success(&out);
    values_of(&out.stdout)
        .iter()
        .filter_map(|r| r["url"].as_str().map(String::from))
        .collect()
}

/// The `who-claimed` rows of one claimant, named by any label or alias.
fn who_claimed_by(t: &TestDir, claimant: &str) -> Vec<serde_json::Value> {
    let out = t
        .cmd()
        .args(["query", "--name", "who-claimed", "--format", "json"])
        .arg("--param")
        .arg(format!("claimant={claimant}"))
        .output()
        .unwrap();
    assert_success(&out);
    values_of(&out.stdout)
}

/// Ingests one page whose article holds `paragraphs`, then the
/// `who-claimed` rows of the store.
fn who_claimed_in_article(t: &TestDir, paragraphs: &str) -> Vec<serde_json::Value> {
    let page = t.titled_page("quotas.html", "Quotas", paragraphs);
    let out = t.cmd().arg("ingest").arg(&page).output().unwrap();
    assert_success(&out);
    who_claimed(t)
}

/// The claimant labels of the `who-claimed` rows whose claim text holds
/// `text`.
fn claimants_of(rows: &[serde_json::Value], text: &str) -> Vec<String> {
    rows.iter()
        .filter(|r| r["claim_text"].as_str().is_some_and(|c| c.contains(text)))
        .filter_map(|r| r["claimant_label"].as_str().map(String::from))
        .collect()
}

#[test]
fn hostile_text_is_read_for_claims_without_failing_the_page() {
    // One endless sentence of unbalanced quotation marks and cue words, a
    // paragraph of nothing but punctuation, and thousands of transcript
    // turns and capitalised labels before colons: the page is stored,
    // claims or not, and the batch's good page too.
    let t = TestDir::new();
    let noise = "“ said ” according to , \" he told ‘ ".repeat(4_000);
    let turns: Vec<String> = (0..3_000)
        .map(|k| match k % 3 {
            0 => "\"PENCE: “ said ” he told".to_owned(),
            1 => "WALLACE: according to ‘".to_owned(),
            _ => format!("LABEL{}: said so", "X".repeat(k % 40)),
        })
        .collect();
    let mut paragraphs: Vec<&str> = vec![&noise];
    let punctuation = "。，“”".repeat(2_000);
    paragraphs.push(&punctuation);
    paragraphs.extend(turns.iter().map(String::as_str));
    let hostile = t.path("hostile.html");
    std::fs::write(
        &hostile,
        page("https://news.example.com/hostile", "Noise", &paragraphs),
    )
    .unwrap();
    let good = t.path("good.html");
    std::fs::write(
        &good,
        page("https://news.example.com/good", "Quotas", &[SAID]),
    )
    .unwrap();
    let out = t
        .cmd()
        .arg("ingest")
        .arg(&hostile)
        .arg(&good)
        .output()
        .unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 new sources"));
    let nrta = values_of(
        &t.cmd()
            .args(["query", "--name", "who-claimed", "--param"])
            .arg("claimant=National Radio and Television Administration")
            .args(["--format", "json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(nrta.len(), 1, "{nrta:?}");
}

#[test]
fn versions_takes_a_source_file_s_id_and_suggests_one_mistyped() {
    let t = TestDir::new();
    t.load(&["ontology/", "sources/"]);
    let out = t
        .cmd()
        .args(["versions", "micro-drama-op-ed"])
        .output()
        .unwrap();
    assert_success(&out);
    let text = stdout_of(&out);
    assert_eq!(
        text.lines().filter(|l| l.contains("/version/")).count(),
        1,
        "{text}"
    );
    let out = t
        .cmd()
        .args(["versions", "micro-drama-op"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("did you mean") && stderr.contains("micro-drama-op-ed"),
        "{stderr}"
    );
}

#[test]
fn a_page_with_bytes_its_encoding_cannot_decode_is_stored_and_named_with_the_offset() {
    let t = TestDir::new();
    let html = page(
        "https://news.example.com/stray-byte",
        "Stray byte",
        &[
            "Officials in Hangzhou said the “micro-drama” quota would rise — again.",
            P2,
        ],
    )
    .replace("<head>", "<head><meta charset=\"utf-8\">");
    // One byte that is no UTF-8, in a page otherwise UTF-8 throughout.
    let at = html.find("Officials").unwrap();
    let mut bytes = html.into_bytes();
    bytes.insert(at, 0xFF);
    let file = t.path("stray.html");
    std::fs::write(&file, &bytes).unwrap();

    let out = t.cmd().arg("extract").arg(&file).output().unwrap();
    assert_success(&out);
    let text = stdout_of(&out);
    assert!(
        text.contains(&format!("from offset {at} on are not valid")),
        "{text}"
    );
    assert!(
        text.contains("�Officials") && text.contains("“micro-drama”"),
        "{text}"
    );

    let report = t.path("report.json");
    let out = t
        .cmd()
        .arg("ingest")
        .arg(&file)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_success(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("stray.html") && stderr.contains(&format!("bytes from offset {at} on")),
        "{stderr}"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(report["decoding_notes"], 1, "{report}");
    assert_eq!(report["new_sources"], 1, "{report}");
}

#[test]
fn a_text_that_comes_back_is_the_latest_version_and_the_chain_stays_a_chain() {
    let t = TestDir::new();
    let url = "https://news.example.com/2025/06/back-again";
    let file = t.path("page.html");
    let ingest = |p2: &str| {
        std::fs::write(&file, page(url, "Back again", &[P1, p2])).unwrap();
        let out = t.cmd().arg("ingest").arg(&file).output().unwrap();
        assert_success(&out);
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    ingest(P2);
    ingest(P2_CHANGED);
    let stderr = ingest(P2);
    assert!(stderr.contains("1 new versions"), "{stderr}");
    let versions = stored_versions(&t, url);
    let json = serde_json::Value::from(versions.clone());
    assert_eq!(versions.len(), 3, "{json:#}");
    // The latest is the first text again, changed back from the second.
    let last = &versions[2];
    assert_eq!(last["revision_of"], versions[1]["version"], "{json:#}");
    assert_eq!(last["hash"], versions[0]["hash"]);
    assert_ne!(last["version"], versions[0]["version"]);
    let words = &last["changes"][0]["words"];
    assert_eq!(words[1]["text"], "2030", "{json:#}");
    assert_eq!(words[2]["text"], "2035", "{json:#}");
    // No version revises itself through others.
    t.cmd()
        .args(["query", "ASK { ?v prov:wasRevisionOf+ ?v }"])
        .assert()
        .code(1)
        .stdout("false\n");
    // Nothing more to store when it is read again.
    assert!(ingest(P2).contains("1 unchanged"));
}
