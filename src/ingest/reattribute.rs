//! Finding the claims of stored versions again, with this build's model and
//! rules.
//!
//! Ingest reads a version once, when its text is first stored, so a store
//! kept by a scheduled job holds the claims of whichever claimgraph first
//! read each page. Reattributing reads a version's stored text with what
//! ingest stored beside it (the source's language, author or publisher and
//! headline), finds its attributions as ingest does, and rewrites the
//! version's claims graph when the quads differ. The text, the source's
//! graph, people's annotations, anchors and reviews are other graphs and
//! stay as they are.
//!
//! A version is read for no more than its ingest chose ([`Reading`]):
//! one stored with `--no-claims` is left as it is, one stored with
//! `--no-author-assertions` gets none, unless the caller overrides it.
//!
//! Two things of the old claims graph are carried into the new one:
//! - a claim someone reviewed (`schema:itemReviewed`) that the new reading
//!   no longer finds keeps its old attributions, still credited to the
//!   extractor that found them, so no review is left pointing at a claim
//!   described nowhere;
//! - a claim found again keeps its near-duplicate links that this build's
//!   rules still accept ([`crate::attribute::wording`]), each scored again
//!   by them; a link they refuse (an older build linked two claims stating
//!   other figures, say) is dropped, and listed.
//!
//! Every claim found, again or for the first time, is then linked as ingest
//! links new claims ([`super::neardup::link_each`]), so a pair this build
//! sees as near-duplicates and an older one did not gets its link; a pair
//! already linked, either way round, is not linked again. Whether a
//! version changed is known only after that.

use super::neardup::link_quads;
use super::reading::Reading;
use super::save::{Staged, StoredVersion, claim_texts, web_graph};
use crate::Result;
use crate::attribute::find;
use crate::attribute::link::Linker;
use crate::attribute::quads::{
    VersionContext, claims_graph, credited_author, title_or_address, version_quads,
};
use crate::attribute::wording::Wording;
use crate::ids::GRAPH_BASE;
use crate::store::DataDir;
use crate::vocab::{cg, prov, rdfs, schema};
use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
};
use std::collections::{BTreeSet, HashMap, HashSet};

/// A claim as a fact-checker reads it: who, and what.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct ClaimRow {
    /// The claimant's label (its IRI when it has none).
    pub claimant: String,
    /// The claim's text.
    pub claim: String,
}

/// A near-duplicate link this build's rules no longer accept.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DroppedLink {
    /// The text of the claim that held the link.
    pub claim: String,
    /// The text of the claim it pointed to.
    pub near_duplicate: String,
}

/// One version read again.
#[derive(Debug)]
pub struct Reattributed {
    /// The source.
    pub source: NamedNode,
    /// Its address, as stored (`schema:url`).
    pub url: Option<String>,
    /// The version.
    pub version: NamedNode,
    /// Its claims as stored.
    pub before: BTreeSet<ClaimRow>,
    /// Its claims as this build finds them (reviewed claims kept included).
    pub after: BTreeSet<ClaimRow>,
    /// Reviewed claims the new reading does not find, kept.
    pub kept_reviewed: usize,
    /// Near-duplicate links of the claims kept that this build's rules
    /// refuse, dropped.
    pub links_dropped: Vec<DroppedLink>,
    /// Near-duplicate links kept with another score or method.
    pub links_rescored: usize,
    /// Whether the claims graph, before linking, holds the quads stored.
    pub unchanged: bool,
    /// Not read: its ingest chose to read no claims (`--no-claims`).
    pub left_unread: bool,
}

impl Reattributed {
    /// Claims stored that are no longer found.
    pub fn removed(&self) -> impl Iterator<Item = &ClaimRow> {
        self.before.difference(&self.after)
    }

    /// Claims found that were not stored.
    pub fn added(&self) -> impl Iterator<Item = &ClaimRow> {
        self.after.difference(&self.before)
    }
}

/// The ingested sources (those with a source graph written by ingest), in
/// IRI order.
pub fn ingested_sources(data: &DataDir) -> Result<Vec<NamedNode>> {
    let web = format!("{GRAPH_BASE}web/");
    let mut out = BTreeSet::new();
    for quad in data
        .store()
        .quads_for_pattern(None, Some(cg::HAS_VERSION), None, None)
    {
        let quad = quad?;
        let in_web = matches!(&quad.graph_name, oxigraph::model::GraphName::NamedNode(g) if g.as_str().starts_with(&web));
        if let (true, NamedOrBlankNode::NamedNode(s)) = (in_web, quad.subject) {
            out.insert(s);
        }
    }
    Ok(out.into_iter().collect())
}

