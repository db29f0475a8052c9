//! `claimgraph serve`: one process owns the data directory, answers the
//! SPARQL 1.1 Protocol and full-text search over HTTP, and runs ingestion
//! jobs on a schedule.
//!
//! - `/sparql`: queries by GET (`?query=`) or POST (form `query=`, or a body
//!   of `application/sparql-query`); SELECT and ASK results as JSON, XML,
//!   CSV or TSV, CONSTRUCT and DESCRIBE as Turtle, N-Triples, JSON-LD or
//!   RDF/XML, by `Accept` (or a `format` parameter). Every query runs under
//!   a timeout (its evaluation is cancelled) and a cap on rows. SPARQL
//!   Update (form `update=` or `application/sparql-update`) only with
//!   `allow_update` and the bearer token.
//! - `/named/NAME?param=value`: a named query, its parameters bound as RDF
//!   terms (as `claimgraph query --name` does).
//! - `/search?q=`: full-text search, as `claimgraph search --format json`
//!   (`limit`, `lang`, `since`, `until`, `claimant`, `reporter`).
//! - `/stats`: the counts `claimgraph stats --format json` prints (which goes
//!   through it when a server owns the data directory).
//! - `/health`: store and index generations, queries and searches answered, uptime;
//!   `writing` while a pass or an update holds the write lock (the index may
//!   then trail the store for a moment, and the status stays `ok`).
//! - `/jobs`: each scheduled job's last pass.
//!
//! Writes (scheduled passes and updates) take one lock, so one writes at a
//! time; queries read on snapshots meanwhile.

use crate::index::search::{SearchOptions, search};
use crate::jobs::file::Job;
use crate::jobs::run::{Report, RunOptions};
use crate::queries::prepare;
use crate::store::DataDir;
use crate::{Error, Result};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults};
use serde::Serialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on.
    pub bind: SocketAddr,
    /// Directory of job files to run on a schedule.
    pub schedule: Option<PathBuf>,
    /// Time between the starts of two scheduled passes.
    pub every: Duration,
    /// Accept SPARQL Update (with the token).
    pub allow_update: bool,
    /// Bearer token updates must carry.
    pub token: Option<String>,
    /// A query's longest run.
    pub timeout: Duration,
    /// Rows (or triples) returned at most.
    pub max_rows: usize,
    /// Queries evaluated at once; more wait their turn (so that a
    /// scheduled pass keeps a share of the cores under heavy query load).
    pub max_concurrent: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            schedule: None,
            every: Duration::from_secs(30 * 60),
            allow_update: false,
            token: None,
            timeout: Duration::from_secs(30),
            max_rows: 100_000,
            max_concurrent: default_concurrency(),
        }
    }
}

/// Queries evaluated at once by default: the number of cores.
pub fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// A scheduled job's state, for `/jobs`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct JobStatus {
    /// The job file.
    pub file: String,
    /// Whether a pass is running.
    pub running: bool,
    /// When the last pass started (ISO 8601).
    pub last_started: Option<String>,
    /// Its report.
    pub last_report: Option<Report>,
    /// Why it could not run, if it could not.
    pub last_error: Option<String>,
    /// Passes run since the server started.
    pub passes: usize,
}

struct App {
    data: DataDir,
    options: ServeOptions,
    write: Mutex<()>,
    jobs: Mutex<Vec<JobStatus>>,
    queries: std::sync::atomic::AtomicU64,
    /// Searches answered (`/search`).
    searches: std::sync::atomic::AtomicU64,
    started: Instant,
    /// One permit per query (or search) being evaluated.
    slots: Arc<tokio::sync::Semaphore>,
}

/// A response with a status and a plain-text message.
fn text(status: StatusCode, message: impl Into<String>) -> Response {
    let mut m = message.into();
    m.push('\n');
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        m,
    )
        .into_response()
}

