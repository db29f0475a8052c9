//! `claimgraph reattribute`: the claims of stored versions found again with
//! this build's model and rules, read in parallel, written in batches (one
//! write and one index commit each) with near-duplicate links, and listed
//! as what each version loses and gains.

use super::args::{ReattributeArgs, ReportFormat};
use super::{Status, open};
use anyhow::{Result, bail};
use claimgraph::attribute::Options;
use claimgraph::ingest::neardup;
use claimgraph::ingest::reading::Reading;
use claimgraph::ingest::reattribute::{
    ClaimRow, DroppedLink, Reattributed, SourceFacts, drop_dangling_links, ingested_sources,
    reread, reviewed_claims,
};
use claimgraph::ingest::save::{Staged, StoredVersion, commit, versions};
use claimgraph::jobs::run::BATCH;
use claimgraph::store::{DataDir, OpenMode};
use oxigraph::model::NamedNode;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    sources: usize,
    versions: usize,
    changed: usize,
    claims_removed: usize,
    claims_added: usize,
    /// Reviewed claims no longer found, kept with their old attributions.
    reviewed_kept: usize,
    near_duplicates: usize,
    /// Near-duplicate links of claims found again that this build's rules
    /// refuse, dropped.
    near_duplicate_links_dropped: usize,
    /// Near-duplicate links kept with another score or method.
    near_duplicate_links_rescored: usize,
    /// Near-duplicate links dropped because the claim they pointed to is
    /// no longer stored anywhere.
    dangling_links_dropped: usize,
    dry_run: bool,
    /// Versions whose reading failed (each named on stderr); their claims
    /// stay as they were.
    errors: usize,
    /// Versions not read because their ingest chose `--no-claims`.
    left_unread: usize,
    seconds: f64,
}

#[derive(Debug, serde::Serialize)]
struct VersionChange<'a> {
    source: &'a str,
    url: Option<&'a str>,
    version: &'a str,
    removed: Vec<&'a ClaimRow>,
    added: Vec<&'a ClaimRow>,
    reviewed_kept: usize,
    links_dropped: &'a [DroppedLink],
    links_rescored: usize,
    links_added: usize,
}

/// One version to read again.
struct Task {
    source: NamedNode,
    facts: SourceFacts,
    version: StoredVersion,
}

pub fn run(data_dir: &Path, args: ReattributeArgs) -> Result<Status> {
    let started = Instant::now();
    let data = open(data_dir, OpenMode::Existing)?;
    let ingested = ingested_sources(&data)?;
    let sources: Vec<NamedNode> = if args.sources.is_empty() {
        ingested
    } else {
        let known: HashSet<&NamedNode> = ingested.iter().collect();
        let mut out = Vec::new();
        for url in &args.sources {
            let iri = super::source_named(url)?;
            if !known.contains(&iri) {
                bail!(
                    "no ingested source has the URL {url} (sources are named by their canonical URL; `claimgraph query --name sources` lists them)"
                );
            }
            out.push(iri);
        }
        out
    };
    let reviewed = reviewed_claims(&data)?;
    let wanted = Reading::of(Some(Options {
        author_assertions: !args.no_author_assertions,
    }));
    let tty = std::io::stderr().is_terminal();
    let mut summary = Summary {
        sources: sources.len(),
        dry_run: args.dry_run,
        ..Summary::default()
    };
    let mut out = std::io::stdout().lock();
    let mut json: Vec<serde_json::Value> = Vec::new();
    let mut tasks: Vec<Task> = Vec::new();
    let mut linked = neardup::LinkedPairs::new();
    for (done, source) in sources.iter().enumerate() {
        let facts = SourceFacts::of(&data, source)?;
        let mut stored = versions(&data, source)?;
        if !args.all_versions {
            stored = stored.pop().into_iter().collect();
        }
        tasks.extend(stored.into_iter().map(|version| Task {
            source: source.clone(),
            facts: facts.clone(),
            version,
        }));
        let last = done + 1 == sources.len();
        if tasks.len() >= BATCH || (last && !tasks.is_empty()) {
            let (read, mut staged): (Vec<Reattributed>, Vec<Staged>) = reread_all(
                &data,
                &tasks,
                &reviewed,
                wanted,
                args.override_ingest_choice,
            )?
            .into_iter()
            .filter_map(|r| {
                r.map_err(|e| {
                    eprintln!("claimgraph: error: {e}");
                    summary.errors += 1;
                })
                .ok()
            })
            .unzip();
            tasks.clear();
            summary.versions += read.len();
            // Every claim read is linked (in a dry run too: linking only
            // reads the index); a version changed when its claims graph
            // did or it gained a link.
            let gained = neardup::link_each(&data, &mut staged, &mut linked)?;
            let mut to_write = Vec::new();
            for ((r, graph), links_added) in read.iter().zip(staged).zip(gained) {
                let change = VersionChange {
                    source: r.source.as_str(),
                    url: r.url.as_deref(),
                    version: r.version.as_str(),
                    removed: r.removed().collect(),
                    added: r.added().collect(),
                    reviewed_kept: r.kept_reviewed,
                    links_dropped: &r.links_dropped,
                    links_rescored: r.links_rescored,
                    links_added,
                };
                summary.reviewed_kept += r.kept_reviewed;
                summary.left_unread += usize::from(r.left_unread);
                if r.unchanged && links_added == 0 {
                    continue;
                }
                summary.changed += 1;
                summary.claims_removed += change.removed.len();
                summary.claims_added += change.added.len();
                summary.near_duplicates += links_added;
                summary.near_duplicate_links_dropped += change.links_dropped.len();
                summary.near_duplicate_links_rescored += change.links_rescored;
                match args.format {
                    ReportFormat::Json => json.push(serde_json::to_value(&change)?),
                    ReportFormat::Table => print_change(&mut out, &change)?,
                }
                to_write.push(graph);
            }
            if !args.dry_run && !to_write.is_empty() {
                commit(&data, &to_write)?;
            }
            // A line kept up to date on a terminal, else (a log) a line per
            // batch.
            if !args.quiet {
                let line = format!("sources {}/{}", done + 1, sources.len());
                if tty {
                    eprint!("\r{line}");
                } else {
                    eprintln!("{line}");
                }
            }
        }
    }
    if tty && !args.quiet {
        eprintln!();
    }
    if !args.dry_run && summary.changed > 0 {
        summary.dangling_links_dropped = drop_dangling_links(&data)?;
    }
    summary.seconds = started.elapsed().as_secs_f64();
    if args.format == ReportFormat::Json {
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "summary": &summary, "changes": json }),
        )?;
        writeln!(out)?;
    }
    report(data_dir, &summary);
    Ok(if summary.errors > 0 {
        Status::Partial
    } else {
        Status::Ok
    })
}

