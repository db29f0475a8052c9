//! When two claims are near-duplicates: what their wordings share, and the
//! numbers and names they state.
//!
//! Two wordings are near-duplicates when
//! - most of their shingles are the same (Jaccard similarity at least
//!   [`SIMILAR_FROM`]): the same text lightly edited; or
//! - the shorter, a clause of at least [`CONTAINED_FROM_WORDS`] words, lies
//!   nearly whole inside the longer (at least [`CONTAINED_FROM`] of its
//!   shingles): the same quote cut to another length, or carried inside a
//!   longer sentence ("We’ve got to do everything possible to improve
//!   policing" and "Maybe I can … We have got to do everything possible to
//!   improve policing, to go right at implicit bias");
//!
//! and in either case the shorter states no number and names no one the
//! longer does not. A capitalised word is a name unless it is a title, a
//! function word or a word such as "Though" opening a sentence; a name
//! changed in a text otherwise the same ([`EDITED_FROM`]) is an edit.
//! "Clinton now has at least 1,353 delegates" and "… at least 1,410", or
//! "Beth Wilkinson did not respond to a request for comment" and "Corey
//! Lewandowski did not respond …", share nearly all their words and are
//! different claims. Similar wordings must state the same numbers, and of
//! two wordings of one length, neither may name anyone the other does not.
//!
//! Shingles are those of [`similar`]: word 3-shingles and
//! Han character 3-grams of the normalised text. Candidates are found by
//! its MinHash bands (similar wordings) and by passage keys: hashes of
//! word 5-shingles (Han 8-grams) chosen by winnowing, the least of every
//! four in a row, so that two wordings sharing a run of eight words (or
//! eleven Han characters) share a key whatever else they hold.

use super::similar::{self, Signature, Token};
use super::{names, worth};
use crate::text::normalise;
use std::cell::OnceCell;

/// The Jaccard similarity from which two wordings are near-duplicates.
///
/// Each edited word removes up to three shingles from what two texts
/// share, so at 0.5 a claim keeps its match with about one changed word in
/// nine ("none of the messages was marked classified at the time it was
/// sent" and "none of the material was …" score 0.57). A paraphrase ("is
/// using" → "uses", a word added) shares a few phrases and scores about
/// 0.2–0.4: related, not a duplicate. The MinHash bands find a pair at 0.5
/// with probability 0.87, and the passage keys any pair sharing eight
/// words in a row.
pub const SIMILAR_FROM: f32 = 0.5;

/// The Jaccard similarity from which two wordings are near-duplicates when
/// the shorter has fewer than [`SHORT_WORDS`] words. Their one word
/// changed is the point: "it’s not an improvement" and "it’s not an
/// endorsement", "Rubio’s position on immigration" and "… on abortion"
/// score 0.5.
pub const SHORT_SIMILAR_FROM: f32 = 0.6;

/// Wordings of fewer words than this are short ([`SHORT_SIMILAR_FROM`]).
pub const SHORT_WORDS: usize = 8;

/// The Jaccard similarity from which two wordings are one text edited,
/// even where a name differs: wire copy with a place changed in a clause
/// ("… surprised analysts in Hangzhou and Shanghai" / "… and Beijing").
/// Below it, a name only one of them states makes them different claims.
pub const EDITED_FROM: f32 = 0.8;

/// The share of the shorter wording's shingles found in the longer from
/// which it is the same words carried inside it.
pub const CONTAINED_FROM: f32 = 0.8;

/// The fewest words of a wording found inside another. Shorter ones are
/// mostly phrases any article may repeat ("a temporary ban on Muslims
/// entering the United States").
pub const CONTAINED_FROM_WORDS: usize = 10;

/// The method recorded for a link of similar wordings.
pub const SIMILAR_METHOD: &str = "jaccard-w3-c3";

/// The method recorded for a link of a wording found inside another.
pub const CONTAINED_METHOD: &str = "containment-w3-c3";

