//! JSON-LD in and out, never touching the network.
//!
//! **In**: the contexts that fact-checking and annotation tools reference —
//! schema.org's and the W3C Web Annotation one — are bundled as claimgraph's
//! own term mappings ([`bundled_context`]); any other remote context is
//! refused with an error naming it, and nothing of the document is loaded.
//!
//! **Out**: [`frame`] turns a small graph into nested JSON: chosen root
//! nodes, with every node they refer to embedded (with its `@id`, so that
//! reading the JSON back gives exactly the same triples).

use crate::vocab::{rdf, schema, xsd};
use oxigraph::io::{JsonLdProfileSet, LoadedDocument, RdfFormat};
use oxigraph::model::{Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// claimgraph's mapping of schema.org terms: the vocabulary, and the
/// properties whose values are addresses read as IRIs.
const SCHEMA_ORG: &str = r#"{
  "@context": {
    "@vocab": "http://schema.org/",
    "schema": "http://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "url": { "@type": "@id" },
    "sameAs": { "@type": "@id" },
    "image": { "@type": "@id" },
    "logo": { "@type": "@id" }
  }
}"#;

/// claimgraph's mapping of the W3C Web Annotation terms (the `oa:`
/// vocabulary, as annotation tools such as Hypothesis write them).
const WEB_ANNOTATION: &str = r#"{
  "@context": {
    "oa": "http://www.w3.org/ns/oa#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dctypes": "http://purl.org/dc/dcmitype/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "http://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "as": "https://www.w3.org/ns/activitystreams#",
    "id": "@id",
    "type": "@type",
    "Annotation": "oa:Annotation",
    "SpecificResource": "oa:SpecificResource",
    "TextualBody": "oa:TextualBody",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "FragmentSelector": "oa:FragmentSelector",
    "CssSelector": "oa:CssSelector",
    "XPathSelector": "oa:XPathSelector",
    "RangeSelector": "oa:RangeSelector",
    "Person": "foaf:Person",
    "Organization": "foaf:Organization",
    "Software": "as:Application",
    "Text": "dctypes:Text",
    "AnnotationCollection": "as:OrderedCollection",
    "AnnotationPage": "as:OrderedCollectionPage",
    "items": { "@id": "as:items", "@type": "@id", "@container": "@list" },
    "first": { "@id": "as:first", "@type": "@id" },
    "last": { "@id": "as:last", "@type": "@id" },
    "next": { "@id": "as:next", "@type": "@id" },
    "prev": { "@id": "as:prev", "@type": "@id" },
    "partOf": { "@id": "as:partOf", "@type": "@id" },
    "total": { "@id": "as:totalItems", "@type": "xsd:nonNegativeInteger" },
    "startIndex": { "@id": "as:startIndex", "@type": "xsd:nonNegativeInteger" },
    "label": "rdfs:label",
    "body": { "@id": "oa:hasBody", "@type": "@id" },
    "target": { "@id": "oa:hasTarget", "@type": "@id" },
    "source": { "@id": "oa:hasSource", "@type": "@id" },
    "selector": { "@id": "oa:hasSelector", "@type": "@id" },
    "refinedBy": { "@id": "oa:refinedBy", "@type": "@id" },
    "startSelector": { "@id": "oa:hasStartSelector", "@type": "@id" },
    "endSelector": { "@id": "oa:hasEndSelector", "@type": "@id" },
    "motivation": { "@id": "oa:motivatedBy", "@type": "@vocab" },
    "purpose": { "@id": "oa:hasPurpose", "@type": "@vocab" },
    "identifying": "oa:identifying",
    "commenting": "oa:commenting",
    "highlighting": "oa:highlighting",
    "tagging": "oa:tagging",
    "describing": "oa:describing",
    "assessing": "oa:assessing",
    "classifying": "oa:classifying",
    "linking": "oa:linking",
    "questioning": "oa:questioning",
    "replying": "oa:replying",
    "bookmarking": "oa:bookmarking",
    "editing": "oa:editing",
    "moderating": "oa:moderating",
    "value": { "@id": "rdf:value" },
    "exact": { "@id": "oa:exact" },
    "prefix": { "@id": "oa:prefix" },
    "suffix": { "@id": "oa:suffix" },
    "start": { "@id": "oa:start", "@type": "xsd:nonNegativeInteger" },
    "end": { "@id": "oa:end", "@type": "xsd:nonNegativeInteger" },
    "creator": { "@id": "dcterms:creator", "@type": "@id" },
    "created": { "@id": "dcterms:created", "@type": "xsd:dateTime" },
    "modified": { "@id": "dcterms:modified", "@type": "xsd:dateTime" },
    "generated": { "@id": "dcterms:issued", "@type": "xsd:dateTime" },
    "name": "foaf:name",
    "nickname": "foaf:nick",
    "language": "dc:language",
    "format": "dc:format",
    "bodyValue": { "@id": "oa:bodyValue" },
    "canonical": { "@id": "oa:canonical", "@type": "xsd:anyURI" },
    "via": { "@id": "oa:via", "@type": "xsd:anyURI" },
    "rights": { "@id": "dcterms:rights", "@type": "@id" },
    "textDirection": { "@id": "oa:textDirection", "@type": "@vocab" },
    "ltr": "oa:ltrDirection",
    "rtl": "oa:rtlDirection"
  }
}"#;

