//! Articles into the store, as versions of their source. The canonical URL
//! is the source's identity; each distinct extracted text is a version
//! (content hash, retrieval time, `prov:wasRevisionOf` the version before).
//! All of it lives in the source's own graph `…/graph/web/<hash>`: saving
//! rewrites that graph only (people's annotation graphs are never touched),
//! and an unchanged text writes nothing at all — no triple, no index commit.
//! The attributions found in a new version go into that version's claims
//! graph (`…/graph/claims/…`), and where people's annotations of the source
//! are in the new text into its anchoring graph (`…/graph/anchors/…`),
//! written in the same batch.

use super::extract::Article;
use super::reading::Reading;
use crate::annotated::build::date_literal;
use crate::annotated::reanchor::{
    Marked, Placed, anchoring_quads, anchors_graph, marked_in, reanchor,
};
use crate::attribute::Found;
use crate::attribute::link::Linker;
use crate::attribute::quads::{
    VersionContext, claims_graph, credited_author, title_or_address, version_quads,
};
use crate::ids::{self, GRAPH_BASE};
use crate::store::DataDir;
use crate::vocab::{cg, prov, rdf, rdfs, schema};
use crate::{Error, Result};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::collections::HashSet;

/// What saving an article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// A source seen for the first time.
    NewSource,
    /// A new version of a known source (its text changed).
    NewVersion {
        /// The version it revises.
        previous: NamedNode,
    },
    /// The text equals the latest version's: nothing written.
    Unchanged,
}

/// The graph of an ingested source.
pub fn web_graph(source: &NamedNode) -> NamedNode {
    let key = source.as_str().rsplit('/').next().unwrap_or_default();
    NamedNode::new_unchecked(format!("{GRAPH_BASE}web/{key}"))
}

/// A stored version of a source.
#[derive(Debug, Clone)]
pub struct StoredVersion {
    /// Its IRI.
    pub iri: NamedNode,
    /// Content hash.
    pub hash: String,
    /// Retrieval time (ISO 8601), if recorded.
    pub retrieved: Option<String>,
    /// The version it revises.
    pub revision_of: Option<NamedNode>,
    /// Its text.
    pub text: String,
}

/// The versions of `source` in any graph, oldest first (by revision chain,
/// then retrieval time).
pub fn versions(data: &DataDir, source: &NamedNode) -> Result<Vec<StoredVersion>> {
    let store = data.store();
    let mut out: Vec<StoredVersion> = Vec::new();
    for quad in store.quads_for_pattern(
        None,
        Some(cg::VERSION_OF),
        Some(source.as_ref().into()),
        None,
    ) {
        let quad = quad?;
        let NamedOrBlankNode::NamedNode(v) = quad.subject else {
            continue;
        };
        if out.iter().any(|o| o.iri == v) {
            continue;
        }
        let object = |p: NamedNodeRef<'_>| -> Result<Option<Term>> {
            Ok(store
                .quads_for_pattern(Some(v.as_ref().into()), Some(p), None, None)
                .next()
                .transpose()?
                .map(|q| q.object))
        };
        let literal = |t: Option<Term>| match t {
            Some(Term::Literal(l)) => Some(l.value().to_owned()),
            _ => None,
        };
        out.push(StoredVersion {
            hash: literal(object(cg::CONTENT_HASH)?).unwrap_or_default(),
            retrieved: literal(object(cg::RETRIEVED_AT)?),
            revision_of: match object(prov::WAS_REVISION_OF)? {
                Some(Term::NamedNode(n)) => Some(n),
                _ => None,
            },
            text: literal(object(cg::TEXT)?).unwrap_or_default(),
            iri: v,
        });
    }
    // Chain order: a version comes after the one it revises.
    out.sort_by(|a, b| {
        a.retrieved
            .cmp(&b.retrieved)
            .then(a.iri.as_str().cmp(b.iri.as_str()))
    });
    let mut ordered: Vec<StoredVersion> = Vec::with_capacity(out.len());
    while !out.is_empty() {
        let next = out
            .iter()
            .position(|v| {
                v.revision_of
                    .as_ref()
                    .is_none_or(|r| !out.iter().any(|o| &o.iri == r))
            })
            .unwrap_or(0);
        ordered.push(out.remove(next));
    }
    Ok(ordered)
}

