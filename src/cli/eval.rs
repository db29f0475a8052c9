//! `claimgraph eval extraction`: the extractor against an annotated corpus,
//! as a table or JSON.

use super::Status;
use super::args::{EvalArgs, EvalCommand, ExtractFormat};
use anyhow::Result;
use claimgraph::eval::extraction::evaluate;
use std::io::{IsTerminal, Write};

pub fn run(args: EvalArgs) -> Result<Status> {
    match args.what {
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
