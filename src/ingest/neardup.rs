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
//! - those already written (before the run, or by its earlier batches) are
//!   found through the full-text index, which keeps each attribution's band
//!   keys: the documents sharing a key with a new claim are read, nothing
//!   else, so the cost of a batch is that of its new claims whatever the
//!   size of the store;
//! - those of the batch itself, before it is written, are kept in memory
//!   until it is, so a run's memory does not grow with the claims it adds.

use super::save::Staged;
use crate::attribute::similar::{DEFAULT_THRESHOLD, METHOD, NearDuplicates, Signature};
use crate::ids;
use crate::index::Fields;
use crate::store::DataDir;
use crate::vocab::{cg, rdf, xsd};
use crate::{Error, Result};
use oxigraph::model::{Literal, NamedNode};
use std::collections::HashSet;
use std::sync::Arc;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DocAddress, DocSet, InvertedIndexReader, Searcher, TERMINATED, TantivyDocument, Term,
};

/// Finds near-duplicates of the claims new in `staged` (before they are
/// committed) among the claims written so far and those of `staged` before
/// them, and adds the links to each version's claims graph so they are
/// written in the same transaction. Returns how many links were added.
/// Commit the batch before linking the next one: that one finds this one's
/// claims through the index.
pub fn link(data: &DataDir, staged: &mut [Staged]) -> Result<usize> {
    if staged.iter().all(|s| s.claim_count() == 0) {
        return Ok(0);
    }
    let mut seen = Seen {
        stored: Stored::open(data)?,
        batch: NearDuplicates::new(),
        claims: Vec::new(),
    };
    let mut links = 0;
    for s in staged.iter_mut() {
        let claims = s.claims_to_link();
        if claims.is_empty() {
            continue;
        }
        let graph = s.claims_graph().clone();
        let signatures: Vec<Signature> =
            claims.iter().map(|(_, text)| Signature::of(text)).collect();
        for ((claim, _), sig) in claims.iter().zip(&signatures) {
            for (other, score) in seen.candidates(sig, claim, &graph)? {
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
        for ((claim, _), sig) in claims.into_iter().zip(signatures) {
            seen.insert(claim, graph.clone(), sig);
        }
    }
    Ok(links)
}

/// The claims seen while linking one batch.
struct Seen {
    /// The full-text index as of the last write (`None` when it holds no
    /// document).
    stored: Option<Stored>,
    /// The batch's claims linked so far, by signature, with their graphs.
    batch: NearDuplicates<usize>,
    claims: Vec<(NamedNode, NamedNode)>,
}

impl Seen {
    fn insert(&mut self, claim: NamedNode, graph: NamedNode, sig: Signature) {
        if sig.is_comparable() {
            self.batch.insert(self.claims.len(), sig);
            self.claims.push((claim, graph));
        }
    }

    /// The claims seen whose similarity to `sig` is at least the threshold,
    /// most similar first (stored ones first among equals), leaving out
    /// `claim` itself and those only found in `graph`.
    fn candidates(
        &self,
        sig: &Signature,
        claim: &NamedNode,
        graph: &NamedNode,
    ) -> Result<Vec<(NamedNode, f32)>> {
        let mut out: Vec<(NamedNode, f32)> = Vec::new();
        if let Some(stored) = &self.stored {
            for (other, other_sig) in stored.claims_sharing_a_key(sig, graph)? {
                let score = sig.similarity(&other_sig);
                if score >= DEFAULT_THRESHOLD && other != *claim {
                    out.push((other, score));
                }
            }
        }
        for (k, score) in self.batch.candidates(sig, DEFAULT_THRESHOLD) {
            let (other, other_graph) = &self.claims[k];
            if other == claim || other_graph == graph || out.iter().any(|(c, _)| c == other) {
                continue;
            }
            out.push((other.clone(), score));
        }
        // Stable: equal scores keep the order found.
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        Ok(out)
    }
}

/// The full-text index as of the last write, with each segment's postings
/// of band keys opened once.
struct Stored {
    searcher: Searcher,
    fields: Fields,
    bands: Vec<Arc<InvertedIndexReader>>,
}

fn lookup_error(e: impl std::fmt::Display) -> Error {
    Error::Index(format!("near-duplicate lookup: {e}"))
}

impl Stored {
    fn open(data: &DataDir) -> Result<Option<Stored>> {
        let searcher = data.fulltext().searcher();
        if searcher.num_docs() == 0 {
            return Ok(None);
        }
        let fields = data.fulltext().fields();
        let bands = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.inverted_index(fields.band))
            .collect::<tantivy::Result<Vec<_>>>()
            .map_err(lookup_error)?;
        Ok(Some(Stored {
            searcher,
            fields,
            bands,
        }))
    }

    /// The stored claims sharing a band key with `sig`, each once with the
    /// signature of its wording, leaving out those only found in `graph`.
    fn claims_sharing_a_key(
        &self,
        sig: &Signature,
        graph: &NamedNode,
    ) -> Result<Vec<(NamedNode, Signature)>> {
        let keys: Vec<u64> = sig.index_keys().collect();
        let fields = &self.fields;
        let mut seen: HashSet<String> = HashSet::new();
        let mut out = Vec::new();
        for address in self.documents_with(&keys)? {
            let doc: TantivyDocument = self.searcher.doc(address).map_err(lookup_error)?;
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
            out.push((iri, Signature::of(wording)));
        }
        Ok(out)
    }

    /// The live documents holding any of `keys`, each once, in index order:
    /// the postings of each key read directly (a query per claim would
    /// build weights and scorers for 32 terms in every segment).
    fn documents_with(&self, keys: &[u64]) -> Result<Vec<DocAddress>> {
        let mut found = Vec::new();
        for (ord, (segment, bands)) in self
            .searcher
            .segment_readers()
            .iter()
            .zip(&self.bands)
            .enumerate()
        {
            let alive = segment.alive_bitset();
            for &key in keys {
                let term = Term::from_field_u64(self.fields.band, key);
                let Some(mut postings) = bands
                    .read_postings(&term, IndexRecordOption::Basic)
                    .map_err(lookup_error)?
                else {
                    continue;
                };
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if alive.is_none_or(|a| a.is_alive(doc)) {
                        found.push(DocAddress::new(ord as u32, doc));
                    }
                    doc = postings.advance();
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        Ok(found)
    }
}
