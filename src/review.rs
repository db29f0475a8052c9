//! Verdicts: a fact-checker's review of one claim (`schema:ClaimReview`),
//! keeping the publisher's own rating label (`schema:alternateName`) and its
//! point on claimgraph's common scale (`cg:normalisedRating`, the SKOS
//! scheme `cg:Ratings` of `ontology/claimgraph.ttl`, whose hidden labels map
//! common publishers' labels to it).
//!
//! Each reviewing organisation's reviews live in a graph of their own,
//! `…/graph/reviews/<organisation>`; machine ingestion never writes there. A
//! review's IRI comes from the claim, the organisation and the review's URL,
//! so reviewing the same claim again under the same URL updates the verdict.

use crate::ids::{self, GRAPH_BASE, ID_BASE};
use crate::store::DataDir;
use crate::text::normalise;
use crate::vocab::{cg, rdf, rdfs, schema, skos, xsd};
use crate::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::sync::LazyLock;

/// One point of the common rating scale.
#[derive(Debug, Clone)]
pub struct Point {
    /// Its concept (`cg:RatingMixed`…).
    pub iri: NamedNode,
    /// Its English preferred label (`mixed`).
    pub label: String,
    /// 5 (true) to 1 (false); none for unverifiable.
    pub value: Option<u8>,
    /// Every label it is known by: preferred and publishers' (hidden).
    pub labels: Vec<String>,
}

/// claimgraph's rating scale, read from the shipped ontology.
#[derive(Debug, Clone)]
pub struct RatingScale {
    points: Vec<Point>,
}

const VALUES: [(&str, Option<u8>); 6] = [
    ("RatingTrue", Some(5)),
    ("RatingMostlyTrue", Some(4)),
    ("RatingMixed", Some(3)),
    ("RatingMostlyFalse", Some(2)),
    ("RatingFalse", Some(1)),
    ("RatingUnverifiable", None),
];

impl RatingScale {
    /// The scale of the ontology compiled into claimgraph.
    pub fn embedded() -> &'static RatingScale {
        static SCALE: LazyLock<RatingScale> = LazyLock::new(|| {
            let ttl = crate::embedded::ONTOLOGY
                .iter()
                .find(|(name, _)| *name == "claimgraph.ttl")
                .map(|(_, c)| *c)
                .unwrap_or_default();
            RatingScale::from_turtle(ttl)
        });
        &SCALE
    }

    /// The scale described in an ontology in Turtle.
    pub fn from_turtle(ttl: &str) -> RatingScale {
        let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ttl.as_bytes())
            .filter_map(std::result::Result::ok)
            .collect();
        let points = VALUES
            .iter()
            .map(|(local, value)| {
                let iri = NamedNode::new_unchecked(format!("{}{local}", cg::NS));
                let mut label = String::new();
                let mut labels = Vec::new();
                for q in quads.iter().filter(|q| match &q.subject {
                    NamedOrBlankNode::NamedNode(n) => *n == iri,
                    _ => false,
                }) {
                    let Term::Literal(l) = &q.object else {
                        continue;
                    };
                    if q.predicate == skos::PREF_LABEL {
                        if l.language() == Some("en") {
                            label = l.value().to_owned();
                        }
                        labels.push(l.value().to_owned());
                    } else if q.predicate == skos::HIDDEN_LABEL {
                        labels.push(l.value().to_owned());
                    }
                }
                if label.is_empty() {
                    label = local.trim_start_matches("Rating").to_lowercase();
                }
                Point {
                    iri,
                    label,
                    value: *value,
                    labels,
                }
            })
            .collect();
        RatingScale { points }
    }

    /// The points, from true to false, then unverifiable.
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    /// The point a publisher's label maps to (case, width and spacing
    /// ignored), if the scale knows the label.
    pub fn normalise(&self, label: &str) -> Option<&Point> {
        let key = normalise(label);
        self.points
            .iter()
            .find(|p| p.labels.iter().any(|l| normalise(l) == key))
    }

    /// The point named by its preferred label (`mostly false`) or its
    /// concept's local name (`RatingMostlyFalse`).
    pub fn point(&self, name: &str) -> Option<&Point> {
        let key = normalise(name);
        self.points.iter().find(|p| {
            normalise(&p.label) == key
                || normalise(p.iri.as_str().trim_start_matches(cg::NS)) == key
        })
    }

    /// Known labels most like `label`, for an error message.
    pub fn suggestions(&self, label: &str, n: usize) -> Vec<String> {
        let all: Vec<&str> = self
            .points
            .iter()
            .flat_map(|p| p.labels.iter().map(String::as_str))
            .collect();
        crate::text::closest(label, all, n)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// The graph of one organisation's reviews.
pub fn reviews_graph(organisation: &NamedNode) -> NamedNode {
    let key = organisation
        .as_str()
        .rsplit('/')
        .next()
        .unwrap_or(organisation.as_str());
    NamedNode::new_unchecked(format!("{GRAPH_BASE}reviews/{}", ids::slug(key)))
}

/// A review to record.
#[derive(Debug, Clone)]
pub struct Review<'a> {
    /// The claim reviewed.
    pub claim: &'a NamedNode,
    /// Its text (`schema:claimReviewed`).
    pub claim_text: &'a str,
    /// The reviewing organisation.
    pub by: &'a NamedNode,
    /// Its name, when it is not in the gazetteer (minted in the graph).
    pub by_new_name: Option<&'a str>,
    /// The publisher's own rating label.
    pub rating: &'a str,
    /// Its point on the common scale.
    pub point: &'a Point,
    /// The published fact-check.
    pub url: Option<&'a NamedNode>,
    /// When it was published.
    pub date: Option<&'a Literal>,
    /// A note.
    pub note: Option<&'a str>,
}

