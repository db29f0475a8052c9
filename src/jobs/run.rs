//! One pass of a job: discover, fetch, extract, find who claimed what,
//! store — incrementally and resumably.
//!
//! 1. Feeds and sitemaps are fetched (conditionally, once a pass has taken
//!    all they listed) and give pages, after the job's own URLs' order:
//!    feeds first, then sitemaps (an index's children too), then URLs.
//! 2. Pages the include/exclude patterns leave out are dropped; pages the
//!    journal says were fetched within `revisit` are skipped; at most
//!    `max_items` of the rest are fetched. Pages stored by earlier passes
//!    that no list names now (a feed that answered 304, an item the feed
//!    dropped) follow the listed ones and are fetched again, conditionally,
//!    once `revisit` has passed, so an edited article gets a new version.
//! 3. Pages are fetched concurrently (politely: per host delay and
//!    concurrency, robots.txt, retries), extracted and read for claims on
//!    the runtime's blocking threads, and stored **in discovery order** in
//!    batches, each page with its journal entry in the same write. A pass
//!    killed at any point leaves the store and the journal consistent; the
//!    next pass skips what was stored and fetches the rest.

use super::discover::{DiscoverError, Item, Sitemap, feed_items, sitemap};
use super::file::Job;
use super::journal::{self, Entry};
use crate::attribute::{Found, Options, find_if_read, was_capped};
use crate::ingest::extract::{Article, extract};
use crate::ingest::fetch::{FetchError, Fetched, Fetcher, Validators, Want};
use crate::ingest::neardup;
use crate::ingest::reading::Reading;
use crate::ingest::save::{Saved, Staged, batch_holds_source_of, commit, stage};
use crate::store::DataDir;
use crate::{Error, Result};
use oxigraph::model::NamedOrBlankNode;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Articles written per write.
pub const BATCH: usize = 64;

/// Sitemap indexes are followed this deep.
const MAX_SITEMAP_DEPTH: usize = 2;

/// What a pass did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// The job.
    pub job: String,
    /// Feeds and sitemaps read.
    pub feeds: usize,
    /// Feeds and sitemaps unchanged since the last complete pass (304).
    pub feeds_not_modified: usize,
    /// Pages they and the job's URLs list.
    pub discovered: usize,
    /// Pages stored by earlier passes that no list named this pass: they
    /// are fetched again too once `revisit` has passed.
    pub known: usize,
    /// Left out by the include/exclude patterns.
    pub filtered: usize,
    /// Fetched within `revisit`: not fetched again.
    pub skipped: usize,
    /// Left for the next pass by `max_items`.
    pub deferred: usize,
    /// Pages fetched (full responses).
    pub fetched: usize,
    /// Pages the server said were not modified.
    pub not_modified: usize,
    /// Sources seen for the first time.
    pub new_sources: usize,
    /// New versions of known sources.
    pub new_versions: usize,
    /// Pages whose text was already stored.
    pub unchanged: usize,
    /// Pages in a language the job does not want.
    pub other_language: usize,
    /// Claims found in new versions.
    pub claims: usize,
    /// Near-duplicate links written.
    pub near_duplicates: usize,
    /// Pages stored without claims because they are written in neither
    /// English nor Chinese, the languages claims are read in.
    pub unread_language: usize,
    /// Pages with more attributions than are read in one
    /// ([`crate::attribute::MAX_ATTRIBUTIONS`]), stored with the first of them only.
    pub capped_attributions: usize,
    /// Pages stored with a note on their decoding: bytes their encoding
    /// could not decode (U+FFFD in their place), or a UTF-8 declaration
    /// their bytes belie (read in another encoding); each named.
    pub decoding_notes: usize,
    /// People's annotations of changed sources by what became of them.
    pub annotations: BTreeMap<String, usize>,
    /// Errors by kind.
    pub errors: BTreeMap<String, usize>,
    /// Pages read but not written when the pass was asked to stop; the
    /// next pass fetches them again.
    pub left_on_stop: usize,
    /// Whether every page wanted was dealt with (nothing deferred, nothing
    /// cancelled).
    pub complete: bool,
    /// Wall-clock seconds.
    pub seconds: f64,
}

impl Report {
    /// Errors in all.
    pub fn error_count(&self) -> usize {
        self.errors.values().sum()
    }
}

