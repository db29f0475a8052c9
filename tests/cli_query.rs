//! `claimgraph query`: named queries with parameters, inline and file
//! queries, every output format, and the errors a user can make.

use crate::util::{TestDir, json_rows, stdout_of};
use predicates::prelude::*;

fn loaded() -> TestDir {
    let t = TestDir::new();
    t.load(&["ontology", "sources"]);
    t
}

#[test]
fn claims_about_beijing_and_北京_return_the_same_claims() {
    let t = loaded();
    let run = |entity: &str| {
        let out = t
            .cmd()
            .args([
                "query",
                "--name",
                "claims-about",
                "--param",
                &format!("entity={entity}"),
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        json_rows(&out)
    };
    let english = run("Beijing");
    let chinese = run("北京");
    assert!(!english.is_empty());
    assert_eq!(
        english, chinese,
        "the same claims, in the same order, with the same columns"
    );
    // The parameter is not echoed as a column.
    assert!(english[0].get("entity").is_none());
    // An entity by its IRI, as SPARQL writes it, or by its id with the e:
    // prefix: as by its name.
    let who = |claimant: &str| crate::util::who_claimed_by(&t, claimant);
    let by_name = who("South China Morning Post");
    assert!(!by_name.is_empty());
    let scmp = "https://w3id.org/claimgraph/id/entity/scmp";
    for written in [format!("<{scmp}>"), scmp.to_owned()] {
        assert_eq!(who(&written), by_name, "{written}");
    }
    // A known entity no claim is about, by IRI or id: no claims, and no
    // "no such entity" either.
    for written in ["<https://w3id.org/claimgraph/id/entity/nrta>", "e:nrta"] {
        let out = t
            .cmd()
            .args(["query", "--name", "claims-about", "--param"])
            .arg(format!("entity={written}"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("no such entity"), "{written}: {stderr}");
        assert_eq!(out.status.code(), Some(1), "{written}: {stderr}");
    }
}

#[test]
fn who_claimed_shows_the_scmp_as_claimant_reported_by_the_op_ed() {
    let t = loaded();
    let out = t
        .cmd()
        .args([
            "query",
            "--name",
            "who-claimed",
            "--param",
            "claimant=South China Morning Post",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let rows = json_rows(&out);
    assert_eq!(rows.len(), 4);
    for row in &rows {
        assert_eq!(row["claimant_label"]["value"], "South China Morning Post");
        assert!(
            row["source_title"]["value"]
                .as_str()
                .unwrap()
                .starts_with("China's AI-powered micro-drama empire")
        );
        assert_eq!(row["claim_iri"]["type"], "uri");
    }
}

#[test]
fn every_results_format_is_well_formed() {
    let t = loaded();
    let q = "SELECT ?claim ?text WHERE { ?claim a schema:Claim ; schema:text ?text } ORDER BY ?text LIMIT 3";
    let csv = stdout_of(
        &t.cmd()
            .args(["query", "--format", "csv", q])
            .output()
            .unwrap(),
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "claim,text");
    assert_eq!(lines.len(), 4, "{csv}");
    let tsv = stdout_of(
        &t.cmd()
            .args(["query", "--format", "tsv", q])
            .output()
            .unwrap(),
    );
    assert!(tsv.starts_with("?claim\t?text\n"), "{tsv}");
    let xml = stdout_of(
        &t.cmd()
            .args(["query", "--format", "xml", q])
            .output()
            .unwrap(),
    );
    assert!(xml.contains("<sparql") && xml.contains("<result>"), "{xml}");
    assert_eq!(
        json_rows(
            &t.cmd()
                .args(["query", "--format", "json", q])
                .output()
                .unwrap()
        )
        .len(),
        3
    );
    let table = stdout_of(&t.cmd().args(["query", q]).output().unwrap());
    assert!(
        table.lines().next().unwrap().starts_with("claim"),
        "{table}"
    );
    assert!(table.contains("─┼─"), "{table}");
}

#[test]
fn a_column_mixing_numbers_text_and_iris_sorts_without_failing() {
    let t = loaded();
    // The shipped store mixes them in every object column.
    let out = t
        .cmd()
        .args(["query", "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 3"])
        .output()
        .unwrap();
    crate::util::assert_success(&out);
    // IRIs, then numbers in numeric order, then other literals by
    // datatype (language-tagged, xsd:date, xsd:string); descending, the
    // other way round.
    let values =
        "VALUES ?o { \"5x\" 10 9 <https://example.org/a> \"2025-01-01\"^^xsd:date \"abc\"@en 2.5 }";
    for (order, expected) in [
        (
            "?o",
            [
                "https://example.org/a",
                "2.5",
                "9",
                "10",
                "abc",
                "2025-01-01",
                "5x",
            ],
        ),
        (
            "DESC(?o)",
            [
                "5x",
                "2025-01-01",
                "abc",
                "10",
                "9",
                "2.5",
                "https://example.org/a",
            ],
        ),
    ] {
        let out = t
            .cmd()
            .args([
                "query",
                &format!("SELECT ?o WHERE {{ {values} }} ORDER BY {order}"),
            ])
            .args(["--format", "json"])
            .output()
            .unwrap();
        let got: Vec<String> = json_rows(&out)
            .iter()
            .map(|r| r["o"]["value"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(got, expected, "ORDER BY {order}");
    }
}

#[test]
fn ask_and_construct_work_too() {
    let t = loaded();
    t.cmd()
        .args(["query", "ASK { ?c a schema:Claim }"])
        .assert()
        .success()
        .stdout("true\n");
    t.cmd()
        .args(["query", "ASK { ?c a schema:Movie }"])
        .assert()
        .code(1)
        .stdout("false\n");
    t.cmd()
        .args([
            "query",
            "CONSTRUCT { ?c schema:text ?t } WHERE { ?c a schema:Claim ; schema:text ?t } LIMIT 2",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("<http://schema.org/text>"));
}

#[test]
fn no_results_exit_1() {
    let t = loaded();
    t.cmd()
        .args([
            "query",
            "--name",
            "who-claimed",
            "--param",
            "claimant=Nobody",
        ])
        .assert()
        .code(1);
}

#[test]
fn a_query_from_a_file() {
    let t = loaded();
    let file = t.path("q.rq");
    std::fs::write(
        &file,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a a cg:Attribution }",
    )
    .unwrap();
    t.cmd()
        .arg("query")
        .arg("--file")
        .arg(&file)
        .args(["--format", "csv"])
        .assert()
        .success()
        .stdout("n\r\n16\r\n");
    t.cmd()
        .args(["query", "--file", "/nonexistent.rq"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent.rq"));
}

#[test]
fn a_query_file_takes_parameters_declared_or_not() {
    let t = loaded();
    // Declared in the header as a named query's are: kinds checked.
    let declared = t.path("declared.rq");
    std::fs::write(
        &declared,
        "# Parameters:\n#   ?who  text  required  A claimant's label.\n\
         SELECT ?who (COUNT(*) AS ?n) WHERE { ?a cg:claimant ?c . ?c rdfs:label ?l . FILTER(STR(?l) = ?who) } GROUP BY ?who",
    )
    .unwrap();
    let query_file = |path: &std::path::Path| {
        let mut c = t.cmd();
        c.arg("query").arg("--file").arg(path);
        c
    };
    query_file(&declared)
        .args(["--param", "who=South China Morning Post", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("South China Morning Post,"));
    query_file(&declared)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing required parameter \"who\"",
        ));
    // Without a header, a parameter binds the variable it names, as text.
    let bare = t.path("bare.rq");
    std::fs::write(
        &bare,
        "SELECT ?x (COUNT(*) AS ?n) WHERE { ?c rdfs:label ?l . FILTER(STR(?l) = ?x) } GROUP BY ?x",
    )
    .unwrap();
    query_file(&bare)
        .args(["--param", "x=北京", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("北京,"));
    // A parameter for a variable the query does not select is named.
    query_file(&bare)
        .args(["--param", "y=北京"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--param y: the query selects no variable ?y (it selects ?x ?n)",
        ));
}

#[test]
fn hostile_parameter_values_stay_literals() {
    let t = loaded();
    for evil in [
        "x\" || true || \"",
        "\") } UNION { ?a ?b ?c } #",
        "<https://w3id.org/claimgraph/id/entity/nobody>",
    ] {
        t.cmd()
            .args([
                "query",
                "--name",
                "who-claimed",
                "--param",
                &format!("claimant={evil}"),
            ])
            .assert()
            .code(1);
    }
    t.cmd()
        .args([
            "query",
            "--name",
            "who-claimed",
            "--param",
            "claimant=<not an iri>",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid RDF term"));
}

#[test]
fn unknown_named_query_lists_the_valid_ones() {
    let t = loaded();
    t.cmd()
        .args(["query", "--name", "who-said"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no named query \"who-said\"; available: who-claimed, claims-about, claim-trail, sources"));
}

#[test]
fn unknown_or_missing_parameters_list_the_valid_ones() {
    let t = loaded();
    t.cmd()
        .args([
            "query",
            "--name",
            "claims-about",
            "--param",
            "entiy=Beijing",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown parameter \"entiy\"; its parameters are: entity (text, required)",
        ));
    t.cmd()
        .args(["query", "--name", "claims-about"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing required parameter \"entity\"",
        ));
    t.cmd()
        .args(["query", "--name", "sources", "--param", "x=1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it takes no parameters"));
    t.cmd()
        .args(["query", "--name", "sources", "--param", "novalue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expected KEY=VALUE"));
}

#[test]
fn a_sparql_syntax_error_gives_its_position() {
    let t = loaded();
    t.cmd()
        .args(["query", "SELECT ?x WHERE {\n  ?x ?y \n}}"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("SPARQL syntax error in inline query")
                .and(predicate::str::contains("3:")),
        );
}

#[test]
fn explain_prints_the_plan_with_rows_and_times_per_step() {
    let t = loaded();
    let out = t
        .cmd()
        .args(["query", "--explain", "--name", "sources", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("query plan"), "{stderr}");
    assert!(
        stderr.contains(" rows, ") && stderr.contains(" ms]"),
        "{stderr}"
    );
    // Steps are indented under the step they feed.
    assert!(
        stderr.lines().nth(2).is_some_and(|l| l.starts_with("    ")),
        "{stderr}"
    );
    assert!(!stderr.contains("QueryExplanation"), "{stderr}");
    // The results still go to stdout.
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("source,"));
}

#[test]
fn a_sparql_mistake_is_explained_in_its_own_terms() {
    let t = loaded();
    for (query, expected) in [
        (
            "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            "this is a SPARQL Update, and `query` only reads",
        ),
        (
            "SELECT * WHERE { ?s foo:bar ?o }",
            "unknown prefix foo:; declare it (PREFIX foo: <IRI>)",
        ),
        (
            "PREFIX x: <urn:x#>\nSELEC * WHERE { ?s x:p ?o }",
            "a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE (after its PREFIX and BASE lines), not `SELEC`",
        ),
    ] {
        t.cmd().args(["query", query]).assert().code(2).stderr(
            predicate::str::contains("SPARQL syntax error in inline query")
                .and(predicate::str::contains(expected))
                .and(predicate::str::contains("u{00B7}").not()),
        );
    }
    // A prefix claimgraph declares, or one the query declares, is no
    // unknown prefix; the parser's own message stands for other mistakes.
    t.cmd()
        .args([
            "query",
            "PREFIX foo: <urn:f#> SELECT * WHERE { ?s foo:bar schema:x . ",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown prefix").not());
}

#[test]
fn a_named_query_says_when_its_parameter_names_nothing_or_several_claims() {
    let t = loaded();
    // Words in several claims: the trail still follows them all, and says so.
    t.cmd()
        .args([
            "query",
            "--name",
            "claim-trail",
            "--param",
            "claim=micro-drama",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "\"micro-drama\" is in several claims, and the trail follows all of them",
        ));
    // One claim's words: no note.
    t.cmd()
        .args([
            "query",
            "--name",
            "claim-trail",
            "--param",
            "claim=Beijing is using direct funding",
        ])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    t.cmd()
        .args([
            "query",
            "--name",
            "claim-trail",
            "--param",
            "claim=zzz qqq funding",
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no claim matches \"zzz qqq funding\"; did you mean")
                .and(predicate::str::contains("Beijing is using direct funding")),
        );
    t.cmd()
        .args([
            "query",
            "--name",
            "who-claimed",
            "--param",
            "claimant=South China Morning Pst",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--param claimant \"South China Morning Pst\": no such entity; did you mean South China Morning Post",
        ));
    t.cmd()
        .args([
            "query",
            "--name",
            "claims-about",
            "--param",
            "entity=Bejing",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean Beijing"));
}

#[test]
fn a_data_dir_that_is_a_file_is_named_as_one() {
    let t = TestDir::new();
    std::fs::write(t.data(), "not a directory").unwrap();
    t.cmd().args(["stats"]).assert().code(2).stderr(
        predicate::str::contains("is a file, not a data directory")
            .and(predicate::str::contains("Not a directory").not()),
    );
}

#[test]
fn querying_a_missing_data_dir_says_how_to_make_one() {
    let t = TestDir::new();
    t.cmd()
        .args(["query", "--name", "sources"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "does not exist; create it with `claimgraph demo`",
        ));
    assert!(!t.data().exists(), "a read must not create the data dir");
}

#[test]
fn the_data_dir_comes_from_the_environment_too() {
    let t = loaded();
    let mut cmd = assert_cmd::Command::cargo_bin("claimgraph").unwrap();
    cmd.env("CLAIMGRAPH_DATA", t.data())
        .args(["query", "ASK { ?c a schema:Claim }"])
        .assert()
        .success()
        .stdout("true\n");
}

#[test]
fn list_shows_every_named_query_with_its_parameters() {
    let t = TestDir::new();
    t.cmd().args(["query", "--list"]).assert().success().stdout(
        predicate::str::contains("who-claimed — ")
            .and(predicate::str::contains("--param entity=…"))
            .and(predicate::str::contains("claim-trail"))
            .and(predicate::str::contains("sources — ")),
    );
}

#[test]
fn every_subcommand_has_help_with_examples() {
    let t = TestDir::new();
    for sub in [
        "load", "query", "search", "export", "check", "stats", "reindex", "demo", "bench",
    ] {
        t.cmd()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
    t.cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
}

/// `claimgraph ARGS` on `t`'s data directory as a user who may not write
/// to it: `nobody` when the tests run as root (whom no permission stops),
/// else this user once the directory is made read-only.
fn as_reader_who_may_not_write(t: &TestDir, args: &[&str]) -> std::process::Output {
    use std::os::unix::fs::PermissionsExt;
    let binary = t.path("claimgraph");
    if !binary.exists() {
        std::fs::copy(assert_cmd::cargo::cargo_bin("claimgraph"), &binary).unwrap();
        for entry in walkdir(&t.data())
            .into_iter()
            .chain([t.data(), t.path(".")])
        {
            let mode = if entry.is_dir() { 0o555 } else { 0o444 };
            std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    // SAFETY: geteuid reads the process's user id; it cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary);
        c
    } else {
        std::process::Command::new(&binary)
    };
    cmd.current_dir(t.path("."))
        .env_remove("CLAIMGRAPH_DATA")
        .arg("--data-dir")
        .arg(t.data())
        .args(args)
        .output()
        .unwrap()
}

/// Every file and directory under `dir`.
fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        }
        out.push(path);
    }
    out
}

#[test]
fn a_data_dir_the_user_may_not_write_is_read_and_left_alone() {
    let t = loaded();
    let owner = json_rows(
        &t.cmd()
            .args(["query", "--name", "who-claimed", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert!(!owner.is_empty());
    let before = walkdir(&t.data())
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect::<Vec<_>>();
    // Writable again when the test ends, so that the directory can go.
    struct Restore<'a>(&'a TestDir);
    impl Drop for Restore<'_> {
        fn drop(&mut self) {
            use std::os::unix::fs::PermissionsExt;
            let t = self.0;
            for dir in [t.path("."), t.data()]
                .into_iter()
                .chain(walkdir(&t.data()))
            {
                if dir.is_dir() {
                    let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755));
                }
            }
        }
    }
    let _restore = Restore(&t);
    let out =
        as_reader_who_may_not_write(&t, &["query", "--name", "who-claimed", "--format", "json"]);
    crate::util::assert_success(&out);
    assert_eq!(json_rows(&out), owner);
    let out = as_reader_who_may_not_write(&t, &["search", "micro-drama", "--format", "json"]);
    crate::util::assert_success(&out);
    assert!(!out.stdout.is_empty());
    for args in [
        &["stats"][..],
        &["check"],
        &["export", "--format", "nquads"],
    ] {
        let out = as_reader_who_may_not_write(&t, args);
        crate::util::assert_success(&out);
    }
    // A command that writes says why it cannot.
    let out = as_reader_who_may_not_write(&t, &["reindex"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("data dir is not writable"), "{err}");
    assert!(err.contains("open it read-only"), "{err}");
    // Nothing was written.
    for (path, bytes) in before {
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{}", path.display());
    }
}

#[test]
fn a_query_nested_past_the_stack_is_refused_not_a_crash() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    for (query, says) in [
        (
            format!(
                "SELECT * WHERE {{ ?s ?p ?o FILTER({}1{}) }}",
                "(".repeat(100_000),
                ")".repeat(100_000)
            ),
            "brackets deep",
        ),
        (
            format!(
                "SELECT * WHERE {{ ?s ?p ?o FILTER(1{}) }}",
                "+1".repeat(100_000)
            ),
            "operators",
        ),
    ] {
        let file = t.path("deep.rq");
        std::fs::write(&file, query).unwrap();
        let out = t
            .cmd()
            .args(["query", "--file"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("deep.rq") && err.contains(says), "{err}");
    }
    let out = t
        .cmd()
        .args([
            "search",
            &format!("{}drama{}", "(".repeat(50_000), ")".repeat(50_000)),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("parentheses deep"));
}

#[test]
fn a_query_past_its_timeout_gives_up_with_exit_2() {
    let t = loaded();
    // A cross product of the store with itself, sorted: it would run for
    // minutes. Counted, it stops when the engine next reads the store;
    // sorted, the process gives up by itself.
    for query in [
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c DESC(?f)",
    ] {
        let out = t
            .cmd()
            .args(["query", "--timeout", "0.5", query])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{query}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cancelled after 0.5 s (--timeout)"), "{err}");
    }
    // A query that ends in time is answered as without it.
    let out = t
        .cmd()
        .args([
            "query",
            "--timeout",
            "60",
            "--name",
            "sources",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(!json_rows(&out).is_empty());
    t.cmd()
        .args(["query", "--timeout", "0", "--name", "sources"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a number of seconds above 0"));
}

#[test]
fn readers_share_the_data_dir_and_a_writer_waits_for_them() {
    let t = loaded();
    // A reader holding the directory (this test, through the library).
    let reader =
        claimgraph::store::DataDir::open(&t.data(), claimgraph::store::OpenMode::Read).unwrap();
    assert!(reader.is_read_only());
    // Another reader runs beside it.
    let out = t
        .cmd()
        .args(["query", "--name", "who-claimed", "--format", "json"])
        .output()
        .unwrap();
    assert!(!json_rows(&out).is_empty());
    t.cmd().args(["search", "micro-drama"]).assert().success();
    // A writer is told that a reader holds it, not an old pid.
    t.cmd()
        .args(["load", "tests/data/trail"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("one that reads it"))
        .stderr(predicate::str::contains("pid").not());
    drop(reader);
    t.cmd()
        .args(["load", "tests/data/trail"])
        .assert()
        .success();
}
