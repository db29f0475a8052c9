//! Evaluation against the corpora in `../shared/corpora` (never copied into
//! the project: the commands take their path).

pub mod attribution;
pub mod brat;
pub mod claims;
pub mod extraction;
