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
//! comment on the pricing*"), when one of its words is not an empty word
//! ([`EMPTY_WORDS`], [`PREPOSITIONS`]: a noun, a verb of substance, an
//! adjective, a number, or any word in a script other than Latin), and
//! when it is long enough to stand alone as a claim: [`MIN_WORDS`] words,
//! or [`MIN_HAN`] Han characters. Shorter contents ("denied *the
//! allegations*", "declined *to comment*", 表示*没事*) say nothing without
//! their sentence, and since a claim's identity is its normalised
//! wording, every article's "the allegations" would be one and
//! the same claim. For the same reason a short phrase that is only its
//! cue's object ("opposed *the Madrid peace talks*") is stored as the
//! whole proposition, claimant and cue included ([`is_bare_phrase`]); a
//! short clause with a verb ("said *the man died*") is a claim as it is.
//!
//! The cue counts too: annotators marked offers, tastes and deeds ("Amazon
//! *is offering* …", "I *prefer* …", "*hitting* him") and passive charges
//! ("he *is accused* of …", whose subject is the accused) as attributions,
//! but none is a claim of the one it would be credited to
//! ([`cue_makes_claims`]).

/// Words that carry no claim of their own: articles, pronouns,
/// prepositions, conjunctions, and the pieces of contractions; with
/// [`AUXILIARIES`], the empty words.
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

/// Prepositions and particles: empty words ([`is_empty_word`]), and alone
/// no claimant ("*Upon* this he said …").
const PREPOSITIONS: &[&str] = &[
    "to", "of", "in", "on", "at", "by", "for", "with", "from", "about", "into", "onto", "upon",
    "over", "under", "out", "up", "down", "off", "through", "after", "before", "between",
    "against", "during", "without", "within", "as", "like", "than", "via", "per", "among", "amid",
    "across", "around", "along", "behind", "beside", "beyond", "near", "since", "until", "toward",
    "towards", "despite", "except", "inside", "outside",
];

/// Auxiliaries, modals and forms of "be": empty words, and in a short
/// content the sign of a clause's verb ([`is_bare_phrase`]).
const AUXILIARIES: &[&str] = &[
    "be", "is", "are", "was", "were", "been", "being", "am", "do", "does", "did", "done", "have",
    "has", "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must",
];

/// Whether `word`, lower-cased, is one of [`EMPTY_WORDS`],
/// [`PREPOSITIONS`] or [`AUXILIARIES`].
pub fn is_empty_word(lower: &str) -> bool {
    EMPTY_WORDS.contains(&lower) || is_preposition(lower) || AUXILIARIES.contains(&lower)
}

/// Whether `word`, lower-cased, is one of [`PREPOSITIONS`].
pub fn is_preposition(lower: &str) -> bool {
    PREPOSITIONS.contains(&lower)
}

/// Fewest words of a content in letters or digits (a run of Han
/// characters counts as one word here; see [`MIN_HAN`]).
pub const MIN_WORDS: usize = 3;
/// Fewest Han characters of a content written in them.
pub const MIN_HAN: usize = 4;

/// Whether `content` holds a word that is not one of [`EMPTY_WORDS`],
/// [`PREPOSITIONS`] or [`AUXILIARIES`], is [`MIN_WORDS`] words or
/// [`MIN_HAN`] Han characters long, and is no refusal to comment.
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
                || !EMPTY_WORDS
                    .iter()
                    .chain(PREPOSITIONS)
                    .chain(AUXILIARIES)
                    .any(|e| e.eq_ignore_ascii_case(w))
        })
}

/// Verbs the English taggers take as cues, after the annotated news they
/// learned from, that make no claim of their subject's: trade ("Dashlane
/// *offers* a free version", "Amazon *is offering* Prime members a gift
/// card"), taste ("I *prefer* the tighter design", "Chromecast users
/// *enjoy* the game"), deeds ("swung it at Mr. Rudolph, *hitting* him"),
/// measurements ("when we *compared* the 16-inch base"), listings
/// ("shares *are listed on* the SIX Swiss Exchange"), orders and releases
/// ("Howitt *ordered* another set of mice", "Parise *blocked* a shot",
/// "Apple *released* the 11-inch iPad Pro", "Scientists *unveiled* the
/// first global geological map"). Any form of them
/// opening the cue, after its auxiliaries, disqualifies it.
const DEED_VERBS: &[&str] = &[
    "offer",
    "offers",
    "offered",
    "offering",
    "enjoy",
    "enjoys",
    "enjoyed",
    "enjoying",
    "prefer",
    "prefers",
    "preferred",
    "preferring",
    "hit",
    "hits",
    "hitting",
    "compare",
    "compares",
    "compared",
    "comparing",
    "listed",
    "block",
    "blocks",
    "blocked",
    "blocking",
    "order",
    "orders",
    "ordered",
    "ordering",
    "release",
    "releases",
    "released",
    "releasing",
    "unveil",
    "unveils",
    "unveiled",
    "unveiling",
];