/// An article made ready to write: its source, graph and the graph's new
/// content (nothing when unchanged).
#[derive(Debug)]
pub struct Staged {
    /// The source.
    pub source: NamedNode,
    /// What writing it does.
    pub saved: Saved,
    graph: NamedNode,
    quads: Vec<Quad>,
    /// The new version's claims graph and its quads.
    claims: (NamedNode, Vec<Quad>),
    /// Where people's annotations of the source are in the new version:
    /// the anchoring graph, its quads, and each annotation's outcome.
    anchors: (NamedNode, Vec<Quad>, Vec<(Marked, Placed)>),
    /// Other graphs written with the article, changed or not (a job's
    /// journal entry for the URL it came from).
    extra: Vec<(NamedNode, Vec<Quad>)>,
    /// Claims not to be linked (a reviewed claim a stored version's new
    /// reading no longer finds, kept as it was).
    linked: HashSet<NamedNode>,
    /// Only the claims graph is written: a stored version's claims found
    /// again, its text unchanged.
    claims_only: bool,
}

impl Staged {
    /// A stored version's claims graph `graph` rewritten as `quads`, its
    /// text and source unchanged; the claims in `linked` are not to be
    /// linked to near-duplicates.
    pub fn claims_of(
        source: NamedNode,
        graph: NamedNode,
        quads: Vec<Quad>,
        linked: HashSet<NamedNode>,
    ) -> Staged {
        Staged {
            source,
            saved: Saved::Unchanged,
            graph: graph.clone(),
            quads: Vec::new(),
            claims: (graph.clone(), quads),
            anchors: (graph, Vec::new(), Vec::new()),
            extra: Vec::new(),
            linked,
            claims_only: true,
        }
    }

    /// The claims of the new version (IRI and text) to be linked to their
    /// near-duplicates: all of them, but for those kept as they were.
    pub fn claims_to_link(&self) -> Vec<(NamedNode, String)> {
        self.claim_texts()
            .filter(|(s, _)| !self.linked.contains(*s))
            .map(|(s, text)| (s.clone(), text.to_owned()))
            .collect()
    }

    /// Whether the new version's claims graph links `claim` to `other`.
    pub fn links(&self, claim: &NamedNode, other: &NamedNode) -> bool {
        self.claims.1.iter().any(|q| {
            q.predicate == crate::vocab::cg::NEAR_DUPLICATE_OF
                && matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if s == claim)
                && matches!(&q.object, Term::NamedNode(o) if o == other)
        })
    }

    /// How many claims the new version's claims graph holds.
    pub fn claim_count(&self) -> usize {
        self.claim_texts().count()
    }

    /// Each claim of the new version's claims graph with its wording.
    fn claim_texts(&self) -> impl Iterator<Item = (&NamedNode, &str)> {
        claim_texts(&self.claims.1)
    }

    /// Adds a quad to the new version's claims graph.
    pub fn add_claim_quad(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: Term) {
        let g = GraphName::NamedNode(self.claims.0.clone());
        self.claims
            .1
            .push(Quad::new(s.clone(), p.into_owned(), o, g));
    }

    /// The graph the new version's claims are in.
    pub fn claims_graph(&self) -> &NamedNode {
        &self.claims.0
    }

    /// Writes `quads` as the whole of `graph` with this article, even when
    /// its text is unchanged.
    pub fn add_graph(&mut self, graph: NamedNode, quads: Vec<Quad>) {
        self.extra.push((graph, quads));
    }

    /// What became of people's annotations of the source in the new
    /// version (nothing when the text is unchanged).
    pub fn reanchored(&self) -> &[(Marked, Placed)] {
        &self.anchors.2
    }
}

