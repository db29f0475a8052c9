//! `claimgraph review` and `export --format claimreview`: verdicts on the
//! op-ed's claims, recorded, updated, refused when they name nothing, and
//! exported as ClaimReview JSON-LD that reads back as the same triples.

use crate::util::{TestDir, assert_success, stdout_of};
use claimgraph::store::{DataDir, OpenMode};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::{NamedNode, Triple};
use predicates::prelude::*;
use std::collections::HashSet;

fn with_op_ed() -> TestDir {
    let t = TestDir::new();
    t.load(&["ontology/", "sources/"]);
    t
}

fn review(t: &TestDir, args: &[&str]) -> std::process::Output {
    t.cmd().arg("review").args(args).output().unwrap()
}

/// `export --format claimreview`, asserted to succeed.
fn export_output(t: &TestDir) -> std::process::Output {
    let out = t
        .cmd()
        .args(["export", "--format", "claimreview"])
        .output()
        .unwrap();
    assert_success(&out);
    out
}

fn export(t: &TestDir) -> serde_json::Value {
    serde_json::from_slice(&export_output(t).stdout).unwrap()
}

#[test]
fn a_review_without_url_or_date_is_exported_with_a_warning() {
    let claim = [
        "major cultural exporter",
        "--rating",
        "False",
        "--by",
        "Fact Desk",
    ];
    let completed = [
        &claim[..],
        &[
            "--url",
            "https://factdesk.example/checks/2035",
            "--date",
            "2026-11-30",
        ],
    ]
    .concat();
    let t = with_op_ed();
    assert_success(&review(&t, &claim));
    let stderr = String::from_utf8_lossy(&export_output(&t).stderr).into_owned();
    assert!(
        stderr.contains("has no url and datePublished") && stderr.contains("--url URL --date DATE"),
        "{stderr}"
    );
    // A review with both: no warning.
    let t = with_op_ed();
    assert_success(&review(&t, &completed));
    let stderr = String::from_utf8_lossy(&export_output(&t).stderr).into_owned();
    assert!(!stderr.contains("has no"), "{stderr}");

    // Recorded without them, then again with them as the warning says: the
    // one review, completed, and no warning.
    let t = with_op_ed();
    assert_success(&review(&t, &claim));
    assert_success(&review(&t, &completed));
    let out = export_output(&t);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("has no"), "{stderr}");
    let stdout = stdout_of(&out);
    assert_eq!(stdout.matches("\"ClaimReview\"").count(), 1, "{stdout}");
    // A second fact-check of the claim, at another address, is another review.
    let other = [
        &claim[..],
        &[
            "--url",
            "https://factdesk.example/checks/2040",
            "--date",
            "2026-12-01",
        ],
    ]
    .concat();
    assert_success(&review(&t, &other));
    let stdout = stdout_of(&export_output(&t));
    assert_eq!(stdout.matches("\"ClaimReview\"").count(), 2, "{stdout}");
}

#[test]
fn a_verdict_keeps_the_publishers_label_and_its_point_on_the_scale() {
    let t = with_op_ed();
    let out = review(
        &t,
        &[
            "major cultural exporter",
            "--rating",
            "Misleading",
            "--by",
            "Fact Desk",
            "--url",
            "https://factdesk.example/checks/2035",
            "--date",
            "2026-11-30",
            "--format",
            "json",
        ],
    );
    assert_success(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["claim_text"],
        "China aims to become a major cultural exporter by 2035"
    );
    assert_eq!(json["rating"], "Misleading");
    assert_eq!(json["normalised"], "mixed");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("not in the gazetteer"), "{stderr}");
    assert_eq!(json["replaced"], serde_json::Value::Null);

    let doc = export(&t);
    let reviews = doc["@graph"].as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    let r = &reviews[0];
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["url"], "https://factdesk.example/checks/2035");
    assert_eq!(r["datePublished"], "2026-11-30");
    assert_eq!(r["author"]["name"], "Fact Desk");
    assert_eq!(r["reviewRating"]["alternateName"], "Misleading");
    assert_eq!(r["reviewRating"]["ratingValue"], 3);
    assert_eq!(
        r["reviewRating"]["cg:normalisedRating"]["@id"],
        "https://w3id.org/claimgraph/ns#RatingMixed"
    );
    let claim = &r["itemReviewed"];
    assert_eq!(claim["@type"], "Claim");
    assert_eq!(claim["author"]["name"], "Chinese government");
    assert_eq!(claim["appearance"]["@type"], "OpinionNewsArticle");

    // The same claim, organisation and URL again: the verdict is updated,
    // not added.
    let out = review(
        &t,
        &[
            "major cultural exporter",
            "--rating",
            "Mostly True",
            "--by",
            "Fact Desk",
            "--url",
            "https://factdesk.example/checks/2035",
        ],
    );
    assert_success(&out);
    // ... and the reviewer is told which verdict it replaced.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("replaces Fact Desk's earlier verdict on the claim, \"Misleading\""),
        "{stderr}"
    );
    let doc = export(&t);
    let reviews = doc["@graph"].as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "Mostly True");
    assert_eq!(reviews[0]["reviewRating"]["ratingValue"], 4);
}

