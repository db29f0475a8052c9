//! `claimgraph load`: good files, idempotence, and every kind of bad input.

use crate::util::{TestDir, all_quads, stdout_of};
use predicates::prelude::*;

#[test]
fn loads_ontology_and_sources_and_reports_each_file() {
    let t = TestDir::new();
    t.cmd()
        .args(["load", "ontology", "sources"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("loaded").and(predicate::str::contains(
                "micro-drama-op-ed.toml: 16 claim(s)",
            )),
        )
        .stderr(predicate::str::contains(
            "3 file(s) loaded (0 unchanged), 16 claim(s) marked, 0 failed",
        ));
}

#[test]
fn loading_the_same_sources_twice_leaves_exactly_the_same_quads() {
    let t = TestDir::new();
    t.load(&[
        "ontology",
        "sources",
        "tests/data/trail",
        "tests/data/broken",
    ]);
    let first = all_quads(&t.data());
    assert!(first.len() > 500, "{} quads", first.len());
    t.cmd()
        .args([
            "load",
            "ontology",
            "sources",
            "tests/data/trail",
            "tests/data/broken",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("6 file(s) loaded (6 unchanged)"));
    assert_eq!(first, all_quads(&t.data()));
}

#[test]
fn a_source_loads_its_vocabulary_when_the_data_dir_lacks_it() {
    let t = TestDir::new();
    t.cmd()
        .args(["load", "sources"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "loaded the built-in ontology/entities.ttl",
        ));
    // And loading the ontology files afterwards replaces those same graphs.
    let before = all_quads(&t.data());
    t.cmd()
        .args(["load", "ontology"])
        .assert()
        .success()
        .stderr(predicate::str::contains("2 unchanged"));
    assert_eq!(before, all_quads(&t.data()));
}

#[test]
fn an_edited_source_replaces_its_graph() {
    let t = TestDir::new();
    let dir = t.path("src");
    std::fs::create_dir(&dir).unwrap();
    let file = dir.join("s.toml");
    let write = |quote: &str| {
        std::fs::write(
            &file,
            format!("id = \"s\"\nheadline = \"H\"\ntext = \"Xinhua said the NRTA will fund 100 dramas. Later it said 200.\"\n[[claim]]\nquote = \"{quote}\"\nclaim = \"{quote}\"\nclaimant = \"NRTA\"\nkind = \"indirect\"\n"),
        )
        .unwrap()
    };
    write("the NRTA will fund 100 dramas");
    t.cmd().arg("load").arg(&file).assert().success();
    write("it said 200");
    t.cmd()
        .arg("load")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("+").and(predicate::str::contains("−")))
        .stderr(predicate::str::contains("held the source").not());
    let out = t
        .cmd()
        .args([
            "query",
            "--format",
            "tsv",
            "SELECT ?t WHERE { ?c a schema:Claim ; schema:text ?t }",
        ])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.contains("it said 200"), "{text}");
    assert!(
        !text.contains("100 dramas"),
        "the old claim must be gone: {text}"
    );
    // Another source given the same id, in a later run: it replaces the
    // first, and says so.
    let other = dir.join("other.toml");
    std::fs::write(
        &other,
        "id = \"s\"\nheadline = \"Another story\"\ntext = \"Reuters said the plan would stall.\"\n",
    )
    .unwrap();
    t.cmd()
        .arg("load")
        .arg(&other)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "id \"s\" held the source \"H\", which this file replaces",
        ));
}

#[test]
fn malformed_toml_names_file_line_and_column_and_the_others_still_load() {
    let t = TestDir::new();
    let assert = t
        .cmd()
        .args(["load", "tests/data/bad/broken-syntax.toml", "sources"])
        .assert()
        .code(3);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("broken-syntax.toml:4:"), "{stderr}");
    assert!(stderr.contains("1 failed"), "{stderr}");
    assert!(
        stderr.contains("micro-drama-op-ed.toml: 16 claim(s)"),
        "{stderr}"
    );
    // Nothing of the broken file is in the store; the good one is.
    let graphs = t
        .cmd()
        .args([
            "query",
            "--format",
            "tsv",
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        ])
        .output()
        .unwrap();
    let graphs = stdout_of(&graphs);
    assert!(graphs.contains("annotations/micro-drama-op-ed"), "{graphs}");
    assert!(!graphs.contains("fixture-broken-syntax"), "{graphs}");
}