/// Every claim some review is of.
pub fn reviewed_claims(data: &DataDir) -> Result<HashSet<NamedNode>> {
    let mut out = HashSet::new();
    for quad in data
        .store()
        .quads_for_pattern(None, Some(schema::ITEM_REVIEWED), None, None)
    {
        if let Term::NamedNode(n) = quad?.object {
            out.insert(n);
        }
    }
    Ok(out)
}

/// What ingest stored about a source that reading its versions needs.
#[derive(Debug, Clone)]
pub struct SourceFacts {
    url: Option<String>,
    language: Option<String>,
    /// Whom the article's own assertions are credited to.
    author: Option<NamedNode>,
    title: String,
}

impl SourceFacts {
    /// The source's address, as stored (`schema:url`).
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// Reads them from the source's graph: its language, its one author
    /// (else its publisher), its headline (else its address names it), as
    /// [`super::save::stage`] uses them.
    pub fn of(data: &DataDir, source: &NamedNode) -> Result<SourceFacts> {
        let graph = web_graph(source);
        let objects = |p: NamedNodeRef<'_>| -> Result<Vec<Term>> {
            data.store()
                .quads_for_pattern(
                    Some(source.as_ref().into()),
                    Some(p),
                    None,
                    Some(GraphNameRef::NamedNode(graph.as_ref())),
                )
                .map(|q| Ok(q?.object))
                .collect()
        };
        let literal = |terms: Vec<Term>| {
            terms.into_iter().find_map(|t| match t {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
        };
        let node = |terms: Vec<Term>| -> Vec<NamedNode> {
            terms
                .into_iter()
                .filter_map(|t| match t {
                    Term::NamedNode(n) => Some(n),
                    _ => None,
                })
                .collect()
        };
        let author = credited_author(
            &node(objects(schema::AUTHOR)?),
            node(objects(schema::PUBLISHER)?).into_iter().next(),
        );
        let url = node(objects(schema::URL)?)
            .into_iter()
            .next()
            .map(NamedNode::into_string);
        let title = title_or_address(
            literal(objects(schema::HEADLINE)?).as_deref(),
            url.as_deref().unwrap_or(source.as_str()),
        )
        .to_owned();
        Ok(SourceFacts {
            url,
            language: literal(objects(schema::IN_LANGUAGE)?),
            author,
            title,
        })
    }
}

/// Reads `version` of `source` again and plans its claims graph: the
/// attributions this build finds, plus what [the module](self) says is
/// carried over. `reviewed` holds every reviewed claim
/// ([`reviewed_claims`]). `wanted` is what to read for; without
/// `override_ingest`, no more is read than the version's ingest chose
/// ([`Reading`]). Returns what changed and the graph to link
/// ([`super::neardup::link_each`]) and then write if it changed or gained
/// a link.
pub fn reread(
    data: &DataDir,
    source: &NamedNode,
    facts: &SourceFacts,
    version: &StoredVersion,
    reviewed: &HashSet<NamedNode>,
    wanted: Reading,
    override_ingest: bool,
) -> Result<(Reattributed, Staged)> {
    let graph = claims_graph(&version.iri);
    let old: Vec<Quad> = data
        .store()
        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
        .collect::<std::result::Result<_, _>>()?;
    let chosen = Reading::in_quads(&old, &version.iri);
    let reading = if override_ingest {
        wanted
    } else {
        wanted.min(chosen)
    };
    let options = reading.options();
    if version.text.is_empty() || options.is_none() {
        // No text stored to read (a version written by hand, or an export
        // loaded without its texts), or nothing to read it for (its ingest
        // read no claims): its claims stay as they are, and are not
        // linked.
        let before = rows(data, &old)?;
        let kept: HashSet<NamedNode> = ClaimsView::of(&old).claims().cloned().collect();
        let read = Reattributed {
            source: source.clone(),
            url: facts.url.clone(),
            version: version.iri.clone(),
            after: before.clone(),
            before,
            kept_reviewed: 0,
            links_dropped: Vec::new(),
            links_rescored: 0,
            unchanged: true,
            left_unread: options.is_none(),
        };
        return Ok((read, Staged::claims_of(source.clone(), graph, old, kept)));
    }
    let found = find(
        &version.text,
        facts.language.as_deref(),
        options.unwrap_or_default(),
    );
    let ctx = VersionContext {
        source,
        version: &version.iri,
        text: &version.text,
        author: facts.author.as_ref(),
        title: &facts.title,
    };
    let mut new = version_quads(&ctx, &found, Linker::embedded(), &graph);
    new.extend(reading.quads(&version.iri));
    let old_view = ClaimsView::of(&old);
    let new_claims: HashSet<&NamedNode> = ClaimsView::of(&new).claims().collect();
    // Claims found again keep their links; reviewed claims not found again
    // keep their attributions.
    let mut carried: HashSet<&NamedNode> = HashSet::new();
    let mut kept_reviewed = 0;
    for claim in old_view.claims() {
        if new_claims.contains(claim) {
            carried.insert(claim);
        } else if reviewed.contains(claim) {
            carried.insert(claim);
            kept_reviewed += 1;
        }
    }
    let keep = old_view.subjects_to_keep(&carried, &new_claims);
    // Reviewed claims kept as they were are not linked again; every claim
    // found is.
    let linked: HashSet<NamedNode> = carried
        .into_iter()
        .filter(|c| !new_claims.contains(*c))
        .cloned()
        .collect();
    let mut present: HashSet<Quad> = new.iter().cloned().collect();
    for q in &old {
        if keep.covers(q) && present.insert(q.clone()) {
            new.push(q.clone());
        }
    }
    let checked = recheck_links(data, new)?;
    let new = checked.quads;
    let present: HashSet<&Quad> = new.iter().collect();
    let before = rows(data, &old)?;
    let after = rows(data, &new)?;
    let old_set: HashSet<&Quad> = old.iter().collect();
    let same = old_set.len() == present.len() && present.iter().all(|q| old_set.contains(q));

    let read = Reattributed {
        source: source.clone(),
        url: facts.url.clone(),
        version: version.iri.clone(),
        before,
        after,
        kept_reviewed,
        links_dropped: checked.dropped,
        links_rescored: checked.rescored,
        unchanged: same,
        left_unread: false,
    };
    Ok((read, Staged::claims_of(source.clone(), graph, new, linked)))
}

/// A claims graph's quads with their near-duplicate links checked again.
struct CheckedLinks {
    quads: Vec<Quad>,
    dropped: Vec<DroppedLink>,
    rescored: usize,
}

/// Checks every near-duplicate link in `quads` (those carried over from the
/// old graph) with this build's rules: a link they refuse goes with its
/// similarity record; one they accept gets its record as they score it.
/// A link to a claim with no text stored anywhere is left alone
/// ([`drop_dangling_links`] deals with it once the batch is written).
fn recheck_links(data: &DataDir, quads: Vec<Quad>) -> Result<CheckedLinks> {
    let text: HashMap<&NamedNode, &str> = claim_texts(&quads).collect();
    let mut links: Vec<(&NamedNode, &NamedNode)> = Vec::new();
    let mut graph = None;
    for q in &quads {
        if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object)
            && q.predicate == cg::NEAR_DUPLICATE_OF
        {
            links.push((s, o));
            graph = Some(q.graph_name.clone());
        }
    }
    let Some(graph) = graph else {
        return Ok(CheckedLinks {
            quads,
            dropped: Vec::new(),
            rescored: 0,
        });
    };
    // Each link's quads as stored: the link, and every record of the same
    // pair (named as this build names it, or otherwise).
    let mut records: HashMap<(&NamedNode, &NamedNode), Vec<&NamedNode>> = HashMap::new();
    let mut record_of: HashMap<&NamedNode, &NamedNode> = HashMap::new();
    for q in &quads {
        if let (NamedOrBlankNode::NamedNode(r), Term::NamedNode(o)) = (&q.subject, &q.object)
            && q.predicate == cg::SIMILAR_CLAIM
        {
            record_of.insert(r, o);
        }
    }
    for q in &quads {
        if let (NamedOrBlankNode::NamedNode(c), Term::NamedNode(r)) = (&q.subject, &q.object)
            && q.predicate == cg::HAS_SIMILARITY
            && let Some(o) = record_of.get(r)
        {
            records.entry((c, *o)).or_default().push(r);
        }
    }
    let mut stale: HashSet<&Quad> = HashSet::new();
    let mut fresh: Vec<Quad> = Vec::new();
    let mut dropped = Vec::new();
    let mut rescored = 0;
    for (claim, other) in links {
        let Some(claim_text) = text.get(claim) else {
            continue;
        };
        let Some(other_text) = stored_text(data, other)? else {
            continue;
        };
        let pair_records = records.get(&(claim, other)).cloned().unwrap_or_default();
        let old: Vec<&Quad> = quads
            .iter()
            .filter(|q| {
                let NamedOrBlankNode::NamedNode(s) = &q.subject else {
                    return false;
                };
                (s == claim
                    && (q.predicate == cg::NEAR_DUPLICATE_OF && q.object == Term::from(other.clone())
                        || q.predicate == cg::HAS_SIMILARITY
                            && matches!(&q.object, Term::NamedNode(r) if pair_records.contains(&r))))
                    || pair_records.contains(&s)
            })
            .collect();
        match Wording::of(claim_text).likeness(&Wording::of(&other_text)) {
            None => dropped.push(DroppedLink {
                claim: (*claim_text).to_owned(),
                near_duplicate: other_text,
            }),
            Some(likeness) => {
                let now: Vec<Quad> = link_quads(claim, other, &likeness)
                    .into_iter()
                    .map(|(s, p, o)| Quad::new(s, p.into_owned(), o, graph.clone()))
                    .collect();
                let same = now.len() == old.len() && now.iter().all(|q| old.contains(&q));
                if !same {
                    rescored += 1;
                }
                fresh.extend(now);
            }
        }
        stale.extend(old);
    }
    if stale.is_empty() {
        return Ok(CheckedLinks {
            quads,
            dropped,
            rescored,
        });
    }
    let mut out: Vec<Quad> = quads
        .iter()
        .filter(|q| !stale.contains(q))
        .cloned()
        .collect();
    let mut present: HashSet<Quad> = out.iter().cloned().collect();
    for q in fresh {
        if present.insert(q.clone()) {
            out.push(q);
        }
    }
    Ok(CheckedLinks {
        quads: out,
        dropped,
        rescored,
    })
}

