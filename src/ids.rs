//! Deterministic IRIs. Everything claimgraph mints is named from what it is
//! (a canonical URL, a content hash, a normalised claim, a span), so loading
//! the same input twice yields the same triples.

use crate::text::{normalise, normalise_claim};
use oxigraph::model::NamedNode;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Base of the IRIs of things claimgraph describes.
pub const ID_BASE: &str = "https://w3id.org/claimgraph/id/";
/// Base of claimgraph's named graph IRIs.
pub const GRAPH_BASE: &str = "https://w3id.org/claimgraph/graph/";

/// Lower-case hex SHA-256 of the parts, separated by U+001F so that
/// `("ab","c")` and `("a","bc")` differ.
pub fn hash_hex(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hasher.update([0x1f]);
        }
        hasher.update(part.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The first 16 hex digits (64 bits) of [`hash_hex`], for IRIs.
pub fn short_hash(parts: &[&str]) -> String {
    hash_hex(parts)[..16].to_owned()
}

/// `sha256:<hex>` of a text.
pub fn content_hash(text: &str) -> String {
    format!("sha256:{}", hash_hex(&[text]))
}

fn iri(s: String) -> NamedNode {
    NamedNode::new(s).expect("minted IRIs are valid by construction")
}

/// Whether `id` is usable as a path segment of an IRI we mint: ASCII letters,
/// digits, `.`, `_` and `-`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// A source: from its canonical URL when it has one (so that ingestion and
/// hand annotation of one page meet on one node), else from its file id.
pub fn source_iri(url: Option<&str>, id: &str) -> NamedNode {
    match url {
        Some(url) => iri(format!("{ID_BASE}source/{}", short_hash(&[url.trim()]))),
        None => iri(format!("{ID_BASE}source/{id}")),
    }
}

/// A version of a source, from the source and the hash of its text.
pub fn version_iri(source: &NamedNode, content_hash: &str) -> NamedNode {
    let hex = content_hash.rsplit(':').next().unwrap_or(content_hash);
    iri(format!(
        "{}/version/{}",
        source.as_str(),
        &hex[..16.min(hex.len())]
    ))
}

/// The `n`th version of a source with the same text (n ≥ 2: its text came
/// back after another, A, B, then A again): a node of its own, so that the
/// revision chain stays a chain.
pub fn returned_version_iri(source: &NamedNode, content_hash: &str, n: usize) -> NamedNode {
    iri(format!(
        "{}-{n}",
        version_iri(source, content_hash).as_str()
    ))
}

/// The deterministic key of a proposition: a hash of its normalised text.
pub fn claim_key(text: &str) -> String {
    short_hash(&[&normalise_claim(text)])
}

/// A claim node from its key.
pub fn claim_iri(key: &str) -> NamedNode {
    iri(format!("{ID_BASE}claim/{key}"))
}

/// One appearance of a claim: version, span, claim and claimant, and the
/// person who marked it when a person did (so that two people's marks of
/// one passage, which may differ in stance or kind, are two nodes, and
/// neither is the extractor's).
pub fn attribution_iri(
    version: &NamedNode,
    start: usize,
    end: usize,
    claim_key: &str,
    claimant: &NamedNode,
    marked_by: Option<&NamedNode>,
) -> NamedNode {
    let (start, end) = (start.to_string(), end.to_string());
    let mut parts = vec![version.as_str(), &start, &end, claim_key, claimant.as_str()];
    if let Some(person) = marked_by {
        parts.push(person.as_str());
    }
    iri(format!("{ID_BASE}attribution/{}", short_hash(&parts)))
}

/// Kinds of minted IRI named `{ID_BASE}{kind}/{16 hex digits}`, which the
/// index keeps as a 64-bit number instead of a string.
pub const HASHED_KINDS: [&str; 3] = ["claim", "attribution", "source"];

/// The 64-bit hash that names `iri`, when it is a minted IRI of `kind`
/// (`{ID_BASE}{kind}/` and exactly 16 lower-case hex digits), so that
/// [`hashed_iri`] gives the same string back.
pub fn hashed_iri_key(iri: &str, kind: &str) -> Option<u64> {
    let hex = iri
        .strip_prefix(ID_BASE)?
        .strip_prefix(kind)?
        .strip_prefix('/')?;
    let canonical = hex.len() == 16
        && hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    canonical
        .then(|| u64::from_str_radix(hex, 16).ok())
        .flatten()
}

/// The minted IRI of `kind` named by a 64-bit hash: the inverse of
/// [`hashed_iri_key`].
pub fn hashed_iri(kind: &str, key: u64) -> String {
    format!("{ID_BASE}{kind}/{key:016x}")
}

/// A node hanging off another one (`<iri>#part`), for selectors and steps.
pub fn part_iri(of: &NamedNode, part: &str) -> NamedNode {
    iri(format!("{}#{part}", of.as_str()))
}

/// A gazetteer entity from its id, or a minted entity from its name.
pub fn entity_iri(id_or_name: &str) -> NamedNode {
    iri(format!("{ID_BASE}entity/{}", slug(id_or_name)))
}

/// A person or team who annotates sources or reviews claims.
pub fn agent_iri(name: &str) -> NamedNode {
    iri(format!("{ID_BASE}agent/{}", slug(name)))
}

/// The named graph holding one annotated source file.
pub fn annotations_graph(source_id: &str) -> NamedNode {
    iri(format!("{GRAPH_BASE}annotations/{source_id}"))
}

/// The default named graph for an RDF file: `…/graph/file/<dir>/<stem>`, so
/// `ontology/entities.ttl` lands in `…/graph/file/ontology/entities`.
pub fn file_graph(path: &Path) -> NamedNode {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let dir = std::fs::canonicalize(path)
        .ok()
        .as_deref()
        .and_then(Path::parent)
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .unwrap_or("_")
        .to_owned();
    file_graph_named(&dir, name)
}

/// The graph of file `name` in directory `dir` (see [`file_graph`]).
pub fn file_graph_named(dir: &str, name: &str) -> NamedNode {
    let stem = name.split('.').next().unwrap_or(name);
    iri(format!("{GRAPH_BASE}file/{}/{}", slug(dir), slug(stem)))
}

/// A name made into an IRI path segment: normalised, letters and digits of
/// any script kept, everything else folded into single hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in normalise(name).chars() {
        if c.is_alphanumeric() || c == '.' || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        "_".into()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_iris_round_trip_and_nothing_else_is_taken_for_one() {
        let claim = claim_iri(&claim_key("Beijing funds micro-dramas."));
        let key = hashed_iri_key(claim.as_str(), "claim").expect("a minted claim IRI");
        assert_eq!(hashed_iri("claim", key), claim.as_str());
        let source = source_iri(Some("https://example.org/a"), "a");
        let key = hashed_iri_key(source.as_str(), "source").expect("a minted source IRI");
        assert_eq!(hashed_iri("source", key), source.as_str());
        assert_eq!(
            hashed_iri("claim", 1),
            format!("{ID_BASE}claim/0000000000000001")
        );
        for other in [
            source_iri(None, "op-ed").as_str().to_owned(),
            format!("{ID_BASE}claim/00000000000000AB"),
            format!("{ID_BASE}claim/0000000000000ab"),
            format!("{ID_BASE}claim/00000000000000abc"),
            format!("{ID_BASE}claim/+000000000000abc"),
            format!("{ID_BASE}attribution/0000000000000abc"),
            "https://example.org/claim/0000000000000abc".to_owned(),
        ] {
            assert_eq!(hashed_iri_key(&other, "claim"), None, "{other}");
        }
    }

    #[test]
    fn claim_keys_ignore_case_space_and_final_period() {
        assert_eq!(claim_key("China aims  high."), claim_key("china aims high"));
        assert_ne!(claim_key("China aims high"), claim_key("China aims low"));
    }

    #[test]
    fn slugs_keep_any_script() {
        assert_eq!(slug("South China Morning Post"), "south-china-morning-post");
        assert_eq!(slug("广电总局"), "广电总局");
        assert_eq!(slug("  People's Daily! "), "people-s-daily");
        assert_eq!(slug("!!!"), "_");
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("micro-drama-op-ed"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn hashing_separates_parts() {
        assert_ne!(hash_hex(&["ab", "c"]), hash_hex(&["a", "bc"]));
        assert_eq!(content_hash("x").len(), "sha256:".len() + 64);
    }
}
