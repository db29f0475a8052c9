//! `query` and `search` through a claimgraph server (`--endpoint URL`, or
//! the server that owns the data directory): the same output as when the
//! data directory is opened, the work done by the server.

use super::Status;
use super::args::{QueryArgs, ResultsFormat, SearchArgs, StatsArgs};
use anyhow::{Context, Result, bail};
use claimgraph::index::search::Hit;
use claimgraph::results::{Columns, TableOptions, write_results};
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use std::io::{IsTerminal, Write};

/// How long the client waits for a server's answer without `--timeout`
/// (the server applies its own timeout to the query).
const DEFAULT_WAIT_SECS: f64 = 600.0;

/// Sends a request and returns the body of a 200 answer; anything else is
/// an error carrying the server's message.
fn send(request: reqwest::RequestBuilder, endpoint: &str, timeout: Option<f64>) -> Result<Vec<u8>> {
    let runtime = super::ingest::http_runtime()?;
    // A client timeout is the query's --timeout passing, not the server
    // out of reach.
    let gave_up = |e: &reqwest::Error| {
        e.is_timeout().then(|| {
            anyhow::anyhow!(
                "the server at {endpoint} gave no answer within {} s (--timeout); the query was given up",
                timeout.unwrap_or(DEFAULT_WAIT_SECS)
            )
        })
    };
    runtime.block_on(async {
        let response = match request.send().await {
            Ok(r) => r,
            Err(e) => {
                return Err(gave_up(&e).unwrap_or_else(|| {
                    anyhow::Error::new(e)
                        .context(format!("cannot reach the claimgraph server at {endpoint}"))
                }));
            }
        };
        let status = response.status();
        let body = match response.bytes().await {
            Ok(b) => b,
            Err(e) => {
                return Err(gave_up(&e).unwrap_or_else(|| {
                    anyhow::Error::new(e).context("reading the server's answer")
                }));
            }
        };
        if !status.is_success() {
            bail!(
                "the server at {endpoint} answered {status}: {}",
                String::from_utf8_lossy(&body).trim()
            );
        }
        Ok(body.to_vec())
    })
}

/// An HTTP client giving up after `timeout` seconds ([`DEFAULT_WAIT_SECS`]
/// unless given).
fn client(timeout: Option<f64>) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs_f64(
            timeout.unwrap_or(DEFAULT_WAIT_SECS),
        ))
        .build()
        .context("cannot build the HTTP client")
}

/// `claimgraph query` through a server.
pub fn query(endpoint: &str, args: QueryArgs) -> Result<Status> {
    if args.list {
        // The named queries are this binary's: no data is needed.
        super::query::list_named()?;
        return Ok(Status::Ok);
    }
    if args.explain {
        bail!("--explain reads the data directory itself; a server at {endpoint} owns it");
    }
    let (text, request_for) = match (&args.query, &args.file, &args.name) {
        (Some(q), None, None) => (q.clone(), None),
        (None, Some(f), None) => (
            std::fs::read_to_string(f)
                .with_context(|| format!("cannot read query file {}", f.display()))?,
            None,
        ),
        (None, None, Some(name)) => {
            let named = claimgraph::queries::find_named(name)?;
            (named.text.to_owned(), Some(name.clone()))
        }
        _ => bail!("give a query: inline text, --file FILE or --name NAME (see --list)"),
    };
    claimgraph::nesting::check_sparql(&text, "the query")?;
    // Whether the answer is a table of solutions or a graph decides what
    // to ask for.
    let graph = matches!(
        claimgraph::queries::run::parser().parse_query(&text),
        Ok(spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. })
    );
    let accept = if graph {
        match args.format {
            ResultsFormat::Table => "text/turtle",
            ResultsFormat::Json => "application/ld+json",
            ResultsFormat::Csv | ResultsFormat::Tsv => "application/n-triples",
            ResultsFormat::Xml => "application/rdf+xml",
        }
    } else {
        "application/sparql-results+json"
    };
    let client = client(args.timeout)?;
    let request = match &request_for {
        Some(name) => client
            .get(format!("{endpoint}/named/{name}"))
            .query(&args.params),
        None => client
            .post(format!("{endpoint}/sparql"))
            .form(&[("query", text.as_str())]),
    }
    .header(reqwest::header::ACCEPT, accept);
    let body = send(request, endpoint, args.timeout)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if graph {
        out.write_all(&body)?;
        out.flush()?;
        return Ok(if body.iter().all(u8::is_ascii_whitespace) {
            Status::NothingFound
        } else {
            Status::Ok
        });
    }
    let parsed = QueryResultsParser::from_format(QueryResultsFormat::Json)
        .for_reader(body.as_slice())
        .context("the server's answer is not SPARQL JSON results")?;
    let results = QueryResults::from(parsed);
    let hidden: Vec<oxigraph::sparql::Variable> = match &request_for {
        Some(name) => claimgraph::queries::find_named(name)?
            .params()
            .iter()
            .map(|s| oxigraph::sparql::Variable::new_unchecked(s.name.clone()))
            .collect(),
        None => Vec::new(),
    };
    let table = TableOptions {
        max_cell_width: std::io::stdout().is_terminal().then_some(60),
        formula_guard: false,
    };
    let written = write_results(
        results,
        super::query::output_format(args.format),
        Columns::Hide(&hidden),
        table,
        &mut out,
    )?;
    out.flush()?;
    Ok(if written.is_empty() {
        Status::NothingFound
    } else {
        Status::Ok
    })
}

/// `claimgraph search` through a server.
pub fn search(endpoint: &str, args: SearchArgs) -> Result<Status> {
    super::search::check_args(&args)?;
    let mut params: Vec<(&str, String)> =
        vec![("q", args.query.clone()), ("limit", args.limit.to_string())];
    for c in &args.claimant {
        params.push(("claimant", c.clone()));
    }
    for r in &args.reporter {
        params.push(("reporter", r.clone()));
    }
    for (key, value) in [
        ("since", &args.since),
        ("until", &args.until),
        ("lang", &args.lang),
    ] {
        if let Some(v) = value {
            params.push((key, v.clone()));
        }
    }
    let request = client(None)?
        .get(format!("{endpoint}/search"))
        .query(&params);
    let body = send(request, endpoint, None)?;
    let hits: Vec<Hit> =
        serde_json::from_slice(&body).context("the server's answer is not a list of hits")?;
    super::search::print_hits(&hits, args.format)
}

/// `claimgraph stats` through a server: the same counts, made by it.
pub fn stats(endpoint: &str, args: StatsArgs) -> Result<Status> {
    let body = send(
        client(None)?.get(format!("{endpoint}/stats")),
        endpoint,
        None,
    )?;
    let counts: claimgraph::stats::Stats =
        serde_json::from_slice(&body).context("the server's answer is not claimgraph's counts")?;
    super::stats::print(&counts, &args)
}
