//! `eval attribution`: found sources, cues and contents against brat gold
//! annotations (PolNeAR, read by [`super::brat`]).
//!
//! Metric (the corpus README's): per role, within a document, predicted spans
//! are matched one to one with gold spans, greedily by the most characters
//! shared (ties: the earliest gold span, then the earliest predicted one),
//! among the pairs that satisfy a criterion:
//! - exact: the two spans cover the same characters once white space and quote
//!   marks (straight and curly, single and double) are trimmed from both ends
//!   and punctuation (`. , ; : ! ? …` and dashes) from the end of each part;
//!   positions are compared, not strings; a span that trimming empties is
//!   compared untrimmed;
//! - overlap ≥ t (0.3 and 0.8): the characters they share are at least t × the
//!   gold span's length in characters (untrimmed).
//!
//! A span is the set of characters of its parts (touching parts merge). Empty
//! spans are not counted. Each annotation file is a document scored against
//! the predictions for its text (predicted once per text); counts are pooled
//! over the split: precision = matched / predicted, recall = matched / gold.
//! Every attribution counts its own spans, so a source shared by two
//! attributions is two gold spans.

use super::brat::{GoldDocument, normalise, read_split};
use crate::attribute::{Found, Span};
use serde::Serialize;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// How a predicted span must agree with a gold span to match it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Criterion {
    /// The same characters after trimming.
    Exact,
    /// Sharing at least this fraction of the gold span's characters.
    Overlap(f64),
}

/// The criteria reported, in report order.
pub const CRITERIA: [Criterion; 3] = [
    Criterion::Exact,
    Criterion::Overlap(0.3),
    Criterion::Overlap(0.8),
];

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Precision: matched / predicted (0 when nothing was predicted).
    pub p: f64,
    /// Recall: matched / gold (0 when there is no gold).
    pub r: f64,
    /// F1 of the two.
    pub f1: f64,
}

impl Scores {
    /// The scores of `matched` pairs among `predicted` and `gold` spans.
    pub fn of(matched: usize, predicted: usize, gold: usize) -> Self {
        let ratio = |n: usize, d: usize| if d > 0 { n as f64 / d as f64 } else { 0.0 };
        let (p, r) = (ratio(matched, predicted), ratio(matched, gold));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Self { p, r, f1 }
    }
}

/// One value per criterion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct PerCriterion<T> {
    /// Exact match after trimming.
    pub exact: T,
    /// Overlap ≥ 0.3 of the gold span.
    #[serde(rename = "overlap_0.3")]
    pub overlap_03: T,
    /// Overlap ≥ 0.8 of the gold span.
    #[serde(rename = "overlap_0.8")]
    pub overlap_08: T,
}

impl<T> PerCriterion<T> {
    /// The value for `criterion` (an overlap other than 0.3 reads 0.8's).
    pub fn get(&self, criterion: Criterion) -> &T {
        match criterion {
            Criterion::Exact => &self.exact,
            Criterion::Overlap(t) if t < 0.5 => &self.overlap_03,
            Criterion::Overlap(_) => &self.overlap_08,
        }
    }

    fn get_mut(&mut self, criterion: Criterion) -> &mut T {
        match criterion {
            Criterion::Exact => &mut self.exact,
            Criterion::Overlap(t) if t < 0.5 => &mut self.overlap_03,
            Criterion::Overlap(_) => &mut self.overlap_08,
        }
    }
}

/// One role's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RoleCounts {
    /// Gold spans.
    pub gold: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Matched pairs, per criterion.
    pub matched: PerCriterion<usize>,
}

impl RoleCounts {
    fn add(&mut self, other: &RoleCounts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        for c in CRITERIA {
            *self.matched.get_mut(c) += other.matched.get(c);
        }
    }

    /// Precision, recall and F1 per criterion.
    pub fn scores(&self) -> PerCriterion<Scores> {
        let of = |c| Scores::of(*self.matched.get(c), self.predicted, self.gold);
        PerCriterion {
            exact: of(Criterion::Exact),
            overlap_03: of(Criterion::Overlap(0.3)),
            overlap_08: of(Criterion::Overlap(0.8)),
        }
    }
}

