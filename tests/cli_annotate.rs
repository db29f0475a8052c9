//! `claimgraph annotate` and what happens to people's annotations when their
//! source changes: anchored, moved or orphaned — never lost.

use crate::util::{TestDir, all_quads, assert_success, json_rows, stdout_of};
use predicates::prelude::*;

const URL: &str = "https://news.example.com/2025/06/export-push";

/// A news page with a canonical URL and the given paragraphs.
fn page(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!doctype html><html lang="en"><head><title>The export push | Example Wire</title>
<link rel="canonical" href="{URL}">
<meta property="article:published_time" content="2025-06-01T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>The export push</h1>
{body}</article><footer>About us · Contact</footer></body></html>"#
    )
}

const INTRO: &str = "Producers in Hengdian described a fast-growing industry that turns out hundreds \
    of short vertical episodes every week for viewers at home and abroad.";
const FUND: &str = "Li Wei, a producer, said the provincial fund would double its support for \
    dramas made for Southeast Asian platforms next year.";
const QUOTA: &str = "Regulators are expected to lift the quota on foreign co-productions, according \
    to two people briefed on the plan.";
const SUBTITLES: &str = "Platforms will be encouraged to subtitle their catalogues in Thai, \
    Vietnamese and Indonesian before the end of the year.";
const SUBTITLES_REWORDED: &str = "Platforms will be required to subtitle their catalogues in Thai, \
    Vietnamese and Indonesian before the end of the year.";
const NEW_LEAD: &str = "Updated on 3 June with comments from the regulator, who declined to \
    confirm any change to the quota system for co-productions.";

fn ingest(t: &TestDir, paragraphs: &[&str]) -> std::process::Output {
    let file = t.path("page.html");
    std::fs::write(&file, page(paragraphs)).unwrap();
    let report = t.path("report.json");
    let out = t
        .cmd()
        .arg("ingest")
        .arg(&file)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_success(&out);
    out
}

fn annotate(t: &TestDir, args: &[&str]) -> std::process::Output {
    t.cmd()
        .args(["annotate", URL, "--author", "Researcher A"])
        .args(args)
        .output()
        .unwrap()
}

fn graph_quads(t: &TestDir, marker: &str) -> Vec<String> {
    all_quads(&t.data())
        .into_iter()
        .filter(|q| q.contains(marker))
        .collect()
}

