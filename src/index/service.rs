//! Full text inside SPARQL: `SERVICE cg:search { … }` answered from the
//! index, joinable with any graph pattern.
//!
//! ```sparql
//! SELECT ?claim ?score ?who WHERE {
//!   SERVICE cg:search { ?claim cg:matches "AI funding" ; cg:score ?score ; cg:claimant ?who }
//!   ?who a schema:GovernmentOrganization .
//! } ORDER BY DESC(?score)
//! ```
//!
//! The subject is the claim. `cg:matches` takes the search text (a literal,
//! in the syntax of `claimgraph search`); the other predicates bind (to a
//! variable) or filter on (a constant) what the index carries as fast fields:
//! `cg:score`, `cg:attribution`, `cg:claimant`, `cg:source`,
//! `schema:datePublished`, and `cg:limit` caps the hits (default 10,000).
//! Returning these straight from the index spares the store a lookup per hit.

use super::FullText;
use super::search::{Wanted, fast_hits, iso_date};
use crate::Error;
use crate::vocab::{cg, schema, xsd};
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use oxigraph::sparql::{QuerySolution, QuerySolutionIter, ServiceHandler};
use spargebra::algebra::GraphPattern;
use spargebra::term::{NamedNodePattern, TermPattern};
use std::sync::Arc;

/// Default number of hits the SERVICE returns.
pub const DEFAULT_LIMIT: usize = 10_000;

/// The handler registered for `cg:search`.
#[derive(Clone)]
pub struct SearchService {
    fulltext: Arc<FullText>,
}

impl SearchService {
    /// A handler answering from `fulltext`.
    pub fn new(fulltext: Arc<FullText>) -> Self {
        Self { fulltext }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Claim,
    Score,
    Attribution,
    Claimant,
    Source,
    Date,
}

fn service_error(message: impl Into<String>) -> Error {
    Error::SearchSyntax {
        query: "SERVICE cg:search".into(),
        message: message.into(),
    }
}

impl ServiceHandler for SearchService {
    type Error = Error;

    fn handle(
        &self,
        pattern: &GraphPattern,
        _base_iri: Option<&oxiri::Iri<String>>,
    ) -> Result<QuerySolutionIter<'static>, Error> {
        let (variables, rows) = evaluate(&self.fulltext, pattern)?;
        let solutions: Vec<Result<QuerySolution, oxigraph::sparql::QueryEvaluationError>> = rows
            .into_iter()
            .map(|values| Ok(QuerySolution::from((Arc::clone(&variables), values))))
            .collect();
        Ok(QuerySolutionIter::new(variables, solutions))
    }
}

/// The variables the pattern binds and one row of values per hit.
pub type Rows = (Arc<[Variable]>, Vec<Vec<Option<Term>>>);

