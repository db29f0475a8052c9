//! People's annotations as W3C Web Annotations (JSON-LD with the
//! `http://www.w3.org/ns/anno.jsonld` context), the form annotation tools
//! such as Hypothesis read and write.
//!
//! **Export**: one `Annotation` per attribution in a person's graph: the
//! target is the source's URL (or its IRI) with a `TextQuoteSelector`
//! (exact, prefix, suffix) and a `TextPositionSelector` (start, end); the
//! bodies are `TextualBody`s — the claim (purpose `describing`), the note
//! (`commenting`) and tags (`tagging`) carrying what annotation tools have no
//! field for: `claimant:NAME`, `reported-by:A > B` (nearest the claimant
//! first), `kind:…`, `stance:…`, `cue:…`, `about:NAME`.
//!
//! **Import** (`claimgraph load` of a JSON-LD file whose nodes are
//! `oa:Annotation`s): each annotation with a quote selector is found in the
//! latest stored version of its target — by quote and surroundings, then
//! fuzzily, as re-anchoring does — and recorded in its creator's graph. A
//! Hypothesis highlight without a `claimant:` tag is the source's own
//! assertion (`@author`). An annotation whose source is not stored or whose
//! quote is gone is reported; the file's others still load.

use super::toml::{author_of, name_of_entity};
use crate::annotated::annotate::{Annotation, Placement, Prepared, prepare};
use crate::annotated::format::{Kind, Stance};
use crate::gazetteer::Gazetteer;
use crate::ids::GRAPH_BASE;
use crate::store::DataDir;
use crate::vocab::{cg, dct, oa, prov, rdf, rdfs, schema, skos, xsd};
use crate::{Error, Result};
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term,
};
use oxigraph::store::Store;
use serde_json::{Value, json};

const RDF_VALUE: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#value");
const OA_ANNOTATION: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#Annotation");
const OA_HAS_BODY: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#hasBody");
const OA_HAS_PURPOSE: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#hasPurpose");
const OA_BODY_VALUE: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#bodyValue");
const OA_TAGGING: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#tagging");
const OA_DESCRIBING: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#describing");
const DCTERMS_CREATOR: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://purl.org/dc/terms/creator");
const FOAF_NAME: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://xmlns.com/foaf/0.1/name");

/// Objects of `s p` in one graph of `store` (any graph when `g` is `None`).
fn objects(
    store: &Store,
    s: NamedOrBlankNodeRef<'_>,
    p: NamedNodeRef<'_>,
    g: Option<&NamedNode>,
) -> Result<Vec<Term>> {
    let mut out = Vec::new();
    for q in store.quads_for_pattern(
        Some(s),
        Some(p),
        None,
        g.map(|g| GraphNameRef::NamedNode(g.as_ref())),
    ) {
        let o = q?.object;
        if !out.contains(&o) {
            out.push(o);
        }
    }
    Ok(out)
}

fn literal_of(terms: &[Term]) -> Option<&Literal> {
    terms.iter().find_map(|t| match t {
        Term::Literal(l) => Some(l),
        _ => None,
    })
}

fn node_of(terms: &[Term]) -> Option<&NamedNode> {
    terms.iter().find_map(|t| match t {
        Term::NamedNode(n) => Some(n),
        _ => None,
    })
}

/// A JSON-LD value for a literal: a plain string when it is a string (or a
/// date-time where the context expects one), else typed.
fn value(l: &Literal, plain_type: Option<NamedNodeRef<'_>>) -> Value {
    if l.datatype() == xsd::STRING || Some(l.datatype()) == plain_type {
        Value::String(l.value().to_owned())
    } else {
        json!({ "@value": l.value(), "@type": l.datatype().as_str() })
    }
}

fn tag(v: String) -> Value {
    json!({ "type": "TextualBody", "purpose": "tagging", "value": v })
}

