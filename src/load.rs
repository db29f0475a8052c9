//! Loading files into the data directory: annotated sources (`.toml`) and RDF
//! files, each into its own named graph, replaced atomically. One bad file is
//! reported and skipped; the others still load.

use crate::annotated::{build_source, read_source_file};
use crate::embedded;
use crate::gazetteer::Gazetteer;
use crate::ids;
use crate::rdf_file::{format_for_path, graphs_of, parse_rdf, read_rdf_file};
use crate::store::{DataDir, Replaced};
use crate::vocab::{rdf, rdfs, skos};
use crate::{Error, Result};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What kind of file an input is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InputKind {
    /// An annotated source (`.toml`).
    Source,
    /// An RDF file.
    Rdf(RdfFormat),
}

/// The kind of a file, from its extension.
pub fn input_kind(path: &Path) -> Option<InputKind> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return Some(InputKind::Source);
    }
    format_for_path(path).map(InputKind::Rdf)
}

/// One file that loaded.
#[derive(Debug)]
pub struct Loaded {
    /// The file.
    pub path: PathBuf,
    /// The named graphs it now fills.
    pub graphs: Vec<NamedOrBlankNode>,
    /// Quads in those graphs.
    pub quads: usize,
    /// What changed.
    pub replaced: Replaced,
    /// Claims marked, for annotated sources.
    pub claims: Option<usize>,
    /// Things a person should look at (names minted as new entities…).
    pub warnings: Vec<String>,
    /// Items of the file that were not loaded, each with its reason (Web
    /// Annotations whose source or quote is not in the store); the rest
    /// loaded.
    pub skipped: Vec<String>,
}

/// Expands directories (recursively, in name order) into the files in them
/// that claimgraph can load; explicit files are kept as given, so an
/// unsupported one is reported rather than silently skipped.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            match walk(path, &mut found, &mut HashSet::new()) {
                Err(e) => out.push(Err(e)),
                Ok(()) if found.is_empty() => out.push(Err(Error::invalid(
                    path,
                    None,
                    "no files to load in this directory (.toml, .ttl, .trig, .nt, .nq, .jsonld, \
                     .json; web pages are read with `claimgraph ingest`)",
                ))),
                Ok(()) => {}
            }
            found.sort();
            out.extend(found.into_iter().map(Ok));
        } else if let Err(e) = std::fs::metadata(path) {
            // Said as the file system says it, not as an unknown format.
            out.push(Err(Error::io(path, e)));
        } else {
            out.push(Ok(path.clone()));
        }
    }
    out
}

/// Collects loadable files under `dir`, following links to directories once
/// each (a link loop is visited once, not forever).
fn walk(dir: &Path, found: &mut Vec<PathBuf>, visited: &mut HashSet<PathBuf>) -> Result<()> {
    let canonical = std::fs::canonicalize(dir).map_err(|e| Error::io(dir, e))?;
    if !visited.insert(canonical) {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            walk(&path, found, visited)?;
        } else if input_kind(&path).is_some() {
            found.push(path);
        }
    }
    Ok(())
}

/// The gazetteer shipped with claimgraph, merged with the entities described
/// in the data directory's RDF graphs. Entities that annotated sources minted
/// (in their own graphs) are left out: each source mints its own, so that
/// loading a source gives the same quads whatever was loaded before.
pub fn gazetteer_for(data: &DataDir) -> Result<Gazetteer> {
    let mut gazetteer = Gazetteer::embedded();
    let annotations = format!("{}annotations/", ids::GRAPH_BASE);
    let mut quads = Vec::new();
    for predicate in [rdfs::LABEL, skos::ALT_LABEL, rdf::TYPE] {
        for quad in data
            .store()
            .quads_for_pattern(None, Some(predicate), None, None)
        {
            let quad = quad?;
            if !matches!(&quad.graph_name, GraphName::NamedNode(g) if g.as_str().starts_with(&annotations))
            {
                quads.push(quad);
            }
        }
    }
    gazetteer.extend(&quads);
    Ok(gazetteer)
}

/// Loads files in two passes, RDF first (so a gazetteer loaded in the same
/// run is used to resolve names), then annotated sources. Each file's result
/// is handed to `report` as it completes; the run goes on after a failure.
/// `graph` names the target graph for a single RDF file.
pub fn load_files(
    data: &DataDir,
    files: &[PathBuf],
    graph: Option<&NamedNode>,
    mut report: impl FnMut(&Path, Result<Loaded>),
    mut report_note: impl FnMut(&str),
) -> Result<()> {
    if graph.is_some() && files.len() > 1 {
        return Err(Error::invalid(
            files[0].clone(),
            None,
            "--graph names the graph of one RDF file; give a single file",
        ));
    }
    let (sources, others): (Vec<&PathBuf>, Vec<&PathBuf>) = files
        .iter()
        .partition(|p| input_kind(p) == Some(InputKind::Source));
    for path in others {
        report(path, load_rdf(data, path, graph));
    }
    if sources.is_empty() {
        return Ok(());
    }
    if graph.is_some() {
        return Err(Error::invalid(
            sources[0].clone(),
            None,
            "--graph applies to RDF files; an annotated source always loads into its own graph",
        ));
    }
    for note in ensure_vocabulary(data)? {
        report_note(&note);
    }
    let gazetteer = gazetteer_for(data)?;
    let mut ids_seen: HashMap<String, PathBuf> = HashMap::new();
    for path in sources {
        report(path, load_source(data, path, &gazetteer, &mut ids_seen));
    }
    Ok(())
}

/// The graph an ontology file shipped with claimgraph loads into.
pub fn ontology_graph(file_name: &str) -> NamedNode {
    ids::file_graph_named("ontology", file_name)
}