/// Answers the pattern of a `SERVICE cg:search` block from the index.
pub fn evaluate(fulltext: &FullText, pattern: &GraphPattern) -> Result<Rows, Error> {
    let GraphPattern::Bgp { patterns } = pattern else {
        return Err(service_error(
            "the pattern must be triple patterns about one claim: ?claim cg:matches \"words\" ; cg:score ?s …",
        ));
    };
    let mut text: Option<String> = None;
    let mut limit = DEFAULT_LIMIT;
    // (slot, variable to bind) and (slot, constant to match).
    let mut binds: Vec<(Slot, Variable)> = Vec::new();
    let mut filters: Vec<(Slot, String)> = Vec::new();
    for tp in patterns {
        match &tp.subject {
            TermPattern::Variable(v) => push_unique(&mut binds, (Slot::Claim, v.clone())),
            TermPattern::NamedNode(n) => filters.push((Slot::Claim, n.as_str().into())),
            _ => {
                return Err(service_error(
                    "the subject must be a variable or a claim IRI",
                ));
            }
        }
        let NamedNodePattern::NamedNode(p) = &tp.predicate else {
            return Err(service_error("predicates must be constants"));
        };
        let p = p.as_ref();
        if p == cg::MATCHES {
            match &tp.object {
                TermPattern::Literal(l) => text = Some(l.value().to_owned()),
                _ => {
                    return Err(service_error(
                        "cg:matches takes the search text as a literal (a named query parameter works too)",
                    ));
                }
            }
            continue;
        }
        if p == cg::LIMIT {
            match &tp.object {
                TermPattern::Literal(l) => {
                    limit = l.value().parse().map_err(|_| {
                        service_error(format!(
                            "cg:limit takes a whole number of hits, 0 or more (got {:?})",
                            l.value()
                        ))
                    })?
                }
                _ => return Err(service_error("cg:limit takes an integer literal")),
            }
            continue;
        }
        let slot = if p == cg::SCORE {
            Slot::Score
        } else if p == cg::ATTRIBUTION_PROP {
            Slot::Attribution
        } else if p == cg::CLAIMANT {
            Slot::Claimant
        } else if p == cg::SOURCE {
            Slot::Source
        } else if p == schema::DATE_PUBLISHED {
            Slot::Date
        } else {
            return Err(service_error(format!(
                "unsupported predicate <{}>; use cg:matches, cg:score, cg:attribution, cg:claimant, cg:source, schema:datePublished, cg:limit",
                p.as_str()
            )));
        };
        match &tp.object {
            TermPattern::Variable(v) => push_unique(&mut binds, (slot, v.clone())),
            TermPattern::NamedNode(n) => filters.push((slot, n.as_str().into())),
            _ => return Err(service_error("objects must be variables or IRIs")),
        }
    }
    let text = text.ok_or_else(|| service_error("missing cg:matches \"search words\""))?;
    let uses = |slot: Slot| {
        binds.iter().any(|(s, _)| *s == slot) || filters.iter().any(|(s, _)| *s == slot)
    };
    let wanted = Wanted {
        attribution: uses(Slot::Attribution),
        claim: uses(Slot::Claim),
        claimant: uses(Slot::Claimant),
        source: uses(Slot::Source),
        date: uses(Slot::Date),
    };
    let hits = fast_hits(fulltext, &text, limit, wanted)?;
    let variables: Arc<[Variable]> = binds
        .iter()
        .map(|(_, v)| v.clone())
        .collect::<Vec<_>>()
        .into();
    let rows: Vec<Vec<Option<Term>>> = hits
        .into_iter()
        .filter(|h| {
            filters.iter().all(|(slot, value)| match slot {
                Slot::Claim => &h.claim == value,
                Slot::Attribution => &h.attribution == value,
                Slot::Claimant => &h.claimant == value,
                Slot::Source => &h.source == value,
                Slot::Score | Slot::Date => true,
            })
        })
        .map(|mut h| {
            let values: Vec<Option<Term>> = binds
                .iter()
                .enumerate()
                .map(|(at, (slot, _))| {
                    // The last variable bound to a slot takes its string;
                    // any earlier one (`cg:claimant ?a, ?b`) gets a copy.
                    let last = !binds[at + 1..].iter().any(|(s, _)| s == slot);
                    let take = |value: &mut String| {
                        if last {
                            std::mem::take(value)
                        } else {
                            value.clone()
                        }
                    };
                    match slot {
                        Slot::Claim => iri(take(&mut h.claim)),
                        Slot::Attribution => iri(take(&mut h.attribution)),
                        Slot::Claimant => iri(take(&mut h.claimant)),
                        Slot::Source => iri(take(&mut h.source)),
                        Slot::Score => {
                            Some(Literal::new_typed_literal(h.score.to_string(), xsd::FLOAT).into())
                        }
                        Slot::Date => h.date.map(|d| {
                            let iso = iso_date(d);
                            let datatype = if iso.contains('T') {
                                xsd::DATE_TIME
                            } else {
                                xsd::DATE
                            };
                            Literal::new_typed_literal(iso, datatype).into()
                        }),
                    }
                })
                .collect();
            values
        })
        .collect();
    Ok((variables, rows))
}

fn push_unique(binds: &mut Vec<(Slot, Variable)>, bind: (Slot, Variable)) {
    if !binds.iter().any(|(_, v)| v == &bind.1) {
        binds.push(bind);
    }
}

/// Every IRI in the index was read from the store (or minted from a hash
/// the store's IRI gave), so it is valid: no second parse (measured: IRI
/// parsing was the largest cost of binding hits at 100k claims).
fn iri(s: String) -> Option<Term> {
    (!s.is_empty()).then(|| NamedNode::new_unchecked(s).into())
}