/// What a client accepts, in the order it prefers: by q-value, highest
/// first (1 when not given), ties in the order listed; `q=0` means "not
/// this".
fn accepted(headers: &HeaderMap) -> Vec<String> {
    media_ranges(
        headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    )
}

/// The media ranges of an `Accept` value, by preference ([`accepted`]).
fn media_ranges(accept: &str) -> Vec<String> {
    let mut ranges: Vec<(f32, String)> = accept
        .split(',')
        .filter_map(|part| {
            let mut params = part.split(';');
            let range = params.next()?.trim().to_ascii_lowercase();
            let q = params
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!range.is_empty() && q > 0.0).then_some((q, range))
        })
        .collect();
    // A stable sort keeps the listed order among equal q-values.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranges.into_iter().map(|(_, r)| r).collect()
}

/// The results format for SELECT/ASK.
fn results_format(accept: &[String], hint: Option<&str>) -> QueryResultsFormat {
    if let Some(h) = hint {
        match h.to_ascii_lowercase().as_str() {
            "xml" => return QueryResultsFormat::Xml,
            "csv" => return QueryResultsFormat::Csv,
            "tsv" => return QueryResultsFormat::Tsv,
            "json" => return QueryResultsFormat::Json,
            _ => {}
        }
    }
    for a in accept {
        if let Some(f) = QueryResultsFormat::from_media_type(a) {
            return f;
        }
        match a.as_str() {
            "application/xml" | "text/xml" => return QueryResultsFormat::Xml,
            "application/json" => return QueryResultsFormat::Json,
            _ => {}
        }
    }
    QueryResultsFormat::Json
}

/// The RDF format for CONSTRUCT/DESCRIBE.
fn graph_format(accept: &[String], hint: Option<&str>) -> RdfFormat {
    let jsonld = RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    };
    if let Some(h) = hint {
        match h.to_ascii_lowercase().as_str() {
            "turtle" | "ttl" => return RdfFormat::Turtle,
            "ntriples" | "n-triples" | "nt" => return RdfFormat::NTriples,
            "json-ld" | "jsonld" | "json" => return jsonld,
            "xml" | "rdfxml" | "rdf" => return RdfFormat::RdfXml,
            _ => {}
        }
    }
    for a in accept {
        if let Some(f) = RdfFormat::from_media_type(a) {
            return f;
        }
        if a == "application/json" {
            return jsonld;
        }
    }
    RdfFormat::Turtle
}

/// Runs a query under the timeout and row cap.
fn answer(
    app: &Arc<App>,
    query: &str,
    accept: &[String],
    hint: Option<&str>,
    slot: Slot,
) -> Response {
    match prepare(
        query,
        "the HTTP request",
        Vec::new(),
        Some(app.data.fulltext()),
    ) {
        Ok(p) => answer_prepared(app, p, accept, hint, slot),
        Err(e) => text(StatusCode::BAD_REQUEST, e.to_string()),
    }
}

/// The stack of the threads that parse and evaluate queries.
const EVALUATION_STACK: usize = 16 << 20;

/// How long past its timeout a cancelled query may take to stop before the
/// client is answered without waiting for it.
const STOPPING_GRACE: Duration = Duration::from_millis(500);

