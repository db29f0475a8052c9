//! `claimgraph eval attribution` and `train attribution` on a tiny brat
//! corpus written by the test: gold counts, the JSON shape, errors named
//! with file and line, floors, a missing split, and a model trained twice.

use crate::util::{TestDir, assert_success};
use predicates::prelude::*;
use std::path::Path;

const COUNCIL: &str =
    "The mayor said the new bridge will open in May. “It is on budget,” a spokeswoman added.";
const HARBOUR: &str = "Officials at the café confirmed that prices will rise.";

/// A brat text-bound line for the first occurrence of `needle`, with
/// character offsets.
fn t_line(id: &str, kind: &str, text: &str, needle: &str) -> String {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    let end = start + needle.chars().count();
    format!("{id}\t{kind} {start} {end}\t{needle}\n")
}

fn write(path: &Path, content: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// Two articles; the council one annotated twice. Gold: 3 sources, 4 cues,
/// 4 contents in 3 annotation files.
fn write_corpus(root: &Path) {
    let dev = root.join("dev");
    write(&dev.join("text/council.txt"), COUNCIL);
    write(&dev.join("text/harbour.txt"), HARBOUR);
    let first = [
        t_line("T1", "Source", COUNCIL, "The mayor"),
        t_line("T2", "Cue", COUNCIL, "said"),
        t_line("T3", "Content", COUNCIL, "the new bridge will open in May"),
        t_line("T4", "Attribution", COUNCIL, "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n".to_owned(),
        t_line("T5", "Content", COUNCIL, "It is on budget"),
        t_line("T6", "Source", COUNCIL, "a spokeswoman"),
        t_line("T7", "Cue", COUNCIL, "added"),
        t_line("T8", "Attribution", COUNCIL, "added"),
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n".to_owned(),
        t_line("T9", "Discard", COUNCIL, "May"),
    ];
    write(&dev.join("attributions/council_ab12.ann"), &first.concat());
    let second = [
        t_line("T1", "Cue", COUNCIL, "said"),
        t_line("T2", "Content", COUNCIL, "the new bridge will open"),
        t_line("T3", "Attribution-no-source", COUNCIL, "said"),
        "E1\tAttribution-no-source:T3 Cue:T1 Content:T2\n".to_owned(),
        "#1\tAnnotatorNotes T2\tshould May be in?\n".to_owned(),
    ];
    write(&dev.join("attributions/council_cd34.ann"), &second.concat());
    let third = [
        t_line("T1", "Source", HARBOUR, "Officials at the café"),
        t_line("T2", "Cue", HARBOUR, "confirmed"),
        t_line("T3", "Content", HARBOUR, "that prices will rise"),
        t_line("T4", "Attribution", HARBOUR, "confirmed"),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n".to_owned(),
    ];
    write(&dev.join("attributions/harbour_ef56.ann"), &third.concat());
}

fn eval(t: &TestDir, corpus: &Path, extra: &[&str]) -> std::process::Output {
    t.cmd()
        .args(["eval", "attribution", "--corpus"])
        .arg(corpus)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn attribution_report_counts_gold_per_annotation_file() {
    let t = TestDir::new();
    let corpus = t.path("polnear");
    write_corpus(&corpus);
    let out = eval(&t, &corpus, &["--format", "json"]);
    assert_success(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for role in ["source", "cue", "content"] {
        for criterion in ["exact", "overlap_0.3", "overlap_0.8"] {
            for key in ["p", "r", "f1"] {
                assert!(
                    json[role][criterion][key].is_number(),
                    "{role}.{criterion}.{key} in {json}"
                );
            }
        }
    }
    assert_eq!(json["documents"], 3);
    assert_eq!(json["texts"], 2);
    assert_eq!(json["split"], "dev");
    assert_eq!(json["errors"].as_array().unwrap().len(), 0);
    let counts = &json["counts"];
    assert_eq!(counts["source"]["gold"], 3);
    assert_eq!(counts["cue"]["gold"], 4);
    assert_eq!(counts["content"]["gold"], 4);
    // The shipped model finds "The mayor said …" in the council text; each
    // of the text's two annotation files scores the same predictions.
    for role in ["source", "cue", "content"] {
        assert!(
            counts[role]["predicted"].as_u64().unwrap() >= 2,
            "{role}: {json}"
        );
    }
    assert!(
        counts["cue"]["matched"]["exact"].as_u64().unwrap() >= 2,
        "{json}"
    );
    assert!(
        counts["source"]["matched"]["exact"].as_u64().unwrap() >= 1,
        "{json}"
    );
    assert!(json["cue"]["exact"]["f1"].as_f64().unwrap() > 0.0, "{json}");

    let out = eval(&t, &corpus, &[]);
    assert_success(&out);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("3 annotation files on 2 texts"), "{table}");
    assert!(
        table.contains("content  overlap>=0.3      4         5       4"),
        "{table}"
    );
}

#[test]
fn predictions_are_written_as_brat_files_that_score_like_the_report() {
    let t = TestDir::new();
    let corpus = t.path("polnear");
    write_corpus(&corpus);
    let predictions = t.path("pred");
    let out = eval(
        &t,
        &corpus,
        &[
            "--format",
            "json",
            "--predictions",
            predictions.to_str().unwrap(),
        ],
    );
    assert_success(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // One file per text, named after it.
    let mut names: Vec<String> = std::fs::read_dir(&predictions)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["council.ann", "harbour.ann"]);
    let council = std::fs::read_to_string(predictions.join("council.ann")).unwrap();
    assert!(council.contains("\tCue "), "{council}");
    assert!(council.contains("\tThe mayor"), "{council}");
    // Scored as gold against themselves, the predictions match one to one.
    let own = t.path("own");
    write(&own.join("dev/text/council.txt"), COUNCIL);
    write(&own.join("dev/attributions/council.ann"), &council);
    let out = eval(&t, &own, &["--format", "json"]);
    assert_success(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"].as_array().unwrap().len(), 0, "{json}");
    for role in ["source", "cue", "content"] {
        assert_eq!(json[role]["exact"]["f1"], 1.0, "{role}: {json}");
    }
    assert!(report["counts"]["cue"]["predicted"].as_u64().unwrap() >= 2);
}

/// Annotation lines of the harbour text whose line 2 is a span past the
/// end of its text.
fn span_past_the_text() -> String {
    [
        t_line("T1", "Cue", HARBOUR, "confirmed"),
        "T2\tContent 26 99\tthat prices will rise\n".to_owned(),
        "E1\tAttribution-no-source:T1 Cue:T1 Content:T2\n".to_owned(),
    ]
    .concat()
}

#[test]
fn a_bad_annotation_is_named_and_the_rest_is_scored() {
    let t = TestDir::new();
    let corpus = t.path("polnear");
    write_corpus(&corpus);
    let good = [
        t_line("T3", "Content", HARBOUR, "prices will rise"),
        "E2\tAttribution-no-source:T1 Cue:T1 Content:T3\n".to_owned(),
    ];
    write(
        &corpus.join("dev/attributions/harbour_9f9f.ann"),
        &(span_past_the_text() + &good.concat()),
    );
    let out = eval(&t, &corpus, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(3));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"], 4);
    assert_eq!(json["counts"]["cue"]["gold"], 5);
    assert_eq!(json["counts"]["content"]["gold"], 5);
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = errors[0].as_str().unwrap();
    assert!(error.contains("harbour_9f9f.ann (line 2): T2"), "{error}");
    assert!(error.contains("outside the text"), "{error}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("harbour_9f9f.ann (line 2)"), "{stderr}");
}

#[test]
fn floors_below_the_measured_f1_exit_2() {
    let t = TestDir::new();
    let corpus = t.path("polnear");
    write_corpus(&corpus);
    t.cmd()
        .args(["eval", "attribution", "--corpus"])
        .arg(&corpus)
        .args(["--floor-cue-exact", "1.01", "--floor-source-exact", "0"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("cue F1 (exact)")
                .and(predicate::str::contains("below the floor 1.010"))
                .and(predicate::str::contains("source F1").not()),
        );
}

#[test]
fn a_missing_split_or_corpus_exits_2() {
    let t = TestDir::new();
    let corpus = t.path("polnear");
    write_corpus(&corpus);
    t.cmd()
        .args(["eval", "attribution", "--split", "test", "--corpus"])
        .arg(&corpus)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no split \"test\""));
    t.cmd()
        .args(["eval", "attribution", "--corpus"])
        .arg(t.path("nowhere"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("nowhere").and(predicate::str::contains("does not exist")),
        );
}

#[test]
fn a_model_file_that_is_not_a_model_is_refused_by_name() {
    let t = TestDir::new();
    let corpus = t.path("polnear");
    write_corpus(&corpus);
    for (name, bytes) in [
        ("garbage.model", b"not a model at all".to_vec()),
        ("empty.model", Vec::new()),
    ] {
        let path = t.path(name);
        std::fs::write(&path, bytes).unwrap();
        let out = eval(&t, &corpus, &["--model", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(name) && stderr.contains("cannot read model"),
            "{stderr}"
        );
    }
    let out = eval(
        &t,
        &corpus,
        &["--model", t.path("absent.model").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("absent.model"));
}

#[test]
fn train_writes_the_same_model_for_the_same_seed_and_eval_reads_it() {
    let t = TestDir::new();
    let corpus = t.path("polnear");
    write_corpus(&corpus);
    let train = |seed: &str, out: &str| {
        t.cmd()
            .args(["train", "attribution", "--split", "dev", "--epochs", "3"])
            .args(["--seed", seed, "--corpus"])
            .arg(&corpus)
            .arg("--out")
            .arg(t.path(out))
            .output()
            .unwrap()
    };
    let out = train("7", "a.model");
    assert_success(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("training on 3 annotated documents, 3 epochs")
            && stderr.contains("epoch  3:")
            && stderr.contains("a.model"),
        "{stderr}"
    );
    assert_success(&train("7", "b.model"));
    let read = |name: &str| std::fs::read(t.path(name)).unwrap();
    assert!(read("a.model").len() > 1000);
    assert_eq!(read("a.model"), read("b.model"), "same seed, same file");
    // The model learnt is one `eval` reads: it finds the cue it was shown.
    let out = eval(
        &t,
        &corpus,
        &[
            "--model",
            t.path("a.model").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_success(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["cue"]["exact"]["r"].as_f64().unwrap() > 0.0,
        "{report}"
    );
    // A corpus without the split is named, and nothing is written.
    t.cmd()
        .args(["train", "attribution", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(t.path("c.model"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("train"));
    assert!(!t.path("c.model").exists());
}

#[test]
fn train_names_a_bad_annotation_learns_from_the_rest_and_never_leaves_half_a_model() {
    let t = TestDir::new();
    let corpus = t.path("polnear");
    write_corpus(&corpus);
    write(
        &corpus.join("dev/attributions/harbour_9f9f.ann"),
        &span_past_the_text(),
    );
    let train = |out: &Path| {
        t.cmd()
            .args([
                "train",
                "attribution",
                "--split",
                "dev",
                "--epochs",
                "2",
                "--corpus",
            ])
            .arg(&corpus)
            .arg("--out")
            .arg(out)
            .output()
            .unwrap()
    };
    let model = t.path("models/a.model");
    let out = train(&model);
    assert_eq!(out.status.code(), Some(3), "partial: one file was bad");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("harbour_9f9f.ann (line 2)")
            && stderr.contains("training on 4 annotated documents"),
        "{stderr}"
    );
    assert!(std::fs::metadata(&model).unwrap().len() > 1000);
    // An output that cannot be written is named, and what was there stays
    // (a directory here), with no partial file left beside it.
    let taken = t.path("models/taken");
    write(&taken.join("keep.txt"), "kept");
    let out = train(&taken);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("taken"));
    assert_eq!(
        std::fs::read_to_string(taken.join("keep.txt")).unwrap(),
        "kept"
    );
    let mut left: Vec<String> = std::fs::read_dir(t.path("models"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["a.model", "taken"]);
    // Under a file, not a directory: named too.
    let out = train(&t.path("models/a.model/b.model"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("b.model"));
}

#[test]
fn eval_claims_names_a_broken_source_and_still_scores_the_others() {
    let t = TestDir::new();
    let dir = t.path("sources");
    write(
        &dir.join("good.toml"),
        "id = \"good\"\nheadline = \"Quotas\"\nlanguage = \"en\"\n\
         text = \"The ministry said the quota for imported dramas will rise next year.\"\n\n\
         [[claim]]\nquote = \"the quota for imported dramas will rise next year\"\n\
         claim = \"The quota for imported dramas will rise next year\"\n\
         claimant = \"The ministry\"\ncue = \"said\"\nkind = \"indirect\"\nstance = \"neutral\"\n",
    );
    write(
        &dir.join("broken.toml"),
        "id = \"broken\"\nheadline = [unclosed\n",
    );
    let out = t
        .cmd()
        .args(["eval", "claims", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.toml"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["marked"], 1);
    assert_eq!(json["found"], 1, "{json}");
}
