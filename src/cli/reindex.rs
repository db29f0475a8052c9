//! `claimgraph reindex`: rebuild the full-text index from the store alone.

use super::{Status, open};
use anyhow::Result;
use claimgraph::store::OpenMode;
use std::path::Path;
use std::time::Instant;

pub fn run(data_dir: &Path) -> Result<Status> {
    let data = open(data_dir, OpenMode::Existing)?;
    let started = Instant::now();
    let n = data.reindex()?;
    eprintln!(
        "reindexed {}: {n} documents at store generation {} in {:.2} s",
        data_dir.display(),
        data.generation()?,
        started.elapsed().as_secs_f64()
    );
    Ok(Status::Ok)
}
