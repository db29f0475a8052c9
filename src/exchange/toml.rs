//! People's annotations back out as annotated source files
//! (`docs/sources-format.md`), so that a researcher's work travels as the
//! files they write by hand: one TOML file per annotated source file loaded
//! (`…/graph/annotations/<id>`), and one per source and version a person
//! marked with `claimgraph annotate` (`…/graph/annotations/by/<author>`),
//! each with its text in `texts/<id>.txt`.
//!
//! Loading an exported file gives the same attributions (same IRIs, same
//! triples): names are written as gazetteer ids, or as the label of an
//! entity the gazetteer lacks, `@author` where the source's own author is
//! meant; a prefix is written only where the quote occurs more than once.
//! Exporting what was loaded from an exported file gives the same file
//! again. Comments and the spelling of names in a hand-written file are not
//! kept (`"South China Morning Post"` comes back as `"scmp"`).

use crate::Result;
use crate::annotated::anchor::{AnchorError, anchor};
use crate::gazetteer::Gazetteer;
use crate::ids::{self, GRAPH_BASE, ID_BASE};
use crate::vocab::{cg, dct, oa, prov, rdf, rdfs, schema, skos};
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// One exported source file and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedSource {
    /// The file's id (`<id>.toml`, `texts/<id>.txt`).
    pub id: String,
    /// The graph it comes from.
    pub graph: NamedNode,
    /// The TOML.
    pub toml: String,
    /// The text.
    pub text: String,
}

/// A TOML string (basic, escaped; multi-line when it holds line breaks).
fn quoted(s: &str) -> String {
    let plain = |c: char| !c.is_control() || c == '\n' || c == '\t';
    if s.contains('\n')
        && !s.starts_with('\n')
        && !s.ends_with('"')
        && !s.contains("\"\"\"")
        && !s.contains('\\')
        && s.chars().all(plain)
    {
        format!("\"\"\"{s}\"\"\"")
    } else {
        toml::Value::String(s.to_owned()).to_string()
    }
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| quoted(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Reads one graph.
struct Graph<'a> {
    store: &'a Store,
    graph: NamedNode,
}

impl Graph<'_> {
    /// Objects of `s p` in this graph, or in any graph with `anywhere`.
    fn objects(&self, s: &NamedNode, p: NamedNodeRef<'_>, anywhere: bool) -> Result<Vec<Term>> {
        let mut out = Vec::new();
        for q in self.store.quads_for_pattern(
            Some(s.as_ref().into()),
            Some(p),
            None,
            (!anywhere).then(|| GraphNameRef::NamedNode(self.graph.as_ref())),
        ) {
            let o = q?.object;
            if !out.contains(&o) {
                out.push(o);
            }
        }
        Ok(out)
    }

    fn literal(
        &self,
        s: &NamedNode,
        p: NamedNodeRef<'_>,
        anywhere: bool,
    ) -> Result<Option<String>> {
        Ok(self
            .objects(s, p, anywhere)?
            .into_iter()
            .find_map(|t| match t {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            }))
    }

    fn nodes(&self, s: &NamedNode, p: NamedNodeRef<'_>, anywhere: bool) -> Result<Vec<NamedNode>> {
        Ok(self
            .objects(s, p, anywhere)?
            .into_iter()
            .filter_map(|t| match t {
                Term::NamedNode(n) => Some(n),
                _ => None,
            })
            .collect())
    }

    fn node(
        &self,
        s: &NamedNode,
        p: NamedNodeRef<'_>,
        anywhere: bool,
    ) -> Result<Option<NamedNode>> {
        Ok(self.nodes(s, p, anywhere)?.into_iter().next())
    }
}

/// The gazetteer shipped in `ontology/entities.ttl`, whose ids resolve in
/// any data directory.
static SHIPPED: std::sync::LazyLock<Gazetteer> = std::sync::LazyLock::new(Gazetteer::embedded);

/// How a file writes an entity: its id in the shipped gazetteer, else its
/// label (an id minted in this data directory, "jane-doe", would name a
/// new entity "jane-doe" where the file is loaded), else its id.
fn name_of(g: &Graph<'_>, gazetteer: &Gazetteer, entity: &NamedNode) -> Result<String> {
    if let Some(e) = SHIPPED.get(entity) {
        return Ok(e.id.clone());
    }
    let label = g.literal(entity, rdfs::LABEL, false)?;
    let label = match label {
        Some(l) => Some(l),
        None => g.literal(entity, rdfs::LABEL, true)?,
    };
    Ok(label.unwrap_or_else(|| match gazetteer.get(entity) {
        Some(e) => e.id.clone(),
        None => entity
            .as_str()
            .strip_prefix(&format!("{ID_BASE}entity/"))
            .unwrap_or(entity.as_str())
            .to_owned(),
    }))
}