/// Every attribution in people's graphs as a Web Annotation.
pub fn export(store: &Store, gazetteer: &Gazetteer) -> Result<Value> {
    let prefix = format!("{GRAPH_BASE}annotations/");
    let mut found: Vec<(NamedNode, NamedNode)> = Vec::new();
    for q in store.quads_for_pattern(None, Some(rdf::TYPE), Some(cg::ATTRIBUTION.into()), None) {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(a), oxigraph::model::GraphName::NamedNode(g)) =
            (q.subject, q.graph_name)
            && g.as_str().starts_with(&prefix)
        {
            found.push((g, a));
        }
    }
    found.sort();
    let mut out = Vec::new();
    for (g, a) in &found {
        let get = |s: &NamedNode, p| objects(store, s.as_ref().into(), p, Some(g));
        let (Some(source), Some(claim), Some(claimant), Some(target)) = (
            node_of(&get(a, cg::SOURCE)?).cloned(),
            node_of(&get(a, cg::CLAIM)?).cloned(),
            node_of(&get(a, cg::CLAIMANT)?).cloned(),
            node_of(&get(a, oa::HAS_TARGET)?).cloned(),
        ) else {
            continue;
        };
        let mut selectors = Vec::new();
        for sel in get(&target, oa::HAS_SELECTOR)? {
            let Term::NamedNode(sel) = sel else { continue };
            if let Some(exact) = literal_of(&get(&sel, oa::EXACT)?) {
                let mut s = json!({ "type": "TextQuoteSelector", "exact": exact.value() });
                for (key, p) in [("prefix", oa::PREFIX), ("suffix", oa::SUFFIX)] {
                    if let Some(v) = literal_of(&get(&sel, p)?) {
                        s[key] = Value::String(v.value().to_owned());
                    }
                }
                selectors.insert(0, s);
            } else if let (Some(start), Some(end)) = (
                literal_of(&get(&sel, oa::START)?),
                literal_of(&get(&sel, oa::END)?),
            ) {
                selectors.push(json!({
                    "type": "TextPositionSelector",
                    "start": start.value().parse::<u64>().unwrap_or(0),
                    "end": end.value().parse::<u64>().unwrap_or(0),
                }));
            }
        }
        let source_id = node_of(&objects(store, source.as_ref().into(), schema::URL, None)?)
            .cloned()
            .unwrap_or_else(|| source.clone());
        let mut bodies = Vec::new();
        if let Some(text) = literal_of(&objects(
            store,
            claim.as_ref().into(),
            schema::TEXT,
            Some(g),
        )?) {
            bodies.push(
                json!({ "type": "TextualBody", "purpose": "describing", "value": text.value() }),
            );
        }
        let names = |n: &NamedNode| name_of_entity(store, g, gazetteer, n);
        let by_author = author_of(store, &source)?.as_ref() == Some(&claimant);
        bodies.push(tag(format!(
            "claimant:{}",
            if by_author {
                "@author".to_owned()
            } else {
                names(&claimant)?
            }
        )));
        let mut steps: Vec<(i64, NamedNode)> = Vec::new();
        for step in get(a, cg::REPORTING_STEP_PROP)? {
            let Term::NamedNode(step) = step else {
                continue;
            };
            let position = literal_of(&get(&step, cg::POSITION)?)
                .and_then(|p| p.value().parse().ok())
                .unwrap_or(i64::MAX);
            if let Some(r) = node_of(&get(&step, cg::REPORTER)?) {
                steps.push((position, r.clone()));
            }
        }
        steps.sort();
        if !steps.is_empty() {
            let chain = steps
                .iter()
                .map(|(_, r)| names(r))
                .collect::<Result<Vec<_>>>()?;
            bodies.push(tag(format!("reported-by:{}", chain.join(" > "))));
        }
        for (key, p) in [("kind", cg::KIND), ("stance", cg::STANCE_PROP)] {
            if let Some(n) = node_of(&get(a, p)?) {
                let name = objects(store, n.as_ref().into(), skos::PREF_LABEL, None)?;
                if let Some(l) = literal_of(&name) {
                    bodies.push(tag(format!("{key}:{}", l.value())));
                }
            }
        }
        if let Some(cue) = literal_of(&get(a, cg::CUE)?) {
            bodies.push(tag(format!("cue:{}", cue.value())));
        }
        let mut about: Vec<NamedNode> = get(&claim, schema::ABOUT)?
            .into_iter()
            .filter_map(|t| match t {
                Term::NamedNode(n) => Some(n),
                _ => None,
            })
            .collect();
        about.sort();
        for e in &about {
            bodies.push(tag(format!("about:{}", names(e)?)));
        }
        if let Some(note) = literal_of(&get(a, skos::NOTE)?) {
            bodies.push(
                json!({ "type": "TextualBody", "purpose": "commenting", "value": note.value() }),
            );
        }
        let mut annotation = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": a.as_str(),
            "type": "Annotation",
            "motivation": "identifying",
            "body": bodies,
            "target": { "source": source_id.as_str(), "selector": selectors },
        });
        if let Some(created) = literal_of(&get(a, dct::CREATED)?) {
            annotation["created"] = value(created, Some(xsd::DATE_TIME));
        }
        if let Some(agent) = node_of(&get(a, prov::WAS_ATTRIBUTED_TO)?) {
            let mut creator = json!({ "id": agent.as_str(), "type": "Person" });
            if let Some(name) =
                literal_of(&objects(store, agent.as_ref().into(), rdfs::LABEL, None)?)
            {
                creator["name"] = Value::String(name.value().to_owned());
            }
            annotation["creator"] = creator;
        }
        out.push(annotation);
    }
    Ok(Value::Array(out))
}

