//! `claimgraph ingest`: pages from URLs, files and directories, extracted
//! and saved as versions of their sources. URLs are fetched concurrently and
//! politely; files are extracted on every core; writes are batched (one
//! transaction and one index commit per batch). Every failure is reported
//! with its URL or file and the run goes on; a JSON summary on request.

use super::Status;
use super::args::{FetchArgs, IngestArgs};
use anyhow::{Context, Result};
use claimgraph::annotated::reanchor::AnchorStatus;
use claimgraph::attribute::{Found, MAX_ATTRIBUTIONS, Options, find_if_read, was_capped};
use claimgraph::ingest::extract::{Article, extract};
use claimgraph::ingest::fetch::FetchOptions;
use claimgraph::ingest::files::{page_files, read_page};
use claimgraph::ingest::neardup;
use claimgraph::ingest::reading::Reading;
use claimgraph::ingest::save::{Saved, Staged, batch_holds_source_of, commit, stage};
use claimgraph::jobs::file::Job;
use claimgraph::jobs::run::{BATCH, Progress, Report as JobReport, RunOptions, url_job};
use claimgraph::store::DataDir;
use claimgraph::store::OpenMode;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Counts for the summary.
impl Summary {
    /// Adds a job pass's counts.
    fn absorb(&mut self, r: &JobReport) {
        self.fetched += r.fetched;
        self.not_modified += r.not_modified;
        self.new_sources += r.new_sources;
        self.new_versions += r.new_versions;
        self.unchanged += r.unchanged;
        self.claims += r.claims;
        self.near_duplicates += r.near_duplicates;
        self.unread_language += r.unread_language;
        self.capped_attributions += r.capped_attributions;
        self.decoding_notes += r.decoding_notes;
        for (k, v) in &r.annotations {
            *self.annotations.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &r.errors {
            *self.errors.entry(k.clone()).or_default() += v;
        }
    }
}

#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    inputs: usize,
    fetched: usize,
    not_modified: usize,
    new_sources: usize,
    new_versions: usize,
    unchanged: usize,
    /// Claims found in new versions (attributions, author assertions included).
    claims: usize,
    /// Links written between claims worded almost the same.
    near_duplicates: usize,
    /// Pages stored without claims because they are written in neither
    /// English nor Chinese, the languages claims are read in.
    unread_language: usize,
    /// Pages with more attributions than are read in one, stored with the
    /// first of them only.
    capped_attributions: usize,
    /// Pages stored with a note on their decoding: bytes their encoding
    /// could not decode (U+FFFD in their place), or a UTF-8 declaration
    /// their bytes belie (read in another encoding); each named on stderr.
    decoding_notes: usize,
    /// People's annotations of changed sources, by what became of them in
    /// the new version: anchored, moved, orphaned (never deleted).
    annotations: BTreeMap<String, usize>,
    errors: BTreeMap<String, usize>,
    seconds: f64,
}

/// One pass of `job`, with errors and notes on stderr, and progress: a
/// line kept up to date on a terminal, else (a log: cron, systemd) a line
/// per batch stored, unless `quiet`.
fn run_job(data: &DataDir, job: &Job, quiet: bool) -> Result<JobReport> {
    let tty = std::io::stderr().is_terminal();
    let mut planned = 0;
    let mut on_line = false;
    let report = claimgraph::jobs::run::run(data, job, &RunOptions::default(), &mut |p| match p {
        Progress::Planned(n) => planned = n,
        Progress::Page(done) => {
            if tty && !quiet {
                eprint!("\rpages {done}/{planned}");
                on_line = true;
            }
        }
        Progress::Stored { pages, done } => {
            if !tty && !quiet {
                let noun = if pages == 1 { "page" } else { "pages" };
                eprintln!("claimgraph: stored {pages} {noun} ({done} of {planned} dealt with)");
            }
        }
        Progress::Error(message) => {
            if on_line {
                eprintln!();
                on_line = false;
            }
            eprintln!("claimgraph: error: {message}");
        }
        Progress::Note(note) => {
            if on_line {
                eprintln!();
                on_line = false;
            }
            eprintln!("claimgraph: {note}");
        }
    })?;
    if on_line {
        eprintln!();
    }
    Ok(report)
}