/// A claim's text in any graph of the store (the first one stored).
fn stored_text(data: &DataDir, claim: &NamedNode) -> Result<Option<String>> {
    for q in
        data.store()
            .quads_for_pattern(Some(claim.as_ref().into()), Some(schema::TEXT), None, None)
    {
        if let Term::Literal(l) = q?.object {
            return Ok(Some(l.value().to_owned()));
        }
    }
    Ok(None)
}

/// What of the old graph is kept, looked up by subject so that a graph of
/// thousands of claims is read once, not once per claim.
#[derive(Debug, Default)]
struct Kept<'a> {
    /// Subjects kept, and nothing of their parts.
    exactly: HashSet<&'a str>,
    /// Subjects kept with every part (`<subject>#…`: an attribution's
    /// target and selectors, a claim's similarity records).
    with_parts: HashSet<&'a str>,
    /// Claims found again: only their near-duplicate links (their
    /// `cg:nearDuplicateOf` and `cg:hasSimilarity`, and the records
    /// `<claim>#similar-…`); the rest is in the new quads.
    similarities: HashSet<&'a str>,
}

impl Kept<'_> {
    fn covers(&self, q: &Quad) -> bool {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            return false;
        };
        let s = s.as_str();
        let (base, part) = match s.split_once('#') {
            Some((base, part)) => (base, Some(part)),
            None => (s, None),
        };
        match part {
            None => {
                self.exactly.contains(s)
                    || self.with_parts.contains(s)
                    || self.similarities.contains(s)
                        && [cg::NEAR_DUPLICATE_OF, cg::HAS_SIMILARITY]
                            .contains(&q.predicate.as_ref())
            }
            Some(part) => {
                self.exactly.contains(s)
                    || self.with_parts.contains(base)
                    || self.similarities.contains(base) && part.starts_with("similar-")
            }
        }
    }
}