/// Tokens per passage shingle in a run of words and in a run of Han
/// characters.
const PASSAGE_WORDS: usize = 5;
const PASSAGE_HAN: usize = 8;
/// Winnowing window: of every this many passage shingles in a row, the
/// least is a key.
const WINNOW: usize = 4;

/// How many names of one wording may be found misspelt (one letter
/// away) in the other.
const MAX_MISSPELT: usize = 2;

/// Whether `lower` is a title written before or after a name ("Mr.",
/// "Gov.", "Jr."): no name itself.
fn is_title(lower: &str) -> bool {
    names::TITLES.contains(&lower) || matches!(lower, "jr" | "sr" | "st")
}

/// Words that open sentences and name no one ("Maybe", "Everyone"),
/// besides [`worth::is_empty_word`]'s and the model's sentence adverbs
/// ("Though", "However"). Any other capitalised
/// word is taken for a name, even opening a sentence: "Sanders to be the
/// next president" is not inside "I want Donald Trump to be the next
/// president".
const OPENERS: &[&str] = &[
    "although",
    "maybe",
    "perhaps",
    "well",
    "yes",
    "indeed",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "look",
    "listen",
    "please",
    "sure",
    "okay",
    "oh",
    "frankly",
    "honestly",
    "clearly",
    "obviously",
    "certainly",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "someone",
    "somebody",
    "nobody",
    "nothing",
    "everything",
    "something",
    "people",
    "many",
    "most",
    "more",
    "few",
    "several",
    "because",
    "while",
    "unless",
    "once",
    "let",
    "including",
    "asked",
    "said",
    "according",
    "thank",
    "thanks",
];

/// How alike two wordings are, and by which method that was measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Likeness {
    /// Jaccard similarity or containment, from 0 to 1.
    pub score: f32,
    /// [`SIMILAR_METHOD`] or [`CONTAINED_METHOD`].
    pub method: &'static str,
}

/// What a claim's wording shows for comparing it with others.
#[derive(Debug, Clone)]
pub struct Wording {
    signature: OnceCell<Signature>,
    /// Hashes of its shingles, sorted, each once.
    shingles: Vec<u64>,
    /// Its passage keys (cut to 32 bits, as the index keeps them), sorted,
    /// each once.
    passages: Vec<u64>,
    /// Words, two Han characters counting as one.
    words: usize,
    /// The numbers it states ("2,383" as "2383"), sorted, each once.
    numbers: Vec<String>,
    /// The names it states, lower-cased: capitalised words and words in
    /// capitals, not titles, function words or [`OPENERS`] opening a
    /// sentence.
    names: Vec<String>,
    /// Every word, lower-cased, without what follows an apostrophe.
    vocabulary: Vec<String>,
    /// Whether it reads as a clause rather than a phrase (any Chinese
    /// wording does).
    clause: bool,
}

/// The keys under which the full-text index files a wording.
pub struct LookupKeys {
    /// MinHash band keys ([`Signature::index_keys`]).
    pub bands: Vec<u64>,
    /// Passage keys.
    pub passages: Vec<u64>,
}

/// The index keys of `text`, without the rest of a [`Wording`].
pub fn lookup_keys(text: &str) -> LookupKeys {
    let normalised = normalise(text);
    let tokens = similar::tokens(&normalised);
    let shingles = similar::shingles_of(&tokens);
    if shingles.is_empty() {
        return LookupKeys {
            bands: Vec::new(),
            passages: Vec::new(),
        };
    }
    LookupKeys {
        bands: Signature::of_shingles(&shingles).index_keys().collect(),
        passages: passage_keys(&tokens),
    }
}

