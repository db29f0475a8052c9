//! Linking claims worded almost the same across sources.
//!
//! An ingestion run reads every stored claim once ([`NearDuplicateIndex::load`]),
//! then, after each batch is written, compares the batch's new claims with
//! everything seen so far by MinHash ([`crate::attribute::similar`]) and
//! writes each link above the threshold — both claims, the score and the
//! method — into a graph beside the new version's claims graph. Claims with
//! the same normalised text are already one node and need no link.

use super::save::Staged;
use crate::Result;
use crate::attribute::similar::{DEFAULT_THRESHOLD, METHOD, NearDuplicates, Signature};
use crate::ids::{self, ID_BASE};
use crate::store::DataDir;
use crate::vocab::{cg, rdf, schema, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

/// The claims seen so far, by signature.
#[derive(Debug, Default)]
pub struct NearDuplicateIndex {
    index: NearDuplicates<usize>,
    claims: Vec<(NamedNode, NamedNode)>,
}

/// The graph holding the near-duplicate links found for a claims graph.
pub fn links_graph(claims_graph: &NamedNode) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/similar", claims_graph.as_str()))
}

impl NearDuplicateIndex {
    /// Reads every claim stored in `data`.
    pub fn load(data: &DataDir) -> Result<Self> {
        let mut me = NearDuplicateIndex::default();
        let prefix = format!("{ID_BASE}claim/");
        for quad in data
            .store()
            .quads_for_pattern(None, Some(schema::TEXT), None, None)
        {
            let quad = quad?;
            let (NamedOrBlankNode::NamedNode(s), Term::Literal(text)) =
                (&quad.subject, &quad.object)
            else {
                continue;
            };
            if !s.as_str().starts_with(&prefix) {
                continue;
            }
            let graph = match &quad.graph_name {
                GraphName::NamedNode(g) => g.clone(),
                _ => continue,
            };
            me.insert(s.clone(), graph, text.value());
        }
        Ok(me)
    }

    fn insert(&mut self, claim: NamedNode, graph: NamedNode, text: &str) {
        let sig = Signature::of(text);
        if sig.is_comparable() {
            self.index.insert(self.claims.len(), sig);
            self.claims.push((claim, graph));
        }
    }

    /// Finds near-duplicates of the claims new in `staged` (already
    /// committed), writes the links, and adds the new claims to the index.
    /// Returns how many links were written.
    pub fn link(&mut self, data: &DataDir, staged: &[Staged]) -> Result<usize> {
        let mut graphs = Vec::new();
        let mut quads = Vec::new();
        let mut links = 0;
        for s in staged {
            let claims = s.claims();
            if claims.is_empty() {
                continue;
            }
            let graph = links_graph(s.claims_graph());
            let g = GraphName::NamedNode(graph.clone());
            let mut add = |sub: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
                quads.push(Quad::new(sub.clone(), p.into_owned(), o, g.clone()));
            };
            let mut found_any = false;
            for (claim, text) in &claims {
                let sig = Signature::of(text);
                for (k, score) in self.index.candidates(&sig, DEFAULT_THRESHOLD) {
                    let (other, other_graph) = &self.claims[k];
                    if other == claim || other_graph == s.claims_graph() {
                        continue;
                    }
                    let link = ids::part_iri(
                        claim,
                        &format!("similar-{}", ids::short_hash(&[other.as_str()])),
                    );
                    add(claim, cg::NEAR_DUPLICATE_OF, other.clone().into());
                    add(claim, cg::HAS_SIMILARITY, link.clone().into());
                    add(&link, rdf::TYPE, cg::SIMILARITY.into_owned().into());
                    add(&link, cg::SIMILAR_CLAIM, other.clone().into());
                    add(
                        &link,
                        cg::SCORE,
                        Literal::new_typed_literal(format!("{score:.3}"), xsd::DECIMAL).into(),
                    );
                    add(
                        &link,
                        cg::METHOD,
                        Literal::new_simple_literal(METHOD).into(),
                    );
                    links += 1;
                    found_any = true;
                }
            }
            if found_any {
                graphs.push(NamedOrBlankNode::NamedNode(graph));
            }
            for (claim, text) in claims {
                self.insert(claim, s.claims_graph().clone(), &text);
            }
        }
        if !graphs.is_empty() {
            data.replace_graphs(&graphs, &quads)?;
        }
        Ok(links)
    }
}
