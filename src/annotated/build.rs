//! From a parsed source file to the quads of its named graph: the source and
//! its version, each marked claim, its attribution with reporter chain and
//! Web Annotation selectors, and any entity the gazetteer lacks.

use super::anchor::anchor;
use super::format::{ClaimEntry, Kind, SourceFile, Stance, load_text};
use crate::attribute::record::{self, Record};
use crate::gazetteer::{Gazetteer, Resolution};
use crate::ids;
use crate::text::line_column;
use crate::vocab::{cg, dct, prov, rdf, rdfs, schema, skos, xsd};
use crate::{Error, Result};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeSet;
use std::path::Path;

/// schema.org types a source may have.
pub const SOURCE_TYPES: &[&str] = &[
    "CreativeWork",
    "Article",
    "NewsArticle",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "ReportageNewsArticle",
    "BackgroundNewsArticle",
    "Report",
    "ScholarlyArticle",
    "BlogPosting",
    "SocialMediaPosting",
    "WebPage",
    "Legislation",
];

/// A source file turned into quads.
#[derive(Debug)]
pub struct BuiltSource {
    /// The named graph all quads are in.
    pub graph: NamedNode,
    /// The source's IRI.
    pub source: NamedNode,
    /// The quads.
    pub quads: Vec<Quad>,
    /// Claims marked.
    pub claims: usize,
    /// Names the gazetteer did not know, minted as new entities, with
    /// suggestions from the gazetteer: things a person should look at.
    pub warnings: Vec<String>,
}

/// Builds the quads of one source file. `content` is the TOML text (for
/// line numbers in errors).
pub fn build_source(
    file: &SourceFile,
    content: &str,
    path: &Path,
    gazetteer: &Gazetteer,
) -> Result<BuiltSource> {
    if !ids::is_valid_id(&file.id) {
        return Err(Error::invalid(
            path,
            Some("id".into()),
            format!(
                "id {:?} must be ASCII letters, digits, '.', '_' or '-', starting with a letter or digit",
                file.id
            ),
        ));
    }
    if !SOURCE_TYPES.contains(&file.source_type.as_str()) {
        return Err(Error::invalid(
            path,
            Some("type".into()),
            format!(
                "unknown type {:?}; use one of {}",
                file.source_type,
                SOURCE_TYPES.join(", ")
            ),
        ));
    }
    let text = load_text(file, path)?;
    let graph = ids::annotations_graph(&file.id);
    if let Some(other) = &file.source_id
        && (!ids::is_valid_id(other) || file.url.is_some())
    {
        return Err(Error::invalid(
            path,
            Some("source_id".into()),
            format!(
                "source_id {other:?} must be another file's id (ASCII letters, digits, '.', '_' or '-'), and only for a source without url"
            ),
        ));
    }
    let source = ids::source_iri(
        file.url.as_deref(),
        file.source_id.as_deref().unwrap_or(&file.id),
    );
    let hash = ids::content_hash(&text);
    let version = ids::version_iri(&source, &hash);
    let mut b = Builder {
        graph: GraphName::NamedNode(graph.clone()),
        quads: Vec::new(),
        minted: BTreeSet::new(),
        warnings: Vec::new(),
        gazetteer,
        path,
    };

    // The source and its version.
    b.add(
        &source,
        rdf::TYPE,
        NamedNode::new_unchecked(format!("{}{}", schema::NS, file.source_type)),
    );
    b.add(
        &source,
        schema::HEADLINE,
        Literal::new_simple_literal(&file.headline),
    );
    if let Some(url) = &file.url {
        let url = NamedNode::new(url.trim()).map_err(|e| {
            Error::invalid(
                path,
                Some("url".into()),
                format!("{url:?} is not a valid URL: {e}"),
            )
        })?;
        b.add(&source, schema::URL, url);
    }
    for author in &file.authors {
        let a = b.entity(author, "authors", None)?;
        b.add(&source, schema::AUTHOR, a);
    }
    if let Some(publisher) = &file.publisher {
        let p = b.entity(publisher, "publisher", None)?;
        b.add(&source, schema::PUBLISHER, p);
    }
    if let Some(date) = &file.published {
        b.add(
            &source,
            schema::DATE_PUBLISHED,
            date_literal(date).ok_or_else(|| bad_date(path, "published", date))?,
        );
    }
    if let Some(language) = &file.language {
        if !is_language_tag(language) {
            return Err(Error::invalid(
                path,
                Some("language".into()),
                format!("{language:?} is not a language tag (en, zh, zh-Hans…)"),
            ));
        }
        b.add(
            &source,
            schema::IN_LANGUAGE,
            Literal::new_simple_literal(language),
        );
    }
    if let Some(note) = &file.note {
        b.add(&source, skos::NOTE, Literal::new_simple_literal(note));
    }
    b.add(&source, cg::HAS_VERSION, version.clone());
    b.add(&version, rdf::TYPE, cg::SOURCE_VERSION);
    b.add(&version, cg::VERSION_OF, source.clone());
    b.add(&version, cg::TEXT, Literal::new_simple_literal(&text));
    b.add(
        &version,
        cg::CONTENT_HASH,
        Literal::new_simple_literal(&hash),
    );
    if let Some(date) = &file.retrieved {
        b.add(
            &version,
            cg::RETRIEVED_AT,
            date_literal(date).ok_or_else(|| bad_date(path, "retrieved", date))?,
        );
    }
    let annotator = file.annotator.as_deref().map(|a| b.annotator(a));
    let annotated = file
        .annotated
        .as_deref()
        .map(|d| date_literal(d).ok_or_else(|| bad_date(path, "annotated", d)))
        .transpose()?;

    let author = Author {
        file,
        source: &source,
    };
    for (i, entry) in file.claims.iter().enumerate() {
        let (line, _) = line_column(content, entry.quote.span().start);
        let location = format!("claim {} at line {line}", i + 1);
        b.claim(
            entry,
            &author,
            &source,
            &version,
            &text,
            &location,
            annotator.as_ref(),
            annotated.as_ref(),
        )?;
    }
    Ok(BuiltSource {
        graph,
        source,
        quads: b.quads,
        claims: file.claims.len(),
        warnings: b.warnings,
    })
}

