//! The English attribution model: two sequence taggers learned from
//! annotated news.
//!
//! 1. The cue tagger reads each sentence and marks cues (`said`,
//!    `according to`, `told reporters`) as B/I/O.
//! 2. For each cue, the role tagger reads a window of sentences around it and
//!    marks the source and the content of that one cue (B/I of each, or O),
//!    with the cue's own tokens held at O. Nested reporting falls out: the
//!    inner cue lies inside the outer content and is tagged on its own.
//!
//! Both are [`Perceptron`]s; [`train`] learns them from examples and
//! [`AttributionModel::save`] writes them as one small file.

use super::features::{Counts, CueContext, Observed, cue_features, observe, role_features};
use super::perceptron::{ModelError, Perceptron, Trainer};
use super::tokens::{TokenKind, Tokenized, tokenize, without_contraction};
use super::{AttributionKind, RangeSet, Span, layout, lexicon};
use std::io::{Read, Write};
use std::ops::Range;

/// Sentences before the cue's that the role tagger reads.
pub const WINDOW_BEFORE: usize = 1;
/// Sentences after the cue's that the role tagger reads.
pub const WINDOW_AFTER: usize = 3;
/// Sentences after the cue's that the role tagger reads first, before it
/// reads on to [`WINDOW_AFTER`] for a content that runs on.
const FIRST_READ_AFTER: usize = 2;

const CUE_BITS: u32 = 20;
const ROLE_BITS: u32 = 21;

// Cue tags.
const O: usize = 0;
const B: usize = 1;
const I: usize = 2;
// Role tags.
const BS: usize = 1;
const IS: usize = 2;
const BC: usize = 3;
const IC: usize = 4;

/// Largest model file read, in bytes (a hostile file stops here).
const MAX_FILE: u64 = 1 << 31;

/// One annotated attribution to learn from (byte spans): what
/// [`crate::eval::brat`] reads as gold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Example {
    /// The source.
    pub source: Option<Span>,
    /// The cue.
    pub cue: Option<Span>,
    /// The content.
    pub content: Option<Span>,
}

/// One attribution as the model finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    /// The source, when the model finds one.
    pub source: Option<Span>,
    /// The cue.
    pub cue: Span,
    /// The content (one part per stretch of tokens).
    pub content: Span,
    /// Quoted, or not.
    pub kind: AttributionKind,
}

/// The two taggers.
#[derive(Debug, Clone)]
pub struct AttributionModel {
    cue: Perceptron,
    role: Perceptron,
    /// Added to the score of cue tags when decoding: above zero trades
    /// precision for recall (chosen on held-out training articles).
    pub cue_bias: f32,
}

fn bio_allowed(from: Option<usize>, to: usize) -> bool {
    to != I || matches!(from, Some(B | I))
}

fn role_allowed(from: Option<usize>, to: usize) -> bool {
    match to {
        IS => matches!(from, Some(BS | IS)),
        IC => matches!(from, Some(BC | IC)),
        _ => true,
    }
}

