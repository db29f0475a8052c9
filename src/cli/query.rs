//! `claimgraph query`: inline, file or named SPARQL, with parameters bound
//! as RDF terms, written as a table or a SPARQL results format.

use super::args::{QueryArgs, ResultsFormat};
use super::{Status, open};
use anyhow::{Context, Result, bail};
use claimgraph::index::search::resolve_names;
use claimgraph::queries::{
    NAMED, ParamKind, ParamSpec, Prepared, bind_params, declared_params, find_named, prepare,
};
use claimgraph::results::{Columns, OutputFormat, TableOptions, write_results};
use claimgraph::review::{ClaimLookup, claim_error, find_claim};
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
    let data = open(data_dir, OpenMode::Read)?;
    let prepared = prepare(&text, &origin, params, Some(data.fulltext()))?;
    let table = TableOptions {
        max_cell_width: std::io::stdout().is_terminal().then_some(60),
        formula_guard: false,
    };
    let named = args.name.as_deref().unwrap_or_default();
    let given = |key: &str| {
        args.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    // The claim claim-trail follows, looked up once: for a note before
    // the trail and a hint when it is empty.
    let trail = match given("claim") {
        Some(claim) if named == "claim-trail" => Some((claim, find_claim(&data, claim)?)),
        _ => None,
    };
    if let Some((claim, ClaimLookup::Ambiguous(many))) = &trail {
        // Words in several claims: the trail follows them all, which the
        // reader should know before reading it as one claim's.
        eprintln!(
            "claimgraph: {claim:?} is in several claims, and the trail follows all of them; \
             to follow one, give more of its text or its IRI:{}",
            many.iter()
                .map(|(iri, text)| format!("\n  {text}  <{}>", iri.as_str()))
                .collect::<String>()
        );
    }
    let cancel = args.timeout.map(give_up_after);
    // The store's SPARQL engine may panic on a query (a sort with no total
    // order did): an error naming the query, not a crash.
    let printed = claimgraph::unless_panicked(&origin, "evaluation", "query", || {
        print_results(
            &data,
            prepared,
            args.format,
            Columns::Hide(&hidden),
            table,
            args.explain,
            cancel.clone(),
        )
    })
    .map_err(|e| anyhow::anyhow!(e))?;
    let status = match (printed, args.timeout) {
        (Err(_), Some(secs)) if cancel.as_ref().is_some_and(|t| t.is_cancelled()) => {
            bail!("{origin}: {}", timed_out(secs))
        }
        (printed, _) => printed?,
    };
    if status == Status::NothingFound {
        explain_nothing_found(&data, named, &given, trail.as_ref())?;
    }
    Ok(status)
}

/// A token cancelled `secs` seconds from now. The store's engine notices a
/// cancellation when it next reads the store, and a sort of the rows it
/// collected first runs to its end; half a second later the process gives
/// up itself (exit 2): a query only reads, so nothing is left half-written.
fn give_up_after(secs: f64) -> oxigraph::sparql::CancellationToken {
    let token = oxigraph::sparql::CancellationToken::new();
    let timer = token.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs_f64(secs));
        timer.cancel();
        std::thread::sleep(std::time::Duration::from_millis(500));
        eprintln!("claimgraph: error: {}", timed_out(secs));
        std::process::exit(2);
    });
    token
}

/// What a query given up at `--timeout` says.
fn timed_out(secs: f64) -> String {
    format!("cancelled after {secs} s (--timeout)")
}

/// Why a named query found nothing, when a parameter names nothing
/// stored: a claim no claim's text holds, a claimant or entity no name
/// stands for (with the names most like it).
fn explain_nothing_found<'a>(
    data: &DataDir,
    named: &str,
    given: &dyn Fn(&str) -> Option<&'a str>,
    trail: Option<&(&str, ClaimLookup)>,
) -> Result<()> {
    let hint = match named {
        "claim-trail" => match trail {
            Some((claim, lookup @ ClaimLookup::NotFound(_))) => {
                Some(claim_error(claim, lookup).to_string())
            }
            _ => None,
        },
        "who-claimed" | "claims-about" => {
            let key = if named == "who-claimed" {
                "claimant"
            } else {
                "entity"
            };
            match given(key) {
                Some(name) => resolve_names(data, &format!("--param {key}"), &[name.to_owned()])
                    .err()
                    .map(|e| e.to_string()),
                None => None,
            }
        }
        _ => None,
    };
    if let Some(hint) = hint {
        eprintln!("claimgraph: {hint}");
    }
    Ok(())
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
#[allow(clippy::too_many_arguments)]
pub fn print_results(
    data: &DataDir,
    prepared: Prepared,
    format: ResultsFormat,
    columns: Columns<'_>,
    table: TableOptions,
    explain: bool,
    cancel: Option<oxigraph::sparql::CancellationToken>,
) -> Result<Status> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let detached = prepared.is_detached();
    let (results, explanation) = prepared.run_cancellable(data.store(), explain, cancel)?;
    let written = write_results(results, output_format(format), columns, table, &mut out)?;
    if let Some(explanation) = explanation {
        if detached {
            eprintln!("answered from the full-text index alone: the store was not read");
        }
        eprint!("{}", plan_text(&explanation));
    }
    out.flush().context("writing output")?;
    Ok(if written.is_empty() {
        Status::NothingFound
    } else {
        Status::Ok
    })
}

/// The query plan as an indented tree, one step a line with the rows it
/// gave and the time it took (from the evaluator's JSON explanation).
fn plan_text(explanation: &oxigraph::sparql::QueryExplanation) -> String {
    let mut json = Vec::new();
    if explanation.write_in_json(&mut json).is_err() {
        return format!("{explanation:?}\n");
    }
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&json) else {
        return format!("{explanation:?}\n");
    };
    let mut out = String::from("query plan");
    if let Some(s) = value["planning duration in seconds"].as_f64() {
        out.push_str(&format!(" (planned in {:.3} ms)", s * 1e3));
    }
    out.push('\n');
    fn step(node: &serde_json::Value, depth: usize, out: &mut String) {
        out.push_str(&"  ".repeat(depth + 1));
        out.push_str(node["name"].as_str().unwrap_or("?"));
        let rows = node["number of results"].as_u64();
        let seconds = node["duration in seconds"].as_f64();
        match (rows, seconds) {
            (Some(r), Some(s)) => out.push_str(&format!("  [{r} rows, {:.3} ms]", s * 1e3)),
            (Some(r), None) => out.push_str(&format!("  [{r} rows]")),
            _ => {}
        }
        out.push('\n');
        for child in node["children"].as_array().into_iter().flatten() {
            step(child, depth + 1, out);
        }
    }
    step(&value["plan"], 0, &mut out);
    out
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

pub(super) fn list_named() -> Result<()> {
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
