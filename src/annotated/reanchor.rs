//! Re-anchoring people's annotations when their source gets a new version.
//!
//! A researcher's attribution points at a passage of the version they read
//! (quote, prefix, suffix, offsets). When ingestion stores a new version of
//! that source, each such annotation is looked for in the new text:
//!
//! 1. the quote with its prefix and suffix, or the quote alone when it
//!    occurs once — **anchored** when it sits at the same offsets, **moved**
//!    otherwise; where it occurs several times, the occurrence whose
//!    surroundings are most like the annotation's prefix and suffix;
//! 2. failing that, the passage most like the quote (normalised edit
//!    similarity at least [`FUZZY_THRESHOLD`]) — **moved**, with the new
//!    wording recorded;
//! 3. else **orphaned**.
//!
//! The result goes into the new version's anchoring graph
//! (`…/graph/anchors/…`): one `cg:Anchoring` per annotation with its status,
//! similarity and, unless orphaned, the new selectors. The annotation itself,
//! in its person's graph, is never rewritten or deleted; `claimgraph check`
//! lists the orphans.

use super::anchor::{Anchor, anchor_at};
use crate::Result;
use crate::ids::{GRAPH_BASE, ID_BASE};
use crate::text::{chars_after, chars_before, find_all, normalise};
use crate::vocab::{cg, oa, rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::Store;

/// The least normalised edit similarity for a changed passage to count as
/// the same quote.
pub const FUZZY_THRESHOLD: f64 = 0.75;

/// What became of an annotation in a new version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnchorStatus {
    /// The quote is at the same place.
    Anchored,
    /// The quote, or a passage like it, is elsewhere.
    Moved,
    /// Nothing like the quote is left.
    Orphaned,
}

impl AnchorStatus {
    /// Its concept in the ontology.
    pub fn iri(self) -> NamedNodeRef<'static> {
        match self {
            AnchorStatus::Anchored => cg::ANCHORED,
            AnchorStatus::Moved => cg::MOVED,
            AnchorStatus::Orphaned => cg::ORPHANED,
        }
    }

    /// Its name, for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorStatus::Anchored => "anchored",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Orphaned => "orphaned",
        }
    }
}

/// Where an annotation was, as its person marked it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The attribution.
    pub annotation: NamedNode,
    /// The graph it is in (the person's or the file's).
    pub graph: NamedNode,
    /// The quote.
    pub exact: String,
    /// The text before it.
    pub prefix: String,
    /// The text after it.
    pub suffix: String,
    /// Its start, in code points, in the version it was marked in.
    pub start: Option<usize>,
}

/// Where an annotation is in a new text.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// What became of it.
    pub status: AnchorStatus,
    /// The quote's new place and context (none when orphaned).
    pub anchor: Option<Anchor>,
    /// The quote as it now reads.
    pub exact: Option<String>,
    /// 1 for the same words; the edit similarity for a changed passage.
    pub similarity: f64,
}

/// How many characters at the end of `a` and `b` agree (for prefixes), or
/// at their start (for suffixes).
fn agreement(a: &str, b: &str, from_end: bool) -> usize {
    if from_end {
        a.chars()
            .rev()
            .zip(b.chars().rev())
            .take_while(|(x, y)| x == y)
            .count()
    } else {
        a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
    }
}

/// Finds `marked` in `text` (see the module header).
pub fn reanchor(text: &str, marked: &Marked) -> Placed {
    let quote = marked.exact.as_str();
    let context = super::anchor::CONTEXT_CHARS;
    let all = find_all(text, quote);
    let exact_at = if all.len() == 1 {
        Some(all[0])
    } else {
        // The occurrence whose surroundings agree most with the marked ones.
        all.iter()
            .map(|&b| {
                let before = chars_before(text, b, context);
                let after = chars_after(text, b + quote.len(), context);
                (
                    agreement(before, &marked.prefix, true)
                        + agreement(after, &marked.suffix, false),
                    b,
                )
            })
            .max_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)))
            .map(|(_, b)| b)
    };
    if let Some(b) = exact_at.filter(|_| !quote.is_empty()) {
        let anchor = anchor_at(text, b, quote.len());
        let status = if Some(anchor.start) == marked.start {
            AnchorStatus::Anchored
        } else {
            AnchorStatus::Moved
        };
        return Placed {
            status,
            anchor: Some(anchor),
            exact: Some(quote.to_owned()),
            similarity: 1.0,
        };
    }
    match most_like(text, quote) {
        Some((range, similarity)) if similarity >= FUZZY_THRESHOLD => Placed {
            status: AnchorStatus::Moved,
            exact: Some(text[range.clone()].to_owned()),
            anchor: Some(anchor_at(text, range.start, range.len())),
            similarity,
        },
        other => Placed {
            status: AnchorStatus::Orphaned,
            anchor: None,
            exact: None,
            similarity: other.map_or(0.0, |(_, s)| s),
        },
    }
}

