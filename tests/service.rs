//! `SERVICE cg:search` end to end through the library: hits bound from the
//! index agree with the store, whether the IRIs were minted by claimgraph
//! (read from numeric fast fields) or written by hand (read from the doc
//! store), and a query that reads nothing else is answered without the store.

use crate::util::{loaded_data_dir, repo};
use claimgraph::queries::{prepare, run_query};
use claimgraph::results::display_term;
use claimgraph::store::DataDir;
use oxigraph::sparql::QueryResults;

fn loaded() -> (tempfile::TempDir, DataDir) {
    let root = repo();
    loaded_data_dir(
        &[
            root.join("ontology"),
            root.join("sources"),
            root.join("tests/data/foreign"),
        ],
        "service",
    )
}

/// Rows as sorted strings, and whether the store was left out.
fn rows(data: &DataDir, query: &str) -> (Vec<String>, bool) {
    let prepared = prepare(query, "test", Vec::new(), Some(data.fulltext())).unwrap();
    let detached = prepared.is_detached();
    let QueryResults::Solutions(solutions) = run_query(data.store(), prepared).unwrap() else {
        panic!("not a SELECT");
    };
    let variables = solutions.variables().to_vec();
    let mut rows: Vec<String> = solutions
        .map(|s| {
            let s = s.unwrap();
            variables
                .iter()
                .map(|v| s.get(v).map(display_term).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    rows.sort();
    (rows, detached)
}

const BOUND: &str = "?claim cg:matches \"micro-drama OR 微短剧\" ; cg:attribution ?a ; \
     cg:claimant ?who ; cg:source ?source ; schema:datePublished ?date";

#[test]
fn service_bindings_agree_with_the_store_for_minted_and_hand_made_iris() {
    let (_temp, data) = loaded();
    let (from_index, detached) = rows(
        &data,
        &format!("SELECT ?claim ?a ?who ?source ?date WHERE {{ SERVICE cg:search {{ {BOUND} }} }}"),
    );
    assert!(detached, "a query of the SERVICE alone needs no store");
    // The same columns from the store's own triples, for the same hits.
    let (from_store, detached) = rows(
        &data,
        "SELECT ?claim ?a ?who ?source ?date WHERE {
           SERVICE cg:search { ?claim cg:matches \"micro-drama OR 微短剧\" ; cg:attribution ?a }
           ?a cg:claim ?claim ; cg:claimant ?who ; cg:source ?source .
           OPTIONAL { ?source schema:datePublished ?date }
         }",
    );
    assert!(!detached);
    assert_eq!(from_index, from_store);
    assert!(from_index.len() >= 3, "{from_index:#?}");
    assert!(
        from_index
            .iter()
            .any(|r| r.contains("https://example.com/desk/claim-7")
                && r.contains("https://example.com/desk/attribution-7")
                && r.contains("https://example.com/desk/article-7")
                && r.contains("2025-06-01")),
        "the hand-made IRIs come back whole: {from_index:#?}"
    );
    assert!(
        from_index.iter().any(|r| r.contains("claim/")),
        "minted IRIs come back too: {from_index:#?}"
    );
}

#[test]
fn a_store_free_query_gives_what_the_store_path_gives() {
    let (_temp, data) = loaded();
    // Expressions, grouping and ordering over the SERVICE alone; the second
    // query adds a pattern that matches nothing but forces the store path.
    let shape = |extra: &str| {
        format!(
            "SELECT ?who (COUNT(?claim) AS ?n) (MAX(?date) AS ?last) WHERE {{
               SERVICE cg:search {{ {BOUND} }}
               FILTER(?date >= \"2020-01-01\"^^xsd:date || !BOUND(?date))
               {extra}
             }} GROUP BY ?who ORDER BY DESC(?n) ?who"
        )
    };
    let (detached_rows, detached) = rows(&data, &shape(""));
    assert!(detached);
    let (store_rows, detached) = rows(
        &data,
        &shape("OPTIONAL { ?claim cg:noSuchProperty ?nothing }"),
    );
    assert!(!detached);
    assert_eq!(detached_rows, store_rows);
    assert!(!detached_rows.is_empty());

    // EXISTS reads the store: never detached.
    let (_, detached) = rows(
        &data,
        &format!(
            "SELECT ?claim WHERE {{ SERVICE cg:search {{ {BOUND} }} FILTER EXISTS {{ ?claim a schema:Claim }} }}"
        ),
    );
    assert!(!detached);
}

#[test]
fn a_limit_keeps_the_best_hits_and_a_slot_may_bind_two_variables() {
    let (_temp, data) = loaded();
    let all = |limit: &str| {
        rows(
            &data,
            &format!(
                "SELECT ?score ?claim ?w1 ?w2 WHERE {{
                   SERVICE cg:search {{ ?claim cg:matches \"micro-drama OR 微短剧 OR Beijing\" ;
                     cg:score ?score ; cg:claimant ?w1, ?w2 {limit} }}
                 }}"
            ),
        )
        .0
    };
    let every = all("");
    let best_two = all("; cg:limit 2");
    assert!(every.len() > 2, "{every:#?}");
    assert_eq!(best_two.len(), 2);
    let score = |row: &String| row.split(" | ").next().unwrap().parse::<f64>().unwrap();
    let mut scores: Vec<f64> = every.iter().map(score).collect();
    scores.sort_by(|a, b| b.total_cmp(a));
    let mut kept: Vec<f64> = best_two.iter().map(score).collect();
    kept.sort_by(|a, b| b.total_cmp(a));
    assert_eq!(kept, scores[..2]);
    for row in &every {
        let cells: Vec<&str> = row.split(" | ").collect();
        assert!(!cells[2].is_empty() && cells[2] == cells[3], "{row}");
    }
}
