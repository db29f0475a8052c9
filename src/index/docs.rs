//! The index's documents, derived from the store alone: one per attribution
//! (claim text, quote, names of claimant and reporters, names of the entities
//! the claim is about, source metadata), one per paragraph of each source
//! version, and one per entity (all its labels and aliases).

use crate::Result;
use crate::ids::ID_BASE;
use crate::queries::{prepare, run_query};
use crate::vocab::{cg, oa, rdf, rdfs, schema, skos};
use oxigraph::model::{
    GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term, Variable,
};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use std::collections::HashMap;

/// What a document stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// One appearance of a claim.
    Attribution,
    /// One paragraph of a source version.
    Paragraph,
    /// One entity.
    Entity,
}

impl DocKind {
    /// The value of the `kind` field.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Attribution => "attribution",
            Self::Paragraph => "paragraph",
            Self::Entity => "entity",
        }
    }
}

/// A document before it is given to tantivy.
#[derive(Debug, Clone)]
pub struct IndexDoc {
    /// What it stands for.
    pub kind: DocKind,
    /// The graph it was derived from.
    pub graph: String,
    /// Its subject's IRI.
    pub iri: String,
    /// Claim IRI.
    pub claim: Option<String>,
    /// Claimant IRI.
    pub claimant: Option<String>,
    /// Source IRI.
    pub source: Option<String>,
    /// Publisher IRI.
    pub publisher: Option<String>,
    /// Source language.
    pub language: Option<String>,
    /// Source date (Unix seconds, UTC).
    pub date: Option<i64>,
    /// Searchable text: claim wordings, a paragraph, or entity names.
    pub texts: Vec<String>,
    /// The quote.
    pub quote: Option<String>,
    /// Source headline.
    pub headline: Option<String>,
    /// Names of claimant and reporters.
    pub names: Vec<String>,
    /// Names of the entities the claim is about.
    pub about: Vec<String>,
    /// Reporter IRIs.
    pub reporters: Vec<String>,
    /// Claimant label to show.
    pub claimant_label: Option<String>,
    /// Reporter chain to show.
    pub chain: Option<String>,
}

impl IndexDoc {
    fn new(kind: DocKind, graph: &str, iri: &str) -> Self {
        Self {
            kind,
            graph: graph.into(),
            iri: iri.into(),
            claim: None,
            claimant: None,
            source: None,
            publisher: None,
            language: None,
            date: None,
            texts: Vec::new(),
            quote: None,
            headline: None,
            names: Vec::new(),
            about: Vec::new(),
            reporters: Vec::new(),
            claimant_label: None,
            chain: None,
        }
    }
}

/// How many attribution documents the store should give: attributions with
/// a claim, a claimant and a source, counted per graph.
pub fn indexable_attributions(store: &Store) -> Result<u64> {
    let query = "SELECT (COUNT(DISTINCT ?key) AS ?n) WHERE {
      GRAPH ?g { ?a a cg:Attribution ; cg:claim ?claim ; cg:claimant ?claimant ; cg:source ?source }
      BIND(CONCAT(STR(?g), \" \", STR(?a)) AS ?key) }";
    let rows = select(store, query, Vec::new())?;
    Ok(rows
        .first()
        .and_then(|r| r.first().cloned().flatten())
        .and_then(|t| literal(&t))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0))
}

/// Every document derived from `graphs` (from every named graph of the
/// store when `None`). Each graph is read by direct pattern scans of that
/// graph (no SPARQL to parse and plan per graph: ingestion updates the index
/// for hundreds of small graphs per batch).
pub fn documents(store: &Store, graphs: Option<&[NamedNode]>) -> Result<Vec<IndexDoc>> {
    let mut cache = Cache {
        store,
        names: HashMap::new(),
        sources: HashMap::new(),
    };
    let all: Vec<NamedNode>;
    let graphs = match graphs {
        Some(gs) => gs,
        None => {
            let mut named = Vec::new();
            for g in store.named_graphs() {
                if let NamedOrBlankNode::NamedNode(n) = g? {
                    named.push(n);
                }
            }
            all = named;
            &all
        }
    };
    let mut out = Vec::new();
    for g in graphs {
        graph_documents(&mut cache, g, &mut out)?;
    }
    Ok(out)
}

/// The objects of `s p ?o` in graph `g`.
fn objects_in(
    store: &Store,
    s: NamedNodeRef<'_>,
    p: NamedNodeRef<'_>,
    g: NamedNodeRef<'_>,
) -> impl Iterator<Item = Result<Term>> {
    store
        .quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(s)),
            Some(p),
            None,
            Some(GraphNameRef::NamedNode(g)),
        )
        .map(|q| Ok(q?.object))
}

