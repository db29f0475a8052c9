//! claimgraph: a knowledge graph of who claimed what, where and when.
//!
//! The library follows the data flow of the tool: annotated source files and
//! RDF files are parsed ([`annotated`], [`rdf_file`]), names are resolved
//! against the gazetteer ([`gazetteer`]), everything becomes quads with
//! deterministic IRIs ([`ids`], [`vocab`]), lands in one named graph per input
//! in the data directory ([`store`], [`load`]), and is read back through named
//! SPARQL queries and integrity checks ([`queries`], [`checks`], [`stats`]),
//! rendered for people or machines ([`results`]). Web pages are decoded and
//! extracted into articles ([`ingest`]) and measured against annotated
//! corpora ([`eval`]).
#![warn(missing_docs)]

pub mod annotated;
pub mod attribute;
pub mod checks;
pub mod embedded;
mod error;
pub mod eval;
pub mod exchange;
pub mod gazetteer;
pub mod ids;
pub mod index;
pub mod ingest;
pub mod jobs;
pub mod load;
pub mod nesting;
pub mod queries;
pub mod rdf_file;
pub mod results;
pub mod review;
pub mod serve;
pub mod stats;
pub mod store;
pub mod synthetic;
pub mod text;
pub mod vocab;

pub use error::{Error, Result, unless_panicked};
