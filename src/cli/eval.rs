//! `claimgraph eval extraction` and `eval attribution`: the extractor and the
//! attribution finder against annotated corpora, as a table or JSON.

use super::Status;
use super::args::{
    EvalArgs, EvalAttributionArgs, EvalClaimsArgs, EvalCommand, EvalFormat, ExtractFormat,
};
use anyhow::{Context, Result, bail};
use claimgraph::attribute::model::AttributionModel;
use claimgraph::attribute::{Options, english_model, find_with};
use claimgraph::eval::attribution::{
    AttributionReport, CRITERIA, Criterion, evaluate_with_progress,
};
use claimgraph::eval::claims::evaluate_source;
use claimgraph::eval::extraction::evaluate;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

pub fn run(args: EvalArgs) -> Result<Status> {
    match args.what {
        EvalCommand::Attribution(a) => attribution(a),
        EvalCommand::Claims(a) => claims(a),
        EvalCommand::Extraction(a) => {
            let tty = std::io::stderr().is_terminal();
            let report = evaluate(&a.corpus, a.extractor.into(), |done, total| {
                if tty {
                    eprint!("\r{done}/{total} pages");
                    if done == total {
                        eprintln!();
                    }
                }
            })?;
            let mut out = std::io::stdout().lock();
            match a.format {
                ExtractFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &report)?;
                    writeln!(out)?;
                }
                ExtractFormat::Text => {
                    writeln!(
                        out,
                        "corpus {} ({:?}), {} pages",
                        report.corpus, report.layout, report.pages
                    )?;
                    if let Some(t) = report.text {
                        writeln!(
                            out,
                            "text (\\w+ shingles):       P {:.3}  R {:.3}  F1 {:.3}",
                            t.precision, t.recall, t.f1
                        )?;
                    }
                    if let Some(t) = report.text_chars {
                        writeln!(
                            out,
                            "text (Han-char shingles):  P {:.3}  R {:.3}  F1 {:.3}",
                            t.precision, t.recall, t.f1
                        )?;
                    }
                    for (field, s) in &report.fields {
                        writeln!(
                            out,
                            "{field:<10} correct {:>4} / {:<4} ({:.1} %), given {}",
                            s.correct,
                            s.gold,
                            s.rate * 100.0,
                            s.given
                        )?;
                    }
                    if let Some(m) = report.metadata {
                        writeln!(
                            out,
                            "metadata pooled:           P {:.3}  R {:.3}  F1 {:.3}",
                            m.precision, m.recall, m.f1
                        )?;
                    }
                    writeln!(
                        out,
                        "extraction time {:.2} s ({:.1} pages/s)",
                        report.extract_seconds,
                        report.pages as f64 / report.extract_seconds.max(1e-9)
                    )?;
                    let mut worst: Vec<_> = report.per_page.iter().collect();
                    worst.sort_by(|x, y| x.f1.total_cmp(&y.f1));
                    for w in worst.iter().take(a.worst) {
                        writeln!(
                            out,
                            "  worst: {}  P {:.3}  R {:.3}  F1 {:.3}",
                            w.page, w.precision, w.recall, w.f1
                        )?;
                    }
                    for e in &report.errors {
                        writeln!(out, "  failed: {}: {}", e.page, e.error)?;
                    }
                }
            }
            Ok(Status::Ok)
        }
    }
}

/// `eval attribution`: checks the split exists, scores it, prints the report
/// and compares it with the floors.
fn attribution(a: EvalAttributionArgs) -> Result<Status> {
    let split_dir = a.corpus.join(&a.split);
    if !a.corpus.is_dir() {
        bail!("corpus directory {} does not exist", a.corpus.display());
    }
    if !split_dir.join("text").is_dir() || !split_dir.join("attributions").is_dir() {
        bail!(
            "no split {:?} in {}: expected {}/text/ and {}/attributions/",
            a.split,
            a.corpus.display(),
            split_dir.display(),
            split_dir.display()
        );
    }
    let model = match &a.model {
        Some(path) => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot open model {}", path.display()))?;
            let mut m = AttributionModel::load(std::io::BufReader::new(file))
                .with_context(|| format!("cannot read model {}", path.display()))?;
            if let Some(bias) = a.cue_bias {
                m.cue_bias = bias;
            }
            m
        }
        None => {
            let mut m = english_model().clone();
            if let Some(bias) = a.cue_bias {
                m.cue_bias = bias;
            }
            m
        }
    };
    // The corpus marks reported speech only: the article's own assertions
    // are not looked for.
    let options = Options {
        author_assertions: false,
    };
    let tty = std::io::stderr().is_terminal();
    let report = evaluate_with_progress(
        &a.corpus,
        &a.split,
        |text| find_with(&model, text, Some("en"), options),
        |done, total| {
            if tty {
                eprint!("\r{done}/{total} texts");
                if done == total {
                    eprintln!();
                }
            }
        },
    );
    if let Some(dir) = &a.predictions {
        write_predictions(&a.corpus, &a.split, dir, |text| {
            find_with(&model, text, Some("en"), options)
        })?;
    }
    let mut out = std::io::stdout().lock();
    match a.format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        EvalFormat::Text => write_attribution_table(&mut out, &report)?,
    }
    for e in &report.errors {
        eprintln!("claimgraph: {e}");
    }
    let below = floors_missed(&a, &report);
    for miss in &below {
        eprintln!("claimgraph: {miss}");
    }
    Ok(if !below.is_empty() {
        Status::Error
    } else if !report.errors.is_empty() {
        Status::Partial
    } else {
        Status::Ok
    })
}