/// Reads `tasks` again on every core, in order. A reading that panics (a
/// bug, which a text should never trigger) fails that version alone: the
/// others are read and written, as ingest does with a page.
fn reread_all(
    data: &DataDir,
    tasks: &[Task],
    reviewed: &HashSet<NamedNode>,
    wanted: Reading,
    override_ingest: bool,
) -> Result<Vec<std::result::Result<(Reattributed, Staged), String>>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(tasks.len())
        .max(1);
    let chunk = tasks.len().div_ceil(workers);
    let read =
        |part: &[Task]| -> claimgraph::Result<Vec<std::result::Result<(Reattributed, Staged), String>>> {
            part.iter()
                .map(|t| {
                    let url = t.facts.url().unwrap_or(t.source.as_str());
                    let what = format!("{url} (version {})", t.version.hash);
                    let read = claimgraph::unless_panicked(&what, "attribution", "text", || {
                        reread(
                            data,
                            &t.source,
                            &t.facts,
                            &t.version,
                            reviewed,
                            wanted,
                            override_ingest,
                        )
                    });
                    match read {
                        Ok(Ok(r)) => Ok(Ok(r)),
                        Ok(Err(e)) => Err(e),
                        Err(e) => Ok(Err(format!("{e}; its claims stay as they were"))),
                    }
                })
                .collect()
        };
    let parts: Vec<claimgraph::Result<_>> = std::thread::scope(|scope| {
        let handles: Vec<_> = tasks
            .chunks(chunk.max(1))
            .map(|part| scope.spawn(move || read(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let mut out = Vec::with_capacity(tasks.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

fn print_change(out: &mut impl Write, change: &VersionChange<'_>) -> Result<()> {
    writeln!(
        out,
        "{}  ({})",
        change.url.unwrap_or(change.source),
        change.version
    )?;
    for (mark, rows) in [("-", &change.removed), ("+", &change.added)] {
        for row in rows.iter() {
            writeln!(out, "  {mark} {}: {}", row.claimant, row.claim)?;
        }
    }
    for link in change.links_dropped {
        writeln!(
            out,
            "  ~ no longer a near-duplicate: {} | {}",
            link.claim, link.near_duplicate
        )?;
    }
    if change.links_added > 0 {
        writeln!(
            out,
            "  ~ {} near-duplicate link(s) added",
            change.links_added
        )?;
    }
    if change.links_rescored > 0 {
        writeln!(
            out,
            "  ~ {} near-duplicate link(s) scored again",
            change.links_rescored
        )?;
    }
    if change.reviewed_kept > 0 {
        writeln!(
            out,
            "  = {} reviewed claim(s) no longer found, kept with their old attribution",
            change.reviewed_kept
        )?;
    }
    Ok(())
}

fn report(data_dir: &Path, s: &Summary) {
    let verb = if s.dry_run { "would change" } else { "changed" };
    eprintln!(
        "reattributed {} version(s) of {} source(s) in {}: {verb} {} ({} claim(s) removed, {} added), {} reviewed claim(s) kept, {} near-duplicate link(s) added, {} refused by this build's rules and dropped, {} scored again, {} dangling link(s) dropped, {:.2} s{}",
        s.versions - s.left_unread,
        s.sources,
        data_dir.display(),
        s.changed,
        s.claims_removed,
        s.claims_added,
        s.reviewed_kept,
        s.near_duplicates,
        s.near_duplicate_links_dropped,
        s.near_duplicate_links_rescored,
        s.dangling_links_dropped,
        s.seconds,
        if s.dry_run {
            " (dry run: nothing written)"
        } else {
            ""
        }
    );
    if s.left_unread > 0 {
        eprintln!(
            "claimgraph: {} version(s) not read: ingested with --no-claims (--override-ingest-choice reads them)",
            s.left_unread
        );
    }
}
