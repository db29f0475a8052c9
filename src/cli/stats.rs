//! `claimgraph stats`: what the data directory holds.

use super::args::{ReportFormat, StatsArgs};
use super::{Status, open};
use anyhow::Result;
use claimgraph::stats::{Stats, stats};
use claimgraph::store::OpenMode;
use std::path::Path;

pub fn run(data_dir: &Path, args: StatsArgs) -> Result<Status> {
    let data = open(data_dir, OpenMode::Read)?;
    print(&stats(data.store())?, &args)
}

/// Prints the counts as `args` asks.
pub(super) fn print(s: &Stats, args: &StatsArgs) -> Result<Status> {
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(s)?),
        ReportFormat::Table => {
            for (name, n) in [
                ("sources", s.sources),
                ("versions", s.versions),
                ("claims", s.claims),
                ("attributions", s.attributions),
                ("claimants", s.claimants),
                ("entities", s.entities),
                ("named graphs", s.graphs),
                ("quads", s.quads),
            ] {
                println!("{name:<13}{n:>9}");
            }
        }
    }
    Ok(Status::Ok)
}
