//! Linking claims worded almost the same across sources.
//!
//! Before each batch of an ingestion run is written, the batch's new claims
//! are compared with the claims seen so far ([`crate::attribute::wording`]:
//! the same text lightly edited, or the same words inside a longer
//! wording, stating no other number or name), and each link — both claims,
//! the score and the method — is added to the new version's claims graph,
//! written in the same transaction. Claims with the same normalised text
//! are already one node and need no link, and a pair is linked one way:
//! not again when the claims graph holds its link, nor the other way round
//! when the other claim links to this one (`reattribute` links claims
//! already stored). Every graph that states the claim holds its link.
//!
//! The claims seen so far are of two kinds:
//! - those already written (before the run, or by its earlier batches) are
//!   found through the full-text index, which keeps each attribution's band
//!   and passage keys: the documents sharing a key with a new claim are
//!   read, nothing else (a passage key held by more than
//!   [`MAX_PASSAGE_HOLDERS`] documents is a stock phrase and is not
//!   followed), so the cost of a batch is that of its new claims whatever
//!   the size of the store;
//! - those of the batch itself, before it is written, are kept in memory
//!   until it is, so a run's memory does not grow with the claims it adds.

use super::save::Staged;
use crate::attribute::similar::{MAX_BAND_CANDIDATES, MAX_PASSAGE_HOLDERS, NearDuplicates};
use crate::attribute::wording::{Likeness, Wording};
use crate::ids;
use crate::index::Fields;
use crate::store::DataDir;
use crate::vocab::{cg, decimal, rdf};
use crate::{Error, Result};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef};
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
    Ok(link_each(data, staged, &mut HashSet::new())?
        .into_iter()
        .sum())
}

/// Pairs of claims linked (claim, near-duplicate), kept across the calls of
/// one run whose batches may not be written (a dry run), so that no pair is
/// linked both ways.
pub type LinkedPairs = HashSet<(NamedNode, NamedNode)>;

/// [`link`], telling how many links each of `staged` gained; `linked`
/// holds the pairs linked by earlier calls of the run, and gains this
/// call's.
pub fn link_each(
    data: &DataDir,
    staged: &mut [Staged],
    linked: &mut LinkedPairs,
) -> Result<Vec<usize>> {
    let mut added = vec![0; staged.len()];
    if staged.iter().all(|s| s.claim_count() == 0) {
        return Ok(added);
    }
    let mut seen = Seen {
        stored: Stored::open(data)?,
        batch: NearDuplicates::new(),
        claims: Vec::new(),
    };
    for (s, links) in staged.iter_mut().zip(added.iter_mut()) {
        let claims = s.claims_to_link();
        if claims.is_empty() {
            continue;
        }
        let graph = s.claims_graph().clone();
        let wordings: Vec<Wording> = claims.iter().map(|(_, text)| Wording::of(text)).collect();
        for ((claim, _), wording) in claims.iter().zip(&wordings) {
            for (other, likeness) in seen.candidates(wording, claim, &graph)? {
                // A pair is linked one way: not again when the graph holds
                // the link already (a claim found again keeps its links),
                // nor the other way round when the other claim links to
                // this one (in the store, or earlier in this run). Each
                // graph holding the claim gets the link, as ingest gives it
                // to every page that states the claim.
                if s.links(claim, &other)
                    || linked.contains(&(other.clone(), claim.clone()))
                    || links_to(data, &other, claim)?
                {
                    continue;
                }
                linked.insert((claim.clone(), other.clone()));
                for (subject, p, o) in link_quads(claim, &other, &likeness) {
                    s.add_claim_quad(&subject, p, o);
                }
                *links += 1;
            }
        }
        for ((claim, _), wording) in claims.into_iter().zip(wordings) {
            seen.insert(claim, graph.clone(), wording);
        }
    }
    Ok(added)
}

/// Whether some graph of the store links `claim` to `other`.
fn links_to(data: &DataDir, claim: &NamedNode, other: &NamedNode) -> Result<bool> {
    Ok(data
        .store()
        .quads_for_pattern(
            Some(claim.as_ref().into()),
            Some(cg::NEAR_DUPLICATE_OF),
            Some(other.as_ref().into()),
            None,
        )
        .next()
        .transpose()?
        .is_some())
}