/// Who `@author` stands for in one source.
struct Author<'a> {
    file: &'a SourceFile,
    source: &'a NamedNode,
}

struct Builder<'a> {
    graph: GraphName,
    quads: Vec<Quad>,
    minted: BTreeSet<NamedNode>,
    warnings: Vec<String>,
    gazetteer: &'a Gazetteer,
    path: &'a Path,
}

impl Builder<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            p.into_owned(),
            o.into(),
            self.graph.clone(),
        ));
    }

    /// Resolves a name to an entity; a name the gazetteer lacks becomes a new
    /// entity (merged with others of the same normalised name), with a warning.
    fn entity(&mut self, name: &str, field: &str, location: Option<&str>) -> Result<NamedNode> {
        let place = location.map_or_else(|| field.to_owned(), |l| format!("{l}, {field}"));
        match entity_for_name(self.gazetteer, name)
            .map_err(|why| Error::invalid(self.path, Some(place.clone()), why))?
        {
            Named::Known(iri) => Ok(iri),
            Named::New { iri, suggestions } => {
                if self.minted.insert(iri.clone()) {
                    self.warnings.push(format!(
                        "{}: {place}: {}",
                        self.path.display(),
                        new_entity_warning(name, &iri, &suggestions)
                    ));
                    self.add(&iri, rdf::TYPE, schema::THING);
                    self.add(&iri, rdfs::LABEL, Literal::new_simple_literal(name.trim()));
                }
                Ok(iri)
            }
        }
    }

    /// The person or team who marked the claims: an agent of its own, not a
    /// gazetteer entity (researchers are not subjects of the field).
    fn annotator(&mut self, name: &str) -> NamedNode {
        let iri = ids::agent_iri(name);
        if self.minted.insert(iri.clone()) {
            self.add(&iri, rdf::TYPE, prov::AGENT);
            self.add(&iri, rdfs::LABEL, Literal::new_simple_literal(name.trim()));
        }
        iri
    }

    /// The source's author for `@author`: its only author, else its publisher,
    /// else an entity standing for its unnamed author.
    fn author(&mut self, author: &Author<'_>, location: &str) -> Result<NamedNode> {
        let file = author.file;
        if let [only] = file.authors.as_slice() {
            return self.entity(only, "@author", Some(location));
        }
        if !file.authors.is_empty() {
            return Err(Error::invalid(
                self.path,
                Some(location.into()),
                "@author is ambiguous: the source has several authors; name one as claimant",
            ));
        }
        if let Some(publisher) = &file.publisher {
            return self.entity(publisher, "@author", Some(location));
        }
        let iri = ids::part_iri(author.source, "author");
        if self.minted.insert(iri.clone()) {
            self.add(&iri, rdf::TYPE, schema::THING);
            self.add(
                &iri,
                rdfs::LABEL,
                Literal::new_simple_literal(format!("author of {}", file.id)),
            );
        }
        Ok(iri)
    }

    #[expect(clippy::too_many_arguments)]
    fn claim(
        &mut self,
        entry: &ClaimEntry,
        author: &Author<'_>,
        source: &NamedNode,
        version: &NamedNode,
        text: &str,
        location: &str,
        annotator: Option<&NamedNode>,
        annotated: Option<&Literal>,
    ) -> Result<()> {
        let quote = entry.quote.get_ref();
        let a = anchor(
            text,
            quote,
            entry.prefix.as_deref(),
            entry.suffix.as_deref(),
        )
        .map_err(|e| Error::invalid(self.path, Some(location.into()), e.to_string()))?;
        if entry.claim.trim().is_empty() {
            return Err(Error::invalid(
                self.path,
                Some(location.into()),
                "`claim` (the normalised proposition) is empty",
            ));
        }
        let claimant_name = entry.claimant.get_ref();
        let claimant = if claimant_name.trim() == "@author" {
            self.author(author, location)?
        } else {
            self.entity(claimant_name, "claimant", Some(location))?
        };
        let about = entry
            .about
            .iter()
            .map(|name| self.entity(name, "about", Some(location)))
            .collect::<Result<Vec<_>>>()?;
        let reporters = entry
            .reported_by
            .iter()
            .map(|name| self.entity(name, "reported_by", Some(location)))
            .collect::<Result<Vec<_>>>()?;
        let record = Record {
            claim_text: entry.claim.trim(),
            about: &about,
            claimant: &claimant,
            source,
            version,
            cue: Some(entry.cue.as_str()),
            kind: kind_iri(entry.kind),
            stance: Some(stance_iri(entry.stance)),
            reporters: &reporters,
            quote,
            anchor: &a,
            note: entry.note.as_deref(),
            marked_by: annotator,
        };
        let (att, _) = record::write(&record, &mut |s, p, o| self.add(s, p, o));
        let own = entry
            .annotated
            .as_deref()
            .map(|d| {
                date_literal(d)
                    .ok_or_else(|| bad_date(self.path, &format!("{location}, annotated"), d))
            })
            .transpose()?;
        if let Some(annotated) = own.as_ref().or(annotated) {
            self.add(&att, dct::CREATED, annotated.clone());
        }
        Ok(())
    }
}