/// What became of people's annotations of changed sources (by status:
/// anchored, moved, orphaned), when there were any.
fn print_annotation_outcomes(outcomes: &BTreeMap<String, usize>) {
    if outcomes.is_empty() {
        return;
    }
    let count = |k: &str| outcomes.get(k).copied().unwrap_or(0);
    eprintln!(
        "people's annotations of changed sources: {} anchored, {} moved, {} orphaned",
        count("anchored"),
        count("moved"),
        count("orphaned")
    );
}

/// Loads, on a thread of its own, what finding and indexing claims need:
/// the English model, while the store opens and the first pages are read,
/// instead of holding up the first extraction workers; then the Chinese
/// word segmenter, which indexing needs for the Chinese names of the
/// gazetteer entities a claim is about (building its dictionary was half
/// the instructions of a one-page ingest, BENCHMARKS.md).
fn prepare_for_claims() {
    std::thread::spawn(|| {
        claimgraph::attribute::english_model();
        claimgraph::index::analysis::prepare();
    });
}

/// Says how many pages were stored without claims for their language.
fn print_left_out(pages: usize, languages: &[String]) {
    if pages > 0 {
        eprintln!(
            "claimgraph: {pages} fetched {} left out, not in the job's languages ({})",
            if pages == 1 { "page" } else { "pages" },
            languages.join(", ")
        );
    }
}

fn print_unread(pages: usize) {
    if pages > 0 {
        eprintln!(
            "claimgraph: {pages} {} in neither English nor Chinese stored without claims (claims are read in those two)",
            if pages == 1 { "page" } else { "pages" }
        );
    }
}

fn print_capped(pages: usize) {
    if pages > 0 {
        eprintln!(
            "claimgraph: {pages} {} with more than {MAX_ATTRIBUTIONS} attributions stored with the first {MAX_ATTRIBUTIONS} only",
            if pages == 1 { "page" } else { "pages" }
        );
    }
}

/// `ingest --job FILE`: one pass, its report.
fn run_job_file(data_dir: &Path, path: &Path, args: &IngestArgs) -> Result<Status> {
    let job = Job::read(path)?;
    if job.claims && !args.no_claims {
        prepare_for_claims();
    }
    let data = super::open(data_dir, OpenMode::Create)?;
    for note in claimgraph::load::ensure_vocabulary(&data)? {
        eprintln!("claimgraph: {note}");
    }
    let mut job = job;
    job.claims &= !args.no_claims;
    job.author_assertions &= !args.no_author_assertions;
    // The command line's switches add to the job file's [fetch] (its
    // values, which have defaults, cannot tell given from not given).
    job.fetch.allow_private |= args.fetch.allow_private;
    job.fetch.robots &= !args.fetch.ignore_robots;
    let report = run_job(&data, &job, args.quiet)?;
    print_annotation_outcomes(&report.annotations);
    eprintln!(
        "job {}: {} feeds and sitemaps ({} not modified), {} pages listed and {} stored before, {} filtered out, {} fetched recently, {} left for the next pass; {} fetched, {} not modified, {} new sources, {} new versions, {} unchanged, {} claims, {} errors ({:.1} s){}",
        report.job,
        report.feeds,
        report.feeds_not_modified,
        report.discovered,
        report.known,
        report.filtered,
        report.skipped,
        report.deferred,
        report.fetched,
        report.not_modified,
        report.new_sources,
        report.new_versions,
        report.unchanged,
        report.claims,
        report.error_count(),
        report.seconds,
        if report.fetched + report.not_modified == 0 && report.error_count() == 0 {
            ": nothing new"
        } else {
            ""
        }
    );
    print_left_out(report.other_language, &job.languages);
    print_unread(report.unread_language);
    print_capped(report.capped_attributions);
    if let Some(path) = &args.report {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
    }
    // Every input failed: no list read, no page stored or found as it was.
    let dealt_with = report.feeds
        + report.feeds_not_modified
        + report.new_sources
        + report.new_versions
        + report.unchanged
        + report.not_modified;
    Ok(if report.error_count() == 0 {
        Status::Ok
    } else if dealt_with == 0 {
        Status::Error
    } else {
        Status::Partial
    })
}

