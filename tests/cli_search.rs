//! `claimgraph search`, `reindex`, the full-text SERVICE inside SPARQL, and
//! the index staying consistent with the store through a crash.

use crate::util::{TestDir, assert_success, json_rows, stdout_of};
use predicates::prelude::*;

fn loaded() -> TestDir {
    let t = TestDir::new();
    t.load(&["ontology", "sources", "tests/data/trail"]);
    t
}

/// The rows of `search ARGS --format json` (none when nothing is found).
fn search_rows(t: &TestDir, args: &[&str]) -> Vec<serde_json::Value> {
    let out = t
        .cmd()
        .arg("search")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    if out.status.code() == Some(1) {
        return Vec::new();
    }
    json_rows(&out)
}

fn claim_texts(rows: &[serde_json::Value]) -> Vec<String> {
    let mut texts: Vec<String> = rows
        .iter()
        .map(|r| r["claim_text"]["value"].as_str().unwrap().to_owned())
        .collect();
    texts.sort();
    texts.dedup();
    texts
}

#[test]
fn chinese_and_english_words_find_the_op_eds_micro_drama_claims() {
    let t = loaded();
    let search = |q: &str| {
        claim_texts(&json_rows(
            &t.cmd()
                .args(["search", q, "--format", "json", "--limit", "50"])
                .output()
                .unwrap(),
        ))
    };
    let english = search("micro-drama");
    let chinese = search("微短剧");
    for expected in [
        "A micro-drama is a vertical-format video series of 60 to 100 episodes of two to five minutes each",
        "By 2024 China's domestic micro-drama market had generated revenue in the tens of billions of yuan",
    ] {
        assert!(
            english.iter().any(|c| c == expected),
            "micro-drama misses {expected:?}: {english:#?}"
        );
        assert!(
            chinese.iter().any(|c| c == expected),
            "微短剧 misses {expected:?}: {chinese:#?}"
        );
    }
    // Matched through the subjects' Chinese names, the snippet falls back to the quote.
    let rows = json_rows(
        &t.cmd()
            .args(["search", "微短剧", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert!(
        rows.iter()
            .all(|r| !r["snippet"]["value"].as_str().unwrap_or("").is_empty()),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .all(|r| r["score"]["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal")
    );
    // Stemming: the plural finds the same claims.
    assert_eq!(search("micro-dramas"), english);
}

#[test]
fn a_chinese_compound_and_its_parts_highlight_without_failing() {
    let t = TestDir::new();
    std::fs::create_dir_all(t.path("zh")).unwrap();
    std::fs::write(
        t.path("zh/boxoffice.toml"),
        r#"id = "boxoffice"
headline = "票房"
language = "zh"
text = """微短剧收入首次超过电影票房。人工智能推动文化产业发展。"""
[[claim]]
quote = "微短剧收入首次超过电影票房"
claim = "微短剧收入首次超过电影票房"
claimant = "新华社"
kind = "indirect"
[[claim]]
quote = "人工智能推动文化产业发展"
claim = "人工智能推动文化产业发展"
claimant = "新华社"
kind = "indirect"
"#,
    )
    .unwrap();
    let zh = t.path("zh");
    t.load(&["ontology", zh.to_str().unwrap()]);
    for (query, marked) in [
        ("电影票房", "«电影票房»"),
        ("人工智能", "«人工智能»"),
        ("文化产业", "«文化产业»"),
    ] {
        let out = t
            .cmd()
            .args(["search", query, "--format", "json"])
            .output()
            .unwrap();
        assert_success(&out);
        let rows = json_rows(&out);
        assert_eq!(rows.len(), 1, "{query}: {rows:#?}");
        let snippet = rows[0]["snippet"]["value"].as_str().unwrap();
        assert!(snippet.contains(marked), "{query}: {snippet}");
    }
}

#[test]
fn results_carry_claimant_chain_source_date_and_a_highlighted_snippet() {
    let t = loaded();
    let rows = json_rows(
        &t.cmd()
            .args(["search", "cultural exporter", "--format", "json"])
            .output()
            .unwrap(),
    );
    let reuters = rows
        .iter()
        .find(|r| r["reported_by"]["value"] == "Xinhua News Agency ← Reuters ← Caixin")
        .expect("the recap");
    assert_eq!(reuters["claimant"]["value"], "Chinese government");
    assert_eq!(reuters["date"]["value"], "2024-06-01T09:30:00Z");
    assert!(
        reuters["snippet"]["value"]
            .as_str()
            .unwrap()
            .contains("«exporter»"),
        "{reuters}"
    );
    assert!(
        reuters["score"]["value"]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap()
            > 0.0
    );
}

#[test]
fn filters_by_claimant_reporter_language_and_date() {
    let t = loaded();
    let claimants = |args: &[&str]| -> Vec<String> {
        let mut c: Vec<String> = search_rows(&t, args)
            .iter()
            .map(|r| r["claimant"]["value"].as_str().unwrap().to_owned())
            .collect();
        c.dedup();
        c
    };
    assert_eq!(
        claimants(&["exporter", "--claimant", "国务院"]),
        ["State Council"]
    );
    assert_eq!(
        claimants(&[
            "exporter",
            "--claimant",
            "chinese-government",
            "--reporter",
            "Reuters"
        ]),
        ["Chinese government"]
    );
    assert_eq!(claimants(&["exporter", "--lang", "zh"]), ["State Council"]);
    assert_eq!(
        claimants(&["exporter", "--since", "2024-04", "--until", "2025"]),
        ["Chinese government"]
    );
    assert!(claimants(&["exporter", "--until", "2024-03-01"]).is_empty());
    let out = t
        .cmd()
        .args(["search", "micro-drama", "--limit", "2", "--format", "tsv"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out).lines().count(), 3, "a header and two rows");
}

#[test]
fn a_search_for_everything_lists_claims_only() {
    let t = loaded();
    let rows = |args: &[&str]| -> Vec<String> {
        let out = t
            .cmd()
            .arg("search")
            .args(["--format", "tsv", "--limit", "10000"])
            .args(args)
            .output()
            .unwrap();
        stdout_of(&out).lines().skip(1).map(str::to_owned).collect()
    };
    let all = rows(&["*"]);
    // Every attribution stored, and nothing of the index's paragraph and
    // entity documents (which have no claim).
    let out = t
        .cmd()
        .args([
            "query",
            "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a cg:Attribution }",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let stored: usize = stdout_of(&out)
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(all.len(), stored, "{all:#?}");
    assert!(
        all.iter()
            .all(|r| r.split('\t').nth(2).is_some_and(|c| c.len() > 2))
    );
    let without = rows(&["--", "* -Beijing"]);
    assert!(
        !without.is_empty() && without.len() < all.len(),
        "{without:#?}"
    );
}

#[test]
fn bad_search_input_is_explained() {
    let t = loaded();
    t.cmd()
        .args(["search", "nothing-like-this-anywhere"])
        .assert()
        .code(1);
    t.cmd()
        .args(["search", "  "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to search for"));
    t.cmd()
        .args(["search", "x", "--limit", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--limit"));
    t.cmd()
        .args(["search", "AND"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("search syntax error"));
    let huge = "微短剧".repeat(3000);
    t.cmd().args(["search", &huge]).assert().code(1);
    t.cmd()
        .args(["search", "funding", "--claimant", "Xinhau"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such entity").and(predicate::str::contains("Xinhua")));
    // A claimant is suggested for one word of its name.
    t.cmd()
        .args(["search", "funding", "--claimant", "Morning"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("did you mean")
                .and(predicate::str::contains("South China Morning Post")),
        );
    t.cmd()
        .args(["search", "x", "--since", "last week"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--since"));
    t.cmd()
        .args(["search", "x", "--since", "2025", "--until", "2024"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--since 2025 is not before --until 2024",
        ));
    t.cmd()
        .args(["search", "field_that_does_not_exist:x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("search syntax error"));
    // A limit past any index is as many as there are, not a crash.
    t.cmd()
        .args(["search", "funding", "--limit", &u64::MAX.to_string()])
        .assert()
        .success();
    let service = |limit: &str| {
        t.cmd()
            .arg("query")
            .arg(format!(
                "SELECT ?c WHERE {{ SERVICE cg:search {{ ?c cg:matches \"funding\" ; cg:limit {limit} }} }}"
            ))
            .output()
            .unwrap()
    };
    assert_success(&service(&u64::MAX.to_string()));
    let out = service("-5");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cg:limit takes a whole number"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_language_filter_takes_in_its_regional_tags() {
    let t = loaded();
    let page = t.path("page.html");
    std::fs::write(
        &page,
        r#"<!doctype html><html lang="en-US"><head><title>Subsidies for short dramas</title>
<link rel="canonical" href="https://news.example.com/2025/07/subsidies"></head><body><article>
<h1>Subsidies for short dramas</h1>
<p>The Ministry of Culture and Tourism said that provincial subsidies for vertical short dramas
would double next year, according to a notice published on its website.</p>
<p>Producers interviewed for this story described the grants as small but welcome.</p>
</article></body></html>"#,
    )
    .unwrap();
    assert_success(&t.cmd().arg("ingest").arg(&page).output().unwrap());
    let found = |lang: &str| -> bool {
        let out = t
            .cmd()
            .args(["search", "subsidies", "--format", "json", "--lang", lang])
            .output()
            .unwrap();
        if out.status.code() == Some(1) {
            return false;
        }
        json_rows(&out).iter().any(|r| {
            r["claim_text"]["value"]
                .as_str()
                .is_some_and(|c| c.contains("subsidies"))
        })
    };
    // The page says en-US; --lang en is English, whatever the region.
    assert!(found("en"));
    assert!(!found("zh"));
}

#[test]
fn full_text_joins_the_graph_inside_sparql() {
    let t = loaded();
    let query = "SELECT ?claim ?score ?who WHERE {
        SERVICE cg:search { ?claim cg:matches \"exporter\" ; cg:score ?score ; cg:claimant ?who }
        ?who a schema:GovernmentOrganization .
    } ORDER BY DESC(?score)";
    let rows = json_rows(
        &t.cmd()
            .args(["query", "--format", "json", query])
            .output()
            .unwrap(),
    );
    let mut who: Vec<&str> = rows
        .iter()
        .map(|r| r["who"]["value"].as_str().unwrap())
        .collect();
    who.sort();
    assert_eq!(
        who,
        [
            "https://w3id.org/claimgraph/id/entity/chinese-government",
            "https://w3id.org/claimgraph/id/entity/chinese-government",
            "https://w3id.org/claimgraph/id/entity/state-council",
            // "exporter" is stemmed to "export", which the State Council's
            // other claim contains.
            "https://w3id.org/claimgraph/id/entity/state-council",
        ]
    );
    // A hostile search text is only ever a literal.
    let out = t
        .cmd()
        .args([
            "query",
            "--name",
            "state-bodies-matching",
            "--param",
            "text=\" } ?x ?y ?z { \"",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(0),
        "no match, or a search syntax error, never injected SPARQL"
    );
    // Inside FILTER EXISTS the SERVICE is answered per row by the handler.
    // It agrees with the inlined SERVICE (DISTINCT: a claim typed in three
    // sources' graphs appears three times in the union default graph).
    let exists = "SELECT DISTINCT ?c WHERE { ?c a schema:Claim FILTER EXISTS { SERVICE cg:search { ?c cg:matches \"exporter\" } } }";
    let inlined = "SELECT DISTINCT ?c WHERE { SERVICE cg:search { ?c cg:matches \"exporter\" } }";
    let claims = |q: &str| {
        let out = t
            .cmd()
            .args(["query", "--format", "json", q])
            .output()
            .unwrap();
        let mut c: Vec<String> = json_rows(&out)
            .iter()
            .map(|r| r["c"]["value"].to_string())
            .collect();
        c.sort();
        c
    };
    let by_handler = claims(exists);
    assert!(!by_handler.is_empty());
    assert_eq!(by_handler, claims(inlined));
    // SERVICE SILENT swallows a bad pattern: no rows.
    t.cmd()
        .args([
            "query",
            "SELECT ?c WHERE { SERVICE SILENT cg:search { ?c cg:nonsense 1 } }",
        ])
        .assert()
        .code(1);
    let bad = t
        .cmd()
        .args([
            "query",
            "SELECT ?c WHERE { SERVICE cg:search { ?c cg:nonsense 1 } }",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unsupported predicate"));
}

#[test]
fn a_crash_between_store_and_index_commits_is_repaired_on_next_open() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    // The load dies (SIGKILL) right after the store commits, before the index does.
    let out = t
        .cmd()
        .env(claimgraph::store::FAILPOINT_ENV, "after-store-commit")
        .args(["load", "sources"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), None, "killed by a signal: {out:?}");
    // The index on disk is behind the store.
    let index = claimgraph::index::FullText::open(&t.data().join("index")).unwrap();
    let behind = index.generation().unwrap().unwrap();
    drop(index);
    // The next open notices, rebuilds from the store, and the claims are found.
    t.cmd()
        .args(["search", "micro-drama"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "the full-text index reflected store generation {behind}"
        )))
        .stdout(predicate::str::contains("vertical-format"));
    t.cmd()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("ok   index-agrees-with-store"));
}

#[test]
fn unchanged_reloads_do_not_touch_the_index_and_reindex_rebuilds_it() {
    let t = loaded();
    let generation = || {
        let index = claimgraph::index::FullText::open(&t.data().join("index")).unwrap();
        index.generation().unwrap()
    };
    let before = generation();
    t.load(&["ontology", "sources", "tests/data/trail"]);
    assert_eq!(generation(), before, "no write, no new index commit");
    t.cmd()
        .arg("reindex")
        .assert()
        .success()
        .stderr(predicate::str::contains("documents at store generation"));
    t.cmd().args(["search", "微短剧"]).assert().success();
}

#[test]
fn the_benchmark_runs_and_its_three_ways_agree() {
    let t = TestDir::new();
    let out = t
        .cmd()
        .args([
            "bench",
            "--claims",
            "400",
            "--runs",
            "2",
            "--filter-runs",
            "1",
            "--json",
            "--dir",
        ])
        .arg(t.path("bench"))
        .output()
        .unwrap();
    assert_success(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = |k: &str| report[k]["rows"].as_u64().unwrap();
    assert_eq!(rows("search"), rows("sparql_service"), "{report}");
    for other in [
        "sparql_service_with_store_labels",
        "sparql_filter_contains",
        "sparql_filter_scan_only",
    ] {
        assert_eq!(rows("sparql_service"), rows(other), "{other}: {report}");
    }
    assert!(report["documents"].as_u64().unwrap() >= 400, "{report}");
    t.cmd()
        .args(["bench", "--claims", "10", "--dir"])
        .arg(t.path("bench"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not empty"));
}

#[test]
fn an_index_with_another_schema_is_rebuilt_from_the_store() {
    let t = loaded();
    // Replace the index by one with a different schema, as an older
    // claimgraph would have left it.
    let index_dir = t.data().join("index");
    std::fs::remove_dir_all(&index_dir).unwrap();
    std::fs::create_dir(&index_dir).unwrap();
    let mut builder = tantivy::schema::Schema::builder();
    builder.add_text_field("something_else", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(&index_dir, builder.build()).unwrap();
    t.cmd()
        .args(["search", "微短剧"])
        .assert()
        .success()
        .stderr(predicate::str::contains("written with another schema"))
        .stdout(predicate::str::contains("vertical-format"));
    t.cmd().arg("check").assert().success();
}

#[test]
fn a_claim_standing_in_two_versions_of_a_source_is_one_hit() {
    let t = TestDir::new();
    let page = |file: &str, verb: &str| {
        t.titled_page(
            file,
            "Funding news",
            &format!(
                "<p>According to Xinhua, the state will fund micro-dramas heavily next year.</p>\
                 <p>The ministry said exports to Brazil {verb}.</p>"
            ),
        )
    };
    let (first, second) = (page("a.html", "doubled"), page("b.html", "tripled"));
    for p in [&first, &second] {
        t.cmd()
            .args(["ingest", "--url", "https://example.org/a", "--quiet"])
            .arg(p)
            .assert()
            .success();
    }
    let rows = json_rows(
        &t.cmd()
            .args(["search", "*", "--format", "json"])
            .output()
            .unwrap(),
    );
    // Every row, repeats included (claim_texts leaves repeats out).
    let mut texts: Vec<&str> = rows
        .iter()
        .map(|r| r["claim_text"]["value"].as_str().unwrap())
        .collect();
    texts.sort();
    assert_eq!(
        texts,
        [
            "exports to Brazil doubled.",
            "exports to Brazil tripled.",
            "the state will fund micro-dramas heavily next year"
        ],
        "{rows:?}"
    );
    // The limit counts rows shown, not the repeats left out.
    let rows = json_rows(
        &t.cmd()
            .args(["search", "*", "--limit", "2", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(claim_texts(&rows).len(), 2, "{rows:?}");
}

#[test]
fn the_names_a_result_shows_filter_it() {
    let t = loaded();
    let page = t.path("page.html");
    std::fs::write(
        &page,
        r#"<!doctype html><html lang="en"><head><title>Subsidies for short dramas</title>
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://news.example.com/2025/07/plan"></head><body><article>
<h1>Subsidies for short dramas</h1>
<p>People familiar with the plan said the Ministry of Culture and Tourism would double
subsidies for vertical short dramas next year.</p>
<p>Producers interviewed for this story described the grants as small but welcome.</p>
</article></body></html>"#,
    )
    .unwrap();
    assert_success(&t.cmd().arg("ingest").arg(&page).output().unwrap());
    let rows = |args: &[&str]| -> Vec<(String, String)> {
        search_rows(&t, args)
            .iter()
            .map(|r| {
                (
                    r["claimant"]["value"].as_str().unwrap_or("").to_owned(),
                    r["reported_by"]["value"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    // As shown in the claimant column, in any case.
    for name in [
        "people familiar with the plan",
        "People Familiar With The Plan",
    ] {
        let found = rows(&["subsidies", "--claimant", name]);
        assert!(
            !found.is_empty() && found.iter().all(|(c, _)| c.eq_ignore_ascii_case(name)),
            "{name}: {found:?}"
        );
    }
    // As shown at the end of the reporter chain: the publisher.
    let found = rows(&["subsidies", "--reporter", "Example Wire"]);
    assert!(
        !found.is_empty() && found.iter().all(|(_, r)| r.ends_with("Example Wire")),
        "{found:?}"
    );
    assert!(rows(&["subsidies", "--reporter", "Reuters"]).is_empty());
}