/// What a name written by a person stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// A gazetteer entity.
    Known(NamedNode),
    /// A name the gazetteer lacks: a new entity under it (one per normalised
    /// name), with the gazetteer's names most like it.
    New {
        /// The new entity.
        iri: NamedNode,
        /// "Did you mean" candidates.
        suggestions: Vec<String>,
    },
}

/// Resolves `name` against `gazetteer`: an id, a label or an alias, else a
/// new entity. An empty name, or one that names several entities, is an
/// error saying what to write instead.
pub fn entity_for_name(gazetteer: &Gazetteer, name: &str) -> std::result::Result<Named, String> {
    match gazetteer.resolve(name) {
        Resolution::Found(e) => Ok(Named::Known(e.iri.clone())),
        Resolution::Ambiguous(many) => Err(format!(
            "{name:?} names several entities: {}; write the id instead",
            many.iter()
                .map(|e| format!("{} ({})", e.id, e.display_label()))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Resolution::Unknown => match name_problem(name) {
            Some(why) => Err(why),
            None => Ok(Named::New {
                iri: ids::entity_iri(name),
                suggestions: gazetteer.suggestions(name, 3),
            }),
        },
    }
}

/// What makes `name` unfit to name a new entity or a person: empty, or
/// holding a line break or another control character.
pub fn name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        Some("empty name".into())
    } else if name.chars().any(char::is_control) {
        Some(format!(
            "{name:?}: a name cannot hold control characters (line breaks, tabs …)"
        ))
    } else {
        None
    }
}

/// The warning for a name recorded as a new entity.
pub fn new_entity_warning(name: &str, iri: &NamedNode, suggestions: &[String]) -> String {
    format!(
        "{name:?} is not in the gazetteer; recorded as a new entity <{}>{}",
        iri.as_str(),
        if suggestions.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", suggestions.join(", "))
        }
    )
}

