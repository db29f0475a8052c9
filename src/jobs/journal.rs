//! The journal of a job, kept in the store: for every page, feed and
//! sitemap the job fetched, when, the validators for a conditional request
//! next time, and (for pages) the source it became. Each entry is a small
//! graph of its own (`…/graph/journal/<job>/<hash of the URL>`), written in
//! the same batch as the page it records — so a pass killed half-way leaves
//! a journal that says exactly which pages are stored, and the next pass
//! finishes the rest without fetching those again.

use crate::Result;
use crate::ids::{self, GRAPH_BASE, ID_BASE};
use crate::vocab::{cg, rdf, schema, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::Store;
use std::collections::HashMap;

/// What the journal says about one URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The URL.
    pub url: String,
    /// `ETag` of the last response.
    pub etag: Option<String>,
    /// `Last-Modified` of the last response.
    pub last_modified: Option<String>,
    /// When it was last fetched (ISO 8601).
    pub fetched_at: Option<String>,
    /// The source a page became.
    pub source: Option<NamedNode>,
    /// What the last fetch gave (`new-source`, `new-version`, `unchanged`,
    /// `other-language`, `feed`, `sitemap`, `sitemap-index`).
    pub outcome: Option<String>,
}

/// A job's IRI.
pub fn job_iri(job: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID_BASE}job/{}", ids::slug(job)))
}

fn key(job: &str, url: &str) -> String {
    format!("{}/{}", ids::slug(job), ids::short_hash(&[url]))
}

/// The graph of one journal entry.
pub fn entry_graph(job: &str, url: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{GRAPH_BASE}journal/{}", key(job, url)))
}

/// Every entry of `job`'s journal, by URL.
pub fn read(store: &Store, job: &str) -> Result<HashMap<String, Entry>> {
    let job_node = job_iri(job);
    let mut out = HashMap::new();
    for q in store.quads_for_pattern(None, Some(cg::JOB), Some(job_node.as_ref().into()), None) {
        let q = q?;
        let (NamedOrBlankNode::NamedNode(e), GraphName::NamedNode(g)) = (q.subject, q.graph_name)
        else {
            continue;
        };
        let mut entry = Entry::default();
        for q in
            store.quads_for_pattern(Some(e.as_ref().into()), None, None, Some(g.as_ref().into()))
        {
            let q = q?;
            let text = match &q.object {
                Term::Literal(l) => Some(l.value().to_owned()),
                Term::NamedNode(n) => Some(n.as_str().to_owned()),
                Term::BlankNode(_) => None,
            };
            let p = q.predicate.as_ref();
            if p == schema::URL {
                entry.url = text.unwrap_or_default();
            } else if p == cg::ETAG {
                entry.etag = text;
            } else if p == cg::LAST_MODIFIED {
                entry.last_modified = text;
            } else if p == cg::FETCHED_AT {
                entry.fetched_at = text;
            } else if p == cg::OUTCOME {
                entry.outcome = text;
            } else if p == cg::SOURCE
                && let Term::NamedNode(n) = q.object
            {
                entry.source = Some(n);
            }
        }
        if !entry.url.is_empty() {
            out.insert(entry.url.clone(), entry);
        }
    }
    Ok(out)
}

/// The graph and quads recording `entry` in `job`'s journal.
pub fn entry_quads(job: &str, entry: &Entry) -> (NamedNode, Vec<Quad>) {
    let graph = entry_graph(job, &entry.url);
    let g = GraphName::NamedNode(graph.clone());
    let subject = NamedNode::new_unchecked(format!("{ID_BASE}journal/{}", key(job, &entry.url)));
    let mut quads = Vec::new();
    let mut add = |p: NamedNodeRef<'_>, o: Term| {
        quads.push(Quad::new(subject.clone(), p.into_owned(), o, g.clone()));
    };
    let lit = |s: &str| Term::from(Literal::new_simple_literal(s));
    add(rdf::TYPE, cg::JOURNAL_ENTRY.into_owned().into());
    add(cg::JOB, job_iri(job).into());
    add(
        schema::URL,
        NamedNode::new(&entry.url).map_or_else(|_| lit(&entry.url), Term::from),
    );
    if let Some(v) = &entry.etag {
        add(cg::ETAG, lit(v));
    }
    if let Some(v) = &entry.last_modified {
        add(cg::LAST_MODIFIED, lit(v));
    }
    if let Some(v) = &entry.fetched_at {
        add(
            cg::FETCHED_AT,
            Literal::new_typed_literal(v, xsd::DATE_TIME).into(),
        );
    }
    if let Some(v) = &entry.outcome {
        add(cg::OUTCOME, lit(v));
    }
    if let Some(s) = &entry.source {
        add(cg::SOURCE, s.clone().into());
    }
    (graph, quads)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_through_the_store() {
        let store = Store::new().unwrap();
        let entry = Entry {
            url: "https://news.example.com/a.html".into(),
            etag: Some("\"v1\"".into()),
            last_modified: None,
            fetched_at: Some("2026-12-01T10:00:00Z".into()),
            source: Some(NamedNode::new_unchecked(format!("{ID_BASE}source/abc"))),
            outcome: Some("new-source".into()),
        };
        let (graph, quads) = entry_quads("watch", &entry);
        assert!(
            graph
                .as_str()
                .starts_with(&format!("{GRAPH_BASE}journal/watch/"))
        );
        store.extend(quads).unwrap();
        let read = read(&store, "watch").unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(read[&entry.url], entry);
        assert!(super::read(&store, "other").unwrap().is_empty());
    }
}
