//! Measuring attribution against sources annotated by hand (`sources/*.toml`):
//! for each marked claim, is there an attribution found in the same text
//! whose content covers at least 0.3 of the marked quote, with the right
//! claimant?
//!
//! A researcher marks the claims that matter, not every attribution, so
//! this measures recall; found attributions that match no marked claim are
//! counted but are not errors. Claimants compare as entities: a marked
//! `@author` matches an author assertion, a gazetteer name matches the same
//! gazetteer entity (by any label or alias), and any other name matches by
//! normalised name.

use crate::Result;
use crate::annotated::anchor::anchor;
use crate::annotated::format::{load_text, read_source_file};
use crate::attribute::link::{Linker, normalised_name};
use crate::attribute::resolve::AUTHOR;
use crate::attribute::{AttributionKind, Found, Options, find};
use crate::gazetteer::{Gazetteer, Resolution};
use serde::Serialize;
use std::path::Path;

/// The share of a marked quote a found content must cover.
pub const MIN_COVER: f64 = 0.3;

/// Who a claim is credited to, comparably.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Who {
    Author,
    Entity(String),
    Name(String),
}

/// One marked claim and what was found for it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimResult {
    /// The marked quote.
    pub quote: String,
    /// The marked claimant.
    pub claimant: String,
    /// Found with the right claimant.
    pub found: bool,
    /// Found, but credited to someone else: who.
    pub found_with: Option<String>,
}

/// The report for one annotated source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    /// The file.
    pub file: String,
    /// Marked claims.
    pub marked: usize,
    /// Marked claims found with the right claimant.
    pub found: usize,
    /// Marked claims whose content was found, whoever it was credited to.
    pub found_any_claimant: usize,
    /// Attributions found in the text.
    pub predicted: usize,
    /// found / marked.
    pub recall: f64,
    /// Each marked claim.
    pub claims: Vec<ClaimResult>,
}

fn who_marked(name: &str, gazetteer: &Gazetteer) -> Who {
    if name.trim() == "@author" {
        return Who::Author;
    }
    match gazetteer.resolve(name) {
        Resolution::Found(e) => Who::Entity(e.iri.as_str().to_owned()),
        _ => Who::Name(normalised_name(name)),
    }
}

fn who_found(f: &Found, linker: &Linker) -> Option<Who> {
    if f.kind == AttributionKind::AuthorAssertion || f.claimant.as_deref() == Some(AUTHOR) {
        return Some(Who::Author);
    }
    let name = f.claimant.as_deref()?;
    Some(match linker.resolve_claimant(name) {
        Some(i) => Who::Entity(linker.entity(i).iri.as_str().to_owned()),
        None => Who::Name(normalised_name(name)),
    })
}

fn covered(f: &Found, start: usize, end: usize, text: &str) -> bool {
    let shared: usize = f
        .content
        .parts
        .iter()
        .map(|p| {
            let (a, b) = (p.start.max(start), p.end.min(end));
            if a < b { text[a..b].chars().count() } else { 0 }
        })
        .sum();
    let len = text[start..end].chars().count();
    len > 0 && shared as f64 >= MIN_COVER * len as f64
}

/// Scores the attributions found in one annotated source file.
pub fn evaluate_source(path: &Path, gazetteer: &Gazetteer) -> Result<SourceReport> {
    let (file, _) = read_source_file(path)?;
    let text = load_text(&file, path)?;
    let found = find(&text, file.language.as_deref(), Options::default());
    let linker = Linker::embedded();
    let mut claims = Vec::new();
    for entry in &file.claims {
        let quote = entry.quote.get_ref();
        let Ok(a) = anchor(
            &text,
            quote,
            entry.prefix.as_deref(),
            entry.suffix.as_deref(),
        ) else {
            continue;
        };
        let (start, end) = (a.byte_start, a.byte_start + quote.len());
        let marked = who_marked(entry.claimant.get_ref(), gazetteer);
        let hits: Vec<&Found> = found
            .iter()
            .filter(|f| covered(f, start, end, &text))
            .collect();
        let right = hits
            .iter()
            .any(|f| who_found(f, linker).as_ref() == Some(&marked));
        let found_with = (!right)
            .then(|| {
                hits.first().map(|f| match f.kind {
                    AttributionKind::AuthorAssertion => "@author".to_owned(),
                    _ => f.claimant.clone().unwrap_or_default(),
                })
            })
            .flatten();
        claims.push(ClaimResult {
            quote: quote.to_owned(),
            claimant: entry.claimant.get_ref().to_owned(),
            found: right,
            found_with,
        });
    }
    let marked = claims.len();
    let found_right = claims.iter().filter(|c| c.found).count();
    Ok(SourceReport {
        file: path.display().to_string(),
        marked,
        found: found_right,
        found_any_claimant: claims
            .iter()
            .filter(|c| c.found || c.found_with.is_some())
            .count(),
        predicted: found.len(),
        recall: if marked == 0 {
            0.0
        } else {
            found_right as f64 / marked as f64
        },
        claims,
    })
}