/// The passage of `text` most like `quote`, and how alike (normalised edit
/// similarity). Candidate passages start at word starts and cover as many
/// words as the quote (one fewer or more too); only the candidates sharing
/// the most words with the quote are compared character by character, so a
/// long page costs little.
fn most_like(text: &str, quote: &str) -> Option<(std::ops::Range<usize>, f64)> {
    let words: Vec<(usize, &str)> = word_spans(text);
    let quote_words: Vec<String> = word_spans(quote)
        .into_iter()
        .map(|(_, w)| normalise(w))
        .collect();
    let n = quote_words.len();
    if n == 0 || words.is_empty() {
        return None;
    }
    let wanted: std::collections::HashSet<&str> = quote_words.iter().map(String::as_str).collect();
    let hits: Vec<u32> = words
        .iter()
        .map(|(_, w)| u32::from(wanted.contains(normalise(w).as_str())))
        .collect();
    // Words shared by each window of n words, by running sums.
    let mut sums = vec![0u32; words.len() + 1];
    for (i, h) in hits.iter().enumerate() {
        sums[i + 1] = sums[i] + h;
    }
    let mut starts: Vec<(u32, usize)> = (0..words.len())
        .map(|i| (sums[(i + n).min(words.len())] - sums[i], i))
        .filter(|(shared, _)| *shared > 0)
        .collect();
    starts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    starts.truncate(8);
    let target = normalise(quote);
    let mut best: Option<(std::ops::Range<usize>, f64)> = None;
    for (_, i) in starts {
        for len in [n.saturating_sub(1).max(1), n, n + 1] {
            let last = (i + len).min(words.len()) - 1;
            let range = words[i].0..words[last].0 + words[last].1.len();
            let score = strsim::normalized_levenshtein(&normalise(&text[range.clone()]), &target);
            if best.as_ref().is_none_or(|(_, s)| score > *s) {
                best = Some((range, score));
            }
        }
    }
    best
}