/// Whether parsed JSON-LD is a set of Web Annotations (it types nodes as
/// `oa:Annotation` and says nothing in claimgraph's own vocabulary).
pub fn is_web_annotation(quads: &[Quad]) -> bool {
    quads
        .iter()
        .any(|q| q.predicate == rdf::TYPE && q.object == OA_ANNOTATION.into_owned().into())
        && !quads.iter().any(|q| {
            q.predicate.as_str().starts_with(cg::NS)
                || matches!(&q.object, Term::NamedNode(n) if n.as_str().starts_with(cg::NS))
        })
}

/// What an imported annotation says, read from its bodies.
#[derive(Debug, Default)]
struct Said {
    claim: Option<String>,
    claimant: Option<String>,
    reported_by: Vec<String>,
    kind: Option<String>,
    stance: Option<String>,
    cue: Option<String>,
    about: Vec<String>,
    notes: Vec<String>,
}

/// The name of a creator: `foaf:name`, else the user of an `acct:` IRI,
/// else the IRI.
fn creator_name(store: &Store, creator: &Term) -> Result<Option<String>> {
    Ok(match creator {
        Term::Literal(l) => Some(l.value().to_owned()),
        Term::NamedNode(n) => {
            let names = objects(store, n.as_ref().into(), FOAF_NAME, None)?;
            Some(literal_of(&names).map_or_else(
                || {
                    let iri = n.as_str();
                    iri.strip_prefix("acct:")
                        .map_or(iri, |a| a.split('@').next().unwrap_or(a))
                        .to_owned()
                },
                |l| l.value().to_owned(),
            ))
        }
        Term::BlankNode(b) => {
            let names = objects(store, b.as_ref().into(), FOAF_NAME, None)?;
            literal_of(&names).map(|l| l.value().to_owned())
        }
    })
}

/// Imports the Web Annotations of `quads` (parsed from `path`): the
/// annotations prepared for writing, and a message for each one skipped.
pub fn import(
    data: &DataDir,
    gazetteer: &Gazetteer,
    quads: &[Quad],
    path: &std::path::Path,
    now: &str,
) -> Result<(Vec<Prepared>, Vec<String>)> {
    let scratch = Store::new()?;
    scratch.extend(quads.iter().cloned())?;
    let mut annotations: Vec<NamedOrBlankNode> = Vec::new();
    for q in scratch.quads_for_pattern(None, Some(rdf::TYPE), Some(OA_ANNOTATION.into()), None) {
        let s = q?.subject;
        if !annotations.contains(&s) {
            annotations.push(s);
        }
    }
    let fallback_author = format!(
        "import of {}",
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned()
        )
    );
    let mut prepared = Vec::new();
    let mut skipped = Vec::new();
    for ann in &annotations {
        let name = match ann {
            NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
            NamedOrBlankNode::BlankNode(_) => {
                format!("annotation {}", prepared.len() + skipped.len() + 1)
            }
        };
        match import_one(
            data,
            gazetteer,
            &scratch,
            ann.as_ref(),
            &fallback_author,
            now,
        ) {
            Ok(p) => prepared.push(p),
            Err(e) => skipped.push(format!("{}: {name}: {e}", path.display())),
        }
    }
    if annotations.is_empty() {
        return Err(Error::invalid(path, None, "no Web Annotation in the file"));
    }
    Ok((prepared, skipped))
}