/// One attribution of a graph, ready to write.
struct ClaimOut {
    start: usize,
    attribution: NamedNode,
    lines: String,
    annotated: Option<String>,
    annotator: Option<String>,
}

/// The sources format's name of an attribution kind ("direct-quote",
/// "indirect", "according-to", "author-assertion").
pub fn kind_name(kind: Option<&NamedNode>) -> &'static str {
    match kind.map(NamedNode::as_ref) {
        Some(k) if k == cg::DIRECT_QUOTE => "direct-quote",
        Some(k) if k == cg::ACCORDING_TO => "according-to",
        Some(k) if k == cg::AUTHOR_ASSERTION => "author-assertion",
        _ => "indirect",
    }
}

fn stance_name(stance: Option<&NamedNode>) -> &'static str {
    match stance.map(NamedNode::as_ref) {
        Some(s) if s == cg::ENDORSES => "endorses",
        Some(s) if s == cg::DISPUTES => "disputes",
        _ => "neutral",
    }
}

/// How a source file or a tag writes `entity`, read from `graph`'s labels
/// first (see [`export_sources`]).
pub(crate) fn name_of_entity(
    store: &Store,
    graph: &NamedNode,
    gazetteer: &Gazetteer,
    entity: &NamedNode,
) -> Result<String> {
    name_of(
        &Graph {
            store,
            graph: graph.clone(),
        },
        gazetteer,
        entity,
    )
}

/// The entity `@author` stands for in `source` (as the loader resolves it).
pub(crate) fn author_of(store: &Store, source: &NamedNode) -> Result<Option<NamedNode>> {
    source_author(
        &Graph {
            store,
            graph: source.clone(),
        },
        source,
    )
}

/// [`author_of`], read through a graph reader (it reads every graph).
fn source_author(g: &Graph<'_>, source: &NamedNode) -> Result<Option<NamedNode>> {
    let authors = g.nodes(source, schema::AUTHOR, true)?;
    Ok(match authors.as_slice() {
        [one] => Some(one.clone()),
        [] => Some(
            g.node(source, schema::PUBLISHER, true)?
                .unwrap_or_else(|| ids::part_iri(source, "author")),
        ),
        _ => None,
    })
}