/// The attributions and claims of one claims graph's quads.
struct ClaimsView<'a> {
    quads: &'a [Quad],
    /// Each attribution's claim.
    claim_of: Vec<(&'a NamedNode, &'a NamedNode)>,
}

impl<'a> ClaimsView<'a> {
    fn of(quads: &'a [Quad]) -> ClaimsView<'a> {
        let claim_of = quads
            .iter()
            .filter(|q| q.predicate == cg::CLAIM)
            .filter_map(|q| match (&q.subject, &q.object) {
                (NamedOrBlankNode::NamedNode(a), Term::NamedNode(c)) => Some((a, c)),
                _ => None,
            })
            .collect();
        ClaimsView { quads, claim_of }
    }

    fn claims(&self) -> impl Iterator<Item = &'a NamedNode> + '_ {
        self.claim_of.iter().map(|(_, c)| *c)
    }

    /// What of the old graph `carried` claims keep: a reviewed claim not
    /// found again (not in `found`) its whole description, attributions and
    /// what they name (claimants, reporters, the extractor); a claim found
    /// again its links to near-duplicates.
    fn subjects_to_keep(
        &self,
        carried: &HashSet<&'a NamedNode>,
        found: &HashSet<&NamedNode>,
    ) -> Kept<'a> {
        let mut keep = Kept::default();
        for claim in carried {
            if found.contains(*claim) {
                keep.similarities.insert(claim.as_str());
                continue;
            }
            keep.with_parts.insert(claim.as_str());
            for (att, _) in self.claim_of.iter().filter(|(_, c)| c == claim) {
                keep.with_parts.insert(att.as_str());
                for q in self.quads.iter().filter(|q| {
                    matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if s == *att)
                        && [cg::CLAIMANT, cg::REPORTED_BY, prov::WAS_GENERATED_BY]
                            .contains(&q.predicate.as_ref())
                }) {
                    if let Term::NamedNode(n) = &q.object {
                        keep.exactly.insert(n.as_str());
                    }
                }
            }
        }
        keep
    }
}

