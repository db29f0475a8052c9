//! What a version's text was read for, recorded beside its claims.
//!
//! `ingest --no-claims` reads no claims at all, `--no-author-assertions`
//! none of the article's own assertions. The version's claims graph says
//! so (`cg:readWithout cg:Attributions, cg:AuthorAssertions`), so that
//! `reattribute` keeps the choice instead of giving the page what its
//! ingest declined, and so that a later ingest that does want claims
//! reads a page stored without them though its text has not changed. A
//! claims graph that says nothing was read for everything, which is what
//! stores written before the choice was recorded hold.

use crate::Result;
use crate::attribute::Options;
use crate::attribute::quads::claims_graph;
use crate::store::DataDir;
use crate::vocab::cg;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};

/// How much of a version was read for claims, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reading {
    /// No claims (`--no-claims`).
    Nothing,
    /// Attributions, not the article's own assertions
    /// (`--no-author-assertions`).
    Attributions,
    /// Attributions and author assertions: the default.
    Everything,
}

impl Reading {
    /// The reading of an ingest that finds claims with `options` (`None`:
    /// none at all).
    pub fn of(options: Option<Options>) -> Reading {
        match options {
            None => Reading::Nothing,
            Some(o) if o.author_assertions => Reading::Everything,
            Some(_) => Reading::Attributions,
        }
    }

    /// What [`crate::attribute::find`] is asked for (`None`: nothing is read).
    pub fn options(self) -> Option<Options> {
        match self {
            Reading::Nothing => None,
            Reading::Attributions => Some(Options {
                author_assertions: false,
            }),
            Reading::Everything => Some(Options {
                author_assertions: true,
            }),
        }
    }

    /// The quads that record this reading of `version` in its claims graph
    /// (none for [`Reading::Everything`]).
    pub fn quads(self, version: &NamedNode) -> Vec<Quad> {
        let left_out: &[_] = match self {
            Reading::Nothing => &[cg::ATTRIBUTIONS, cg::AUTHOR_ASSERTIONS],
            Reading::Attributions => &[cg::AUTHOR_ASSERTIONS],
            Reading::Everything => &[],
        };
        let graph = GraphName::NamedNode(claims_graph(version));
        left_out
            .iter()
            .map(|part| {
                Quad::new(
                    version.clone(),
                    cg::READ_WITHOUT,
                    part.into_owned(),
                    graph.clone(),
                )
            })
            .collect()
    }

    /// The reading recorded among a claims graph's `quads` for `version`.
    pub fn in_quads(quads: &[Quad], version: &NamedNode) -> Reading {
        let parts = quads.iter().filter_map(|q| match (&q.subject, &q.object) {
            (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o))
                if s == version && q.predicate == cg::READ_WITHOUT =>
            {
                Some(o.as_ref())
            }
            _ => None,
        });
        Self::without(parts)
    }

    /// The reading recorded for `version` in the store.
    pub fn stored(data: &DataDir, version: &NamedNode) -> Result<Reading> {
        let graph = claims_graph(version);
        let parts: Vec<Term> = data
            .store()
            .quads_for_pattern(
                Some(version.as_ref().into()),
                Some(cg::READ_WITHOUT),
                None,
                Some(graph.as_ref().into()),
            )
            .map(|q| Ok(q?.object))
            .collect::<Result<_>>()?;
        Ok(Self::without(parts.iter().filter_map(|t| match t {
            Term::NamedNode(n) => Some(n.as_ref()),
            _ => None,
        })))
    }

    /// The reading that left out `parts`: without attributions nothing was
    /// read, whatever else is said.
    fn without<'a>(parts: impl Iterator<Item = oxigraph::model::NamedNodeRef<'a>>) -> Reading {
        let mut reading = Reading::Everything;
        for part in parts {
            if part == cg::ATTRIBUTIONS {
                return Reading::Nothing;
            }
            if part == cg::AUTHOR_ASSERTIONS {
                reading = Reading::Attributions;
            }
        }
        reading
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reading_is_read_back_from_its_quads() {
        let version = NamedNode::new_unchecked("https://example.org/v/1");
        let other = NamedNode::new_unchecked("https://example.org/v/2");
        for reading in [Reading::Nothing, Reading::Attributions, Reading::Everything] {
            let quads = reading.quads(&version);
            assert_eq!(Reading::in_quads(&quads, &version), reading);
            // Another version's record says nothing of this one.
            assert_eq!(Reading::in_quads(&quads, &other), Reading::Everything);
            assert_eq!(Reading::of(reading.options()), reading);
        }
        assert!(Reading::Everything.quads(&version).is_empty());
        assert!(Reading::Nothing < Reading::Attributions);
        assert!(Reading::Attributions < Reading::Everything);
    }
}