/// Every annotation graph's attributions as source files (sorted by id).
pub fn export_sources(store: &Store, gazetteer: &Gazetteer) -> Result<Vec<ExportedSource>> {
    let prefix = format!("{GRAPH_BASE}annotations/");
    let mut graphs: Vec<NamedNode> = Vec::new();
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(g) = g?
            && g.as_str().starts_with(&prefix)
        {
            graphs.push(g);
        }
    }
    graphs.sort();
    let mut out = Vec::new();
    let mut used = BTreeSet::new();
    for graph in graphs {
        let g = Graph {
            store,
            graph: graph.clone(),
        };
        // Attributions by source (and version).
        let mut by_source: BTreeMap<(NamedNode, NamedNode), Vec<ClaimOut>> = BTreeMap::new();
        for q in store.quads_for_pattern(
            None,
            Some(rdf::TYPE),
            Some(cg::ATTRIBUTION.into()),
            Some(graph.as_ref().into()),
        ) {
            let NamedOrBlankNode::NamedNode(a) = q?.subject else {
                continue;
            };
            let (Some(source), Some(version), Some(claim), Some(claimant)) = (
                g.node(&a, cg::SOURCE, false)?,
                g.node(&a, cg::IN_VERSION, false)?,
                g.node(&a, cg::CLAIM, false)?,
                g.node(&a, cg::CLAIMANT, false)?,
            ) else {
                continue;
            };
            let Some(text) = g.literal(&version, cg::TEXT, true)? else {
                continue;
            };
            let mut exact = None;
            let mut start = 0;
            let mut before = String::new();
            if let Some(target) = g.node(&a, oa::HAS_TARGET, false)? {
                for sel in g.nodes(&target, oa::HAS_SELECTOR, false)? {
                    if let Some(e) = g.literal(&sel, oa::EXACT, false)? {
                        exact = Some(e);
                        before = g.literal(&sel, oa::PREFIX, false)?.unwrap_or_default();
                    }
                    if let Some(s) = g.literal(&sel, oa::START, false)? {
                        start = s.parse().unwrap_or(0);
                    }
                }
            }
            let Some(exact) = exact else { continue };
            let mut lines = String::new();
            let _ = writeln!(lines, "\n[[claim]]\nquote = {}", quoted(&exact));
            if matches!(
                anchor(&text, &exact, None, None),
                Err(AnchorError::Ambiguous { .. })
            ) {
                let _ = writeln!(lines, "prefix = {}", quoted(&before));
            }
            let claim_text = g.literal(&claim, schema::TEXT, false)?.unwrap_or_default();
            let _ = writeln!(lines, "claim = {}", quoted(&claim_text));
            let claimant_name = if source_author(&g, &source)?.as_ref() == Some(&claimant)
                && (claimant == ids::part_iri(&source, "author")
                    || g.node(&a, cg::KIND, false)?.as_ref().map(NamedNode::as_ref)
                        == Some(cg::AUTHOR_ASSERTION))
            {
                "@author".to_owned()
            } else {
                name_of(&g, gazetteer, &claimant)?
            };
            let _ = writeln!(lines, "claimant = {}", quoted(&claimant_name));
            let mut steps: Vec<(i64, NamedNode)> = Vec::new();
            for step in g.nodes(&a, cg::REPORTING_STEP_PROP, false)? {
                let position = g
                    .literal(&step, cg::POSITION, false)?
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(i64::MAX);
                if let Some(r) = g.node(&step, cg::REPORTER, false)? {
                    steps.push((position, r));
                }
            }
            steps.sort();
            if !steps.is_empty() {
                let names = steps
                    .iter()
                    .map(|(_, r)| name_of(&g, gazetteer, r))
                    .collect::<Result<Vec<_>>>()?;
                let _ = writeln!(lines, "reported_by = {}", list(&names));
            }
            if let Some(cue) = g.literal(&a, cg::CUE, false)? {
                let _ = writeln!(lines, "cue = {}", quoted(&cue));
            }
            let kind = g.node(&a, cg::KIND, false)?;
            let _ = writeln!(lines, "kind = {}", quoted(kind_name(kind.as_ref())));
            let stance = g.node(&a, cg::STANCE_PROP, false)?;
            let _ = writeln!(lines, "stance = {}", quoted(stance_name(stance.as_ref())));
            let mut about = g.nodes(&claim, schema::ABOUT, false)?;
            about.sort();
            if !about.is_empty() {
                let names = about
                    .iter()
                    .map(|e| name_of(&g, gazetteer, e))
                    .collect::<Result<Vec<_>>>()?;
                let _ = writeln!(lines, "about = {}", list(&names));
            }
            if let Some(note) = g.literal(&a, skos::NOTE, false)? {
                let _ = writeln!(lines, "note = {}", quoted(&note));
            }
            let annotated = g.literal(&a, dct::CREATED, false)?;
            let annotator = match g.node(&a, prov::WAS_ATTRIBUTED_TO, false)? {
                Some(agent) => g.literal(&agent, rdfs::LABEL, true)?,
                None => None,
            };
            by_source
                .entry((source, version.clone()))
                .or_default()
                .push(ClaimOut {
                    start,
                    attribution: a,
                    lines,
                    annotated,
                    annotator,
                });
        }
        let file_id = graph
            .as_str()
            .strip_prefix(&prefix)
            .unwrap_or_default()
            .to_owned();
        let author_graph = file_id.starts_with("by/");
        for ((source, version), mut claims) in by_source {
            claims.sort_by(|x, y| {
                x.start
                    .cmp(&y.start)
                    .then(x.attribution.cmp(&y.attribution))
            });
            let id = if author_graph {
                let author = file_id.trim_start_matches("by/");
                // A source file's id is ASCII ("李明" marks sources too):
                // a name in another script keeps its ASCII part, or
                // "annotator", and the hash then tells annotators apart.
                let ascii: String = author
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
                    .collect();
                let ascii = ascii.trim_matches(['.', '_', '-']);
                if ascii.len() == author.len() {
                    format!(
                        "{author}-{}",
                        ids::short_hash(&[source.as_str(), version.as_str()])
                    )
                } else {
                    format!(
                        "{}-{}",
                        if ascii.is_empty() { "annotator" } else { ascii },
                        ids::short_hash(&[graph.as_str(), source.as_str(), version.as_str()])
                    )
                }
            } else {
                file_id.clone()
            };
            // Two files never share a name: a graph loaded from an exported
            // file ("li-wei-5dafcb…") and the annotator's own graph it came
            // from may both give one, and so may two versions of a source
            // in one graph. The later (in graph order) is told apart by a
            // hash, so no export overwrites another.
            let id = if used.contains(&id) {
                format!(
                    "{id}-{}",
                    ids::short_hash(&[graph.as_str(), source.as_str(), version.as_str()])
                )
            } else {
                id
            };
            used.insert(id.clone());
            let text = g.literal(&version, cg::TEXT, true)?.unwrap_or_default();
            out.push(ExportedSource {
                toml: source_file(&g, gazetteer, &id, &source, &version, &claims)?,
                id,
                graph: graph.clone(),
                text,
            });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// The TOML of one source file.
fn source_file(
    g: &Graph<'_>,
    gazetteer: &Gazetteer,
    id: &str,
    source: &NamedNode,
    version: &NamedNode,
    claims: &[ClaimOut],
) -> Result<String> {
    let mut t = String::new();
    let _ = writeln!(t, "id = {}", quoted(id));
    let kind = g
        .nodes(source, rdf::TYPE, true)?
        .into_iter()
        .find_map(|n| n.as_str().strip_prefix(schema::NS).map(str::to_owned))
        .unwrap_or_else(|| "NewsArticle".into());
    let _ = writeln!(t, "type = {}", quoted(&kind));
    match g.node(source, schema::URL, true)? {
        Some(url) => {
            let _ = writeln!(t, "url = {}", quoted(url.as_str()));
        }
        None => {
            // A source named by another file's id: say which.
            if let Some(other) = source.as_str().strip_prefix(&format!("{ID_BASE}source/"))
                && other != id
            {
                let _ = writeln!(t, "source_id = {}", quoted(other));
            }
        }
    }
    let headline = g
        .literal(source, schema::HEADLINE, true)?
        .unwrap_or_else(|| id.to_owned());
    let _ = writeln!(t, "headline = {}", quoted(&headline));
    let mut authors = g.nodes(source, schema::AUTHOR, true)?;
    authors.sort();
    if !authors.is_empty() {
        let names = authors
            .iter()
            .map(|a| name_of(g, gazetteer, a))
            .collect::<Result<Vec<_>>>()?;
        let _ = writeln!(t, "authors = {}", list(&names));
    }
    if let Some(p) = g.node(source, schema::PUBLISHER, true)? {
        let _ = writeln!(t, "publisher = {}", quoted(&name_of(g, gazetteer, &p)?));
    }
    if let Some(d) = g.literal(source, schema::DATE_PUBLISHED, true)? {
        let _ = writeln!(t, "published = {}", quoted(&d));
    }
    if let Some(d) = g.literal(version, cg::RETRIEVED_AT, true)? {
        let _ = writeln!(t, "retrieved = {}", quoted(&d));
    }
    if let Some(l) = g.literal(source, schema::IN_LANGUAGE, true)? {
        let _ = writeln!(t, "language = {}", quoted(&l));
    }
    let _ = writeln!(t, "text_file = {}", quoted(&format!("texts/{id}.txt")));
    // The file's annotator and date: those all its claims share.
    let common = |f: fn(&ClaimOut) -> Option<&String>| -> Option<String> {
        let values: BTreeSet<Option<&String>> = claims.iter().map(f).collect();
        match values.into_iter().collect::<Vec<_>>().as_slice() {
            [Some(v)] => Some((*v).clone()),
            _ => None,
        }
    };
    let annotator = common(|c| c.annotator.as_ref());
    if let Some(a) = &annotator {
        let _ = writeln!(t, "annotator = {}", quoted(a));
    }
    let annotated = common(|c| c.annotated.as_ref());
    if let Some(d) = &annotated {
        let _ = writeln!(t, "annotated = {}", quoted(d));
    }
    if let Some(note) = g.literal(source, skos::NOTE, false)? {
        let _ = writeln!(t, "note = {}", quoted(&note));
    }
    for c in claims {
        t.push_str(&c.lines);
        if annotated.is_none()
            && let Some(d) = &c.annotated
        {
            let _ = writeln!(t, "annotated = {}", quoted(d));
        }
    }
    Ok(t)
}
