//! The index's documents, derived from the store alone: one per attribution
//! (claim text, quote, names of claimant and reporters, names of the entities
//! the claim is about, source metadata), one per paragraph of each source
//! version, and one per entity (all its labels and aliases).
//!
//! Each named graph gives its own documents: what a graph says about its
//! attributions, claims and versions is read from that graph only (one scan,
//! or the quads just written), and only names, source descriptions and
//! broader concepts are looked up across the store.

use crate::Result;
use crate::ids::ID_BASE;
use crate::queries::{prepare, run_query};
use crate::vocab::{cg, oa, rdf, rdfs, schema, skos};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term, Variable,
};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;

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
/// store when `None`). Each graph is read with one scan of that graph.
pub fn documents(store: &Store, graphs: Option<&[NamedNode]>) -> Result<Vec<IndexDoc>> {
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
    let mut cache = Cache::new(store);
    let mut out = Vec::new();
    for g in graphs {
        let view = GraphView::read(store, g)?;
        graph_documents(&mut cache, &view, &mut out)?;
    }
    Ok(out)
}

/// The documents derived from `graphs` whose whole content is `quads`
/// (just written to `store`): the graphs are read from `quads`, not from the
/// store, which is only asked for names and source descriptions that other
/// graphs hold. Gives what [`documents`] gives for the same graphs.
pub fn documents_of_quads(
    store: &Store,
    graphs: &[NamedNode],
    quads: &[Quad],
) -> Result<Vec<IndexDoc>> {
    let mut views: HashMap<&str, GraphView> = graphs
        .iter()
        .map(|g| (g.as_str(), GraphView::new(g.clone())))
        .collect();
    for q in quads {
        if let GraphName::NamedNode(g) = &q.graph_name
            && let Some(view) = views.get_mut(g.as_str())
        {
            view.add(q.subject.clone(), q.predicate.clone(), q.object.clone());
        }
    }
    let mut cache = Cache::new(store);
    let mut out = Vec::new();
    for g in graphs {
        graph_documents(&mut cache, &views[g.as_str()], &mut out)?;
    }
    Ok(out)
}

/// One named graph's triples in memory, by subject.
struct GraphView {
    graph: NamedNode,
    /// Subject (IRI, or `_:` and a blank node id) → (predicate, object), in
    /// the order read.
    by_subject: HashMap<String, Vec<(NamedNode, Term)>>,
    /// `rdf:type` → its instances that are IRIs, in the order read.
    instances: HashMap<NamedNode, Vec<NamedNode>>,
    /// Subjects that are IRIs with an `rdfs:label`, in the order read.
    labelled: Vec<NamedNode>,
}

