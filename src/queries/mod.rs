//! SPARQL: the named queries and integrity checks shipped in `queries/`
//! ([`named`]), their parameters bound as RDF terms ([`params`]), and running
//! any query against the store with claimgraph's prefixes predeclared
//! ([`run`]).

pub mod named;
pub mod params;
pub mod run;

pub use named::{CHECKS, NAMED, NamedQuery, declared_params, find_named};
pub use params::{ParamKind, ParamSpec, bind_params};
pub use run::{PREFIXES, Prepared, prepare, run_query};
