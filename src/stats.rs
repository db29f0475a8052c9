//! Counts that describe a data directory: quads, graphs, sources, versions,
//! claims, attributions, claimants and gazetteer entities.

use crate::Result;
use crate::ids::ID_BASE;
use crate::queries::{prepare, run_query};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};

/// The counts.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Stats {
    /// All quads.
    pub quads: usize,
    /// Named graphs.
    pub graphs: usize,
    /// Sources (things with at least one version).
    pub sources: usize,
    /// Source versions.
    pub versions: usize,
    /// Distinct claims.
    pub claims: usize,
    /// Attributions (appearances of claims).
    pub attributions: usize,
    /// Distinct claimants.
    pub claimants: usize,
    /// Entities (gazetteer and minted).
    pub entities: usize,
}

const COUNTS: &str = r#"
SELECT
  (COUNT(DISTINCT ?source) AS ?sources)
  (COUNT(DISTINCT ?version) AS ?versions)
  (COUNT(DISTINCT ?claim) AS ?claims)
  (COUNT(DISTINCT ?attribution) AS ?attributions)
  (COUNT(DISTINCT ?claimant) AS ?claimants)
  (COUNT(DISTINCT ?entity) AS ?entities)
WHERE {
  { ?source cg:hasVersion ?version }
  UNION { ?claim a schema:Claim }
  UNION { ?attribution a cg:Attribution . OPTIONAL { ?attribution cg:claimant ?claimant } }
  UNION { ?entity rdfs:label ?label . FILTER(STRSTARTS(STR(?entity), "ENTITY_BASE")) }
}
"#;

/// Counts everything in the store.
pub fn stats(store: &Store) -> Result<Stats> {
    // The base is claimgraph's own constant, not user input.
    let query = COUNTS.replace("ENTITY_BASE", &format!("{ID_BASE}entity/"));
    let prepared = prepare(&query, "stats", Vec::new(), None)?;
    let mut s = Stats {
        quads: store.len()?,
        graphs: store.named_graphs().count(),
        ..Stats::default()
    };
    if let QueryResults::Solutions(mut solutions) = run_query(store, prepared)?
        && let Some(row) = solutions.next()
    {
        let row = row?;
        let get = |name: &str| match row.get(name) {
            Some(Term::Literal(l)) => l.value().parse().unwrap_or(0),
            _ => 0,
        };
        s.sources = get("sources");
        s.versions = get("versions");
        s.claims = get("claims");
        s.attributions = get("attributions");
        s.claimants = get("claimants");
        s.entities = get("entities");
    }
    Ok(s)
}
