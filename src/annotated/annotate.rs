//! A person marks a claim in a stored source from the command line
//! (`claimgraph annotate`): the quote is anchored in the source's latest
//! version (exact quote, then prefix/suffix to choose among occurrences),
//! names resolve as in annotated source files, and the attribution goes into
//! that person's own graph, `…/graph/annotations/by/<author>`, which machine
//! ingestion never writes. When the source changes, ingestion re-anchors it
//! ([`super::reanchor`]).

use super::anchor::{Anchor, anchor};
use super::build::{Named, entity_for_name, kind_iri, new_entity_warning, stance_iri};
use super::format::{Kind, Stance};
use super::reanchor::{Marked, Placed, reanchor};
use crate::attribute::record::{self, Record};
use crate::gazetteer::Gazetteer;
use crate::ids::{self, GRAPH_BASE, ID_BASE};
use crate::ingest::save::{StoredVersion, versions};
use crate::store::{DataDir, Replaced};
use crate::vocab::{dct, prov, rdf, rdfs, schema};
use crate::{Error, Result};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::collections::HashSet;

/// The graph of one person's annotations made with `claimgraph annotate`.
pub fn author_graph(author: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{GRAPH_BASE}annotations/by/{}", ids::slug(author)))
}

/// One claim a person marks.
#[derive(Debug, Clone)]
pub struct Annotation<'a> {
    /// The source.
    pub source: &'a NamedNode,
    /// The passage, exactly as in the source's latest version.
    pub quote: &'a str,
    /// Text just before it, to choose among occurrences.
    pub prefix: Option<&'a str>,
    /// Text just after it.
    pub suffix: Option<&'a str>,
    /// The proposition (the quote, trimmed of quotation marks, when absent).
    pub claim: Option<&'a str>,
    /// Who asserts it (gazetteer id, label, alias, a name, or `@author`).
    pub claimant: &'a str,
    /// Intermediaries, nearest the claimant first.
    pub reported_by: &'a [String],
    /// The cue.
    pub cue: Option<&'a str>,
    /// How it is attributed.
    pub kind: Kind,
    /// The source's attitude to it.
    pub stance: Stance,
    /// Entities it is about.
    pub about: &'a [String],
    /// A note.
    pub note: Option<&'a str>,
    /// Who marks it.
    pub author: &'a str,
    /// When (ISO 8601 date or date-time).
    pub created: &'a str,
    /// How the quote is found in the latest version.
    pub placement: Placement,
}

/// How an annotation's quote is found in the source's latest version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Exactly, with prefix/suffix only to choose among occurrences; an
    /// absent or ambiguous quote is an error (a person typing it can fix it).
    Exact,
    /// As re-anchoring finds it: by quote and surroundings, then fuzzily
    /// (annotations made elsewhere, on a text that may have changed since).
    /// `start` is where the annotation said it was, in code points.
    BySelectors {
        /// The annotation's own start offset, if it had one.
        start: Option<usize>,
    },
}

/// What was recorded.
#[derive(Debug, Clone)]
pub struct Annotated {
    /// The attribution.
    pub attribution: NamedNode,
    /// Its name in a store written before the marker was part of it.
    pub unsigned: NamedNode,
    /// The claim.
    pub claim: NamedNode,
    /// The person's graph.
    pub graph: NamedNode,
    /// The version the quote is anchored in.
    pub version: NamedNode,
    /// Where.
    pub anchor: Anchor,
    /// Names recorded as new entities, with suggestions.
    pub warnings: Vec<String>,
}

/// Every stored source with its address and title, for suggestions.
fn known_sources(data: &DataDir) -> Result<Vec<(NamedNode, String)>> {
    let mut out: Vec<(NamedNode, String)> = Vec::new();
    for p in [schema::URL, schema::HEADLINE] {
        for q in data.store().quads_for_pattern(None, Some(p), None, None) {
            let q = q?;
            let NamedOrBlankNode::NamedNode(s) = q.subject else {
                continue;
            };
            if !s.as_str().starts_with(&format!("{ID_BASE}source/")) {
                continue;
            }
            let name = match q.object {
                Term::NamedNode(n) => n.as_str().to_owned(),
                Term::Literal(l) => l.value().to_owned(),
                Term::BlankNode(_) => continue,
            };
            // An annotated source file's id, from its IRI (a URL's source
            // is named by a hash instead).
            let id = s.as_str()[ID_BASE.len() + "source/".len()..].to_owned();
            if ids::hashed_iri_key(s.as_str(), "source").is_none()
                && !out.iter().any(|(_, n)| *n == id)
            {
                out.push((s.clone(), id));
            }
            out.push((s, name));
        }
    }
    Ok(out)
}