pub fn run(data_dir: &Path, args: IngestArgs) -> Result<Status> {
    if let Some(job) = &args.job {
        return run_job_file(data_dir, job, &args);
    }
    let started = std::time::Instant::now();
    if !args.no_claims {
        prepare_for_claims();
    }
    let data = super::open(data_dir, OpenMode::Create)?;
    let (urls, paths): (Vec<String>, Vec<PathBuf>) = {
        let mut urls = Vec::new();
        let mut paths = Vec::new();
        for input in &args.inputs {
            if is_url(input) {
                urls.push(input.clone());
            } else {
                paths.push(PathBuf::from(input));
            }
        }
        (urls, paths)
    };
    let mut summary = Summary::default();
    // Claims link to the gazetteer's entities: make sure they are there.
    for note in claimgraph::load::ensure_vocabulary(&data)? {
        eprintln!("claimgraph: {note}");
    }
    let mut batch: Vec<Staged> = Vec::new();
    let retrieved = claimgraph::text::now_iso();
    let tty = std::io::stderr().is_terminal() && !args.quiet;
    let reading = Reading::of((!args.no_claims).then_some(Options {
        author_assertions: !args.no_author_assertions,
    }));

    // Files: extracted in parallel, saved in order.
    let files = page_files(&paths);
    summary.inputs += files.len();
    let total = files.len();
    let mut done = 0;
    extract_files(&files, &args, |article| {
        done += 1;
        if tty {
            eprint!("\rfiles {done}/{total}");
        }
        // A second file of a source already in this batch (two saved
        // copies of one article, or files given one --url): store the
        // batch first, so this one is staged against what it holds and
        // becomes a version of its own rather than replacing the other.
        if let Ok((a, _)) = &article
            && batch_holds_source_of(&batch, a)
        {
            flush(&data, &mut batch, &mut summary)?;
        }
        match article.and_then(|(a, found)| {
            let unread = found.is_none();
            let capped = found.as_deref().is_some_and(was_capped);
            if capped {
                eprintln!(
                    "claimgraph: {}: more attributions than the {MAX_ATTRIBUTIONS} read in one \
                     page; only the first {MAX_ATTRIBUTIONS} are stored",
                    a.location
                );
            }
            let note = a.decoding_note();
            if let Some(note) = &note {
                eprintln!("claimgraph: {note}");
            }
            let undecodable = note.is_some();
            let staged = stage(&data, &a, &retrieved, &found.unwrap_or_default(), reading)?;
            Ok((staged, unread, capped, undecodable))
        }) {
            Ok((s, unread, capped, undecodable)) => {
                summary.unread_language += usize::from(unread);
                summary.capped_attributions += usize::from(capped);
                summary.decoding_notes += usize::from(undecodable);
                batch.push(s);
            }
            Err(e) => {
                let kind = e
                    .chain()
                    .find_map(|c| c.downcast_ref::<claimgraph::Error>())
                    .map_or("extract", claimgraph::Error::page_kind);
                report(&mut summary, kind, &e)
            }
        }
        // Batches of 64 let saving overlap extraction. One batch of 181
        // pages ran 5 % less CPU (RocksDB compacts fewer ingested files)
        // but more wall time, saving only after extracting (BENCHMARKS.md).
        if batch.len() >= BATCH {
            flush(&data, &mut batch, &mut summary)?;
        }
        Ok(())
    })?;
    flush(&data, &mut batch, &mut summary)?;
    if tty && total > 0 {
        eprintln!();
    }

    // URLs: one pass of a job made of them, fetched every time
    // (conditionally: the journal in the store keeps the validators).
    if !urls.is_empty() {
        summary.inputs += urls.len();
        let mut job = url_job("command-line", urls, fetch_options(&args.fetch));
        job.claims = !args.no_claims;
        job.author_assertions = !args.no_author_assertions;
        let report = run_job(&data, &job, args.quiet)?;
        summary.absorb(&report);
    }
    summary.seconds = started.elapsed().as_secs_f64();
    let errors: usize = summary.errors.values().sum();
    print_annotation_outcomes(&summary.annotations);
    eprintln!(
        "{} inputs: {} new sources, {} new versions, {} unchanged, {} not modified, {} claims, {} near-duplicate links, {} errors ({:.1} s)",
        summary.inputs,
        summary.new_sources,
        summary.new_versions,
        summary.unchanged,
        summary.not_modified,
        summary.claims,
        summary.near_duplicates,
        errors,
        summary.seconds
    );
    print_unread(summary.unread_language);
    print_capped(summary.capped_attributions);
    if let Some(path) = &args.report {
        std::fs::write(path, serde_json::to_string_pretty(&summary)? + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let dealt_with =
        summary.new_sources + summary.new_versions + summary.unchanged + summary.not_modified;
    Ok(if errors == 0 {
        Status::Ok
    } else if dealt_with == 0 {
        // Every input failed.
        Status::Error
    } else {
        Status::Partial
    })
}

/// The fetch options the command line asks for.
pub(super) fn fetch_options(args: &FetchArgs) -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs_f64(args.timeout.min(30.0)),
        read_timeout: Duration::from_secs_f64(args.timeout),
        total_timeout: Duration::from_secs_f64(args.timeout * 2.0),
        max_bytes: args.max_bytes,
        contact: args.contact.clone(),
        robots: !args.ignore_robots,
        allow_private: args.allow_private,
        host_delay: Duration::from_secs_f64(args.delay),
        concurrency: args.concurrency,
        retries: args.retries,
        ..FetchOptions::default()
    }
}