/// The claims of a claims graph's `quads` with their claimants' labels
/// (from the quads, else the store, else the IRI).
fn rows(data: &DataDir, quads: &[Quad]) -> Result<BTreeSet<ClaimRow>> {
    let text: HashMap<&NamedNode, &str> = claim_texts(quads).collect();
    let mut claimant: HashMap<&NamedNode, &NamedNode> = HashMap::new();
    let mut label: HashMap<&NamedNode, &str> = HashMap::new();
    for q in quads {
        if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&q.subject, &q.object)
            && q.predicate == rdfs::LABEL
        {
            label.entry(s).or_insert(l.value());
        }
    }
    for q in quads {
        if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object)
            && q.predicate == cg::CLAIMANT
        {
            claimant.insert(s, o);
        }
    }
    let view = ClaimsView::of(quads);
    let mut out = BTreeSet::new();
    for (att, claim) in &view.claim_of {
        let Some(who) = claimant.get(att) else {
            continue;
        };
        let name = match label.get(who) {
            Some(l) => (*l).to_owned(),
            None => stored_label(data, who)?.unwrap_or_else(|| who.as_str().to_owned()),
        };
        out.insert(ClaimRow {
            claimant: name,
            claim: text.get(claim).copied().unwrap_or_default().to_owned(),
        });
    }
    Ok(out)
}

/// An entity's label in any graph of the store: an English or untagged one
/// first (a gazetteer entity has its Chinese name too).
fn stored_label(data: &DataDir, entity: &NamedNode) -> Result<Option<String>> {
    let mut other = None;
    for q in
        data.store()
            .quads_for_pattern(Some(entity.as_ref().into()), Some(rdfs::LABEL), None, None)
    {
        if let Term::Literal(l) = q?.object {
            match l.language() {
                None | Some("en") => return Ok(Some(l.value().to_owned())),
                Some(_) => other = other.or_else(|| Some(l.value().to_owned())),
            }
        }
    }
    Ok(other)
}

