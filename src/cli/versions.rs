//! `claimgraph versions <url>`: a source's stored versions, oldest first,
//! and what changed from each to the next (paragraphs added, removed,
//! changed).

use super::Status;
use super::args::{ExtractFormat, VersionsArgs};
use anyhow::Result;
use claimgraph::annotated::annotate::find_source;
use claimgraph::ingest::diff::{Change, Piece, diff, paragraphs, words_changed};
use claimgraph::store::OpenMode;
use std::io::Write;
use std::path::Path;

pub fn run(data_dir: &Path, args: VersionsArgs) -> Result<Status> {
    let data = super::open(data_dir, OpenMode::Read)?;
    let (_, found) = find_source(&data, &args.url)?;
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
                "changes": changes.iter().map(with_words).collect::<Vec<_>>(),
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
                        Change::Changed { from, to, old, new } => writeln!(
                            out,
                            "  ~ [{} -> {}] {}",
                            from + 1,
                            to + 1,
                            shown(&words_changed(old, new))
                        )?,
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

/// A change as JSON; a changed paragraph also with what changed in it
/// (`words`: runs of `same`, `removed` and `added` text).
fn with_words(change: &Change) -> serde_json::Value {
    let mut value = serde_json::to_value(change).unwrap_or_default();
    if let (Change::Changed { old, new, .. }, Some(object)) = (change, value.as_object_mut()) {
        object.insert(
            "words".into(),
            serde_json::to_value(words_changed(old, new)).unwrap_or_default(),
        );
    }
    value
}

/// Characters of common text shown before and after a change.
const CONTEXT: usize = 60;

/// A changed paragraph as one line: the words removed `[-…-]` and added
/// `{+…+}` (as `git diff --word-diff=plain` marks them) with some of the
/// common text around them.
fn shown(pieces: &[Piece]) -> String {
    let mut line = String::new();
    let last = pieces.len().saturating_sub(1);
    for (k, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Same(s) if k == 0 && k != last => line.push_str(&tail(s, CONTEXT)),
            Piece::Same(s) if k == last && k != 0 => line.push_str(&head(s, CONTEXT)),
            Piece::Same(s) if s.chars().count() > 2 * CONTEXT => {
                line.push_str(&head(s, CONTEXT));
                line.push_str(&tail(s, CONTEXT));
            }
            Piece::Same(s) => line.push_str(s),
            Piece::Removed(s) => line.push_str(&format!("[-{}-]", short(s))),
            Piece::Added(s) => line.push_str(&format!("{{+{}+}}", short(s))),
        }
    }
    line
}

/// The first `n` characters of `s`, with "…" when there are more.
fn head(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// The last `n` characters of `s`, with "…" when there are more.
fn tail(s: &str, n: usize) -> String {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((at, _)) if at > 0 => format!("…{}", &s[at..]),
        _ => s.to_owned(),
    }
}

/// A paragraph or a change of up to 300 characters, else its start and
/// end.
fn short(text: &str) -> String {
    if text.chars().count() <= 300 {
        return text.to_owned();
    }
    let start = head(text, 150);
    let end = tail(text, 140);
    format!("{}{}", start.trim_end_matches('…'), end)
}
