//! Constants for every RDF term claimgraph writes or reads.
//!
//! `cg` mirrors `ontology/claimgraph.ttl` term for term; a test proves that
//! every constant here is declared there (with a label and a comment) and that
//! every term declared there has a constant here. The other modules hold the
//! terms of the standard vocabularies claimgraph reuses.

pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

/// An xsd:decimal of `x` to three places, written in the canonical form the
/// store keeps ("0.7", not "0.700"), so that a quad written again compares
/// equal to the one read back and a graph rewritten unchanged stays
/// unchanged.
pub fn decimal(x: f64) -> oxigraph::model::Literal {
    match format!("{x:.3}").parse::<oxsdatatypes::Decimal>() {
        Ok(d) => d.into(),
        // NaN or an infinity: no decimal writes them.
        Err(_) => oxigraph::model::Literal::new_typed_literal("0", xsd::DECIMAL),
    }
}

/// Declares a namespace module: its IRI, each term as a constant, and `ALL`.
macro_rules! namespace {
    ($(#[$meta:meta])* $module:ident, $iri:literal, { $($(#[$tmeta:meta])* $name:ident = $local:literal),* $(,)? }) => {
        $(#[$meta])*
        pub mod $module {
            use oxigraph::model::NamedNodeRef;
            /// The namespace IRI.
            pub const NS: &str = $iri;
            $(
                $(#[$tmeta])*
                pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($iri, $local));
            )*
            /// Every term of this module, in declaration order.
            pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
        }
    };
}

namespace!(
    /// claimgraph's own vocabulary (`ontology/claimgraph.ttl`).
    cg, "https://w3id.org/claimgraph/ns#", {
    /// One exact text of a source as read at one time.
    SOURCE_VERSION = "SourceVersion",
    /// One appearance of a claim in one source version.
    ATTRIBUTION = "Attribution",
    /// One ordered link of a reporter chain.
    REPORTING_STEP = "ReportingStep",
    /// Class of the attribution kinds.
    ATTRIBUTION_KIND = "AttributionKind",
    /// Class of the stances.
    STANCE = "Stance",
    /// What an ingestion job knows of one URL.
    JOURNAL_ENTRY = "JournalEntry",
    /// An ingestion job.
    JOB_CLASS = "Job",
    /// Journal entry → its job.
    JOB = "job",
    /// Journal entry → the last ETag.
    ETAG = "etag",
    /// Journal entry → the last Last-Modified.
    LAST_MODIFIED = "lastModified",
    /// Journal entry → when last fetched.
    FETCHED_AT = "fetchedAt",
    /// Journal entry → what the last fetch gave.
    OUTCOME = "outcome",
    /// Where a person's annotation is in a newer version of its source.
    ANCHORING = "Anchoring",
    /// Class of the anchor statuses.
    ANCHOR_STATUS_CLASS = "AnchorStatus",
    /// The anchor statuses.
    ANCHOR_STATUSES = "AnchorStatuses",
    /// Anchor status: at the same place.
    ANCHORED = "Anchored",
    /// Anchor status: elsewhere.
    MOVED = "Moved",
    /// Anchor status: gone.
    ORPHANED = "Orphaned",
    /// Anchoring → the annotation it places.
    ANCHORS = "anchors",
    /// Anchoring → its status.
    ANCHOR_STATUS = "anchorStatus",
    /// Class of the normalised ratings.
    RATING = "Rating",
    /// Source → version.
    HAS_VERSION = "hasVersion",
    /// Version → source.
    VERSION_OF = "versionOf",
    /// The exact text of a version.
    TEXT = "text",
    /// `sha256:<hex>` of a version's text.
    CONTENT_HASH = "contentHash",
    /// When a version was fetched or transcribed.
    RETRIEVED_AT = "retrievedAt",
    /// Version → a part of what claims are read for that its ingest left out.
    READ_WITHOUT = "readWithout",
    /// Class of the parts of reading claims.
    CLAIMS_PART = "ClaimsPart",
    /// Part of reading claims: attributions (without them, nothing is read).
    ATTRIBUTIONS = "Attributions",
    /// Part of reading claims: the article's own assertions.
    AUTHOR_ASSERTIONS = "AuthorAssertions",
    /// Deterministic key of a claim.
    CLAIM_KEY = "claimKey",
    /// Attribution → claim.
    CLAIM = "claim",
    /// Attribution → who asserts the claim.
    CLAIMANT = "claimant",
    /// Attribution → each intermediary that relays the claim.
    REPORTED_BY = "reportedBy",
    /// Attribution → ordered reporting step.
    REPORTING_STEP_PROP = "reportingStep",
    /// Reporting step → reporter.
    REPORTER = "reporter",
    /// Reporting step → 1-based position (1 nearest the claimant).
    POSITION = "position",
    /// Attribution → cue words.
    CUE = "cue",
    /// Attribution → attribution kind.
    KIND = "kind",
    /// Attribution → stance.
    STANCE_PROP = "stance",
    /// Attribution → source.
    SOURCE = "source",
    /// Attribution → source version.
    IN_VERSION = "inVersion",
    /// Claim → a claim worded almost the same (found by similarity).
    NEAR_DUPLICATE_OF = "nearDuplicateOf",
    /// A measured similarity between two claims.
    SIMILARITY = "Similarity",
    /// Claim → a similarity measured from it.
    HAS_SIMILARITY = "hasSimilarity",
    /// Similarity → the other claim.
    SIMILAR_CLAIM = "similarClaim",
    /// Similarity → how it was measured.
    METHOD = "method",
    /// Rating → normalised rating.
    NORMALISED_RATING = "normalisedRating",
    /// The full-text SERVICE.
    SEARCH = "search",
    /// SERVICE cg:search: the query text.
    MATCHES = "matches",
    /// SERVICE cg:search: relevance.
    SCORE = "score",
    /// SERVICE cg:search: the matching attribution.
    ATTRIBUTION_PROP = "attribution",
    /// SERVICE cg:search: maximum hits.
    LIMIT = "limit",
    /// Store write counter (meta graph).
    GENERATION = "generation",
    /// Scheme of attribution kinds.
    ATTRIBUTION_KINDS = "AttributionKinds",
    /// The claimant's own words in quotation marks.
    DIRECT_QUOTE = "DirectQuote",
    /// Reported speech.
    INDIRECT_QUOTE = "IndirectQuote",
    /// "According to X, …".
    ACCORDING_TO = "AccordingTo",
    /// The author's own assertion.
    AUTHOR_ASSERTION = "AuthorAssertion",
    /// Scheme of stances.
    STANCES = "Stances",
    /// The reporting text endorses the claim.
    ENDORSES = "Endorses",
    /// The reporting text disputes the claim.
    DISPUTES = "Disputes",
    /// The reporting text is neutral.
    NEUTRAL = "Neutral",
    /// Scheme of normalised ratings.
    RATINGS = "Ratings",
    /// Rating: true.
    RATING_TRUE = "RatingTrue",
    /// Rating: mostly true.
    RATING_MOSTLY_TRUE = "RatingMostlyTrue",
    /// Rating: mixed.
    RATING_MIXED = "RatingMixed",
    /// Rating: mostly false.
    RATING_MOSTLY_FALSE = "RatingMostlyFalse",
    /// Rating: false.
    RATING_FALSE = "RatingFalse",
    /// Rating: unverifiable.
    RATING_UNVERIFIABLE = "RatingUnverifiable",
});

namespace!(
    /// The schema.org terms claimgraph uses.
    schema, "http://schema.org/", {
    /// A claim (proposition).
    CLAIM = "Claim",
    /// A fact-check of a claim.
    CLAIM_REVIEW = "ClaimReview",
    /// A creative work (the most general source type).
    CREATIVE_WORK = "CreativeWork",
    /// Name of a thing.
    NAME = "name",
    /// Text of a claim.
    TEXT = "text",
    /// Entities a claim is about.
    ABOUT = "about",
    /// A source's address.
    URL = "url",
    /// A source's title.
    HEADLINE = "headline",
    /// A source's author.
    AUTHOR = "author",
    /// A source's publisher.
    PUBLISHER = "publisher",
    /// A source's publication date.
    DATE_PUBLISHED = "datePublished",
    /// A source's last modification date.
    DATE_MODIFIED = "dateModified",
    /// A news article (the type of ingested sources).
    NEWS_ARTICLE = "NewsArticle",
    /// A source's language (BCP 47).
    IN_LANGUAGE = "inLanguage",
    /// A generic thing, for minted entities of unknown type.
    THING = "Thing",
    /// A person.
    PERSON = "Person",
    /// An organisation.
    ORGANIZATION = "Organization",
    /// The claim a review reviews.
    ITEM_REVIEWED = "itemReviewed",
    /// The text of the claim reviewed, as the review states it.
    CLAIM_REVIEWED = "claimReviewed",
    /// A review's rating.
    REVIEW_RATING = "reviewRating",
    /// A rating.
    RATING = "Rating",
    /// The publisher's own label of a rating.
    ALTERNATE_NAME = "alternateName",
    /// A rating's value on a numeric scale.
    RATING_VALUE = "ratingValue",
    /// The best value of the scale.
    BEST_RATING = "bestRating",
    /// The worst value of the scale.
    WORST_RATING = "worstRating",
    /// A work in which a claim appears.
    APPEARANCE = "appearance",
    /// The first work in which a claim appears.
    FIRST_APPEARANCE = "firstAppearance",
    /// A description (a review's note, in exports).
    DESCRIPTION = "description",
});

namespace!(
    /// The PROV-O terms claimgraph uses.
    prov, "http://www.w3.org/ns/prov#", {
    /// An agent (annotator, reviewer).
    AGENT = "Agent",
    /// Who made an annotation.
    WAS_ATTRIBUTED_TO = "wasAttributedTo",
    /// Previous version of a version.
    WAS_REVISION_OF = "wasRevisionOf",
    /// When something was made.
    GENERATED_AT_TIME = "generatedAtTime",
    /// What made something (the extractor, for machine-found attributions).
    WAS_GENERATED_BY = "wasGeneratedBy",
    /// An activity (a run of the extractor with one model).
    ACTIVITY = "Activity",
});

namespace!(
    /// The W3C Web Annotation terms claimgraph uses.
    oa, "http://www.w3.org/ns/oa#", {
    /// Annotation → its specific target.
    HAS_TARGET = "hasTarget",
    /// Specific target → the resource annotated (a source version).
    HAS_SOURCE = "hasSource",
    /// Specific target → selector.
    HAS_SELECTOR = "hasSelector",
    /// A selector by exact quote with context.
    TEXT_QUOTE_SELECTOR = "TextQuoteSelector",
    /// A selector by character offsets.
    TEXT_POSITION_SELECTOR = "TextPositionSelector",
    /// The exact quote.
    EXACT = "exact",
    /// Text just before the quote.
    PREFIX = "prefix",
    /// Text just after the quote.
    SUFFIX = "suffix",
    /// Start offset (code points).
    START = "start",
    /// End offset (code points, exclusive).
    END = "end",
    /// Why an annotation was made.
    MOTIVATED_BY = "motivatedBy",
    /// Motivation: identifying (a claim) in the text.
    IDENTIFYING = "identifying",
    /// A specific resource.
    SPECIFIC_RESOURCE = "SpecificResource",
});

namespace!(
    /// The SKOS terms claimgraph uses.
    skos, "http://www.w3.org/2004/02/skos/core#", {
    /// Preferred label.
    PREF_LABEL = "prefLabel",
    /// Alias.
    ALT_LABEL = "altLabel",
    /// A label for matching only (publishers' rating labels).
    HIDDEN_LABEL = "hiddenLabel",
    /// A note.
    NOTE = "note",
    /// A broader concept.
    BROADER = "broader",
    /// A concept (the gazetteer's topics: micro-drama, AI).
    CONCEPT = "Concept",
});

namespace!(
    /// The Dublin Core terms claimgraph uses.
    dct, "http://purl.org/dc/terms/", {
    /// When an annotation file was written.
    CREATED = "created",
    /// A description.
    DESCRIPTION = "description",
});

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{NamedNode, NamedOrBlankNode, Term};
    use std::collections::BTreeSet;

    #[test]
    fn decimals_are_written_as_the_store_keeps_them() {
        use oxigraph::model::{GraphName, Literal, Quad};
        let store = oxigraph::store::Store::new().unwrap();
        let subject = NamedNode::new_unchecked("https://example.org/claim#similar-1");
        for x in [0.7, 1.0, 0.625, 0.5004, 0.0, 0.8333] {
            store.clear().unwrap();
            let written = Literal::new_typed_literal(format!("{x:.3}"), xsd::DECIMAL);
            store
                .insert(&Quad::new(
                    subject.clone(),
                    cg::SCORE,
                    written,
                    GraphName::DefaultGraph,
                ))
                .unwrap();
            let read_back = store.iter().next().unwrap().unwrap().object;
            assert_eq!(read_back, Term::from(decimal(x)), "{x}");
        }
    }

    #[test]
    fn cg_constants_and_ontology_agree() {
        let ttl = include_str!("../ontology/claimgraph.ttl");
        let quads: Vec<_> = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ttl.as_bytes())
            .collect::<Result<_, _>>()
            .expect("ontology parses");
        let declared: BTreeSet<NamedNode> = quads
            .iter()
            .filter_map(|q| match &q.subject {
                NamedOrBlankNode::NamedNode(n)
                    if n.as_str().starts_with(cg::NS) && n.as_str() != cg::NS =>
                {
                    Some(n.clone())
                }
                _ => None,
            })
            .collect();
        let has = |s: &NamedNode, p| {
            quads.iter().any(|q| {
                q.subject == NamedOrBlankNode::NamedNode(s.clone())
                    && q.predicate.as_ref() == p
                    && matches!(q.object, Term::Literal(_))
            })
        };
        let constants: BTreeSet<NamedNode> = cg::ALL.iter().map(|n| n.into_owned()).collect();
        let missing_in_code: Vec<_> = declared.difference(&constants).collect();
        let missing_in_ontology: Vec<_> = constants.difference(&declared).collect();
        assert!(
            missing_in_code.is_empty(),
            "declared in the ontology, no constant: {missing_in_code:?}"
        );
        assert!(
            missing_in_ontology.is_empty(),
            "constant not declared in the ontology: {missing_in_ontology:?}"
        );
        for term in &declared {
            assert!(has(term, rdfs::LABEL), "{term} has no rdfs:label");
            assert!(has(term, rdfs::COMMENT), "{term} has no rdfs:comment");
        }
    }
}
