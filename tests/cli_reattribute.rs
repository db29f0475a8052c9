//! `claimgraph reattribute`: a store read with other settings is brought to
//! what an ingest finds now, a dry run writes nothing, a second run changes
//! nothing, a version is read for no more than its ingest chose (and an
//! ingest that reads claims reads a page stored without them), reviewed claims outlive their reattribution, near-duplicate
//! links to claims that are gone or that this build refuses are dropped,
//! and unknown sources are refused by name.

use crate::util::{TestDir, assert_success, stdout_of, who_claimed};
use claimgraph::store::{DataDir, OpenMode};
use claimgraph::vocab::cg;
use predicates::prelude::*;
use std::collections::BTreeSet;

const EXPORTS: &str = "<p>The Ministry of Commerce said exports of short dramas doubled in 2025.</p>\
    <p>ReelShort earned 490 million dollars from overseas viewers in the first half of 2025, \
    a figure that surprised analysts in Hangzhou and Shanghai.</p>";

const DUBBING: &str = "<p>Platforms said dubbing costs fell by half.</p>\
    <p>ReelShort earned 490 million dollars from overseas viewers in the first half of 2025, \
    a figure that surprised analysts in Hangzhou and Beijing.</p>";

/// Ingests a page holding `paragraphs` as `url`, with `flags`.
fn ingest(t: &TestDir, url: &str, paragraphs: &str, flags: &[&str]) {
    let page = t.titled_page("page.html", "Exports", paragraphs);
    let out = t
        .cmd()
        .arg("ingest")
        .arg(&page)
        .args(["--url", url])
        .args(flags)
        .output()
        .unwrap();
    assert_success(&out);
}

/// The store's `who-claimed` rows as (claimant, claim, quote); none when
/// it has no claims.
fn claims(t: &TestDir) -> BTreeSet<(String, String, String)> {
    let none = t
        .cmd()
        .args(["query", "SELECT ?a WHERE { GRAPH ?g { ?a a <https://w3id.org/claimgraph/ns#Attribution> } } LIMIT 1"])
        .args(["--format", "tsv"])
        .output()
        .unwrap();
    if stdout_of(&none).lines().count() < 2 {
        return BTreeSet::new();
    }
    who_claimed(t)
        .iter()
        .map(|r| {
            let v = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
            (v("claimant_label"), v("claim_text"), v("quote"))
        })
        .collect()
}