#[test]
fn annotations_survive_a_changed_page_as_anchored_moved_or_orphaned() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    ingest(&t, &[INTRO, FUND, QUOTA, SUBTITLES]);

    for (quote, claimant) in [
        (
            "the provincial fund would double its support for dramas made for Southeast Asian platforms next year",
            "Li Wei",
        ),
        (
            "Regulators are expected to lift the quota on foreign co-productions",
            "two people briefed on the plan",
        ),
        (
            "Platforms will be encouraged to subtitle their catalogues in Thai, Vietnamese and Indonesian",
            "@author",
        ),
        (
            "Producers in Hengdian described a fast-growing industry",
            "@author",
        ),
    ] {
        let out = annotate(&t, &["--quote", quote, "--claimant", claimant]);
        assert_success(&out);
        assert!(
            stdout_of(&out).contains("annotated <"),
            "{}",
            stdout_of(&out)
        );
    }
    let marked = graph_quads(&t, "/graph/annotations/by/researcher-a>");
    assert!(!marked.is_empty());

    // The page changes: a new lead paragraph (everything moves), the quota
    // paragraph is gone, the subtitles sentence is reworded.
    let out = ingest(&t, &[NEW_LEAD, INTRO, FUND, SUBTITLES_REWORDED]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("people's annotations of changed sources: 0 anchored, 3 moved, 1 orphaned"),
        "{stderr}"
    );
    assert!(
        stderr.contains("orphaned (its quote is no longer in the text"),
        "{stderr}"
    );
    assert!(
        stderr.contains("now reads \"Platforms will be required"),
        "{stderr}"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(t.path("report.json")).unwrap()).unwrap();
    assert_eq!(report["annotations"]["moved"], 3, "{report}");
    assert_eq!(report["annotations"]["orphaned"], 1, "{report}");

    // Nothing of the person's work was rewritten or deleted.
    assert_eq!(
        graph_quads(&t, "/graph/annotations/by/researcher-a>"),
        marked
    );
    // Every claim still answers who claimed it.
    let out = t
        .cmd()
        .args([
            "query",
            "--name",
            "who-claimed",
            "--param",
            "claimant=Li Wei",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let rows = json_rows(&out);
    assert!(
        rows.iter().any(|r| r["claim_text"]["value"]
            .as_str()
            .unwrap()
            .contains("provincial fund")),
        "{rows:?}"
    );

    // check lists the orphan (and only it).
    t.cmd().arg("check").assert().code(2).stdout(
        predicate::str::contains("FAIL annotations-anchored")
            .and(predicate::str::contains(
                "Regulators are expected to lift the quota",
            ))
            .and(predicate::str::contains("provincial fund").not()),
    );

    // Where the moved annotations now are: the anchoring graph of the new
    // version has the new quote and offsets.
    let out = t
        .cmd()
        .args([
            "query",
            "SELECT ?status ?exact WHERE { ?a cg:anchorStatus ?status ; oa:hasSelector/oa:exact ?exact } ORDER BY ?exact",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let rows = json_rows(&out);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().any(|r| {
        r["exact"]["value"]
            .as_str()
            .unwrap()
            .starts_with("Platforms will be required")
    }));

    // The page back to its first text: a new version again, where the
    // orphan is found once more, and check passes.
    ingest(&t, &[INTRO, FUND, QUOTA, SUBTITLES]);
    t.cmd()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("ok   annotations-anchored"));
}

#[test]
fn an_annotated_source_file_of_the_same_page_is_reanchored_too() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    let dir = t.path("sources");
    std::fs::create_dir_all(&dir).unwrap();
    let text = format!("{INTRO}\n\n{FUND}\n\n{QUOTA}");
    std::fs::write(
        dir.join("export-push.toml"),
        format!(
            r#"id = "export-push"
url = "{URL}"
headline = "The export push"
annotator = "Researcher B"
text = """{text}"""

[[claim]]
quote = "Regulators are expected to lift the quota on foreign co-productions"
claim = "Regulators will lift the quota on foreign co-productions"
claimant = "two people briefed on the plan"
kind = "according-to"
"#
        ),
    )
    .unwrap();
    t.cmd().arg("load").arg(&dir).assert().success();
    let before = graph_quads(&t, "/graph/annotations/export-push>");
    let out = ingest(&t, &[NEW_LEAD, INTRO, FUND]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("0 anchored, 0 moved, 1 orphaned"),
        "{stderr}"
    );
    assert!(stderr.contains("1 new versions"), "{stderr}");
    assert_eq!(graph_quads(&t, "/graph/annotations/export-push>"), before);
    t.cmd()
        .arg("check")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("annotations/export-push"));
}

