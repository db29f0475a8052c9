//! Linking claims worded almost the same across sources.
//!
//! Before each batch of an ingestion run is written, the batch's new claims
//! are compared by MinHash ([`crate::attribute::similar`]) with the claims
//! seen so far, and each link above the threshold — both claims, the score
//! and the method — is added to the new version's claims graph, written in
//! the same transaction. Claims with the same normalised text are already
//! one node and need no link.
//!
//! The claims seen so far are of two kinds:
//! - those stored before the run are found through the full-text index,
//!   which keeps each attribution's band keys: the documents sharing a key
//!   with a new claim are read, nothing else. The index is taken as it was
//!   when the run's first batch with claims came, so the cost of a run is
//!   that of its new claims, whatever the size of the store;
//! - those of the run itself are kept in memory as they are written.

use super::save::Staged;
use crate::attribute::similar::{DEFAULT_THRESHOLD, METHOD, NearDuplicates, Signature};
use crate::ids;
use crate::index::Fields;
use crate::store::DataDir;
use crate::vocab::{cg, rdf, xsd};
use crate::{Error, Result};
use oxigraph::model::{Literal, NamedNode};
use std::collections::HashSet;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

/// The claims seen so far, by signature.
#[derive(Default)]
pub struct NearDuplicateIndex {
    /// The run's own claims.
    index: NearDuplicates<usize>,
    claims: Vec<(NamedNode, NamedNode)>,
    /// The full-text index as it was when first asked to link (`None`
    /// before, or when it held no document).
    stored: Option<Option<(Searcher, Fields)>>,
}

impl std::fmt::Debug for NearDuplicateIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NearDuplicateIndex")
            .field("run_claims", &self.claims.len())
            .field("stored", &self.stored.as_ref().map(Option::is_some))
            .finish()
    }
}

/// A claim stored before the run that is a near-duplicate candidate.
struct StoredClaim {
    claim: NamedNode,
    /// Its wordings' signature.
    signature: Signature,
}

impl NearDuplicateIndex {
    /// An index that looks at the stored claims when it is first asked to
    /// link.
    pub fn new() -> Self {
        Self::default()
    }

    fn insert(&mut self, claim: NamedNode, graph: NamedNode, text: &str) {
        let sig = Signature::of(text);
        if sig.is_comparable() {
            self.index.insert(self.claims.len(), sig);
            self.claims.push((claim, graph));
        }
    }

    /// The stored claims (before this run) sharing a band key with `sig`,
    /// each once, leaving out those only found in `graph`.
    fn stored_candidates(
        searcher: &Searcher,
        fields: &Fields,
        sig: &Signature,
        graph: &NamedNode,
    ) -> Result<Vec<StoredClaim>> {
        let ix = |e: tantivy::TantivyError| Error::Index(format!("near-duplicate lookup: {e}"));
        // One term query per key (a term set query would walk a bitset the
        // size of the index for each claim).
        let clauses: Vec<(Occur, Box<dyn Query>)> = sig
            .index_keys()
            .map(|key| {
                let term = Term::from_field_u64(fields.band, key);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::new(clauses);
        let mut found: Vec<_> = searcher
            .search(&query, &tantivy::collector::DocSetCollector)
            .map_err(ix)?
            .into_iter()
            .collect();
        found.sort_unstable();
        let mut seen: HashSet<String> = HashSet::new();
        let mut out: Vec<StoredClaim> = Vec::new();
        for address in found {
            let doc: TantivyDocument = searcher.doc(address).map_err(ix)?;
            let text = |field| doc.get_first(field).and_then(|v| v.as_str());
            let (Some(claim), Some(in_graph)) = (text(fields.claim), text(fields.graph)) else {
                continue;
            };
            if in_graph == graph.as_str() || seen.contains(claim) {
                continue;
            }
            let Some(wording) = doc.get_all(fields.text).find_map(|v| v.as_str()) else {
                continue;
            };
            let Ok(iri) = NamedNode::new(claim) else {
                continue;
            };
            seen.insert(claim.to_owned());
            out.push(StoredClaim {
                claim: iri,
                signature: Signature::of(wording),
            });
        }
        Ok(out)
    }

    /// The claims seen so far whose similarity to `sig` is at least the
    /// threshold, most similar first: stored ones, then the run's own.
    fn candidates(
        &self,
        sig: &Signature,
        claim: &NamedNode,
        graph: &NamedNode,
    ) -> Result<Vec<(NamedNode, f32)>> {
        let mut out: Vec<(NamedNode, f32)> = Vec::new();
        if let Some(Some((searcher, fields))) = &self.stored {
            for stored in Self::stored_candidates(searcher, fields, sig, graph)? {
                let score = sig.similarity(&stored.signature);
                if score >= DEFAULT_THRESHOLD && stored.claim != *claim {
                    out.push((stored.claim, score));
                }
            }
        }
        for (k, score) in self.index.candidates(sig, DEFAULT_THRESHOLD) {
            let (other, other_graph) = &self.claims[k];
            if other == claim || other_graph == graph || out.iter().any(|(c, _)| c == other) {
                continue;
            }
            out.push((other.clone(), score));
        }
        // Stable: equal scores keep stored claims first, each in the order found.
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        Ok(out)
    }

    /// Finds near-duplicates of the claims new in `staged` (before they
    /// are committed), adds the links to each version's claims graph so they
    /// are written in the same transaction, and adds the new claims to the
    /// index. Returns how many links were added.
    pub fn link(&mut self, data: &DataDir, staged: &mut [Staged]) -> Result<usize> {
        if staged.iter().all(|s| s.claim_count() == 0) {
            return Ok(0);
        }
        if self.stored.is_none() {
            let searcher = data.fulltext().searcher();
            let any = searcher.num_docs() > 0;
            self.stored = Some(any.then(|| (searcher, data.fulltext().fields())));
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
                for (other, score) in self.candidates(&sig, claim, &graph)? {
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
