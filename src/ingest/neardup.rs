//! Linking claims worded almost the same across sources.
//!
//! An ingestion run reads every stored claim once, when its first batch
//! with claims comes (a run that finds none, or `--no-claims`, reads
//! nothing). Then, before each batch is written, the batch's new claims are
//! compared with everything seen so far by MinHash
//! ([`crate::attribute::similar`]), and each link above the threshold —
//! both claims, the score and the method — is added to the new version's
//! claims graph, written in the same transaction. Claims with the same
//! normalised text are already one node and need no link.

use super::save::Staged;
use crate::Result;
use crate::attribute::similar::{DEFAULT_THRESHOLD, METHOD, NearDuplicates, Signature};
use crate::ids::{self, ID_BASE};
use crate::store::DataDir;
use crate::vocab::{cg, rdf, schema, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Term};
use std::collections::HashSet;

/// The claims seen so far, by signature.
#[derive(Debug, Default)]
pub struct NearDuplicateIndex {
    index: NearDuplicates<usize>,
    claims: Vec<(NamedNode, NamedNode)>,
    /// Whether the stored claims have been read.
    loaded: bool,
}

impl NearDuplicateIndex {
    /// An index that reads the stored claims when it is first asked to link.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads every claim stored in `data`: each once, though its wording is
    /// restated in every graph that mentions it (a claim's IRI comes from
    /// its normalised text, so the wordings are the same).
    fn load(&mut self, data: &DataDir) -> Result<()> {
        let mut seen: HashSet<NamedNode> = HashSet::new();
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
            if seen.insert(s.clone()) {
                self.insert(s.clone(), graph, text.value());
            }
        }
        self.loaded = true;
        Ok(())
    }

    fn insert(&mut self, claim: NamedNode, graph: NamedNode, text: &str) {
        let sig = Signature::of(text);
        if sig.is_comparable() {
            self.index.insert(self.claims.len(), sig);
            self.claims.push((claim, graph));
        }
    }

    /// Finds near-duplicates of the claims new in `staged` (before they
    /// are committed), adds the links to each version's claims graph so they
    /// are written in the same transaction, and adds the new claims to the
    /// index. Returns how many links were added.
    pub fn link(&mut self, data: &DataDir, staged: &mut [Staged]) -> Result<usize> {
        if staged.iter().all(|s| s.claim_count() == 0) {
            return Ok(0);
        }
        if !self.loaded {
            self.load(data)?;
        }
        let mut links = 0;
        for s in staged.iter_mut() {
            let claims = s.claims();
            if claims.is_empty() {
                continue;
            }
            let graph = s.claims_graph().clone();
            for (claim, text) in &claims {
                let sig = Signature::of(text);
                for (k, score) in self.index.candidates(&sig, DEFAULT_THRESHOLD) {
                    let (other, other_graph) = &self.claims[k];
                    if other == claim || *other_graph == graph {
                        continue;
                    }
                    let link = ids::part_iri(
                        claim,
                        &format!("similar-{}", ids::short_hash(&[other.as_str()])),
                    );
                    let score = Literal::new_typed_literal(format!("{score:.3}"), xsd::DECIMAL);
                    s.add_claim_quad(claim, cg::NEAR_DUPLICATE_OF, other.clone().into());
                    s.add_claim_quad(claim, cg::HAS_SIMILARITY, link.clone().into());
                    s.add_claim_quad(&link, rdf::TYPE, cg::SIMILARITY.into_owned().into());
                    s.add_claim_quad(&link, cg::SIMILAR_CLAIM, other.clone().into());
                    s.add_claim_quad(&link, cg::SCORE, score.into());
                    s.add_claim_quad(
                        &link,
                        cg::METHOD,
                        Literal::new_simple_literal(METHOD).into(),
                    );
                    links += 1;
                }
            }
            for (claim, text) in claims {
                self.insert(claim, graph.clone(), &text);
            }
        }
        Ok(links)
    }
}