/// The small runtime fetches run on.
pub(super) fn http_runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the HTTP runtime")
}

/// Whether a command-line input is a URL rather than a path.
pub(super) fn is_url(input: &str) -> bool {
    input.contains("://")
}

fn report(summary: &mut Summary, kind: &str, e: &anyhow::Error) {
    eprintln!("claimgraph: error: {}", super::error_text(e));
    *summary.errors.entry(kind.to_owned()).or_default() += 1;
}

fn flush(data: &DataDir, batch: &mut Vec<Staged>, summary: &mut Summary) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    summary.near_duplicates += neardup::link(data, batch)?;
    commit(data, batch)?;
    summary.claims += batch.iter().map(|s| s.claim_count()).sum::<usize>();
    for s in batch.iter() {
        for (m, f) in s.reanchored() {
            *summary
                .annotations
                .entry(f.status.as_str().to_owned())
                .or_default() += 1;
            if f.status != AnchorStatus::Anchored {
                eprintln!("claimgraph: {}", claimgraph::jobs::reanchor_note(s, m, f));
            }
        }
    }
    for s in batch.drain(..) {
        match s.saved {
            Saved::NewSource => summary.new_sources += 1,
            Saved::NewVersion { .. } => summary.new_versions += 1,
            Saved::Unchanged => summary.unchanged += 1,
        }
    }
    Ok(())
}

/// Reads and extracts files on all cores and hands the results to `sink`
/// in input order, on this thread, while the next pages are being
/// extracted (so saving overlaps extraction). A file without a canonical
/// link is named by its `file://` URL (or `--url`). A panic while
/// extracting one page is reported as that page's error.
fn extract_files(
    files: &[claimgraph::Result<PathBuf>],
    args: &IngestArgs,
    mut sink: impl FnMut(Result<(Article, Option<Vec<Found>>)>) -> Result<()>,
) -> Result<()> {
    let one = |file: &claimgraph::Result<PathBuf>| -> Result<(Article, Option<Vec<Found>>)> {
        let path = file.as_ref().map_err(|e| anyhow::anyhow!("{e}"))?;
        let bytes = read_page(path, args.fetch.max_bytes)?;
        let location = path.display().to_string();
        let extracted = claimgraph::unless_panicked(&location, "extraction", "page", || {
            extract(&bytes, &location, args.url.as_deref(), None)
        })
        .map_err(anyhow::Error::msg)?;
        let mut article = extracted.map_err(|e| anyhow::anyhow!("{location}: {e}"))?;
        if article.canonical_url.is_none() {
            let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            article.canonical_url = url::Url::from_file_path(&absolute)
                .ok()
                .map(|u| u.to_string());
        }
        let found = claimgraph::unless_panicked(&location, "attribution", "page", || {
            attributions(&article, args)
        })
        .map_err(anyhow::Error::msg)?;
        Ok((article, found))
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) =
        std::sync::mpsc::sync_channel::<(usize, Result<(Article, Option<Vec<Found>>)>)>(BATCH * 2);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (one, next, tx) = (&one, &next, tx.clone());
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    if tx.send((i, one(file))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Results arrive in any order; they leave in input order.
        let mut pending = std::collections::BTreeMap::new();
        let mut emitted = 0;
        for (i, result) in rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&emitted) {
                emitted += 1;
                sink(result)?;
            }
        }
        Ok(())
    })
}

/// Who claimed what in an article's text (nothing with `--no-claims`);
/// `None` when its language is not one claims are read in.
fn attributions(article: &Article, args: &IngestArgs) -> Option<Vec<Found>> {
    if args.no_claims {
        return Some(Vec::new());
    }
    let options = Options {
        author_assertions: !args.no_author_assertions,
    };
    find_if_read(&article.text(), article.language.as_deref(), options)
}
