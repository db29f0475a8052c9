//! `claimgraph load`: files and directories into the data directory, one
//! named graph each; failures are reported per file and the run goes on.

use super::args::LoadArgs;
use super::{Status, open};
use anyhow::{Context, Result};
use claimgraph::load::{Loaded, expand_inputs, load_files};
use claimgraph::store::{DataDir, OpenMode};
use oxigraph::model::NamedNode;
use std::path::{Path, PathBuf};

pub fn run(data_dir: &Path, args: LoadArgs) -> Result<Status> {
    let graph = args
        .graph
        .as_deref()
        .map(|g| NamedNode::new(g).with_context(|| format!("--graph {g:?} is not a valid IRI")))
        .transpose()?;
    let data = open(data_dir, OpenMode::Create)?;
    let summary = load_paths(&data, &args.paths, graph.as_ref())?;
    eprintln!("{}", summary.line());
    Ok(if summary.failed == 0 {
        Status::Ok
    } else if summary.loaded == 0 {
        // Every input failed: nothing could be done, as `ingest` says it.
        Status::Error
    } else {
        Status::Partial
    })
}

/// Counts of a load run.
#[derive(Debug, Default)]
pub struct Summary {
    pub loaded: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub claims: usize,
}

impl Summary {
    pub fn line(&self) -> String {
        format!(
            "{} file(s) loaded ({} unchanged), {} claim(s) marked, {} failed",
            self.loaded, self.unchanged, self.claims, self.failed
        )
    }
}

/// Loads `paths`, printing one line per file on stderr.
pub fn load_paths(data: &DataDir, paths: &[PathBuf], graph: Option<&NamedNode>) -> Result<Summary> {
    let mut summary = Summary::default();
    let mut files = Vec::new();
    for input in expand_inputs(paths) {
        match input {
            Ok(path) => files.push(path),
            Err(e) => {
                eprintln!("claimgraph: error: {e}");
                summary.failed += 1;
            }
        }
    }
    load_files(
        data,
        &files,
        graph,
        |path, result| match result {
            Ok(loaded) => {
                report(path, &loaded);
                for skipped in &loaded.skipped {
                    eprintln!("claimgraph: error: not loaded: {skipped}");
                }
                summary.failed += loaded.skipped.len();
                summary.loaded += 1;
                summary.claims += loaded.claims.unwrap_or(0);
                if loaded.replaced.is_unchanged() {
                    summary.unchanged += 1;
                }
            }
            Err(e) => {
                eprintln!("claimgraph: error: {e}");
                summary.failed += 1;
            }
        },
        |note| eprintln!("claimgraph: {note}"),
    )?;
    Ok(summary)
}

fn report(path: &Path, loaded: &Loaded) {
    for warning in &loaded.warnings {
        eprintln!("claimgraph: warning: {warning}");
    }
    let what = match loaded.claims {
        Some(n) => format!("{n} claim(s), {} quads", loaded.quads),
        None => format!("{} quads", loaded.quads),
    };
    let change = if loaded.replaced.is_unchanged() {
        "unchanged".to_owned()
    } else {
        format!("+{} −{}", loaded.replaced.added, loaded.replaced.removed)
    };
    let graphs = loaded
        .graphs
        .iter()
        .map(|g| g.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    eprintln!("loaded {}: {what} into {graphs} ({change})", path.display());
}
