//! Whether a content found by the taggers gives a fact-checker something to
//! check, before it is stored as a claim.
//!
//! The English taggers mark what the annotated news they learned from
//! marks, and its annotators gave an attribution its content even where
//! that content is a lone pronoun or a preposition's phrase: "wanted to
//! dispute *that*", "pointed *it out*", "reported *to him*", or the "What"
//! left of a question the sentence splitter cut short. Evaluation scores
//! those contents (the annotators marked them); the store leaves them out,
//! because a claim whose whole wording is "that" cannot be checked, found
//! by search, or traced from source to source.
//!
//! A content counts when it is not a refusal to comment ("declined *to
//! comment on the pricing*"), when one of its words is not a
//! [`EMPTY_WORDS`] word (a noun, a verb of substance, an adjective, a
//! number, or any word in a script other than Latin), and when it is long
//! enough to stand alone as
//! a claim: [`MIN_WORDS`] words, or [`MIN_HAN`] Han characters. Shorter
//! contents ("denied *the allegations*", "declined *to comment*", 表示*没事*)
//! say nothing without their sentence, and since a claim's identity is its
//! normalised wording, every article's "the allegations" would be one and
//! the same claim.

/// Words that carry no claim of their own: articles, pronouns,
/// prepositions, conjunctions, auxiliaries and modals.
const EMPTY_WORDS: &[&str] = &[
    // Articles and determiners.
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "all",
    "both",
    "each",
    "either",
    "neither",
    "such",
    "no",
    "every",
    "another",
    "other",
    // Personal, possessive, reflexive pronouns.
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "one",
    "ones",
    // Relative and interrogative words.
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "whatever",
    "whoever",
    "when",
    "where",
    "why",
    "how",
    "whether",
    "if",
    // Prepositions and particles.
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "about",
    "into",
    "onto",
    "upon",
    "over",
    "under",
    "out",
    "up",
    "down",
    "off",
    "through",
    "after",
    "before",
    "between",
    "against",
    "during",
    "without",
    "within",
    "as",
    "like",
    "than",
    "via",
    "per",
    "among",
    "amid",
    "across",
    "around",
    "along",
    "behind",
    "beside",
    "beyond",
    "near",
    "since",
    "until",
    "toward",
    "towards",
    "despite",
    "except",
    "inside",
    "outside",
    // Conjunctions and bare adverbs of discourse.
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "then",
    "there",
    "here",
    "not",
    "too",
    "also",
    "just",
    "only",
    "even",
    "still",
    "again",
    "now",
    // Auxiliaries and modals.
    "be",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "am",
    "do",
    "does",
    "did",
    "done",
    "have",
    "has",
    "had",
    "having",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    // The pieces of contractions ("it's", "don't", "they'll"), split at
    // the apostrophe.
    "s",
    "re",
    "m",
    "ve",
    "d",
    "ll",
    "t",
    "don",
    "doesn",
    "didn",
    "isn",
    "aren",
    "wasn",
    "weren",
    "won",
    "wouldn",
    "couldn",
    "shouldn",
    "hasn",
    "haven",
    "hadn",
    "mustn",
];

/// Whether `word`, lower-cased, is one of [`EMPTY_WORDS`].
pub fn is_empty_word(lower: &str) -> bool {
    EMPTY_WORDS.contains(&lower)
}

/// Fewest words of a content in letters or digits (a run of Han
/// characters counts as one word here; see [`MIN_HAN`]).
pub const MIN_WORDS: usize = 3;
/// Fewest Han characters of a content written in them.
pub const MIN_HAN: usize = 4;

/// Whether `content` holds a word that is not one of [`EMPTY_WORDS`], and
/// is [`MIN_WORDS`] words or [`MIN_HAN`] Han characters long.
pub fn has_something_to_check(content: &str) -> bool {
    let words = || {
        content
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    let han = content
        .chars()
        .filter(|&c| crate::index::analysis::is_han(c))
        .count();
    let long_enough = words().count() >= MIN_WORDS || han >= MIN_HAN;
    // "declined to comment on the pricing": who would not speak, not a
    // claim.
    let mut first = words();
    let no_comment = matches!((first.next(), first.next()),
        (Some(to), Some(comment)) if to.eq_ignore_ascii_case("to") && comment.eq_ignore_ascii_case("comment"));
    long_enough
        && !no_comment
        && words().any(|w| {
            w.chars().any(|c| c.is_numeric() || !c.is_ascii())
                || !EMPTY_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_and_prepositions_alone_have_nothing_to_check() {
        for empty in [
            "that",
            "What",
            "that.)",
            "it out",
            "to him",
            "at me",
            "He had",
            "who or why",
            "“that”",
            "",
            "…",
            "it’s",
            // Too short to stand alone.
            "the allegations",
            "to comment",
            "committed suicide",
            "没事",
            "经济",
            // A refusal to comment.
            "to comment on the pricing to Reuters",
        ] {
            assert!(!has_something_to_check(empty), "{empty:?}");
        }
    }

    #[test]
    fn a_word_of_substance_in_a_content_long_enough_counts() {
        for content in [
            "that the quota will rise",
            "355 horsepower a year",
            "微短剧出海规模将继续扩大",
            "经济过热",
            "it was 2019",
            "quotas rise fast",
        ] {
            assert!(has_something_to_check(content), "{content:?}");
        }
    }
}