/// The IRI of the review of `claim` by `by` published at `url`.
pub fn review_iri(claim: &NamedNode, by: &NamedNode, url: Option<&NamedNode>) -> NamedNode {
    NamedNode::new_unchecked(format!(
        "{ID_BASE}review/{}",
        ids::short_hash(&[
            claim.as_str(),
            by.as_str(),
            url.map_or("", NamedNode::as_str)
        ])
    ))
}

/// The quads of one review, in its organisation's graph.
pub fn review_quads(review: &Review<'_>) -> (NamedNode, Vec<Quad>) {
    let graph = GraphName::NamedNode(reviews_graph(review.by));
    let iri = review_iri(review.claim, review.by, review.url);
    let rating = ids::part_iri(&iri, "rating");
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
        quads.push(Quad::new(s.clone(), p.into_owned(), o, graph.clone()));
    };
    let lit = |s: &str| Term::from(Literal::new_simple_literal(s));
    let int = |n: u8| Term::from(Literal::new_typed_literal(n.to_string(), xsd::INTEGER));
    add(&iri, rdf::TYPE, schema::CLAIM_REVIEW.into_owned().into());
    add(&iri, schema::ITEM_REVIEWED, review.claim.clone().into());
    add(&iri, schema::CLAIM_REVIEWED, lit(review.claim_text));
    add(&iri, schema::AUTHOR, review.by.clone().into());
    add(&iri, schema::REVIEW_RATING, rating.clone().into());
    if let Some(url) = review.url {
        add(&iri, schema::URL, url.clone().into());
    }
    if let Some(date) = review.date {
        add(&iri, schema::DATE_PUBLISHED, date.clone().into());
    }
    if let Some(note) = review.note {
        add(&iri, skos::NOTE, lit(note));
    }
    add(&rating, rdf::TYPE, schema::RATING.into_owned().into());
    add(&rating, schema::ALTERNATE_NAME, lit(review.rating.trim()));
    add(
        &rating,
        cg::NORMALISED_RATING,
        review.point.iri.clone().into(),
    );
    if let Some(v) = review.point.value {
        add(&rating, schema::RATING_VALUE, int(v));
        add(&rating, schema::BEST_RATING, int(5));
        add(&rating, schema::WORST_RATING, int(1));
    }
    if let Some(name) = review.by_new_name {
        add(
            review.by,
            rdf::TYPE,
            schema::ORGANIZATION.into_owned().into(),
        );
        add(review.by, rdfs::LABEL, lit(name.trim()));
    }
    (iri, quads)
}