/// The marks of one passage as (attribution, annotator, stance, kind,
/// note), read from the union of the graphs, as a query that does not ask
/// for graphs reads them.
fn marks_of(t: &TestDir, quote: &str) -> std::collections::BTreeSet<[String; 5]> {
    let query = format!(
        "PREFIX cg: <https://w3id.org/claimgraph/ns#> PREFIX prov: <http://www.w3.org/ns/prov#> \
         PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
         PREFIX skos: <http://www.w3.org/2004/02/skos/core#> \
         SELECT ?a ?who ?stance ?kind ?note WHERE {{ \
           ?a a cg:Attribution ; prov:wasAttributedTo/rdfs:label ?who ; cg:stance/rdfs:label ?stance ; \
              cg:kind/rdfs:label ?kind ; oa:hasTarget/oa:hasSelector/oa:exact {quote:?} . \
           OPTIONAL {{ ?a skos:note ?note }} }}"
    );
    let out = t
        .cmd()
        .args(["query", &query, "--format", "json"])
        .output()
        .unwrap();
    json_rows(&out)
        .iter()
        .map(|r| {
            ["a", "who", "stance", "kind", "note"]
                .map(|k| r[k]["value"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

#[test]
fn two_peoples_marks_of_one_passage_stay_apart_and_a_mark_made_again_replaces_the_old() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    ingest(&t, &[INTRO, FUND, QUOTA]);
    let quote = "Regulators are expected to lift the quota on foreign co-productions";
    let mark = |author: &str, stance: &str, kind: &str, note: &str| {
        let out = t
            .cmd()
            .args(["annotate", URL, "--author", author, "--quote", quote])
            .args(["--claimant", "two people briefed on the plan"])
            .args(["--stance", stance, "--kind", kind, "--note", note])
            .output()
            .unwrap();
        assert_success(&out);
    };
    mark("Researcher A", "disputes", "according-to", "first reading");
    mark("Researcher B", "endorses", "indirect", "second desk");
    let marks = marks_of(&t, quote);
    let seen: Vec<[&str; 4]> = marks
        .iter()
        .map(|[_, who, stance, kind, note]| [who.as_str(), stance, kind, note])
        .collect();
    // Each person's stance with their own kind and note, and no mixture.
    assert_eq!(
        seen.iter().collect::<std::collections::BTreeSet<_>>(),
        [
            ["Researcher A", "disputes", "according to", "first reading"],
            ["Researcher B", "endorses", "indirect quote", "second desk"],
        ]
        .iter()
        .collect(),
        "{marks:#?}"
    );
    let a_first = marks.iter().find(|m| m[1] == "Researcher A").unwrap()[0].clone();

    // A changes their mind: the mark made again replaces theirs.
    mark("Researcher A", "neutral", "according-to", "read again");
    let marks = marks_of(&t, quote);
    let of_a: Vec<_> = marks.iter().filter(|m| m[1] == "Researcher A").collect();
    assert_eq!(of_a.len(), 1, "{marks:#?}");
    assert_eq!(of_a[0][0], a_first);
    assert_eq!([&*of_a[0][2], &*of_a[0][4]], ["neutral", "read again"]);
    assert!(
        marks
            .iter()
            .any(|m| m[1] == "Researcher B" && m[2] == "endorses")
    );
    t.cmd().arg("check").assert().success();
}

#[test]
fn a_mark_named_as_older_builds_named_it_is_replaced_when_made_again() {
    use claimgraph::store::{DataDir, OpenMode};
    use claimgraph::vocab::{cg, oa};
    use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
    let t = TestDir::new();
    t.load(&["ontology"]);
    ingest(&t, &[INTRO, FUND, QUOTA]);
    let quote = "Regulators are expected to lift the quota on foreign co-productions";
    let mark = |stance: &str| {
        let out = annotate(
            &t,
            &[
                "--quote",
                quote,
                "--claimant",
                "two people briefed on the plan",
                "--stance",
                stance,
            ],
        );
        assert_success(&out);
    };
    mark("disputes");
    // Rename the mark as a build that left the marker out of the name did.
    {
        let data = DataDir::open(&t.data(), OpenMode::Existing).unwrap();
        let graph = NamedNode::new_unchecked(
            "https://w3id.org/claimgraph/graph/annotations/by/researcher-a",
        );
        let quads: Vec<Quad> = data
            .store()
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
            .collect::<Result<_, _>>()
            .unwrap();
        let object = |s: &str, p: oxigraph::model::NamedNodeRef<'_>| -> Term {
            quads
                .iter()
                .find(|q| {
                    q.predicate == p
                        && matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if n.as_str() == s)
                })
                .unwrap()
                .object
                .clone()
        };
        let signed = quads
            .iter()
            .find(|q| q.predicate == cg::CLAIMANT)
            .map(|q| q.subject.to_string().trim_matches(['<', '>']).to_owned())
            .unwrap();
        let named = |t: Term| match t {
            Term::NamedNode(n) => n,
            other => panic!("{other}"),
        };
        let number = |t: Term| match t {
            Term::Literal(l) => l.value().parse::<usize>().unwrap(),
            other => panic!("{other}"),
        };
        let claim = named(object(&signed, cg::CLAIM));
        let key = match object(claim.as_str(), cg::CLAIM_KEY) {
            Term::Literal(l) => l.value().to_owned(),
            other => panic!("{other}"),
        };
        let position = format!("{signed}#position");
        let unsigned = claimgraph::ids::attribution_iri(
            &named(object(&signed, cg::IN_VERSION)),
            number(object(&position, oa::START)),
            number(object(&position, oa::END)),
            &key,
            &named(object(&signed, cg::CLAIMANT)),
            None,
        );
        assert_ne!(unsigned.as_str(), signed);
        let rename = |n: &NamedNode| {
            NamedNode::new_unchecked(n.as_str().replace(&signed, unsigned.as_str()))
        };
        let renamed: Vec<Quad> = quads
            .iter()
            .map(|q| {
                let subject = match &q.subject {
                    NamedOrBlankNode::NamedNode(n) => NamedOrBlankNode::NamedNode(rename(n)),
                    other => other.clone(),
                };
                let object = match &q.object {
                    Term::NamedNode(n) => Term::NamedNode(rename(n)),
                    other => other.clone(),
                };
                Quad::new(subject, q.predicate.clone(), object, q.graph_name.clone())
            })
            .collect();
        data.replace_graphs(&[NamedOrBlankNode::NamedNode(graph)], &renamed)
            .unwrap();
    }
    let before = marks_of(&t, quote);
    assert_eq!(before.len(), 1, "{before:#?}");
    mark("neutral");
    let after = marks_of(&t, quote);
    assert_eq!(after.len(), 1, "{after:#?}");
    let only = after.iter().next().unwrap();
    assert_ne!(only[0], before.iter().next().unwrap()[0]);
    assert_eq!(only[2], "neutral");
    t.cmd().arg("check").assert().success();
}

#[test]
fn a_quote_source_or_name_that_is_not_there_is_refused_with_what_is() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    ingest(&t, &[INTRO, FUND, QUOTA, SUBTITLES]);
    // Not in the text: the nearest passage.
    t.cmd()
        .args(["annotate", URL, "--author", "A", "--claimant", "Li Wei"])
        .args(["--quote", "the provincial fund would triple its support"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("quote not found")
                .and(predicate::str::contains("nearest passage"))
                .and(predicate::str::contains("the provincial fund would double")),
        );
    // Several occurrences: a prefix or suffix for each.
    t.cmd()
        .args([
            "annotate",
            URL,
            "--author",
            "A",
            "--claimant",
            "Li Wei",
            "--quote",
            "the",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("occurs").and(predicate::str::contains("--prefix \"")));
    // An unknown source: the stored ones most like it.
    t.cmd()
        .args([
            "annotate",
            "https://news.example.com/2025/06/export-pushes",
            "--author",
            "A",
            "--claimant",
            "Li Wei",
            "--quote",
            "x",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no stored source").and(predicate::str::contains(URL)));
    // A name holding a line break or another control character.
    for (author, claimant) in [("A", "Zhang\u{1}San"), ("A\tB", "Li Wei")] {
        t.cmd()
            .args(["annotate", URL, "--author", author, "--claimant", claimant])
            .args(["--quote", "Li Wei, a producer"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot hold control characters"));
    }
    // A gazetteer name (the city's label).
    t.cmd()
        .args([
            "annotate",
            URL,
            "--author",
            "A",
            "--quote",
            "Li Wei, a producer",
        ])
        .args(["--claimant", "Beijing"])
        .assert()
        .success();
    // A new name is recorded, with suggestions on stderr.
    t.cmd()
        .args([
            "annotate",
            URL,
            "--author",
            "A",
            "--quote",
            "Li Wei, a producer",
        ])
        .args(["--claimant", "Hengdian Producers Guild", "--format", "json"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "claimant: \"Hengdian Producers Guild\" is not in the gazetteer",
        ))
        .stdout(predicate::str::contains(
            "\"graph\":\"https://w3id.org/claimgraph/graph/annotations/by/a\"",
        ));
    // Nothing refused was stored: two annotations by A.
    let out = t
        .cmd()
        .args([
            "query",
            "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH <https://w3id.org/claimgraph/graph/annotations/by/a> { ?a a cg:Attribution } }",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("\n2"), "{}", stdout_of(&out));
}

#[test]
fn a_persons_annotations_export_as_a_source_file_that_loads_the_same_attributions() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    ingest(&t, &[INTRO, FUND, QUOTA]);
    for (quote, claimant) in [
        ("the provincial fund would double", "Li Wei"),
        (
            "Regulators are expected to lift the quota",
            "two people briefed on the plan",
        ),
    ] {
        assert_success(&annotate(
            &t,
            &[
                "--quote",
                quote,
                "--claimant",
                claimant,
                "--about",
                "state-funding",
            ],
        ));
    }
    let files = exported_source_files(&t);
    assert_eq!(files.len(), 1, "{files:?}");
    let toml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(toml.contains(&format!("url = \"{URL}\"")), "{toml}");
    assert!(toml.contains("annotator = \"Researcher A\""), "{toml}");
    assert_eq!(toml.matches("[[claim]]").count(), 2, "{toml}");

    // Every triple of the person's graph comes back from the file alone.
    let other = TestDir::new();
    other.load(&["ontology"]);
    other.cmd().arg("load").arg(&files[0]).assert().success();
    let triples =
        |data: &std::path::Path, graph_part: &str| -> std::collections::BTreeSet<String> {
            all_quads(data)
                .into_iter()
                .filter(|q| q.contains(graph_part))
                .map(|q| q.rsplit_once(" <").unwrap().0.to_owned())
                .collect()
        };
    let marked = triples(&t.data(), "/graph/annotations/by/researcher-a>");
    let loaded = triples(&other.data(), "/graph/annotations/researcher-a-");
    assert!(!marked.is_empty());
    let missing: Vec<&String> = marked.difference(&loaded).collect();
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn an_annotator_named_in_chinese_and_the_page_s_author_survive_the_round_trip() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    let file = t.path("page.html");
    std::fs::write(
        &file,
        page(&[INTRO, FUND, QUOTA]).replace(
            "<link rel=\"canonical\"",
            "<meta name=\"author\" content=\"Jane Doe\">\n<link rel=\"canonical\"",
        ),
    )
    .unwrap();
    t.cmd().arg("ingest").arg(&file).assert().success();
    assert_success(
        &t.cmd()
            .args(["annotate", URL, "--author", "李明"])
            .args([
                "--quote",
                "the provincial fund would double",
                "--claimant",
                "Li Wei",
            ])
            .output()
            .unwrap(),
    );
    let files = exported_source_files(&t);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("annotator-") && name.is_ascii(), "{name}");
    let toml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(toml.contains("annotator = \"李明\""), "{toml}");
    // The page's author by name, not by the id minted for it here.
    assert!(toml.contains("authors = [\"Jane Doe\"]"), "{toml}");

    let other = TestDir::new();
    other.load(&["ontology"]);
    other.cmd().arg("load").arg(&files[0]).assert().success();
    let marked = triples_in(&t.data(), "/graph/annotations/by/");
    let loaded = triples_in(&other.data(), "/graph/annotations/annotator-");
    assert!(!marked.is_empty());
    let missing: Vec<&String> = marked.difference(&loaded).collect();
    assert!(missing.is_empty(), "{missing:#?}");
    let jane = triples_in(&other.data(), "/graph/annotations/annotator-")
        .into_iter()
        .any(|q| {
            q.contains(
                "/entity/jane-doe> <http://www.w3.org/2000/01/rdf-schema#label> \"Jane Doe\"",
            )
        });
    assert!(jane, "the author keeps the name");
}

/// The source files `export --format toml` writes for `t`'s data.
fn exported_source_files(t: &TestDir) -> Vec<std::path::PathBuf> {
    let out = t.path("out");
    t.cmd()
        .args(["export", "--format", "toml", "--output"])
        .arg(&out)
        .assert()
        .success();
    std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect()
}

/// The triples (graph left out) of the graphs whose IRI contains `part`.
fn triples_in(data: &std::path::Path, part: &str) -> std::collections::BTreeSet<String> {
    all_quads(data)
        .into_iter()
        .filter(|q| q.contains(part))
        .map(|q| q.rsplit_once(" <").unwrap().0.to_owned())
        .collect()
}

#[test]
fn web_annotations_export_and_load_back_as_the_same_attributions() {
    let t = TestDir::new();
    t.load(&["ontology", "sources"]);
    let file = t.path("annotations.jsonld");
    t.cmd()
        .args(["export", "--format", "webannotation", "--output"])
        .arg(&file)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let annotations = json.as_array().unwrap();
    assert_eq!(annotations.len(), 16);
    assert!(
        annotations.iter().all(|a| a["type"] == "Annotation"
            && a["target"]["selector"][0]["type"] == "TextQuoteSelector")
    );

    // Another data directory with the same source: the annotations load into
    // their creator's graph as the very same attributions.
    let other = TestDir::new();
    other.load(&["ontology", "sources"]);
    other
        .cmd()
        .arg("load")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicates::str::contains("16 claim(s)"));
    let imported = triples_in(
        &other.data(),
        "/graph/annotations/by/claimgraph-maintainers>",
    );
    let original = triples_in(&t.data(), "/graph/annotations/micro-drama-op-ed>");
    let attributions = |set: &std::collections::BTreeSet<String>| {
        set.iter()
            .filter(|t| t.ends_with("<https://w3id.org/claimgraph/ns#Attribution>"))
            .count()
    };
    assert_eq!(attributions(&imported), 16);
    let invented: Vec<&String> = imported.difference(&original).collect();
    assert!(invented.is_empty(), "{invented:#?}");
    // Loading the file again changes nothing.
    other
        .cmd()
        .arg("load")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicates::str::contains("unchanged"));
}

#[test]
fn hypothesis_style_annotations_load_and_the_unanchorable_are_named() {
    let t = TestDir::new();
    t.load(&["ontology"]);
    ingest(&t, &[INTRO, FUND, QUOTA]);
    let file = t.path("hypothesis.jsonld");
    let annotation = |id: &str,
                      source: &str,
                      exact: &str,
                      prefix: &str,
                      tags: &[&str],
                      comment: &str| {
        let mut body: Vec<serde_json::Value> = tags
            .iter()
            .map(|t| serde_json::json!({"type": "TextualBody", "purpose": "tagging", "value": t}))
            .collect();
        body.push(
            serde_json::json!({"type": "TextualBody", "value": comment, "format": "text/markdown"}),
        );
        serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "Annotation",
            "id": format!("https://hypothes.is/a/{id}"),
            "created": "2026-11-30T10:20:30.123456+00:00",
            "creator": "acct:lin@hypothes.is",
            "body": body,
            "target": [{
                "source": source,
                "selector": [
                    {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p[2]"}},
                    {"type": "TextPositionSelector", "start": 5, "end": 60},
                    {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": ""}
                ]
            }]
        })
    };
    let doc = serde_json::json!([
        // The page changed a little since the highlight: found anyway.
        annotation(
            "1",
            URL,
            "the provincial fund would double its backing for dramas made for Southeast Asian platforms",
            "Li Wei, a producer, said ",
            &[
                "claimant:Li Wei",
                "kind:indirect",
                "about:state-funding",
                "my-own-tag"
            ],
            "Check with the fund."
        ),
        // No claimant tag: the article's own assertion.
        annotation(
            "2",
            URL,
            "turns out hundreds of short vertical episodes every week",
            "fast-growing industry that ",
            &[],
            "Number?"
        ),
        // A page that was never ingested.
        annotation(
            "3",
            "https://elsewhere.example/story",
            "anything at all",
            "",
            &["claimant:Someone"],
            ""
        ),
    ]);
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let out = t.cmd().arg("load").arg(&file).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("hypothes.is/a/3") && stderr.contains("no stored source"),
        "{stderr}"
    );
    assert!(stderr.contains("2 claim(s)"), "{stderr}");
    // In the creator's graph: the highlight found where the text now says
    // "support", and the article's own assertion.
    let rows = json_rows(
        &t.cmd()
            .args([
                "query",
                "SELECT ?quote ?kind WHERE { GRAPH <https://w3id.org/claimgraph/graph/annotations/by/lin> { ?a cg:kind ?kind ; oa:hasTarget/oa:hasSelector/oa:exact ?quote } } ORDER BY ?quote",
                "--format",
                "json",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0]["quote"]["value"],
        "the provincial fund would double its support for dramas made for Southeast Asian platforms"
    );
    assert!(
        rows[1]["kind"]["value"]
            .as_str()
            .unwrap()
            .ends_with("AuthorAssertion")
    );
    let quads = triples_in(&t.data(), "/graph/annotations/by/lin>");
    assert!(
        quads.iter().any(|q| q.contains("Check with the fund.")),
        "{quads:#?}"
    );

    // Broken JSON, and a context claimgraph would have to fetch: an error
    // naming the file, and nothing loaded.
    let before = all_quads(&t.data());
    std::fs::write(
        t.path("broken.jsonld"),
        "[{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", ",
    )
    .unwrap();
    std::fs::write(
        t.path("remote.jsonld"),
        serde_json::json!({"@context": "https://annotations.example/context.jsonld", "type": "Annotation"}).to_string(),
    )
    .unwrap();
    t.cmd()
        .arg("load")
        .arg(t.path("broken.jsonld"))
        .arg(t.path("remote.jsonld"))
        .assert()
        .code(2)
        .stderr(
            predicates::str::contains("broken.jsonld:1:")
                .and(predicates::str::contains(
                    "https://annotations.example/context.jsonld",
                ))
                .and(predicates::str::contains("never fetches")),
        );
    assert_eq!(all_quads(&t.data()), before);
}

#[test]
fn annotations_of_a_source_without_url_export_with_the_source_they_are_about() {
    let t = TestDir::new();
    t.load(&["ontology", "sources"]);
    t.cmd()
        .args(["annotate", "micro-drama-op-ed", "--author", "Li Wei"])
        .args([
            "--quote",
            "technically competent but hollow",
            "--claimant",
            "Western critics",
        ])
        .args(["--stance", "disputes", "--about", "artistic-integrity"])
        .assert()
        .success();
    let out = t.path("out");
    t.cmd()
        .args(["export", "--format", "toml", "--output"])
        .arg(&out)
        .assert()
        .success();
    let file = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("li-wei-")
        })
        .unwrap();
    let toml = std::fs::read_to_string(&file).unwrap();
    assert!(toml.contains("source_id = \"micro-drama-op-ed\""), "{toml}");
    let other = TestDir::new();
    other.load(&["ontology"]);
    other.cmd().arg("load").arg(&out).assert().success();
    let marked = triples_in(&t.data(), "/graph/annotations/by/li-wei>");
    let loaded = triples_in(&other.data(), "/graph/annotations/li-wei-");
    let missing: Vec<&String> = marked.difference(&loaded).collect();
    assert!(missing.is_empty(), "{missing:#?}");
    // source_id names another file's source; with a url it makes no sense.
    std::fs::write(
        t.path("bad.toml"),
        format!("id = \"x\"\nurl = \"{URL}\"\nsource_id = \"micro-drama-op-ed\"\nheadline = \"x\"\ntext = \"x\"\n"),
    )
    .unwrap();
    t.cmd()
        .arg("load")
        .arg(t.path("bad.toml"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("source_id"));
}

#[test]
fn the_unnamed_author_of_an_untitled_saved_page_is_named_as_ingest_names_it() {
    let t = TestDir::new();
    let (page, author_label) = t.untitled_page(&[
        "We have tracked the state subsidies for short vertical dramas for three years, and the numbers keep surprising us.",
        "The provincial fund doubled its support for dramas made for Southeast Asian platforms in 2025, the budget tables show.",
    ]);
    // No claims found, so no label for the unnamed author yet.
    let out = t
        .cmd()
        .args(["ingest", "--no-claims"])
        .arg(&page)
        .output()
        .unwrap();
    assert_success(&out);
    let url = format!("file://{}", page.display());
    let out = t
        .cmd()
        .args(["annotate", &url, "--author", "Researcher A"])
        .args(["--quote", "The provincial fund doubled its support"])
        .args(["--claimant", "@author"])
        .output()
        .unwrap();
    assert_success(&out);
    // Its folder and file name, as ingest would have written it; not the
    // whole path, nor the source's IRI.
    let want = format!("\"{author_label}\"");
    let labels = stdout_of(
        &t.cmd()
            .args(["query", "--format", "tsv"])
            .arg("SELECT ?l WHERE { ?a <https://w3id.org/claimgraph/ns#claimant>/<http://www.w3.org/2000/01/rdf-schema#label> ?l }")
            .output()
            .unwrap(),
    );
    assert_eq!(labels.lines().nth(1), Some(want.as_str()), "{labels}");
}
