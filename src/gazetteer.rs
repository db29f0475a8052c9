//! The gazetteer: names and aliases of the entities of the field, in English
//! and Chinese, and resolution of a name written by a researcher (an id, a
//! label or an alias) to one entity IRI.
//!
//! The gazetteer shipped in `ontology/entities.ttl` is compiled in, so sources
//! resolve the same way on any machine; entities already in a data directory
//! (added by users) are merged over it.

use crate::ids::ID_BASE;
use crate::text::{closest, normalise};
use crate::vocab::{rdf, rdfs, skos};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeSet, HashMap};

/// The gazetteer file as shipped, compiled into the binary.
pub const EMBEDDED_TTL: &str = include_str!("../ontology/entities.ttl");

/// One entity of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Its IRI.
    pub iri: NamedNode,
    /// The last segment of its IRI (`nrta`, `scmp`…).
    pub id: String,
    /// `rdfs:label` values, in every language.
    pub labels: BTreeSet<String>,
    /// `skos:altLabel` values, in every language.
    pub aliases: BTreeSet<String>,
    /// Language tags of the labels (`en`, `zh`; empty for plain strings).
    pub label_languages: BTreeSet<String>,
    /// `rdf:type` values.
    pub types: BTreeSet<NamedNode>,
}

impl Entity {
    /// The label to show: the first English-looking one, else any.
    pub fn display_label(&self) -> &str {
        self.labels
            .iter()
            .find(|l| l.is_ascii())
            .or_else(|| self.labels.iter().next())
            .map_or(self.id.as_str(), String::as_str)
    }
}

/// How a name resolved.
#[derive(Debug)]
pub enum Resolution<'a> {
    /// Exactly one entity has this id, label or alias (the first of those
    /// three that matches anything wins).
    Found(&'a Entity),
    /// Several entities share the name at the same level.
    Ambiguous(Vec<&'a Entity>),
    /// No entity has the name.
    Unknown,
}

/// Names → entities.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_iri: HashMap<NamedNode, usize>,
    by_id: HashMap<String, usize>,
    by_label: HashMap<String, Vec<usize>>,
    by_alias: HashMap<String, Vec<usize>>,
    /// Labels and aliases by [`loose`] key: "micro dramas" finds
    /// "micro-drama".
    by_loose: HashMap<String, Vec<usize>>,
}