/// What [`record`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The review's IRI.
    pub iri: NamedNode,
    /// The rating label of the earlier review it replaced, if there was one.
    pub replaced: Option<String>,
}

/// Records `review`: its quads replace any earlier review with the same IRI
/// in the organisation's graph, and, when it has a URL, the organisation's
/// review of the claim recorded without one (the same review, completed);
/// the graph's other reviews stay.
pub fn record(data: &DataDir, review: &Review<'_>) -> Result<Recorded> {
    let (iri, new) = review_quads(review);
    let graph = reviews_graph(review.by);
    let mut replaced_nodes = vec![iri.clone()];
    if review.url.is_some() {
        replaced_nodes.push(review_iri(review.claim, review.by, None));
    }
    let replaced_nodes: Vec<NamedNode> = replaced_nodes
        .into_iter()
        .flat_map(|r| [ids::part_iri(&r, "rating"), r])
        .collect();
    let mut quads: Vec<Quad> = Vec::new();
    let mut earlier = None;
    for q in data
        .store()
        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
    {
        let q = q?;
        let replaced =
            matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if replaced_nodes.contains(s));
        if replaced
            && q.predicate == schema::ALTERNATE_NAME
            && let Term::Literal(l) = &q.object
        {
            earlier = Some(l.value().to_owned());
        }
        if !replaced && !new.contains(&q) {
            quads.push(q);
        }
    }
    quads.extend(new);
    data.replace_graphs(&[NamedOrBlankNode::NamedNode(graph)], &quads)?;
    Ok(Recorded {
        iri,
        replaced: earlier,
    })
}

/// A claim found from what a user typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimLookup {
    /// Exactly one claim: its IRI and text.
    Found(NamedNode, String),
    /// Several claims contain the text: some of them.
    Ambiguous(Vec<(NamedNode, String)>),
    /// None: the claims most like it.
    NotFound(Vec<(NamedNode, String)>),
}

/// Every stored claim with its text, once each.
fn claims(data: &DataDir) -> Result<Vec<(NamedNode, String)>> {
    let mut out: Vec<(NamedNode, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for q in data
        .store()
        .quads_for_pattern(None, Some(schema::TEXT), None, None)
    {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (q.subject, q.object)
            && s.as_str().starts_with(&format!("{ID_BASE}claim/"))
            && seen.insert(s.clone())
        {
            out.push((s, l.value().to_owned()));
        }
    }
    Ok(out)
}

/// The claim `query` names: a claim IRI, a claim's text (normalised), or
/// words that occur in exactly one claim's text.
pub fn find_claim(data: &DataDir, query: &str) -> Result<ClaimLookup> {
    let all = claims(data)?;
    let q = query.trim();
    if let Some((iri, text)) = all.iter().find(|(iri, _)| iri.as_str() == q) {
        return Ok(ClaimLookup::Found(iri.clone(), text.clone()));
    }
    let key = ids::claim_key(q);
    if let Some((iri, text)) = all.iter().find(|(_, t)| ids::claim_key(t) == key) {
        return Ok(ClaimLookup::Found(iri.clone(), text.clone()));
    }
    let needle = normalise(q);
    let mut containing: Vec<(NamedNode, String)> = all
        .iter()
        .filter(|(_, t)| !needle.is_empty() && normalise(t).contains(&needle))
        .cloned()
        .collect();
    containing.sort_by(|a, b| a.1.cmp(&b.1));
    match containing.len() {
        1 => {
            let (iri, text) = containing.remove(0);
            Ok(ClaimLookup::Found(iri, text))
        }
        0 => Ok(ClaimLookup::NotFound(most_like(&all, q, 3))),
        _ => {
            containing.truncate(5);
            Ok(ClaimLookup::Ambiguous(containing))
        }
    }
}

/// The claims sharing the most words with `query`.
fn most_like(all: &[(NamedNode, String)], query: &str, n: usize) -> Vec<(NamedNode, String)> {
    let words = |s: &str| -> std::collections::BTreeSet<String> {
        normalise(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 2 || !w.is_ascii())
            .map(str::to_owned)
            .collect()
    };
    let wanted = words(query);
    let mut scored: Vec<(usize, &(NamedNode, String))> = all
        .iter()
        .map(|c| (words(&c.1).intersection(&wanted).count(), c))
        .filter(|(n, _)| *n > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.1.cmp(&b.1.1)));
    scored.into_iter().take(n).map(|(_, c)| c.clone()).collect()
}