/// The source `name` stands for — a source IRI, the URL it was ingested or
/// annotated under, or an annotated source file's id — with its versions,
/// oldest first. A name that matches no stored source is an error listing
/// the sources most like it.
pub fn find_source(data: &DataDir, name: &str) -> Result<(NamedNode, Vec<StoredVersion>)> {
    let name = name.trim();
    let candidates: Vec<NamedNode> = if name.starts_with(ID_BASE) {
        NamedNode::new(name).into_iter().collect()
    } else if name.contains("://") {
        vec![ids::source_iri(Some(name), "")]
    } else {
        vec![ids::source_iri(None, name)]
    };
    for source in candidates {
        let found = versions(data, &source)?;
        if !found.is_empty() {
            return Ok((source, found));
        }
    }
    let known = known_sources(data)?;
    let like = crate::text::closest(name, known.iter().map(|(_, n)| n.as_str()), 3);
    Err(Error::Input(format!(
        "no stored source is named {name:?} (give its URL, its IRI or its annotated file's id){}",
        if like.is_empty() {
            String::new()
        } else {
            format!(
                "; did you mean:{}",
                like.iter().map(|n| format!("\n  {n}")).collect::<String>()
            )
        }
    )))
}

/// The entity `@author` stands for in `source`: its only author, else its
/// publisher, else an entity for its unnamed author (with the label to give
/// it: "author of <headline>", or of its address as ingest writes it).
fn source_author(data: &DataDir, source: &NamedNode) -> Result<(NamedNode, Option<String>)> {
    let nodes = |p: NamedNodeRef<'_>| -> Result<Vec<NamedNode>> {
        let mut out: Vec<NamedNode> = Vec::new();
        for q in data
            .store()
            .quads_for_pattern(Some(source.as_ref().into()), Some(p), None, None)
        {
            if let Term::NamedNode(n) = q?.object
                && !out.contains(&n)
            {
                out.push(n);
            }
        }
        Ok(out)
    };
    let authors = nodes(schema::AUTHOR)?;
    match authors.as_slice() {
        [one] => Ok((one.clone(), None)),
        [] => match nodes(schema::PUBLISHER)?.into_iter().next() {
            Some(publisher) => Ok((publisher, None)),
            None => {
                // The label it already has (from the source's file, or the
                // claims found in it), else one from the title.
                let author = ids::part_iri(source, "author");
                let known = data
                    .store()
                    .quads_for_pattern(Some(author.as_ref().into()), Some(rdfs::LABEL), None, None)
                    .next()
                    .transpose()?
                    .and_then(|q| match q.object {
                        Term::Literal(l) => Some(l.value().to_owned()),
                        _ => None,
                    });
                if let Some(label) = known {
                    return Ok((author, Some(label)));
                }
                // The headline, else the page's address as ingest names it
                // (a saved file by folder and name), else the source.
                let first = |p: NamedNodeRef<'_>| -> Result<Option<Term>> {
                    Ok(data
                        .store()
                        .quads_for_pattern(Some(source.as_ref().into()), Some(p), None, None)
                        .next()
                        .transpose()?
                        .map(|q| q.object))
                };
                let headline = match (first(schema::HEADLINE)?, first(schema::URL)?) {
                    (Some(Term::Literal(l)), _) => l.value().to_owned(),
                    (_, Some(Term::NamedNode(url))) => {
                        crate::attribute::quads::untitled_name(url.as_str()).to_owned()
                    }
                    _ => source.as_str().to_owned(),
                };
                Ok((
                    ids::part_iri(source, "author"),
                    Some(format!("author of {headline}")),
                ))
            }
        },
        _ => Err(Error::Input(
            "@author is ambiguous: the source has several authors; name one as claimant".into(),
        )),
    }
}

/// Records `a` in its author's graph (the graph's other annotations stay).
pub fn annotate(data: &DataDir, gazetteer: &Gazetteer, a: &Annotation<'_>) -> Result<Annotated> {
    let prepared = prepare(data, gazetteer, a)?;
    write(data, std::slice::from_ref(&prepared))?;
    Ok(prepared.1)
}

