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
fn an_endpoint_answers_stats_and_one_given_to_check_is_said_not_to() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    // stats asks the endpoint (nothing listens on port 9 here).
    let out = t
        .cmd()
        .args(["--endpoint", "http://127.0.0.1:9", "stats"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("cannot reach the claimgraph server at http://127.0.0.1:9"),
        "{out:?}"
    );
    // check reads the data directory itself, and says so.
    let out = t
        .cmd()
        .args(["--endpoint", "http://127.0.0.1:9", "check"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("serves `query`, `search` and `stats` only")
            && stderr.contains("reads the data directory"),
        "{stderr}"
    );
}