/// The contexts claimgraph reads without fetching: each address these
/// documents use, and claimgraph's own mapping of its terms.
pub const BUNDLED: &[(&str, &str)] = &[
    ("http://schema.org", SCHEMA_ORG),
    ("https://schema.org", SCHEMA_ORG),
    ("http://schema.org/", SCHEMA_ORG),
    ("https://schema.org/", SCHEMA_ORG),
    ("https://schema.org/docs/jsonldcontext.json", SCHEMA_ORG),
    ("https://schema.org/docs/jsonldcontext.jsonld", SCHEMA_ORG),
    ("http://www.w3.org/ns/anno.jsonld", WEB_ANNOTATION),
    ("https://www.w3.org/ns/anno.jsonld", WEB_ANNOTATION),
    ("http://www.w3.org/ns/anno", WEB_ANNOTATION),
    ("https://www.w3.org/ns/anno", WEB_ANNOTATION),
];

/// The bundled context for an address, if there is one.
pub fn bundled_context(iri: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|(a, _)| *a == iri)
        .map(|(_, content)| *content)
}

/// The document loader for JSON-LD parsing: bundled contexts, nothing else.
pub fn load_document(
    iri: &str,
) -> Result<LoadedDocument, Box<dyn std::error::Error + Send + Sync>> {
    match bundled_context(iri) {
        Some(content) => Ok(LoadedDocument {
            url: iri.to_owned(),
            content: content.as_bytes().to_vec(),
            format: RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }),
        None => Err(format!(
            "remote JSON-LD context <{iri}> is not bundled with claimgraph, which never fetches contexts (bundled: schema.org and the W3C Web Annotation context); inline the context in the file"
        )
        .into()),
    }
}

/// How a framed document writes names: schema.org terms by their local
/// name, claimgraph's with the `cg:` prefix, others in full.
fn key(p: &NamedNode) -> String {
    if let Some(local) = p.as_str().strip_prefix(schema::NS) {
        local.to_owned()
    } else if let Some(local) = p.as_str().strip_prefix(crate::vocab::cg::NS) {
        format!("cg:{local}")
    } else {
        p.as_str().to_owned()
    }
}

/// The context of framed documents: schema.org (bundled for readers like
/// claimgraph, fetched by others), then claimgraph's prefix and the two
/// coercions the framer relies on, so that any processor reads the same
/// triples.
pub fn frame_context() -> Value {
    json!([
        "https://schema.org",
        {
            "cg": crate::vocab::cg::NS,
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "url": { "@id": format!("{}url", schema::NS), "@type": "@id" },
            "datePublished": { "@id": format!("{}datePublished", schema::NS), "@type": xsd::DATE.as_str() }
        }
    ])
}