/// A message's `prefix = "…"` and `suffix = "…"` (TOML strings) as the
/// command's `--prefix`/`--suffix` options, ready to paste into a shell:
/// a value with an escape (a line break, a quotation mark) in bash's
/// `$'…'`, whose escapes are the same.
fn as_options(message: &str) -> String {
    static KEY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"\b(prefix|suffix) = "((?:[^"\\]|\\.)*)""#).expect("a valid pattern")
    });
    KEY.replace_all(message, |c: &regex::Captures<'_>| {
        let (key, value) = (&c[1], &c[2]);
        if value.contains('\\') {
            format!("--{key} $'{}'", value.replace('\'', "\\'"))
        } else {
            format!("--{key} \"{value}\"")
        }
    })
    .into_owned()
}

/// An annotation's quads (in its author's graph) and what they record,
/// not yet written.
pub type Prepared = (Vec<Quad>, Annotated);

/// Finds `a`'s quote, resolves its names and builds its quads.
pub fn prepare(data: &DataDir, gazetteer: &Gazetteer, a: &Annotation<'_>) -> Result<Prepared> {
    let found = versions(data, a.source)?;
    let latest = found
        .last()
        .ok_or_else(|| Error::Input(format!("no stored version of <{}>", a.source.as_str())))?;
    let (place, quote) = match a.placement {
        Placement::Exact => (
            anchor(&latest.text, a.quote, a.prefix, a.suffix).map_err(|e| {
                // The choices are written as a source file's keys; here
                // they are the command's options, quoted to be pasted.
                let message = as_options(&e.to_string());
                Error::Input(format!("--quote: {message}"))
            })?,
            a.quote.to_owned(),
        ),
        Placement::BySelectors { start } => {
            let marked = Marked {
                annotation: a.source.clone(),
                graph: a.source.clone(),
                exact: a.quote.to_owned(),
                prefix: a.prefix.unwrap_or_default().to_owned(),
                suffix: a.suffix.unwrap_or_default().to_owned(),
                start,
            };
            match reanchor(&latest.text, &marked) {
                Placed {
                    anchor: Some(place),
                    exact: Some(exact),
                    ..
                } => (place, exact),
                _ => {
                    return Err(Error::Input(format!(
                        "quote {:?} is not in the latest version of <{}>{}",
                        a.quote,
                        a.source.as_str(),
                        crate::text::nearest_passage(&latest.text, a.quote)
                            .map(|n| format!("; nearest passage: {n:?}"))
                            .unwrap_or_default()
                    )));
                }
            }
        }
    };
    let claim_text = a.claim.map_or_else(
        || {
            crate::attribute::Span::one(place.byte_start..place.byte_start + quote.len())
                .proposition(&latest.text)
        },
        |c| c.trim().to_owned(),
    );
    if claim_text.is_empty() {
        return Err(Error::Input("the claim is empty: give --claim".into()));
    }
    if a.author.trim().is_empty() {
        return Err(Error::Input(
            "--author is empty: say who marks the claim".into(),
        ));
    }
    let graph = author_graph(a.author);
    let g = GraphName::NamedNode(graph.clone());
    let mut quads: Vec<Quad> = Vec::new();
    let mut warnings = Vec::new();
    let add = |quads: &mut Vec<Quad>, s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
        quads.push(Quad::new(s.clone(), p.into_owned(), o, g.clone()));
    };
    let mut entity = |quads: &mut Vec<Quad>, name: &str, field: &str| -> Result<NamedNode> {
        match entity_for_name(gazetteer, name)
            .map_err(|why| Error::Input(format!("{field}: {why}")))?
        {
            Named::Known(iri) => Ok(iri),
            Named::New { iri, suggestions } => {
                warnings.push(format!(
                    "{field}: {}",
                    new_entity_warning(name, &iri, &suggestions)
                ));
                add(quads, &iri, rdf::TYPE, schema::THING.into_owned().into());
                add(
                    quads,
                    &iri,
                    rdfs::LABEL,
                    Literal::new_simple_literal(name.trim()).into(),
                );
                Ok(iri)
            }
        }
    };
    let claimant = if a.claimant.trim() == "@author" {
        let (author, label) = source_author(data, a.source)?;
        if let Some(label) = label {
            add(
                &mut quads,
                &author,
                rdf::TYPE,
                schema::THING.into_owned().into(),
            );
            add(
                &mut quads,
                &author,
                rdfs::LABEL,
                Literal::new_simple_literal(label).into(),
            );
        }
        author
    } else {
        entity(&mut quads, a.claimant, "claimant")?
    };
    let about = a
        .about
        .iter()
        .map(|n| entity(&mut quads, n, "about"))
        .collect::<Result<Vec<_>>>()?;
    let reporters = a
        .reported_by
        .iter()
        .map(|n| entity(&mut quads, n, "reported by"))
        .collect::<Result<Vec<_>>>()?;
    let agent = ids::agent_iri(a.author);
    let record = Record {
        claim_text: &claim_text,
        about: &about,
        claimant: &claimant,
        source: a.source,
        version: &latest.iri,
        cue: a.cue,
        kind: kind_iri(a.kind),
        stance: Some(stance_iri(a.stance)),
        reporters: &reporters,
        quote: &quote,
        anchor: &place,
        note: a.note,
        marked_by: Some(&agent),
    };
    let (attribution, claim) = record::write(&record, &mut |s, p, o| add(&mut quads, s, p, o));
    // The same mark named as builds before the marker was part of its
    // name named it: marked again, it replaces that one.
    let unsigned = ids::attribution_iri(
        &latest.iri,
        place.start,
        place.end,
        &ids::claim_key(&claim_text),
        &claimant,
        None,
    );
    add(
        &mut quads,
        &agent,
        rdf::TYPE,
        prov::AGENT.into_owned().into(),
    );
    add(
        &mut quads,
        &agent,
        rdfs::LABEL,
        Literal::new_simple_literal(a.author.trim()).into(),
    );
    let created = crate::annotated::build::date_literal(a.created)
        .ok_or_else(|| Error::Input(format!("{:?} is not a date or date-time", a.created)))?;
    add(&mut quads, &attribution, dct::CREATED, created.into());
    Ok((
        quads,
        Annotated {
            attribution,
            unsigned,
            claim,
            graph,
            version: latest.iri.clone(),
            anchor: place,
            warnings,
        },
    ))
}