/// One value per role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct PerRole<T> {
    /// Who is named as asserting.
    pub source: T,
    /// The words that mark the attribution.
    pub cue: T,
    /// What is attributed.
    pub content: T,
}

/// The report of `eval attribution`.
#[derive(Debug, Clone, Serialize)]
pub struct AttributionReport {
    /// Source scores per criterion.
    pub source: PerCriterion<Scores>,
    /// Cue scores per criterion.
    pub cue: PerCriterion<Scores>,
    /// Content scores per criterion.
    pub content: PerCriterion<Scores>,
    /// The corpus directory.
    pub corpus: String,
    /// The split scored.
    pub split: String,
    /// Documents scored (annotation files).
    pub documents: usize,
    /// Distinct texts predicted on.
    pub texts: usize,
    /// Pooled counts per role.
    pub counts: PerRole<RoleCounts>,
    /// Wall-clock seconds spent predicting.
    pub predict_seconds: f64,
    /// Files and annotations that could not be read (each names its file and
    /// line); the rest was scored.
    pub errors: Vec<String>,
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201C}' | '\u{201D}' | '\u{201E}'
    )
}

fn is_trailing_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '…' | '-' | '\u{2013}' | '\u{2014}'
    )
}

/// `range` without white space and quote marks at either end and
/// punctuation at the end; unchanged when it is not a slice of `text`.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(range.clone()) else {
        return range;
    };
    let rest = s.trim_start_matches(|c: char| c.is_whitespace() || is_quote(c));
    let start = range.start + (s.len() - rest.len());
    let kept = rest
        .trim_end_matches(|c: char| c.is_whitespace() || is_quote(c) || is_trailing_punctuation(c));
    start..start + kept.len()
}

/// Characters (code points) of `text` within the byte range.
fn chars_in(text: &str, range: &Range<usize>) -> usize {
    let bytes = text.as_bytes();
    let (start, end) = (range.start.min(bytes.len()), range.end.min(bytes.len()));
    bytes[start..end.max(start)]
        .iter()
        .filter(|&&b| (b as i8) >= -0x40)
        .count()
}

/// A span ready for matching: its merged ranges, trimmed ranges and length.
#[derive(Debug, Clone)]
struct Prepared {
    ranges: Vec<Range<usize>>,
    trimmed: Vec<Range<usize>>,
    chars: usize,
}

fn prepare(span: &Span, text: &str) -> Prepared {
    let ranges = normalise(span.parts.clone());
    let trimmed: Vec<Range<usize>> = ranges
        .iter()
        .map(|r| trim_range(text, r.clone()))
        .filter(|r| !r.is_empty())
        .collect();
    Prepared {
        chars: ranges.iter().map(|r| chars_in(text, r)).sum(),
        trimmed: if trimmed.is_empty() {
            ranges.clone()
        } else {
            trimmed
        },
        ranges,
    }
}

/// Characters two sets of sorted, disjoint ranges share.
fn shared_chars(a: &[Range<usize>], b: &[Range<usize>], text: &str) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (start, end) = (a[i].start.max(b[j].start), a[i].end.min(b[j].end));
        if start < end {
            shared += chars_in(text, &(start..end));
        }
        if a[i].end <= b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    shared
}

/// The non-empty spans, prepared, in text order.
fn prepared_in_order<'a>(spans: impl IntoIterator<Item = &'a Span>, text: &str) -> Vec<Prepared> {
    let mut out: Vec<Prepared> = spans
        .into_iter()
        .map(|s| prepare(s, text))
        .filter(|p| p.chars > 0)
        .collect();
    out.sort_by(|x, y| {
        let key = |p: &Prepared| {
            p.ranges
                .iter()
                .map(|r| (r.start, r.end))
                .collect::<Vec<_>>()
        };
        key(x).cmp(&key(y))
    });
    out
}

