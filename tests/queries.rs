//! Data-driven tests of every named query and check: `tests/queries/manifest.toml`.

use crate::util::{loaded_data_dir, repo};
use claimgraph::queries::{CHECKS, NAMED, bind_params, prepare, run_query};
use claimgraph::results::display_term;

use oxigraph::model::Variable;
use oxigraph::sparql::QueryResults;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    data: Vec<String>,
    query: String,
    #[serde(default)]
    params: BTreeMap<String, String>,
    columns: Vec<String>,
    #[serde(default)]
    ordered: bool,
    expected: Vec<Vec<String>>,
}

fn run_case(case: &Case, base: &std::path::Path) -> Vec<Vec<String>> {
    let inputs: Vec<PathBuf> = case.data.iter().map(|d| base.join(d)).collect();
    let (_temp, data) = loaded_data_dir(&inputs, &case.name);

    let (text, params) = match case.query.strip_prefix("checks/") {
        Some(check) => {
            let q = CHECKS
                .iter()
                .find(|q| q.name == check)
                .unwrap_or_else(|| panic!("no check {check}"));
            assert!(case.params.is_empty(), "checks take no parameters");
            (q.text, Vec::new())
        }
        None => {
            let q = NAMED
                .iter()
                .find(|q| q.name == case.query)
                .unwrap_or_else(|| panic!("no named query {}", case.query));
            let given: Vec<(String, String)> = case
                .params
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            (
                q.text,
                bind_params(&case.query, &q.params(), &given).unwrap(),
            )
        }
    };
    let prepared = prepare(text, &case.query, params, Some(data.fulltext())).unwrap();
    let QueryResults::Solutions(solutions) = run_query(data.store(), prepared).unwrap() else {
        panic!("{}: not a SELECT", case.name)
    };
    let variables: Vec<Variable> = solutions.variables().to_vec();
    for column in &case.columns {
        assert!(
            variables.iter().any(|v| v.as_str() == column),
            "{}: the query has no column {column}",
            case.name
        );
    }
    solutions
        .map(|s| {
            let s = s.unwrap();
            case.columns
                .iter()
                .map(|c| s.get(c.as_str()).map(display_term).unwrap_or_default())
                .collect()
        })
        .collect()
}

#[test]
fn named_queries_and_checks_match_the_manifest() {
    let base = repo().join("tests/queries");
    let manifest: Manifest =
        toml::from_str(&std::fs::read_to_string(base.join("manifest.toml")).unwrap()).unwrap();
    let mut failures = Vec::new();
    for case in &manifest.case {
        let mut actual = run_case(case, &base);
        let mut expected = case.expected.clone();
        if !case.ordered {
            actual.sort();
            expected.sort();
        }
        if actual != expected {
            failures.push(format!(
                "{}\n  expected: {expected:#?}\n  actual:   {actual:#?}",
                case.name
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_named_query_and_check_has_a_case() {
    let manifest: Manifest = toml::from_str(
        &std::fs::read_to_string(repo().join("tests/queries/manifest.toml")).unwrap(),
    )
    .unwrap();
    let tested: Vec<&str> = manifest.case.iter().map(|c| c.query.as_str()).collect();
    for q in NAMED {
        assert!(
            tested.contains(&q.name),
            "named query {} has no data-driven case",
            q.name
        );
    }
    for q in CHECKS {
        let name = format!("checks/{}", q.name);
        let cases: Vec<&Case> = manifest.case.iter().filter(|c| c.query == name).collect();
        assert!(
            cases.iter().any(|c| c.expected.is_empty()),
            "{name} has no clean case"
        );
        assert!(
            cases.iter().any(|c| !c.expected.is_empty()),
            "{name} has no case that finds a violation"
        );
    }
}