#[test]
fn the_claimreview_export_reads_back_as_the_same_triples() {
    let t = with_op_ed();
    for (claim, rating, by) in [
        ("major cultural exporter", "Mostly True", "Fact Desk"),
        ("Beijing is using direct funding", "部分錯誤", "Fact Desk"),
        ("tens of billions of yuan", "Unproven", "scmp"),
    ] {
        let out = review(&t, &[claim, "--rating", rating, "--by", by]);
        assert_success(&out);
        // The organisation by the name given, the second time too.
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(&format!(" by {by}\n")),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let out = t
        .cmd()
        .args(["export", "--format", "claimreview"])
        .output()
        .unwrap();
    assert_success(&out);
    let read: HashSet<Triple> = claimgraph::rdf_file::parse_rdf(
        &out.stdout,
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        &NamedNode::new_unchecked("https://example.org/read-back"),
        std::path::Path::new("reviews.jsonld"),
        None,
    )
    .unwrap()
    .into_iter()
    .map(|q| Triple::new(q.subject, q.predicate, q.object))
    .collect();
    let data = DataDir::open(&t.data(), OpenMode::Existing).unwrap();
    let (roots, triples) = claimgraph::exchange::claimreview::view(data.store()).unwrap();
    assert_eq!(roots.len(), 3);
    let expected: HashSet<Triple> = triples.into_iter().collect();
    assert_eq!(read, expected);
    // An unverifiable verdict has no numeric rating.
    let text = stdout_of(&out);
    assert_eq!(text.matches("\"ratingValue\"").count(), 2, "{text}");
}

#[test]
fn a_claim_rating_or_date_that_names_nothing_is_refused_with_suggestions() {
    let t = with_op_ed();
    // Several claims contain the words: they are listed.
    t.cmd()
        .args(["review", "China", "--rating", "False", "--by", "Fact Desk"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("matches several claims")
                .and(predicate::str::contains("major cultural exporter by 2035")),
        );
    // No claim has the text: the most similar are suggested.
    t.cmd()
        .args([
            "review",
            "cultural exporter by 2040",
            "--rating",
            "False",
            "--by",
            "Fact Desk",
        ])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no claim matches")
                .and(predicate::str::contains("did you mean"))
                .and(predicate::str::contains("major cultural exporter by 2035")),
        );
    // A label the scale does not know: suggestions and the way out.
    t.cmd()
        .args([
            "review",
            "major cultural exporter",
            "--rating",
            "Missleading",
            "--by",
            "Fact Desk",
        ])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("Misleading").and(predicate::str::contains("--normalised")),
        );
    // … which --normalised gives.
    t.cmd()
        .args([
            "review",
            "major cultural exporter",
            "--rating",
            "Needs a second look",
            "--normalised",
            "unverifiable",
            "--by",
            "Fact Desk",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("unverifiable"));
    for bad in [
        ["--date", "30/11/2026"],
        ["--url", "factdesk.example"],
        ["--normalised", "sort of"],
    ] {
        t.cmd()
            .args([
                "review",
                "major cultural exporter",
                "--rating",
                "False",
                "--by",
                "Fact Desk",
            ])
            .args(bad)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(bad[0]));
    }
    // An organisation whose name holds a line break, or no name.
    for by in ["Other\nDesk", " "] {
        t.cmd()
            .args(["review", "major cultural exporter", "--rating", "False"])
            .args(["--by", by])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--by: "));
    }
    // Nothing recorded by the refused commands: one verdict only.
    assert_eq!(export(&t)["@graph"].as_array().unwrap().len(), 1);
}

#[test]
fn the_csv_export_has_a_row_per_appearance_with_its_verdicts() {
    let t = with_op_ed();
    assert_success(&review(
        &t,
        &[
            "major cultural exporter",
            "--rating",
            "Misleading",
            "--by",
            "Fact Desk",
        ],
    ));
    let file = t.path("claims.csv");
    t.cmd()
        .args(["export", "--format", "csv", "--output"])
        .arg(&file)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&file).unwrap();
    // UTF-8 with a byte-order mark, for spreadsheets.
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "claim,claimant,reporter_chain,quote,source_url,date,retrieved,verdict,claim_iri,attribution_iri"
    );
    // The op-ed's 16 marked claims, one of them with a verdict.
    assert_eq!(csv.lines().count(), 17, "{csv}");
    let reviewed: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains("Misleading (mixed) — Fact Desk"))
        .collect();
    assert_eq!(reviewed.len(), 1, "{csv}");
    assert!(
        reviewed[0].starts_with(
            "China aims to become a major cultural exporter by 2035,Chinese government,"
        )
    );
    // --graph makes no sense for a view.
    t.cmd()
        .args([
            "export",
            "--format",
            "csv",
            "--graph",
            "https://example.org/g",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--graph"));
}

#[test]
fn an_export_without_verdicts_says_so() {
    let t = with_op_ed();
    t.cmd()
        .args(["export", "--format", "claimreview"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"@graph\": []"))
        .stderr(predicate::str::contains("no verdicts"));
}