/// The concept for an attribution kind.
pub fn kind_iri(kind: Kind) -> NamedNodeRef<'static> {
    match kind {
        Kind::DirectQuote => cg::DIRECT_QUOTE,
        Kind::Indirect => cg::INDIRECT_QUOTE,
        Kind::AccordingTo => cg::ACCORDING_TO,
        Kind::AuthorAssertion => cg::AUTHOR_ASSERTION,
    }
}

/// The concept for a stance.
pub fn stance_iri(stance: Stance) -> NamedNodeRef<'static> {
    match stance {
        Stance::Endorses => cg::ENDORSES,
        Stance::Disputes => cg::DISPUTES,
        Stance::Neutral => cg::NEUTRAL,
    }
}

fn bad_date(path: &Path, field: &str, value: &str) -> Error {
    Error::invalid(
        path,
        Some(field.into()),
        format!(
            "{value:?} is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (with an optional Z or ±hh:mm)"
        ),
    )
}

/// The days of month `m` (`"01"`–`"12"`) of year `y` (digits checked by
/// the caller).
fn days_in_month(y: &str, m: &str) -> u32 {
    let year: u32 = y.parse().unwrap_or(1);
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match m.parse::<u32>().unwrap_or(1) {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A typed literal for a date in one of the accepted forms, or `None`.
pub fn date_literal(value: &str) -> Option<Literal> {
    let v = value.trim();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range =
        |s: &str, lo: u32, hi: u32| s.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n));
    let parts: Vec<&str> = v.splitn(2, 'T').collect();
    let date: Vec<&str> = parts[0].split('-').collect();
    let date_ok = match date.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 1, 12),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && in_range(m, 1, 12)
                && digits(d, 2)
                && in_range(d, 1, days_in_month(y, m))
        }
        _ => false,
    };
    if !date_ok {
        return None;
    }
    let datatype = match (date.len(), parts.get(1)) {
        (1, None) => xsd::G_YEAR,
        (2, None) => xsd::G_YEAR_MONTH,
        (3, None) => xsd::DATE,
        (3, Some(time)) => {
            let (clock, zone) = match time.find(['Z', '+', '-']) {
                Some(i) => time.split_at(i),
                None => (*time, ""),
            };
            let hms: Vec<&str> = clock.split(':').collect();
            let clock_ok = matches!(hms.as_slice(), [h, m, s] if digits(h, 2) && in_range(h, 0, 23) && digits(m, 2) && in_range(m, 0, 59) && s.len() >= 2 && digits(&s[..2], 2) && in_range(&s[..2], 0, 60));
            let zone_ok = zone.is_empty()
                || zone == "Z"
                || (zone.len() == 6
                    && zone.as_bytes()[3] == b':'
                    && digits(&zone[1..3], 2)
                    && digits(&zone[4..], 2));
            if !clock_ok || !zone_ok {
                return None;
            }
            xsd::DATE_TIME
        }
        _ => return None,
    };
    Some(Literal::new_typed_literal(v, datatype))
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_get_the_right_datatype_and_nonsense_is_refused() {
        assert_eq!(date_literal("2024").unwrap().datatype(), xsd::G_YEAR);
        assert_eq!(
            date_literal("2024-03").unwrap().datatype(),
            xsd::G_YEAR_MONTH
        );
        assert_eq!(date_literal("2024-03-05").unwrap().datatype(), xsd::DATE);
        assert_eq!(
            date_literal("2024-03-05T21:23:00+08:00")
                .unwrap()
                .datatype(),
            xsd::DATE_TIME
        );
        assert_eq!(
            date_literal("2024-03-05T21:23:00Z").unwrap().datatype(),
            xsd::DATE_TIME
        );
        for bad in [
            "2024-13-01",
            "24-03-05",
            "March 2024",
            "2024-03-05T25:00:00",
            "2024-03-05T21:23",
            "",
            "2024-04-31",
            "2023-02-29",
            "1900-02-29",
        ] {
            assert!(date_literal(bad).is_none(), "{bad}");
        }
        for leap in ["2024-02-29", "2000-02-29"] {
            assert!(date_literal(leap).is_some(), "{leap}");
        }
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("en"));
        assert!(is_language_tag("zh-Hans"));
        assert!(!is_language_tag("english language"));
        assert!(!is_language_tag("e"));
    }
}
