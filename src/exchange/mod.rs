//! Exchange with the tools fact-checkers and researchers already use:
//! JSON-LD without network access ([`jsonld`]), schema.org ClaimReview for
//! publishing verdicts ([`claimreview`]).

pub mod claimreview;
pub mod jsonld;
