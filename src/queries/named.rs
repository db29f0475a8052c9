//! The named queries and checks, compiled in from `queries/`, with their
//! header comments parsed into purpose, parameters and example.

use super::params::{ParamKind, ParamSpec};
use crate::{Error, Result};

/// A query shipped with claimgraph.
#[derive(Debug, Clone, Copy)]
pub struct NamedQuery {
    /// Its name (the file name without `.rq`).
    pub name: &'static str,
    /// The file's whole text.
    pub text: &'static str,
}

macro_rules! queries {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(NamedQuery { name: $name, text: include_str!(concat!("../../queries/", $dir, $name, ".rq")) }),*]
    };
}

/// The named queries, for `claimgraph query --name`.
pub const NAMED: &[NamedQuery] = queries!("":
    "who-claimed",
    "claims-about",
    "claim-trail",
    "sources",
    "state-bodies-matching",
    "claims-table",
);

/// The integrity checks, for `claimgraph check`: each a SELECT whose rows are
/// violations.
pub const CHECKS: &[NamedQuery] = queries!("checks/":
    "attribution-complete",
    "offsets-inside-text",
    "quote-equals-slice",
    "reporter-chain-ordered",
    "version-hash-matches",
    "version-chain-acyclic",
    "named-things-labelled",
    "annotations-anchored",
);

/// The named query called `name`, or an error listing those that exist.
pub fn find_named(name: &str) -> Result<&'static NamedQuery> {
    NAMED
        .iter()
        .find(|q| q.name == name)
        .ok_or_else(|| Error::UnknownQuery {
            name: name.into(),
            available: NAMED.iter().map(|q| q.name.to_owned()).collect(),
        })
}

/// The lines of a query text's leading comment block, without their `#`.
fn header_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#'))
}

impl NamedQuery {
    fn header(&self) -> impl Iterator<Item = &'static str> {
        header_lines(self.text)
    }

    /// The first header line's text after the name: what the query is for.
    pub fn purpose(&self) -> &'static str {
        self.header()
            .next()
            .and_then(|l| l.split_once('—'))
            .map_or("", |(_, p)| p.trim())
    }

    /// The parameters declared under `# Parameters:`, one per line as
    /// `?name  kind  required|optional  description`.
    pub fn params(&self) -> Vec<ParamSpec> {
        declared_params(self.text)
    }

    /// The example command lines under `# Example:`.
    pub fn examples(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut in_section = false;
        for line in self.header() {
            let trimmed = line.trim();
            if trimmed.ends_with(':') {
                in_section = trimmed == "Example:" || trimmed == "Examples:";
                continue;
            }
            if in_section && !trimmed.is_empty() {
                out.push(trimmed);
            }
        }
        out
    }
}

/// The parameters a query text declares in its header under
/// `# Parameters:`, one per line as `?name  kind  required|optional
/// description` (named queries and query files alike).
pub fn declared_params(text: &str) -> Vec<ParamSpec> {
    let mut specs = Vec::new();
    let mut in_section = false;
    for line in header_lines(text) {
        let trimmed = line.trim();
        if trimmed.ends_with(':') {
            in_section = trimmed == "Parameters:";
            continue;
        }
        if !in_section || !trimmed.starts_with('?') {
            continue;
        }
        let mut words = trimmed.split_whitespace();
        let name = words
            .next()
            .unwrap_or("?")
            .trim_start_matches('?')
            .to_owned();
        let kind = words
            .next()
            .and_then(ParamKind::parse)
            .unwrap_or(ParamKind::Text);
        let required = words.next() == Some("required");
        let description = words.collect::<Vec<_>>().join(" ");
        specs.push(ParamSpec {
            name,
            kind,
            required,
            description,
        });
    }
    specs
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::sparql::SparqlEvaluator;

    #[test]
    fn every_shipped_query_parses_and_documents_itself() {
        for q in NAMED.iter().chain(CHECKS) {
            let _prepared = SparqlEvaluator::new()
                .parse_query(q.text)
                .unwrap_or_else(|e| panic!("{}: {e}", q.name));
            assert!(
                q.text.starts_with(&format!("# {} — ", q.name)),
                "{} header must start with its name",
                q.name
            );
            assert!(!q.purpose().is_empty(), "{}: no purpose", q.name);
            assert!(!q.examples().is_empty(), "{}: no example", q.name);
            assert!(
                q.text.contains("# Parameters:"),
                "{}: no Parameters section",
                q.name
            );
        }
    }

    #[test]
    fn every_rq_file_is_listed() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/queries");
        for (sub, list) in [("", NAMED), ("checks", CHECKS)] {
            let path = std::path::Path::new(dir).join(sub);
            for entry in std::fs::read_dir(&path).unwrap() {
                let name = entry.unwrap().file_name().into_string().unwrap();
                if let Some(stem) = name.strip_suffix(".rq") {
                    assert!(
                        list.iter().any(|q| q.name == stem),
                        "{sub}/{name} is not listed in named.rs"
                    );
                }
            }
        }
    }

    #[test]
    fn headers_declare_parameters() {
        let q = find_named("claims-about").unwrap();
        let params = q.params();
        assert_eq!(params.len(), 1);
        assert_eq!(params[0].name, "entity");
        assert!(params[0].required);
        assert!(
            find_named("who-claimed")
                .unwrap()
                .params()
                .iter()
                .all(|p| !p.required)
        );
        assert!(find_named("sources").unwrap().params().is_empty());
        let err = find_named("nope").unwrap_err().to_string();
        assert!(
            err.contains("who-claimed") && err.contains("claim-trail"),
            "{err}"
        );
    }
}