/// The first IRI object of `s p ?o` in graph `g`.
fn node_in(
    store: &Store,
    s: NamedNodeRef<'_>,
    p: NamedNodeRef<'_>,
    g: NamedNodeRef<'_>,
) -> Result<Option<NamedNode>> {
    for o in objects_in(store, s, p, g) {
        if let Term::NamedNode(n) = o? {
            return Ok(Some(n));
        }
    }
    Ok(None)
}

/// The subjects of `?s rdf:type class` in graph `g`.
fn instances_in(
    store: &Store,
    class: NamedNodeRef<'_>,
    g: NamedNodeRef<'_>,
) -> Result<Vec<NamedNode>> {
    let mut out = Vec::new();
    for q in store.quads_for_pattern(
        None,
        Some(rdf::TYPE),
        Some(class.into()),
        Some(GraphNameRef::NamedNode(g)),
    ) {
        if let NamedOrBlankNode::NamedNode(n) = q?.subject {
            out.push(n);
        }
    }
    Ok(out)
}

/// The quote of attribution `a`: `oa:hasTarget/oa:hasSelector/oa:exact` in `g`.
fn quote_in(store: &Store, a: NamedNodeRef<'_>, g: NamedNodeRef<'_>) -> Result<Option<String>> {
    for target in objects_in(store, a, oa::HAS_TARGET, g) {
        let Term::NamedNode(target) = target? else {
            continue;
        };
        for selector in objects_in(store, target.as_ref(), oa::HAS_SELECTOR, g) {
            let Term::NamedNode(selector) = selector? else {
                continue;
            };
            for exact in objects_in(store, selector.as_ref(), oa::EXACT, g) {
                if let Some(quote) = literal(&exact?) {
                    return Ok(Some(quote));
                }
            }
        }
    }
    Ok(None)
}

