//! `claimgraph export`: every format, one graph or all, and round trips.

use crate::util::{TestDir, all_quads, stdout_of};
use predicates::prelude::*;

#[test]
fn nquads_export_loads_back_into_the_same_quads() {
    let t = TestDir::new();
    t.load(&["ontology", "sources", "tests/data/trail"]);
    let dump = t.path("all.nq");
    t.cmd()
        .arg("export")
        .arg("--output")
        .arg(&dump)
        .assert()
        .success();
    let other = TestDir::new();
    other.cmd().arg("load").arg(&dump).assert().success();
    assert_eq!(all_quads(&t.data()), all_quads(&other.data()));
}

#[test]
fn trig_and_jsonld_exports_load_back_too() {
    let t = TestDir::new();
    t.load(&["sources"]);
    for (format, ext) in [("trig", "trig"), ("jsonld", "jsonld")] {
        let dump = t.path(&format!("all.{ext}"));
        t.cmd()
            .args(["export", "--format", format])
            .arg("--output")
            .arg(&dump)
            .assert()
            .success();
        let other = TestDir::new();
        other.cmd().arg("load").arg(&dump).assert().success();
        assert_eq!(all_quads(&t.data()), all_quads(&other.data()), "{format}");
    }
}

#[test]
fn one_graph_as_turtle() {
    let t = TestDir::new();
    t.load(&["sources"]);
    let out = t
        .cmd()
        .args([
            "export",
            "--format",
            "turtle",
            "--graph",
            "https://w3id.org/claimgraph/graph/annotations/micro-drama-op-ed",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let ttl = stdout_of(&out);
    assert!(ttl.contains("@prefix cg:"), "prefixes are declared");
    assert!(ttl.contains("cg:Attribution"));
    assert!(
        !ttl.contains("rdfs:comment"),
        "only the source's graph, not the ontology"
    );
}

#[test]
fn single_graph_formats_need_a_graph_and_the_graph_must_exist() {
    let t = TestDir::new();
    t.load(&["sources"]);
    t.cmd()
        .args(["export", "--format", "turtle"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give --graph"));
    t.cmd()
        .args([
            "export",
            "--format",
            "turtle",
            "--graph",
            "https://example.com/none",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no graph <https://example.com/none>",
        ));
}
