//! `claimgraph serve`: the data directory over HTTP, with scheduled jobs.

use super::Status;
use super::args::ServeArgs;
use anyhow::{Result, bail};
use claimgraph::serve::{ServeOptions, serve};
use claimgraph::store::OpenMode;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

pub fn run(data_dir: &Path, args: ServeArgs) -> Result<Status> {
    if args.allow_update && args.token.as_deref().is_none_or(str::is_empty) {
        bail!("--allow-update needs a token: --token TOKEN or CLAIMGRAPH_TOKEN");
    }
    if let Some(dir) = &args.schedule
        && !dir.is_dir()
    {
        bail!("--schedule {}: not a directory of job files", dir.display());
    }
    let data = super::open(data_dir, OpenMode::Create)?;
    for note in claimgraph::load::ensure_vocabulary(&data)? {
        eprintln!("claimgraph: {note}");
    }
    let options = ServeOptions {
        bind: args.bind,
        schedule: args.schedule.clone(),
        every: args.every,
        allow_update: args.allow_update,
        token: args.token.clone(),
        timeout: Duration::from_secs_f64(args.timeout),
        max_rows: args.max_rows,
        max_concurrent: args
            .max_concurrent
            .map_or_else(claimgraph::serve::default_concurrency, usize::from),
    };
    let dir = data_dir.display().to_string();
    serve(
        data,
        options,
        |addr| {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "serving {dir} at http://{addr} (SPARQL at /sparql, search at /search, health at /health, jobs at /jobs)"
            );
            let _ = out.flush();
        },
        |line| eprintln!("claimgraph serve: {line}"),
    )?;
    Ok(Status::Ok)
}
