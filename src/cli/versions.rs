//! `claimgraph versions <url>`: a source's stored versions, oldest first,
//! and what changed from each to the next (paragraphs added, removed,
//! changed).

use super::Status;
use super::args::{ExtractFormat, VersionsArgs};
use anyhow::{Result, bail};
use claimgraph::ingest::diff::{Change, diff, paragraphs};
use claimgraph::ingest::save::versions;
use claimgraph::store::OpenMode;
use std::io::Write;
use std::path::Path;

pub fn run(data_dir: &Path, args: VersionsArgs) -> Result<Status> {
    let data = super::open(data_dir, OpenMode::Existing)?;
    let source = super::source_named(&args.url)?;
    let found = versions(&data, &source)?;
    if found.is_empty() {
        bail!(
            "no stored source has the URL {} (sources are named by their canonical URL; `claimgraph query --name sources` lists them)",
            args.url
        );
    }
    let mut out = std::io::stdout().lock();
    let mut previous: Option<Vec<&str>> = None;
    let mut json = Vec::new();
    for v in &found {
        let paras = paragraphs(&v.text);
        let changes: Vec<Change> = previous
            .as_ref()
            .map(|p| diff(p, &paras))
            .unwrap_or_default();
        match args.format {
            ExtractFormat::Json => json.push(serde_json::json!({
                "version": v.iri.as_str(),
                "hash": v.hash,
                "retrieved": v.retrieved,
                "revision_of": v.revision_of.as_ref().map(|r| r.as_str()),
                "paragraphs": paras.len(),
                "changes": changes,
            })),
            ExtractFormat::Text => {
                writeln!(
                    out,
                    "{}  {}  {} paragraphs  {}",
                    v.retrieved.as_deref().unwrap_or("(no retrieval time)"),
                    v.hash,
                    paras.len(),
                    v.iri
                )?;
                for c in &changes {
                    match c {
                        Change::Added { at, text } => {
                            writeln!(out, "  + [{}] {}", at + 1, short(text))?
                        }
                        Change::Removed { at, text } => {
                            writeln!(out, "  - [{}] {}", at + 1, short(text))?
                        }
                        Change::Changed { from, to, old, new } => {
                            writeln!(out, "  ~ [{} -> {}] {}", from + 1, to + 1, short(old))?;
                            writeln!(out, "      -> {}", short(new))?;
                        }
                    }
                }
            }
        }
        previous = Some(paras);
    }
    if args.format == ExtractFormat::Json {
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    }
    Ok(Status::Ok)
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(100).collect();
    if text.chars().count() > 100 {
        s.push('…');
    }
    s
}