/// Whether a pair sharing `shared` characters satisfies `criterion`.
fn satisfies(criterion: Criterion, predicted: &Prepared, gold: &Prepared, shared: usize) -> bool {
    match criterion {
        Criterion::Exact => predicted.trimmed == gold.trimmed,
        Criterion::Overlap(t) => shared > 0 && shared as f64 >= t * gold.chars as f64 - 1e-9,
    }
}

/// Greedy one-to-one matching of prepared spans: the number of pairs.
fn greedy_matches(
    predicted: &[Prepared],
    gold: &[Prepared],
    text: &str,
    criterion: Criterion,
) -> usize {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (g, gs) in gold.iter().enumerate() {
        for (p, ps) in predicted.iter().enumerate() {
            let shared = shared_chars(&ps.ranges, &gs.ranges, text);
            if satisfies(criterion, ps, gs, shared) {
                pairs.push((shared, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gold_used, mut predicted_used) =
        (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut matched = 0;
    for (_, g, p) in pairs {
        if !gold_used[g] && !predicted_used[p] {
            gold_used[g] = true;
            predicted_used[p] = true;
            matched += 1;
        }
    }
    matched
}

/// Counts of `predicted` spans against `gold` spans of one role in one
/// document of `text`, for every criterion.
pub fn match_role(predicted: &[Span], gold: &[Span], text: &str) -> RoleCounts {
    let (predicted, gold) = (
        prepared_in_order(predicted, text),
        prepared_in_order(gold, text),
    );
    let mut counts = RoleCounts {
        gold: gold.len(),
        predicted: predicted.len(),
        matched: PerCriterion::default(),
    };
    for c in CRITERIA {
        *counts.matched.get_mut(c) = greedy_matches(&predicted, &gold, text, c);
    }
    counts
}

/// Counts of one document's gold attributions against what was found in its
/// text, per role.
pub fn score_document(document: &GoldDocument, found: &[Found]) -> PerRole<RoleCounts> {
    let gold = &document.attributions;
    let role =
        |predicted: Vec<Span>, gold: Vec<Span>| match_role(&predicted, &gold, &document.text);
    PerRole {
        source: role(
            found.iter().filter_map(|f| f.source.clone()).collect(),
            gold.iter().filter_map(|a| a.source.clone()).collect(),
        ),
        cue: role(
            found.iter().map(|f| f.cue.clone()).collect(),
            gold.iter().filter_map(|a| a.cue.clone()).collect(),
        ),
        content: role(
            found.iter().map(|f| f.content.clone()).collect(),
            gold.iter().filter_map(|a| a.content.clone()).collect(),
        ),
    }
}

/// `predict` on every text, on several threads; `progress` is told of each
/// text done (from the calling thread, in order of completion).
fn predict_all(
    texts: &[&str],
    predict: &(impl Fn(&str) -> Vec<Found> + Sync),
    progress: &mut impl FnMut(usize, usize),
) -> Vec<Vec<Found>> {
    let total = texts.len();
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 16)
        .min(total.max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<Vec<Found>> = vec![Vec::new(); total];
    progress(0, total);
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel();
        for _ in 0..threads {
            let (sender, next) = (sender.clone(), &next);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total || sender.send((i, predict(texts[i]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (done, (i, found)) in receiver.iter().enumerate() {
            results[i] = found;
            progress(done + 1, total);
        }
    });
    results
}

/// Scores `predict` on `<corpus>/<split>` (see the module doc for the metric).
pub fn evaluate(
    corpus: &Path,
    split: &str,
    predict: impl Fn(&str) -> Vec<Found> + Sync,
) -> AttributionReport {
    evaluate_with_progress(corpus, split, predict, |_, _| {})
}

/// [`evaluate`], telling `progress` of each text predicted on (done, total).
pub fn evaluate_with_progress(
    corpus: &Path,
    split: &str,
    predict: impl Fn(&str) -> Vec<Found> + Sync,
    mut progress: impl FnMut(usize, usize),
) -> AttributionReport {
    let (documents, errors) = read_split(corpus, split);
    let mut texts: Vec<&str> = Vec::new();
    let mut text_of: Vec<usize> = Vec::with_capacity(documents.len());
    let mut seen = std::collections::HashMap::new();
    for d in &documents {
        let i = *seen.entry(d.text_name.as_str()).or_insert_with(|| {
            texts.push(d.text.as_str());
            texts.len() - 1
        });
        text_of.push(i);
    }
    let started = std::time::Instant::now();
    let found = predict_all(&texts, &predict, &mut progress);
    let predict_seconds = started.elapsed().as_secs_f64();
    let mut counts = PerRole::<RoleCounts>::default();
    for (d, &t) in documents.iter().zip(&text_of) {
        let c = score_document(d, &found[t]);
        counts.source.add(&c.source);
        counts.cue.add(&c.cue);
        counts.content.add(&c.content);
    }
    AttributionReport {
        source: counts.source.scores(),
        cue: counts.cue.scores(),
        content: counts.content.scores(),
        corpus: corpus.display().to_string(),
        split: split.to_owned(),
        documents: documents.len(),
        texts: texts.len(),
        counts,
        predict_seconds,
        errors: errors.iter().map(ToString::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::AttributionKind;

    /// The span of the first occurrence of `needle` in `text`.
    fn span(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle in text");
        Span::one(start..start + needle.len())
    }

    fn counts(predicted: &[Span], gold: &[Span], text: &str) -> [usize; 3] {
        let c = match_role(predicted, gold, text);
        [c.matched.exact, c.matched.overlap_03, c.matched.overlap_08]
    }

    #[test]
    fn exact_ignores_quotes_white_space_and_final_punctuation() {
        let text = "She said: “The budget is fine.” Then she left.";
        let gold = [span(text, "“The budget is fine.”")];
        assert_eq!(
            counts(&[span(text, "The budget is fine")], &gold, text)[0],
            1
        );
        assert_eq!(
            counts(&[span(text, " “The budget is fine.” ")], &gold, text)[0],
            1
        );
        // A word fewer is not exact, though it overlaps well.
        assert_eq!(
            counts(&[span(text, "The budget is")], &gold, text),
            [0, 1, 0]
        );
    }

    #[test]
    fn exact_compares_positions_not_strings() {
        let text = "Police said no. Later, police said no.";
        let gold = [Span::one(0..6)];
        let second = text.rfind("police").unwrap();
        assert_eq!(
            counts(&[Span::one(second..second + 6)], &gold, text),
            [0, 0, 0]
        );
        // A span that trimming empties is compared untrimmed.
        let text = "\"…\" he said.";
        assert_eq!(counts(&[Span::one(0..5)], &[Span::one(0..5)], text)[0], 1);
        assert_eq!(counts(&[Span::one(0..1)], &[Span::one(0..5)], text)[0], 0);
    }

    #[test]
    fn overlap_thresholds_count_characters_of_the_gold_span() {
        // Gold is ten characters, two of them non-ASCII; the prediction
        // covers the first three (six bytes).
        let text = "éééééééééé and more";
        let gold = [Span::one(0..20)];
        assert_eq!(counts(&[Span::one(0..6)], &gold, text), [0, 1, 0]);
        assert_eq!(counts(&[Span::one(0..4)], &gold, text), [0, 0, 0]);
        assert_eq!(counts(&[Span::one(0..16)], &gold, text), [0, 1, 1]);
        // A long prediction covering the gold matches by overlap, not exactly.
        assert_eq!(counts(&[Span::one(0..text.len())], &gold, text), [0, 1, 1]);
    }

    #[test]
    fn matching_is_one_to_one_and_prefers_the_largest_overlap() {
        let text = "aaaaaaaaaa bbbbbbbbbb";
        // One prediction over both gold spans matches only one of them.
        let gold = [Span::one(0..10), Span::one(11..21)];
        let c = match_role(&[Span::one(0..21)], &gold, text);
        assert_eq!((c.gold, c.predicted, c.matched.overlap_03), (2, 1, 1));
        // Two predictions on one gold span: one matches.
        let c = match_role(
            &[Span::one(0..5), Span::one(0..9)],
            &[Span::one(0..10)],
            text,
        );
        assert_eq!(c.matched.overlap_03, 1);
        // Greedy by overlap: the prediction sharing 9 characters with the
        // first gold span takes it, and the other is left for the second.
        let gold = [Span::one(0..10), Span::one(5..15)];
        let predicted = [Span::one(4..10), Span::one(1..10)];
        let c = match_role(&predicted, &gold, text);
        assert_eq!(c.matched.overlap_03, 2);
        assert_eq!(c.matched.overlap_08, 1);
        // Ties go to the earliest gold span.
        let gold = [Span::one(11..21), Span::one(0..10)];
        let c = match_role(&[Span::one(5..16)], &gold, text);
        assert_eq!(c.matched.overlap_03, 1);
        let c = match_role(&[Span::one(5..16)], &gold[..1], text);
        assert_eq!(c.matched.overlap_03, 1);
    }

    #[test]
    fn multi_part_spans_are_sets_of_characters() {
        let text = "\"We are ready,\" the coach said, \"and we will win.\"";
        let a = text.find("We").unwrap();
        let b = text.find("and").unwrap();
        let gold = [Span {
            parts: vec![a..a + 13, b..b + 16],
        }];
        // The same parts, trimmed differently, match exactly.
        let predicted = [Span {
            parts: vec![a - 1..a + 12, b..b + 17],
        }];
        assert_eq!(counts(&predicted, &gold, text), [1, 1, 1]);
        // Only the first part: 12 of 29 characters.
        assert_eq!(counts(&[Span::one(a..a + 12)], &gold, text), [0, 1, 0]);
        // Everything from the first to the last quote adds the cue: overlap
        // only.
        assert_eq!(counts(&[Span::one(0..text.len())], &gold, text), [0, 1, 1]);
    }

    #[test]
    fn empty_predictions_score_zero_and_count_gold() {
        let text = "The minister said it was over.";
        let gold = [span(text, "it was over")];
        let c = match_role(&[], &gold, text);
        assert_eq!((c.gold, c.predicted, c.matched.exact), (1, 0, 0));
        assert_eq!(c.scores().exact, Scores::default());
        // Empty spans are not counted at all.
        let c = match_role(&[Span::one(3..3), Span::default()], &[], text);
        assert_eq!(c.predicted, 0);
    }

    #[test]
    fn a_document_is_scored_per_role() {
        let text = "The minister said it was over.";
        let gold = GoldDocument {
            name: "d_ab12".into(),
            text_name: "d".into(),
            text: text.into(),
            attributions: vec![super::super::brat::GoldAttribution {
                source: Some(span(text, "The minister")),
                cue: Some(span(text, "said")),
                content: Some(span(text, "it was over")),
            }],
        };
        let found = [Found {
            source: None,
            cue: span(text, "said"),
            content: span(text, "it was over."),
            kind: AttributionKind::Indirect,
            claimant: None,
            reporters: Vec::new(),
        }];
        let c = score_document(&gold, &found);
        assert_eq!((c.source.gold, c.source.predicted), (1, 0));
        assert_eq!(c.cue.matched.exact, 1);
        assert_eq!(c.content.matched.exact, 1);
        let s = c.content.scores().exact;
        assert_eq!((s.p, s.r, s.f1), (1.0, 1.0, 1.0));
        assert_eq!(Scores::of(1, 2, 4).f1, 2.0 * 0.5 * 0.25 / 0.75);
    }

    #[test]
    fn the_report_has_the_documented_json_shape() {
        let report = evaluate(Path::new("/nonexistent-corpus"), "dev", |_| Vec::new());
        let json = serde_json::to_value(&report).unwrap();
        for role in ["source", "cue", "content"] {
            for criterion in ["exact", "overlap_0.3", "overlap_0.8"] {
                for key in ["p", "r", "f1"] {
                    assert!(
                        json[role][criterion][key].is_f64(),
                        "{role}.{criterion}.{key}"
                    );
                }
            }
        }
        assert_eq!(report.documents, 0);
        assert_eq!(report.errors.len(), 2, "{:?}", report.errors);
        assert!(report.errors[0].contains("/nonexistent-corpus/dev/text"));
    }
}