impl Wording {
    /// The wording of `text` (any script or mix of scripts).
    pub fn of(text: &str) -> Wording {
        let normalised = normalise(text);
        let tokens = similar::tokens(&normalised);
        let shingles = similar::shingles_of(&tokens);
        let passages = if shingles.is_empty() {
            Vec::new()
        } else {
            passage_keys(&tokens)
        };
        let han = tokens.iter().filter(|t| t.is_han()).count();
        let (names, vocabulary) = names_and_vocabulary(text);
        Wording {
            signature: OnceCell::new(),
            shingles,
            passages,
            words: similar::word_count(&tokens),
            numbers: numbers(&normalised),
            names,
            vocabulary,
            clause: han * 2 > tokens.len() || is_clause(text),
        }
    }

    /// Whether it is long enough to be compared with others.
    pub fn is_comparable(&self) -> bool {
        !self.shingles.is_empty()
    }

    /// Its MinHash signature, made when first asked for: only the
    /// wordings looked up or filed by band need it, not the candidates
    /// read back from the index.
    pub fn signature(&self) -> &Signature {
        self.signature
            .get_or_init(|| Signature::of_shingles(&self.shingles))
    }

    /// Its passage keys, as the full-text index keeps them.
    pub fn passage_keys(&self) -> &[u64] {
        &self.passages
    }

    /// How alike `self` and `other` are, when they are near-duplicates.
    pub fn likeness(&self, other: &Wording) -> Option<Likeness> {
        if !self.is_comparable() || !other.is_comparable() {
            return None;
        }
        let shared = shared(&self.shingles, &other.shingles);
        if shared == 0 {
            return None;
        }
        let (short, long) = if self.shingles.len() <= other.shingles.len() {
            (self, other)
        } else {
            (other, self)
        };
        let union = self.shingles.len() + other.shingles.len() - shared;
        let jaccard = shared as f32 / union as f32;
        // Of two wordings of one length, neither may name anyone the other
        // does not; unless they are the same text but for an edit or two.
        let tie = self.shingles.len() == other.shingles.len();
        if jaccard < EDITED_FROM
            && (!long.states_all(&short.names) || tie && !short.states_all(&long.names))
        {
            return None;
        }
        let similar_from = if short.words < SHORT_WORDS {
            SHORT_SIMILAR_FROM
        } else {
            SIMILAR_FROM
        };
        if jaccard >= similar_from {
            return (self.numbers == other.numbers).then_some(Likeness {
                score: jaccard,
                method: SIMILAR_METHOD,
            });
        }
        let contained = shared as f32 / short.shingles.len() as f32;
        let numbers_inside = short
            .numbers
            .iter()
            .all(|n| long.numbers.binary_search(n).is_ok());
        (short.words >= CONTAINED_FROM_WORDS
            && short.clause
            && contained >= CONTAINED_FROM
            && numbers_inside)
            .then_some(Likeness {
                score: contained,
                method: CONTAINED_METHOD,
            })
    }

    /// Whether each of `names` is one of its words, or, for at most
    /// [`MAX_MISSPELT`] of them, one letter away from one ("Asawitri" and
    /// "Asawitiri"): more misspellings than that are other names.
    fn states_all(&self, names: &[String]) -> bool {
        let mut misspelt = 0;
        for name in names {
            if self
                .vocabulary
                .binary_search_by(|w| w.as_str().cmp(name))
                .is_ok()
            {
                continue;
            }
            misspelt += 1;
            if misspelt > MAX_MISSPELT || !self.has_word_within_one_edit(name) {
                return false;
            }
        }
        true
    }

    /// Whether `word` (lower-cased, five letters or more) is one letter
    /// away from one of its words.
    fn has_word_within_one_edit(&self, word: &str) -> bool {
        // A misspelling keeps its first letter: only the words sharing it
        // (a range of the sorted vocabulary) are compared, so a long text
        // costs a search, not a scan.
        let Some(first) = word.chars().next() else {
            return false;
        };
        if word.chars().count() < 5 {
            return false;
        }
        let from = self
            .vocabulary
            .partition_point(|w| w.chars().next() < Some(first));
        self.vocabulary[from..]
            .iter()
            .take_while(|w| w.starts_with(first))
            .any(|w| w.chars().count() >= 5 && strsim::levenshtein(w, word) <= 1)
    }
}

