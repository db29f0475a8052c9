//! Attribution: who claimed what in a text.
//!
//! From a version's text to attributed claims, along the data flow:
//! tokens and sentences ([`tokens`]), an English model of cues, sources and
//! contents learned from annotated news ([`model`], [`perceptron`],
//! [`features`]), rules for Chinese reporting verbs ([`zh`]) and panels'
//! answers ([`zh_panel`]), one name per person ([`names`], [`zh_names`]), the article's
//! own checkable assertions ([`assertions`]), gazetteer linking ([`link`]) and
//! near-duplicate claims across sources ([`similar`], [`wording`]). Texts in neither
//! English nor Chinese get no attributions ([`language`]).
//!
//! Every span is a byte range into the text it was found in.

pub mod assertions;
pub mod en_rules;
pub mod features;
pub mod gender;
pub mod language;
pub mod layout;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod names;
pub mod perceptron;
pub mod quads;
pub mod record;
pub mod resolve;
pub mod similar;
pub mod tokens;
pub mod wording;
pub mod worth;
pub mod wrapped;
pub mod zh;
pub mod zh_names;
pub mod zh_panel;

use std::ops::Range;

/// A span of a text: one or more byte ranges (a quote interrupted by its
/// cue, `"…," she said, "…"`, has two), in text order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// The ranges, non-empty, ordered and disjoint.
    pub parts: Vec<Range<usize>>,
}

impl Span {
    /// A span of one range.
    pub fn one(range: Range<usize>) -> Self {
        Span { parts: vec![range] }
    }

    /// First byte.
    pub fn start(&self) -> usize {
        self.parts.first().map_or(0, |r| r.start)
    }

    /// One past the last byte.
    pub fn end(&self) -> usize {
        self.parts.last().map_or(0, |r| r.end)
    }

    /// True when it covers nothing.
    pub fn is_empty(&self) -> bool {
        self.parts.iter().all(|r| r.is_empty())
    }

    /// Its text: the parts joined by " … ".
    pub fn text(&self, text: &str) -> String {
        self.parts
            .iter()
            .map(|r| text[r.clone()].trim())
            .collect::<Vec<_>>()
            .join(" … ")
    }

    /// Its text as a proposition: [`Span::text`] without the quotation
    /// marks around it, the comma or colon that led out of the quote, and
    /// the "that" which joined it to its cue ("said *that* prices rose"),
    /// so that "X said that prices rose" and "prices rose, X said" state
    /// one claim. An "it" standing alone before such a "that" goes too
    /// ("*It* was reported by Caixin *that* the program ended").
    pub fn proposition(&self, text: &str) -> String {
        let quotes = ['"', '“', '”', '‘', '’', '\'', '「', '」', '«', '»'];
        let mut parts: Vec<&str> = self
            .parts
            .iter()
            .map(|r| {
                text[r.clone()]
                    .trim()
                    .trim_matches(|c: char| quotes.contains(&c) || c.is_whitespace())
                    .trim_end_matches([',', ':', ';', '，', '：'])
                    .trim_matches(|c: char| quotes.contains(&c) || c.is_whitespace())
            })
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() > 1
            && parts[0].eq_ignore_ascii_case("it")
            && without_complementizer(parts[1]).is_some()
        {
            parts.remove(0);
        }
        if let Some(first) = parts.first_mut()
            && let Some(rest) = without_complementizer(first)
        {
            *first = rest;
        }
        without_reference_marks(&without_breaks_between_han(&parts.join(" … ")))
    }
}

