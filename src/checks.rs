//! Integrity checks: each query of `queries/checks/` is a SELECT whose rows
//! are violations; running them all tells whether the graph is sound.

use crate::queries::{CHECKS, prepare, run_query};
use crate::results::display_term;
use crate::{Error, Result};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;

/// The outcome of one check.
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// The check's name.
    pub name: &'static str,
    /// What it verifies.
    pub purpose: &'static str,
    /// One line per violation, as `var=value` pairs.
    pub violations: Vec<String>,
}

/// Runs every check.
pub fn run_checks(store: &Store) -> Result<Vec<CheckReport>> {
    CHECKS
        .iter()
        .map(|check| {
            let prepared = prepare(
                check.text,
                &format!("check {}", check.name),
                Vec::new(),
                None,
            )?;
            let QueryResults::Solutions(solutions) = run_query(store, prepared)? else {
                return Err(Error::SparqlSyntax {
                    origin: check.name.into(),
                    message: "a check must be a SELECT".into(),
                });
            };
            let mut violations = Vec::new();
            for solution in solutions {
                let solution = solution?;
                violations.push(
                    solution
                        .iter()
                        .map(|(v, t)| format!("{}={}", v.as_str(), display_term(t)))
                        .collect::<Vec<_>>()
                        .join("  "),
                );
            }
            Ok(CheckReport {
                name: check.name,
                purpose: check.purpose(),
                violations,
            })
        })
        .collect()
}