/// The tokens of `t` whose middle lies inside `span`.
fn tokens_in(t: &Tokenized, span: &Span) -> Vec<usize> {
    let mut out = Vec::new();
    for part in &span.parts {
        let first = t.tokens.partition_point(|tok| tok.range.end <= part.start);
        for (k, tok) in t.tokens.iter().enumerate().skip(first) {
            if tok.range.start >= part.end {
                break;
            }
            let mid = (tok.range.start + tok.range.end) / 2;
            if part.contains(&mid) || (tok.range.start >= part.start && tok.range.end <= part.end) {
                out.push(k);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Contiguous runs of a sorted list of token indices.
fn runs(tokens: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for &k in tokens {
        match out.last_mut() {
            Some(r) if r.end == k => r.end = k + 1,
            _ => out.push(k..k + 1),
        }
    }
    out
}

/// A read text, shared by both taggers.
struct Read_ {
    t: Tokenized,
    obs: Vec<Observed>,
    counts: Counts,
    sentence_of: Vec<usize>,
}

impl Read_ {
    fn new(text: &str) -> Self {
        Self::tokenized(text, tokenize(text))
    }

    /// `text` read from its tokens `t` ([`tokenize`]).
    fn tokenized(text: &str, t: Tokenized) -> Self {
        let obs = observe(text, &t);
        let counts = Counts::new(&obs);
        let sentence_of = t.sentence_of();
        Read_ {
            t,
            obs,
            counts,
            sentence_of,
        }
    }

    /// The cue features of a sentence's tokens, kept for training's
    /// repeated passes (tagging scores them as they are made).
    fn cue_sequence(&self, sentence: usize) -> Vec<Vec<u64>> {
        let r = self.t.sentences[sentence].clone();
        let mut f = Vec::new();
        r.clone()
            .map(|i| {
                cue_features(&self.obs, &self.counts, r.clone(), i, &mut f);
                f.clone()
            })
            .collect()
    }

    /// The window of tokens the role tagger reads for a cue in `sentence`,
    /// up to `after` sentences after it.
    fn window(&self, sentence: usize, after: usize) -> Range<usize> {
        let first = sentence.saturating_sub(WINDOW_BEFORE);
        let last = (sentence + after).min(self.t.sentences.len() - 1);
        self.t.sentences[first].start..self.t.sentences[last].end
    }

    /// The role features of a window's tokens for one cue, kept for
    /// training's repeated passes.
    fn role_sequence(&self, cue: &CueContext, window: Range<usize>) -> Vec<Vec<u64>> {
        let mut f = Vec::new();
        window
            .map(|i| {
                role_features(&self.obs, &self.counts, cue, i, self.sentence_of[i], &mut f);
                f.clone()
            })
            .collect()
    }

    /// A source run cut inside a name ("Bill" of "Bill Clinton", "Mr" of
    /// "Mr. Manafort") is carried on through the capitalised words, and
    /// the full stop of an abbreviation, that follow it in its sentence.
    fn whole_name(&self, text: &str, mut run: Range<usize>, cue: &Range<usize>) -> Range<usize> {
        let sentence = self.sentence_of[run.end - 1];
        let word = |k: usize| self.obs[k].capital && self.obs[k].kind == TokenKind::Word;
        let glued = |k: usize| self.t.tokens[k].range.start == self.t.tokens[k - 1].range.end;
        while run.end < self.t.tokens.len()
            && !cue.contains(&run.end)
            && self.sentence_of[run.end] == sentence
        {
            let last = run.end - 1;
            let after_name = word(last)
                || (self.obs[last].stop && last > run.start && word(last - 1) && glued(last));
            let next = run.end;
            if after_name && word(next) || word(last) && self.obs[next].stop && glued(next) {
                run.end += 1;
            } else {
                break;
            }
        }
        // Not a name's trailing full stop.
        if run.len() > 1 && self.obs[run.end - 1].stop {
            run.end -= 1;
        }
        // Cut at its head ("China Morning Post" of "the South China
        // Morning Post"): back through the capitalised words before it in
        // its sentence; not to the sentence's first word (capitalised
        // whatever it is), not from a pronoun, across a line break or a
        // cue, nor into a word in capitals (a heading's "BY FELLOW
        // DOCTORS").
        let first = self.t.sentences[sentence].start;
        let capitals = |k: usize| {
            let t = &text[self.t.tokens[k].range.clone()];
            t.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !t.chars().any(char::is_lowercase)
        };
        while run.start > first + 1
            && word(run.start)
            && word(run.start - 1)
            && !self.obs[run.start].pronoun
            && !self.t.tokens[run.start].after_break
            && !capitals(run.start - 1)
            && !cue.contains(&(run.start - 1))
            && self.sentence_of[run.start - 1] == sentence
        {
            run.start -= 1;
        }
        run
    }

    /// Trims from a source run what the role tagger often takes along
    /// with it: a leading relative pronoun ("which officials said" →
    /// "officials"), a participial clause after a comma ("Mr. Burr, adding
    /// hopefully …" → "Mr. Burr"; not "including" or a title's "managing"),
    /// and trailing sentence adverbs ("Walker now says", "Hunter,
    /// meanwhile, told"; a capitalised one only after a full stop, so "One
    /// Wisconsin Now" keeps its name). Chosen on held-out training articles
    /// (EVALUATION.md).
    fn trimmed_source(&self, text: &str, mut run: Range<usize>) -> Range<usize> {
        let word = |k: usize| self.lowercase(text, k);
        let lower = |k: usize| !self.obs[k].capital && self.obs[k].kind == TokenKind::Word;
        if run.len() > 1
            && RELATIVE_PRONOUNS.contains(&word(run.start).as_str())
            && lower(run.start)
        {
            run.start += 1;
        }
        // "It's more complicated than McKinley suggests": the name after a
        // comparison's "than" ("more than 100 economists" keeps its count).
        if let Some(than) = (run.start + 1..run.end.saturating_sub(1))
            .rev()
            .find(|&k| lower(k) && word(k) == "than")
            && self.obs[than + 1].capital
            && !matches!(
                word(than - 1).as_str(),
                "more" | "less" | "fewer" | "other" | "rather"
            )
        {
            run.start = than + 1;
        }
        // "LONDON (AP) — Britain's Conservative Party": a dateline, capitals
        // and the agency in parentheses, before a dash.
        if let Some(dash) = (run.start + 1..run.end.saturating_sub(1))
            .find(|&k| matches!(&text[self.t.tokens[k].range.clone()], "—" | "–" | "--"))
            && (run.start..dash).all(|k| {
                let t = &text[self.t.tokens[k].range.clone()];
                !t.chars().any(char::is_lowercase)
            })
        {
            run.start = dash + 1;
        }
        // "21/50 Alibaba hits back": a gallery's counter before a caption's
        // capital ("9/11 widow Terry Strada" keeps its date).
        let digits = |k: usize| {
            let t = &text[self.t.tokens[k].range.clone()];
            !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
        };
        if run.len() > 3
            && digits(run.start)
            && &text[self.t.tokens[run.start + 1].range.clone()] == "/"
            && digits(run.start + 2)
            && self.obs[run.start + 3].capital
        {
            run.start += 3;
        }
        // "Nor does Xi", "Neither did the ministry".
        if run.len() > 1 && matches!(word(run.start).as_str(), "nor" | "neither") {
            run.start += 1;
            if run.len() > 1 && is_verb_auxiliary(&word(run.start)) {
                run.start += 1;
            }
        }
        // "When President Trump’s advisers", "several officials and".
        if run.len() > 1 && SUBORDINATORS.contains(&word(run.start).as_str()) {
            run.start += 1;
            // "As for Governor Kasich"
            if run.len() > 1 && matches!(word(run.start).as_str(), "for" | "to") {
                run.start += 1;
            }
        }
        // "GiveWell and Evidence Action believe", "the Arab League
        // condemned the move": a verb of saying, thinking or wanting
        // straight after a name is that name's verb, not part of the
        // source. A past in "-ed" must have an object after it in the run
        // ("People briefed on the talks", "Catholics polled" are the
        // people); nothing is cut in a relative clause ("who on Tuesday
        // endorsed Clinton", "people I spoke to").
        let relative = |k: usize| {
            (run.start..k)
                .any(|j| lower(j) && matches!(word(j).as_str(), "who" | "whom" | "which" | "that"))
        };
        if let Some(verb) = (run.start + 1..run.end).find(|&k| {
            let verb_class = u8::try_from(self.obs[k].lex)
                .is_ok_and(|c| matches!(c, lexicon::SAY | lexicon::THINK | lexicon::WANT));
            let w = word(k);
            let object_follows = k + 1 < run.end && {
                let next = word(k + 1);
                self.obs[k + 1].kind == TokenKind::Word
                    && !super::worth::is_preposition(&next)
                    && !matches!(next.as_str(), "and" | "or")
            };
            lower(k)
                && verb_class
                && self.obs[k - 1].capital
                && self.obs[k - 1].kind == TokenKind::Word
                && !self.obs[k - 1].pronoun
                && (is_finite_verb(&w) || w.ends_with("ed") && object_follows)
                && !relative(k)
        }) {
            run.end = verb;
        }
        while run.len() > 1
            && (matches!(word(run.end - 1).as_str(), "and" | "or") || self.obs[run.end - 1].comma)
        {
            run.end -= 1;
        }
        if let Some(comma) = (run.start + 1..run.end.saturating_sub(1)).find(|&k| {
            let next = word(k + 1);
            self.obs[k].comma
                && lower(k + 1)
                && is_participle(&next)
                && !NOT_PARTICIPLES.contains(&next.as_str())
        }) {
            run.end = comma;
        }
        // "I just can't", "I definitely": a personal pronoun and an adverb
        // or auxiliary is the pronoun ("He and Mr. Goodlatte" stays).
        if (2..=3).contains(&run.len())
            && PERSONAL_PRONOUNS.contains(&without_contraction(&word(run.start)))
            && (run.start + 1..run.end)
                .all(|k| lower(k) && !matches!(word(k).as_str(), "and" | "or"))
        {
            run.end = run.start + 1;
        }
        let mut trimmed = false;
        while run.len() > 1 {
            let last = run.end - 1;
            // "Steenburgen wasn’t", "State Department experts somehow
            // cannot": an auxiliary or a negation is the verb's.
            let auxiliary = lower(last) && is_verb_auxiliary(&word(last));
            if auxiliary
                || SENTENCE_ADVERBS.contains(&word(last).as_str())
                    && (lower(last) || self.obs[last - 1].stop)
            {
                run.end -= 1;
                trimmed = true;
            } else if trimmed && (self.obs[last].comma || self.obs[last].stop) {
                run.end -= 1;
            } else {
                break;
            }
        }
        run
    }

    /// The content of a cue the role tagger gave none: the rest of its
    /// sentence after it, closing marks left out, when that is at least
    /// two tokens ("… and warned voters would pay"); none otherwise, and the
    /// cue is dropped. Chosen on held-out training articles (EVALUATION.md).
    fn rest_of_sentence(&self, sentence: usize, cue: &Range<usize>) -> Option<Range<usize>> {
        let rest = self.sentence_from(sentence, cue.end);
        (rest.len() >= 2).then_some(rest)
    }

    /// The tokens of `sentence` from token `from` to its end, the closing
    /// full stops and quotation marks left out (empty when nothing else
    /// is left).
    fn sentence_from(&self, sentence: usize, from: usize) -> Range<usize> {
        let closing = |k: usize| self.obs[k].stop || self.obs[k].kind == TokenKind::Quote;
        let end = (from..self.t.sentences[sentence].end)
            .rev()
            .find(|&k| !closing(k))
            .map_or(from, |k| k + 1);
        from..end
    }

    /// The part of a source run in the cue's paragraph: the role tagger
    /// reads across paragraph breaks, and a run that crosses one has taken
    /// along a heading or a page's furniture ("ADVERTISEMENT\n\nNoem").
    fn in_cue_paragraph(&self, mut run: Range<usize>, cue: &Range<usize>) -> Range<usize> {
        let mut breaks = (run.start + 1..run.end).filter(|&k| self.t.tokens[k].after_break);
        if run.end <= cue.start {
            if let Some(k) = breaks.next_back() {
                run.start = k;
            }
        } else if let Some(k) = breaks.next() {
            run.end = k;
        }
        run
    }

    /// A source run that closes a bracket it did not open. After its cue,
    /// inside the bracket ("(a view echoed by everyone I interviewed)"), it
    /// ends before the bracket; before its cue ("Charlie McDowell (“The
    /// Discovery,” “The One I Love”), also remembers"), the source is the
    /// name just before the bracket, when there is one.
    fn outside_brackets(
        &self,
        text: &str,
        mut run: Range<usize>,
        cue: &Range<usize>,
    ) -> Range<usize> {
        let token = |k: usize| &text[self.t.tokens[k].range.clone()];
        let Some(close) = (run.start..run.end).find(|&k| token(k) == ")") else {
            return run;
        };
        if (run.start..close).any(|k| token(k) == "(") {
            return run;
        }
        if run.start >= cue.end {
            if close > run.start {
                run.end = close;
            }
            return run;
        }
        let opening = (run.start.saturating_sub(40)..run.start)
            .rev()
            .take_while(|&k| !self.obs[k].stop && token(k) != ")")
            .find(|&k| token(k) == "(");
        if let Some(open) = opening
            && let Some(first) = (0..open)
                .rev()
                .take_while(|&k| self.obs[k].capital && self.obs[k].kind == TokenKind::Word)
                .last()
        {
            run = first..open;
        }
        run
    }

    /// A source of one adverb or auxiliary says nothing of who speaks
    /// ("Highly recommended …", "… which will reportedly focus").
    fn is_adverb_alone(&self, text: &str, run: &Range<usize>) -> bool {
        if run.len() != 1 {
            return false;
        }
        let word = self.lowercase(text, run.start);
        let lower_case = !self.obs[run.start].capital;
        // Capitalised, an auxiliary is a name ("Will").
        SENTENCE_ADVERBS.contains(&word.as_str())
            || ADVERBS.contains(&word.as_str())
            || lower_case && AUXILIARIES.contains(&word.as_str())
            || lower_case && word.len() > 4 && word.ends_with("ly")
    }

    /// "That said, …", "That being said, …", "Having said that, …": a
    /// turn of phrase at the head of a sentence or clause (after an
    /// opening bracket, a quotation mark, a full stop the sentences were
    /// not split at, or "But"/"And"), not an attribution.
    fn is_discourse_said(&self, text: &str, sentence: usize, cue: &Range<usize>) -> bool {
        let start = self.t.sentences[sentence].start;
        let end = self.t.sentences[sentence].end;
        let word = |k: usize| (k < end).then(|| self.lowercase(text, k));
        let comma = |k: usize| k < end && self.obs[k].comma;
        // "a document of, say, five hundred pages": "say" as "for
        // example", before a number (not ", say analysts").
        if cue.len() == 1 && cue.start > start && comma(cue.start - 1) {
            let next = cue.end + usize::from(comma(cue.end));
            let number = next < end
                && (self.obs[next].kind == TokenKind::Number
                    || word(next).is_some_and(|w| {
                        super::worth::NUMBER_WORDS.contains(&w.as_str())
                            || matches!(w.as_str(), "$" | "£" | "€")
                    }));
            if word(cue.start).as_deref() == Some("say") && number {
                return true;
            }
        }
        let Some(said) = (cue.start..cue.end).find(|&k| self.lowercase(text, k) == "said") else {
            return false;
        };
        // Whether the phrase opening at token `k` heads its clause.
        let heads = |k: usize| {
            let mut k = k;
            if k > start && matches!(word(k - 1).as_deref(), Some("but" | "and")) {
                k -= 1;
            }
            k == start
                || matches!(self.obs[k - 1].kind, TokenKind::Punct | TokenKind::Quote)
                    && !self.obs[k - 1].comma
        };
        let demonstrative = |k: usize| matches!(word(k).as_deref(), Some("that" | "this"));
        // That said, / This said,
        (said > start && demonstrative(said - 1) && heads(said - 1) && comma(said + 1))
            // That being said,
            || (said >= start + 2
                && demonstrative(said - 2)
                && word(said - 1).as_deref() == Some("being")
                && heads(said - 2)
                && comma(said + 1))
            // Having said that,
            || (said > start
                && word(said - 1).as_deref() == Some("having")
                && heads(said - 1)
                && demonstrative(said + 1)
                && comma(said + 2))
    }

    /// Token `k` of `text`, lower-cased.
    fn lowercase(&self, text: &str, k: usize) -> String {
        text[self.t.tokens[k].range.clone()].to_lowercase()
    }

    fn span_of(&self, tokens: Range<usize>) -> Range<usize> {
        self.t.tokens[tokens.start].range.start..self.t.tokens[tokens.end - 1].range.end
    }
}

/// Auxiliaries and negations, their contractions written with a straight
/// apostrophe, and "somehow": never the last word of a source
/// ("Steenburgen wasn’t"). Looked up with [`is_verb_auxiliary`].
const VERB_AUXILIARIES: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "do",
    "does",
    "did",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "not",
    "never",
    "cannot",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "don't",
    "doesn't",
    "didn't",
    "hasn't",
    "haven't",
    "hadn't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "shouldn't",
    "somehow",
];

/// Whether the lower-cased `word` is one of [`VERB_AUXILIARIES`], with
/// either apostrophe ("wasn’t", "wasn't").
pub(super) fn is_verb_auxiliary(word: &str) -> bool {
    if word.contains('’') {
        VERB_AUXILIARIES.contains(&word.replace('’', "'").as_str())
    } else {
        VERB_AUXILIARIES.contains(&word)
    }
}

/// Words that open a relative clause: not part of the source after it.
const RELATIVE_PRONOUNS: &[&str] = &["which", "that", "whom"];

/// Words that open an adverbial clause, whose subject is the source.
pub(super) const SUBORDINATORS: &[&str] = &[
    "when", "while", "after", "before", "because", "if", "although", "though", "since", "as",
    "once", "unless", "until", "whereas",
];

/// Words in "-ing" after a comma that do not open a participial clause.
const NOT_PARTICIPLES: &[&str] = &[
    "including",
    "excluding",
    "according",
    "following",
    "managing",
    "acting",
    "ranking",
    "founding",
    "presiding",
    "outgoing",
    "incoming",
    "sitting",
    "visiting",
    "consulting",
    "leading",
    "governing",
    "ruling",
    "being",
    "during",
    "polling",
    "serving",
];

/// Adverbs that qualify a whole clause, not the name before them.
pub(super) const SENTENCE_ADVERBS: &[&str] = &[
    "now",
    "also",
    "meanwhile",
    "later",
    "initially",
    "too",
    "then",
    "still",
    "already",
    "previously",
    "recently",
    "earlier",
    "however",
    "instead",
    "though",
    "therefore",
    "nonetheless",
    "nevertheless",
    "moreover",
    "furthermore",
];

/// Adverbs that are never a source on their own, besides the sentence
/// adverbs and any lower-case "-ly" word.
pub(super) const ADVERBS: &[&str] = &[
    "similarly",
    "likewise",
    "often",
    "never",
    "always",
    "sometimes",
    "highly",
    "primarily",
    "again",
    "perhaps",
    "maybe",
    // Adverbs of time and manner that open a sentence capitalised, where
    // a word in "-ly" could be a name ("Kelly said"): "Originally
    // published on Live Science" ("Previously", "Recently" and
    // "Initially" are among the sentence adverbs).
    "originally",
    "finally",
    "currently",
    "formerly",
    "officially",
    "publicly",
    "privately",
    "separately",
    "additionally",
    "ultimately",
    "eventually",
    "subsequently",
];

/// Auxiliaries, modals and words of comparison: never a source, written
/// in lower case.
const AUXILIARIES: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "shall", "been", "be", "is",
    "was", "were", "are", "has", "have", "had", "than", "such", "like",
];

/// A role-tagging sequence to learn from: features, gold tags, fixed tags.
type RoleSequence = (Vec<Vec<u64>>, Vec<usize>, Vec<Option<usize>>);

/// How training went, epoch by epoch.
#[derive(Debug, Clone, Default)]
pub struct TrainingLog {
    /// Per epoch: wrong cue tags, wrong role tags.
    pub epochs: Vec<(usize, usize)>,
    /// Cue sequences and role sequences per epoch.
    pub sequences: (usize, usize),
}

/// The seed of the training order the shipped model was learned with.
pub const SHIPPED_SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// Learns both taggers from `documents` (a text and its attributions),
/// passing over them `epochs` times in an order shuffled from `seed`.
pub fn train(
    documents: &[(String, Vec<Example>)],
    epochs: usize,
    seed: u64,
) -> (AttributionModel, TrainingLog) {
    let mut cue = Trainer::new(Perceptron::new(3, CUE_BITS, bio_allowed));
    let mut role = Trainer::new(Perceptron::new(5, ROLE_BITS, role_allowed));
    // Precompute every sequence once.
    let mut cue_data: Vec<(Vec<Vec<u64>>, Vec<usize>)> = Vec::new();
    let mut role_data: Vec<RoleSequence> = Vec::new();
    for (text, examples) in documents {
        let r = Read_::new(text);
        if r.t.tokens.is_empty() {
            continue;
        }
        let mut cue_tags = vec![O; r.t.tokens.len()];
        for ex in examples {
            let Some(c) = &ex.cue else { continue };
            for run in runs(&tokens_in(&r.t, c)) {
                cue_tags[run.start] = B;
                cue_tags[run.start + 1..run.end].fill(I);
            }
        }
        for s in 0..r.t.sentences.len() {
            let range = r.t.sentences[s].clone();
            cue_data.push((r.cue_sequence(s), cue_tags[range].to_vec()));
        }
        for ex in examples {
            let Some(c) = &ex.cue else { continue };
            let cue_tokens = tokens_in(&r.t, c);
            let Some(run) = runs(&cue_tokens).into_iter().next() else {
                continue;
            };
            let sentence = r.sentence_of[run.start];
            let ctx = CueContext::new(&r.obs, sentence, run.clone());
            let window = r.window(sentence, WINDOW_AFTER);
            let mut gold = vec![O; window.len()];
            let mut mark = |span: &Option<Span>, b: usize, i: usize| {
                if let Some(span) = span {
                    for run in runs(&tokens_in(&r.t, span)) {
                        let mut first = true;
                        for k in run {
                            if window.contains(&k) && !cue_tokens.contains(&k) {
                                gold[k - window.start] = if first { b } else { i };
                                first = false;
                            }
                        }
                    }
                }
            };
            mark(&ex.source, BS, IS);
            mark(&ex.content, BC, IC);
            let fixed: Vec<Option<usize>> = window
                .clone()
                .map(|k| cue_tokens.contains(&k).then_some(O))
                .collect();
            // Cue tokens sit at O, so an I right after them must become a B.
            for k in 0..gold.len() {
                let prev = if k == 0 { O } else { gold[k - 1] };
                if gold[k] == IS && !matches!(prev, BS | IS) {
                    gold[k] = BS;
                }
                if gold[k] == IC && !matches!(prev, BC | IC) {
                    gold[k] = BC;
                }
            }
            role_data.push((r.role_sequence(&ctx, window.clone()), gold, fixed));
        }
    }
    let mut log = TrainingLog {
        sequences: (cue_data.len(), role_data.len()),
        ..Default::default()
    };
    let mut order_c: Vec<usize> = (0..cue_data.len()).collect();
    let mut order_r: Vec<usize> = (0..role_data.len()).collect();
    // The xorshift shuffle never leaves 0.
    let mut seed = seed.max(1);
    for _ in 0..epochs {
        shuffle(&mut order_c, &mut seed);
        shuffle(&mut order_r, &mut seed);
        let mut wrong = (0, 0);
        for &k in &order_c {
            let (x, y) = &cue_data[k];
            wrong.0 += cue.learn(x, y, &vec![None; y.len()]);
        }
        for &k in &order_r {
            let (x, y, fixed) = &role_data[k];
            wrong.1 += role.learn(x, y, fixed);
        }
        log.epochs.push(wrong);
    }
    (
        AttributionModel {
            cue: cue.averaged(),
            role: role.averaged(),
            cue_bias: 0.0,
        },
        log,
    )
}

/// Whether `word`, lower-cased, is one of the commonest finite forms of
/// the lexicon's verbs that no noun or participle shares ("believe",
/// "said"); a past in "-ed" may be a participle ("people briefed on").
fn is_finite_verb(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "told" | "spoke" | "wrote" | "thought" | "believe" | "believes"
    )
}

/// Is the cue a participle ("saying", "citing", "calling him …")?
fn is_participle(cue: &str) -> bool {
    let first = cue.split_whitespace().next().unwrap_or("");
    first.chars().count() > 4 && first.to_lowercase().ends_with("ing")
}

/// Is the cue "seem" or "appear" without a "to" after it ("Clinton seemed
/// irritated", "it appears"), or "look like" / "look as if"? Its subject is what the author describes, not
/// who claims: such a cue gets no source ("Obama seemed to recognize …"
/// keeps his). Chosen on held-out training articles (EVALUATION.md).
fn is_bare_seeming(cue: &str) -> bool {
    let words = super::worth::lower_words(cue);
    let seeming = words.iter().any(|w| {
        ["seem", "appear"].iter().any(|v| {
            w.strip_prefix(v)
                .is_some_and(|rest| ["", "s", "ed", "ing"].contains(&rest))
        })
    });
    // "The row looks like it's coming to an end", "it looked as if …":
    // the author's description too.
    let looking = words.windows(2).any(|pair| {
        matches!(pair[0].as_str(), "look" | "looks" | "looked" | "looking")
            && matches!(pair[1].as_str(), "like" | "as")
    });
    looking || seeming && !words.iter().any(|w| w == "to")
}

/// Is the cue a hearsay adverb alone ("GateHouse *reportedly* laid off
/// 60 employees")? Someone unnamed reported it; the subject is what the
/// report is about, so the cue gets no source (PolNeAR's annotators gave
/// none of these one: 16 in the training articles).
fn is_hearsay(cue: &str) -> bool {
    matches!(
        super::worth::lower_words(cue).as_slice(),
        [w] if matches!(
            w.as_str(),
            "reportedly" | "allegedly" | "purportedly" | "supposedly" | "reputedly"
        )
    )
}

const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// Words before a participle that join it to its clause rather than to a
/// noun ("and suggesting", "while noting", "before concluding").
const NOT_NOUNS_BEFORE_PARTICIPLES: &[&str] = &[
    "and", "or", "but", "while", "when", "after", "before", "by", "without", "as", "then", "also",
    "even", "still", "further", "again", "instead", "in", "since",
];

/// Personal pronouns that make a whole source on their own.
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you"];

/// Sources for participle cues the role tagger left without one. A
/// participle shares its clause's subject, so it takes the source of
/// another cue in its sentence: the nearest before it ("Clinton
/// acknowledged his success, saying …"), else the nearest after it ("Mr.
/// Manafort, citing …, said …"); without one, the first subject pronoun
/// before it in the sentence ("he wants to avoid …, recalling …"), not
/// one inside quotation marks unless the participle is too. Chosen on
/// held-out training articles (EVALUATION.md). A participle
/// straight after a noun describes that noun ("a court ruling declaring
/// …", "conspiracy theories suggesting …") and takes nothing. A
/// participle whose source lies inside another cue's source in its
/// sentence takes that whole source ("Wild coach Bruce Boudreau expressed
/// confidence …, saying …", where the tagger gave "saying" only "Wild").
fn participle_subjects(r: &Read_, text: &str, found: &mut [Tagged], sentence_of: &[usize]) {
    for k in 0..found.len() {
        if !is_participle(&found[k].cue.text(text)) {
            continue;
        }
        if let Some(own) = &found[k].source {
            let (start, end) = (own.start(), own.end());
            let wider = (0..found.len()).find_map(|j| {
                let other = found[j].source.as_ref()?;
                (j != k
                    && sentence_of[j] == sentence_of[k]
                    && other.start() <= start
                    && end <= other.end()
                    && other.end() - other.start() > end - start)
                    .then(|| other.clone())
            });
            if let Some(wider) = wider {
                found[k].source = Some(wider);
            }
            continue;
        }
        let sentence = sentence_of[k];
        let cue_token =
            r.t.tokens
                .partition_point(|t| t.range.start < found[k].cue.start());
        // Straight after a noun ("a court ruling declaring …", "conspiracy
        // theories suggesting …") the participle describes that noun, and
        // says nothing of the clause's subject.
        let after_noun = cue_token > r.t.sentences[sentence].start
            && r.t.tokens.get(cue_token - 1).is_some_and(|t| {
                let w = text[t.range.clone()].to_lowercase();
                w.chars().next().is_some_and(char::is_alphabetic)
                    && !w.ends_with("ly")
                    && !NOT_NOUNS_BEFORE_PARTICIPLES.contains(&w.as_str())
            });
        if after_noun {
            continue;
        }
        let donor =
            |j: &usize| *j != k && sentence_of[*j] == sentence && found[*j].source.is_some();
        let nearest = (0..k)
            .rev()
            .find(donor)
            .or_else(|| (k + 1..found.len()).find(donor));
        if let Some(j) = nearest {
            found[k].source = found[j].source.clone();
            continue;
        }
        let range = r.t.sentences[sentence].clone();
        // Not a pronoun of quoted speech ("“We all miss Steve,” Benioff
        // weighed in, telling Cook …").
        let cue_quoted = r.t.tokens.get(cue_token).is_some_and(|t| t.in_quote);
        let pronoun = (range.start..cue_token.min(range.end)).find(|&j| {
            SUBJECT_PRONOUNS.contains(&r.lowercase(text, j).as_str())
                && (cue_quoted || !r.t.tokens[j].in_quote)
        });
        if let Some(j) = pronoun {
            found[k].source = Some(Span::one(r.t.tokens[j].range.clone()));
        }
    }
}

/// A content that has a part in its cue's paragraph keeps no part the
/// role tagger found in a later paragraph: the tagger reads two sentences
/// past the cue, across paragraph breaks, and in dialogue the next
/// paragraph is the next speaker's ("“Half of them are turtles,” said
/// Alden. ¶ Haoyu laughed. “Lexi won’t admit it …”"). A quotation that
/// continues alone in the next paragraph is joined afterwards by
/// [`continued_quotes`]. Chosen on held-out training articles
/// (EVALUATION.md).
fn contents_stay_in_paragraph(r: &Read_, found: &mut [Tagged]) {
    let n = r.t.tokens.len();
    // Whether a paragraph starts at a token after `a`, up to `b`.
    let broken = |a: usize, b: usize| (a + 1..=b.min(n - 1)).any(|k| r.t.tokens[k].after_break);
    for f in found.iter_mut() {
        let cue_last = token_at(r, f.cue.end()).saturating_sub(1);
        let firsts: Vec<usize> = f
            .content
            .parts
            .iter()
            .map(|p| token_at(r, p.start))
            .collect();
        let later = |first: usize| first > cue_last && broken(cue_last, first);
        if firsts.iter().all(|&first| later(first)) {
            continue;
        }
        let mut firsts = firsts.into_iter();
        f.content
            .parts
            .retain(|_| firsts.next().is_some_and(|first| !later(first)));
    }
}

/// An "according to" account keeps no part from a paragraph before its
/// cue's when it has one in it ("…as well as new music.” ¶ According to
/// LN, expect to hear …": the quotation before is someone else's). A
/// quotation can run on across paragraphs to a "he said"; an account
/// opened by "according to" does not, in PolNeAR's annotations or the
/// pages read.
fn accounts_start_in_their_paragraph(r: &Read_, text: &str, found: &mut [Tagged]) {
    for f in found.iter_mut() {
        let cue = f.cue.text(text).to_lowercase();
        if !cue.starts_with("according to") {
            continue;
        }
        let cue_first = token_at(r, f.cue.start());
        let Some(paragraph) = (0..=cue_first.min(r.t.tokens.len().saturating_sub(1)))
            .rev()
            .find(|&k| k == 0 || r.t.tokens[k].after_break)
        else {
            continue;
        };
        let starts = r.t.tokens[paragraph].range.start;
        if f.content.parts.iter().any(|p| p.end > starts) {
            f.content.parts.retain(|p| p.end > starts);
            if let Some(first) = f.content.parts.first_mut() {
                first.start = first.start.max(starts);
            }
        }
    }
}

/// An unquoted content that follows its cue ends with the sentence it
/// starts in, unless a quotation lies in the sentences it runs on into:
/// the role tagger reads on past the sentence, and what it takes there is
/// mostly the writer's own ("one estimate suggests there are about 2,300
/// species … . The two main types of forest are …"). Chosen on held-out
/// training articles (EVALUATION.md).
fn indirect_contents_end_with_their_sentence(r: &Read_, found: &mut [Tagged]) {
    let n = r.t.tokens.len();
    for f in found.iter_mut() {
        if f.content.parts.is_empty() || f.content.start() < f.cue.end() {
            continue;
        }
        let first = token_at(r, f.content.start());
        if first >= n || r.t.tokens[first].in_quote || r.obs[first].kind == TokenKind::Quote {
            continue;
        }
        let sentence = r.sentence_of[first];
        let last = token_at(r, f.content.end()).saturating_sub(1).min(n - 1);
        let next = r.t.sentences[sentence].end;
        if r.sentence_of[last] == sentence || (next..=last).any(|k| r.t.tokens[k].in_quote) {
            continue;
        }
        let end = r.t.tokens[next - 1].range.end;
        f.content.parts.retain(|p| p.start < end);
        if let Some(p) = f.content.parts.last_mut() {
            p.end = p.end.min(end);
        }
    }
}

/// A content that ends before its cue and starts inside a quotation
/// starts at the quotation's opening mark: the sentence splitter cuts
/// quotations at their full stops, and the role tagger then takes only
/// the last sentences ("“Meth is IN SD. … We are here to Get. *It.
/// OUT*,” Noem tweeted"). Not across a paragraph break, nor over another
/// attribution's cue or content. Chosen on held-out training articles
/// (EVALUATION.md).
fn quoted_contents_start_at_their_mark(r: &Read_, found: &mut [Tagged]) {
    let n = r.t.tokens.len();
    let taken = taken_by(found);
    for f in found.iter_mut() {
        // The part before the cue: all of the content, or the first part
        // of one around it.
        if f.content
            .parts
            .first()
            .is_none_or(|p| p.end > f.cue.start())
        {
            continue;
        }
        let first = token_at(r, f.content.start());
        if first == 0 || first >= n || !r.t.tokens[first].inside_quotation {
            continue;
        }
        let open = quotation_start(r, first);
        let before = r.t.tokens[open].range.start..f.content.start();
        if open >= first || taken.meets(&before) {
            continue;
        }
        if let Some(part) = f.content.parts.first_mut() {
            part.start = before.start;
        }
    }
}

/// A content that follows its cue and stops inside a quotation runs to
/// the quotation's closing mark: the tagger stops at a full stop the
/// splitter took for a sentence's end (said: “We will win. *Nobody can
/// stop us.*”). Not across a paragraph break, nor over another
/// attribution's cue or content. Chosen on held-out training articles
/// (EVALUATION.md).
fn quoted_contents_end_at_their_mark(r: &Read_, found: &mut [Tagged]) {
    let n = r.t.tokens.len();
    let taken = taken_by(found);
    for f in found.iter_mut() {
        // The part after the cue: all of the content, or the last part of
        // one around it (“We will win,” he said. “*Nobody can* stop us.”).
        if f.content.parts.last().is_none_or(|p| p.start < f.cue.end()) {
            continue;
        }
        let after = token_at(r, f.content.end());
        if after == 0
            || after >= n
            || !r.t.tokens[after].inside_quotation
            || !r.t.tokens[after - 1].inside_quotation
        {
            continue;
        }
        let close = past_quotation(r, after);
        let rest = f.content.end()..r.t.tokens[close - 1].range.end;
        if taken.meets(&rest) {
            continue;
        }
        if let Some(part) = f.content.parts.last_mut() {
            part.end = rest.end;
        }
    }
}

/// The cues and contents of `found`, which a rule reaching further must
/// not run over.
fn taken_by(found: &[Tagged]) -> RangeSet {
    RangeSet::new(
        found
            .iter()
            .flat_map(|f| f.cue.parts.iter().chain(&f.content.parts).cloned()),
    )
}

/// The first token of the quotation that token `k` is inside: its opening
/// mark, if it has one. The tokenizer ends every quotation at a paragraph
/// break, so a quotation never reaches back past one.
fn quotation_start(r: &Read_, mut k: usize) -> usize {
    while k > 0 && r.t.tokens[k - 1].inside_quotation {
        k -= 1;
    }
    if k > 0 && r.obs[k - 1].kind == TokenKind::Quote {
        k - 1
    } else {
        k
    }
}

/// The token after the quotation that token `k` is inside: past its
/// closing mark, when one closes it in its paragraph.
fn past_quotation(r: &Read_, mut k: usize) -> usize {
    let n = r.t.tokens.len();
    while k < n && r.t.tokens[k].inside_quotation {
        k += 1;
    }
    if k < n && r.obs[k].kind == TokenKind::Quote && !r.t.tokens[k].after_break {
        k + 1
    } else {
        k
    }
}

/// The token holding byte `at` of the text, or the first after it.
fn token_at(r: &Read_, at: usize) -> usize {
    r.t.tokens.partition_point(|t| t.range.end <= at)
}

/// The content rules, in the text's order: the rest of an interrupted
/// sentence comes before the quotations that follow it. The rules change
/// contents and never cues, so the cues are gathered once.
fn contents_reach_further(r: &Read_, text: &str, found: &mut [Tagged]) {
    let cues = RangeSet::new(found.iter().flat_map(|f| f.cue.parts.clone()));
    interrupted_contents(r, &cues, found);
    continued_quotes(r, found);
    whole_clauses(r, text, &cues, found);
}

/// A content part before its source, when a subordinator or "but" opens
/// the attribution ("Three cases of plague have been diagnosed, *sparking
/// widespread fears …*, though officials say the risk is low"), is the
/// writer's clause, not the source's: it is dropped when a part after the
/// cue remains. Not after "as" ("…, as one CEO told me, …"), which
/// attributes what comes before it.
fn no_clause_before_a_subordinator(r: &Read_, text: &str, found: &mut [Tagged]) {
    for f in found.iter_mut() {
        let Some(source) = &f.source else { continue };
        if source.start() > f.cue.start() || f.content.parts.len() < 2 {
            continue;
        }
        let first = token_at(r, source.start());
        if first == 0 {
            continue;
        }
        let opener = r.lowercase(text, first - 1);
        // "…, as one CEO told me": what comes before "as" is what was said.
        if opener == "as" || !(SUBORDINATORS.contains(&opener.as_str()) || opener == "but") {
            continue;
        }
        let cue_end = f.cue.end();
        let before = source.start();
        if f.content.parts.iter().any(|p| p.start >= cue_end) {
            f.content.parts.retain(|p| p.end > before);
        }
    }
}

/// A content after its cue that starts inside a name ("told Polygraph
/// the Russian Defense *Ministry’s allegations are false*") starts with
/// the name: back over its capitalised words to the "the" that opens it,
/// when that "the" comes after the cue in the same sentence.
fn contents_start_with_their_name(r: &Read_, text: &str, found: &mut [Tagged]) {
    for f in found.iter_mut() {
        let cue_end = f.cue.end();
        let Some(part) = f.content.parts.first_mut() else {
            continue;
        };
        let first = token_at(r, part.start);
        if part.start < cue_end || first == 0 || first >= r.t.tokens.len() {
            continue;
        }
        let name_word = |k: usize| {
            r.obs[k].kind == TokenKind::Word && r.obs[k].capital && !r.t.tokens[k].after_break
        };
        if !name_word(first) || r.t.tokens[first].range.start != part.start {
            continue;
        }
        let sentence = r.sentence_of[first];
        let mut k = first;
        while k > 0 && r.sentence_of[k - 1] == sentence && name_word(k - 1) {
            k -= 1;
        }
        if k == first || k == 0 || r.sentence_of[k - 1] != sentence {
            continue;
        }
        let the = k - 1;
        if r.lowercase(text, the) == "the" && r.t.tokens[the].range.start >= cue_end {
            part.start = r.t.tokens[the].range.start;
        }
    }
}

/// A content does not end on a comma and the first word of the next
/// clause ("… there is “no need” to worry*, it* has also acknowledged"):
/// a subject pronoun or a conjunction after a comma opens a clause the
/// role tagger cut off, and no PolNeAR content ends so.
fn no_dangling_clause_opener(r: &Read_, text: &str, found: &mut [Tagged]) {
    for f in found.iter_mut() {
        let Some(part) = f.content.parts.last_mut() else {
            continue;
        };
        let last = token_at(r, part.end).saturating_sub(1);
        if last < 2 || r.t.tokens[last].range.end != part.end || !r.obs[last - 1].comma {
            continue;
        }
        let opener = r.lowercase(text, last);
        if !matches!(
            opener.as_str(),
            "it" | "he" | "she" | "they" | "we" | "i" | "and" | "but" | "or"
        ) {
            continue;
        }
        let end = r.t.tokens[last - 2].range.end;
        if end > part.start {
            part.end = end;
        }
    }
}

/// A quotation that goes on after its attribution is more of the same
/// content ("“It’s hard to avoid,” said Ryan Ellis, a tax consultant.
/// “Any time you want to cut taxes …”"): news writing names the speaker
/// once, and annotators join the quotations into one content of several
/// parts. Each sentence that follows the attribution in its paragraph and
/// opens with a quotation mark adds its quotation, and so does a next
/// paragraph that is one quotation and nothing else (not in dialogue,
/// [`is_dialogue`]), as long as no other cue or content lies between.
/// Chosen on held-out training articles
/// (EVALUATION.md).
fn continued_quotes(r: &Read_, found: &mut [Tagged]) {
    let taken = taken_by(found);
    let n = r.t.tokens.len();
    let dialogue = is_dialogue(r);
    for f in found.iter_mut() {
        let end = f
            .content
            .end()
            .max(f.cue.end())
            .max(f.source.as_ref().map_or(0, Span::end));
        let last = token_at(r, end).saturating_sub(1).min(n - 1);
        let from = r.t.tokens[last].range.end;
        let mut s = r.sentence_of[last] + 1;
        while s < r.t.sentences.len() {
            let open = r.t.sentences[s].start;
            let new_paragraph = r.t.tokens[open].after_break;
            if r.obs[open].kind != TokenKind::Quote
                || !r.t.tokens.get(open + 1).is_some_and(|t| t.in_quote)
            {
                break;
            }
            let close = past_quotation(r, open + 1);
            let paragraph_ends = close >= n || r.t.tokens[close].after_break;
            if new_paragraph && !paragraph_ends {
                break;
            }
            // In dialogue the next paragraph is the next turn.
            if new_paragraph && dialogue {
                break;
            }
            let quote = r.span_of(open..close);
            let sentence = r.t.sentences[r.sentence_of[close - 1]].clone();
            let until = r.t.tokens[sentence.end - 1].range.end.max(quote.end);
            if taken.meets(&(from..until)) {
                break;
            }
            f.content.parts.push(quote);
            if new_paragraph {
                break;
            }
            s = r.sentence_of[close - 1] + 1;
        }
    }
}

/// Fewest paragraphs of one quotation alone that make a text dialogue
/// ([`is_dialogue`]).
const MIN_DIALOGUE_TURNS: usize = 5;

/// Whether a text is dialogue, as fiction is: at least
/// [`MIN_DIALOGUE_TURNS`] paragraphs, and a fifth of all, are one
/// quotation and nothing else. There, a quotation alone in the next
/// paragraph is another speaker's turn ("“Yeah that’s it,” said Lute. ¶
/// “I’mnah drunk!”"), where news writing would be going on with the same
/// speaker. No PolNeAR article is dialogue by this test.
fn is_dialogue(r: &Read_) -> bool {
    let n = r.t.tokens.len();
    let (mut paragraphs, mut turns) = (0usize, 0usize);
    let mut k = 0;
    while k < n {
        let mut end = k + 1;
        while end < n && !r.t.tokens[end].after_break {
            end += 1;
        }
        paragraphs += 1;
        let quote = |j: usize| r.obs[j].kind == TokenKind::Quote;
        // Opened by a quotation mark, closed by one (or one and a stop),
        // everything between inside it.
        let closes = quote(end - 1) || end >= k + 2 && quote(end - 2);
        let inside = (k + 1..end.saturating_sub(2)).all(|j| r.t.tokens[j].inside_quotation);
        if end - k > 2 && quote(k) && closes && inside {
            turns += 1;
        }
        k = end;
    }
    turns >= MIN_DIALOGUE_TURNS && turns * 5 >= paragraphs
}

/// A content interrupted by its attribution goes on after it ("The museum,
/// he said, would make visitors face uncomfortable truths"): the words
/// after the comma that closes "he said" to the sentence's end are a
/// second part of the content, unless one of the `cues` lies in them.
/// Chosen on held-out training articles (EVALUATION.md).
fn interrupted_contents(r: &Read_, cues: &RangeSet, found: &mut [Tagged]) {
    let n = r.t.tokens.len();
    for f in found.iter_mut() {
        if f.content.parts.len() != 1 || f.content.end() > f.cue.start() {
            continue;
        }
        let (left, right) = match &f.source {
            Some(s) => (s.start().min(f.cue.start()), s.end().max(f.cue.end())),
            None => (f.cue.start(), f.cue.end()),
        };
        let first = token_at(r, left);
        let after = token_at(r, right);
        let content_end = token_at(r, f.content.end());
        if first == 0 || after >= n || content_end >= n {
            continue;
        }
        let sentence = r.sentence_of[first];
        // Only a comma (and closing quotation marks) between the content
        // and the attribution, and a comma after it.
        let between_ok = (content_end..first)
            .all(|k| r.obs[k].comma || r.obs[k].kind == TokenKind::Quote)
            && (content_end..first).any(|k| r.obs[k].comma);
        if !between_ok
            || !r.obs[after].comma
            || r.sentence_of[content_end.saturating_sub(1)] != sentence
            || r.sentence_of[after] != sentence
        {
            continue;
        }
        let rest = r.sentence_from(sentence, after + 1);
        if rest.len() < 2 {
            continue;
        }
        let rest = r.span_of(rest);
        if cues.meets(&rest) {
            continue;
        }
        f.content.parts.push(rest);
    }
}

/// A content the role tagger ended inside its cue's sentence runs on to
/// the sentence's end, closing marks left out: the tagger often stops at a
/// comma or a closing quotation mark inside what was said ("called Trump
/// a “loser”, a “liar” and a “whiner”"). Not across one of the `cues`, nor
/// into a relative clause after a comma (", which …", ", who …") or an
/// occasion ("… during a rally", "… after polls closed"), which are the
/// writer's; only contents of two words or more that follow their cue.
/// Chosen on held-out training articles (EVALUATION.md).
fn whole_clauses(r: &Read_, text: &str, cues: &RangeSet, found: &mut [Tagged]) {
    let n = r.t.tokens.len();
    for f in found.iter_mut() {
        let Some(last) = f.content.parts.last().cloned() else {
            continue;
        };
        let after = token_at(r, last.end);
        if f.content.start() < f.cue.end() || after >= n || after == 0 {
            continue;
        }
        // One word ("them", "habits") is too little to tell what clause
        // it heads.
        if after - token_at(r, f.content.start()) < 2 {
            continue;
        }
        let sentence = r.sentence_of[after - 1];
        if r.sentence_of[token_at(r, f.cue.start())] != sentence || r.sentence_of[after] != sentence
        {
            continue;
        }
        let stop = r.sentence_from(sentence, after).end;
        if stop == after {
            continue;
        }
        let comma = r.obs[after].comma;
        let first = if comma { after + 1 } else { after };
        if first < stop {
            let word = r.lowercase(text, first);
            let relative = comma && matches!(word.as_str(), "which" | "who");
            let occasion = !comma && OCCASIONS.contains(&word.as_str());
            if relative || occasion {
                continue;
            }
        }
        let rest = r.span_of(after..stop);
        if cues.meets(&rest) {
            continue;
        }
        if let Some(part) = f.content.parts.last_mut() {
            part.end = rest.end;
        }
    }
}

/// Words that open the occasion of a statement after what was said ("…
/// during a rally in Hartford", "… moments after polls closed").
const OCCASIONS: &[&str] = &["during", "after", "before", "moments", "last"];

/// A deterministic Fisher–Yates shuffle (xorshift).
fn shuffle(v: &mut [usize], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        v.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

impl AttributionModel {
    /// Finds the attributions in an English `text`.
    pub fn tag(&self, text: &str) -> Vec<Tagged> {
        self.tag_tokens(text, tokenize(text))
    }

    /// As [`Self::tag`], from the text's tokens `t` ([`tokenize`]), so a
    /// caller that needs the sentences too tokenizes once.
    pub fn tag_tokens(&self, text: &str, t: Tokenized) -> Vec<Tagged> {
        let r = Read_::tokenized(text, t);
        if r.t.tokens.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut sentence_of_found = Vec::new();
        let mut features = Vec::new();
        for s in 0..r.t.sentences.len() {
            let range = r.t.sentences[s].clone();
            // Scored as the features are made, one token at a time.
            let mut emissions = vec![0.0; range.len() * 3];
            for (k, i) in range.clone().enumerate() {
                cue_features(&r.obs, &r.counts, range.clone(), i, &mut features);
                let e = &mut emissions[k * 3..k * 3 + 3];
                self.cue.emission(&features, e);
                e[B] += self.cue_bias;
                e[I] += self.cue_bias;
            }
            let tags = self.cue.viterbi(&emissions, &vec![None; range.len()]);
            let mut k = 0;
            while k < tags.len() {
                if tags[k] == O {
                    k += 1;
                    continue;
                }
                let start = k;
                k += 1;
                while k < tags.len() && tags[k] == I {
                    k += 1;
                }
                let cue_tokens = range.start + start..range.start + k;
                if let Some(found) = self.roles(text, &r, s, cue_tokens, &mut features) {
                    out.push(found);
                    sentence_of_found.push(s);
                }
            }
        }
        participle_subjects(&r, text, &mut out, &sentence_of_found);
        contents_stay_in_paragraph(&r, &mut out);
        accounts_start_in_their_paragraph(&r, text, &mut out);
        indirect_contents_end_with_their_sentence(&r, &mut out);
        quoted_contents_start_at_their_mark(&r, &mut out);
        quoted_contents_end_at_their_mark(&r, &mut out);
        // Contents reach further; the cues stay as found.
        contents_reach_further(&r, text, &mut out);
        no_clause_before_a_subordinator(&r, text, &mut out);
        no_dangling_clause_opener(&r, text, &mut out);
        contents_start_with_their_name(&r, text, &mut out);
        out
    }

    fn roles(
        &self,
        text: &str,
        r: &Read_,
        sentence: usize,
        cue_tokens: Range<usize>,
        features: &mut Vec<u64>,
    ) -> Option<Tagged> {
        if r.is_discourse_said(text, sentence, &cue_tokens) {
            return None;
        }
        let ctx = CueContext::new(&r.obs, sentence, cue_tokens.clone());
        let window = r.window(sentence, WINDOW_AFTER);
        let fixed: Vec<Option<usize>> = window
            .clone()
            .map(|k| cue_tokens.contains(&k).then_some(O))
            .collect();
        let mut emissions = vec![0.0; window.len() * 5];
        let mut score = |tokens: Range<usize>, emissions: &mut [f32]| {
            for i in tokens {
                let k = i - window.start;
                // The cue's own tokens are held at O: their scores cannot
                // change the best path.
                if fixed[k].is_none() {
                    role_features(&r.obs, &r.counts, &ctx, i, r.sentence_of[i], features);
                    self.role
                        .emission(features, &mut emissions[k * 5..k * 5 + 5]);
                }
            }
        };
        // Most contents end within two sentences of their cue: the tagger
        // reads that far first, and reads on to the whole window only when
        // a content is still running in the last sentence it read (dev
        // figures as with the whole window, EVALUATION.md; a fifth less
        // role tagging).
        let first = r.window(sentence, FIRST_READ_AFTER).end - window.start;
        score(window.start..window.start + first, &mut emissions);
        let mut tags = self.role.viterbi(&emissions[..first * 5], &fixed[..first]);
        let last_read = r.sentence_of[window.start + first - 1];
        let runs_on = || {
            let from = r.t.sentences[last_read].start - window.start;
            tags[from..].iter().any(|&t| matches!(t, BC | IC))
        };
        if first < window.len() && runs_on() {
            score(window.start + first..window.end, &mut emissions);
            tags = self.role.viterbi(&emissions, &fixed);
        }
        let mut sources: Vec<Range<usize>> = Vec::new();
        let mut contents: Vec<Range<usize>> = Vec::new();
        for (k, &tag) in tags.iter().enumerate() {
            let at = window.start + k;
            let list = match tag {
                BS | IS => &mut sources,
                BC | IC => &mut contents,
                _ => continue,
            };
            match list.last_mut() {
                Some(run) if run.end == at && matches!(tag, IS | IC) => run.end = at + 1,
                _ => list.push(at..at + 1),
            }
        }
        if contents.is_empty() {
            contents.push(r.rest_of_sentence(sentence, &cue_tokens)?);
        }
        // The source nearest the cue.
        let source = sources
            .into_iter()
            .min_by_key(|run| {
                if run.end <= cue_tokens.start {
                    cue_tokens.start - run.end
                } else {
                    run.start.saturating_sub(cue_tokens.end)
                }
            })
            .map(|run| {
                let run = r.in_cue_paragraph(r.whole_name(text, run, &cue_tokens), &cue_tokens);
                r.trimmed_source(text, r.outside_brackets(text, run, &cue_tokens))
            })
            .filter(|run| !r.is_adverb_alone(text, run))
            .map(|run| Span::one(r.span_of(run)))
            .filter(|_| {
                let cue = &text[r.span_of(cue_tokens.clone())];
                !is_bare_seeming(cue) && !is_hearsay(cue)
            });
        let quoted = contents.iter().all(|run| {
            run.clone()
                .all(|k| r.t.tokens[k].in_quote || r.obs[k].kind == TokenKind::Quote)
        });
        let cue_span = Span::one(r.span_of(cue_tokens));
        let kind = if quoted {
            AttributionKind::DirectQuote
        } else {
            AttributionKind::Indirect
        };
        Some(Tagged {
            source,
            cue: cue_span,
            content: Span {
                parts: contents.into_iter().map(|run| r.span_of(run)).collect(),
            },
            kind,
        })
    }

    /// Writes both taggers ([`layout`]).
    pub fn save(&self, mut out: impl Write) -> std::io::Result<()> {
        let (mut cue, mut role) = (Vec::new(), Vec::new());
        self.cue.save(&mut cue)?;
        self.role.save(&mut role)?;
        let parts = layout::Parts {
            cue_bias: self.cue_bias,
            cue: &cue,
            role: &role,
        };
        out.write_all(&layout::join(layout::MAGIC, parts))
    }

    /// Reads what [`AttributionModel::save`] wrote.
    pub fn load(input: impl Read) -> Result<Self, ModelError> {
        let mut bytes = Vec::new();
        input.take(MAX_FILE).read_to_end(&mut bytes)?;
        let parts = layout::split(&bytes, layout::MAGIC).ok_or(ModelError::BadHeader)?;
        Self::new(
            parts.cue_bias,
            Perceptron::load(parts.cue)?,
            Perceptron::load(parts.role)?,
        )
    }

    /// Reads the build script's copy of the shipped model, whose taggers
    /// are inflated ([`layout::INFLATED_MAGIC`]): no inflating to do.
    pub fn load_inflated(bytes: &[u8]) -> Result<Self, ModelError> {
        let parts = layout::split(bytes, layout::INFLATED_MAGIC).ok_or(ModelError::BadHeader)?;
        Self::new(
            parts.cue_bias,
            Perceptron::load_inflated(parts.cue)?,
            Perceptron::load_inflated(parts.role)?,
        )
    }

    fn new(cue_bias: f32, cue: Perceptron, role: Perceptron) -> Result<Self, ModelError> {
        if cue.tags() != 3 || role.tags() != 5 {
            return Err(ModelError::BadHeader);
        }
        Ok(AttributionModel {
            cue,
            role,
            cue_bias,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(text: &str, source: &str, cue: &str, content: &str) -> Example {
        let at = |s: &str| (!s.is_empty()).then(|| Span::first_in(text, s));
        Example {
            source: at(source),
            cue: at(cue),
            content: at(content),
        }
    }

    /// A handful of made-up sentences is enough to check that the taggers
    /// learn what they are shown and that saving keeps it.
    #[test]
    fn learns_cues_sources_and_contents_and_round_trips() {
        let docs: Vec<(String, Vec<Example>)> = [
            (
                "The ministry said the quota will rise.",
                "The ministry",
                "said",
                "the quota will rise",
            ),
            (
                "Analysts said exports grew.",
                "Analysts",
                "said",
                "exports grew",
            ),
            (
                "“Funding is up,” the agency said.",
                "the agency",
                "said",
                "Funding is up",
            ),
            (
                "According to Xinhua, output doubled.",
                "Xinhua",
                "According to",
                "output doubled",
            ),
            (
                "The regulator said prices fell.",
                "The regulator",
                "said",
                "prices fell",
            ),
        ]
        .iter()
        .map(|&(t, s, c, x)| (t.to_string(), vec![example(t, s, c, x)]))
        .collect();
        let (model, log) = train(&docs, 10, SHIPPED_SEED);
        assert_eq!(log.sequences, (5, 5));
        assert!(log.epochs.last().unwrap().0 <= log.epochs[0].0);
        let text = "The ministry said the quota will rise.";
        let found = model.tag(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].cue.text(text), "said");
        assert_eq!(found[0].source.as_ref().unwrap().text(text), "The ministry");
        assert_eq!(found[0].content.text(text), "the quota will rise");
        let mut bytes = Vec::new();
        model.save(&mut bytes).unwrap();
        let back = AttributionModel::load(bytes.as_slice()).unwrap();
        assert_eq!(back.tag(text), found);
        assert!(model.tag("").is_empty());
        assert!(AttributionModel::load(&bytes[..10]).is_err());
    }

    fn tagged(text: &str, source: Option<&str>, cue: &str) -> Tagged {
        let at = |s: &str| Span::first_in(text, s);
        Tagged {
            source: source.map(at),
            cue: at(cue),
            content: at("x"),
            kind: AttributionKind::Indirect,
        }
    }

    fn sources(text: &str, found: &[Tagged]) -> Vec<Option<String>> {
        found
            .iter()
            .map(|f| f.source.as_ref().map(|s| s.text(text)))
            .collect()
    }

    #[test]
    fn a_participle_shares_its_clause_subject() {
        let r_of = |text: &str| Read_::new(text);
        // From another cue of the sentence, before it or else after it.
        let text = "Clinton acknowledged his success, saying she applauded x.";
        let mut found = vec![
            tagged(text, Some("Clinton"), "acknowledged"),
            tagged(text, None, "saying"),
        ];
        participle_subjects(&r_of(text), text, &mut found, &[0, 0]);
        assert_eq!(sources(text, &found)[1].as_deref(), Some("Clinton"));
        let text = "Mr. Manafort, citing the polls, said x.";
        let mut found = vec![
            tagged(text, None, "citing"),
            tagged(text, Some("Mr. Manafort"), "said"),
        ];
        participle_subjects(&r_of(text), text, &mut found, &[0, 0]);
        assert_eq!(sources(text, &found)[0].as_deref(), Some("Mr. Manafort"));
        // Without one, the first subject pronoun before it.
        let text = "And he wants to avoid that, recalling how x went.";
        let mut found = vec![tagged(text, None, "recalling")];
        participle_subjects(&r_of(text), text, &mut found, &[0]);
        assert_eq!(sources(text, &found)[0].as_deref(), Some("he"));
        // Not a pronoun of someone's quoted words.
        let text = "“We all miss Steve,” Benioff weighed in, telling Cook x.";
        let mut found = vec![tagged(text, None, "telling")];
        participle_subjects(&r_of(text), text, &mut found, &[0]);
        assert_eq!(sources(text, &found)[0], None);
        // Not across sentences, and not for a finite verb.
        let text = "Lee said so. Analysts disagreed, arguing x. The report found x.";
        let r = r_of(text);
        let mut found = vec![
            tagged(text, Some("Lee"), "said"),
            tagged(text, None, "arguing"),
            tagged(text, None, "found"),
        ];
        participle_subjects(&r, text, &mut found, &[0, 1, 2]);
        assert_eq!(sources(text, &found), [Some("Lee".to_string()), None, None]);
        // Straight after a noun it describes the noun; after "and" or an
        // adverb it goes on with the clause.
        let text = "China denounced a court ruling declaring the ban void, and said x.";
        let mut found = vec![
            tagged(text, Some("China"), "denounced"),
            tagged(text, None, "declaring"),
        ];
        participle_subjects(&r_of(text), text, &mut found, &[0, 0]);
        assert_eq!(sources(text, &found)[1], None);
        let text = "Trump praised Xi and warned him, repeatedly saying x.";
        let mut found = vec![
            tagged(text, Some("Trump"), "praised"),
            tagged(text, None, "saying"),
        ];
        participle_subjects(&r_of(text), text, &mut found, &[0, 0]);
        assert_eq!(sources(text, &found)[1].as_deref(), Some("Trump"));
        let text = "Trump threatened them with tariffs and suggesting x.";
        let mut found = vec![
            tagged(text, Some("Trump"), "threatened"),
            tagged(text, None, "suggesting"),
        ];
        participle_subjects(&r_of(text), text, &mut found, &[0, 0]);
        assert_eq!(sources(text, &found)[1].as_deref(), Some("Trump"));
        // A source that is part of another cue's source in the sentence
        // is that whole source; one of another sentence is left alone.
        let text = "Wild coach Bruce Boudreau expressed confidence, saying x. Wild fans said x.";
        let mut found = vec![
            tagged(text, Some("Wild coach Bruce Boudreau"), "expressed"),
            tagged(text, Some("Wild"), "saying"),
            tagged(text, Some("Wild fans"), "said"),
        ];
        participle_subjects(&r_of(text), text, &mut found, &[0, 0, 1]);
        assert_eq!(
            sources(text, &found),
            [
                "Wild coach Bruce Boudreau",
                "Wild coach Bruce Boudreau",
                "Wild fans"
            ]
            .map(|s| Some(s.to_string()))
        );
    }

    /// The tokens of `text` that the first occurrence of `s` covers.
    fn tokens_of(r: &Read_, text: &str, s: &str) -> Range<usize> {
        let at = text.find(s).unwrap();
        let first = r.t.tokens.iter().position(|t| t.range.start == at).unwrap();
        let last =
            r.t.tokens
                .iter()
                .rposition(|t| t.range.end == at + s.len())
                .unwrap();
        first..last + 1
    }

    #[test]
    fn a_source_that_closes_a_bracket_it_did_not_open_leaves_the_bracket() {
        let outside = |text: &str, source: &str, cue: &str| {
            let r = Read_::new(text);
            let run =
                r.outside_brackets(text, tokens_of(&r, text, source), &tokens_of(&r, text, cue));
            text[r.span_of(run)].to_string()
        };
        // Before its cue: the name before the bracket.
        let t = "Charlie McDowell (“The Discovery,” “The One I Love”), also remembers it well.";
        assert_eq!(
            outside(t, "“The One I Love”)", "also remembers"),
            "Charlie McDowell"
        );
        // After its cue, inside the bracket: up to the bracket.
        let t = "It is misguided, said Mr. Burman (a view echoed by everyone I interviewed).";
        assert_eq!(
            outside(t, "everyone I interviewed)", "echoed by"),
            "everyone I interviewed"
        );
        // A bracket of its own stays.
        let t = "The ministry (MCT) said so.";
        assert_eq!(
            outside(t, "The ministry (MCT)", "said"),
            "The ministry (MCT)"
        );
    }

    #[test]
    fn a_source_sheds_a_relative_pronoun_a_participial_clause_and_sentence_adverbs() {
        let trimmed = |text: &str, source: &str| {
            let r = Read_::new(text);
            text[r.span_of(r.trimmed_source(text, tokens_of(&r, text, source)))].to_string()
        };
        let t = "The changes, which officials said will start soon, are here.";
        assert_eq!(trimmed(t, "which officials"), "officials");
        // The name after a comparison's "than", not a count's.
        let t = "It's more complicated than McKinley suggests.";
        assert_eq!(trimmed(t, "complicated than McKinley"), "McKinley");
        let t = "Fewer than 100 economists said so.";
        assert_eq!(
            trimmed(t, "Fewer than 100 economists"),
            "Fewer than 100 economists"
        );
        let t = "Others, more than Pelosi herself, said so.";
        assert_eq!(
            trimmed(t, "more than Pelosi herself"),
            "more than Pelosi herself"
        );
        let t = "“It works,” said Mr. Burr, adding hopefully that it would.";
        assert_eq!(trimmed(t, "Mr. Burr, adding hopefully"), "Mr. Burr");
        let t = "Walker now says he is being denied. Hunter, meanwhile, told us.";
        assert_eq!(trimmed(t, "Walker now"), "Walker");
        assert_eq!(trimmed(t, "Hunter, meanwhile"), "Hunter");
        // What belongs to the source stays.
        let t = "New Jersey officials, including Gov. Chris Christie, said so.";
        let whole = "New Jersey officials, including Gov. Chris Christie";
        assert_eq!(trimmed(t, whole), whole);
        let t = "Robert Peck, managing director at SunTrust, told us.";
        let whole = "Robert Peck, managing director at SunTrust";
        assert_eq!(trimmed(t, whole), whole);
        let t = "Scot Ross, executive director of One Wisconsin Now, said so.";
        let whole = "Scot Ross, executive director of One Wisconsin Now";
        assert_eq!(trimmed(t, whole), whole);
        let t = "That is what they said.";
        assert_eq!(trimmed(t, "That"), "That");
        // A name's own verb of saying or thinking ends the source; a
        // noun of the lexicon ("poll") and a relative clause after "I" do
        // not.
        let t = "GiveWell and Evidence Action believe are promising.";
        assert_eq!(
            trimmed(t, "GiveWell and Evidence Action believe"),
            "GiveWell and Evidence Action"
        );
        let t = "the Arab League condemned the move, announced a vote.";
        assert_eq!(
            trimmed(t, "the Arab League condemned the move"),
            "the Arab League"
        );
        let t = "A Marquette Law School poll found so.";
        assert_eq!(
            trimmed(t, "A Marquette Law School poll"),
            "A Marquette Law School poll"
        );
        for whole in [
            "Multiple people I spoke to",
            "People briefed on the talks",
            "Sanders, who on Tuesday endorsed Clinton",
            "Some 56 percent of Cuban-Americans polled",
        ] {
            let t = format!("{whole} said so.");
            assert_eq!(trimmed(&t, whole), whole);
        }
        // Auxiliaries and negations go from the end, a dateline and "Nor
        // does" from the start; a capitalised "Will" is a name.
        for (t, run, want) in [
            (
                "Steenburgen wasn’t thrilled.",
                "Steenburgen wasn’t",
                "Steenburgen",
            ),
            (
                "State Department experts somehow cannot explain it.",
                "State Department experts somehow cannot",
                "State Department experts",
            ),
            (
                "LONDON (AP) — Britain's Conservative Party was accused.",
                "LONDON (AP) — Britain's Conservative Party",
                "Britain's Conservative Party",
            ),
            ("He sees it so. Nor does Xi see it.", "Nor does Xi", "Xi"),
            ("Aides to Will said so.", "Aides to Will", "Aides to Will"),
            // A gallery's counter goes; a number of people stays.
            ("21/50 Alibaba hits back.", "21/50 Alibaba", "Alibaba"),
            ("20 senators said so.", "20 senators", "20 senators"),
            (
                "A 9/11 widow spoke. 9/11 widow Terry Strada said so.",
                "9/11 widow Terry Strada",
                "9/11 widow Terry Strada",
            ),
            ("1/2 said so.", "1/2", "1/2"),
        ] {
            assert_eq!(trimmed(t, run), want, "{t}");
        }
        // A personal pronoun with an adverb or auxiliary is the pronoun.
        let t = "I just can’t believe it, I said.";
        assert_eq!(trimmed(t, "I just can’t"), "I");
        let t = "We’ve definitely said so.";
        assert_eq!(trimmed(t, "We’ve definitely"), "We’ve");
        let t = "He and Mr. Goodlatte said so.";
        assert_eq!(trimmed(t, "He and Mr"), "He and Mr");
        // An adverbial clause's opener and a dangling "and" or comma go.
        let t = "When Mr. Trump’s advisers said so, they meant it.";
        assert_eq!(
            trimmed(t, "When Mr. Trump’s advisers"),
            "Mr. Trump’s advisers"
        );
        let t = "As for Governor Kasich, he said so.";
        assert_eq!(trimmed(t, "As for Governor Kasich"), "Governor Kasich");
        let t = "Several officials and said so.";
        assert_eq!(trimmed(t, "Several officials and"), "Several officials");
    }

    #[test]
    fn a_source_stays_in_its_paragraph_and_is_not_an_adverb_alone() {
        let text = "ADVERTISEMENT\n\nNoem said so. It works, said a man\n\nHeading here.";
        let r = Read_::new(text);
        let run = |from: &str, to: &str| token(&r, text, from)..token(&r, text, to) + 1;
        let cut = |run: Range<usize>, cue: &str| {
            let k = token(&r, text, cue);
            text[r.span_of(r.in_cue_paragraph(run, &(k..k + 1)))].to_string()
        };
        // Before the cue: the part next to it; after it: the part next to it.
        assert_eq!(cut(run("ADVERTISEMENT", "Noem"), "said"), "Noem");
        let said =
            r.t.tokens
                .iter()
                .rposition(|t| text[t.range.clone()] == *"said")
                .unwrap();
        let after = run("a", "Heading");
        let k = |cue: usize| {
            text[r.span_of(r.in_cue_paragraph(after.clone(), &(cue..cue + 1)))].to_string()
        };
        assert_eq!(k(said), "a man");

        let text = "Highly recommended by all. Will said so, as he would. Walker said it. \
                    Originally published on Live Science. Kelly said no.";
        let r = Read_::new(text);
        let alone = |w: &str| {
            let k = token(&r, text, w);
            r.is_adverb_alone(text, &(k..k + 1))
        };
        assert!(alone("Highly"));
        assert!(alone("would"));
        // A capitalised auxiliary is a name; a name is not an adverb.
        assert!(!alone("Will"));
        assert!(!alone("Walker"));
        // An adverb in "-ly" opening a sentence; a name in "-ly" is a name.
        assert!(alone("Originally"));
        assert!(!alone("Kelly"));
        let k = token(&r, text, "Walker");
        assert!(!r.is_adverb_alone(text, &(k - 1..k + 1)));
    }

    #[test]
    fn that_said_is_a_turn_of_phrase_not_an_attribution() {
        let idiom = |text: &str| {
            let r = Read_::new(text);
            let k = token(&r, text, "said");
            r.is_discourse_said(text, r.sentence_of[k], &(k..k + 1))
        };
        assert!(idiom("It is late. That said, the plan works."));
        assert!(idiom("That being said, the plan works."));
        assert!(idiom("Having said that, the plan works."));
        assert!(idiom("Taxes matter. (Having said that, some disagree.)"));
        assert!(idiom("But that said, the plan works."));
        assert!(!idiom("And he said, “That works.”"));
        assert!(!idiom("That said it all."));
        assert!(!idiom("Officials that said so, left."));
        assert!(!idiom("A message that said, “Sorry”, appeared."));
        assert!(!idiom("He said, “That works.”"));
        let example = |text: &str| {
            let r = Read_::new(text);
            let k = token(&r, text, "say");
            r.is_discourse_said(text, r.sentence_of[k], &(k..k + 1))
        };
        assert!(example("A document of, say five hundred pages."));
        assert!(example("It costs, say, $5 or 10."));
        assert!(example("In, say, 2030 it ends."));
        assert!(!example("Prices will rise, say analysts."));
        assert!(!example("Prices will rise, say a number of economists."));
        assert!(!example("They say 30 died."));
    }

    #[test]
    fn seeming_without_to_is_not_a_claim_of_its_subject() {
        assert!(is_bare_seeming("seemed irritated:"));
        assert!(is_bare_seeming("does not seem"));
        assert!(is_bare_seeming("Appears"));
        assert!(!is_bare_seeming("seemed to recognize"));
        assert!(!is_bare_seeming("said"));
        assert!(!is_bare_seeming("appearance"));
        assert!(is_bare_seeming("looks like"));
        assert!(is_bare_seeming("looked as if"));
        assert!(!is_bare_seeming("looked at"));
        assert!(is_hearsay("reportedly") && is_hearsay("Allegedly"));
        assert!(!is_hearsay("reported") && !is_hearsay("reportedly said"));
    }

    /// The first token of `r` that is the word `w`.
    fn token(r: &Read_, text: &str, w: &str) -> usize {
        r.t.tokens
            .iter()
            .position(|t| text[t.range.clone()] == *w)
            .unwrap()
    }

    #[test]
    fn a_cue_without_content_keeps_the_rest_of_its_sentence() {
        let text = "He came and warned voters would pay.” Then he said so. Then he left.";
        let r = Read_::new(text);
        let rest = |w: &str| {
            let k = token(&r, text, w);
            r.rest_of_sentence(r.sentence_of[k], &(k..k + 1))
                .map(|run| text[r.span_of(run)].to_string())
        };
        assert_eq!(rest("warned").as_deref(), Some("voters would pay"));
        // One word is not a content; nothing at all either.
        assert_eq!(rest("said"), None);
        assert_eq!(rest("left"), None);
    }

    /// An attribution of `source`, `cue` and `content` (each found by its
    /// first occurrence in `text`).
    fn attribution(text: &str, source: &str, cue: &str, content: &str) -> Tagged {
        let at = |s: &str| Span::first_in(text, s);
        Tagged {
            source: Some(at(source)),
            cue: at(cue),
            content: at(content),
            kind: AttributionKind::Indirect,
        }
    }

    /// An attribution whose content stands on both sides of its cue.
    fn around(text: &str, source: &str, cue: &str, before: &str, after: &str) -> Tagged {
        let mut f = attribution(text, source, cue, before);
        let at = text
            .rfind(after)
            .expect("the part after the cue is in the text");
        f.content.parts.push(at..at + after.len());
        f
    }

    fn cues_of(found: &[Tagged]) -> RangeSet {
        RangeSet::new(found.iter().flat_map(|f| f.cue.parts.clone()))
    }

    /// The contents of `found` in `text` after `rule` has run on them.
    fn contents_after(
        rule: impl Fn(&Read_, &mut [Tagged]),
        text: &str,
        mut found: Vec<Tagged>,
    ) -> Vec<String> {
        rule(&Read_::new(text), &mut found);
        found.iter().map(|f| f.content.text(text)).collect()
    }

    #[test]
    fn a_quotation_that_goes_on_after_its_attribution_is_more_of_its_content() {
        let continued = |text: &str, found| contents_after(continued_quotes, text, found);
        for (text, source, content, expected) in [
            // The next sentence of the paragraph, and the one after it.
            (
                "“It’s hard,” said Ryan Ellis, a consultant. “Any time you cut taxes, it is regressive.” “So be it.”\n\nLater, x.",
                "Ryan Ellis",
                "“It’s hard,”",
                "“It’s hard,” … “Any time you cut taxes, it is regressive.” … “So be it.”",
            ),
            // A next paragraph that is one quotation and nothing else.
            (
                "Mr. Clarke said he was skeptical.\n\n“It was destined to fail.”\n\n“Here he is,” she said.",
                "Mr. Clarke",
                "he was skeptical",
                "he was skeptical … “It was destined to fail.”",
            ),
        ] {
            let found = vec![attribution(text, source, "said", content)];
            assert_eq!(continued(text, found), [expected]);
        }
        // Not a sentence that does not open with a quotation, not a
        // paragraph that goes on after its quotation, not past another
        // attribution.
        let text = "Lee said it was fine. Then “the plan” came.\n\n“Not so,” Kim says. “Never.”";
        let found = vec![
            attribution(text, "Lee", "said", "it was fine"),
            attribution(text, "Kim", "says", "“Not so,”"),
        ];
        assert_eq!(
            continued(text, found),
            ["it was fine", "“Not so,” … “Never.”"]
        );
        let text = "Lee said it was fine.\n\n“Not so,” he went on to add.";
        assert_eq!(
            continued(text, vec![attribution(text, "Lee", "said", "it was fine")]),
            ["it was fine"]
        );
        // A quotation left open at the end of the text runs to its end; a
        // quotation mark with nothing after it adds nothing.
        for (text, expected) in [
            ("Lee said it was fine. “And more", "it was fine … “And more"),
            ("Lee said it was fine. “", "it was fine"),
        ] {
            let found = vec![attribution(text, "Lee", "said", "it was fine")];
            assert_eq!(continued(text, found), [expected], "{text}");
        }
    }

    /// An attribution whose content has the parts `parts` (each found by
    /// its first occurrence in `text`).
    fn with_parts(text: &str, cue: &str, parts: &[&str]) -> Tagged {
        let mut found = attribution(text, parts[0], cue, parts[0]);
        found.content = Span {
            parts: parts
                .iter()
                .flat_map(|p| Span::first_in(text, p).parts)
                .collect(),
        };
        found
    }

    #[test]
    fn a_content_keeps_no_part_from_a_later_paragraph() {
        let stay = |text: &str, found| contents_after(contents_stay_in_paragraph, text, found);
        // Dialogue: the next paragraph is the next speaker's.
        let text =
            "“Half of them are turtles,” said Alden.\n\nHaoyu laughed. “Lexi won’t admit it.”";
        let found = vec![with_parts(
            text,
            "said",
            &["“Half of them are turtles,”", "Lexi won’t admit it"],
        )];
        assert_eq!(stay(text, found), ["“Half of them are turtles,”"]);
        // Parts in the cue's paragraph stay, before and after the cue.
        let text = "“It’s hard,” said Ryan Ellis. “Any time you cut taxes, it hurts.”\n\nNext.";
        let found = vec![with_parts(
            text,
            "said",
            &["“It’s hard,”", "Any time you cut taxes"],
        )];
        assert_eq!(stay(text, found), ["“It’s hard,” … Any time you cut taxes"]);
        // A content found only after a break is all there is: it stays.
        let text = "He said:\n\n“We will win.”\n\nThe end.";
        let found = vec![with_parts(text, "said", &["We will win", "The end"])];
        assert_eq!(stay(text, found), ["We will win … The end"]);
        // One break at the end of the text, empty parts, no panic.
        let text = "Lee said it.\n\n";
        let found = vec![with_parts(text, "said", &["it"])];
        assert_eq!(stay(text, found), ["it"]);
    }

    #[test]
    fn an_unquoted_content_ends_with_its_sentence() {
        let end = |text: &str, found| {
            contents_after(indirect_contents_end_with_their_sentence, text, found)
        };
        // The writer's next sentence goes.
        let text = "One estimate suggests there are 2,300 species. The two main forests are old.";
        let found = vec![attribution(
            text,
            "One estimate",
            "suggests",
            "there are 2,300 species. The two main forests",
        )];
        assert_eq!(end(text, found), ["there are 2,300 species."]);
        // Not past a quotation, not a quoted content, not one sentence.
        for (text, content) in [
            (
                "Lee said taxes rose. “It was bad,” he said.",
                "taxes rose. “It was bad,”",
            ),
            (
                "Lee said: “Taxes rose. It was bad.”",
                "Taxes rose. It was bad.",
            ),
            ("Lee said taxes rose in May.", "taxes rose in May"),
        ] {
            let found = vec![attribution(text, "Lee", "said", content)];
            assert_eq!(end(text, found), [content], "{text}");
        }
        // A content before its cue, and a later part past the sentence.
        let text = "Taxes rose, Lee said. More came. Then less.";
        let found = vec![attribution(text, "Lee", "said", "Taxes rose")];
        assert_eq!(end(text, found), ["Taxes rose"]);
        let text = "Lee said taxes rose. More came. Then less.";
        let found = vec![with_parts(text, "said", &["taxes rose", "Then less"])];
        assert_eq!(end(text, found), ["taxes rose"]);
    }

    #[test]
    fn in_dialogue_a_quotation_alone_in_the_next_paragraph_is_another_turn() {
        let turns = "“Are you drunk?”\n\n“No.”\n\n“Sure?”\n\n“Yes, sure.”\n\n“Fine then.”\n\n";
        let text = format!("{turns}“Yeah that’s it,” said Lute.\n\n“I’m not drunk!”\n\nThe end.");
        assert!(is_dialogue(&Read_::new(&text)));
        let found = vec![attribution(&text, "Lute", "said", "“Yeah that’s it,”")];
        assert_eq!(
            contents_after(continued_quotes, &text, found),
            ["“Yeah that’s it,”"]
        );
        // News: few quotations alone, and the next one is more of the same.
        let text = "Mr. Clarke said he was skeptical.\n\n“It was destined to fail.”\n\nLater, x.";
        assert!(!is_dialogue(&Read_::new(text)));
        // Empty and one-word texts are no dialogue.
        for text in ["", "“", "“a”"] {
            assert!(!is_dialogue(&Read_::new(text)), "{text:?}");
        }
    }

    #[test]
    fn a_quoted_content_before_its_cue_starts_at_the_quotation_mark() {
        let start =
            |text: &str, found| contents_after(quoted_contents_start_at_their_mark, text, found);
        let text = "Noem wrote more. “Meth is IN SD. We are here to Get. It. OUT,” Noem tweeted.";
        let found = vec![attribution(text, "Noem tweeted", "tweeted", "It. OUT,”")];
        assert_eq!(
            start(text, found),
            ["“Meth is IN SD. We are here to Get. It. OUT,”"]
        );
        // Not over another attribution, not past a paragraph's start, not
        // a content outside quotation marks.
        let text = "“It works,” Lee said. “It is cheap. It is fast,” Kim added.";
        let found = vec![
            attribution(text, "Lee", "said", "“It works,”"),
            attribution(text, "Kim", "added", "It is fast,”"),
        ];
        assert_eq!(
            start(text, found),
            ["“It works,”", "“It is cheap. It is fast,”"]
        );
        let text = "Prices rose. They fell, Kim said.";
        let found = vec![attribution(text, "Kim", "said", "They fell,")];
        assert_eq!(start(text, found), ["They fell,"]);
        let text = "“";
        let found = vec![attribution(text, "“", "“", "“")];
        assert_eq!(start(text, found), ["“"]);
        // A quotation inside the quotation does not end it: the tagger's
        // content started at the inner closing mark.
        let text = "“Nothing new in today’s ‘impeachment’ proceedings. Nothing at all,” she added.";
        let found = vec![attribution(
            text,
            "she",
            "added",
            "’ proceedings. Nothing at all,”",
        )];
        assert_eq!(
            start(text, found),
            ["“Nothing new in today’s ‘impeachment’ proceedings. Nothing at all,”"]
        );
        // The part before the cue of a content around it.
        let text = "“It is cheap. It is fast,” Lee said, “and it works.”";
        let found = vec![around(
            text,
            "Lee",
            "said",
            "It is fast,”",
            "“and it works.”",
        )];
        assert_eq!(
            start(text, found),
            ["“It is cheap. It is fast,” … “and it works.”"]
        );
    }

    #[test]
    fn a_quoted_content_after_its_cue_ends_at_the_quotation_mark() {
        let end =
            |text: &str, found| contents_after(quoted_contents_end_at_their_mark, text, found);
        let text = "Lee said: “We will win. Nobody can stop us.” Then he left.";
        let found = vec![attribution(text, "Lee", "said", "We will win.")];
        assert_eq!(end(text, found), ["We will win. Nobody can stop us.”"]);
        // Not over another attribution, not past a paragraph's end, not a
        // content outside quotation marks.
        let text = "Lee said: “We will win. Kim agrees we will.”";
        let found = vec![
            attribution(text, "Lee", "said", "We will win."),
            attribution(text, "Kim", "agrees", "we will"),
        ];
        assert_eq!(end(text, found), ["We will win.", "we will.”"]);
        let text = "Lee said: “We will win.\n\nNobody can stop us.”";
        let found = vec![attribution(text, "Lee", "said", "We will win.")];
        assert_eq!(end(text, found), ["We will win."]);
        let text = "Lee said we will win. Nobody can stop us.";
        let found = vec![attribution(text, "Lee", "said", "we will win.")];
        assert_eq!(end(text, found), ["we will win."]);
        let text = "Lee said: “We will win. They call it ‘the pivot’ now.” Then he left.";
        let found = vec![attribution(
            text,
            "Lee",
            "said",
            "We will win. They call it ‘",
        )];
        assert_eq!(
            end(text, found),
            ["We will win. They call it ‘the pivot’ now.”"]
        );
        // The part after the cue of a content around it.
        let text = "“It works,” Lee said. “It is cheap. It is fast.” Then he left.";
        let found = vec![around(text, "Lee", "said", "“It works,”", "“It is cheap.")];
        assert_eq!(
            end(text, found),
            ["“It works,” … “It is cheap. It is fast.”"]
        );
    }

    #[test]
    fn a_content_interrupted_by_its_attribution_goes_on_after_it() {
        let go_on = |text: &str, found| {
            contents_after(
                |r: &Read_, f: &mut [Tagged]| interrupted_contents(r, &cues_of(f), f),
                text,
                found,
            )
        };
        let text = "The museum, Kim said, would make visitors face hard truths. Then x.";
        assert_eq!(
            go_on(text, vec![attribution(text, "Kim", "said", "The museum")]),
            ["The museum … would make visitors face hard truths"]
        );
        // Not when more than a comma separates them, not without a comma
        // after the attribution, not across another cue.
        for text in [
            "The museum opened, and Kim said it would be fine.",
            "The museum, Kim said in x.",
            "The museum, Kim said, would, Lee argued, be fine.",
        ] {
            let mut found = vec![attribution(text, "Kim", "said", "The museum")];
            if text.contains("Lee") {
                found.push(attribution(text, "Lee", "argued", "be fine"));
            }
            assert_eq!(go_on(text, found)[0], "The museum", "{text}");
        }
    }

    #[test]
    fn a_content_that_starts_inside_a_name_starts_with_the_name() {
        let start = |text: &str, content: &str| {
            let found = vec![attribution(text, "Lee", "told", content)];
            contents_after(
                |r: &Read_, f: &mut [Tagged]| contents_start_with_their_name(r, text, f),
                text,
                found,
            )
        };
        let text = "Lee told Polygraph the Russian Defense Ministry’s claims are false.";
        assert_eq!(
            start(text, "Ministry’s claims are false"),
            ["the Russian Defense Ministry’s claims are false"]
        );
        // Not without "the" before the name, nor back over the cue.
        let text = "Lee told Polygraph Russian Defense Ministry claims are false.";
        assert_eq!(
            start(text, "Ministry claims are false"),
            ["Ministry claims are false"]
        );
        let text = "The Lee told Ministry claims are false.";
        assert_eq!(
            start(text, "Ministry claims are false"),
            ["Ministry claims are false"]
        );
    }

    #[test]
    fn an_according_to_account_starts_in_its_cue_s_paragraph() {
        let text = "“We will play new music.”\n\nAccording to LN, expect to hear hits.";
        let keep = |text: &str, parts: &[&str]| {
            let mut f = with_parts(text, "According to", parts);
            f.source = Some(Span::first_in(text, "LN"));
            contents_after(
                |r: &Read_, found: &mut [Tagged]| accounts_start_in_their_paragraph(r, text, found),
                text,
                vec![f],
            )
        };
        assert_eq!(
            keep(text, &["We will play new music.”", "expect to hear hits"]),
            ["expect to hear hits"]
        );
        // A part that runs over the break starts at the paragraph.
        assert_eq!(
            keep(
                text,
                &["new music.”\n\nAccording to LN, expect to hear hits"]
            ),
            ["According to LN, expect to hear hits"]
        );
        // Nothing in the cue's paragraph: left as found; another cue: too.
        assert_eq!(
            keep(text, &["We will play new music."]),
            ["We will play new music."]
        );
        let text = "“We will play new music.”\n\nLN said so.";
        let mut f = with_parts(text, "said", &["We will play new music."]);
        f.source = Some(Span::first_in(text, "LN"));
        let kept = contents_after(
            |r: &Read_, found: &mut [Tagged]| accounts_start_in_their_paragraph(r, text, found),
            text,
            vec![f],
        );
        assert_eq!(kept, ["We will play new music."]);
    }

    #[test]
    fn a_content_does_not_end_on_the_next_clause_s_first_word() {
        let trim = |text: &str, content: &str| {
            let found = vec![attribution(text, "CDC", "has said", content)];
            contents_after(
                |r: &Read_, f: &mut [Tagged]| no_dangling_clause_opener(r, text, f),
                text,
                found,
            )
        };
        let text = "Though the CDC has said that there is no need to worry, it has also warned.";
        assert_eq!(
            trim(text, "that there is no need to worry, it"),
            ["that there is no need to worry"]
        );
        let text = "The CDC has said taxes rose, and prices fell.";
        assert_eq!(trim(text, "taxes rose, and"), ["taxes rose"]);
        // A pronoun that is the content's own object, or a content of the
        // opener alone, stays.
        let text = "The CDC has said it hates it, it.";
        assert_eq!(trim(text, "it hates it"), ["it hates it"]);
        let text = "The CDC has said, it";
        assert_eq!(trim(text, "it"), ["it"]);
    }

    #[test]
    fn a_clause_before_though_officials_say_is_the_writer_s() {
        let cut = |text: &str, source: &str, cue: &str, parts: &[&str]| {
            let mut f = with_parts(text, cue, parts);
            f.source = Some(Span::first_in(text, source));
            contents_after(
                |r: &Read_, found: &mut [Tagged]| no_clause_before_a_subordinator(r, text, found),
                text,
                vec![f],
            )
        };
        let text = "Cases were found, sparking fears, though officials say the risk is low.";
        assert_eq!(
            cut(
                text,
                "officials",
                "say",
                &["sparking fears", "the risk is low"]
            ),
            ["the risk is low"]
        );
        // "As" attributes what comes before it; and without a subordinator
        // the content is interrupted, not the writer's.
        let text = "They are focused on health, as one CEO told me, and on pain.";
        let parts = ["They are focused on health", "and on pain"];
        assert_eq!(
            cut(text, "one CEO", "told", &parts),
            ["They are focused on health … and on pain"]
        );
        let text = "The museum, Kim said, would make visitors face hard truths.";
        let parts = ["The museum", "would make visitors face hard truths"];
        assert_eq!(
            cut(text, "Kim", "said", &parts),
            ["The museum … would make visitors face hard truths"]
        );
    }

    #[test]
    fn an_interrupted_content_keeps_its_middle_when_quotations_follow() {
        // The rest of the interrupted sentence, then the next quotation:
        // neither rule may skip the other's words.
        let text = "At current rates, Kim said, there will be three rockets by 2024. “Adding one more could happen.”\n\nLater, x.";
        let found = vec![attribution(text, "Kim", "said", "At current rates")];
        assert_eq!(
            contents_after(
                |r: &Read_, f: &mut [Tagged]| contents_reach_further(r, text, f),
                text,
                found
            ),
            [
                "At current rates … there will be three rockets by 2024 … “Adding one more could happen.”"
            ]
        );
    }

    #[test]
    fn a_content_cut_short_in_its_sentence_runs_to_the_sentence_end() {
        let whole = |text: &str, found| {
            contents_after(
                |r: &Read_, f: &mut [Tagged]| whole_clauses(r, text, &cues_of(f), f),
                text,
                found,
            )
        };
        let text = "Kasich called Trump a “loser,” a “liar” and a “whiner.” Then x.";
        assert_eq!(
            whole(
                text,
                vec![attribution(text, "Kasich", "called", "Trump a “loser")]
            ),
            ["Trump a “loser,” a “liar” and a “whiner"]
        );
        // Not into a relative clause after a comma, nor an occasion, nor
        // across another cue, nor from one word, nor for a content before
        // its cue.
        for (text, content) in [
            ("Lee opposed the bill, which would cost x.", "the bill"),
            (
                "Lee criticised the phrase during a rally in x.",
                "the phrase",
            ),
            ("Lee praised the plan, Kim said in x.", "the plan"),
            ("Lee praised them, all of x.", "them"),
        ] {
            let cue = text.split(' ').nth(1).unwrap();
            let mut found = vec![attribution(text, "Lee", cue, content)];
            if text.contains("Kim") {
                found.push(attribution(text, "Kim", "said", "x"));
            }
            assert_eq!(whole(text, found)[0], content, "{text}");
        }
        let text = "The plan, Lee said, will cost a lot.";
        assert_eq!(
            whole(text, vec![attribution(text, "Lee", "said", "The plan")]),
            ["The plan"]
        );
    }

    #[test]
    fn a_source_cut_inside_a_name_is_carried_to_its_end() {
        let text = "Bill Clinton came to the city and recounted x. Mr. Manafort said x.";
        let r = Read_::new(text);
        let word = |w: &str| token(&r, text, w);
        let name = |run: Range<usize>, cue: usize| {
            let span = r.span_of(r.whole_name(text, run, &(cue..cue + 1)));
            text[span].to_string()
        };
        let bill = word("Bill");
        assert_eq!(name(bill..bill + 1, word("recounted")), "Bill Clinton");
        let mr = word("Mr");
        assert_eq!(name(mr..mr + 1, word("said")), "Mr. Manafort");
        // A run ending in a lower-case word is left as it is.
        let to = word("to");
        assert_eq!(
            name(bill..to + 1, word("recounted")),
            "Bill Clinton came to"
        );
        // Cut at its head: back to the name's first word, not to the
        // sentence's first word, nor into a heading in capitals.
        let text = "It rained. Analysts at the South China Morning Post reported x. \
                    A note BY FELLOW DOCTORS said x.";
        let r = Read_::new(text);
        let word = |w: &str| token(&r, text, w);
        let name = |run: Range<usize>, cue: usize| {
            text[r.span_of(r.whole_name(text, run, &(cue..cue + 1)))].to_string()
        };
        let china = word("China");
        assert_eq!(
            name(china..word("Post") + 1, word("reported")),
            "South China Morning Post"
        );
        let fellow = word("FELLOW");
        assert_eq!(
            name(fellow..word("DOCTORS") + 1, word("said")),
            "FELLOW DOCTORS"
        );
    }
}