/// `s` without the reference marks written onto its words or stops
/// ("policy.[91]", "source[17] codec", "[n 11][283]", "[citation
/// needed]"): a "[" straight after a character that is not white space,
/// up to three words or numbers, one of them a number or two words or
/// more, and "]". A bracket after a space ("its [sic] rules", "[Vox]") is
/// the writer's, and so is a word put into a quotation ("idea[s]",
/// "give[s] us", "30 min[ute]"): they stay.
fn without_reference_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let attached = rest[..open]
            .chars()
            .next_back()
            .or_else(|| out.chars().next_back())
            .is_some_and(|c| !c.is_whitespace());
        let mark_end = rest[open + 1..].find(']').and_then(|close| {
            let inner = &rest[open + 1..open + 1 + close];
            let words = inner.split(' ').collect::<Vec<_>>();
            (!inner.is_empty()
                && words.len() <= 3
                && (words.len() > 1 || inner.chars().any(|c| c.is_ascii_digit()))
                && words
                    .iter()
                    .all(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric)))
            .then_some(open + 1 + close + 1)
        });
        match mark_end {
            Some(end) if attached => {
                out.push_str(&rest[..open]);
                rest = &rest[end..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `s` without the white space a page's layout left between two Han
/// characters or Chinese marks (a hard-wrapped line's break, "乔 冠 华"):
/// Chinese puts no space between words.
fn without_breaks_between_han(s: &str) -> String {
    let cjk = |c: char| {
        zh::is_han(c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() && i > 0 && cjk(chars[i - 1]) {
            let mut j = i;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            if j < chars.len() && cjk(chars[j]) {
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
impl Span {
    /// The span of the first occurrence of `part` in `text`, for tests
    /// that write their attributions by their words.
    pub(crate) fn first_in(text: &str, part: &str) -> Span {
        let i = text
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} is not in {text:?}"));
        Span::one(i..i + part.len())
    }
}

/// Byte ranges of a text (the cues and contents already found), to ask in
/// logarithmic time whether a range shares a byte with one of them. The
/// content rules and the English patterns ask once per attribution or per
/// line, and a hostile text may have thousands of each.
#[derive(Debug, Default)]
pub struct RangeSet {
    /// The ranges, by start.
    ranges: Vec<Range<usize>>,
    /// The largest end among `ranges[..=i]`.
    max_end: Vec<usize>,
}

impl RangeSet {
    /// The set of `ranges`.
    pub fn new(ranges: impl IntoIterator<Item = Range<usize>>) -> Self {
        let mut ranges: Vec<Range<usize>> = ranges.into_iter().collect();
        ranges.sort_by_key(|r| r.start);
        let max_end = ranges
            .iter()
            .scan(0, |m, r| {
                *m = (*m).max(r.end);
                Some(*m)
            })
            .collect();
        RangeSet { ranges, max_end }
    }

    /// Whether `r` shares a byte with one of the ranges (one starts before
    /// `r` ends and ends after `r` starts).
    pub fn meets(&self, r: &Range<usize>) -> bool {
        let starting_before_end = self.ranges.partition_point(|t| t.start < r.end);
        starting_before_end > 0 && self.max_end[starting_before_end - 1] > r.start
    }
}

/// `content` without the complementizer "that" it opens with ("that the
/// quota will rise" → "the quota will rise"), or `None` when it opens
/// with no such "that". A "that" followed by a verb is a pronoun ("that
/// is wrong", "that would help") and stays, as does one followed by
/// "too", "much" or "way", or by nothing.
fn without_complementizer(content: &str) -> Option<&str> {
    let rest = content.strip_prefix("that")?;
    if !rest.starts_with([' ', ',', '\n', '\u{a0}']) {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let next: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
        .collect::<String>()
        .to_lowercase();
    let verb_follows = PRONOUN_THAT_VERBS.contains(&next.as_str())
        || next.ends_with("n't")
        || next.ends_with("n’t");
    (!rest.is_empty() && !verb_follows).then_some(rest)
}

/// Words after which "that" is a pronoun, the subject of its clause.
const PRONOUN_THAT_VERBS: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "would", "will", "could", "should", "may",
    "might", "can", "must", "shall", "has", "had", "have", "does", "did", "do", "seems", "seemed",
    "means", "meant", "makes", "made", "sounds", "sounded", "happens", "happened", "works",
    "worked", "matters", "mattered", "remains", "remained", "said", "says", "too", "much", "way",
];

/// How a claim is attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttributionKind {
    /// The content is in quotation marks.
    DirectQuote,
    /// Reported speech without quotation marks.
    Indirect,
    /// "According to X", "据X报道".
    AccordingTo,
    /// The article's own checkable assertion.
    AuthorAssertion,
}

/// One attribution found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Who is named as asserting the content, as written (may be a pronoun
    /// resolved in [`Found::claimant`]); `None` when unnamed.
    pub source: Option<Span>,
    /// The words that mark the attribution ("said", "according to", "表示").
    pub cue: Span,
    /// What is claimed.
    pub content: Span,
    /// The kind.
    pub kind: AttributionKind,
    /// The name the claimant goes by: the source's text, or, for a pronoun,
    /// the person or organisation it refers to; [`resolve::AUTHOR`] for an
    /// "I" or "we" in the article's own words; `None` for an author
    /// assertion, or when unnamed.
    pub claimant: Option<String>,
    /// Reporters between the claimant and the article, nearest the claimant
    /// first (an outlet reporting what a source said), as written.
    pub reporters: Vec<String>,
}

/// What [`find`] looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Also return the article's own checkable assertions (kind
    /// author-assertion, no claimant: the caller knows the author).
    pub author_assertions: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            author_assertions: true,
        }
    }
}

/// The English model shipped with claimgraph, trained on annotated news by
/// `claimgraph train attribution` (EVALUATION.md).
#[cfg(test)]
static ENGLISH_MODEL_BYTES: &[u8] = include_bytes!("../../models/attribution-en.model");

/// The shipped model as checked out, for the compile-time check below only
/// (a `const` used in a constant is not put in the binary).
const ENGLISH_MODEL_CHECKED_OUT: &[u8] = include_bytes!("../../models/attribution-en.model");

const _: () = assert!(
    built_from_the_model_checked_out(
        ENGLISH_MODEL_CHECKED_OUT,
        env!("CLAIMGRAPH_MODEL_LEN").as_bytes(),
        env!("CLAIMGRAPH_MODEL_SAMPLE").as_bytes(),
    ),
    "the build script's copy of models/attribution-en.model is stale (a target \
     directory shared with another checkout?): `touch build.rs` and build again"
);

/// The value of a lower-case hex digit.
const fn hex_digit(c: u8) -> u8 {
    if c <= b'9' { c - b'0' } else { c - b'a' + 10 }
}

/// Whether the build script read the same model file as the crate
/// includes: the same length, and the same bytes at the sampled places
/// (`sample` is their hex; the build script spaces them evenly).
const fn built_from_the_model_checked_out(model: &[u8], len: &[u8], sample: &[u8]) -> bool {
    let mut n = 0usize;
    let mut i = 0;
    while i < len.len() {
        n = n * 10 + (len[i] - b'0') as usize;
        i += 1;
    }
    if n != model.len() || !sample.len().is_multiple_of(2) {
        return false;
    }
    let samples = sample.len() / 2;
    let mut k = 0;
    while k < samples {
        let byte = hex_digit(sample[2 * k]) * 16 + hex_digit(sample[2 * k + 1]);
        if model[k * model.len() / samples] != byte {
            return false;
        }
        k += 1;
    }
    true
}

/// The same model with its taggers inflated by the build script, so that
/// loading it costs no inflating (about 0.4 G instructions, on every run).
static ENGLISH_MODEL_INFLATED: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/attribution-en.inflated"));

/// The first 12 hex digits of the SHA-256 of the shipped English model:
/// which model found an attribution. Computed by the build script, so no
/// run spends time hashing the model.
pub fn model_fingerprint() -> &'static str {
    env!("CLAIMGRAPH_MODEL_FINGERPRINT")
}

/// The shipped English model, read once.
pub fn english_model() -> &'static model::AttributionModel {
    static MODEL: std::sync::LazyLock<model::AttributionModel> = std::sync::LazyLock::new(|| {
        model::AttributionModel::load_inflated(ENGLISH_MODEL_INFLATED)
            .expect("the embedded attribution model is checked by a unit test")
    });
    &MODEL
}