/// Runs a prepared query under the timeout and row cap. The evaluation runs
/// on a thread of its own: the store's engine notices a cancellation only
/// when it next reads the store, and a sort (`ORDER BY`) of the rows
/// collected before the timeout runs to its end first (40 s past a 5 s
/// timeout, measured, for a sorted cross product). The client gets its 503
/// at the timeout all the same; the slot stays taken until the evaluation
/// has stopped, so such queries cannot pile up.
fn answer_prepared(
    app: &Arc<App>,
    prepared: crate::queries::Prepared,
    accept: &[String],
    hint: Option<&str>,
    slot: Slot,
) -> Response {
    app.queries.fetch_add(1, Ordering::Relaxed);
    let token = CancellationToken::new();
    let timeout = app.options.timeout;
    let deadline = Instant::now() + timeout;
    let cancelled = move |e: &dyn std::fmt::Display| {
        text(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "query cancelled after {:.1} s (the server's timeout): {e}",
                timeout.as_secs_f64()
            ),
        )
    };
    let (sender, receiver) = std::sync::mpsc::channel();
    let evaluation = {
        let (app, token) = (Arc::clone(app), token.clone());
        let (accept, hint) = (accept.to_vec(), hint.map(str::to_owned));
        std::thread::Builder::new()
            .stack_size(EVALUATION_STACK)
            .spawn(move || {
                let _slot = slot;
                let timed_out = || Instant::now() >= deadline;
                let response = match prepared.run_cancellable(app.data.store(), false, Some(token))
                {
                    Err(e) if timed_out() => cancelled(&e),
                    Err(e) => text(StatusCode::BAD_REQUEST, e.to_string()),
                    Ok((results, _)) => match serialize(&app, results, &accept, hint.as_deref()) {
                        Ok(r) => r,
                        Err(e) if timed_out() => cancelled(&e),
                        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
                    },
                };
                let _ = sender.send(response);
            })
    };
    let evaluation = match evaluation {
        Ok(handle) => handle,
        Err(e) => {
            return text(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("cannot start the query's evaluation: {e}"),
            );
        }
    };
    use std::sync::mpsc::RecvTimeoutError;
    let response = match receiver.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(r) => r,
        Err(RecvTimeoutError::Timeout) => {
            token.cancel();
            receiver.recv_timeout(STOPPING_GRACE).unwrap_or_else(|_| {
                cancelled(&"its evaluation is still stopping (sorting or joining the rows it had)")
            })
        }
        Err(RecvTimeoutError::Disconnected) => {
            let why = match evaluation.join() {
                Err(panic) => panic
                    .downcast_ref::<&str>()
                    .map(|m| m.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default(),
                Ok(()) => String::new(),
            };
            return text(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the query's evaluation failed: {why}"),
            );
        }
    };
    token.cancel();
    response
}

fn serialize(
    app: &App,
    results: QueryResults<'static>,
    accept: &[String],
    hint: Option<&str>,
) -> Result<Response> {
    let out = |e: std::io::Error| Error::Output(e);
    let cap = app.options.max_rows;
    let mut body = Vec::new();
    let mut truncated = false;
    let media = match results {
        QueryResults::Solutions(solutions) => {
            let format = results_format(accept, hint);
            let mut writer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut body, solutions.variables().to_vec())
                .map_err(out)?;
            for (n, solution) in solutions.enumerate() {
                if n >= cap {
                    truncated = true;
                    break;
                }
                writer.serialize(&solution?).map_err(out)?;
            }
            writer.finish().map_err(out)?;
            format.media_type()
        }
        QueryResults::Boolean(b) => {
            let format = results_format(accept, hint);
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut body, b)
                .map_err(out)?;
            format.media_type()
        }
        QueryResults::Graph(triples) => {
            let format = graph_format(accept, hint);
            let mut serializer = RdfSerializer::from_format(format);
            for (prefix, iri) in crate::queries::PREFIXES {
                serializer = serializer
                    .with_prefix(*prefix, *iri)
                    .map_err(|e| Error::Output(std::io::Error::other(e)))?;
            }
            let mut writer = serializer.for_writer(&mut body);
            for (n, triple) in triples.enumerate() {
                if n >= cap {
                    truncated = true;
                    break;
                }
                writer.serialize_triple(&triple?).map_err(out)?;
            }
            writer.finish().map_err(out)?;
            format.media_type()
        }
    };
    let mut response = (StatusCode::OK, [(header::CONTENT_TYPE, media)], body).into_response();
    if truncated {
        response.headers_mut().insert(
            "x-claimgraph-truncated",
            format!("{cap} rows, the server's cap")
                .parse()
                .expect("ASCII header"),
        );
    }
    Ok(response)
}