impl Gazetteer {
    /// The gazetteer shipped with claimgraph.
    pub fn embedded() -> Self {
        let quads = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(EMBEDDED_TTL.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .expect("ontology/entities.ttl is valid Turtle (tested)");
        let mut g = Self::default();
        g.extend(&quads);
        g
    }

    /// Adds the entities described by `quads`: subjects under
    /// `…/id/entity/` with labels, aliases or types.
    pub fn extend<'a>(&mut self, quads: impl IntoIterator<Item = &'a Quad>) {
        let prefix = format!("{ID_BASE}entity/");
        for quad in quads {
            let NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                continue;
            };
            let Some(id) = subject.as_str().strip_prefix(&prefix) else {
                continue;
            };
            let predicate = quad.predicate.as_ref();
            let value = match &quad.object {
                Term::Literal(l) if predicate == rdfs::LABEL || predicate == skos::ALT_LABEL => {
                    if predicate == rdfs::LABEL {
                        let index = self.entity_index(subject, id);
                        self.entities[index]
                            .label_languages
                            .insert(l.language().unwrap_or("").to_owned());
                    }
                    Some(l.value().to_owned())
                }
                Term::NamedNode(t) if predicate == rdf::TYPE => {
                    let index = self.entity_index(subject, id);
                    self.entities[index].types.insert(t.clone());
                    None
                }
                _ => None,
            };
            let Some(value) = value else { continue };
            let index = self.entity_index(subject, id);
            let key = normalise(&value);
            let (set, map) = if predicate == rdfs::LABEL {
                (&mut self.entities[index].labels, &mut self.by_label)
            } else {
                (&mut self.entities[index].aliases, &mut self.by_alias)
            };
            if set.insert(value) {
                let loose_key = loose(&key);
                for (map, key) in [(map, key), (&mut self.by_loose, loose_key)] {
                    let slot = map.entry(key).or_default();
                    if !slot.contains(&index) {
                        slot.push(index);
                    }
                }
            }
        }
    }

    fn entity_index(&mut self, iri: &NamedNode, id: &str) -> usize {
        if let Some(&i) = self.by_iri.get(iri) {
            return i;
        }
        let i = self.entities.len();
        self.entities.push(Entity {
            iri: iri.clone(),
            id: id.to_owned(),
            labels: BTreeSet::new(),
            aliases: BTreeSet::new(),
            label_languages: BTreeSet::new(),
            types: BTreeSet::new(),
        });
        self.by_iri.insert(iri.clone(), i);
        self.by_id.insert(id.to_owned(), i);
        i
    }

    /// Every entity.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this IRI.
    pub fn get(&self, iri: &NamedNode) -> Option<&Entity> {
        self.by_iri.get(iri).map(|&i| &self.entities[i])
    }

    /// Resolves a name: an id first, then labels, then aliases, each compared
    /// after [`normalise`] (case, width and spacing do not matter), then,
    /// when it can mean one entity only, labels and aliases compared
    /// [`loose`]ly (hyphens, possessives and plurals do not matter either).
    pub fn resolve(&self, name: &str) -> Resolution<'_> {
        if let Some(&i) = self.by_id.get(name.trim()) {
            return Resolution::Found(&self.entities[i]);
        }
        let key = normalise(name);
        for map in [&self.by_label, &self.by_alias] {
            match map.get(&key).map(Vec::as_slice) {
                Some([i]) => return Resolution::Found(&self.entities[*i]),
                Some(many) if !many.is_empty() => {
                    return Resolution::Ambiguous(
                        many.iter().map(|&i| &self.entities[i]).collect(),
                    );
                }
                _ => {}
            }
        }
        // Loosely, only a name that can mean one entity.
        match self.by_loose.get(&loose(&key)).map(Vec::as_slice) {
            Some([i]) => Resolution::Found(&self.entities[*i]),
            _ => Resolution::Unknown,
        }
    }

    /// Ids, labels and aliases close to `name`, for "did you mean".
    pub fn suggestions(&self, name: &str, n: usize) -> Vec<String> {
        let names = self.entities.iter().flat_map(|e| {
            std::iter::once(e.id.as_str())
                .chain(e.labels.iter().map(String::as_str))
                .chain(e.aliases.iter().map(String::as_str))
        });
        closest(name, names, n)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// A looser key than [`normalise`]'s, for names people type: hyphens and
/// dashes read as spaces, a possessive left out, and a final plural "s" of
/// a word of four letters or more (but "ss") dropped.
fn loose(normalised: &str) -> String {
    let spaced: String = normalised
        .chars()
        .map(|c| {
            if matches!(c, '-' | '‐' | '‑' | '–' | '—' | '_') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced
        .split_whitespace()
        .map(|word| {
            let word = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .unwrap_or(word);
            match word.strip_suffix('s') {
                Some(stem)
                    if stem.chars().count() >= 3 && !stem.ends_with('s') && stem.is_ascii() =>
                {
                    stem
                }
                _ => word,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_typed_loosely_find_their_entity() {
        let g = Gazetteer::embedded();
        let found = |name: &str| match g.resolve(name) {
            Resolution::Found(e) => Some(e.id.clone()),
            _ => None,
        };
        for name in [
            "micro dramas",
            "Micro-Dramas",
            "micro–drama",
            "micro-drama’s",
        ] {
            assert_eq!(found(name).as_deref(), Some("micro-drama"), "{name}");
        }
        assert_eq!(loose("reuters"), "reuter");
        assert_eq!(loose("the press"), "the press");
        assert_eq!(loose("ai micro-drama"), "ai micro drama");
        assert_eq!(found("no such thing at all"), None);
    }

    #[test]
    fn embedded_gazetteer_is_rich_and_bilingual() {
        let g = Gazetteer::embedded();
        assert!(g.entities().len() >= 60, "{} entities", g.entities().len());
        for e in g.entities() {
            assert!(
                e.label_languages.contains("en") && e.label_languages.contains("zh"),
                "{} needs an English and a Chinese label",
                e.id
            );
            assert!(!e.types.is_empty(), "{} has no type", e.id);
        }
    }

    #[test]
    fn resolves_ids_labels_and_aliases_in_both_languages() {
        let g = Gazetteer::embedded();
        let id = |name: &str| match g.resolve(name) {
            Resolution::Found(e) => e.id.clone(),
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(id("nrta"), "nrta");
        assert_eq!(id("国家广播电视总局"), "nrta");
        assert_eq!(id("广电总局"), "nrta");
        assert_eq!(id("national radio and television administration"), "nrta");
        assert_eq!(id("SCMP"), "scmp");
        assert_eq!(id("南华早报"), "scmp");
        assert_eq!(id("微短剧"), "micro-drama");
        assert_eq!(id("短剧"), "micro-drama");
        // Labels win over aliases: "Beijing" is the city, though it is also
        // an alias (metonym) of the government.
        assert_eq!(id("Beijing"), "beijing");
        assert_eq!(id("北京"), "beijing");
        assert!(matches!(
            g.resolve("Nobody in particular"),
            Resolution::Unknown
        ));
        assert!(g.suggestions("Xinhau", 3).iter().any(|s| s == "Xinhua"));
    }
}
