//! Verdicts as schema.org ClaimReview JSON-LD, the form fact-checkers
//! publish for search engines: every `schema:ClaimReview` recorded by
//! `claimgraph review`, with Google's required and recommended properties —
//! `claimReviewed`, `reviewRating` (`alternateName`, and `ratingValue`,
//! `bestRating`, `worstRating` where the verdict is on the true–false
//! scale), `url`, `author`, `datePublished`, and `itemReviewed`: the
//! `Claim`, with the `author` who made it, `datePublished`, each work it
//! `appearance`s in and its `firstAppearance`.
//!
//! The claim's appearances are the sources of its attributions; the first is
//! the one with the earliest publication date, and the claim's author is the
//! claimant there (every claimant when no source is dated). [`view`] builds
//! these triples, [`export`] frames them: reading the JSON-LD back gives the
//! same triples (a test proves it).

use super::jsonld::frame;
use crate::Result;
use crate::index::docs::unix_seconds;
use crate::vocab::{cg, rdf, rdfs, schema, skos};
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple,
};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};

/// The objects of `s p ?o` in graph `g` (any graph when `None`).
fn objects(
    store: &Store,
    s: &NamedNode,
    p: NamedNodeRef<'_>,
    g: Option<&NamedNode>,
) -> Result<Vec<Term>> {
    let mut out = Vec::new();
    for q in store.quads_for_pattern(
        Some(s.as_ref().into()),
        Some(p),
        None,
        g.map(|g| GraphNameRef::NamedNode(g.as_ref())),
    ) {
        out.push(q?.object);
    }
    out.sort_by_key(|t| t.to_string());
    out.dedup();
    Ok(out)
}

fn first_node(terms: &[Term]) -> Option<NamedNode> {
    terms.iter().find_map(|t| match t {
        Term::NamedNode(n) => Some(n.clone()),
        _ => None,
    })
}

fn first_literal(terms: &[Term]) -> Option<Literal> {
    terms.iter().find_map(|t| match t {
        Term::Literal(l) => Some(l.clone()),
        _ => None,
    })
}

/// A thing's name: its English label, else a plain one, else any.
fn name(store: &Store, s: &NamedNode) -> Result<Option<String>> {
    let labels = objects(store, s, rdfs::LABEL, None)?;
    let pick = |want: Option<&str>| {
        labels.iter().find_map(|t| match t {
            Term::Literal(l) if l.language() == want => Some(l.value().to_owned()),
            _ => None,
        })
    };
    Ok(pick(Some("en"))
        .or_else(|| pick(None))
        .or_else(|| first_literal(&labels).map(|l| l.value().to_owned())))
}

/// Builds the view, deduplicating triples.
struct View<'a> {
    store: &'a Store,
    triples: BTreeSet<String>,
    out: Vec<Triple>,
    described: BTreeSet<NamedNode>,
}