/// Runs a SPARQL Update if the server allows it and the token is right.
fn apply_update(app: &App, headers: &HeaderMap, update: &str) -> Response {
    if !app.options.allow_update {
        return text(
            StatusCode::FORBIDDEN,
            "this server is read-only: start it with --allow-update and a token to accept SPARQL Update",
        );
    }
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        // The scheme's name is case-insensitive (RFC 9110, 11.1).
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    if app
        .options
        .token
        .as_deref()
        .is_none_or(|t| Some(t) != given)
    {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "SPARQL Update needs the server's token: Authorization: Bearer TOKEN\n",
        )
            .into_response();
    }
    let _write = app.write.lock().unwrap_or_else(|e| e.into_inner());
    match app.data.update(update) {
        Ok((before, after)) => text(
            StatusCode::OK,
            format!("updated: the store held {before} quads and holds {after}"),
        ),
        Err(e) => text(StatusCode::BAD_REQUEST, e.to_string()),
    }
}

/// A form's (or a query string's) fields, or why not: the SPARQL 1.1
/// Protocol allows one query or update per request, and two of them would
/// leave the server to pick one without saying.
fn protocol_fields(form: &str) -> std::result::Result<HashMap<String, String>, String> {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(form.as_bytes())
        .into_owned()
        .collect();
    for key in ["query", "update"] {
        if pairs.iter().filter(|(k, _)| k == key).count() > 1 {
            return Err(format!("give one {key} per request, not several"));
        }
    }
    Ok(pairs.into_iter().collect())
}

async fn sparql_get(
    State(app): State<Arc<App>>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
    headers: HeaderMap,
) -> Response {
    let params = match protocol_fields(&raw.unwrap_or_default()) {
        Ok(p) => p,
        Err(why) => return text(StatusCode::BAD_REQUEST, why),
    };
    let Some(query) = params.get("query").cloned() else {
        if params.contains_key("update") {
            return text(
                StatusCode::BAD_REQUEST,
                "SPARQL Update is sent by POST, not GET",
            );
        }
        return text(StatusCode::BAD_REQUEST, "give a query: /sparql?query=…");
    };
    let hint = params.get("format").or(params.get("output")).cloned();
    let accept = accepted(&headers);
    in_slot(Arc::clone(&app.slots), move |slot| {
        answer(&app, &query, &accept, hint.as_deref(), slot)
    })
    .await
}

/// One of the server's `--max-concurrent` slots, held while its work runs.
type Slot = Option<tokio::sync::OwnedSemaphorePermit>;