/// A language whose attributions are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    /// Read by the English model and rules.
    English,
    /// Read by the Chinese rules.
    Chinese,
}

/// Which language `text`, declared as `language`, is read in, or `None`
/// when neither: a text mostly in Han characters is Chinese whatever its
/// declared language (pages in Chinese declare `en` or `utf-8` often
/// enough), one declared `zh…` is Chinese, and any other must look
/// English ([`language::looks_english`]).
fn reads(text: &str, language: Option<&str>) -> Option<Language> {
    if zh::is_chinese_language(language) || zh::is_chinese(text) {
        Some(Language::Chinese)
    } else if self::language::looks_english(text) {
        Some(Language::English)
    } else {
        None
    }
}

/// The attributions in `text`, in `language` (a BCP 47 tag such as `en` or
/// `zh-CN`, or `None`), in text order, with claimants and reporter chains
/// resolved. A text mostly in Han characters is read as Chinese whatever
/// its declared language; any other text must look English
/// ([`language::looks_english`]), or it gets no attributions.
pub fn find(text: &str, language: Option<&str>, options: Options) -> Vec<Found> {
    find_if_read(text, language, options).unwrap_or_default()
}

/// [`find`], but `None` when the text is in neither language attributions
/// are read in (so a caller can tell "nothing attributed" from "not read").
pub fn find_if_read(text: &str, language: Option<&str>, options: Options) -> Option<Vec<Found>> {
    read_with(english_model(), text, language, options)
}