/// The similarity record of a link from `claim` to `other`:
/// `<claim>#similar-<hash of other>`.
fn similarity_record(claim: &NamedNode, other: &NamedNode) -> NamedNode {
    ids::part_iri(
        claim,
        &format!("similar-{}", ids::short_hash(&[other.as_str()])),
    )
}

/// The quads (subject, predicate, object) that link `claim` to its
/// near-duplicate `other`: `cg:nearDuplicateOf`, and the similarity record
/// with the score ([`decimal`]) and the method.
pub fn link_quads(
    claim: &NamedNode,
    other: &NamedNode,
    likeness: &Likeness,
) -> Vec<(NamedNode, NamedNodeRef<'static>, oxigraph::model::Term)> {
    let record = similarity_record(claim, other);
    vec![
        (claim.clone(), cg::NEAR_DUPLICATE_OF, other.clone().into()),
        (claim.clone(), cg::HAS_SIMILARITY, record.clone().into()),
        (
            record.clone(),
            rdf::TYPE,
            cg::SIMILARITY.into_owned().into(),
        ),
        (record.clone(), cg::SIMILAR_CLAIM, other.clone().into()),
        (
            record.clone(),
            cg::SCORE,
            decimal(likeness.score.into()).into(),
        ),
        (
            record,
            cg::METHOD,
            Literal::new_simple_literal(likeness.method).into(),
        ),
    ]
}

/// The claims seen while linking one batch.
struct Seen {
    /// The full-text index as of the last write (`None` when it holds no
    /// document).
    stored: Option<Stored>,
    /// The batch's claims linked so far, by wording, with their graphs.
    batch: NearDuplicates<usize>,
    claims: Vec<(NamedNode, NamedNode)>,
}

impl Seen {
    fn insert(&mut self, claim: NamedNode, graph: NamedNode, wording: Wording) {
        if wording.is_comparable() {
            self.batch.insert(self.claims.len(), wording);
            self.claims.push((claim, graph));
        }
    }

    /// The claims seen that are near-duplicates of `wording`, most alike
    /// first (stored ones first among equals), leaving out `claim` itself
    /// and those only found in `graph`.
    fn candidates(
        &self,
        wording: &Wording,
        claim: &NamedNode,
        graph: &NamedNode,
    ) -> Result<Vec<(NamedNode, Likeness)>> {
        let mut out: Vec<(NamedNode, Likeness)> = Vec::new();
        if let Some(stored) = &self.stored {
            for (other, other_wording) in stored.claims_sharing_a_key(wording, graph)? {
                if other == *claim {
                    continue;
                }
                if let Some(likeness) = wording.likeness(&other_wording) {
                    out.push((other, likeness));
                }
            }
        }
        for (k, likeness) in self.batch.candidates(wording) {
            let (other, other_graph) = &self.claims[k];
            if other == claim || other_graph == graph || out.iter().any(|(c, _)| c == other) {
                continue;
            }
            out.push((other.clone(), likeness));
        }
        // Stable: equal scores keep the order found.
        out.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
        Ok(out)
    }
}