/// What the pass tells its caller as it goes.
#[derive(Debug)]
pub enum Progress<'a> {
    /// Pages to fetch in this pass.
    Planned(usize),
    /// One more page dealt with (fetched or failed), of the planned.
    Page(usize),
    /// A batch was committed: pages in it, pages dealt with so far.
    Stored {
        /// Pages in the batch.
        pages: usize,
        /// Pages dealt with so far in this pass.
        done: usize,
    },
    /// Something failed: the message names the URL.
    Error(&'a str),
    /// Something a person should know (an annotation moved or orphaned).
    Note(&'a str),
}

/// How a pass runs beyond the job file.
#[derive(Clone, Default)]
pub struct RunOptions {
    /// Set to stop the pass early (what is stored stays stored).
    pub cancel: Option<Arc<AtomicBool>>,
}

/// A page read for claims (`None`: not in a language claims are read
/// in), or why it could not be.
type Read = std::result::Result<(Article, Option<Vec<Found>>), String>;

enum Outcome {
    NotModified,
    Page(Box<(Fetched, Read)>),
}

fn error_kind(e: &FetchError) -> &'static str {
    e.kind()
}

/// Counts an error by kind and tells the caller.
fn fail(report: &mut Report, progress: &mut dyn FnMut(Progress<'_>), kind: &str, message: &str) {
    *report.errors.entry(kind.to_owned()).or_default() += 1;
    progress(Progress::Error(message));
}

/// Runs one pass of `job` against `data`.
pub fn run(
    data: &DataDir,
    job: &Job,
    options: &RunOptions,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<Report> {
    let started = std::time::Instant::now();
    let mut report = Report {
        job: job.name.clone(),
        ..Report::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Index(format!("cannot start the fetch runtime: {e}")))?;
    let fetcher =
        Arc::new(Fetcher::new(job.fetch.clone()).map_err(|e| Error::Input(e.to_string()))?);
    let known = journal::read(data.store(), &job.name)?;
    let now_text = crate::text::now_iso();
    let now = crate::index::docs::unix_seconds(&now_text).unwrap_or(0);
    let cancelled = || {
        options
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
    };

    // 1. Discovery.
    let mut items: Vec<Item> = Vec::new();
    let mut lists: Vec<Entry> = Vec::new();
    let validators = |url: &str| {
        known
            .get(url)
            .map(|e| Validators {
                etag: e.etag.clone(),
                last_modified: e.last_modified.clone(),
            })
            .unwrap_or_default()
    };
    let mut sitemap_queue: Vec<(String, usize)> =
        job.sitemaps.iter().map(|s| (s.clone(), 0)).collect();
    let feeds: Vec<(String, bool)> = job.feeds.iter().map(|f| (f.clone(), true)).collect();
    let mut i = 0;
    while i < feeds.len() + sitemap_queue.len() {
        let (url, is_feed, depth) = if i < feeds.len() {
            (feeds[i].0.clone(), true, 0)
        } else {
            let (u, d) = sitemap_queue[i - feeds.len()].clone();
            (u, false, d)
        };
        i += 1;
        if cancelled() {
            break;
        }
        // A sitemap index is read in full each time: its children change
        // while it stays the same.
        let is_index = known.get(&url).and_then(|e| e.outcome.as_deref()) == Some("sitemap-index");
        let conditional = if is_index {
            Validators::default()
        } else {
            validators(&url)
        };
        let fetched = runtime.block_on(fetcher.fetch_as(&url, &conditional, Want::Feed));
        let page = match fetched {
            Ok(p) => p,
            Err(e) => {
                fail(&mut report, progress, error_kind(&e), &e.to_string());
                continue;
            }
        };
        report.feeds += 1;
        if page.not_modified {
            report.feeds_not_modified += 1;
            continue;
        }
        let mut outcome = if is_feed { "feed" } else { "sitemap" };
        let found: std::result::Result<Vec<Item>, DiscoverError> = if is_feed {
            feed_items(&url, &page.body)
        } else {
            match sitemap(&url, &page.body) {
                Ok(Sitemap::Pages(p)) => Ok(p),
                Ok(Sitemap::Index(children)) => {
                    outcome = "sitemap-index";
                    if depth < MAX_SITEMAP_DEPTH {
                        for c in children {
                            if !sitemap_queue.iter().any(|(u, _)| *u == c) {
                                sitemap_queue.push((c, depth + 1));
                            }
                        }
                    }
                    Ok(Vec::new())
                }
                Err(e) => Err(e),
            }
        };
        match found {
            Ok(found) => {
                items.extend(found);
                lists.push(Entry {
                    url: url.clone(),
                    etag: page.validators.etag.clone(),
                    last_modified: page.validators.last_modified.clone(),
                    fetched_at: Some(now_text.clone()),
                    source: None,
                    outcome: Some(outcome.into()),
                });
            }
            Err(e) => fail(
                &mut report,
                progress,
                if is_feed { "feed" } else { "sitemap" },
                &e.to_string(),
            ),
        }
    }
    items.extend(job.urls.iter().map(|u| Item {
        url: u.clone(),
        published: None,
    }));
    let mut seen = HashSet::new();
    items.retain(|i| seen.insert(i.url.clone()));
    report.discovered = items.len();
    // Pages the job stored before that no list named this pass (a feed
    // that answered 304 names none, and a feed drops its old items) come
    // after the listed ones, oldest fetch first: past `revisit` they are
    // fetched again, conditionally, so an article edited after it was read
    // gets its new version.
    let mut stored: Vec<&Entry> = known
        .values()
        .filter(|e| job.revisit_stored && e.source.is_some() && !seen.contains(&e.url))
        .collect();
    stored.sort_by(|a, b| a.fetched_at.cmp(&b.fetched_at).then(a.url.cmp(&b.url)));
    report.known = stored.len();
    items.extend(stored.into_iter().map(|e| Item {
        url: e.url.clone(),
        published: None,
    }));

    // 2. What to fetch.
    let mut wanted: Vec<Item> = Vec::new();
    for item in items {
        if !job.wants(&item.url) {
            report.filtered += 1;
            continue;
        }
        let fresh = known
            .get(&item.url)
            .and_then(|e| e.fetched_at.as_deref())
            .and_then(crate::index::docs::unix_seconds)
            .is_some_and(|t| now.saturating_sub(t) < job.revisit.as_secs() as i64);
        if fresh {
            report.skipped += 1;
            continue;
        }
        wanted.push(item);
    }
    if wanted.len() > job.max_items {
        report.deferred = wanted.len() - job.max_items;
        wanted.truncate(job.max_items);
    }
    progress(Progress::Planned(wanted.len()));
    // Pages that fail below keep their lists' validators from being
    // remembered, so that the next pass reads the lists in full and tries
    // them again.
    let errors_before_pages = report.error_count();

    // 3. Fetch, extract and read concurrently; store in order.
    let attribution = Options {
        author_assertions: job.author_assertions,
    };
    let claims = job.claims;
    let reading = Reading::of(claims.then_some(attribution));
    let (tx, rx) = std::sync::mpsc::channel::<(usize, std::result::Result<Outcome, FetchError>)>();
    for (index, item) in wanted.iter().enumerate() {
        let fetcher = Arc::clone(&fetcher);
        let tx = tx.clone();
        let url = item.url.clone();
        let v = validators(&url);
        let cancel = options.cancel.clone();
        runtime.spawn(async move {
            if cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed)) {
                return;
            }
            let outcome = match fetcher.fetch(&url, &v).await {
                Ok(page) if page.not_modified => Ok(Outcome::NotModified),
                Ok(page) => {
                    let read = tokio::task::spawn_blocking(move || {
                        let read = crate::unless_panicked(&page.url, "extraction", "page", || {
                            extract(
                                &page.body,
                                &page.url,
                                Some(&page.url),
                                page.content_type.as_deref(),
                            )
                            .map(|article| {
                                // `None`: not in a language claims are read in.
                                let found = if claims {
                                    find_if_read(
                                        &article.text(),
                                        article.language.as_deref(),
                                        attribution,
                                    )
                                } else {
                                    Some(Vec::new())
                                };

                                (article, found)
                            })
                            .map_err(|e| format!("{}: {e}", page.url))
                        })
                        .and_then(|read| read);
                        Outcome::Page(Box::new((page, read)))
                    })
                    .await;
                    read.map_err(|e| FetchError::Network {
                        url: url.clone(),
                        message: format!("reading the page failed: {e}"),
                    })
                }
                Err(e) => Err(e),
            };
            let _ = tx.send((index, outcome));
        });
    }
    drop(tx);
    let mut batch: Vec<Staged> = Vec::new();
    let mut pending: BTreeMap<usize, std::result::Result<Outcome, FetchError>> = BTreeMap::new();
    let mut next = 0;
    let mut done = 0;
    for (index, outcome) in rx {
        if cancelled() {
            break;
        }
        pending.insert(index, outcome);
        while let Some(outcome) = pending.remove(&next) {
            // Asked to stop: not one more page.
            if cancelled() {
                break;
            }
            let url = &wanted[next].url;
            next += 1;
            done += 1;
            progress(Progress::Page(done));
            match outcome {
                Err(e) => fail(&mut report, progress, error_kind(&e), &e.to_string()),
                Ok(Outcome::NotModified) => report.not_modified += 1,
                Ok(Outcome::Page(boxed)) => {
                    let (page, read) = *boxed;
                    report.fetched += 1;
                    let entry = |source, outcome: &str| Entry {
                        url: url.clone(),
                        etag: page.validators.etag.clone(),
                        last_modified: page.validators.last_modified.clone(),
                        fetched_at: Some(now_text.clone()),
                        source,
                        outcome: Some(outcome.into()),
                    };
                    let (article, found) = match read {
                        Ok(r) => r,
                        Err(message) => {
                            fail(&mut report, progress, "extract", &message);
                            continue;
                        }
                    };
                    if !job.wants_language(article.language.as_deref()) {
                        report.other_language += 1;
                        let (g, q) =
                            journal::entry_quads(&job.name, &entry(None, "other-language"));
                        data.replace_graphs(&[NamedOrBlankNode::NamedNode(g)], &q)?;
                        continue;
                    }
                    // A second URL of a source already in this batch (the
                    // same article under two addresses): store the batch
                    // first, so this one is seen against what it holds.
                    if batch_holds_source_of(&batch, &article) {
                        flush(data, &mut batch, &mut report, done, progress)?;
                    }
                    let unread = found.is_none();
                    let capped = found.as_deref().is_some_and(was_capped);
                    match stage(
                        data,
                        &article,
                        &now_text,
                        &found.unwrap_or_default(),
                        reading,
                    ) {
                        Ok(mut s) => {
                            report.unread_language += usize::from(unread);
                            report.capped_attributions += usize::from(capped);
                            if let Some(note) = article.decoding_note() {
                                report.decoding_notes += 1;
                                progress(Progress::Note(&note));
                            }
                            let outcome = match &s.saved {
                                Saved::NewSource => "new-source",
                                Saved::NewVersion { .. } => "new-version",
                                Saved::Unchanged => "unchanged",
                            };
                            let (g, q) = journal::entry_quads(
                                &job.name,
                                &entry(Some(s.source.clone()), outcome),
                            );
                            s.add_graph(g, q);
                            batch.push(s);
                        }
                        Err(e) => fail(&mut report, progress, "extract", &e.to_string()),
                    }
                    if batch.len() >= BATCH {
                        flush(data, &mut batch, &mut report, done, progress)?;
                    }
                }
            }
        }
        if cancelled() {
            break;
        }
    }
    if cancelled() {
        // Stopping: the pages read but not yet written are left, journal
        // entries and all, for the next pass to fetch again, rather than
        // linked and written now (a batch can take a minute).
        report.left_on_stop = batch.len();
        batch.clear();
    } else {
        flush(data, &mut batch, &mut report, done, progress)?;
    }
    let finished = next == wanted.len();
    report.complete = finished && report.deferred == 0 && !cancelled();
    // Feeds and sitemaps remember their validators only once every page
    // they listed was stored (or found unchanged), so a pass cut short, or
    // one where a page failed (a 503, a timeout), reads them again: a 304
    // would otherwise hide that page until the list changes.
    let pages_failed = report.error_count() > errors_before_pages;
    if report.complete && !pages_failed && !lists.is_empty() {
        let mut graphs = Vec::new();
        let mut quads = Vec::new();
        for l in &lists {
            let (g, q) = journal::entry_quads(&job.name, l);
            graphs.push(NamedOrBlankNode::NamedNode(g));
            quads.extend(q);
        }
        data.replace_graphs(&graphs, &quads)?;
    }
    runtime.shutdown_background();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Writes a batch and counts what it did.
fn flush(
    data: &DataDir,
    batch: &mut Vec<Staged>,
    report: &mut Report,
    done: usize,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    report.near_duplicates += neardup::link(data, batch)?;
    commit(data, batch)?;
    progress(Progress::Stored {
        pages: batch.len(),
        done,
    });
    for s in batch.drain(..) {
        report.claims += s.claim_count();
        for (m, f) in s.reanchored() {
            *report
                .annotations
                .entry(f.status.as_str().to_owned())
                .or_default() += 1;
            if f.status != crate::annotated::reanchor::AnchorStatus::Anchored {
                progress(Progress::Note(&super::reanchor_note(&s, m, f)));
            }
        }
        match s.saved {
            Saved::NewSource => report.new_sources += 1,
            Saved::NewVersion { .. } => report.new_versions += 1,
            Saved::Unchanged => report.unchanged += 1,
        }
    }
    Ok(())
}

/// A job made of URLs alone, as `claimgraph ingest URL…` runs them:
/// fetched every time (conditionally), journal under `name`.
pub fn url_job(name: &str, urls: Vec<String>, fetch: crate::ingest::fetch::FetchOptions) -> Job {
    // Every URL given is fetched: a person asking for it wants it now.
    Job {
        name: name.into(),
        feeds: Vec::new(),
        sitemaps: Vec::new(),
        urls,
        include: Vec::new(),
        exclude: Vec::new(),
        languages: Vec::new(),
        max_items: usize::MAX,
        revisit: std::time::Duration::ZERO,
        revisit_stored: false,
        claims: true,
        author_assertions: true,
        fetch,
    }
}
