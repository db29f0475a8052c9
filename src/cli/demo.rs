//! `claimgraph demo`: load the shipped ontology and sources, then print the
//! who-claimed-what table. Idempotent: a second run changes nothing.

use super::args::{DemoArgs, ResultsFormat};
use super::load::load_paths;
use super::query::print_results;
use super::{Status, open};
use anyhow::{Context, Result};
use claimgraph::embedded;
use claimgraph::queries::{bind_params, find_named, prepare};
use claimgraph::results::{Columns, TableOptions};
use claimgraph::store::OpenMode;
use oxigraph::model::Variable;
use std::path::{Path, PathBuf};

pub fn run(data_dir: &Path, args: DemoArgs) -> Result<Status> {
    let (project, _temp) = match args.project {
        Some(dir) => (dir, None),
        None if Path::new("ontology").is_dir() && Path::new("sources").is_dir() => {
            (PathBuf::from("."), None)
        }
        None => {
            let temp = std::env::temp_dir().join(format!("claimgraph-demo-{}", std::process::id()));
            embedded::extract_to(&temp)
                .context("cannot write the built-in ontology and sources")?;
            eprintln!(
                "claimgraph: no ontology/ and sources/ here; using the copies built into claimgraph"
            );
            (temp.clone(), Some(TempDir(temp)))
        }
    };
    let data = open(data_dir, OpenMode::Create)?;
    let summary = load_paths(
        &data,
        &[project.join("ontology"), project.join("sources")],
        None,
    )?;
    eprintln!("{} into {}", summary.line(), data_dir.display());
    eprintln!();

    let who = find_named("who-claimed")?;
    let params = bind_params(who.name, &who.params(), &[])?;
    let prepared = prepare(
        who.text,
        "named query who-claimed",
        params,
        Some(data.fulltext()),
    )?;
    // The demo table keeps what a person reads; the IRIs and quotes are in
    // `claimgraph query --name who-claimed`.
    let shown: Vec<Variable> = [
        "claimant_label",
        "claim_text",
        "reported_by",
        "date",
        "stance",
    ]
    .into_iter()
    .map(Variable::new_unchecked)
    .collect();
    println!("Who claimed what:");
    let table = TableOptions {
        max_cell_width: Some(44),
        formula_guard: false,
    };
    let status = print_results(
        &data,
        prepared,
        ResultsFormat::Table,
        Columns::Only(&shown),
        table,
        false,
        None,
    )?;
    Ok(if summary.failed > 0 {
        Status::Error
    } else {
        status
    })
}

/// Removes the extracted copies when the demo ends.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