/// Drops the near-duplicate links of every claims graph that point to a
/// claim no graph describes any more (reworded by a reattribution, and
/// not reviewed): the link, and its similarity record. Returns how many.
pub fn drop_dangling_links(data: &DataDir) -> Result<usize> {
    let store = data.store();
    let described = |claim: &NamedNode| -> Result<bool> {
        Ok(store
            .quads_for_pattern(Some(claim.as_ref().into()), Some(schema::TEXT), None, None)
            .next()
            .transpose()?
            .is_some())
    };
    let claims = format!("{GRAPH_BASE}claims/");
    // Per graph, the similarity records to drop and the claims they leave.
    let mut dangling: HashMap<NamedNode, HashSet<NamedNode>> = HashMap::new();
    for quad in store.quads_for_pattern(None, Some(cg::SIMILAR_CLAIM), None, None) {
        let quad = quad?;
        let (NamedOrBlankNode::NamedNode(record), Term::NamedNode(other), GraphName::NamedNode(g)) =
            (&quad.subject, &quad.object, &quad.graph_name)
        else {
            continue;
        };
        if g.as_str().starts_with(&claims) && !described(other)? {
            dangling
                .entry(g.clone())
                .or_default()
                .insert(record.clone());
        }
    }
    if dangling.is_empty() {
        return Ok(0);
    }
    let mut graphs = Vec::new();
    let mut quads = Vec::new();
    let mut dropped = 0;
    for (graph, records) in &dangling {
        // The record's claim and the claim it points to, so that the
        // claim's cg:nearDuplicateOf goes with it.
        let all: Vec<Quad> = store
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
            .collect::<std::result::Result<_, _>>()?;
        // Each dangling record's claim pointed to, then each link's pair.
        let pointed: HashMap<&NamedOrBlankNode, &Term> = all
            .iter()
            .filter(|q| q.predicate == cg::SIMILAR_CLAIM)
            .map(|q| (&q.subject, &q.object))
            .collect();
        let mut pairs: HashSet<(NamedNode, Term)> = HashSet::new();
        for q in &all {
            if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(r)) = (&q.subject, &q.object)
                && q.predicate == cg::HAS_SIMILARITY
                && records.contains(r)
                && let Some(other) = pointed.get(&NamedOrBlankNode::NamedNode(r.clone()))
            {
                pairs.insert((s.clone(), (*other).clone()));
            }
        }
        dropped += records.len();
        let kept = all.into_iter().filter(|q| {
            let record = matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if records.contains(s));
            let to_record = matches!(&q.object, Term::NamedNode(o) if records.contains(o));
            let link = q.predicate == cg::NEAR_DUPLICATE_OF
                && matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if pairs.contains(&(s.clone(), q.object.clone())));
            !(record || to_record || link)
        });
        graphs.push(NamedOrBlankNode::NamedNode(graph.clone()));
        quads.extend(kept);
    }
    data.replace_graphs(&graphs, &quads)?;
    Ok(dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal};

    fn quad(s: &str, p: NamedNodeRef<'_>) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(s),
            p.into_owned(),
            Literal::new_simple_literal("x"),
            GraphName::DefaultGraph,
        )
    }

    #[test]
    fn what_is_kept_of_a_claim_covers_its_parts_and_nothing_else() {
        let iri = "https://w3id.org/claimgraph/id/claim/ab";
        let mut whole = Kept::default();
        whole.with_parts.insert(iri);
        let mut links = Kept::default();
        links.similarities.insert(iri);
        let mut exactly = Kept::default();
        exactly.exactly.insert(iri);
        // The claim and its parts; not a claim whose IRI merely starts alike.
        assert!(whole.covers(&quad(iri, schema::TEXT)));
        assert!(whole.covers(&quad(&format!("{iri}#target"), rdf_type())));
        assert!(!whole.covers(&quad(&format!("{iri}c"), schema::TEXT)));
        assert!(!whole.covers(&quad(&format!("{iri}c#target"), schema::TEXT)));
        // A claim found again keeps its links only.
        assert!(links.covers(&quad(iri, cg::NEAR_DUPLICATE_OF)));
        assert!(links.covers(&quad(iri, cg::HAS_SIMILARITY)));
        assert!(links.covers(&quad(&format!("{iri}#similar-12"), cg::SCORE)));
        assert!(!links.covers(&quad(iri, schema::TEXT)));
        assert!(!links.covers(&quad(&format!("{iri}#target"), rdf_type())));
        assert!(!links.covers(&quad(&format!("{iri}c#similar-12"), cg::SCORE)));
        assert!(exactly.covers(&quad(iri, schema::TEXT)));
        assert!(!exactly.covers(&quad(&format!("{iri}#similar-12"), cg::SCORE)));
    }

    fn rdf_type() -> NamedNodeRef<'static> {
        crate::vocab::rdf::TYPE
    }
}