/// The full-text index as of the last write, with each segment's postings
/// of band and passage keys opened once.
struct Stored {
    searcher: Searcher,
    fields: Fields,
    bands: Vec<Arc<InvertedIndexReader>>,
    passages: Vec<Arc<InvertedIndexReader>>,
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
        let postings = |field| {
            searcher
                .segment_readers()
                .iter()
                .map(|segment| segment.inverted_index(field))
                .collect::<tantivy::Result<Vec<_>>>()
                .map_err(lookup_error)
        };
        let bands = postings(fields.band)?;
        let passages = postings(fields.passage)?;
        Ok(Some(Stored {
            searcher,
            fields,
            bands,
            passages,
        }))
    }

    /// The stored claims sharing a band or passage key with `wording`, each
    /// once with its wording, leaving out those only found in `graph`.
    fn claims_sharing_a_key(
        &self,
        wording: &Wording,
        graph: &NamedNode,
    ) -> Result<Vec<(NamedNode, Wording)>> {
        let bands: Vec<u64> = wording.signature().index_keys().collect();
        let passages = self.common_passages_left_out(wording.passage_keys())?;
        let fields = &self.fields;
        let mut seen: HashSet<String> = HashSet::new();
        let mut out = Vec::new();
        let mut addresses =
            most_alike(self.documents_with(self.fields.band, &self.bands, &bands)?);
        let mut by_passage = self.documents_with(self.fields.passage, &self.passages, &passages)?;
        by_passage.dedup();
        addresses.extend(by_passage);
        addresses.sort_unstable();
        addresses.dedup();
        for address in addresses {
            let doc: TantivyDocument = self.searcher.doc(address).map_err(lookup_error)?;
            let text = |field| doc.get_first(field).and_then(|v| v.as_str());
            let (Some(claim), Some(in_graph)) = (text(fields.claim), text(fields.graph)) else {
                continue;
            };
            if in_graph == graph.as_str() || seen.contains(claim) {
                continue;
            }
            let Some(words) = doc.get_all(fields.text).find_map(|v| v.as_str()) else {
                continue;
            };
            let Ok(iri) = NamedNode::new(claim) else {
                continue;
            };
            seen.insert(claim.to_owned());
            out.push((iri, Wording::of(words)));
        }
        Ok(out)
    }

    /// `keys` without the passages of stock phrases: those held by more
    /// than [`MAX_PASSAGE_HOLDERS`] documents (deleted ones included).
    fn common_passages_left_out(&self, keys: &[u64]) -> Result<Vec<u64>> {
        let mut kept = Vec::with_capacity(keys.len());
        for &key in keys {
            let term = Term::from_field_u64(self.fields.passage, key);
            let mut holders = 0;
            for passages in &self.passages {
                holders += passages.doc_freq(&term).map_err(lookup_error)? as usize;
            }
            if holders <= MAX_PASSAGE_HOLDERS {
                kept.push(key);
            }
        }
        Ok(kept)
    }

    /// The live documents holding any of `keys` in `field` (whose postings
    /// per segment are `postings`), once per key held, in index order: the postings
    /// of each key read directly (a query per claim would build weights and
    /// scorers for dozens of terms in every segment).
    fn documents_with(
        &self,
        field: tantivy::schema::Field,
        postings: &[Arc<InvertedIndexReader>],
        keys: &[u64],
    ) -> Result<Vec<DocAddress>> {
        let mut found = Vec::new();
        for (ord, (segment, inverted)) in self
            .searcher
            .segment_readers()
            .iter()
            .zip(postings)
            .enumerate()
        {
            let alive = segment.alive_bitset();
            for &key in keys {
                let term = Term::from_field_u64(field, key);
                let Some(mut postings) = inverted
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
        Ok(found)
    }
}

/// Of documents found once per band key they share with a claim (sorted),
/// the [`MAX_BAND_CANDIDATES`] sharing the most keys, earliest first among
/// equals; each once. Sharing more bands means more alike, so the links a
/// claim can have are among them; without the cap, a store filling with
/// claims worded alike but for a number (a daily report, a template) made
/// every new claim read all of them, and ingesting slower with each
/// batch (250 such pages: 2.1 s into an empty store, 10.0 s after 750).
fn most_alike(found: Vec<DocAddress>) -> Vec<DocAddress> {
    let mut counted: Vec<(usize, DocAddress)> = Vec::new();
    for address in found {
        match counted.last_mut() {
            Some((n, last)) if *last == address => *n += 1,
            _ => counted.push((1, address)),
        }
    }
    if counted.len() > MAX_BAND_CANDIDATES {
        counted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        counted.truncate(MAX_BAND_CANDIDATES);
    }
    counted.into_iter().map(|(_, address)| address).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documents_sharing_most_bands_are_read_first_and_at_most_a_cap() {
        let at = |doc: u32| DocAddress::new(0, doc);
        // Few: each once, in index order, however many bands each shares.
        assert_eq!(
            most_alike(vec![at(1), at(1), at(2), at(5), at(5), at(5)]),
            [at(1), at(2), at(5)]
        );
        // Many: those sharing the most bands, the earliest among equals.
        let mut found = Vec::new();
        for doc in 0..200u32 {
            let bands = if doc % 50 == 7 {
                9
            } else {
                1 + doc as usize % 3
            };
            found.extend(std::iter::repeat_n(at(doc), bands));
        }
        found.sort_unstable();
        let kept = most_alike(found);
        assert_eq!(kept.len(), MAX_BAND_CANDIDATES);
        assert_eq!(kept[..4], [at(7), at(57), at(107), at(157)]);
        // Then the documents sharing 3 bands (doc % 3 == 2), earliest first.
        assert_eq!(kept[4..6], [at(2), at(5)]);
        assert!(kept[4..].iter().all(|a| a.doc_id % 3 == 2));
    }
}
