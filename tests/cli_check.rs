//! `claimgraph check`: clean data passes; each broken thing is reported.

use crate::util::TestDir;
use predicates::prelude::*;

#[test]
fn the_shipped_sources_pass_every_check() {
    let t = TestDir::new();
    t.load(&["ontology", "sources", "tests/data/trail"]);
    t.cmd().arg("check").assert().success().stdout(
        predicate::str::contains("ok   quote-equals-slice")
            .and(predicate::str::contains("FAIL").not()),
    );
}

#[test]
fn violations_are_listed_and_exit_2() {
    let t = TestDir::new();
    t.load(&["tests/data/broken"]);
    t.cmd()
        .arg("check")
        .assert()
        .code(2)
        .stdout(
            predicate::str::contains("FAIL attribution-complete")
                .and(predicate::str::contains("problem=no cg:claimant")),
        )
        .stdout(predicate::str::contains("FAIL quote-equals-slice"))
        .stderr(predicate::str::contains("violation(s)"));
    let out = t
        .cmd()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let checks = json.as_array().unwrap();
    assert_eq!(checks.len(), 9);
    let failing: Vec<&str> = checks
        .iter()
        .filter(|c| !c["violations"].as_array().unwrap().is_empty())
        .map(|c| c["check"].as_str().unwrap())
        .collect();
    assert_eq!(
        failing.len(),
        7,
        "each graph check finds its violation: {failing:?}"
    );
    assert!(
        !failing.contains(&"index-agrees-with-store"),
        "the index agrees with the store"
    );
}