/// Writes what `predict` finds in each text of the split as
/// `dir/<text name>.ann`.
fn write_predictions(
    corpus: &std::path::Path,
    split: &str,
    dir: &std::path::Path,
    predict: impl Fn(&str) -> Vec<claimgraph::attribute::Found>,
) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let (documents, _) = claimgraph::eval::brat::read_split(corpus, split);
    let mut written = std::collections::HashSet::new();
    for d in &documents {
        if !written.insert(d.text_name.as_str()) {
            continue;
        }
        let path = dir.join(format!("{}.ann", d.text_name));
        let ann = claimgraph::eval::brat::write_ann(&d.text, &predict(&d.text));
        std::fs::write(&path, ann).with_context(|| format!("cannot write {}", path.display()))?;
    }
    eprintln!(
        "claimgraph: wrote {} prediction files to {}",
        written.len(),
        dir.display()
    );
    Ok(())
}

/// A criterion's name in the table.
fn criterion_name(c: Criterion) -> String {
    match c {
        Criterion::Exact => "exact".to_owned(),
        Criterion::Overlap(t) => format!("overlap>={t}"),
    }
}

/// The report as an aligned table: one row per role and criterion.
fn write_attribution_table(out: &mut impl Write, report: &AttributionReport) -> Result<()> {
    writeln!(
        out,
        "corpus {}, split {}: {} annotation files on {} texts, predicted in {:.2} s",
        report.corpus, report.split, report.documents, report.texts, report.predict_seconds
    )?;
    writeln!(
        out,
        "{:<8} {:<12} {:>6} {:>9} {:>7} {:>6} {:>6} {:>6}",
        "role", "criterion", "gold", "predicted", "matched", "P", "R", "F1"
    )?;
    let roles = [
        ("source", &report.counts.source, &report.source),
        ("cue", &report.counts.cue, &report.cue),
        ("content", &report.counts.content, &report.content),
    ];
    for (role, counts, scores) in roles {
        for c in CRITERIA {
            let s = scores.get(c);
            writeln!(
                out,
                "{role:<8} {:<12} {:>6} {:>9} {:>7} {:>6.3} {:>6.3} {:>6.3}",
                criterion_name(c),
                counts.gold,
                counts.predicted,
                counts.matched.get(c),
                s.p,
                s.r,
                s.f1
            )?;
        }
    }
    if !report.errors.is_empty() {
        writeln!(out, "{} annotation errors (on stderr)", report.errors.len())?;
    }
    Ok(())
}

/// One message per `--floor-*` the report's F1 falls below.
fn floors_missed(a: &EvalAttributionArgs, report: &AttributionReport) -> Vec<String> {
    [
        (
            "content F1 (overlap >= 0.3)",
            a.floor_content_overlap,
            report.content.overlap_03.f1,
        ),
        (
            "source F1 (exact)",
            a.floor_source_exact,
            report.source.exact.f1,
        ),
        ("cue F1 (exact)", a.floor_cue_exact, report.cue.exact.f1),
    ]
    .into_iter()
    .filter_map(|(what, floor, f1)| {
        let floor = floor?;
        (f1 < floor).then(|| format!("{what} {f1:.3} is below the floor {floor:.3}"))
    })
    .collect()
}

/// `eval claims`: recall of hand-marked claims, with the right claimant.
fn claims(a: EvalClaimsArgs) -> Result<Status> {
    let mut files = Vec::new();
    for input in &a.inputs {
        if input.is_dir() {
            let mut in_dir: Vec<PathBuf> = std::fs::read_dir(input)
                .with_context(|| format!("cannot read {}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            in_dir.sort();
            files.extend(in_dir);
        } else {
            files.push(input.clone());
        }
    }
    let gazetteer = claimgraph::gazetteer::Gazetteer::embedded();
    let mut reports = Vec::new();
    let mut failed = 0;
    for f in &files {
        match evaluate_source(f, &gazetteer) {
            Ok(r) => reports.push(r),
            Err(e) => {
                eprintln!("claimgraph: error: {e}");
                failed += 1;
            }
        }
    }
    if reports.is_empty() {
        bail!("no annotated source could be read");
    }
    let marked: usize = reports.iter().map(|r| r.marked).sum();
    let found: usize = reports.iter().map(|r| r.found).sum();
    let recall = if marked == 0 {
        0.0
    } else {
        found as f64 / marked as f64
    };
    let mut out = std::io::stdout().lock();
    match a.format {
        EvalFormat::Json => {
            let json = serde_json::json!({
                "marked": marked,
                "found": found,
                "recall": recall,
                "sources": reports,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        EvalFormat::Text => {
            for r in &reports {
                writeln!(
                    out,
                    "{}: {}/{} marked claims found with the right claimant (recall {:.3}); {} with any claimant; {} attributions found",
                    r.file, r.found, r.marked, r.recall, r.found_any_claimant, r.predicted
                )?;
                for c in r.claims.iter().filter(|c| !c.found) {
                    let quote: String = c.quote.chars().take(70).collect();
                    writeln!(
                        out,
                        "  missed ({}): {quote}…{}",
                        c.claimant,
                        c.found_with
                            .as_deref()
                            .map(|w| format!(" [found as {w}]"))
                            .unwrap_or_default()
                    )?;
                }
            }
            if reports.len() > 1 {
                writeln!(out, "pooled: {found}/{marked}, recall {recall:.3}")?;
            }
        }
    }
    if let Some(floor) = a.floor_recall
        && recall < floor
    {
        eprintln!("claimgraph: recall {recall:.3} is below the floor {floor:.3}");
        return Ok(Status::Error);
    }
    Ok(if failed > 0 {
        Status::Partial
    } else {
        Status::Ok
    })
}
