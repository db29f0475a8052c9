//! `claimgraph search`: ranked claims for words, in English or Chinese, with
//! filters, as a table or in the SPARQL results formats.

use super::args::{ResultsFormat, SearchArgs};
use super::{Status, open};
use anyhow::{Result, bail};
use claimgraph::annotated::build::date_literal;
use claimgraph::index::docs::user_date_seconds;
use claimgraph::index::search::{Hit, SearchOptions, search};
use claimgraph::results::{Columns, OutputFormat, TableOptions, write_rows};
use claimgraph::store::OpenMode;
use claimgraph::vocab::xsd;
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use std::io::{IsTerminal, Write};
use std::path::Path;

pub fn run(data_dir: &Path, args: SearchArgs) -> Result<Status> {
    check_args(&args)?;
    let since = args
        .since
        .as_deref()
        .map(|d| parse_date("--since", d))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|d| parse_date("--until", d))
        .transpose()?;
    let data = open(data_dir, OpenMode::Read)?;
    let options = SearchOptions {
        claimants: claimgraph::index::search::resolve_names(&data, "--claimant", &args.claimant)?,
        reporters: claimgraph::index::search::resolve_names(&data, "--reporter", &args.reporter)?,
        since,
        until,
        language: args.lang.clone(),
        limit: args.limit,
    };
    let hits = search(data.fulltext(), &args.query, &options)?;
    print_hits(&hits, args.format)
}

/// Checks `search`'s arguments before anything is read.
pub(super) fn check_args(args: &SearchArgs) -> Result<()> {
    if args.query.trim().is_empty() {
        bail!(
            "nothing to search for: give words, a \"phrase\", or a query such as 'funding AND beijing'"
        );
    }
    if args.limit == 0 {
        bail!("--limit must be at least 1");
    }
    for (flag, value) in [("--since", &args.since), ("--until", &args.until)] {
        if let Some(d) = value {
            parse_date(flag, d)?;
        }
    }
    if let (Some(since), Some(until)) = (&args.since, &args.until)
        && parse_date("--since", since)? >= parse_date("--until", until)?
    {
        bail!("--since {since} is not before --until {until}: no date can match");
    }
    Ok(())
}

/// Prints hits in the format asked for.
pub(super) fn print_hits(hits: &[Hit], format: ResultsFormat) -> Result<Status> {
    let stdout = std::io::stdout();
    let table = TableOptions {
        max_cell_width: stdout.is_terminal().then_some(60),
        formula_guard: false,
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
    let variables: Vec<Variable> = [
        "score",
        "claimant",
        "claim_text",
        "snippet",
        "reported_by",
        "source_title",
        "date",
        "claim_iri",
        "attribution_iri",
    ]
    .into_iter()
    .map(Variable::new_unchecked)
    .collect();
    let rows = hits.iter().map(row);
    let format = match format {
        ResultsFormat::Table => OutputFormat::Table,
        ResultsFormat::Json => OutputFormat::Json,
        ResultsFormat::Csv => OutputFormat::Csv,
        ResultsFormat::Tsv => OutputFormat::Tsv,
        ResultsFormat::Xml => OutputFormat::Xml,
    };
    write_rows(
        &variables,
        rows,
        format,
        Columns::Hide(&[]),
        table,
        &mut out,
    )?;
    out.flush()?;
    Ok(if hits.is_empty() {
        Status::NothingFound
    } else {
        Status::Ok
    })
}

fn row(hit: &Hit) -> Vec<Option<Term>> {
    let text = |s: &str| (!s.is_empty()).then(|| Literal::new_simple_literal(s).into());
    let iri = |s: &str| NamedNode::new(s).ok().map(Term::from);
    vec![
        Some(Literal::new_typed_literal(format!("{:.3}", hit.score), xsd::DECIMAL).into()),
        text(&hit.claimant),
        text(&hit.claim_text),
        text(&hit.snippet),
        text(&hit.reported_by),
        text(&hit.source_title),
        hit.date
            .as_deref()
            .and_then(|d| date_literal(d).map(Term::from)),
        iri(&hit.claim),
        iri(&hit.attribution),
    ]
}

fn parse_date(flag: &str, value: &str) -> Result<i64> {
    match user_date_seconds(value) {
        Some(s) => Ok(s),
        None => bail!(
            "{flag} {value:?} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)"
        ),
    }
}