/// Runs `work` (a query, a search or an update) on a blocking thread once
/// one of the server's `--max-concurrent` slots is free; the timeout starts
/// when it runs. `work` gets the slot: it is free again when `work` drops
/// it, which a query past its timeout does only once its evaluation ends.
async fn in_slot(
    slots: Arc<tokio::sync::Semaphore>,
    work: impl FnOnce(Slot) -> Response + Send + 'static,
) -> Response {
    let slot = slots.acquire_owned().await.ok();
    tokio::task::spawn_blocking(move || work(slot))
        .await
        .unwrap_or_else(|e| text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

async fn sparql_post(
    State(app): State<Arc<App>>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Ok(body) = String::from_utf8(body.to_vec()) else {
        return text(StatusCode::BAD_REQUEST, "the request body is not UTF-8");
    };
    let (query, update, mut hint) = match content_type.as_str() {
        "application/sparql-query" => (Some(body), None, None),
        "application/sparql-update" => (None, Some(body), None),
        "application/x-www-form-urlencoded" | "" => {
            let form = match protocol_fields(&body) {
                Ok(f) => f,
                Err(why) => return text(StatusCode::BAD_REQUEST, why),
            };
            (
                form.get("query").cloned(),
                form.get("update").cloned(),
                form.get("format").or(form.get("output")).cloned(),
            )
        }
        other => {
            return text(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "cannot read a {other} body: send application/sparql-query, application/sparql-update or a form"
                ),
            );
        }
    };
    if hint.is_none() {
        hint = params.get("format").or(params.get("output")).cloned();
    }
    let accept = accepted(&headers);
    in_slot(Arc::clone(&app.slots), move |slot| match (query, update) {
        (Some(q), _) => answer(&app, &q, &accept, hint.as_deref(), slot),
        (None, Some(u)) => apply_update(&app, &headers, &u),
        (None, None) => text(StatusCode::BAD_REQUEST, "give a query or an update"),
    })
    .await
}

/// A named query, its parameters from the query string (as `claimgraph
/// query --name N --param k=v` binds them: as RDF terms, never spliced).
async fn named_handler(
    State(app): State<Arc<App>>,
    axum::extract::Path(name): axum::extract::Path<String>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
    headers: HeaderMap,
) -> Response {
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let hint = pairs
        .iter()
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.clone());
    let given: Vec<(String, String)> = pairs.into_iter().filter(|(k, _)| k != "format").collect();
    let accept = accepted(&headers);
    in_slot(Arc::clone(&app.slots), move |slot| {
        let named = match crate::queries::find_named(&name) {
            Ok(n) => n,
            Err(e) => return text(StatusCode::NOT_FOUND, e.to_string()),
        };
        let params = match crate::queries::params::bind_params(&name, &named.params(), &given) {
            Ok(p) => p,
            Err(e) => return text(StatusCode::BAD_REQUEST, e.to_string()),
        };
        match prepare(
            named.text,
            &format!("named query {name}"),
            params,
            Some(app.data.fulltext()),
        ) {
            Ok(p) => answer_prepared(&app, p, &accept, hint.as_deref(), slot),
            Err(e) => text(StatusCode::BAD_REQUEST, e.to_string()),
        }
    })
    .await
}

async fn search_handler(
    State(app): State<Arc<App>>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> Response {
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let all = |key: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let one = |key: &str| all(key).into_iter().next();
    let Some(q) = one("q").filter(|q| !q.trim().is_empty()) else {
        return text(
            StatusCode::BAD_REQUEST,
            "nothing to search for: give the words, /search?q=…",
        );
    };
    let limit = match one("limit").map(|l| l.parse::<usize>()) {
        None => 20,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            return text(
                StatusCode::BAD_REQUEST,
                "limit is a number of results, 1 or more",
            );
        }
    }
    .min(app.options.max_rows.max(1));
    let (claimants, reporters) = (all("claimant"), all("reporter"));
    let date = |key: &str| -> std::result::Result<Option<i64>, String> {
        match one(key) {
            None => Ok(None),
            Some(d) => crate::index::docs::user_date_seconds(&d)
                .map(Some)
                .ok_or_else(|| format!("{key}={d:?} is not a date (YYYY-MM-DD)")),
        }
    };
    let (since, until) = match (date("since"), date("until")) {
        (Ok(s), Ok(u)) => (s, u),
        (Err(why), _) | (_, Err(why)) => return text(StatusCode::BAD_REQUEST, why),
    };
    if let (Some(s), Some(u)) = (since, until)
        && s >= u
    {
        return text(
            StatusCode::BAD_REQUEST,
            "since is not before until: no date can match",
        );
    }
    let language = one("lang");
    in_slot(Arc::clone(&app.slots), move |_slot| {
        let resolve =
            |flag, names: &[String]| crate::index::search::resolve_names(&app.data, flag, names);
        let options = match (
            resolve("claimant", &claimants),
            resolve("reporter", &reporters),
        ) {
            (Ok(claimants), Ok(reporters)) => SearchOptions {
                claimants,
                reporters,
                since,
                until,
                language,
                limit,
            },
            (Err(e), _) | (_, Err(e)) => return text(StatusCode::BAD_REQUEST, e.to_string()),
        };
        app.searches.fetch_add(1, Ordering::Relaxed);
        match search(app.data.fulltext(), &q, &options) {
            Ok(hits) => (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                serde_json::to_string(&hits).unwrap_or_default(),
            )
                .into_response(),
            Err(e) => text(StatusCode::BAD_REQUEST, e.to_string()),
        }
    })
    .await
}