/// Loads the shipped ontology and gazetteer into their graphs when the data
/// directory lacks them, so that annotated sources always have labels for
/// their entities and terms. Returns a note per graph loaded.
pub fn ensure_vocabulary(data: &DataDir) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    for (name, content) in embedded::ONTOLOGY {
        let graph = ontology_graph(name);
        if data.store().contains_named_graph(&graph)? {
            continue;
        }
        let path = Path::new("ontology").join(name);
        let quads = parse_rdf(content.as_bytes(), RdfFormat::Turtle, &graph, &path, None)?;
        data.replace_graphs(&[graph.clone().into()], &quads)?;
        notes.push(format!(
            "loaded the built-in {} ({} quads) into <{}>",
            path.display(),
            quads.len(),
            graph.as_str()
        ));
    }
    Ok(notes)
}

fn load_rdf(data: &DataDir, path: &Path, graph: Option<&NamedNode>) -> Result<Loaded> {
    let Some(InputKind::Rdf(format)) = input_kind(path) else {
        return Err(Error::UnknownFormat { path: path.into() });
    };
    let target = graph.cloned().unwrap_or_else(|| ids::file_graph(path));
    let quads = read_rdf_file(path, format, &target)?;
    if matches!(format, RdfFormat::JsonLd { .. })
        && graph.is_none()
        && crate::exchange::webannotation::is_web_annotation(&quads)
    {
        return load_web_annotations(data, path, &quads);
    }
    let meta = NamedOrBlankNode::NamedNode(crate::store::meta_graph());
    let mut graphs = graphs_of(&quads);
    if graphs.contains(&meta) {
        return Err(Error::invalid(
            path,
            None,
            format!(
                "writes to {meta}, which holds claimgraph's own bookkeeping; remove that graph from the file"
            ),
        ));
    }
    let target_node = NamedOrBlankNode::NamedNode(target);
    if !graphs.contains(&target_node) && !format.supports_datasets() {
        graphs.push(target_node);
    }
    let replaced = data.replace_graphs(&graphs, &quads)?;
    Ok(Loaded {
        path: path.into(),
        graphs,
        quads: quads.len(),
        replaced,
        claims: None,
        warnings: Vec::new(),
        skipped: Vec::new(),
    })
}

/// A JSON-LD file of Web Annotations: people's annotations, each recorded
/// in its creator's graph; those that cannot be anchored are reported in
/// [`Loaded::skipped`].
fn load_web_annotations(
    data: &DataDir,
    path: &Path,
    quads: &[oxigraph::model::Quad],
) -> Result<Loaded> {
    ensure_vocabulary(data)?;
    let gazetteer = gazetteer_for(data)?;
    let now = crate::text::now_iso();
    let (prepared, skipped) =
        crate::exchange::webannotation::import(data, &gazetteer, quads, path, &now)?;
    if prepared.is_empty() {
        return Err(Error::invalid(
            path,
            None,
            format!(
                "none of its Web Annotations could be anchored:\n  {}",
                skipped.join("\n  ")
            ),
        ));
    }
    let mut graphs: Vec<NamedOrBlankNode> = Vec::new();
    let mut warnings = Vec::new();
    for (_, a) in &prepared {
        let g = NamedOrBlankNode::NamedNode(a.graph.clone());
        if !graphs.contains(&g) {
            graphs.push(g);
        }
        warnings.extend(
            a.warnings
                .iter()
                .map(|w| format!("{}: {w}", path.display())),
        );
    }
    let (replaced, quads) = crate::annotated::annotate::write(data, &prepared)?;
    Ok(Loaded {
        path: path.into(),
        graphs,
        quads,
        replaced,
        claims: Some(prepared.len()),
        warnings,
        skipped,
    })
}

fn load_source(
    data: &DataDir,
    path: &Path,
    gazetteer: &Gazetteer,
    ids_seen: &mut HashMap<String, PathBuf>,
) -> Result<Loaded> {
    let (file, content) = read_source_file(path)?;
    if let Some(first) = ids_seen.get(&file.id) {
        return Err(Error::invalid(
            path,
            Some("id".into()),
            format!(
                "id {:?} is already used by {}; each source needs its own id",
                file.id,
                first.display()
            ),
        ));
    }
    ids_seen.insert(file.id.clone(), path.into());
    let built = build_source(&file, &content, path, gazetteer)?;
    let mut warnings = built.warnings;
    // Loading an edited file again replaces its graph, as it should; a
    // different source given an id already stored would replace another
    // article without a word, so a changed headline is said.
    if let Some(stored) = stored_headline(data, &built.graph)?
        && stored.trim() != file.headline.trim()
    {
        warnings.push(format!(
            "id {:?} held the source {stored:?}, which this file replaces (its text, claims and \
             versions are gone); if this is another source, give it an id of its own and load \
             the other file again",
            file.id
        ));
    }
    let graphs = vec![NamedOrBlankNode::NamedNode(built.graph.clone())];
    let replaced = data.replace_graphs(&graphs, &built.quads)?;
    Ok(Loaded {
        path: path.into(),
        graphs,
        quads: built.quads.len(),
        replaced,
        claims: Some(built.claims),
        warnings,
        skipped: Vec::new(),
    })
}

/// The headline of the source stored in `graph`, if one is.
fn stored_headline(data: &DataDir, graph: &NamedNode) -> Result<Option<String>> {
    let found = data
        .store()
        .quads_for_pattern(
            None,
            Some(crate::vocab::schema::HEADLINE),
            None,
            Some(graph.as_ref().into()),
        )
        .next()
        .transpose()?;
    Ok(found.and_then(|q| match q.object {
        oxigraph::model::Term::Literal(l) => Some(l.value().to_owned()),
        _ => None,
    }))
}