/// Whether an English text shows a verb ([`worth::has_verb_sign`]), not
/// counting names that end like a past form ("United", "Ted").
fn is_clause(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !(w.starts_with(char::is_uppercase) && w.to_lowercase().contains("ed")))
        .collect();
    worth::has_verb_sign(&words.join(" "))
}

fn sorted(mut hashes: Vec<u64>) -> Vec<u64> {
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// How many values two sorted lists of distinct values share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The passage keys of a text's tokens: in each run of one kind, the hash
/// of every passage shingle, and of every [`WINNOW`] of them in a row the
/// least (a run with fewer keeps its least).
fn passage_keys(tokens: &[Token]) -> Vec<u64> {
    let mut keys = Vec::new();
    for run in tokens.chunk_by(|a, b| a.is_han() == b.is_han()) {
        let width = if run[0].is_han() {
            PASSAGE_HAN
        } else {
            PASSAGE_WORDS
        };
        if run.len() < width {
            continue;
        }
        let hashes: Vec<u64> = run
            .windows(width)
            .map(|w| similar::mix(similar::shingle_hash(w)))
            .collect();
        for window in hashes.windows(WINNOW.min(hashes.len())) {
            if let Some(least) = window.iter().min() {
                keys.push(least >> 32);
            }
        }
    }
    sorted(keys)
}

/// The numbers written in a normalised text, commas between digits left
/// out ("2,383" → "2383", "1.6" stays), sorted, each once.
fn numbers(normalised: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = normalised.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if matches!(c, ',' | '.')
            && !current.is_empty()
            && chars.peek().is_some_and(char::is_ascii_digit)
        {
            if c == '.' {
                current.push(c);
            }
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The names a text states and all its words, each lower-cased, cut at an
/// apostrophe ("Trump’s" → "trump"), sorted, each once.
fn names_and_vocabulary(text: &str) -> (Vec<String>, Vec<String>) {
    let mut names = Vec::new();
    let mut vocabulary = Vec::new();
    // Whether the next word opens a sentence (capitalised anyway).
    let mut opening = true;
    let mut word = String::new();
    let mut end_word = |word: &mut String, opening: bool| {
        if word.is_empty() {
            return;
        }
        let base: String = word
            .split(['\'', '’'])
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let capitals = letters >= 2 && word.chars().all(|c| !c.is_lowercase());
        if base.chars().count() >= 2
            && (capitalised || capitals)
            && !(opening
                && (OPENERS.contains(&base.as_str())
                    || super::model::SENTENCE_ADVERBS.contains(&base.as_str())))
            && !worth::is_empty_word(&base)
            && !is_title(&base)
            && base.chars().any(char::is_alphabetic)
        {
            names.push(base.clone());
        }
        if !base.is_empty() {
            vocabulary.push(base);
        }
        word.clear();
    };
    // Whether the last word was a title ("Mr." ends no sentence).
    let mut title = false;
    for c in text.chars() {
        if c.is_alphanumeric() && !crate::index::analysis::is_han(c)
            || (matches!(c, '\'' | '’') && !word.is_empty())
        {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            title = is_title(&word.to_lowercase());
            end_word(&mut word, opening);
            opening = false;
        }
        if matches!(c, '!' | '?' | ';' | '…') || c == '.' && !title {
            opening = true;
        }
    }
    end_word(&mut word, opening);
    names.sort_unstable();
    names.dedup();
    vocabulary.sort_unstable();
    vocabulary.dedup();
    (names, vocabulary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn likeness(a: &str, b: &str) -> Option<Likeness> {
        let found = Wording::of(a).likeness(&Wording::of(b));
        assert_eq!(found, Wording::of(b).likeness(&Wording::of(a)), "symmetric");
        found
    }

    fn method(a: &str, b: &str) -> Option<&'static str> {
        likeness(a, b).map(|l| l.method)
    }

    #[test]
    fn the_same_text_lightly_edited_is_similar() {
        let found = likeness(
            "The developer invested about $250 million in fixing up the four-course Doral resort, after buying it out of bankruptcy for $145 million.",
            "The developer invested far more -- some $250 million -- in fixing up the four-course Doral resort, after buying it out of bankruptcy for $145 million.",
        )
        .unwrap();
        assert_eq!(found.method, SIMILAR_METHOD);
        assert!(found.score >= SIMILAR_FROM && found.score < 1.0);
        let same = likeness(
            "It takes 2,383 delegates to win.",
            "it takes 2,383 delegates to win",
        );
        assert_eq!(same.map(|l| l.score), Some(1.0));
    }

    #[test]
    fn a_word_changed_in_a_short_wording_is_another_claim() {
        assert_eq!(
            method("it's not an improvement.", "it’s not an endorsement"),
            None
        );
        assert_eq!(
            method(
                "Rubio's position on immigration",
                "Rubio’s position on abortion"
            ),
            None
        );
        // From eight words, one word in nine may change.
        assert_eq!(
            method(
                "none of the material was marked classified at the time it was sent",
                "none of the messages was marked classified at the time it was sent",
            ),
            Some(SIMILAR_METHOD)
        );
    }

    #[test]
    fn a_name_changed_in_a_long_text_otherwise_the_same_is_an_edit() {
        assert_eq!(
            method(
                "ReelShort earned 490 million dollars from overseas viewers in the first half of 2025, a figure that surprised analysts in Hangzhou and Shanghai.",
                "ReelShort earned 490 million dollars from overseas viewers in the first half of 2025, a figure that surprised analysts in Hangzhou and Beijing.",
            ),
            Some(SIMILAR_METHOD)
        );
    }

    #[test]
    fn other_numbers_are_another_claim() {
        assert_eq!(
            method(
                "Clinton now has a total of at least 1,353, while Sanders has at least 625.",
                "Clinton now has a total of at least 1,410, while Sanders has at least 653.",
            ),
            None
        );
        assert_eq!(
            method(
                "Sanders will pick up at least 45.",
                "Sanders will pick up at least 14."
            ),
            None
        );
        // A figure added to a wording otherwise the same is another claim.
        assert_eq!(
            method(
                "his call for a temporary ban on Muslims entering the United States",
                "65 percent of Republicans supported his call for a temporary ban on Muslims entering the United States.",
            ),
            None
        );
    }

    #[test]
    fn other_people_are_another_claim() {
        for (a, b) in [
            (
                "Beth Wilkinson did not respond to a request for comment",
                "Corey Lewandowski did not respond to a request for comment",
            ),
            (
                "his campaign did not respond to a request for comment",
                "Corey Lewandowski did not respond to a request for comment",
            ),
            (
                "FBI did not immediately respond to a request for comment",
                "The Cruz campaign did not immediately respond to a request for comment.",
            ),
        ] {
            assert_eq!(method(a, b), None, "{a} / {b}");
        }
        // A title, a name opening the sentence, a misspelling by one letter
        // change nothing.
        assert_eq!(
            method(
                "they had a positive view of Clinton, compared with 33 percent last month",
                "they had a positive view of Mrs. Clinton, compared with 33 percent last month",
            ),
            Some(SIMILAR_METHOD)
        );
        assert_eq!(
            method(
                "The comment was posted from the 335th Twitter account of a pro-Islamic State group that calls itself Asawitri Media.",
                "That comment was posted from the 335th Twitter account of a pro-Islamic State group that calls itself Asawitiri Media.",
            ),
            Some(SIMILAR_METHOD)
        );
    }

    #[test]
    fn a_quote_inside_a_longer_one_is_contained() {
        let found = likeness(
            "We’ve got to do everything possible to improve policing, to go right at implicit bias",
            "Maybe I can, by speaking directly to white people, say, look, this is not who we are, this is not who we want to be … We have got to do everything possible to improve policing, to go right at implicit bias.",
        )
        .unwrap();
        assert_eq!(found.method, CONTAINED_METHOD);
        assert!(found.score >= CONTAINED_FROM, "{}", found.score);
        assert_eq!(
            method(
                "No, I meant he’s the founder of ISIS … I do. He was the most valuable player. … He was the founder. He gets the most valuable player award, and so does she.",
                "No, I meant he’s the founder of ISIS. He was the most valuable player.",
            ),
            Some(CONTAINED_METHOD)
        );
    }

    #[test]
    fn a_phrase_or_a_short_text_inside_another_is_not() {
        // A phrase: no verb of its own.
        assert_eq!(
            method(
                "his call for a temporary ban on Muslims entering the United States and Canada",
                "Republican presidential candidate Donald Trump's offer to make an exception to his call for a temporary ban on Muslims entering the United States and Canada by allowing Sadiq Khan",
            ),
            None
        );
        // Under ten words.
        assert_eq!(
            method(
                "He knows exactly what he's doing",
                "Let's dispel with this fiction that Barack Obama doesn't know what he's doing. He knows exactly what he's doing … He is trying to change this country.",
            ),
            None
        );
        // A name the longer does not state, opening the shorter.
        assert_eq!(
            method(
                "Sanders to be the next president of the United States",
                "Mr. Hannity is unapologetic about his aim. ''I'm not hiding the fact that I want Donald Trump to be the next president of the United States.",
            ),
            None
        );
        // A number the longer does not state.
        assert_eq!(
            method(
                "Including superdelegates, Clinton now has at least 882 delegates, the Associated Press count of the primaries and caucuses held so far shows.",
                "Including superdelegates, Clinton now has at least 501 delegates, the Associated Press count of the primaries and caucuses held so far shows. Sanders has at least 69, and the race moves to New York next, where both campaigns spent the week.",
            ),
            None
        );
    }

    #[test]
    fn chinese_wordings() {
        let a = "国家广播电视总局表示，将进一步加大对微短剧精品创作的扶持力度，推动行业健康发展。";
        let edited = "国家广播电视总局表示将进一步加大对微短剧精品创作的支持力度，推动行业健康发展";
        assert_eq!(method(a, edited), Some(SIMILAR_METHOD));
        let inside = "将进一步加大对微短剧精品创作的扶持力度，推动行业健康发展";
        let longer =
            format!("{a}此外，总局还将组织专家评审，公布第一批重点项目名单，并在年底前完成验收。");
        assert_eq!(method(inside, &longer), Some(CONTAINED_METHOD));
        assert_eq!(
            method(
                "深圳的电影产业在过去五年里快速增长，吸引了大量年轻观众。",
                a
            ),
            None
        );
    }

    #[test]
    fn a_shared_run_of_eight_words_shares_a_passage_key() {
        let run = "to do everything possible to improve policing now";
        let a = Wording::of(&format!(
            "Alpha beta gamma delta epsilon {run} zeta eta theta"
        ));
        let b = Wording::of(&format!(
            "One two three four five six seven eight nine ten {run} eleven"
        ));
        assert!(
            a.passage_keys()
                .iter()
                .any(|k| b.passage_keys().contains(k))
        );
        let c = Wording::of("one two three four five six seven eight nine ten eleven twelve");
        assert!(
            !a.passage_keys()
                .iter()
                .any(|k| c.passage_keys().contains(k))
        );
        // The index's keys are the wording's.
        let keys = lookup_keys(&format!(
            "Alpha beta gamma delta epsilon {run} zeta eta theta"
        ));
        assert_eq!(keys.passages, a.passage_keys());
        assert_eq!(keys.bands, a.signature().index_keys().collect::<Vec<_>>());
    }

    #[test]
    fn short_and_empty_texts_are_alike_to_nothing() {
        for short in ["", "Xinhua said so.", "广电总局表示", "!!! ???"] {
            let w = Wording::of(short);
            assert!(!w.is_comparable());
            assert_eq!(w.likeness(&w), None);
            assert!(lookup_keys(short).bands.is_empty());
        }
    }

    #[test]
    fn a_few_names_may_be_misspelt_not_many() {
        let text = "The agency said that Asawitri Media and Kadirov Group had signed \
                    long-term deals with Hangzhou studios to dub their dramas into Arabic, \
                    Portuguese and Spanish before the end of this year, and that more \
                    contracts would follow soon after the summer";
        let two = text
            .replace("Asawitri", "Asawitiri")
            .replace("Kadirov", "Kadyrov");
        let three = two.replace("Hangzhou", "Hangzou");
        let (a, b, c) = (Wording::of(text), Wording::of(&two), Wording::of(&three));
        assert_eq!(a.likeness(&b).map(|l| l.method), Some(SIMILAR_METHOD));
        // Similar enough by shingles, but three names misspelt are others.
        let jaccard = shared(&a.shingles, &c.shingles) as f32
            / (a.shingles.len() + c.shingles.len() - shared(&a.shingles, &c.shingles)) as f32;
        assert!((SIMILAR_FROM..EDITED_FROM).contains(&jaccard), "{jaccard}");
        assert_eq!(a.likeness(&c), None);
    }

    #[test]
    fn huge_and_hostile_wordings_are_compared_without_panicking() {
        // A megabyte of capitalised words, digits and odd characters on
        // each side: every word a name, every name looked up.
        let huge = |seed: usize| {
            (0..120_000)
                .map(|i| format!("W{}x{} ", (i * 7919 + seed) % 100_003, i % 10))
                .collect::<String>()
                + "’’ [] … 9,9.9. 。《》"
        };
        let (a, b) = (Wording::of(&huge(1)), Wording::of(&huge(2)));
        assert!(a.is_comparable() && b.is_comparable());
        assert_eq!(a.likeness(&b), None);
        // Half the text shared, every name of the other half one letter
        // away from one of the first: a few comparisons, then no.
        let shared = huge(1)[..500_000].to_owned();
        let misspelt = Wording::of(&(shared.clone() + &huge(1)[500_000..].replace('x', "y")));
        assert_eq!(
            Wording::of(&(shared + &huge(1)[500_000..])).likeness(&misspelt),
            None
        );
        assert_eq!(a.likeness(&a).map(|l| l.score), Some(1.0));
        for odd in [
            "’",
            "'s",
            "..",
            "[1]",
            "A.",
            "Ⅻ Ⅻ Ⅻ Ⅻ",
            "\u{0}\u{0}\u{0}\u{0}",
        ] {
            let w = Wording::of(odd);
            assert_eq!(w.likeness(&a), None, "{odd:?}");
        }
    }

    #[test]
    fn numbers_names_and_edits() {
        assert_eq!(
            numbers("it takes 2,383 delegates, 1.6 billion people, 45."),
            ["1.6", "2383", "45"]
        );
        let (names, vocabulary) = names_and_vocabulary(
            "Beth Wilkinson told the FBI: Trump’s aide Mr. Smith said I was right.",
        );
        assert_eq!(names, ["beth", "fbi", "smith", "trump", "wilkinson"]);
        let (names, _) = names_and_vocabulary("Though the Second Amendment people … Maybe I can.");
        assert_eq!(names, ["amendment", "second"]);
        assert!(vocabulary.contains(&"beth".to_owned()));
        let w = Wording::of("Asawitiri Media and Clintan Wilkinson2 said so");
        assert!(w.has_word_within_one_edit("asawitri"));
        assert!(w.has_word_within_one_edit("clinton"));
        assert!(!w.has_word_within_one_edit("wilkinson234"));
        assert!(!w.has_word_within_one_edit("lewandowski"));
    }
}