/// The documents derived from one graph, appended to `out`.
fn graph_documents(cache: &mut Cache<'_>, g: &NamedNode, out: &mut Vec<IndexDoc>) -> Result<()> {
    let store = cache.store;
    let gr = g.as_ref();
    // One document per attribution, even if it has several quotes or claims.
    for a in instances_in(store, cg::ATTRIBUTION, gr)? {
        let ar = a.as_ref();
        let (Some(claim), Some(claimant), Some(source)) = (
            node_in(store, ar, cg::CLAIM, gr)?,
            node_in(store, ar, cg::CLAIMANT, gr)?,
            node_in(store, ar, cg::SOURCE, gr)?,
        ) else {
            continue;
        };
        let mut doc = IndexDoc::new(DocKind::Attribution, g.as_str(), a.as_str());
        doc.claim = Some(claim.as_str().into());
        doc.claimant = Some(claimant.as_str().into());
        doc.source = Some(source.as_str().into());
        doc.quote = quote_in(store, ar, gr)?;
        doc.texts = objects(store, claim.as_ref(), schema::TEXT)?;
        let who = cache.names(claimant.as_ref())?;
        doc.claimant_label = Some(who.display.clone());
        doc.names.extend(who.all.iter().cloned());
        // Reporters, ordered by position.
        let mut steps: Vec<(i64, NamedNode)> = Vec::new();
        for step in object_nodes(store, a.as_ref(), cg::REPORTING_STEP_PROP)? {
            let position = objects(store, step.as_ref(), cg::POSITION)?
                .first()
                .and_then(|p| p.parse().ok())
                .unwrap_or(i64::MAX);
            if let Some(r) = object_nodes(store, step.as_ref(), cg::REPORTER)?
                .into_iter()
                .next()
            {
                steps.push((position, r));
            }
        }
        steps.sort();
        let mut chain = Vec::new();
        for (_, r) in &steps {
            let names = cache.names(r.as_ref())?;
            chain.push(names.display.clone());
            doc.names.extend(names.all.iter().cloned());
            doc.reporters.push(r.as_str().into());
        }
        let meta = cache.source(source.as_ref())?;
        chain.push(meta.outermost.clone());
        doc.chain = Some(chain.join(" ← "));
        doc.publisher = meta.publisher.clone();
        doc.language = meta.language.clone();
        doc.date = meta.date;
        doc.headline = meta.headline.clone();
        // Entities the claim is about, and the broader concepts they fall under.
        let mut about = object_nodes(store, claim.as_ref(), schema::ABOUT)?;
        let mut i = 0;
        while i < about.len() {
            for broader in object_nodes(store, about[i].as_ref(), skos::BROADER)? {
                if !about.contains(&broader) {
                    about.push(broader);
                }
            }
            i += 1;
        }
        for e in &about {
            doc.about
                .extend(cache.names(e.as_ref())?.all.iter().cloned());
        }
        out.push(doc);
    }
    for v in instances_in(store, cg::SOURCE_VERSION, gr)? {
        let Some(text) = objects_in(store, v.as_ref(), cg::TEXT, gr)
            .find_map(|t| t.map(|t| literal(&t)).transpose())
            .transpose()?
        else {
            continue;
        };
        let source = object_nodes(store, v.as_ref(), cg::VERSION_OF)?
            .into_iter()
            .next();
        let meta = match &source {
            Some(s) => Some(cache.source(s.as_ref())?.clone()),
            None => None,
        };
        for (n, paragraph) in text
            .split('\n')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            let mut doc = IndexDoc::new(
                DocKind::Paragraph,
                g.as_str(),
                &format!("{}#p{}", v.as_str(), n + 1),
            );
            doc.texts.push(paragraph.into());
            doc.source = source.as_ref().map(|s| s.as_str().into());
            if let Some(meta) = &meta {
                doc.headline = meta.headline.clone();
                doc.language = meta.language.clone();
                doc.publisher = meta.publisher.clone();
                doc.date = meta.date;
            }
            out.push(doc);
        }
    }
    // Entities claimgraph minted (under its entity base) and labelled here.
    let base = format!("{ID_BASE}entity/");
    let mut entities: Vec<NamedNode> = Vec::new();
    for q in store.quads_for_pattern(
        None,
        Some(rdfs::LABEL),
        None,
        Some(GraphNameRef::NamedNode(gr)),
    ) {
        if let NamedOrBlankNode::NamedNode(e) = q?.subject
            && e.as_str().starts_with(&base)
            && entities.last() != Some(&e)
            && !entities.contains(&e)
        {
            entities.push(e);
        }
    }
    for e in entities {
        let names = cache.names(e.as_ref())?;
        let mut doc = IndexDoc::new(DocKind::Entity, g.as_str(), e.as_str());
        doc.texts = names.all.clone();
        doc.claimant_label = Some(names.display.clone());
        out.push(doc);
    }
    Ok(())
}

struct Names {
    display: String,
    all: Vec<String>,
}

#[derive(Clone)]
struct SourceMeta {
    headline: Option<String>,
    publisher: Option<String>,
    language: Option<String>,
    date: Option<i64>,
    outermost: String,
}

struct Cache<'a> {
    store: &'a Store,
    names: HashMap<NamedNode, Names>,
    sources: HashMap<NamedNode, SourceMeta>,
}

impl Cache<'_> {
    fn names(&mut self, entity: NamedNodeRef<'_>) -> Result<&Names> {
        if !self.names.contains_key(&entity.into_owned()) {
            let mut labels: Vec<(String, String)> = Vec::new();
            let mut all = Vec::new();
            for q in
                self.store
                    .quads_for_pattern(Some(entity.into()), Some(rdfs::LABEL), None, None)
            {
                if let Term::Literal(l) = q?.object {
                    labels.push((l.language().unwrap_or("").to_owned(), l.value().to_owned()));
                    all.push(l.value().to_owned());
                }
            }
            for alias in objects(self.store, entity, skos::ALT_LABEL)? {
                all.push(alias);
            }
            all.sort();
            all.dedup();
            let pick = |lang: &str| {
                labels
                    .iter()
                    .find(|(l, _)| l == lang)
                    .map(|(_, v)| v.clone())
            };
            let display = pick("en")
                .or_else(|| pick(""))
                .or_else(|| labels.first().map(|(_, v)| v.clone()))
                .unwrap_or_else(|| entity.as_str().to_owned());
            self.names
                .insert(entity.into_owned(), Names { display, all });
        }
        Ok(&self.names[&entity.into_owned()])
    }

    fn source(&mut self, source: NamedNodeRef<'_>) -> Result<&SourceMeta> {
        if !self.sources.contains_key(&source.into_owned()) {
            let headline = objects(self.store, source, schema::HEADLINE)?
                .into_iter()
                .next();
            let publisher = object_nodes(self.store, source, schema::PUBLISHER)?
                .into_iter()
                .next();
            let publisher_label = match &publisher {
                Some(p) => Some(self.names(p.as_ref())?.display.clone()),
                None => None,
            };
            let outermost = publisher_label
                .or_else(|| headline.clone())
                .unwrap_or_else(|| source.as_str().to_owned());
            let meta = SourceMeta {
                publisher: publisher.map(|p| p.as_str().to_owned()),
                language: objects(self.store, source, schema::IN_LANGUAGE)?
                    .into_iter()
                    .next(),
                date: objects(self.store, source, schema::DATE_PUBLISHED)?
                    .first()
                    .and_then(|d| unix_seconds(d)),
                headline,
                outermost,
            };
            self.sources.insert(source.into_owned(), meta);
        }
        Ok(&self.sources[&source.into_owned()])
    }
}

