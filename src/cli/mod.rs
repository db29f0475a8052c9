//! The command line: argument definitions ([`args`]) and one module per
//! subcommand, each turning validated arguments into calls to the library.

mod annotate;
pub mod args;
mod bench;
mod check;
mod demo;
mod eval;
mod export;
mod extract;
mod ingest;
mod load;
mod query;
mod reattribute;
mod reindex;
mod remote;
mod review;
mod search;
mod serve;
mod stats;
mod train;
mod versions;

use anyhow::Result;
use args::{Cli, Command};
use claimgraph::store::{DataDir, OpenMode};
use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done, with results.
    Ok,
    /// Done, nothing found.
    NothingFound,
    /// Could not do the work (bad arguments, unreadable store, violations).
    Error,
    /// Some items (files, URLs) failed; the others were done.
    Partial,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(match status {
            Status::Ok => 0,
            Status::NothingFound => 1,
            Status::Error => 2,
            Status::Partial => 3,
        })
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Status> {
    let data_dir = cli.data_dir;
    // Only query, search and stats go through a server; another command
    // given an endpoint reads the data directory all the same, and says so,
    // lest a failure to open it be read as the server's.
    if let Some(endpoint) = &cli.endpoint
        && !matches!(
            cli.command,
            Command::Query(_) | Command::Search(_) | Command::Stats(_)
        )
    {
        eprintln!(
            "claimgraph: note: the endpoint {endpoint} serves `query`, `search` and `stats` only; \
             this command reads the data directory {} itself",
            data_dir.display()
        );
    }
    // A server that owns the data directory answers for it.
    let endpoint = cli
        .endpoint
        .map(|e| e.trim_end_matches('/').to_owned())
        .or_else(|| claimgraph::store::served_by(&data_dir));
    match cli.command {
        Command::Query(a) if endpoint.is_some() => {
            remote::query(endpoint.as_deref().unwrap_or_default(), a)
        }
        Command::Search(a) if endpoint.is_some() => {
            remote::search(endpoint.as_deref().unwrap_or_default(), a)
        }
        Command::Stats(a) if endpoint.is_some() => {
            remote::stats(endpoint.as_deref().unwrap_or_default(), a)
        }
        Command::Load(a) => load::run(&data_dir, a),
        Command::Query(a) => query::run(&data_dir, a),
        Command::Search(a) => search::run(&data_dir, a),
        Command::Reindex => reindex::run(&data_dir),
        Command::Export(a) => export::run(&data_dir, a),
        Command::Check(a) => check::run(&data_dir, a),
        Command::Stats(a) => stats::run(&data_dir, a),
        Command::Demo(a) => demo::run(&data_dir, a),
        Command::Bench(a) => bench::run(a),
        Command::Ingest(a) => ingest::run(&data_dir, a),
        Command::Versions(a) => versions::run(&data_dir, a),
        Command::Reattribute(a) => reattribute::run(&data_dir, a),
        Command::Review(a) => review::run(&data_dir, a),
        Command::Annotate(a) => annotate::run(&data_dir, a),
        Command::Serve(a) => serve::run(&data_dir, a),
        Command::Extract(a) => extract::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Train(a) => train::run(a),
    }
}

/// `error` and its causes, joined by ": ", each cause left out when the
/// message before already ends with it (the library's errors name their
/// file and say the underlying error, which is also their cause).
pub fn error_text(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in error.chain() {
        let cause = cause.to_string();
        if text.ends_with(&cause) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&cause);
    }
    text
}

/// Opens the data directory (the library's errors already name it).
/// Anything opening had to repair is reported on stderr.
fn open(data_dir: &std::path::Path, mode: OpenMode) -> Result<DataDir> {
    let data = DataDir::open(data_dir, mode)?;
    for repair in data.repairs() {
        // Opened read-only, nothing is repaired: what would be is noted.
        let done = if data.is_read_only() {
            "note on"
        } else {
            "repaired"
        };
        eprintln!("claimgraph: {done} {}: {repair}", data_dir.display());
    }
    Ok(data)
}

/// The source a user names: its IRI as written, or the IRI its canonical
/// URL gives.
fn source_named(url_or_iri: &str) -> Result<oxigraph::model::NamedNode> {
    Ok(if url_or_iri.starts_with(claimgraph::ids::ID_BASE) {
        oxigraph::model::NamedNode::new(url_or_iri.trim())?
    } else {
        claimgraph::ids::source_iri(Some(url_or_iri), "")
    })
}
