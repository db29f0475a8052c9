//! `claimgraph query`: inline, file or named SPARQL, with parameters bound
//! as RDF terms, written as a table or a SPARQL results format.

use super::args::{QueryArgs, ResultsFormat};
use super::{Status, open};
use anyhow::{Context, Result, bail};
use claimgraph::queries::{
    NAMED, ParamKind, ParamSpec, Prepared, bind_params, declared_params, find_named, prepare,
};
use claimgraph::results::{Columns, OutputFormat, TableOptions, write_results};
use claimgraph::store::{DataDir, OpenMode};
use oxigraph::model::Variable;
use std::io::{IsTerminal, Write};
use std::path::Path;

pub fn run(data_dir: &Path, args: QueryArgs) -> Result<Status> {
    if args.list {
        list_named()?;
        return Ok(Status::Ok);
    }
    let (text, origin, params, hidden) = match (&args.query, &args.file, &args.name) {
        (Some(q), None, None) => {
            let origin = "inline query".to_owned();
            let params = params_of_text(q, &origin, &args.params)?;
            (q.clone(), origin, params, Vec::new())
        }
        (None, Some(f), None) => {
            let text = std::fs::read_to_string(f)
                .with_context(|| format!("cannot read query file {}", f.display()))?;
            let origin = f.display().to_string();
            let params = params_of_text(&text, &origin, &args.params)?;
            (text, origin, params, Vec::new())
        }
        (None, None, Some(name)) => {
            let named = find_named(name)?;
            let specs = named.params();
            let params = bind_params(name, &specs, &args.params)?;
            let hidden: Vec<Variable> = specs
                .iter()
                .map(|s| Variable::new_unchecked(s.name.clone()))
                .collect();
            (
                named.text.to_owned(),
                format!("named query {name}"),
                params,
                hidden,
            )
        }
        _ => bail!("give a query: inline text, --file FILE or --name NAME (see --list)"),
    };
    let data = open(data_dir, OpenMode::Existing)?;
    let prepared = prepare(&text, &origin, params, Some(data.fulltext()))?;
    let table = TableOptions {
        max_cell_width: std::io::stdout().is_terminal().then_some(60),
    };
    print_results(
        &data,
        prepared,
        args.format,
        Columns::Hide(&hidden),
        table,
        args.explain,
    )
}

/// Parameters of a query given as text: those its header declares (as
/// a named query's), else any `--param` names a variable, bound as text.
fn params_of_text(
    text: &str,
    origin: &str,
    given: &[(String, String)],
) -> Result<Vec<(Variable, oxigraph::model::Term)>> {
    let mut specs = declared_params(text);
    if specs.is_empty() {
        specs = given
            .iter()
            .map(|(name, _)| ParamSpec {
                name: name.clone(),
                kind: ParamKind::Text,
                required: false,
                description: String::new(),
            })
            .collect();
    }
    Ok(bind_params(origin, &specs, given)?)
}

/// Runs a prepared query and prints its results to stdout.
pub fn print_results(
    data: &DataDir,
    prepared: Prepared,
    format: ResultsFormat,
    columns: Columns<'_>,
    table: TableOptions,
    explain: bool,
) -> Result<Status> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let detached = prepared.is_detached();
    let (results, explanation) = prepared.run(data.store(), explain)?;
    let written = write_results(results, output_format(format), columns, table, &mut out)?;
    if let Some(explanation) = explanation {
        if detached {
            eprintln!("answered from the full-text index alone: the store was not read");
        }
        eprintln!("{explanation:?}");
    }
    out.flush().context("writing output")?;
    Ok(if written.is_empty() {
        Status::NothingFound
    } else {
        Status::Ok
    })
}

pub(super) fn output_format(format: ResultsFormat) -> OutputFormat {
    match format {
        ResultsFormat::Table => OutputFormat::Table,
        ResultsFormat::Json => OutputFormat::Json,
        ResultsFormat::Csv => OutputFormat::Csv,
        ResultsFormat::Tsv => OutputFormat::Tsv,
        ResultsFormat::Xml => OutputFormat::Xml,
    }
}

fn list_named() -> Result<()> {
    let mut out = std::io::stdout().lock();
    for q in NAMED {
        writeln!(out, "{} — {}", q.name, q.purpose())?;
        for p in q.params() {
            writeln!(
                out,
                "    --param {}=…  ({}, {})  {}",
                p.name,
                format!("{:?}", p.kind).to_lowercase(),
                if p.required { "required" } else { "optional" },
                p.description
            )?;
        }
        for e in q.examples() {
            writeln!(out, "    e.g. {e}")?;
        }
    }
    Ok(())
}