/// Writes prepared annotations into their authors' graphs, all at once.
/// The graphs' earlier annotations stay; an annotation made again (same
/// version, passage, claim, claimant and author: the same IRI, or the one
/// an older build gave it) is replaced: its kind, stance, cue, note and
/// date are the new ones. Returns what changed and how many quads the
/// graphs now hold.
pub fn write(data: &DataDir, prepared: &[Prepared]) -> Result<(Replaced, usize)> {
    let mut graphs: Vec<NamedNode> = Vec::new();
    for (_, a) in prepared {
        if !graphs.contains(&a.graph) {
            graphs.push(a.graph.clone());
        }
    }
    let remarked: HashSet<&str> = prepared
        .iter()
        .flat_map(|(_, a)| [a.attribution.as_str(), a.unsigned.as_str()])
        .collect();
    // The attribution's own statements and its parts' (`…#target`).
    let of_remarked = |s: &NamedOrBlankNode| match s {
        NamedOrBlankNode::NamedNode(s) => {
            let s = s.as_str();
            remarked.contains(s.split_once('#').map_or(s, |(base, _)| base))
        }
        NamedOrBlankNode::BlankNode(_) => false,
    };
    let mut seen: HashSet<Quad> = HashSet::new();
    let mut all: Vec<Quad> = Vec::new();
    for graph in &graphs {
        for q in data
            .store()
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
        {
            let q = q?;
            if !of_remarked(&q.subject) && seen.insert(q.clone()) {
                all.push(q);
            }
        }
    }
    for q in prepared.iter().flat_map(|(quads, _)| quads) {
        if seen.insert(q.clone()) {
            all.push(q.clone());
        }
    }
    let graphs: Vec<NamedOrBlankNode> = graphs
        .into_iter()
        .map(NamedOrBlankNode::NamedNode)
        .collect();
    let replaced = data.replace_graphs(&graphs, &all)?;
    Ok((replaced, all.len()))
}

#[cfg(test)]
mod tests {
    use super::as_options;

    #[test]
    fn suggested_contexts_can_be_pasted_into_a_shell() {
        let message = r#"quote occurs 2 times (lines 1, 3); add one of these to choose: suffix = ".\n\n\"We w" | suffix = " in 2024" | prefix = "Feng's"#;
        assert_eq!(
            as_options(message),
            r#"quote occurs 2 times (lines 1, 3); add one of these to choose: --suffix $'.\n\n\"We w' | --suffix " in 2024" | prefix = "Feng's"#
        );
        assert_eq!(
            as_options(r#"prefix = "it's \"new\"""#),
            r#"--prefix $'it\'s \"new\"'"#
        );
    }
}
