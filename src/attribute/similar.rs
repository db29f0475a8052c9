//! Near-duplicate claims across sources: a MinHash signature of each claim's
//! shingles estimates how much two claims share (their Jaccard similarity),
//! and a banded locality-sensitive index ([`NearDuplicates`], with the
//! passage keys of [`wording`](super::wording)) finds, among many claims, the
//! ones worth comparing. Whether two are near-duplicates is decided by
//! [`Wording::likeness`].
//!
//! Shingles are taken from the [`normalise`](crate::text::normalise)d text, run by run: in a run of
//! words in a script written with spaces, every three consecutive words; in a
//! run of Han characters, every three consecutive characters. Punctuation and
//! spacing do not break a run; a change of script does (so `AI短剧市场` gives
//! the run `ai` and the run `短剧市场`). A run shorter than three tokens is one
//! shingle. Texts of fewer than [`MIN_WORDS`] words (two Han characters
//! counting as one word) get no signature and are near-duplicates of nothing.
//!
//! Everything is deterministic: the hash functions are fixed, so a text has
//! the same signature on every run and machine.

use super::wording::{Likeness, Wording};
use crate::index::analysis::is_han;
#[cfg(test)]
use crate::text::normalise;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Texts with fewer words than this (two Han characters counting as one
/// word) are too short to call anything a near-duplicate of.
pub const MIN_WORDS: usize = 4;

/// Number of hash functions (slots of a signature).
const SLOTS: usize = 128;
/// Tokens per shingle.
const SHINGLE: usize = 3;
/// The index splits a signature into this many bands of [`ROWS`] slots; two
/// signatures are compared when some band is equal. With 32 × 4 the chance
/// of that for a pair at similarity s is 1 − (1 − s⁴)³²: 0.87 at 0.5, 0.99 at
/// 0.6, 0.9998 at 0.7.
const BANDS: usize = 32;
const ROWS: usize = SLOTS / BANDS;

/// The seeds of the hash functions: fixed, derived from one constant.
const SEEDS: [u64; SLOTS] = seeds();

const fn seeds() -> [u64; SLOTS] {
    let mut seeds = [0; SLOTS];
    // "claimgra" in ASCII, stepped by the golden ratio as in SplitMix64.
    let mut state: u64 = 0x636c_6169_6d67_7261;
    let mut i = 0;
    while i < SLOTS {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        seeds[i] = mix(state);
        i += 1;
    }
    seeds
}

/// SplitMix64's finaliser: every input bit affects every output bit.
pub(super) const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The MinHash signature of a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    /// The least hash of the text's shingles under each hash function; empty
    /// for a text too short to compare.
    mins: Vec<u32>,
}

impl Signature {
    /// The signature of `text` (any script or mix of scripts). Claims are
    /// compared by [`Wording`], which keeps the shingles themselves; this
    /// is for measuring the estimate.
    #[cfg(test)]
    pub fn of(text: &str) -> Signature {
        Signature::of_shingles(&shingles_of(&tokens(&normalise(text))))
    }

    /// The signature of a text from the hashes of its shingles
    /// ([`shingles_of`]; none: a text too short to compare).
    pub(super) fn of_shingles(shingles: &[u64]) -> Signature {
        Signature {
            mins: if shingles.is_empty() {
                Vec::new()
            } else {
                min_hashes(shingles)
            },
        }
    }

    /// Whether the text was long enough to be compared with others.
    pub fn is_comparable(&self) -> bool {
        !self.mins.is_empty()
    }

    /// The estimated Jaccard similarity of the two texts' shingles, from 0
    /// to 1: the share of hash functions under which both have the same
    /// least shingle. 0 when either text is too short to compare. (The
    /// bands' chance of finding a pair follows this estimate; the decision
    /// itself is [`Wording::likeness`]'s, on the exact shingles.)
    #[cfg(test)]
    pub fn similarity(&self, other: &Signature) -> f32 {
        if !self.is_comparable() || !other.is_comparable() {
            return 0.0;
        }
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f32 / SLOTS as f32
    }

