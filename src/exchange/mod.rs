//! Exchange with the tools fact-checkers and researchers already use:
//! JSON-LD without network access ([`jsonld`]), schema.org ClaimReview for
//! publishing verdicts ([`claimreview`]), people's annotations back out as
//! annotated source files ([`toml`]) and as W3C Web Annotations for
//! annotation tools ([`webannotation`]).

pub mod claimreview;
pub mod jsonld;
pub mod toml;
pub mod webannotation;