fn select(
    store: &Store,
    query: &str,
    params: Vec<(Variable, Term)>,
) -> Result<Vec<Vec<Option<Term>>>> {
    let prepared = prepare(query, "index documents", params, None)?;
    let QueryResults::Solutions(solutions) = run_query(store, prepared)? else {
        return Ok(Vec::new());
    };
    let variables = solutions.variables().to_vec();
    let mut rows = Vec::new();
    for s in solutions {
        let s = s?;
        rows.push(variables.iter().map(|v| s.get(v).cloned()).collect());
    }
    Ok(rows)
}

fn literal(t: &Term) -> Option<String> {
    match t {
        Term::Literal(l) => Some(l.value().to_owned()),
        _ => None,
    }
}

/// The distinct objects of `s p ?o` in any graph, as `pick` maps them.
fn objects_as<T: Ord>(
    store: &Store,
    s: NamedNodeRef<'_>,
    p: NamedNodeRef<'_>,
    pick: impl Fn(Term) -> Option<T>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for q in store.quads_for_pattern(
        Some(NamedOrBlankNodeRef::NamedNode(s)),
        Some(p),
        None,
        None::<GraphNameRef<'_>>,
    ) {
        out.extend(pick(q?.object));
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Literal objects, as strings.
fn objects(store: &Store, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Result<Vec<String>> {
    objects_as(store, s, p, |t| match t {
        Term::Literal(l) => Some(l.value().to_owned()),
        _ => None,
    })
}

/// IRI objects.
fn object_nodes(store: &Store, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Result<Vec<NamedNode>> {
    objects_as(store, s, p, |t| match t {
        Term::NamedNode(n) => Some(n),
        _ => None,
    })
}

/// Unix seconds (UTC) of `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time
/// with optional `Z`/`±hh:mm`; the start of the period for partial dates.
pub fn unix_seconds(value: &str) -> Option<i64> {
    let (date, time) = value.split_once('T').unwrap_or((value, ""));
    let mut parts = date.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next().map_or(Some(1), |p| p.parse().ok())?;
    let d: i64 = parts.next().map_or(Some(1), |p| p.parse().ok())?;
    let mut secs = days_from_civil(y, m, d) * 86_400;
    if !time.is_empty() {
        let (clock, offset) = match time.find(['Z', '+', '-']) {
            Some(i) => time.split_at(i),
            None => (time, ""),
        };
        let mut hms = clock.split(':');
        let h: i64 = hms.next()?.parse().ok()?;
        let mi: i64 = hms.next().unwrap_or("0").parse().ok()?;
        let s: f64 = hms.next().unwrap_or("0").parse().ok()?;
        secs += h * 3600 + mi * 60 + s as i64;
        if offset.len() == 6 {
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let oh: i64 = offset[1..3].parse().ok()?;
            let om: i64 = offset[4..6].parse().ok()?;
            secs -= sign * (oh * 3600 + om * 60);
        }
    }
    Some(secs)
}

// Howard Hinnant's days-from-civil algorithm.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_utc_seconds() {
        assert_eq!(unix_seconds("1970-01-01"), Some(0));
        assert_eq!(unix_seconds("2024"), unix_seconds("2024-01-01"));
        assert_eq!(
            unix_seconds("2024-03-05T08:00:00+08:00"),
            unix_seconds("2024-03-05")
        );
        assert_eq!(unix_seconds("2024-03-05T00:00:00Z"), Some(1_709_596_800));
        assert_eq!(unix_seconds("soon"), None);
    }
}