/// `GET /stats`: what `claimgraph stats --format json` prints.
async fn stats_handler(State(app): State<Arc<App>>) -> Response {
    in_slot(
        Arc::clone(&app.slots),
        move |_slot| match crate::stats::stats(app.data.store()) {
            Ok(counts) => axum::Json(counts).into_response(),
            Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        },
    )
    .await
}

async fn health(State(app): State<Arc<App>>) -> Response {
    let status = app.data.index_status();
    // A pass or an update between its store commit and its index commit
    // leaves the index behind for a moment: that is writing, not a fault.
    let writing = matches!(
        app.write.try_lock(),
        Err(std::sync::TryLockError::WouldBlock)
    );
    match status {
        Ok(s) => axum::Json(serde_json::json!({
            "status": if s.is_consistent() || writing { "ok" } else { "index behind store" },
            "writing": writing,
            "store_generation": s.store_generation,
            "index_generation": s.index_generation,
            "queries": app.queries.load(Ordering::Relaxed),
            "searches": app.searches.load(Ordering::Relaxed),
            "uptime_seconds": app.started.elapsed().as_secs(),
        }))
        .into_response(),
        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

async fn jobs(State(app): State<Arc<App>>) -> Response {
    let jobs = app.jobs.lock().unwrap_or_else(|e| e.into_inner()).clone();
    axum::Json(serde_json::json!({
        "schedule": app.options.schedule.as_ref().map(|p| p.display().to_string()),
        "every_seconds": app.options.every.as_secs(),
        "jobs": jobs,
    }))
    .into_response()
}

/// The job files of a schedule directory, sorted.
fn job_files(dir: &std::path::Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Runs every job of the schedule once, one after the other.
fn scheduled_passes(app: &App, dir: &std::path::Path, stop: &Arc<AtomicBool>, log: &dyn Fn(&str)) {
    let files = match job_files(dir) {
        Ok(f) => f,
        Err(e) => {
            log(&format!("cannot read the schedule {}: {e}", dir.display()));
            return;
        }
    };
    for file in files {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let name = file.display().to_string();
        let index = {
            let mut jobs = app.jobs.lock().unwrap_or_else(|e| e.into_inner());
            let i = jobs.iter().position(|j| j.file == name).unwrap_or_else(|| {
                jobs.push(JobStatus {
                    file: name.clone(),
                    ..JobStatus::default()
                });
                jobs.len() - 1
            });
            jobs[i].running = true;
            jobs[i].last_started = Some(crate::text::now_iso());
            i
        };
        let outcome = Job::read(&file).and_then(|job| {
            let _write = app.write.lock().unwrap_or_else(|e| e.into_inner());
            let options = RunOptions {
                cancel: Some(Arc::clone(stop)),
            };
            crate::jobs::run::run(&app.data, &job, &options, &mut |p| match p {
                crate::jobs::run::Progress::Error(m) => log(&format!("{name}: {m}")),
                crate::jobs::run::Progress::Note(m) => log(&format!("{name}: note: {m}")),
                _ => {}
            })
        });
        let mut jobs = app.jobs.lock().unwrap_or_else(|e| e.into_inner());
        let status = &mut jobs[index];
        status.running = false;
        status.passes += 1;
        match outcome {
            Ok(report) => {
                log(&format!(
                    "{name}: {} fetched, {} new sources, {} new versions, {} claims, {} errors ({:.1} s)",
                    report.fetched,
                    report.new_sources,
                    report.new_versions,
                    report.claims,
                    report.error_count(),
                    report.seconds
                ));
                status.last_report = Some(report);
                status.last_error = None;
            }
            Err(e) => {
                log(&format!("{name}: {e}"));
                status.last_error = Some(e.to_string());
            }
        }
    }
}

/// Serves `data` until SIGINT or SIGTERM. `ready` is told the address
/// listened on (port 0 picks a free one); `log` gets one line per event.
pub fn serve(
    data: DataDir,
    options: ServeOptions,
    ready: impl FnOnce(SocketAddr),
    log: impl Fn(&str) + Send + Sync + 'static,
) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // Parsing and evaluating a query recurses as deep as the query
        // nests (within `nesting`'s limits): more room than the 2 MB default.
        .thread_stack_size(EVALUATION_STACK)
        .enable_all()
        .build()
        .map_err(|e| Error::Io {
            path: data.path().into(),
            source: e,
        })?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(options.bind))
        .map_err(|e| Error::Input(format!("cannot listen on {}: {e}", options.bind)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::Input(format!("cannot listen on {}: {e}", options.bind)))?;
    data.announce(&format!("http://{addr}"))?;
    let app = Arc::new(App {
        data,
        options: options.clone(),
        write: Mutex::new(()),
        jobs: Mutex::new(Vec::new()),
        queries: std::sync::atomic::AtomicU64::new(0),
        searches: std::sync::atomic::AtomicU64::new(0),
        started: Instant::now(),
        slots: Arc::new(tokio::sync::Semaphore::new(options.max_concurrent.max(1))),
    });
    let log = Arc::new(log);
    let stop = Arc::new(AtomicBool::new(false));
    let scheduler = options.schedule.clone().map(|dir| {
        let app = Arc::clone(&app);
        let stop = Arc::clone(&stop);
        let log = Arc::clone(&log);
        let every = options.every;
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let started = Instant::now();
                scheduled_passes(&app, &dir, &stop, &|m| log(m));
                while !stop.load(Ordering::Relaxed) && started.elapsed() < every {
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        })
    });
    let router = Router::new()
        .route("/sparql", get(sparql_get).post(sparql_post))
        .route("/search", get(search_handler))
        .route("/named/{name}", get(named_handler))
        .route("/stats", get(stats_handler))
        .route("/health", get(health))
        .route("/jobs", get(jobs))
        .with_state(Arc::clone(&app));
    ready(addr);
    let shutdown = {
        let stop = Arc::clone(&stop);
        async move {
            let terminate = async {
                #[cfg(unix)]
                if let Ok(mut s) =
                    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                {
                    s.recv().await;
                }
            };
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                () = terminate => {}
            }
            stop.store(true, Ordering::Relaxed);
        }
    };
    let served = runtime.block_on(async {
        axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await
    });
    stop.store(true, Ordering::Relaxed);
    if let Some(s) = scheduler {
        let _ = s.join();
    }
    log(&format!("stopped at {}", crate::text::now_iso()));
    served.map_err(|e| Error::Input(format!("the server failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_is_read_by_q_value_then_listed_order() {
        assert_eq!(
            media_ranges("text/csv;q=0.1, application/sparql-results+xml;q=0.9"),
            ["application/sparql-results+xml", "text/csv"]
        );
        assert_eq!(
            media_ranges("text/tab-separated-values, text/csv; q=1, text/turtle;q=0"),
            ["text/tab-separated-values", "text/csv"]
        );
        assert_eq!(
            results_format(
                &media_ranges("text/csv;q=0.1, application/sparql-results+xml"),
                None
            ),
            QueryResultsFormat::Xml
        );
        assert!(media_ranges("").is_empty());
        assert_eq!(media_ranges("text/csv;q=bad"), ["text/csv"]);
    }
}