/// Prepares `article`, retrieved at `retrieved` (ISO 8601 date-time), as a
/// version of its source with the claims `found` in it, read as `reading`
/// says ([`Reading`]); [`commit`] writes a batch of them in one transaction
/// and one index commit. An unchanged text stored without claims gets
/// them when `reading` reads claims.
pub fn stage(
    data: &DataDir,
    article: &Article,
    retrieved: &str,
    found: &[Found],
    reading: Reading,
) -> Result<Staged> {
    let url = article.canonical_url.as_deref().ok_or_else(|| {
        Error::invalid(
            &article.location,
            None,
            "no URL to name the source by; give one",
        )
    })?;
    let source = ids::source_iri(Some(url), "");
    let graph = web_graph(&source);
    let text = article.text();
    let hash = ids::content_hash(&text);
    let known = versions(data, &source)?;
    if let Some(last) = known.last().filter(|v| v.hash == hash) {
        // Stored without claims, now read for them: its claims alone.
        if reading > Reading::Nothing && Reading::stored(data, &last.iri)? == Reading::Nothing {
            let claims = claims_graph(&last.iri);
            let quads = claim_quads(article, &source, &last.iri, &text, found, reading);
            return Ok(Staged::claims_of(source, claims, quads, HashSet::new()));
        }
        return Ok(Staged {
            source,
            saved: Saved::Unchanged,
            graph: graph.clone(),
            quads: Vec::new(),
            claims: (graph.clone(), Vec::new()),
            anchors: (graph, Vec::new(), Vec::new()),
            extra: Vec::new(),
            linked: HashSet::new(),
            claims_only: false,
        });
    }
    let g = GraphName::NamedNode(graph.clone());
    // The graph keeps every version it holds; the source's description and
    // its people are rewritten from the newest article.
    let mut quads: Vec<Quad> = Vec::new();
    for quad in data
        .store()
        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
    {
        let quad = quad?;
        let is_version = matches!(&quad.subject, NamedOrBlankNode::NamedNode(s) if s.as_str().starts_with(&format!("{}/version/", source.as_str())))
            || quad.predicate == cg::HAS_VERSION;
        if is_version {
            quads.push(quad);
        }
    }
    let mut add = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
        quads.push(Quad::new(s.clone(), p.into_owned(), o, g.clone()));
    };
    add(&source, rdf::TYPE, schema::NEWS_ARTICLE.into_owned().into());
    if let Ok(u) = NamedNode::new(url) {
        add(&source, schema::URL, u.into());
    }
    if let Some(h) = &article.headline {
        add(
            &source,
            schema::HEADLINE,
            Literal::new_simple_literal(h).into(),
        );
    }
    for name in &article.authors {
        let person = ids::entity_iri(name);
        add(&source, schema::AUTHOR, person.clone().into());
        add(&person, rdf::TYPE, schema::PERSON.into_owned().into());
        add(
            &person,
            rdfs::LABEL,
            Literal::new_simple_literal(name).into(),
        );
    }
    if let Some(p) = &article.publisher {
        let org = ids::entity_iri(p);
        add(&source, schema::PUBLISHER, org.clone().into());
        add(&org, rdf::TYPE, schema::ORGANIZATION.into_owned().into());
        add(&org, rdfs::LABEL, Literal::new_simple_literal(p).into());
    }
    if let Some(d) = article.published.as_deref().and_then(date_literal) {
        add(&source, schema::DATE_PUBLISHED, d.into());
    }
    if let Some(d) = article.modified.as_deref().and_then(date_literal) {
        add(&source, schema::DATE_MODIFIED, d.into());
    }
    if let Some(l) = &article.language {
        add(
            &source,
            schema::IN_LANGUAGE,
            Literal::new_simple_literal(l).into(),
        );
    }
    // A text that comes back (A, B, then A again) is a version of its own,
    // revising B: the first A is not made to revise B.
    let before = known.iter().filter(|v| v.hash == hash).count();
    let version = if before == 0 {
        ids::version_iri(&source, &hash)
    } else {
        ids::returned_version_iri(&source, &hash, before + 1)
    };
    add(&source, cg::HAS_VERSION, version.clone().into());
    add(&version, rdf::TYPE, cg::SOURCE_VERSION.into_owned().into());
    add(&version, cg::VERSION_OF, source.clone().into());
    add(
        &version,
        cg::TEXT,
        Literal::new_simple_literal(&text).into(),
    );
    add(
        &version,
        cg::CONTENT_HASH,
        Literal::new_simple_literal(&hash).into(),
    );
    if let Some(t) = date_literal(retrieved) {
        add(&version, cg::RETRIEVED_AT, t.into());
    }
    let previous = known.last().map(|v| v.iri.clone());
    if let Some(p) = &previous {
        add(&version, prov::WAS_REVISION_OF, p.clone().into());
    }
    let saved = match previous {
        Some(previous) => Saved::NewVersion { previous },
        None => Saved::NewSource,
    };
    // The attributions found in this version, in a graph of their own: an
    // older version's claims stay as they were found.
    let claims = claims_graph(&version);
    let claim_quads = claim_quads(article, &source, &version, &text, found, reading);
    // People's annotations of this source, looked for in the new text; they
    // themselves stay as they are.
    let reanchored: Vec<(Marked, Placed)> = marked_in(data.store(), &source)?
        .into_iter()
        .map(|m| {
            let f = reanchor(&text, &m);
            (m, f)
        })
        .collect();
    let anchor_quads = anchoring_quads(&version, &reanchored);
    Ok(Staged {
        source,
        saved,
        graph,
        quads,
        claims: (claims, claim_quads),
        anchors: (anchors_graph(&version), anchor_quads, reanchored),
        extra: Vec::new(),
        linked: HashSet::new(),
        claims_only: false,
    })
}