    /// The band keys cut to 32 bits, as the full-text index keeps them so
    /// that stored claims are found by key without being read (none for a
    /// text too short to compare). Half the bits make a smaller term
    /// dictionary; a chance collision (about one lookup in forty at ten
    /// million claims) only costs reading one more candidate, whose
    /// similarity is then computed in full.
    pub fn index_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.band_keys().map(|key| key >> 32)
    }

    /// A key for each band of the signature, the band's number included:
    /// two signatures are worth comparing when some key is the same.
    fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.mins
            .chunks_exact(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                rows.iter()
                    .fold(mix(band as u64), |key, &row| mix(key ^ u64::from(row)))
            })
    }
}

/// A unit of shingling: a word of a script written with spaces, or one Han
/// character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    Word(&'a str),
    Han(&'a str),
}

impl Token<'_> {
    pub(super) fn text(&self) -> &str {
        match self {
            Token::Word(s) | Token::Han(s) => s,
        }
    }

    pub(super) fn is_han(&self) -> bool {
        matches!(self, Token::Han(_))
    }
}

/// The words and Han characters of `text`, in order; everything else
/// (spaces, punctuation, symbols) is left out.
pub(super) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut word_start = None;
    for (at, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() && !is_han(c);
        match (word_start, in_word) {
            (None, true) => word_start = Some(at),
            (Some(start), false) => {
                tokens.push(Token::Word(&text[start..at]));
                word_start = None;
            }
            _ => {}
        }
        if is_han(c) {
            tokens.push(Token::Han(&text[at..at + c.len_utf8()]));
        }
    }
    if let Some(start) = word_start {
        tokens.push(Token::Word(&text[start..]));
    }
    tokens
}

/// Words, counting two Han characters as one.
pub(super) fn word_count(tokens: &[Token]) -> usize {
    let han = tokens.iter().filter(|t| t.is_han()).count();
    tokens.len() - han + han.div_ceil(2)
}

/// The hashes of the shingles of `tokens`, sorted, each once; none for a
/// text of fewer than [`MIN_WORDS`] words, too short to compare.
pub(super) fn shingles_of(tokens: &[Token]) -> Vec<u64> {
    if word_count(tokens) < MIN_WORDS {
        return Vec::new();
    }
    let mut shingles = shingle_hashes(tokens);
    shingles.sort_unstable();
    shingles.dedup();
    shingles
}

/// A hash of every shingle, run by run (a run is a stretch of tokens of one
/// kind).
pub(super) fn shingle_hashes(tokens: &[Token]) -> Vec<u64> {
    tokens
        .chunk_by(|a, b| a.is_han() == b.is_han())
        .flat_map(|run| {
            let width = SHINGLE.min(run.len());
            run.windows(width).map(shingle_hash)
        })
        .collect()
}