/// The JSON of a literal, for property `p` (see [`frame_context`]).
fn literal_json(p: &NamedNode, l: &Literal) -> Value {
    let datatype = l.datatype();
    if l.language().is_some() {
        return json!({ "@value": l.value(), "@language": l.language() });
    }
    if datatype == xsd::STRING {
        return Value::String(l.value().to_owned());
    }
    if datatype == xsd::INTEGER
        && let Ok(n) = l.value().parse::<i64>()
        && n.to_string() == l.value()
    {
        return json!(n);
    }
    if datatype == xsd::DATE && *p == schema::DATE_PUBLISHED {
        return Value::String(l.value().to_owned());
    }
    json!({ "@value": l.value(), "@type": datatype.as_str() })
}

/// Nested JSON for `roots` of `triples`: each node with its `@id`, `@type`
/// and properties (sorted); an IRI object with triples of its own is
/// embedded (not along a cycle), others are `{"@id": …}`. `schema:url`
/// values are plain strings and `schema:datePublished` dates too, as
/// [`frame_context`] reads them.
pub fn frame(triples: &[Triple], roots: &[NamedNode]) -> Value {
    let mut by_subject: BTreeMap<String, Vec<&Triple>> = BTreeMap::new();
    for t in triples {
        if let NamedOrBlankNode::NamedNode(s) = &t.subject {
            by_subject.entry(s.as_str().to_owned()).or_default().push(t);
        }
    }
    fn node(
        iri: &NamedNode,
        by_subject: &BTreeMap<String, Vec<&Triple>>,
        path: &mut Vec<String>,
    ) -> Value {
        let mut out = Map::new();
        out.insert("@id".into(), Value::String(iri.as_str().to_owned()));
        let Some(ts) = by_subject.get(iri.as_str()) else {
            return Value::Object(out);
        };
        path.push(iri.as_str().to_owned());
        let mut types: BTreeSet<String> = BTreeSet::new();
        let mut props: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for t in ts {
            if t.predicate == rdf::TYPE {
                if let Term::NamedNode(c) = &t.object {
                    types.insert(
                        c.as_str()
                            .strip_prefix(schema::NS)
                            .map_or_else(|| key(c), str::to_owned),
                    );
                }
                continue;
            }
            let value = match &t.object {
                Term::Literal(l) => literal_json(&t.predicate, l),
                Term::NamedNode(o) if t.predicate == schema::URL => {
                    Value::String(o.as_str().to_owned())
                }
                Term::NamedNode(o) => {
                    if by_subject.contains_key(o.as_str()) && !path.contains(&o.as_str().to_owned())
                    {
                        node(o, by_subject, path)
                    } else {
                        json!({ "@id": o.as_str() })
                    }
                }
                Term::BlankNode(b) => json!({ "@id": format!("_:{}", b.as_str()) }),
            };
            props.entry(key(&t.predicate)).or_default().push(value);
        }
        path.pop();
        match types.len() {
            0 => {}
            1 => {
                out.insert(
                    "@type".into(),
                    Value::String(types.into_iter().next().unwrap_or_default()),
                );
            }
            _ => {
                out.insert(
                    "@type".into(),
                    Value::Array(types.into_iter().map(Value::String).collect()),
                );
            }
        }
        for (k, mut values) in props {
            values.sort_by_key(|v| v.to_string());
            values.dedup();
            out.insert(
                k,
                if values.len() == 1 {
                    values.remove(0)
                } else {
                    Value::Array(values)
                },
            );
        }
        Value::Object(out)
    }
    let graph: Vec<Value> = roots
        .iter()
        .map(|r| node(r, &by_subject, &mut Vec::new()))
        .collect();
    json!({ "@context": frame_context(), "@graph": graph })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf_file::parse_rdf;
    use oxigraph::model::{GraphName, Quad};
    use std::path::Path;

    fn parse(json: &str) -> crate::Result<Vec<Quad>> {
        parse_rdf(
            json.as_bytes(),
            RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
            &NamedNode::new_unchecked("https://example.org/g"),
            Path::new("test.jsonld"),
            None,
        )
    }

    #[test]
    fn bundled_contexts_are_read_and_others_refused_by_name() {
        let doc = r#"{"@context": "https://schema.org", "@id": "https://example.org/r",
                      "@type": "ClaimReview", "url": "https://example.org/check"}"#;
        let quads = parse(doc).unwrap();
        assert!(quads.iter().any(|q| q.predicate == schema::URL
            && q.object == NamedNode::new_unchecked("https://example.org/check").into()));
        let doc = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://example.org/a",
                      "type": "Annotation", "target": {"source": "https://example.org/page",
                      "selector": {"type": "TextQuoteSelector", "exact": "funding"}}}"#;
        let quads = parse(doc).unwrap();
        assert!(
            quads
                .iter()
                .any(|q| q.predicate.as_str() == "http://www.w3.org/ns/oa#exact")
        );
        // A collection's annotations are read too.
        let doc = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
                      "total": 1, "first": {"type": "AnnotationPage", "items": [
                        {"id": "https://example.org/a", "type": "Annotation",
                         "target": {"source": "https://example.org/page",
                                    "selector": {"type": "TextQuoteSelector", "exact": "funding"}}}]}}"#;
        let quads = parse(doc).unwrap();
        assert!(
            quads.iter().any(|q| q.object
                == NamedNode::new_unchecked("http://www.w3.org/ns/oa#Annotation").into())
        );
        let remote = r#"{"@context": "https://evil.example/context.jsonld", "@id": "https://example.org/x", "name": "x"}"#;
        let err = parse(remote).unwrap_err().to_string();
        assert!(err.contains("https://evil.example/context.jsonld"), "{err}");
        assert!(err.contains("never fetches"), "{err}");
        assert!(err.contains("test.jsonld"), "{err}");
    }

    #[test]
    fn framed_json_reads_back_as_the_same_triples() {
        let n = |s: &str| NamedNode::new_unchecked(format!("https://example.org/{s}"));
        let t = |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
            Triple::new(s.clone(), p.into_owned(), o)
        };
        let triples = vec![
            t(&n("r"), rdf::TYPE, schema::CLAIM_REVIEW.into_owned().into()),
            t(&n("r"), schema::URL, n("check").into()),
            t(
                &n("r"),
                schema::DATE_PUBLISHED,
                Literal::new_typed_literal("2026-11-30", xsd::DATE).into(),
            ),
            t(&n("r"), schema::ITEM_REVIEWED, n("c").into()),
            t(
                &n("c"),
                schema::TEXT,
                Literal::new_simple_literal("Exports doubled").into(),
            ),
            t(&n("c"), schema::APPEARANCE, n("s").into()),
            t(
                &n("s"),
                schema::DATE_PUBLISHED,
                Literal::new_typed_literal("2025", xsd::G_YEAR).into(),
            ),
            t(
                &n("s"),
                schema::HEADLINE,
                Literal::new_language_tagged_literal_unchecked("标题", "zh").into(),
            ),
            t(
                &n("r"),
                schema::RATING_VALUE,
                Literal::new_typed_literal("3", xsd::INTEGER).into(),
            ),
            t(
                &n("r"),
                crate::vocab::cg::NORMALISED_RATING,
                crate::vocab::cg::RATING_MIXED.into_owned().into(),
            ),
            // A cycle does not recurse forever.
            t(&n("s"), schema::ABOUT, n("r").into()),
        ];
        let json = frame(&triples, &[n("r")]).to_string();
        let back: std::collections::HashSet<Triple> = parse(&json)
            .unwrap()
            .into_iter()
            .map(|q| {
                assert_eq!(q.graph_name, GraphName::NamedNode(n("g")));
                Triple::new(q.subject, q.predicate, q.object)
            })
            .collect();
        let expected: std::collections::HashSet<Triple> = triples.into_iter().collect();
        assert_eq!(back, expected, "{json}");
    }
}
