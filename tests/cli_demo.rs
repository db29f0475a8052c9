//! `claimgraph demo`: the README's first command.

use crate::util::{TestDir, all_quads, assert_success, stdout_of};
use predicates::prelude::*;

#[test]
fn demo_prints_who_claimed_what_with_the_scmp_as_claimant() {
    let t = TestDir::new();
    let out = t.cmd().arg("demo").output().unwrap();
    assert_success(&out);
    let table = stdout_of(&out);
    assert!(table.starts_with("Who claimed what:\n"), "{table}");
    let scmp_rows = table
        .lines()
        .filter(|l| l.starts_with("South China Morning Post"))
        .count();
    assert!(scmp_rows >= 2, "{table}");
    assert!(
        table.contains("Chinese government") && table.contains("Western critics"),
        "{table}"
    );
}

#[test]
fn running_demo_twice_changes_nothing() {
    let t = TestDir::new();
    t.cmd().arg("demo").assert().success();
    let first = all_quads(&t.data());
    t.cmd()
        .arg("demo")
        .assert()
        .success()
        .stderr(predicate::str::contains("3 file(s) loaded (3 unchanged)"));
    assert_eq!(first, all_quads(&t.data()));
}

#[test]
fn demo_works_outside_the_repository_with_the_built_in_copies() {
    let t = TestDir::new();
    let elsewhere = t.path("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let out = t
        .cmd()
        .current_dir(&elsewhere)
        .arg("demo")
        .output()
        .unwrap();
    assert_success(&out);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("using the copies built into claimgraph")
    );
    assert!(stdout_of(&out).contains("South China Morning Post"));
    // Same graphs as from the repository.
    let from_repo = TestDir::new();
    from_repo.cmd().arg("demo").assert().success();
    assert_eq!(all_quads(&t.data()), all_quads(&from_repo.data()));
}
