//! The quads of one attribution, written the same way whether a researcher
//! marked it in a source file or the extractor found it in a page: the
//! claim (text, key, what it is about), the attribution (claimant, source,
//! version, cue, kind, stance, reporter chain) and its Web Annotation target
//! with quote and position selectors.
//!
//! Provenance (who marked it, or which extractor found it) is the caller's.

use crate::annotated::anchor::Anchor;
use crate::ids;
use crate::vocab::{cg, oa, prov, rdf, schema, skos, xsd};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Term};

/// One attribution to write.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    /// The proposition, as its claim node's `schema:text`.
    pub claim_text: &'a str,
    /// Entities the claim is about.
    pub about: &'a [NamedNode],
    /// Who asserts it.
    pub claimant: &'a NamedNode,
    /// The source it appears in.
    pub source: &'a NamedNode,
    /// The version of the source whose text the quote is anchored in.
    pub version: &'a NamedNode,
    /// The cue, as written.
    pub cue: Option<&'a str>,
    /// `cg:DirectQuote`, `cg:AccordingTo`…
    pub kind: NamedNodeRef<'static>,
    /// `cg:Endorses`, `cg:Disputes`, `cg:Neutral`.
    pub stance: Option<NamedNodeRef<'static>>,
    /// Reporters between the claimant and the source, nearest first.
    pub reporters: &'a [NamedNode],
    /// The quoted text as it stands in the version.
    pub quote: &'a str,
    /// Where the quote is.
    pub anchor: &'a Anchor,
    /// A free-text note.
    pub note: Option<&'a str>,
    /// The person who marked it (`prov:wasAttributedTo`), when a person
    /// did: part of the attribution's identity ([`ids::attribution_iri`]).
    pub marked_by: Option<&'a NamedNode>,
}

/// Writes `record` through `add` and returns the attribution's IRI and the
/// claim's.
pub fn write(
    record: &Record<'_>,
    add: &mut impl FnMut(&NamedNode, NamedNodeRef<'_>, Term),
) -> (NamedNode, NamedNode) {
    let key = ids::claim_key(record.claim_text);
    let claim = ids::claim_iri(&key);
    let a = record.anchor;
    let att = ids::attribution_iri(
        record.version,
        a.start,
        a.end,
        &key,
        record.claimant,
        record.marked_by,
    );
    let lit = |s: &str| Term::from(Literal::new_simple_literal(s));
    let int = |n: usize| Term::from(Literal::new_typed_literal(n.to_string(), xsd::INTEGER));

    add(&claim, rdf::TYPE, schema::CLAIM.into_owned().into());
    add(&claim, schema::TEXT, lit(record.claim_text.trim()));
    add(&claim, cg::CLAIM_KEY, lit(&key));
    for e in record.about {
        add(&claim, schema::ABOUT, e.clone().into());
    }

    add(&att, rdf::TYPE, cg::ATTRIBUTION.into_owned().into());
    add(&att, cg::CLAIM, claim.clone().into());
    add(&att, cg::CLAIMANT, record.claimant.clone().into());
    add(&att, cg::SOURCE, record.source.clone().into());
    add(&att, cg::IN_VERSION, record.version.clone().into());
    if let Some(cue) = record.cue.map(str::trim).filter(|c| !c.is_empty()) {
        add(&att, cg::CUE, lit(cue));
    }
    add(&att, cg::KIND, record.kind.into_owned().into());
    if let Some(stance) = record.stance {
        add(&att, cg::STANCE_PROP, stance.into_owned().into());
    }
    for (i, reporter) in record.reporters.iter().enumerate() {
        let step = ids::part_iri(&att, &format!("step{}", i + 1));
        add(&att, cg::REPORTED_BY, reporter.clone().into());
        add(&att, cg::REPORTING_STEP_PROP, step.clone().into());
        add(&step, rdf::TYPE, cg::REPORTING_STEP.into_owned().into());
        add(&step, cg::REPORTER, reporter.clone().into());
        add(&step, cg::POSITION, int(i + 1));
    }
    if let Some(note) = record.note {
        add(&att, skos::NOTE, lit(note));
    }
    if let Some(person) = record.marked_by {
        add(&att, prov::WAS_ATTRIBUTED_TO, person.clone().into());
    }

    // Web Annotation: the attribution targets a span of the version.
    let target = ids::part_iri(&att, "target");
    let quote_sel = ids::part_iri(&att, "quote");
    let position_sel = ids::part_iri(&att, "position");
    add(&att, oa::MOTIVATED_BY, oa::IDENTIFYING.into_owned().into());
    add(&att, oa::HAS_TARGET, target.clone().into());
    add(
        &target,
        rdf::TYPE,
        oa::SPECIFIC_RESOURCE.into_owned().into(),
    );
    add(&target, oa::HAS_SOURCE, record.version.clone().into());
    add(&target, oa::HAS_SELECTOR, quote_sel.clone().into());
    add(&target, oa::HAS_SELECTOR, position_sel.clone().into());
    add(
        &quote_sel,
        rdf::TYPE,
        oa::TEXT_QUOTE_SELECTOR.into_owned().into(),
    );
    add(&quote_sel, oa::EXACT, lit(record.quote));
    add(&quote_sel, oa::PREFIX, lit(&a.prefix));
    add(&quote_sel, oa::SUFFIX, lit(&a.suffix));
    add(
        &position_sel,
        rdf::TYPE,
        oa::TEXT_POSITION_SELECTOR.into_owned().into(),
    );
    add(&position_sel, oa::START, int(a.start));
    add(&position_sel, oa::END, int(a.end));
    (att, claim)
}