/// FNV-1a over the shingle's tokens, separated by a byte that UTF-8 never
/// contains.
pub(super) fn shingle_hash(shingle: &[Token]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for token in shingle {
        for &byte in token.text().as_bytes().iter().chain(&[0xff]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// The least value of each hash function over `shingles` (at least one).
fn min_hashes(shingles: &[u64]) -> Vec<u32> {
    let mut mins = vec![u32::MAX; SLOTS];
    for &shingle in shingles {
        for (min, &seed) in mins.iter_mut().zip(&SEEDS) {
            // The high half of a well-mixed value: 32 bits are plenty to
            // tell shingles apart and halve the signature's size.
            let value = (mix(shingle ^ seed) >> 32) as u32;
            *min = (*min).min(value);
        }
    }
    mins
}

/// An index of claims' wordings for finding near-duplicates of a new one
/// without comparing it with every claim: those sharing a MinHash band or
/// a passage key with it are compared.
#[derive(Debug, Clone)]
pub struct NearDuplicates<K> {
    entries: Vec<(K, Wording)>,
    /// Band key → the entries having that band.
    buckets: HashMap<u64, Vec<usize>, BuildHasherDefault<BandKeyHasher>>,
    /// Passage key → the entries having that passage.
    passages: HashMap<u64, Vec<usize>, BuildHasherDefault<BandKeyHasher>>,
}

/// A passage key held by more claims than this is a stock phrase ("did not
/// immediately respond to a request for comment"), not a quote: it finds
/// no candidates, in memory or in the full-text index.
pub const MAX_PASSAGE_HOLDERS: usize = 64;

/// At most this many stored claims sharing band keys with a new claim are
/// read to look for its near-duplicates: those sharing the most keys.
pub const MAX_BAND_CANDIDATES: usize = 64;

/// Band keys are already well-mixed hashes ([`Signature::band_keys`]): the
/// bucket map uses them as they are instead of hashing them again.
#[derive(Debug, Default)]
struct BandKeyHasher(u64);

impl Hasher for BandKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0 ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

impl<K> Default for NearDuplicates<K> {
    fn default() -> Self {
        NearDuplicates {
            entries: Vec::new(),
            buckets: HashMap::default(),
            passages: HashMap::default(),
        }
    }
}

impl<K> NearDuplicates<K> {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a claim under `key`. A wording too short to compare is not
    /// kept: it is never a candidate.
    pub fn insert(&mut self, key: K, wording: Wording) {
        if !wording.is_comparable() {
            return;
        }
        let entry = self.entries.len();
        for band in wording.signature().band_keys() {
            self.buckets.entry(band).or_default().push(entry);
        }
        for &passage in wording.passage_keys() {
            self.passages.entry(passage).or_default().push(entry);
        }
        self.entries.push((key, wording));
    }

    /// Number of claims kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no claim is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries that share a band or a passage (not a stock phrase) with
    /// `wording`, each once, in insertion order.
    fn sharing_a_key(&self, wording: &Wording) -> Vec<usize> {
        let bands = wording
            .signature()
            .band_keys()
            .filter_map(|band| self.buckets.get(&band))
            .flatten();
        let mut found: Vec<usize> = bands
            .chain(self.sharing_a_passage(wording))
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Entries that share a passage with `wording`, leaving out passages
    /// held by more than [`MAX_PASSAGE_HOLDERS`] entries.
    fn sharing_a_passage<'a>(&'a self, wording: &'a Wording) -> impl Iterator<Item = &'a usize> {
        wording
            .passage_keys()
            .iter()
            .filter_map(|passage| self.passages.get(passage))
            .filter(|holders| holders.len() <= MAX_PASSAGE_HOLDERS)
            .flatten()
    }
}

impl<K: Clone> NearDuplicates<K> {
    /// The keys of the claims that are near-duplicates of `wording`
    /// ([`Wording::likeness`]), most alike first (ties in insertion
    /// order). Empty when `wording` is too short to compare.
    pub fn candidates(&self, wording: &Wording) -> Vec<(K, Likeness)> {
        if !wording.is_comparable() {
            return Vec::new();
        }
        let mut found: Vec<(usize, Likeness)> = self
            .sharing_a_key(wording)
            .into_iter()
            .filter_map(|entry| Some((entry, wording.likeness(&self.entries[entry].1)?)))
            .collect();
        found.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
        found
            .into_iter()
            .map(|(entry, likeness)| (self.entries[entry].0.clone(), likeness))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::wording::SIMILAR_FROM as DEFAULT_THRESHOLD;

    fn similarity(a: &str, b: &str) -> f32 {
        Signature::of(a).similarity(&Signature::of(b))
    }

    const CLAIM: &str =
        "Beijing is using direct funding and AI tools to transform the micro-drama sector";
    const REWORDED: &str =
        "Beijing uses direct funding and AI-driven tools to transform the sector";
    const UNRELATED: &str =
        "Hollywood studios are cutting jobs as streaming subscriptions slow across America";

    #[test]
    fn identical_texts_score_one_whatever_their_spelling() {
        assert_eq!(similarity(CLAIM, CLAIM), 1.0);
        // Case, width, spacing and punctuation are not part of a shingle.
        assert_eq!(
            similarity(
                CLAIM,
                "“BEIJING is using direct funding, and ＡＩ tools, to transform the micro drama sector.”"
            ),
            1.0
        );
    }

    #[test]
    fn a_rewording_is_related_but_not_a_near_duplicate() {
        let reworded = similarity(CLAIM, REWORDED);
        let unrelated = similarity(CLAIM, UNRELATED);
        assert!(
            reworded > unrelated,
            "reworded {reworded} ≤ unrelated {unrelated}"
        );
        assert!(reworded > 0.1, "{reworded}");
        assert!(reworded < DEFAULT_THRESHOLD, "{reworded}");
        assert!(unrelated < 0.05, "{unrelated}");
    }

    #[test]
    fn a_lightly_edited_copy_is_a_near_duplicate() {
        let original = "The National Radio and Television Administration said on Tuesday that it \
                        would double its funding for micro-dramas that promote Chinese culture abroad";
        let edited = "The National Radio and Television Administration said on Monday that it \
                      would double its funding for micro-dramas that promote Chinese culture abroad";
        let score = similarity(original, edited);
        assert!(score >= DEFAULT_THRESHOLD, "{score}");
        assert!(score < 1.0, "{score}");
    }

    #[test]
    fn the_estimate_is_close_to_the_true_jaccard_similarity() {
        let words = |range: std::ops::Range<usize>| {
            range.map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ")
        };
        // 58 shingles each, 38 shared: Jaccard 38/78.
        let estimate = similarity(&words(0..60), &words(20..80));
        let truth = 38.0 / 78.0;
        assert!((estimate - truth).abs() < 0.12, "{estimate} vs {truth}");
        assert_eq!(similarity(&words(0..60), &words(100..160)), 0.0);
    }

    #[test]
    fn chinese_near_duplicates() {
        let a = "国家广播电视总局表示，将进一步加大对微短剧精品创作的扶持力度，推动行业健康发展。";
        let b = "国家广播电视总局表示将进一步加大对微短剧精品创作的支持力度，推动行业健康发展";
        let unrelated = "深圳的电影产业在过去五年里快速增长，吸引了大量年轻观众。";
        let near = similarity(a, b);
        assert!(near >= DEFAULT_THRESHOLD, "{near}");
        assert!(similarity(a, unrelated) < 0.05);
    }

    #[test]
    fn mixed_scripts_shingle_each_run_in_its_own_way() {
        let text = "AI短剧市场规模在2024年达到500亿元，同比增长35%";
        let tokens = tokens(text);
        assert_eq!(tokens[0], Token::Word("AI"));
        assert_eq!(tokens[1], Token::Han("短"));
        assert!(tokens.contains(&Token::Word("2024")));
        // Runs (punctuation does not end one): ai | 短剧市场规模在 | 2024 |
        // 年达到 | 500 | 亿元同比增长 | 35.
        assert_eq!(shingle_hashes(&tokens).len(), 1 + 5 + 1 + 1 + 1 + 4 + 1);
        assert_eq!(
            similarity(text, "ai短剧市场规模在2024年达到500亿元, 同比增长35%"),
            1.0
        );
        let changed = similarity(text, "AI短剧市场规模在2025年达到500亿元，同比增长35%");
        assert!(changed > DEFAULT_THRESHOLD && changed < 1.0, "{changed}");
    }

    #[test]
    fn short_and_empty_texts_are_near_duplicates_of_nothing() {
        for short in ["", "   ", "Xinhua said so.", "广电总局表示", "!!! ???"] {
            let sig = Signature::of(short);
            assert!(!sig.is_comparable(), "{short:?}");
            assert_eq!(sig.similarity(&sig), 0.0);
            let mut index = NearDuplicates::new();
            index.insert("short", Wording::of(short));
            index.insert("claim", Wording::of(CLAIM));
            assert_eq!(index.len(), 1);
            assert!(index.candidates(&Wording::of(short)).is_empty());
        }
        // Four words are enough.
        assert!(Signature::of("Xinhua said it grew").is_comparable());
        assert!(Signature::of("广电总局表示支持").is_comparable());
    }

    #[test]
    fn signatures_are_deterministic() {
        let sig = Signature::of(CLAIM);
        assert_eq!(sig, Signature::of(CLAIM));
        assert_eq!(sig.mins.len(), SLOTS);
        // Pinned: a change here changes every signature ever computed.
        assert_eq!(sig.mins[..4], [288001946, 45928068, 789562793, 90861997]);
    }

    #[test]
    fn the_index_finds_near_duplicates_best_first() {
        let edited =
            "Beijing is using direct funding and AI tools to transform the micro-drama industry";
        let longer = "Analysts say Beijing is using direct funding and AI tools to transform the \
                      micro-drama sector, and that the export push to Southeast Asia, Latin \
                      America and the Middle East will follow within two years";
        let mut index = NearDuplicates::new();
        assert!(index.is_empty());
        index.insert("unrelated", Wording::of(UNRELATED));
        index.insert("edited", Wording::of(edited));
        index.insert("same", Wording::of(CLAIM));
        index.insert("reworded", Wording::of(REWORDED));
        index.insert("same again", Wording::of(CLAIM));
        index.insert("inside a longer one", Wording::of(longer));
        let found = index.candidates(&Wording::of(CLAIM));
        let keys: Vec<&str> = found.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            ["same", "same again", "inside a longer one", "edited"]
        );
        assert_eq!(found[0].1.score, 1.0);
        assert_eq!(
            found[2].1.method,
            crate::attribute::wording::CONTAINED_METHOD
        );
        assert_eq!(found[3].1.method, crate::attribute::wording::SIMILAR_METHOD);
        assert!(found[3].1.score >= DEFAULT_THRESHOLD && found[3].1.score < 1.0);
    }

    #[test]
    fn a_stock_phrase_finds_no_candidates_by_its_passages() {
        let mut index = NearDuplicates::new();
        for i in 0..=MAX_PASSAGE_HOLDERS {
            index.insert(
                i,
                Wording::of(&format!(
                    "Spokesperson number {i} of agency {i} did not immediately respond to a request for comment on Friday"
                )),
            );
        }
        let wording = Wording::of(
            "The ministry did not immediately respond to a request for comment on Friday night, officials were told",
        );
        assert_eq!(index.sharing_a_passage(&wording).count(), 0);
        // One holder fewer, and the phrase finds them all.
        let mut fewer = NearDuplicates::new();
        for (i, entry) in index.entries.into_iter().skip(1).enumerate() {
            fewer.insert(i, entry.1);
        }
        assert!(fewer.sharing_a_passage(&wording).count() >= MAX_PASSAGE_HOLDERS);
    }

    #[test]
    fn a_megabyte_of_text_has_a_signature() {
        let paragraph = "Micro-dramas funded by the state reach viewers in Southeast Asia. \
                         微短剧出海带动了文化产业的发展。\n";
        let huge = paragraph.repeat(1_000_000 / paragraph.len() + 1);
        let sig = Signature::of(&huge);
        assert!(sig.is_comparable());
        assert_eq!(sig.similarity(&sig), 1.0);
        // Repetition adds no new shingles beyond the seams between copies.
        assert!(sig.similarity(&Signature::of(&paragraph.repeat(3))) > 0.9);
    }
}