fn subject_key(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

impl GraphView {
    fn new(graph: NamedNode) -> Self {
        GraphView {
            graph,
            by_subject: HashMap::new(),
            instances: HashMap::new(),
            labelled: Vec::new(),
        }
    }

    /// Reads `graph` from `store` in one scan.
    fn read(store: &Store, graph: &NamedNode) -> Result<Self> {
        let mut view = GraphView::new(graph.clone());
        for q in store.quads_for_pattern(None, None, None, Some(graph.as_ref().into())) {
            let q = q?;
            view.add(q.subject, q.predicate, q.object);
        }
        Ok(view)
    }

    fn add(&mut self, s: NamedOrBlankNode, p: NamedNode, o: Term) {
        if let NamedOrBlankNode::NamedNode(n) = &s {
            if p == rdf::TYPE
                && let Term::NamedNode(class) = &o
            {
                self.instances
                    .entry(class.clone())
                    .or_default()
                    .push(n.clone());
            }
            if p == rdfs::LABEL && self.labelled.last() != Some(n) {
                self.labelled.push(n.clone());
            }
        }
        self.by_subject
            .entry(subject_key(&s))
            .or_default()
            .push((p, o));
    }

    /// The objects of `s p ?o`.
    fn objects<'v>(
        &'v self,
        s: NamedNodeRef<'_>,
        p: NamedNodeRef<'v>,
    ) -> impl Iterator<Item = &'v Term> + 'v {
        self.by_subject
            .get(s.as_str())
            .into_iter()
            .flatten()
            .filter(move |(q, _)| q.as_ref() == p)
            .map(|(_, o)| o)
    }

    /// The first IRI object of `s p ?o`.
    fn node(&self, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Option<NamedNode> {
        self.objects(s, p).find_map(|o| match o {
            Term::NamedNode(n) => Some(n.clone()),
            _ => None,
        })
    }

    /// The distinct literal objects of `s p ?o`, sorted.
    fn literals(&self, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Vec<String> {
        let mut out: Vec<String> = self.objects(s, p).filter_map(literal).collect();
        out.sort();
        out.dedup();
        out
    }

    /// The distinct IRI objects of `s p ?o`, sorted.
    fn nodes(&self, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Vec<NamedNode> {
        let mut out: Vec<NamedNode> = self
            .objects(s, p)
            .filter_map(|o| match o {
                Term::NamedNode(n) => Some(n.clone()),
                _ => None,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The IRIs of type `class` (each once).
    fn instances_of(&self, class: NamedNodeRef<'_>) -> Vec<NamedNode> {
        let mut seen = HashSet::new();
        self.instances
            .get(&class.into_owned())
            .into_iter()
            .flatten()
            .filter(|n| seen.insert(*n))
            .cloned()
            .collect()
    }

    /// The quote of attribution `a`: `oa:hasTarget/oa:hasSelector/oa:exact`.
    fn quote(&self, a: NamedNodeRef<'_>) -> Option<String> {
        self.objects(a, oa::HAS_TARGET)
            .filter_map(|t| match t {
                Term::NamedNode(t) => Some(t),
                _ => None,
            })
            .flat_map(|t| self.objects(t.as_ref(), oa::HAS_SELECTOR))
            .filter_map(|sel| match sel {
                Term::NamedNode(sel) => Some(sel),
                _ => None,
            })
            .flat_map(|sel| self.objects(sel.as_ref(), oa::EXACT))
            .find_map(literal)
    }
}

/// The documents derived from one graph, appended to `out`.
fn graph_documents(cache: &mut Cache<'_>, view: &GraphView, out: &mut Vec<IndexDoc>) -> Result<()> {
    let store = cache.store;
    let g = &view.graph;
    // One document per attribution, even if it has several quotes or claims.
    for a in view.instances_of(cg::ATTRIBUTION) {
        let ar = a.as_ref();
        let (Some(claim), Some(claimant), Some(source)) = (
            view.node(ar, cg::CLAIM),
            view.node(ar, cg::CLAIMANT),
            view.node(ar, cg::SOURCE),
        ) else {
            continue;
        };
        let mut doc = IndexDoc::new(DocKind::Attribution, g.as_str(), a.as_str());
        doc.claim = Some(claim.as_str().into());
        doc.claimant = Some(claimant.as_str().into());
        doc.source = Some(source.as_str().into());
        doc.quote = view.quote(ar);
        doc.texts = view.literals(claim.as_ref(), schema::TEXT);
        let who = cache.names(claimant.as_ref())?;
        doc.claimant_label = Some(who.display.clone());
        doc.names.extend(who.all.iter().cloned());
        // Reporters, ordered by position.
        let mut steps: Vec<(i64, NamedNode)> = Vec::new();
        for step in view.nodes(ar, cg::REPORTING_STEP_PROP) {
            let position = view
                .literals(step.as_ref(), cg::POSITION)
                .first()
                .and_then(|p| p.parse().ok())
                .unwrap_or(i64::MAX);
            if let Some(r) = view.nodes(step.as_ref(), cg::REPORTER).into_iter().next() {
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
        // Entities the claim is about here, and the broader concepts they
        // fall under (from the ontology).
        let mut about = view.nodes(claim.as_ref(), schema::ABOUT);
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
    for v in view.instances_of(cg::SOURCE_VERSION) {
        let Some(text) = view.objects(v.as_ref(), cg::TEXT).find_map(literal) else {
            continue;
        };
        let source = view.node(v.as_ref(), cg::VERSION_OF);
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
    let mut seen = HashSet::new();
    for e in view
        .labelled
        .iter()
        .filter(|e| e.as_str().starts_with(&base) && seen.insert(*e))
    {
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

impl<'a> Cache<'a> {
    fn new(store: &'a Store) -> Self {
        Cache {
            store,
            names: HashMap::new(),
            sources: HashMap::new(),
        }
    }

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

/// A date a user gave (`--since`, `?until=`): [`unix_seconds`] of it when
/// it is one (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime, each part in range:
/// no month 13, no 31 April), `None` when it is not.
pub fn user_date_seconds(value: &str) -> Option<i64> {
    crate::annotated::build::date_literal(value)?;
    unix_seconds(value)
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

    /// A graph read back from the store and the same graph's quads give the
    /// same documents.
    #[test]
    fn documents_of_written_quads_equal_documents_read_from_the_store() {
        let trig = r#"
            @prefix cg: <https://w3id.org/claimgraph/ns#> .
            @prefix schema: <http://schema.org/> .
            @prefix oa: <http://www.w3.org/ns/oa#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix e: <https://w3id.org/claimgraph/id/entity/> .
            <https://example.org/onto> { e:beijing skos:broader e:china . e:china rdfs:label "China"@en . }
            <https://example.org/g> {
              <https://example.org/s> schema:headline "Funding" ; schema:inLanguage "en" ;
                  schema:datePublished "2025-01-02" ; schema:publisher e:scmp .
              e:scmp rdfs:label "South China Morning Post"@en ; skos:altLabel "SCMP" .
              e:beijing rdfs:label "Beijing"@en , "北京"@zh .
              <https://example.org/c> a schema:Claim ; schema:text "Beijing funds dramas" ;
                  schema:about e:beijing .
              <https://example.org/a> a cg:Attribution ; cg:claim <https://example.org/c> ;
                  cg:claimant e:beijing ; cg:source <https://example.org/s> ;
                  cg:reportingStep <https://example.org/a/step1> ;
                  oa:hasTarget <https://example.org/a/t> .
              <https://example.org/a/step1> cg:reporter e:xinhua ; cg:position 1 .
              e:xinhua rdfs:label "Xinhua" .
              <https://example.org/a/t> oa:hasSelector <https://example.org/a/q> .
              <https://example.org/a/q> oa:exact "Beijing funds dramas." .
              <https://example.org/v> a cg:SourceVersion ; cg:versionOf <https://example.org/s> ;
                  cg:text "First paragraph.\n\nSecond one." .
            }"#;
        let store = Store::new().unwrap();
        store
            .load_from_slice(oxigraph::io::RdfFormat::TriG, trig.as_bytes())
            .unwrap();
        let g = NamedNode::new_unchecked("https://example.org/g");
        let quads: Vec<Quad> = store
            .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        let show = |docs: Vec<IndexDoc>| {
            let mut v: Vec<String> = docs.iter().map(|d| format!("{d:?}")).collect();
            v.sort();
            v
        };
        let read = show(documents(&store, Some(std::slice::from_ref(&g))).unwrap());
        let written = show(documents_of_quads(&store, std::slice::from_ref(&g), &quads).unwrap());
        assert_eq!(read, written);
        // An attribution, two paragraphs and the three minted entities.
        assert_eq!(read.len(), 6, "{read:#?}");
        let attribution = read.iter().find(|d| d.contains("Attribution")).unwrap();
        for expected in [
            "Beijing funds dramas.",
            "Xinhua ← South China Morning Post",
            "\"China\"",
            "北京",
        ] {
            assert!(
                attribution.contains(expected),
                "{expected} in {attribution}"
            );
        }
    }

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