/// The quads of `version`'s claims graph: the claims `found` in its
/// `text`, and what it was read for.
fn claim_quads(
    article: &Article,
    source: &NamedNode,
    version: &NamedNode,
    text: &str,
    found: &[Found],
    reading: Reading,
) -> Vec<Quad> {
    let authors: Vec<NamedNode> = article.authors.iter().map(|a| ids::entity_iri(a)).collect();
    let author = credited_author(&authors, article.publisher.as_deref().map(ids::entity_iri));
    let ctx = VersionContext {
        source,
        version,
        text,
        author: author.as_ref(),
        title: title_or_address(
            article.headline.as_deref(),
            article
                .canonical_url
                .as_deref()
                .unwrap_or(&article.location),
        ),
    };
    let mut quads = version_quads(&ctx, found, Linker::embedded(), &claims_graph(version));
    quads.extend(reading.quads(version));
    quads
}

/// Whether `batch` holds a staged article of `article`'s source. Staging
/// `article` now would read the store without that one, and [`commit`]
/// would keep only the later of the two: write the batch first.
pub fn batch_holds_source_of(batch: &[Staged], article: &Article) -> bool {
    article.canonical_url.as_deref().is_some_and(|url| {
        let source = ids::source_iri(Some(url), "");
        batch.iter().any(|s| s.source == source)
    })
}

/// Writes staged articles in one write and one index commit. Two
/// articles of one source in a batch: the later one wins (callers write
/// the batch first: [`batch_holds_source_of`]). Their extra
/// graphs are written whether their text changed or not.
pub fn commit(data: &DataDir, staged: &[Staged]) -> Result<()> {
    let mut graphs: Vec<NamedOrBlankNode> = Vec::new();
    let mut seen: HashSet<NamedOrBlankNode> = HashSet::new();
    let mut quads: Vec<Quad> = Vec::new();
    for s in staged.iter().rev() {
        for (g, q) in &s.extra {
            let g = NamedOrBlankNode::NamedNode(g.clone());
            if seen.insert(g.clone()) {
                graphs.push(g);
                quads.extend(q.iter().cloned());
            }
        }
        if s.claims_only {
            let graph = NamedOrBlankNode::NamedNode(s.claims.0.clone());
            if seen.insert(graph.clone()) {
                graphs.push(graph);
                quads.extend(s.claims.1.iter().cloned());
            }
            continue;
        }
        if s.saved == Saved::Unchanged {
            continue;
        }
        let graph = NamedOrBlankNode::NamedNode(s.graph.clone());
        if !seen.insert(graph.clone()) {
            continue;
        }
        graphs.push(graph);
        quads.extend(s.quads.iter().cloned());
        graphs.push(NamedOrBlankNode::NamedNode(s.claims.0.clone()));
        quads.extend(s.claims.1.iter().cloned());
        if !s.anchors.1.is_empty() {
            graphs.push(NamedOrBlankNode::NamedNode(s.anchors.0.clone()));
            quads.extend(s.anchors.1.iter().cloned());
        }
    }
    if graphs.is_empty() {
        return Ok(());
    }
    data.replace_graphs(&graphs, &quads)?;
    Ok(())
}

/// Saves one article at once (see [`stage`] and [`commit`]).
pub fn save_article(
    data: &DataDir,
    article: &Article,
    retrieved: &str,
    found: &[Found],
) -> Result<(NamedNode, Saved)> {
    let staged = stage(data, article, retrieved, found, Reading::Everything)?;
    commit(data, std::slice::from_ref(&staged))?;
    Ok((staged.source, staged.saved))
}

/// Each claim of a claims graph's `quads` with its wording
/// (`schema:text`).
pub fn claim_texts(quads: &[Quad]) -> impl Iterator<Item = (&NamedNode, &str)> {
    quads
        .iter()
        .filter(|q| q.predicate == schema::TEXT)
        .filter_map(|q| match (&q.subject, &q.object) {
            (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) => Some((s, l.value())),
            _ => None,
        })
}