/// Runs `reattribute` with `args` and `--format json`; returns its report.
fn reattribute(t: &TestDir, args: &[&str]) -> serde_json::Value {
    let out = t
        .cmd()
        .arg("reattribute")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_success(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

fn near_duplicate_links(t: &TestDir) -> usize {
    let out = t
        .cmd()
        .args([
            "query",
            "PREFIX cg: <https://w3id.org/claimgraph/ns#> SELECT * WHERE { ?a cg:nearDuplicateOf ?b }",
            "--format",
            "tsv",
        ])
        .output()
        .unwrap();
    stdout_of(&out).lines().skip(1).count()
}

/// Two pages whose assertions about ReelShort are near-duplicates: the
/// second page's claim links to the first's.
fn two_linked_pages() -> TestDir {
    let t = TestDir::new();
    ingest(&t, "https://news.example/exports", EXPORTS, &[]);
    ingest(&t, "https://news.example/dubbing", DUBBING, &[]);
    assert_eq!(near_duplicate_links(&t), 1);
    t
}

fn check_passes(t: &TestDir) {
    let out = t.cmd().arg("check").output().unwrap();
    assert_success(&out);
}

#[test]
fn a_store_read_with_other_settings_is_brought_to_what_ingest_finds_now() {
    // The page's first version read without the article's own assertions,
    // as an older build would have read it differently; then a second
    // version of it. Reattributing with --override-ingest-choice reads
    // them as an ingest with the defaults reads them now.
    let t = TestDir::new();
    let url = "https://news.example/exports";
    let changed = EXPORTS.replace("doubled", "tripled");
    ingest(&t, url, EXPORTS, &["--no-author-assertions"]);
    ingest(&t, url, &changed, &["--no-author-assertions"]);
    let before = claims(&t);
    assert_eq!(before.len(), 2, "{before:?}");

    // A dry run lists the claim the latest version gains and writes nothing.
    let dry = reattribute(&t, &["--dry-run", "--override-ingest-choice"]);
    assert_eq!(dry["summary"]["versions"], 1, "{dry}");
    assert_eq!(dry["summary"]["changed"], 1, "{dry}");
    assert_eq!(dry["summary"]["claims_removed"], 0, "{dry}");
    let added = &dry["changes"][0]["added"];
    assert_eq!(added.as_array().map(Vec::len), Some(1), "{dry}");
    assert!(
        added[0]["claim"]
            .as_str()
            .is_some_and(|c| c.starts_with("ReelShort earned 490 million dollars")),
        "{dry}"
    );
    assert_eq!(dry["changes"][0]["url"], url);
    assert_eq!(claims(&t), before);
    // Every version when asked.
    let all = reattribute(
        &t,
        &["--dry-run", "--all-versions", "--override-ingest-choice"],
    );
    assert_eq!(all["summary"]["versions"], 2, "{all}");
    assert_eq!(all["summary"]["changed"], 2, "{all}");

    // The run stores what an ingest with the default settings stores.
    let run = reattribute(&t, &["--override-ingest-choice"]);
    assert_eq!(run["summary"]["changed"], 1, "{run}");
    let fresh = TestDir::new();
    ingest(&fresh, url, &changed, &[]);
    let now = claims(&t);
    // The first version's claim is still there (only the latest was read).
    let first_version: BTreeSet<_> = before.difference(&claims(&fresh)).cloned().collect();
    assert_eq!(first_version.len(), 1, "{before:?}");
    assert_eq!(
        now,
        claims(&fresh).union(&first_version).cloned().collect(),
        "reattributed: {now:#?}"
    );
    check_passes(&t);
    // A second run finds the store as it would write it.
    let again = reattribute(&t, &[]);
    assert_eq!(again["summary"]["changed"], 0, "{again}");
    assert_eq!(claims(&t), now);
}

#[test]
fn each_version_is_read_for_no_more_than_its_ingest_chose() {
    let t = TestDir::new();
    let (bare, partial) = ("https://news.example/bare", "https://news.example/partial");
    ingest(&t, bare, EXPORTS, &["--no-claims"]);
    ingest(&t, partial, DUBBING, &["--no-author-assertions"]);
    let stored = claims(&t);
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert!(
        stored.iter().all(|(who, _, _)| who == "Platforms"),
        "{stored:?}"
    );

    // reattribute keeps both choices: nothing changes, and the page read
    // for no claims is counted apart.
    let kept = reattribute(&t, &[]);
    assert_eq!(kept["summary"]["changed"], 0, "{kept}");
    assert_eq!(kept["summary"]["left_unread"], 1, "{kept}");
    assert_eq!(claims(&t), stored);

    // Asked to, it reads both pages for everything, as an ingest with the
    // defaults would.
    let dry = reattribute(&t, &["--override-ingest-choice", "--dry-run"]);
    assert_eq!(dry["summary"]["changed"], 2, "{dry}");
    assert_eq!(dry["summary"]["left_unread"], 0, "{dry}");
    assert_eq!(claims(&t), stored);
    let fresh = TestDir::new();
    ingest(&fresh, bare, EXPORTS, &[]);
    ingest(&fresh, partial, DUBBING, &[]);
    reattribute(&t, &["--override-ingest-choice"]);
    assert_eq!(claims(&t), claims(&fresh));
    // Now read for everything, the pages keep their claims, and fewer are
    // never asked for: --no-author-assertions drops them.
    let again = reattribute(&t, &[]);
    assert_eq!(again["summary"]["changed"], 0, "{again}");
    let fewer = reattribute(&t, &["--no-author-assertions"]);
    assert!(
        fewer["summary"]["claims_removed"].as_u64() > Some(0),
        "{fewer}"
    );
    assert_eq!(fewer["summary"]["claims_added"], 0, "{fewer}");
    check_passes(&t);
}

#[test]
fn an_unchanged_page_stored_without_claims_gets_them_from_an_ingest_that_reads_them() {
    let t = TestDir::new();
    let url = "https://news.example/exports";
    ingest(&t, url, EXPORTS, &["--no-claims"]);
    assert!(claims(&t).is_empty());
    // Again with --no-claims, or the text unchanged: nothing to read.
    ingest(&t, url, EXPORTS, &["--no-claims"]);
    assert!(claims(&t).is_empty());
    ingest(&t, url, EXPORTS, &[]);
    let fresh = TestDir::new();
    ingest(&fresh, url, EXPORTS, &[]);
    assert!(!claims(&fresh).is_empty());
    assert_eq!(claims(&t), claims(&fresh));
    // Claims once stored are not taken away by an ingest that reads none.
    ingest(&t, url, EXPORTS, &["--no-claims"]);
    assert_eq!(claims(&t), claims(&fresh));
    let reread = reattribute(&t, &[]);
    assert_eq!(reread["summary"]["changed"], 0, "{reread}");
    check_passes(&t);
}

#[test]
fn a_reviewed_claim_keeps_its_attribution_when_it_is_no_longer_found() {
    let t = two_linked_pages();
    let out = t
        .cmd()
        .args([
            "review",
            "Shanghai",
            "--rating",
            "Mostly true",
            "--by",
            "Fact Desk",
        ])
        .output()
        .unwrap();
    assert_success(&out);

    // Read without the articles' own assertions: both pages lose theirs,
    // except the one reviewed, which stays with its old attribution (so
    // its page's claims stay as they were; its graph records the reading).
    let run = reattribute(&t, &["--no-author-assertions"]);
    assert_eq!(run["summary"]["changed"], 2, "{run}");
    assert_eq!(run["summary"]["claims_removed"], 1, "{run}");
    assert_eq!(run["summary"]["reviewed_kept"], 1, "{run}");
    let texts: Vec<String> = claims(&t).into_iter().map(|(_, c, _)| c).collect();
    assert!(
        texts.iter().any(|c| c.ends_with("Hangzhou and Shanghai.")),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|c| c.ends_with("Hangzhou and Beijing.")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|c| c == "dubbing costs fell by half"));
    // The second page's link went with its claim.
    assert_eq!(near_duplicate_links(&t), 0);
    check_passes(&t);
    // The review still names a described claim: the CSV export, a row
    // per appearance with its verdicts, lists it with its verdict.
    let out = t
        .cmd()
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert_success(&out);
    let csv = stdout_of(&out);
    assert!(
        csv.lines()
            .any(|l| l.contains("Hangzhou and Shanghai") && l.contains("Mostly true")),
        "{csv}"
    );
}

#[test]
fn a_link_to_a_claim_no_longer_stored_is_dropped() {
    let t = two_linked_pages();
    // Only the first page is read again: its assertion goes, and the second
    // page's link to it with it; the second page's own claims stay.
    let run = reattribute(
        &t,
        &["https://news.example/exports", "--no-author-assertions"],
    );
    assert_eq!(run["summary"]["sources"], 1, "{run}");
    assert_eq!(run["summary"]["dangling_links_dropped"], 1, "{run}");
    assert_eq!(near_duplicate_links(&t), 0);
    let texts: Vec<String> = claims(&t).into_iter().map(|(_, c, _)| c).collect();
    assert!(
        texts.iter().any(|c| c.ends_with("Hangzhou and Beijing.")),
        "{texts:?}"
    );
    check_passes(&t);
}

#[test]
fn a_version_without_its_text_keeps_its_claims() {
    // A store whose version lost its text (written by hand, or loaded from
    // an export without texts): nothing to read, so nothing is rewritten.
    let t = TestDir::new();
    ingest(&t, "https://news.example/exports", EXPORTS, &[]);
    let before = claims(&t);
    {
        let data = DataDir::open(&t.data(), OpenMode::Existing).unwrap();
        let texts: Vec<_> = data
            .store()
            .quads_for_pattern(None, Some(cg::TEXT), None, None)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(texts.len(), 1);
        data.store().remove(&texts[0]).unwrap();
    }
    let run = reattribute(&t, &["--no-author-assertions"]);
    assert_eq!(run["summary"]["versions"], 1, "{run}");
    assert_eq!(run["summary"]["changed"], 0, "{run}");
    assert_eq!(claims(&t), before);
}

#[test]
fn an_unknown_source_or_a_missing_store_is_refused_by_name() {
    let t = TestDir::new();
    t.cmd()
        .arg("reattribute")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("data"));
    ingest(&t, "https://news.example/exports", EXPORTS, &[]);
    t.cmd()
        .args(["reattribute", "https://news.example/nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("https://news.example/nowhere"));
    // Nothing was changed by the refusal.
    let run = reattribute(&t, &["--dry-run"]);
    assert_eq!(run["summary"]["changed"], 0, "{run}");
}

/// The method and score of each near-duplicate link's record, sorted.
fn link_records(t: &TestDir) -> Vec<String> {
    let out = t
        .cmd()
        .args([
            "query",
            "PREFIX cg: <https://w3id.org/claimgraph/ns#> \
             SELECT ?m ?s WHERE { ?c cg:nearDuplicateOf ?o ; cg:hasSimilarity ?r . \
             ?r cg:similarClaim ?o ; cg:method ?m ; cg:score ?s }",
            "--format",
            "tsv",
        ])
        .output()
        .unwrap();
    assert_success(&out);
    let mut rows: Vec<String> = stdout_of(&out).lines().skip(1).map(str::to_owned).collect();
    rows.sort();
    rows
}

#[test]
fn links_this_build_refuses_are_dropped_and_the_others_scored_again() {
    let t = two_linked_pages();
    let linked_now = link_records(&t);
    assert_eq!(linked_now.len(), 1, "{linked_now:?}");
    // As an older build could have left them: the link's record with an
    // older method and score, and a link between two claims that state
    // different things.
    {
        let data = DataDir::open(&t.data(), OpenMode::Existing).unwrap();
        data.update(
            r##"PREFIX cg: <https://w3id.org/claimgraph/ns#>
            PREFIX schema: <http://schema.org/>
            DELETE { GRAPH ?g { ?r cg:score ?s ; cg:method ?m } }
            INSERT { GRAPH ?g { ?r cg:score 0.640 ; cg:method "minhash-w3-c3" } }
            WHERE { GRAPH ?g { ?c cg:hasSimilarity ?r . ?r cg:score ?s ; cg:method ?m } } ;
            INSERT { GRAPH ?g { ?a cg:nearDuplicateOf ?b ; cg:hasSimilarity ?r .
                ?r a cg:Similarity ; cg:similarClaim ?b ; cg:score 0.700 ; cg:method "minhash-w3-c3" } }
            WHERE {
                GRAPH ?g { ?a schema:text ?own . FILTER(STR(?own) = "dubbing costs fell by half") }
                GRAPH ?other { ?b schema:text ?t . FILTER(CONTAINS(?t, "doubled")) }
                BIND(IRI(CONCAT(STR(?a), "#similar-old")) AS ?r)
            }"##,
        )
        .unwrap();
    }
    assert_eq!(near_duplicate_links(&t), 2);

    // The dry run names the link it would drop, and writes nothing.
    let dry = reattribute(&t, &["--dry-run"]);
    assert_eq!(dry["summary"]["changed"], 1, "{dry}");
    assert_eq!(dry["summary"]["near_duplicate_links_dropped"], 1, "{dry}");
    assert_eq!(dry["summary"]["near_duplicate_links_rescored"], 1, "{dry}");
    assert_eq!(dry["summary"]["claims_removed"], 0, "{dry}");
    assert_eq!(dry["summary"]["claims_added"], 0, "{dry}");
    let dropped = &dry["changes"][0]["links_dropped"][0];
    assert_eq!(dropped["claim"], "dubbing costs fell by half", "{dry}");
    assert!(
        dropped["near_duplicate"]
            .as_str()
            .is_some_and(|c| c.contains("doubled")),
        "{dry}"
    );
    assert_eq!(near_duplicate_links(&t), 2);

    // The run keeps the link this build finds, as this build scores it.
    let run = reattribute(&t, &[]);
    assert_eq!(run["summary"]["changed"], 1, "{run}");
    assert_eq!(near_duplicate_links(&t), 1);
    assert_eq!(link_records(&t), linked_now);
    check_passes(&t);
    let again = reattribute(&t, &[]);
    assert_eq!(again["summary"]["changed"], 0, "{again}");
    assert_eq!(
        again["summary"]["near_duplicate_links_dropped"], 0,
        "{again}"
    );
}

/// Removes every near-duplicate link and its similarity record from the
/// store, as a build that linked nothing would have left it.
fn forget_links(t: &TestDir) {
    let data = DataDir::open(&t.data(), OpenMode::Existing).unwrap();
    data.update(
        r#"PREFIX cg: <https://w3id.org/claimgraph/ns#>
        DELETE { GRAPH ?g { ?c cg:nearDuplicateOf ?o ; cg:hasSimilarity ?r . ?r ?p ?v } }
        WHERE { GRAPH ?g { ?c cg:nearDuplicateOf ?o ; cg:hasSimilarity ?r . ?r ?p ?v } }"#,
    )
    .unwrap();
}

#[test]
fn a_pair_an_older_build_left_unlinked_is_linked_once() {
    let t = two_linked_pages();
    let linked_now = link_records(&t);
    // As a build that did not see the pair as near-duplicates left it.
    forget_links(&t);
    assert_eq!(near_duplicate_links(&t), 0);
    let dry = reattribute(&t, &["--dry-run"]);
    assert_eq!(dry["summary"]["near_duplicates"], 1, "{dry}");
    assert_eq!(dry["summary"]["changed"], 1, "{dry}");
    assert_eq!(dry["changes"][0]["links_added"], 1, "{dry}");
    assert_eq!(near_duplicate_links(&t), 0);
    // Both pages are read again, and each claim finds the other: the pair
    // gets one link, not one each way.
    let run = reattribute(&t, &[]);
    assert_eq!(run["summary"]["near_duplicates"], 1, "{run}");
    assert_eq!(near_duplicate_links(&t), 1);
    assert_eq!(link_records(&t), linked_now);
    let again = reattribute(&t, &[]);
    assert_eq!(again["summary"]["changed"], 0, "{again}");
    check_passes(&t);
}

#[test]
fn a_claim_in_two_pages_is_linked_at_once_whatever_the_order() {
    // The ReelShort claim stands in two pages of the same words, and its
    // near-duplicate in a third. Reading the pages again after their links
    // are lost links the same pair of claims as the ingest did (in the
    // direction the reading order gives, once per page that holds the
    // linking claim), and a second run finds nothing to add.
    for urls in [
        [
            "https://a.example/1",
            "https://b.example/2",
            "https://c.example/3",
        ],
        [
            "https://c.example/3",
            "https://b.example/2",
            "https://a.example/1",
        ],
        [
            "https://b.example/2",
            "https://a.example/1",
            "https://c.example/3",
        ],
    ] {
        let t = TestDir::new();
        ingest(&t, urls[0], EXPORTS, &[]);
        ingest(&t, urls[1], EXPORTS, &[]);
        ingest(&t, urls[2], DUBBING, &[]);
        let fresh = linked_pairs(&t);
        assert_eq!(fresh.len(), 1, "{urls:?}");
        forget_links(&t);
        let run = reattribute(&t, &[]);
        assert!(
            run["summary"]["near_duplicates"].as_u64() >= Some(1),
            "{urls:?}: {run}"
        );
        let again = reattribute(&t, &[]);
        assert_eq!(again["summary"]["changed"], 0, "{urls:?}: {again}");
        assert_eq!(linked_pairs(&t), fresh, "{urls:?}");
        check_passes(&t);
    }
}

/// The pairs of claims linked as near-duplicates, either way round.
fn linked_pairs(t: &TestDir) -> BTreeSet<(String, String)> {
    let out = t
        .cmd()
        .args([
            "query",
            "PREFIX cg: <https://w3id.org/claimgraph/ns#> \
             SELECT ?a ?b WHERE { ?a cg:nearDuplicateOf ?b }",
            "--format",
            "tsv",
        ])
        .output()
        .unwrap();
    assert_success(&out);
    stdout_of(&out)
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| {
            let (a, b) = (a.to_owned(), b.to_owned());
            if a < b { (a, b) } else { (b, a) }
        })
        .collect()
}
