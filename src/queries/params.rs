//! Query parameters: declared in a named query's header, given on the
//! command line as `key=value`, and bound as RDF terms (pre-bound variables),
//! never spliced into the query text.

use crate::annotated::build::date_literal;
use crate::{Error, Result};
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use std::str::FromStr;

/// What a parameter's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A string (or an RDF term written in N-Triples syntax).
    Text,
    /// An IRI, with or without angle brackets.
    Iri,
    /// A date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date-time).
    Date,
    /// An integer.
    Integer,
}

impl ParamKind {
    /// Parses a kind word of a query header.
    pub fn parse(word: &str) -> Option<Self> {
        Some(match word {
            "text" => Self::Text,
            "iri" => Self::Iri,
            "date" => Self::Date,
            "integer" => Self::Integer,
            _ => return None,
        })
    }
}

/// A declared parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamSpec {
    /// Its name, which is also the SPARQL variable it binds.
    pub name: String,
    /// What its value is.
    pub kind: ParamKind,
    /// Whether the query needs it.
    pub required: bool,
    /// What it means.
    pub description: String,
}

/// Binds `key=value` pairs to the query's declared parameters. Unknown and
/// missing-but-required parameters are errors that list the valid ones.
///
/// An optional parameter that is not given is bound to the empty string, and
/// queries test `?param = ""` for "not given". (They cannot test
/// `BOUND(?param)`: Oxigraph's optimiser folds BOUND of a variable that no
/// pattern binds to false before the substitution is seen.)
pub fn bind_params(
    query: &str,
    specs: &[ParamSpec],
    given: &[(String, String)],
) -> Result<Vec<(Variable, Term)>> {
    let valid = || {
        if specs.is_empty() {
            "it takes no parameters".to_owned()
        } else {
            format!(
                "its parameters are: {}",
                specs
                    .iter()
                    .map(|s| format!(
                        "{} ({}{})",
                        s.name,
                        kind_name(s.kind),
                        if s.required { ", required" } else { "" }
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    };
    let mut bound = Vec::new();
    for (key, value) in given {
        let Some(spec) = specs.iter().find(|s| &s.name == key) else {
            return Err(Error::Parameter {
                query: query.into(),
                message: format!("unknown parameter {key:?}; {}", valid()),
            });
        };
        if bound
            .iter()
            .any(|(v, _): &(Variable, Term)| v.as_str() == key)
        {
            return Err(Error::Parameter {
                query: query.into(),
                message: format!("parameter {key:?} given twice"),
            });
        }
        let term = to_term(spec.kind, value).map_err(|why| Error::Parameter {
            query: query.into(),
            message: format!("parameter {key}={value:?}: {why}"),
        })?;
        bound.push((Variable::new_unchecked(key.clone()), term));
    }
    for spec in specs {
        if given.iter().any(|(k, _)| k == &spec.name) {
            continue;
        }
        if spec.required {
            return Err(Error::Parameter {
                query: query.into(),
                message: format!(
                    "missing required parameter {:?} ({}); {}",
                    spec.name,
                    spec.description,
                    valid()
                ),
            });
        }
        bound.push((
            Variable::new_unchecked(spec.name.clone()),
            Literal::new_simple_literal("").into(),
        ));
    }
    Ok(bound)
}

fn kind_name(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::Text => "text",
        ParamKind::Iri => "IRI",
        ParamKind::Date => "date",
        ParamKind::Integer => "integer",
    }
}

/// Turns a command-line value into an RDF term of the declared kind.
pub fn to_term(kind: ParamKind, value: &str) -> std::result::Result<Term, String> {
    match kind {
        ParamKind::Text => {
            // An explicit RDF term (<iri>, "x"@zh, "x"^^<dt>) is taken as such;
            // anything else is a plain string, whatever characters it holds.
            let looks_like_term = (value.starts_with('<') && value.ends_with('>'))
                || (value.starts_with('"') && value.len() > 1 && value[1..].contains('"'));
            if looks_like_term {
                Term::from_str(value).map_err(|e| format!("not a valid RDF term: {e}"))
            } else {
                Ok(Literal::new_simple_literal(value).into())
            }
        }
        ParamKind::Iri => {
            let iri = value
                .strip_prefix('<')
                .and_then(|v| v.strip_suffix('>'))
                .unwrap_or(value);
            NamedNode::new(iri)
                .map(Into::into)
                .map_err(|e| format!("not a valid IRI: {e}"))
        }
        ParamKind::Date => date_literal(value).map(Into::into).ok_or_else(|| {
            "not a date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss)".to_owned()
        }),
        ParamKind::Integer => value
            .trim()
            .parse::<i64>()
            .map(|n| Literal::from(n).into())
            .map_err(|_| "not an integer".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &str, kind: ParamKind, required: bool) -> ParamSpec {
        ParamSpec {
            name: name.into(),
            kind,
            required,
            description: "d".into(),
        }
    }

    #[test]
    fn hostile_text_stays_a_literal() {
        let evil = "x\" } ; DROP ALL ; SELECT * { ?s ?p \"";
        assert_eq!(
            to_term(ParamKind::Text, evil).unwrap(),
            Term::from(Literal::new_simple_literal(evil))
        );
        assert_eq!(
            to_term(ParamKind::Text, "北京").unwrap(),
            Term::from(Literal::new_simple_literal("北京"))
        );
        assert_eq!(
            to_term(ParamKind::Text, "\"北京\"@zh").unwrap(),
            Term::from(Literal::new_language_tagged_literal_unchecked("北京", "zh"))
        );
        assert!(matches!(
            to_term(ParamKind::Text, "<https://example.com/x>").unwrap(),
            Term::NamedNode(_)
        ));
        assert!(to_term(ParamKind::Iri, "not an iri").is_err());
        assert!(to_term(ParamKind::Date, "yesterday").is_err());
        assert!(to_term(ParamKind::Integer, "12a").is_err());
    }

    #[test]
    fn unknown_and_missing_parameters_list_the_valid_ones() {
        let specs = [
            spec("entity", ParamKind::Text, true),
            spec("since", ParamKind::Date, false),
        ];
        let err = bind_params("q", &specs, &[("entiy".into(), "x".into())])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("unknown parameter \"entiy\"")
                && err.contains("entity (text, required)")
                && err.contains("since (date)"),
            "{err}"
        );
        let err = bind_params("q", &specs, &[]).unwrap_err().to_string();
        assert!(
            err.contains("missing required parameter \"entity\""),
            "{err}"
        );
        let ok = bind_params("q", &specs, &[("entity".into(), "Beijing".into())]).unwrap();
        assert_eq!(
            ok.len(),
            2,
            "the optional parameter not given is bound to \"\""
        );
        assert_eq!(ok[1].1, Term::from(Literal::new_simple_literal("")));
    }
}
