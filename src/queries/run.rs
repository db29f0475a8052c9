//! Running SPARQL against the store: claimgraph's prefixes are predeclared,
//! parameters are substituted as pre-bound variables, and syntax errors come
//! back with their line and column.

use crate::vocab::{cg, dct, oa, prov, schema, skos};
use crate::{Error, Result};
use oxigraph::model::{Term, Variable};
use oxigraph::sparql::{PreparedSparqlQuery, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

/// Prefixes every query may use without declaring them.
pub const PREFIXES: &[(&str, &str)] = &[
    ("cg", cg::NS),
    ("e", "https://w3id.org/claimgraph/id/entity/"),
    ("schema", schema::NS),
    ("prov", prov::NS),
    ("oa", oa::NS),
    ("skos", skos::NS),
    ("dct", dct::NS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// Parses `text` (from `origin`, for messages) with claimgraph's prefixes and
/// binds `params` as pre-bound variables.
pub fn prepare(
    text: &str,
    origin: &str,
    params: Vec<(Variable, Term)>,
) -> Result<PreparedSparqlQuery> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, iri) in PREFIXES {
        evaluator = evaluator
            .with_prefix(*prefix, *iri)
            .expect("built-in prefixes are valid IRIs");
    }
    let mut prepared = evaluator
        .parse_query(text)
        .map_err(|e| Error::SparqlSyntax {
            origin: origin.into(),
            message: e.to_string(),
        })?;
    // Everything claimgraph stores is in named graphs (one per input); a
    // query without FROM sees their union as its default graph.
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    for (variable, term) in params {
        prepared = prepared.substitute_variable(variable, term);
    }
    Ok(prepared)
}

/// Runs a prepared query on the store.
pub fn run_query(store: &Store, prepared: PreparedSparqlQuery) -> Result<QueryResults<'static>> {
    Ok(prepared.on_store(store).execute()?)
}