/// Verbs whose passive names the one accused, sentenced or nominated, not
/// the one who did it ("Noel *is charged* with five counts", "He *is
/// accused* of participating", "Webb *was sentenced* to life").
const ACCUSING_VERBS: &[&str] = &["accused", "charged", "sentenced", "nominated"];

/// Adverbs that may open a cue before its verb, as [`AUXILIARIES`] may
/// ("*have also* offered", "*would* prefer").
const CUE_ADVERBS: &[&str] = &["also", "still", "now", "even", "just", "then"];

/// The passive auxiliaries among [`AUXILIARIES`].
const PASSIVE_AUXILIARIES: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Whether an attribution whose cue reads `cue` claims anything for its
/// claimant: false for [`DEED_VERBS`] and the passive of
/// [`ACCUSING_VERBS`]. Evaluation scores these as the annotators marked
/// them; the store leaves them out, as it does contents with nothing to
/// check.
pub fn cue_makes_claims(cue: &str) -> bool {
    let words: Vec<String> = cue
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let verb_at = words
        .iter()
        .position(|w| !AUXILIARIES.contains(&w.as_str()) && !CUE_ADVERBS.contains(&w.as_str()));
    let Some(k) = verb_at else { return true };
    let verb = words[k].as_str();
    let passive = words[..k]
        .iter()
        .any(|w| PASSIVE_AUXILIARIES.contains(&w.as_str()));
    // To hit out at or hit back is to criticise ("Alibaba has hit out at
    // Gucci's owner").
    let criticism = verb.starts_with("hit")
        && words
            .get(k + 1)
            .is_some_and(|w| matches!(w.as_str(), "out" | "back"));
    // A cue that goes on to a noun of record names what was made ("has
    // unveiled *a plan*", "released *a statement*"): the content is what
    // that says.
    let names_a_record = words[k + 1..]
        .iter()
        .any(|w| super::lexicon::is_record_noun(w));
    criticism
        || names_a_record
        || !(DEED_VERBS.contains(&verb) || passive && ACCUSING_VERBS.contains(&verb))
}

/// Words that open a noun or prepositional phrase, or an infinitive.
const PHRASE_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "some", "any", "no", "to", "in", "on", "at", "for", "with", "from", "about", "of",
    "by", "into", "up", "over", "as",
];

/// Is this short content a bare phrase, the object of its cue rather than
/// a proposition of its own ("announced *the selection of SpaceX*", "demanded *a
/// deadline extension*", "wrote *in a blog post*", "wanted *to buy a
/// copy*")? Up to [`BARE_PHRASE_WORDS`] words opened by a determiner, a
/// preposition or "to", with no sign of a verb of its own: an auxiliary,
/// a contraction or a past form ("the man died", "that it’s quite arid",
/// "the admiration is mutual" are claims).
pub fn is_bare_phrase(content: &str) -> bool {
    let words: Vec<&str> = content
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let verb = words.iter().any(|w| {
        let lower = w.to_lowercase();
        let bare = lower.trim_end_matches(['\'', '’']);
        AUXILIARIES.contains(&bare)
            || bare.ends_with("ed")
            || bare.ends_with("n't")
            || bare.ends_with("n’t")
            || [
                "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
            ]
            .iter()
            .any(|c| bare.ends_with(c))
    });
    words.len() <= BARE_PHRASE_WORDS
        && PHRASE_OPENERS.contains(&first.to_lowercase().as_str())
        && !verb
}

/// The longest content [`is_bare_phrase`] judges, in words.
const BARE_PHRASE_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trade_taste_deeds_and_the_accused_claim_nothing() {
        for cue in [
            "offers",
            "is offering",
            "have also offered",
            "prefer",
            "would prefer",
            "enjoy",
            "hitting",
            "compared",
            "are listed on",
            "is accused",
            "was charged",
            "ordered",
            "blocked",
            "released",
            "also released",
            "unveiled",
            "was sentenced",
            "are nominated",
        ] {
            assert!(!cue_makes_claims(cue), "{cue}");
        }
        for cue in [
            "said",
            "told",
            "accused",
            "also accused",
            "charged",
            "sentenced",
            "has unveiled a plan",
            "has hit out at",
            "hits back",
            "according to",
            "表示",
            "据 … 报道",
            "",
            "is",
        ] {
            assert!(cue_makes_claims(cue), "{cue}");
        }
    }

    #[test]
    fn a_short_phrase_without_a_verb_is_its_cues_object_not_a_claim() {
        for bare in [
            "the selection of SpaceX",
            "a deadline extension",
            "in a blog post",
            "to buy a copy",
            "their website last Friday",
        ] {
            assert!(is_bare_phrase(bare), "{bare}");
        }
        for claim in [
            "the man died",
            "the admiration is mutual",
            "that it’s quite arid",
            "that Trump is dangerous",
            "your question was offensive",
            "the selection of SpaceX for five missions",
            "prices rose sharply",
            "",
        ] {
            assert!(!is_bare_phrase(claim), "{claim}");
        }
    }

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