/// An error naming what the user typed and the claims they may have meant.
pub fn claim_error(query: &str, lookup: &ClaimLookup) -> Error {
    let list = |claims: &[(NamedNode, String)]| {
        claims
            .iter()
            .map(|(iri, text)| format!("\n  {text}  <{}>", iri.as_str()))
            .collect::<String>()
    };
    let message = match lookup {
        ClaimLookup::Found(..) => format!("claim {query:?} was found"),
        ClaimLookup::Ambiguous(many) => format!(
            "{query:?} matches several claims; give more of the text or the claim's IRI:{}",
            list(many)
        ),
        ClaimLookup::NotFound(like) if like.is_empty() => {
            format!("no claim matches {query:?}")
        }
        ClaimLookup::NotFound(like) => {
            format!("no claim matches {query:?}; did you mean:{}", list(like))
        }
    };
    Error::Input(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishers_labels_map_to_the_common_scale() {
        let scale = RatingScale::embedded();
        assert_eq!(scale.points().len(), 6);
        let label = |l: &str| scale.normalise(l).map(|p| p.label.clone());
        assert_eq!(label("Misleading").as_deref(), Some("mixed"));
        assert_eq!(label("PANTS ON FIRE").as_deref(), Some("false"));
        assert_eq!(
            label("  three   pinocchios ").as_deref(),
            Some("mostly false")
        );
        assert_eq!(label("部分錯誤").as_deref(), Some("mostly false"));
        assert_eq!(label("Unproven").as_deref(), Some("unverifiable"));
        assert_eq!(label("mostly true").as_deref(), Some("mostly true"));
        assert_eq!(label("Spicy"), None);
        assert_eq!(scale.point("Mostly False").unwrap().value, Some(2));
        assert_eq!(scale.point("RatingUnverifiable").unwrap().value, None);
        assert!(
            scale
                .suggestions("Missleading", 3)
                .contains(&"Misleading".to_owned())
        );
    }

    #[test]
    fn a_review_has_both_ratings_and_a_stable_iri() {
        let scale = RatingScale::embedded();
        let claim = NamedNode::new_unchecked(format!("{ID_BASE}claim/abc"));
        let by = NamedNode::new_unchecked(format!("{ID_BASE}entity/fact-desk"));
        let url = NamedNode::new_unchecked("https://example.org/check/1");
        let review = Review {
            claim: &claim,
            claim_text: "Exports doubled",
            by: &by,
            by_new_name: Some("Fact Desk"),
            rating: "Misleading",
            point: scale.normalise("Misleading").unwrap(),
            url: Some(&url),
            date: None,
            note: None,
        };
        let (iri, quads) = review_quads(&review);
        assert_eq!(iri, review_iri(&claim, &by, Some(&url)));
        assert!(
            quads
                .iter()
                .all(|q| q.graph_name == GraphName::NamedNode(reviews_graph(&by)))
        );
        let has =
            |p: NamedNodeRef<'_>, o: Term| quads.iter().any(|q| q.predicate == p && q.object == o);
        assert!(has(
            schema::ALTERNATE_NAME,
            Literal::new_simple_literal("Misleading").into()
        ));
        assert!(has(
            cg::NORMALISED_RATING,
            cg::RATING_MIXED.into_owned().into()
        ));
        assert!(has(
            rdfs::LABEL,
            Literal::new_simple_literal("Fact Desk").into()
        ));
        assert_ne!(iri, review_iri(&claim, &by, None));
    }
}