impl View<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        let t = Triple::new(s.clone(), p.into_owned(), o.into());
        if self.triples.insert(t.to_string()) {
            self.out.push(t);
        }
    }

    /// A person or organisation: its type and name.
    fn agent(&mut self, who: &NamedNode, default: NamedNodeRef<'_>) -> Result<()> {
        if !self.described.insert(who.clone()) {
            return Ok(());
        }
        let types = objects(self.store, who, rdf::TYPE, None)?;
        let kind = types
            .iter()
            .find_map(|t| match t {
                Term::NamedNode(n)
                    if n.as_str().starts_with(schema::NS) && n.as_ref() != schema::THING =>
                {
                    Some(n.clone())
                }
                _ => None,
            })
            .unwrap_or_else(|| default.into_owned());
        self.add(who, rdf::TYPE, kind);
        if let Some(n) = name(self.store, who)? {
            self.add(who, schema::NAME, Literal::new_simple_literal(n));
        }
        Ok(())
    }

    /// A source the claim appears in: type, address, title, date.
    fn work(&mut self, source: &NamedNode) -> Result<()> {
        if !self.described.insert(source.clone()) {
            return Ok(());
        }
        let types = objects(self.store, source, rdf::TYPE, None)?;
        let kind = first_node(&types)
            .filter(|n| n.as_str().starts_with(schema::NS))
            .unwrap_or_else(|| schema::CREATIVE_WORK.into_owned());
        self.add(source, rdf::TYPE, kind);
        if let Some(url) = first_node(&objects(self.store, source, schema::URL, None)?) {
            self.add(source, schema::URL, url);
        }
        if let Some(h) = first_literal(&objects(self.store, source, schema::HEADLINE, None)?) {
            self.add(source, schema::HEADLINE, h);
        }
        if let Some(d) = first_literal(&objects(self.store, source, schema::DATE_PUBLISHED, None)?)
        {
            self.add(source, schema::DATE_PUBLISHED, d);
        }
        Ok(())
    }

    /// The claim: text, appearances, first appearance, author.
    fn claim(&mut self, claim: &NamedNode) -> Result<()> {
        if !self.described.insert(claim.clone()) {
            return Ok(());
        }
        self.add(claim, rdf::TYPE, schema::CLAIM);
        if let Some(text) = first_literal(&objects(self.store, claim, schema::TEXT, None)?) {
            self.add(claim, schema::TEXT, text);
        }
        // Attributions of the claim: source → claimants there.
        let mut appearances: BTreeMap<NamedNode, BTreeSet<NamedNode>> = BTreeMap::new();
        for q in
            self.store
                .quads_for_pattern(None, Some(cg::CLAIM), Some(claim.as_ref().into()), None)
        {
            let q = q?;
            let (NamedOrBlankNode::NamedNode(a), oxigraph::model::GraphName::NamedNode(g)) =
                (&q.subject, &q.graph_name)
            else {
                continue;
            };
            let Some(source) = first_node(&objects(self.store, a, cg::SOURCE, Some(g))?) else {
                continue;
            };
            let claimants = objects(self.store, a, cg::CLAIMANT, Some(g))?;
            let entry = appearances.entry(source).or_default();
            entry.extend(claimants.iter().filter_map(|t| match t {
                Term::NamedNode(n) => Some(n.clone()),
                _ => None,
            }));
        }
        let mut dated: Vec<(i64, NamedNode, Literal)> = Vec::new();
        for source in appearances.keys() {
            self.work(source)?;
            self.add(claim, schema::APPEARANCE, source.clone());
            if let Some(d) =
                first_literal(&objects(self.store, source, schema::DATE_PUBLISHED, None)?)
                && let Some(secs) = unix_seconds(d.value())
            {
                dated.push((secs, source.clone(), d));
            }
        }
        dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let authors: BTreeSet<NamedNode> = match dated.first() {
            Some((_, first, date)) => {
                self.add(claim, schema::FIRST_APPEARANCE, first.clone());
                self.add(claim, schema::DATE_PUBLISHED, date.clone());
                appearances[first].clone()
            }
            None => appearances.values().flatten().cloned().collect(),
        };
        for who in &authors {
            self.agent(who, schema::THING)?;
            self.add(claim, schema::AUTHOR, who.clone());
        }
        Ok(())
    }

    /// One review and what it refers to.
    fn review(&mut self, review: &NamedNode, graph: &NamedNode) -> Result<()> {
        let get = |p| objects(self.store, review, p, Some(graph));
        let claim = first_node(&get(schema::ITEM_REVIEWED)?);
        let by = first_node(&get(schema::AUTHOR)?);
        let rating = first_node(&get(schema::REVIEW_RATING)?);
        let text = first_literal(&get(schema::CLAIM_REVIEWED)?);
        let url = first_node(&get(schema::URL)?);
        let date = first_literal(&get(schema::DATE_PUBLISHED)?);
        let note = first_literal(&get(skos::NOTE)?);
        self.add(review, rdf::TYPE, schema::CLAIM_REVIEW);
        if let Some(text) = text {
            self.add(review, schema::CLAIM_REVIEWED, text);
        }
        if let Some(url) = url {
            self.add(review, schema::URL, url);
        }
        if let Some(date) = date {
            self.add(review, schema::DATE_PUBLISHED, date);
        }
        if let Some(note) = note {
            self.add(review, schema::DESCRIPTION, note);
        }
        if let Some(by) = by {
            self.agent(&by, schema::ORGANIZATION)?;
            self.add(review, schema::AUTHOR, by);
        }
        if let Some(rating) = rating {
            self.add(review, schema::REVIEW_RATING, rating.clone());
            self.add(&rating, rdf::TYPE, schema::RATING);
            for p in [
                schema::ALTERNATE_NAME,
                schema::RATING_VALUE,
                schema::BEST_RATING,
                schema::WORST_RATING,
                cg::NORMALISED_RATING,
            ] {
                for o in objects(self.store, &rating, p, Some(graph))? {
                    self.add(&rating, p, o);
                }
            }
        }
        if let Some(claim) = claim {
            self.claim(&claim)?;
            self.add(review, schema::ITEM_REVIEWED, claim);
        }
        Ok(())
    }
}

/// Every recorded review, and the view's triples (see the module header).
pub fn view(store: &Store) -> Result<(Vec<NamedNode>, Vec<Triple>)> {
    let reviews = recorded(store)?;
    let mut v = View {
        store,
        triples: BTreeSet::new(),
        out: Vec::new(),
        described: BTreeSet::new(),
    };
    let mut roots = Vec::new();
    for (r, g) in &reviews {
        v.review(r, g)?;
        if !roots.contains(r) {
            roots.push(r.clone());
        }
    }
    Ok((roots, v.out))
}

/// The recorded reviews that lack a property Google's ClaimReview markup
/// requires and only the reviewer can give (`url`, `datePublished`), each
/// with the names of those it lacks.
pub fn incomplete(store: &Store) -> Result<Vec<(NamedNode, Vec<&'static str>)>> {
    let mut out: Vec<(NamedNode, Vec<&'static str>)> = Vec::new();
    for (r, g) in recorded(store)? {
        let mut lacks = Vec::new();
        if first_node(&objects(store, &r, schema::URL, Some(&g))?).is_none() {
            lacks.push("url");
        }
        if first_literal(&objects(store, &r, schema::DATE_PUBLISHED, Some(&g))?).is_none() {
            lacks.push("datePublished");
        }
        // In (review, graph) order: a review stated in two graphs once.
        if !lacks.is_empty() && out.last().is_none_or(|(o, _)| *o != r) {
            out.push((r, lacks));
        }
    }
    Ok(out)
}

/// Every recorded review with the graph that states it, in order.
fn recorded(store: &Store) -> Result<BTreeSet<(NamedNode, NamedNode)>> {
    let mut reviews = BTreeSet::new();
    for q in store.quads_for_pattern(
        None,
        Some(rdf::TYPE),
        Some(schema::CLAIM_REVIEW.into()),
        None,
    ) {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(r), oxigraph::model::GraphName::NamedNode(g)) =
            (q.subject, q.graph_name)
        {
            reviews.insert((r, g));
        }
    }
    Ok(reviews)
}

/// The reviews as one JSON-LD document (`@context` and `@graph`).
pub fn export(store: &Store) -> Result<serde_json::Value> {
    let (roots, triples) = view(store)?;
    Ok(frame(&triples, &roots))
}