/// [`find`] with another English model (to measure a candidate).
pub fn find_with(
    model: &model::AttributionModel,
    text: &str,
    language: Option<&str>,
    options: Options,
) -> Vec<Found> {
    read_with(model, text, language, options).unwrap_or_default()
}

fn read_with(
    model: &model::AttributionModel,
    text: &str,
    language: Option<&str>,
    options: Options,
) -> Option<Vec<Found>> {
    let chinese = reads(text, language)? == Language::Chinese;
    // A hard-wrapped Chinese text is read with its lines joined, and what
    // is found mapped back onto the text as stored before the article's
    // own assertions are added.
    let joined = chinese.then(|| wrapped::unwrap(text)).flatten();
    let reading = joined.as_ref().map_or(text, |j| j.text.as_str());
    // The English text's sentences, as the model cuts them: the rules and
    // the author's assertions read the same ones.
    let mut sentences = Vec::new();
    let mut found = if chinese {
        // resolve::resolve puts them in text order.
        zh::attributions(reading)
    } else {
        let tokens = tokens::tokenize(reading);
        sentences = tokens.sentence_bytes();
        model
            .tag_tokens(reading, tokens)
            .into_iter()
            .map(|t| Found {
                kind: if t.kind == AttributionKind::Indirect
                    && is_according_to(&t.cue.text(reading))
                {
                    AttributionKind::AccordingTo
                } else {
                    t.kind
                },
                source: t.source,
                cue: t.cue,
                content: t.content,
                claimant: None,
                reporters: Vec::new(),
            })
            .collect()
    };
    if !chinese {
        en_rules::speakers_after_their_words(reading, &sentences, &mut found);
        en_rules::speakers_before_a_closing_cue(reading, &sentences, &mut found);
        en_rules::subjects_before_a_participle(reading, &sentences, &mut found);
    }
    resolve::resolve(reading, &mut found);
    if !chinese {
        let more = en_rules::made_clear(reading, &sentences, &found);
        found.extend(more);
        let more = en_rules::continued_accounts(reading, &sentences, &found);
        found.extend(more);
        let more = en_rules::signed_quotes(reading, &found);
        found.extend(more);
        let more = en_rules::transcript_turns(reading, &found);
        found.extend(more);
    }
    let linker = link::Linker::embedded();
    let known = |name: &str| linker.resolve_claimant(name).is_some();
    if chinese {
        zh_names::full_names(reading, &mut found, known);
    } else {
        names::full_names(reading, &mut found, known);
    }
    if let Some(joined) = &joined {
        joined.map_back(&mut found);
    }
    if options.author_assertions {
        let mentions = linker.mentions(text);
        // The sentences the language's own rules read (an English text
        // is read as it is stored).
        if chinese {
            sentences = zh::sentence_ranges(text);
        }
        let own = assertions::author_assertions(text, &found, &sentences, |r| {
            mentions
                .iter()
                .any(|m| m.range.start >= r.start && m.range.end <= r.end)
        });
        found.extend(own);
        found.sort_by_key(|f| (f.content.start(), f.cue.start()));
    }
    if found.len() > MAX_ATTRIBUTIONS {
        found.sort_by_key(|f| (f.content.start(), f.cue.start()));
        found.truncate(MAX_ATTRIBUTIONS);
    }
    Some(found)
}

/// The most attributions read in one text; past them, the text's first
/// ones (in text order) are kept. News articles hold tens to a few
/// hundred; a page of thousands of one sentence repeated is hostile, and
/// each attribution costs some 50 kB of memory while it is stored and
/// indexed. [`find`] returns exactly this many when it cut; callers say so.
pub const MAX_ATTRIBUTIONS: usize = 10_000;

/// Whether [`find`] cut what it read of a text at [`MAX_ATTRIBUTIONS`].
pub fn was_capped(found: &[Found]) -> bool {
    found.len() >= MAX_ATTRIBUTIONS
}

