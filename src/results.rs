//! Rendering query results: the SPARQL 1.1 results formats (JSON, XML, CSV,
//! TSV) for machines, an aligned table for people, and RDF syntaxes for
//! CONSTRUCT/DESCRIBE. Columns can be chosen, e.g. to hide parameter variables so that a named
//! query's output does not echo its inputs.

use crate::queries::PREFIXES;
use crate::{Error, Result};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{Literal, Term, Variable};
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// An output format for query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// An aligned table for people (Turtle for graph results).
    Table,
    /// SPARQL 1.1 Query Results JSON (JSON-LD for graph results).
    Json,
    /// SPARQL 1.1 Query Results CSV (N-Triples for graph results).
    Csv,
    /// SPARQL 1.1 Query Results TSV (N-Triples for graph results).
    Tsv,
    /// SPARQL Query Results XML (RDF/XML for graph results).
    Xml,
}

/// Options of the table renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableOptions {
    /// Cut cells wider than this many columns, ending them with "…".
    pub max_cell_width: Option<usize>,
    /// For a spreadsheet: a text cell that would start a formula (`=`,
    /// `+`, `-`, `@`, a tab or a carriage return first) starts with `'`
    /// instead, so that words from a web page cannot run as a formula
    /// (`=HYPERLINK(…)`) when the file is opened.
    pub formula_guard: bool,
}

