//! `claimgraph train attribution`: learns the English attribution model
//! from a brat-annotated corpus and writes it where the build embeds it.
//!
//! Training is deterministic (fixed feature hashing, a fixed shuffle), so
//! the same corpus, epochs and seed give the same file on any machine.

use super::Status;
use super::args::{TrainArgs, TrainCommand};
use anyhow::{Context, Result};
use claimgraph::attribute::model::{Example, train};
use claimgraph::eval::brat::read_split;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

/// Runs `train`.
pub fn run(args: TrainArgs) -> Result<Status> {
    match args.what {
        TrainCommand::Attribution(a) => {
            let started = Instant::now();
            let (docs, errors) = read_split(&a.corpus, &a.split);
            for e in &errors {
                eprintln!("claimgraph: {e}");
            }
            if docs.is_empty() {
                anyhow::bail!(
                    "no annotated documents in {}/{}",
                    a.corpus.display(),
                    a.split
                );
            }
            let examples: Vec<(String, Vec<Example>)> =
                docs.into_iter().map(|d| (d.text, d.attributions)).collect();
            eprintln!(
                "claimgraph: training on {} annotated documents, {} epochs",
                examples.len(),
                a.epochs
            );
            let (mut model, log) = train(&examples, a.epochs, a.seed);
            model.cue_bias = a.cue_bias;
            for (i, (cue, role)) in log.epochs.iter().enumerate() {
                eprintln!(
                    "  epoch {:>2}: {cue} wrong cue tags, {role} wrong role tags",
                    i + 1
                );
            }
            if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).with_context(|| {
                    format!(
                        "cannot write {}: cannot create {}",
                        a.out.display(),
                        dir.display()
                    )
                })?;
            }
            write_whole(&a.out, |out| model.save(out))
                .with_context(|| format!("cannot write {}", a.out.display()))?;
            let size = std::fs::metadata(&a.out).map(|m| m.len()).unwrap_or(0);
            eprintln!(
                "claimgraph: wrote {} ({} KiB; {} cue and {} role sequences) in {:.1} s",
                a.out.display(),
                size / 1024,
                log.sequences.0,
                log.sequences.1,
                started.elapsed().as_secs_f64()
            );
            Ok(if errors.is_empty() {
                Status::Ok
            } else {
                Status::Partial
            })
        }
    }
}

/// Writes `path` through `write`, whole or not at all: into a file beside
/// it, renamed over it once complete, so a failed write (a full disk, an
/// interrupted run) leaves the model that was there, which the build
/// embeds.
fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let partial = path.with_file_name(format!(".{name}.partial-{}", std::process::id()));
    let result = std::fs::File::create(&partial).and_then(|file| {
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        out.flush()?;
        out.get_ref().sync_all()?;
        drop(out);
        std::fs::rename(&partial, path)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}
