//! RDF files (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) read into
//! quads, all or nothing: a syntax error anywhere means no quad of the file
//! is kept, and the error names the file, line and column.

use crate::ids::short_hash;
use crate::{Error, Result};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::{BlankNode, GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::HashMap;
use std::path::Path;

/// The RDF format of a file, from its extension.
pub fn format_for_path(path: &Path) -> Option<RdfFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "ttl" | "turtle" => RdfFormat::Turtle,
        "trig" => RdfFormat::TriG,
        "nt" | "ntriples" => RdfFormat::NTriples,
        "nq" | "nquads" => RdfFormat::NQuads,
        "jsonld" | "json" => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        "rdf" | "owl" | "xml" => RdfFormat::RdfXml,
        _ => return None,
    })
}

/// Parses a whole file. Triples outside any named graph go into `graph`;
/// quads of TriG and N-Quads keep their graphs. Blank nodes are renamed
/// deterministically (by graph and order of appearance) so that loading the
/// same file twice gives the same quads.
pub fn read_rdf_file(path: &Path, format: RdfFormat, graph: &NamedNode) -> Result<Vec<Quad>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let base = std::fs::canonicalize(path)
        .ok()
        .and_then(|p| url_from_path(&p));
    parse_rdf(&bytes, format, graph, path, base)
}

/// Parses RDF from memory; `path` names the input in errors and `base`
/// resolves relative IRIs.
pub fn parse_rdf(
    bytes: &[u8],
    format: RdfFormat,
    graph: &NamedNode,
    path: &Path,
    base: Option<String>,
) -> Result<Vec<Quad>> {
    let new_parser = || RdfParser::from_format(format).with_default_graph(graph.clone());
    let mut parser = new_parser();
    if let Some(base) = base {
        parser = parser.with_base_iri(base).unwrap_or_else(|_| new_parser());
    }
    let mut quads = Vec::new();
    // JSON-LD contexts come from what claimgraph bundles, never the network.
    for quad in parser
        .for_slice(bytes)
        .with_document_loader(crate::exchange::jsonld::load_document)
    {
        quads.push(quad.map_err(|e| parse_error(path, e))?);
    }
    Ok(rename_blank_nodes(quads, graph))
}

fn url_from_path(path: &Path) -> Option<String> {
    let s = path.to_str()?;
    let encoded: String = s
        .chars()
        .map(|c| match c {
            ' ' => "%20".to_owned(),
            '#' => "%23".to_owned(),
            '?' => "%3F".to_owned(),
            '%' => "%25".to_owned(),
            c => c.to_string(),
        })
        .collect();
    Some(format!("file://{encoded}"))
}

fn parse_error(path: &Path, error: RdfSyntaxError) -> Error {
    let (line, column) = match error.location() {
        Some(range) => (range.start.line + 1, range.start.column + 1),
        None => (1, 1),
    };
    Error::Syntax {
        path: path.into(),
        line,
        column,
        message: error.to_string(),
    }
}

fn rename_blank_nodes(quads: Vec<Quad>, graph: &NamedNode) -> Vec<Quad> {
    let salt = short_hash(&[graph.as_str()]);
    let mut names: HashMap<BlankNode, BlankNode> = HashMap::new();
    let mut rename = |b: &BlankNode| -> BlankNode {
        let n = names.len();
        names
            .entry(b.clone())
            .or_insert_with(|| BlankNode::new_unchecked(format!("b{salt}n{n}")))
            .clone()
    };
    quads
        .into_iter()
        .map(|q| {
            let subject = match q.subject {
                NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::BlankNode(rename(&b)),
                other => other,
            };
            let object = match q.object {
                Term::BlankNode(b) => Term::BlankNode(rename(&b)),
                other => other,
            };
            let graph_name = match q.graph_name {
                GraphName::BlankNode(b) => GraphName::BlankNode(rename(&b)),
                other => other,
            };
            Quad::new(subject, q.predicate, object, graph_name)
        })
        .collect()
}

/// The named graphs that `quads` write to.
pub fn graphs_of(quads: &[Quad]) -> Vec<NamedOrBlankNode> {
    let mut graphs: Vec<NamedOrBlankNode> = Vec::new();
    for q in quads {
        let g = match &q.graph_name {
            GraphName::NamedNode(n) => NamedOrBlankNode::NamedNode(n.clone()),
            GraphName::BlankNode(b) => NamedOrBlankNode::BlankNode(b.clone()),
            GraphName::DefaultGraph => continue,
        };
        if !graphs.contains(&g) {
            graphs.push(g);
        }
    }
    graphs
}