/// The words of a text (runs of non-space characters) with their byte
/// offsets; a run of Han characters is one word per character.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let han = crate::index::analysis::is_han(c);
        if c.is_whitespace() || han {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
            if han {
                out.push((i, &text[i..i + c.len_utf8()]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The people's annotations of `source`: attributions in annotation graphs
/// (researchers' files and authors' graphs) with a quote selector.
pub fn marked_in(store: &Store, source: &NamedNode) -> Result<Vec<Marked>> {
    let prefix = format!("{GRAPH_BASE}annotations/");
    let mut out = Vec::new();
    for q in store.quads_for_pattern(None, Some(cg::SOURCE), Some(source.as_ref().into()), None) {
        let q = q?;
        let (NamedOrBlankNode::NamedNode(a), GraphName::NamedNode(g)) = (q.subject, q.graph_name)
        else {
            continue;
        };
        if !g.as_str().starts_with(&prefix) || out.iter().any(|m: &Marked| m.annotation == a) {
            continue;
        }
        let one = |s: &NamedNode, p: NamedNodeRef<'_>| -> Result<Option<Term>> {
            Ok(store
                .quads_for_pattern(
                    Some(s.as_ref().into()),
                    Some(p),
                    None,
                    Some(g.as_ref().into()),
                )
                .next()
                .transpose()?
                .map(|q| q.object))
        };
        let node = |t: Option<Term>| match t {
            Some(Term::NamedNode(n)) => Some(n),
            _ => None,
        };
        let literal = |t: Option<Term>| match t {
            Some(Term::Literal(l)) => Some(l.value().to_owned()),
            _ => None,
        };
        let Some(target) = node(one(&a, oa::HAS_TARGET)?) else {
            continue;
        };
        let mut exact = None;
        let (mut before, mut after, mut start) = (String::new(), String::new(), None);
        for s in store.quads_for_pattern(
            Some(target.as_ref().into()),
            Some(oa::HAS_SELECTOR),
            None,
            Some(g.as_ref().into()),
        ) {
            let Term::NamedNode(sel) = s?.object else {
                continue;
            };
            if let Some(e) = literal(one(&sel, oa::EXACT)?) {
                exact = Some(e);
                before = literal(one(&sel, oa::PREFIX)?).unwrap_or_default();
                after = literal(one(&sel, oa::SUFFIX)?).unwrap_or_default();
            }
            if let Some(s) = literal(one(&sel, oa::START)?) {
                start = s.parse().ok();
            }
        }
        if let Some(exact) = exact {
            out.push(Marked {
                annotation: a,
                graph: g,
                exact,
                prefix: before,
                suffix: after,
                start,
            });
        }
    }
    out.sort_by(|x, y| x.annotation.cmp(&y.annotation));
    Ok(out)
}

/// The graph of the anchorings found for one version.
pub fn anchors_graph(version: &NamedNode) -> NamedNode {
    let tail = version
        .as_str()
        .strip_prefix(ID_BASE)
        .unwrap_or(version.as_str());
    NamedNode::new_unchecked(format!("{GRAPH_BASE}anchors/{tail}"))
}

/// The quads recording where each annotation is in `version`.
pub fn anchoring_quads(version: &NamedNode, found: &[(Marked, Placed)]) -> Vec<Quad> {
    let graph = GraphName::NamedNode(anchors_graph(version));
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
        quads.push(Quad::new(s.clone(), p.into_owned(), o, graph.clone()));
    };
    let lit = |s: &str| Term::from(Literal::new_simple_literal(s));
    let int = |n: usize| Term::from(Literal::new_typed_literal(n.to_string(), xsd::INTEGER));
    let hash = version.as_str().rsplit('/').next().unwrap_or_default();
    for (m, f) in found {
        let anchoring = crate::ids::part_iri(&m.annotation, &format!("anchoring-{hash}"));
        add(&anchoring, rdf::TYPE, cg::ANCHORING.into_owned().into());
        add(&anchoring, cg::ANCHORS, m.annotation.clone().into());
        add(&anchoring, cg::IN_VERSION, version.clone().into());
        add(
            &anchoring,
            cg::ANCHOR_STATUS,
            f.status.iri().into_owned().into(),
        );
        add(
            &anchoring,
            cg::SCORE,
            crate::vocab::decimal(f.similarity).into(),
        );
        if let (Some(a), Some(exact)) = (&f.anchor, &f.exact) {
            let quote = crate::ids::part_iri(&m.annotation, &format!("anchoring-{hash}-quote"));
            let position =
                crate::ids::part_iri(&m.annotation, &format!("anchoring-{hash}-position"));
            add(&anchoring, oa::HAS_SELECTOR, quote.clone().into());
            add(&anchoring, oa::HAS_SELECTOR, position.clone().into());
            add(
                &quote,
                rdf::TYPE,
                oa::TEXT_QUOTE_SELECTOR.into_owned().into(),
            );
            add(&quote, oa::EXACT, lit(exact));
            add(&quote, oa::PREFIX, lit(&a.prefix));
            add(&quote, oa::SUFFIX, lit(&a.suffix));
            add(
                &position,
                rdf::TYPE,
                oa::TEXT_POSITION_SELECTOR.into_owned().into(),
            );
            add(&position, oa::START, int(a.start));
            add(&position, oa::END, int(a.end));
        }
    }
    quads
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, quote: &str) -> Marked {
        let b = text.find(quote).unwrap();
        let a = anchor_at(text, b, quote.len());
        Marked {
            annotation: NamedNode::new_unchecked("https://example.org/a"),
            graph: NamedNode::new_unchecked("https://example.org/g"),
            exact: quote.into(),
            prefix: a.prefix,
            suffix: a.suffix,
            start: Some(a.start),
        }
    }

    const OLD: &str = "Officials said the fund will double. Critics said quotas will rise next year, \
                       which hurts small studios. 广电总局表示支持微短剧出海。";

    #[test]
    fn the_same_place_is_anchored_elsewhere_moved() {
        let m = marked(OLD, "quotas will rise next year");
        assert_eq!(reanchor(OLD, &m).status, AnchorStatus::Anchored);
        let new = format!("A new first paragraph.\n{OLD}");
        let f = reanchor(&new, &m);
        assert_eq!(f.status, AnchorStatus::Moved);
        assert_eq!(f.similarity, 1.0);
        let a = f.anchor.unwrap();
        let chars: Vec<char> = new.chars().collect();
        assert_eq!(
            chars[a.start..a.end].iter().collect::<String>(),
            "quotas will rise next year"
        );
    }

    #[test]
    fn a_reworded_passage_is_found_and_a_removed_one_orphaned() {
        let m = marked(OLD, "Critics said quotas will rise next year");
        let new = OLD.replace("quotas will rise next year", "quotas would rise next year");
        let f = reanchor(&new, &m);
        assert_eq!(f.status, AnchorStatus::Moved, "{f:?}");
        assert_eq!(
            f.exact.as_deref(),
            Some("Critics said quotas would rise next year,")
        );
        assert!(f.similarity >= FUZZY_THRESHOLD && f.similarity < 1.0);
        let gone = OLD.replace(
            "Critics said quotas will rise next year, which hurts small studios. ",
            "",
        );
        let f = reanchor(&gone, &m);
        assert_eq!(f.status, AnchorStatus::Orphaned, "{f:?}");
        assert!(f.anchor.is_none());
        // Chinese, character by character.
        let m = marked(OLD, "广电总局表示支持微短剧出海");
        let f = reanchor(&OLD.replace("表示支持", "表示大力支持"), &m);
        assert_eq!(f.status, AnchorStatus::Moved, "{f:?}");
    }

    #[test]
    fn of_several_occurrences_the_one_in_the_same_surroundings_wins() {
        let text = "Beijing said yes. Later, Beijing said yes again.";
        let m = marked(text, "Beijing said yes again");
        let m = Marked {
            exact: "Beijing said yes".into(),
            ..m
        };
        let f = reanchor(&format!("Intro. {text}"), &m);
        let a = f.anchor.unwrap();
        assert_eq!(a.prefix, "Intro. Beijing said yes. Later, ");
    }

    #[test]
    fn hostile_texts_stay_cheap() {
        let m = marked(OLD, "Critics said quotas will rise next year");
        let long = "word ".repeat(200_000);
        assert_eq!(reanchor(&long, &m).status, AnchorStatus::Orphaned);
        assert_eq!(reanchor("", &m).status, AnchorStatus::Orphaned);
    }
}