#[test]
fn malformed_rdf_names_file_line_and_column_and_nothing_of_it_is_loaded() {
    let t = TestDir::new();
    t.cmd()
        .args([
            "load",
            "tests/data/bad/broken.ttl",
            "tests/data/bad/broken.jsonld",
            "ontology/claimgraph.ttl",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("broken.ttl:3:"))
        .stderr(predicate::str::contains("broken.jsonld:1:"))
        .stderr(predicate::str::contains(
            "1 file(s) loaded (0 unchanged), 0 claim(s) marked, 2 failed",
        ));
    let out = t
        .cmd()
        .args([
            "query",
            "--format",
            "tsv",
            "SELECT ?o WHERE { <https://example.com/a> ?p ?o }",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the valid first triple of broken.ttl must not be loaded"
    );
}

#[test]
fn an_absent_quote_gets_the_nearest_passage() {
    let t = TestDir::new();
    t.cmd()
        .args(["load", "tests/data/bad/missing-quote.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing-quote.toml (claim 1 at line 7): quote not found in the text; nearest passage: \"The ministry said funding would double in 2025\""));
}

#[test]
fn an_ambiguous_quote_gets_a_prefix_or_suffix_to_choose() {
    let t = TestDir::new();
    t.cmd()
        .args(["load", "tests/data/bad/ambiguous-quote.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("quote occurs 2 times"))
        .stderr(predicate::str::contains("suffix = \". Later,\""))
        .stderr(predicate::str::contains("prefix = \" Later, \""));
}

#[test]
fn unknown_values_and_fields_are_refused_with_the_valid_ones() {
    let t = TestDir::new();
    let file = t.path("bad-kind.toml");
    std::fs::write(&file, "id = \"x\"\nheadline = \"H\"\ntext = \"abc\"\n[[claim]]\nquote = \"abc\"\nclaim = \"abc\"\nclaimant = \"NRTA\"\nkind = \"rumour\"\n").unwrap();
    t.cmd().arg("load").arg(&file).assert().code(2).stderr(
        predicate::str::contains("bad-kind.toml:8:").and(predicate::str::contains("direct-quote")),
    );
    std::fs::write(
        &file,
        "id = \"x\"\nheadline = \"H\"\ntext = \"abc\"\nauthr = \"me\"\n",
    )
    .unwrap();
    t.cmd()
        .arg("load")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `authr`"));
}

#[test]
fn a_gbk_text_file_needs_and_honours_its_encoding() {
    let t = TestDir::new();
    let dir = t.path("gbk");
    std::fs::create_dir(&dir).unwrap();
    // "据新华社报道，广电总局表示支持微短剧。" in GBK.
    let (bytes, _, _) = encoding_rs::GBK.encode("据新华社报道，广电总局表示支持微短剧。");
    std::fs::write(dir.join("text.txt"), &bytes).unwrap();
    let toml = "id = \"gbk\"\nheadline = \"H\"\nlanguage = \"zh\"\ntext_file = \"text.txt\"\n[[claim]]\nquote = \"支持微短剧\"\nclaim = \"NRTA supports micro-drama\"\nclaimant = \"广电总局\"\nreported_by = [\"新华社\"]\nkind = \"indirect\"\n";
    std::fs::write(dir.join("s.toml"), toml).unwrap();
    t.cmd()
        .arg("load")
        .arg(dir.join("s.toml"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("s.toml: text_file = \"text.txt\": ")
                .and(predicate::str::contains("text.txt:1:"))
                .and(predicate::str::contains("text_encoding")),
        );
    std::fs::write(
        dir.join("s.toml"),
        format!("text_encoding = \"gbk\"\n{toml}"),
    )
    .unwrap();
    t.cmd()
        .arg("load")
        .arg(dir.join("s.toml"))
        .assert()
        .success();
    t.cmd().arg("check").assert().success();
}

#[test]
fn an_unknown_claimant_is_minted_with_a_warning_and_suggestions() {
    let t = TestDir::new();
    let file = t.path("s.toml");
    std::fs::write(&file, "id = \"s\"\nheadline = \"H\"\ntext = \"Xinhau said so.\"\n[[claim]]\nquote = \"said so\"\nclaim = \"so\"\nclaimant = \"Xinhau\"\nkind = \"indirect\"\n").unwrap();
    t.cmd().arg("load").arg(&file).assert().success().stderr(
        predicate::str::contains("\"Xinhau\" is not in the gazetteer")
            .and(predicate::str::contains("did you mean Xinhua")),
    );
}

#[test]
fn an_unsupported_file_is_an_error_but_directories_skip_such_files() {
    let t = TestDir::new();
    t.cmd()
        .args(["load", "README.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("README.md: unknown file type"));
    // tests/data/ holds a README.md too: it is skipped, not an error.
    t.cmd()
        .args(["load", "tests/data/trail"])
        .assert()
        .success();
    // A directory with nothing to load says so, as ingest does for pages.
    let empty = t.path("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("page.html"), "<p>a page</p>").unwrap();
    t.cmd()
        .arg("load")
        .arg(&empty)
        .arg("sources")
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "empty: no files to load in this directory",
        ))
        .stderr(predicate::str::contains("claimgraph ingest"))
        .stderr(predicate::str::contains("1 file(s) loaded"));
}

#[test]
fn a_second_process_is_told_who_owns_the_data_dir() {
    let t = TestDir::new();
    t.load(&["ontology/claimgraph.ttl"]);
    let _owner =
        claimgraph::store::DataDir::open(&t.data(), claimgraph::store::OpenMode::Existing).unwrap();
    t.cmd()
        .args(["load", "sources"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("is in use by another claimgraph process")
                .and(predicate::str::contains("pid")),
        )
        .stderr(predicate::str::contains("LOCK").not());
}

#[test]
fn a_named_graph_for_a_single_rdf_file() {
    let t = TestDir::new();
    t.cmd()
        .args([
            "load",
            "ontology/entities.ttl",
            "--graph",
            "https://example.com/g",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("<https://example.com/g>"));
    t.cmd()
        .args(["load", "ontology", "--graph", "https://example.com/g"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("single file"));
    t.cmd()
        .args(["load", "ontology/entities.ttl", "--graph", "not an iri"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid IRI"));
}

#[test]
fn a_directory_link_loop_is_walked_once() {
    let t = TestDir::new();
    let dir = t.path("loop");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy("tests/data/trail/reuters-recap.toml", dir.join("a.toml")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("again")).unwrap();
    t.cmd()
        .arg("load")
        .arg(&dir)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 file(s) loaded"));
}

#[test]
fn a_missing_path_is_reported_and_the_rest_loads() {
    let t = TestDir::new();
    t.cmd()
        .args(["load", "no/such/file.toml", "sources"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no/such/file.toml: No such file"))
        .stderr(predicate::str::contains("1 file(s) loaded"));
    // A missing directory too (not "unknown file type"); nothing loaded is
    // exit 2, as for ingest.
    t.cmd()
        .args(["load", "no/such/dir/"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/dir/: No such file"))
        .stderr(predicate::str::contains("unknown file type").not());
    // A source whose text file is missing is named with it.
    let source = t.path("pointer.toml");
    std::fs::write(
        &source,
        "id = \"pointer\"\nheadline = \"h\"\nlanguage = \"en\"\ntext_file = \"gone.txt\"\n",
    )
    .unwrap();
    t.cmd()
        .arg("load")
        .arg(&source)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "pointer.toml: text_file = \"gone.txt\" cannot be read",
        ));
}

#[test]
fn a_failed_reload_keeps_what_was_stored_before() {
    let t = TestDir::new();
    let file = t.path("s.toml");
    std::fs::write(&file, "id = \"s\"\nheadline = \"H\"\ntext = \"Xinhua said the NRTA will fund 100 dramas.\"\n[[claim]]\nquote = \"the NRTA will fund 100 dramas\"\nclaim = \"The NRTA will fund 100 dramas\"\nclaimant = \"NRTA\"\nkind = \"indirect\"\n").unwrap();
    t.cmd().arg("load").arg(&file).assert().success();
    let before = all_quads(&t.data());
    // The edit breaks the file (a quote no longer in the text, then bad TOML).
    std::fs::write(&file, "id = \"s\"\nheadline = \"H\"\ntext = \"Something else entirely.\"\n[[claim]]\nquote = \"the NRTA will fund 100 dramas\"\nclaim = \"x\"\nclaimant = \"NRTA\"\nkind = \"indirect\"\n").unwrap();
    t.cmd()
        .arg("load")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("quote not found"));
    std::fs::write(&file, "id = \"s\"\nheadline = \"H\ntext = \"x\"\n").unwrap();
    t.cmd()
        .arg("load")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("s.toml:2:"));
    assert_eq!(
        before,
        all_quads(&t.data()),
        "the earlier graph is untouched"
    );
    t.cmd()
        .args(["search", "dramas"])
        .assert()
        .success()
        .stdout(predicate::str::contains("100 dramas"));
}