fn import_one(
    data: &DataDir,
    gazetteer: &Gazetteer,
    store: &Store,
    ann: NamedOrBlankNodeRef<'_>,
    fallback_author: &str,
    now: &str,
) -> Result<Prepared> {
    let subject = |t: &Term| -> Option<NamedOrBlankNode> {
        match t {
            Term::NamedNode(n) => Some(n.clone().into()),
            Term::BlankNode(b) => Some(b.clone().into()),
            Term::Literal(_) => None,
        }
    };
    // The target with a quote selector.
    let mut source: Option<String> = None;
    let (mut exact, mut prefix, mut suffix, mut start) = (None, None, None, None);
    for target in objects(store, ann, oa::HAS_TARGET, None)? {
        let Some(t) = subject(&target) else { continue };
        let sources = objects(store, t.as_ref(), oa::HAS_SOURCE, None)?;
        for sel in objects(store, t.as_ref(), oa::HAS_SELECTOR, None)? {
            let Some(sel) = subject(&sel) else { continue };
            let lit = |p| -> Result<Option<String>> {
                Ok(literal_of(&objects(store, sel.as_ref(), p, None)?)
                    .map(|l| l.value().to_owned()))
            };
            if let Some(e) = lit(oa::EXACT)? {
                exact = Some(e);
                prefix = lit(oa::PREFIX)?;
                suffix = lit(oa::SUFFIX)?;
                source = node_of(&sources).map(|n| n.as_str().to_owned());
            }
            if let Some(s) = lit(oa::START)? {
                start = s.parse().ok();
            }
        }
    }
    let (Some(exact), Some(source)) = (exact, source) else {
        return Err(Error::Input(
            "no target with a source and a TextQuoteSelector: nothing to anchor".into(),
        ));
    };
    let (source, _) = crate::annotated::annotate::find_source(data, &source)?;
    // What the bodies say.
    let mut said = Said::default();
    for body in objects(store, ann, OA_HAS_BODY, None)? {
        let Some(b) = subject(&body) else {
            if let Term::Literal(l) = body {
                said.notes.push(l.value().to_owned());
            }
            continue;
        };
        let Some(text) = literal_of(&objects(store, b.as_ref(), RDF_VALUE, None)?)
            .map(|l| l.value().trim().to_owned())
        else {
            continue;
        };
        let purposes = objects(store, b.as_ref(), OA_HAS_PURPOSE, None)?;
        let is = |p: NamedNodeRef<'_>| purposes.iter().any(|t| *t == p.into_owned().into());
        if is(OA_TAGGING) {
            match text
                .split_once(':')
                .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_owned()))
            {
                Some((k, v)) if k == "claimant" => said.claimant = Some(v),
                Some((k, v)) if k == "reported-by" => {
                    said.reported_by = v
                        .split(" > ")
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
                }
                Some((k, v)) if k == "kind" => said.kind = Some(v),
                Some((k, v)) if k == "stance" => said.stance = Some(v),
                Some((k, v)) if k == "cue" => said.cue = Some(v),
                Some((k, v)) if k == "about" => said.about.push(v),
                // Other tags are the annotation tool's own.
                _ => {}
            }
        } else if is(OA_DESCRIBING) && said.claim.is_none() {
            said.claim = Some(text);
        } else {
            said.notes.push(text);
        }
    }
    for v in objects(store, ann, OA_BODY_VALUE, None)? {
        if let Term::Literal(l) = v {
            said.notes.push(l.value().to_owned());
        }
    }
    let claimant = said.claimant.clone().unwrap_or_else(|| "@author".into());
    let kind = match said.kind.as_deref().map(str::trim) {
        Some("direct quote" | "direct-quote") => Kind::DirectQuote,
        Some("according to" | "according-to") => Kind::AccordingTo,
        Some("author assertion" | "author-assertion") => Kind::AuthorAssertion,
        Some("indirect" | "indirect quote" | "indirect-quote") => Kind::Indirect,
        Some(other) => return Err(Error::Input(format!("unknown kind tag {other:?}"))),
        None if claimant == "@author" => Kind::AuthorAssertion,
        None => Kind::Indirect,
    };
    let stance = match said.stance.as_deref().map(str::trim) {
        Some("endorses") => Stance::Endorses,
        Some("disputes") => Stance::Disputes,
        Some("neutral") | None => Stance::Neutral,
        Some(other) => return Err(Error::Input(format!("unknown stance tag {other:?}"))),
    };
    let author = match objects(store, ann, DCTERMS_CREATOR, None)?.first() {
        Some(c) => creator_name(store, c)?,
        None => None,
    }
    .unwrap_or_else(|| fallback_author.to_owned());
    let created = literal_of(&objects(store, ann, dct::CREATED, None)?)
        .map_or_else(|| now.to_owned(), |l| l.value().to_owned());
    let note = (!said.notes.is_empty()).then(|| said.notes.join("\n\n"));
    let annotation = Annotation {
        source: &source,
        quote: &exact,
        prefix: prefix.as_deref(),
        suffix: suffix.as_deref(),
        claim: said.claim.as_deref(),
        claimant: &claimant,
        reported_by: &said.reported_by,
        cue: said.cue.as_deref(),
        kind,
        stance,
        about: &said.about,
        note: note.as_deref(),
        author: &author,
        created: &created,
        placement: Placement::BySelectors { start },
    };
    prepare(data, gazetteer, &annotation)
}
