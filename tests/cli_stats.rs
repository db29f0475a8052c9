//! `claimgraph stats`: counts after loading.

use crate::util::TestDir;
use predicates::prelude::*;

#[test]
fn counts_sources_claims_and_attributions() {
    let t = TestDir::new();
    t.load(&["ontology", "sources", "tests/data/trail"]);
    let out = t
        .cmd()
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["sources"], 3);
    assert_eq!(s["versions"], 3);
    assert_eq!(s["attributions"], 20);
    // The 2035 claim appears in all three sources: 20 appearances, 18 claims.
    assert_eq!(s["claims"], 18);
    assert!(s["entities"].as_u64().unwrap() >= 60);
    t.cmd()
        .arg("stats")
        .assert()
        .success()
        .stdout(predicate::str::contains("attributions").and(predicate::str::contains("20")));
}

#[test]
fn an_endpoint_given_to_stats_is_said_to_serve_query_and_search_only() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    let out = t
        .cmd()
        .args(["--endpoint", "http://127.0.0.1:9", "stats"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("serves `query` and `search` only")
            && stderr.contains("reads the data directory"),
        "{stderr}"
    );
}