/// `term` with a `'` before a literal that a spreadsheet would read as a
/// formula ([`TableOptions::formula_guard`]).
fn formula_guarded(term: Term) -> Term {
    match &term {
        Term::Literal(l) if l.value().starts_with(['=', '+', '-', '@', '\t', '\r']) => {
            Literal::new_simple_literal(format!("'{}", l.value())).into()
        }
        _ => term,
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A SELECT with this many rows.
    Rows(usize),
    /// An ASK answer.
    Boolean(bool),
    /// A CONSTRUCT/DESCRIBE with this many triples.
    Triples(usize),
}

impl Written {
    /// Whether the result is empty (no rows, `false`, no triples): exit code 1.
    pub fn is_empty(&self) -> bool {
        matches!(
            self,
            Self::Rows(0) | Self::Boolean(false) | Self::Triples(0)
        )
    }
}

/// Which columns of a SELECT to write.
#[derive(Debug, Clone, Copy)]
pub enum Columns<'a> {
    /// All but these (a named query's parameters).
    Hide(&'a [Variable]),
    /// Only these, in this order (those the query lacks are skipped).
    Only(&'a [Variable]),
}

/// Writes `results` to `out` in `format`, with the chosen `columns`.
pub fn write_results(
    results: QueryResults<'_>,
    format: OutputFormat,
    columns: Columns<'_>,
    table: TableOptions,
    out: &mut impl Write,
) -> Result<Written> {
    let written = match results {
        QueryResults::Solutions(solutions) => {
            let all = solutions.variables().to_vec();
            let chosen = choose(&all, columns);
            let order = all.clone();
            let rows = solutions.map(move |s| {
                s.map(|s| {
                    order
                        .iter()
                        .map(|v| s.get(v).cloned())
                        .collect::<Vec<Option<Term>>>()
                })
            });
            return write_rows_from(&all, &chosen, rows, format, table, out);
        }
        QueryResults::Boolean(b) => {
            match results_format(format) {
                None => writeln!(out, "{b}").map_err(Error::Output)?,
                Some(f) => {
                    QueryResultsSerializer::from_format(f)
                        .serialize_boolean_to_writer(&mut *out, b)
                        .map_err(Error::Output)?;
                    if matches!(format, OutputFormat::Json | OutputFormat::Xml) {
                        writeln!(out).map_err(Error::Output)?;
                    }
                }
            }
            Written::Boolean(b)
        }
        QueryResults::Graph(triples) => {
            let rdf_format = match format {
                OutputFormat::Table => RdfFormat::Turtle,
                OutputFormat::Json => RdfFormat::JsonLd {
                    profile: JsonLdProfileSet::empty(),
                },
                OutputFormat::Csv | OutputFormat::Tsv => RdfFormat::NTriples,
                OutputFormat::Xml => RdfFormat::RdfXml,
            };
            let mut serializer = RdfSerializer::from_format(rdf_format);
            for (prefix, iri) in PREFIXES {
                serializer = serializer
                    .with_prefix(*prefix, *iri)
                    .expect("built-in prefixes are valid");
            }
            let mut ser = serializer.for_writer(&mut *out);
            let mut n = 0;
            for triple in triples {
                ser.serialize_triple(&triple?).map_err(Error::Output)?;
                n += 1;
            }
            ser.finish().map_err(Error::Output)?;
            Written::Triples(n)
        }
    };
    Ok(written)
}

/// Writes rows of `variables` (one term or none per variable) in `format`.
pub fn write_rows(
    variables: &[Variable],
    rows: impl Iterator<Item = Vec<Option<Term>>>,
    format: OutputFormat,
    columns: Columns<'_>,
    table: TableOptions,
    out: &mut impl Write,
) -> Result<Written> {
    let chosen = choose(variables, columns);
    let rows = rows.map(Ok::<_, oxigraph::sparql::QueryEvaluationError>);
    write_rows_from(variables, &chosen, rows, format, table, out)
}

fn choose(all: &[Variable], columns: Columns<'_>) -> Vec<Variable> {
    match columns {
        Columns::Hide(hidden) => all
            .iter()
            .filter(|v| !hidden.contains(v))
            .cloned()
            .collect(),
        Columns::Only(only) => only.iter().filter(|v| all.contains(v)).cloned().collect(),
    }
}

fn write_rows_from(
    all: &[Variable],
    chosen: &[Variable],
    rows: impl Iterator<Item = Result<Vec<Option<Term>>, oxigraph::sparql::QueryEvaluationError>>,
    format: OutputFormat,
    table: TableOptions,
    out: &mut impl Write,
) -> Result<Written> {
    let picks: Vec<usize> = chosen
        .iter()
        .filter_map(|v| all.iter().position(|a| a == v))
        .collect();
    let guard = table.formula_guard;
    let rows = rows.map(move |r| {
        r.map(|row| {
            picks
                .iter()
                .map(|&i| {
                    let term = row[i].clone();
                    if guard {
                        term.map(formula_guarded)
                    } else {
                        term
                    }
                })
                .collect::<Vec<Option<Term>>>()
        })
    });
    match results_format(format) {
        None => write_table(chosen, rows, table, out),
        Some(f) => {
            let mut ser = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(&mut *out, chosen.to_vec())
                .map_err(Error::Output)?;
            let mut n = 0;
            for row in rows {
                let row = row?;
                ser.serialize(
                    chosen
                        .iter()
                        .zip(&row)
                        .filter_map(|(v, t)| t.as_ref().map(|t| (v, t))),
                )
                .map_err(Error::Output)?;
                n += 1;
            }
            ser.finish().map_err(Error::Output)?;
            // JSON and XML end without a line break; a terminal and tools
            // that read lines want one.
            if matches!(format, OutputFormat::Json | OutputFormat::Xml) {
                writeln!(out).map_err(Error::Output)?;
            }
            Ok(Written::Rows(n))
        }
    }
}

fn results_format(format: OutputFormat) -> Option<QueryResultsFormat> {
    match format {
        OutputFormat::Table => None,
        OutputFormat::Json => Some(QueryResultsFormat::Json),
        OutputFormat::Csv => Some(QueryResultsFormat::Csv),
        OutputFormat::Tsv => Some(QueryResultsFormat::Tsv),
        OutputFormat::Xml => Some(QueryResultsFormat::Xml),
    }
}

/// A term as a person reads it: IRIs shortened with the known prefixes,
/// literals as their bare value.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            for (prefix, iri) in PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(iri)
                    && !local.is_empty()
                    && local
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                {
                    return format!("{prefix}:{local}");
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn write_table(
    variables: &[Variable],
    rows: impl Iterator<Item = Result<Vec<Option<Term>>, oxigraph::sparql::QueryEvaluationError>>,
    options: TableOptions,
    out: &mut impl Write,
) -> Result<Written> {
    let clean = |s: String| -> String {
        let one_line: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        match options.max_cell_width {
            Some(max) if one_line.width() > max => truncate(&one_line, max),
            _ => one_line,
        }
    };
    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
    let mut cells: Vec<Vec<String>> = Vec::new();
    for row in rows {
        cells.push(
            row?.iter()
                .map(|t| clean(t.as_ref().map(display_term).unwrap_or_default()))
                .collect(),
        );
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |row: &[String]| -> String {
        let mut s = String::new();
        for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str(" │ ");
            }
            s.push_str(c);
            if i + 1 < row.len() {
                s.push_str(&" ".repeat(w - c.width()));
            }
        }
        s.trim_end().to_owned()
    };
    let io = |e| Error::Output(e);
    writeln!(out, "{}", line(&header)).map_err(io)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("─┼─")).map_err(io)?;
    for row in &cells {
        writeln!(out, "{}", line(row)).map_err(io)?;
    }
    Ok(Written::Rows(cells.len()))
}

fn truncate(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in s.chars() {
        let w = UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
        if width + w + 1 > max {
            break;
        }
        out.push(c);
        width += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn display_shortens_known_iris_and_unwraps_literals() {
        assert_eq!(
            display_term(
                &NamedNode::new_unchecked("https://w3id.org/claimgraph/id/entity/scmp").into()
            ),
            "e:scmp"
        );
        assert_eq!(
            display_term(&NamedNode::new_unchecked("http://example.com/x").into()),
            "<http://example.com/x>"
        );
        assert_eq!(
            display_term(&Literal::new_language_tagged_literal_unchecked("北京", "zh").into()),
            "北京"
        );
    }

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate("北京北京北京", 5), "北京…");
        assert_eq!(truncate("abcdefgh", 5), "abcd…");
    }
}