fn is_according_to(cue: &str) -> bool {
    let c = cue.to_lowercase();
    c.starts_with("according to") || c.starts_with("citing") || c == "per"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_set_tells_whether_a_range_meets_one_of_its_ranges() {
        let set = RangeSet::new([10..20, 0..3, 15..40, 50..50]);
        // Against the plain test over every range, for every range of a
        // small space.
        let naive = |r: &Range<usize>| {
            [10..20, 0..3, 15..40, 50..50]
                .iter()
                .any(|s| s.start < r.end && s.end > r.start)
        };
        for start in 0..60 {
            for end in start..60 {
                assert_eq!(
                    set.meets(&(start..end)),
                    naive(&(start..end)),
                    "{start}..{end}"
                );
            }
        }
        assert!(!RangeSet::default().meets(&(0..10)));
    }

    /// The proposition of a content made of `parts`, each found by its
    /// first occurrence in `text`.
    fn proposition_of(text: &str, parts: &[&str]) -> String {
        let parts = parts
            .iter()
            .flat_map(|p| Span::first_in(text, p).parts)
            .collect();
        Span { parts }.proposition(text)
    }

    #[test]
    fn a_proposition_leaves_out_reference_marks() {
        for (text, expected) in [
            (
                "It was set by the British Government.[91][92]",
                "It was set by the British Government.",
            ),
            (
                "a binary build of an open source[17] codec[18][n 11] to play video",
                "a binary build of an open source codec to play video",
            ),
            (
                "They left.[citation needed] Then they came back.",
                "They left. Then they came back.",
            ),
            // The writer's brackets stay.
            (
                "its [sic] rules are [Vox] fine",
                "its [sic] rules are [Vox] fine",
            ),
            (
                "the hostages “give[s] us hope” for a 30 min[ute] talk",
                "the hostages “give[s] us hope” for a 30 min[ute] talk",
            ),
            ("a list[a, b] of [1]", "a list[a, b] of [1]"),
            ("增长了一倍。[1]", "增长了一倍。"),
            ("odd [ and ] marks[]", "odd [ and ] marks[]"),
            ("left open[12 and [3", "left open[12 and [3"),
            ("closed] first[4]]", "closed] first]"),
        ] {
            assert_eq!(proposition_of(text, &[text]), expected, "{text}");
        }
    }

    #[test]
    fn a_proposition_leaves_out_layout_between_han_characters() {
        for (text, content, expected) in [
            (
                "毛泽东说什么\n\n就是反动的。",
                "什么\n\n就是反动的",
                "什么就是反动的",
            ),
            (
                "他说乔 冠 华夫妇来了。",
                "乔 冠 华夫妇来了",
                "乔冠华夫妇来了",
            ),
            (
                "他说：“太\n\n好了，\n\n真的”。",
                "太\n\n好了，\n\n真的",
                "太好了，真的",
            ),
            // Between Latin words, and between Han and Latin, it stays.
            ("他说 AI 很好。", "AI 很好", "AI 很好"),
            (
                "Kim said the\n\nquota rose.",
                "the\n\nquota rose",
                "the\n\nquota rose",
            ),
        ] {
            assert_eq!(proposition_of(text, &[content]), expected, "{text}");
        }
    }

    #[test]
    fn a_proposition_leaves_out_the_that_which_joined_it_to_its_cue() {
        for (text, content, expected) in [
            (
                "Kim said that the quota will rise.",
                "that the quota will rise",
                "the quota will rise",
            ),
            (
                "Kim said that, if elected, he would act.",
                "that, if elected, he would act",
                "if elected, he would act",
            ),
            // "that" as the subject of its clause stays.
            (
                "Kim said that was wrong.",
                "that was wrong",
                "that was wrong",
            ),
            (
                "Kim said that wouldn’t help.",
                "that wouldn’t help",
                "that wouldn’t help",
            ),
            ("Kim said that.", "that", "that"),
            // Only the "that" that opens it, and not a word that starts
            // with it.
            (
                "Kim said thatched roofs burn.",
                "thatched roofs burn",
                "thatched roofs burn",
            ),
            (
                "Kim said prices rose so that buyers left.",
                "prices rose so that buyers left",
                "prices rose so that buyers left",
            ),
            (
                "“that the plan works,” Kim said.",
                "“that the plan works,”",
                "the plan works",
            ),
        ] {
            assert_eq!(proposition_of(text, &[content]), expected, "{text}");
        }
        // A lone "it" before such a "that" goes with it; a lone "it"
        // before anything else is the content's subject.
        let text = "It was reported by Caixin that the program ended in March.";
        assert_eq!(
            proposition_of(text, &["It", "that the program ended in March"]),
            "the program ended in March"
        );
        let text = "It, Kim said, is broken.";
        assert_eq!(proposition_of(text, &["It", "is broken"]), "It … is broken");
    }

    #[test]
    fn the_shipped_model_loads_and_finds_a_plain_attribution() {
        let text = "The ministry said the quota for imported dramas will rise next year.";
        let found = find(
            text,
            Some("en"),
            Options {
                author_assertions: false,
            },
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].cue.text(text), "said");
        assert_eq!(found[0].claimant.as_deref(), Some("The ministry"));
        assert!(found[0].content.text(text).starts_with("the quota"));
        // The build script's fingerprint is that of the model compiled in.
        use sha2::Digest;
        let digest = sha2::Sha256::digest(ENGLISH_MODEL_BYTES);
        let print: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
        assert_eq!(model_fingerprint(), print);
        // The build script's inflated copy is the shipped model.
        let shipped = model::AttributionModel::load(ENGLISH_MODEL_BYTES).unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        shipped.save(&mut a).unwrap();
        english_model().save(&mut b).unwrap();
        assert!(a == b);
        assert!(model::AttributionModel::load_inflated(ENGLISH_MODEL_BYTES).is_err());
        assert!(model::AttributionModel::load_inflated(&ENGLISH_MODEL_INFLATED[..100]).is_err());
    }

    #[test]
    fn chinese_text_goes_to_the_chinese_rules_and_nothing_panics_on_odd_input() {
        let text = "据新华社报道，国家广电总局表示，微短剧出海规模将继续扩大。";
        // Declared English or not, Chinese text is read as Chinese.
        for declared in [None, Some("en"), Some("utf-8")] {
            let found = find(text, declared, Options::default());
            assert!(
                found
                    .iter()
                    .any(|f| f.claimant.as_deref() == Some("国家广电总局")
                        && f.reporters == ["新华社"]),
                "{declared:?}: {found:?}"
            );
        }
        // Prose in another language gets nothing, even declared English.
        let portuguese = "Segundo o ministério, três milhões de crianças aprenderam a ler \
            em casa no ano passado, e os pais disseram que o método funciona porque as \
            atividades são simples e cabem na rotina da família inteira, todos os dias da \
            semana, sem custo algum para as escolas públicas nem para os municípios do país.";
        assert!(find(portuguese, Some("en"), Options::default()).is_empty());
        for odd in [
            "",
            "\"",
            "“",
            "said",
            "According to",
            "\n\n\n",
            // Postposed cues with nothing, a stop or a quotation after them.
            "The plant will close, says",
            "The plant will close, says.",
            "The plant will close, says “",
            "''It is done,'' said the",
            &"Prices rose, said the company. ".repeat(2_000),
            &"x ".repeat(20_000),
        ] {
            let _ = find(odd, None, Options::default());
        }
    }

    #[test]
    fn a_hard_wrapped_chinese_text_is_read_whole_and_found_in_the_text_as_stored() {
        let line = "这是一篇用固定宽度折行的旧文章。这一行的末尾不是一句话的结";
        let mut text = line.to_owned();
        for _ in 0..30 {
            text.push_str("\n\n");
            text.push_str(line);
        }
        text.push_str("\n\n尾。讲到社会规模对集体行动的影响，我还可以提供补充。政治学");
        text.push_str("\n\n家早就指出，在一个规模庞大的社会里实行专制要比较容易些。");
        let found = find(&text, Some("zh"), Options::default());
        // Every span is a slice of the stored text.
        for f in &found {
            for part in f
                .source
                .iter()
                .chain([&f.cue, &f.content])
                .flat_map(|s| &s.parts)
            {
                assert!(text.get(part.clone()).is_some(), "{part:?} in {f:?}");
            }
        }
        let f = found
            .iter()
            .find(|f| f.cue.text(&text) == "指出")
            .expect("an attribution with its cue");
        assert_eq!(f.claimant.as_deref(), Some("政治学家"));
        assert_eq!(f.source.as_ref().unwrap().text(&text), "政治学\n\n家");
        assert_eq!(
            f.content.proposition(&text),
            "在一个规模庞大的社会里实行专制要比较容易些"
        );
    }
}
