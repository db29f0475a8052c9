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
//! ([`cue_claim`]).

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
    // "which it said crashed in Logar province" (as a claim's text, whose
    // parts around the cue join with " … ": "which … crashed"), "which
    // Chelsea hope to announce": a relative clause cut from its noun, not
    // a proposition. "which program a charity works on is …" asks which,
    // and is one.
    let relative = {
        let rest = content.trim_start().strip_prefix("which");
        let mut w = words();
        rest.is_some_and(|r| r.trim_start().starts_with('…'))
            || w.next() == Some("which")
                && w.next().is_some_and(|next| {
                    next.starts_with(char::is_uppercase) || is_empty_word(&next.to_lowercase())
                })
    };
    long_enough
        && !no_comment
        && !relative
        && words().any(|w| {
            w.chars().any(|c| c.is_numeric() || !c.is_ascii())
                || !EMPTY_WORDS
                    .iter()
                    .chain(PREPOSITIONS)
                    .chain(AUXILIARIES)
                    .any(|e| e.eq_ignore_ascii_case(w))
        })
}

/// Whether `content` only names where something was said, not what: "in
/// a statement", "in his book", "in the new paper, which was published
/// online today", "in a blog post on Monday" — a preposition, at most
/// three words, a noun of record, and after it nothing, a clause that
/// describes it, or a time or an addressee of a few words without a
/// "that" ("in a statement that the plant would close", "on his own
/// account, he occasioned me uneasiness" say something). The store keeps no such claim;
/// its sentence still reports someone, so it is not the author's either.
pub fn is_venue(content: &str) -> bool {
    // "In her book “A Paradise Built in Hell,”": the venue with its title
    // in quotation marks, and nothing after.
    if let Some((head, title)) = content.split_once(['“', '"'])
        && !head.trim().is_empty()
    {
        let title = title.trim_end().trim_end_matches([',', '.', ':']);
        let closed = title
            .strip_suffix(['”', '"'])
            .or_else(|| title.strip_suffix(",”"))
            .or_else(|| title.strip_suffix(",\""));
        if let Some(inside) = closed
            && !inside.contains(['“', '”', '"'])
        {
            return is_venue(head);
        }
    }
    let words = lower_words(content);
    let [first, rest @ ..] = words.as_slice() else {
        return false;
    };
    if !matches!(first.as_str(), "in" | "on" | "via" | "through") {
        return false;
    }
    let noun = |w: &String| super::lexicon::is_record_noun(w) || VENUE_NOUNS.contains(&w.as_str());
    let Some(mut k) = rest.iter().take(4).position(noun) else {
        return false;
    };
    // "a blog post", "a press release", "a news conference".
    while rest
        .get(k + 1)
        .is_some_and(|w| noun(w) || w == "conference")
    {
        k += 1;
    }
    let after = &rest[k + 1..];
    match after.first().map(String::as_str) {
        None => true,
        Some("which" | "published" | "posted" | "released" | "titled" | "entitled") => true,
        // "in a statement on Monday", "in a post last week".
        Some("on" | "last" | "this" | "earlier" | "in" | "to" | "from") => {
            after.len() <= 5 && !after.iter().any(|w| w == "that")
        }
        Some(_) => false,
    }
}

/// Where words are published, besides the lexicon's nouns of record.
const VENUE_NOUNS: &[&str] = &[
    "book",
    "paper",
    "blog",
    "article",
    "video",
    "podcast",
    "episode",
    "essay",
    "newsletter",
    "journal",
    "website",
    "op",
    "thread",
    "news",
];

/// Verbs the English taggers take as cues, after the annotated news they
/// learned from, that make no claim of their subject's: trade ("Dashlane
/// *offers* a free version", "Amazon *is offering* Prime members a gift
/// card"), taste ("I *prefer* the tighter design", "Chromecast users
/// *enjoy* the game", "Some people *liked* the new terrain"; not "*would
/// like* to see", which wants), deeds ("swung it at Mr. Rudolph, *hitting*
/// him"), measurements ("when we *compared* the 16-inch base"), listings
/// ("shares *are listed on* the SIX Swiss Exchange"), orders and releases
/// ("Howitt *ordered* another set of mice", "Parise *blocked* a shot",
/// "Apple *released* the 11-inch iPad Pro", "Scientists *unveiled* the
/// first global geological map"), and refusals and falls ("Obama
/// *declined* to send arms", "the Taliban *have long refused* to
/// negotiate", "declined to say", "the Nikkei *declined* 0.3%"). Any form
/// of them opening the cue, after its auxiliaries and adverbs,
/// disqualifies it.
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
    "like",
    "likes",
    "liked",
    "love",
    "loves",
    "loved",
    "hate",
    "hates",
    "hated",
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
    "decline",
    "declines",
    "declined",
    "declining",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "refusal",
];

/// Verbs whose passive names the one accused, sentenced or nominated, not
/// the one who did it ("Noel *is charged* with five counts", "He *is
/// accused* of participating", "Webb *was sentenced* to life").
const ACCUSING_VERBS: &[&str] = &["accused", "charged", "sentenced", "nominated"];

/// Verbs of asking and wondering: what follows them is a question or a
/// request ("Schiff *asked* “So it's fair to say …?”", "*wondered*
/// whether the receptor-studded tuft cells …", "*asked* about concerns
/// within the NSC"), which no one can check.
const QUESTION_VERBS: &[&str] = &[
    "ask",
    "asks",
    "asked",
    "asking",
    "wonder",
    "wonders",
    "wondered",
    "wondering",
    "inquire",
    "inquired",
    "enquire",
    "enquired",
];

/// Verbs of opinion: negated, they still state one, the contrary of the
/// content ("I *don't think* the bill will pass"), stored with the stance
/// "disputes" ([`CueClaim::Disputes`]). Any other negated cue claims nothing:
/// "*did not disclose* how large …", "*would not rule out* …", "*didn’t
/// know* how to play an instrument", "*is not known*".
const OPINION_VERBS: &[&str] = &[
    "think", "thinks", "thought", "believe", "believes", "believed", "agree", "agrees", "agreed",
];

/// Verbs of knowing, seeing, working out and declining, whose
/// interrogative object is a question, not a claim
/// ([`CueWords::opens_a_question`]).
const PONDERING_VERBS: &[&str] = &[
    "know",
    "knows",
    "knew",
    "see",
    "sees",
    "saw",
    "seen",
    "understand",
    "understands",
    "understood",
    "imagine",
    "figure",
    "figuring",
    "remember",
    "remembered",
    "decide",
    "decided",
    "consider",
    "considered",
    "thinking",
    "tell",
    "discover",
    "declined",
    "declines",
    // "demanded how Andrew could be so sure", "questioned whether …".
    "demand",
    "demands",
    "demanded",
    "demanding",
    "question",
    "questions",
    "questioned",
    "questioning",
];

/// Past participles not made with "-ed" that a passive cue opens with
/// ("*is known* as the pothole chief", "employees *were told* that …").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "known",
    "told",
    "shown",
    "seen",
    "written",
    "said",
    "thought",
    "held",
    "given",
    "taken",
    "heard",
    "found",
    "made",
    "understood",
    "meant",
    "sought",
    "spoken",
    "drawn",
    "taught",
];

/// Participles that describe their subject's own mind, so that the
/// subject holds what follows ("politicians *are worried* that …", "Obama
/// *was quoted* as saying …").
const HOLDER_PARTICIPLES: &[&str] = &[
    "concerned",
    "worried",
    "convinced",
    "satisfied",
    "disappointed",
    "pleased",
    "surprised",
    "determined",
    "committed",
    "opposed",
    "prepared",
    "interested",
    "quoted",
    "alarmed",
    "frustrated",
    "annoyed",
    "excited",
    "delighted",
    "relieved",
    "shocked",
    "troubled",
    "dismayed",
    "persuaded",
    "tired",
];

/// Adverbs that may open a cue before its verb, as [`AUXILIARIES`] may
/// ("*have also* offered", "*would* prefer").
const CUE_ADVERBS: &[&str] = &[
    "also",
    "still",
    "now",
    "even",
    "just",
    "then",
    "actually",
    "really",
    "always",
    "widely",
    // "have long argued", "has long refused".
    "long",
    "best",
    "immediately",
    "completely",
    "explicitly",
    "implicitly",
    "prominently",
];

/// The passive auxiliaries among [`AUXILIARIES`].
const PASSIVE_AUXILIARIES: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// A cue's words, lower-cased, and where its verb is: the first word that
/// is no auxiliary, adverb, negation or piece of a contraction.
struct CueWords {
    words: Vec<String>,
    verb: Option<usize>,
    negated: bool,
}

/// The words of `text`, lower-cased, split at anything but letters and
/// digits ("don’t" gives "don" and "t").
pub(super) fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl CueWords {
    fn new(cue: &str) -> Self {
        let words = lower_words(cue);
        // "don’t" splits into "don" and "t"; "t" is only ever that piece.
        // "*without saying* one further word" says nothing.
        let negation = |w: &str| matches!(w, "not" | "never" | "cannot" | "t" | "without");
        let contraction = |w: &str| w.ends_with('n') && EMPTY_WORDS.contains(&w) && w != "an";
        let verb = words.iter().position(|w| {
            !AUXILIARIES.contains(&w.as_str())
                && !CUE_ADVERBS.contains(&w.as_str())
                && !super::model::SENTENCE_ADVERBS.contains(&w.as_str())
                && !negation(w)
                && !contraction(w)
        });
        let negated = words[..verb.unwrap_or(words.len())]
            .iter()
            .any(|w| negation(w));
        CueWords {
            words,
            verb,
            negated,
        }
    }

    fn verb(&self) -> Option<&str> {
        self.verb.map(|k| self.words[k].as_str())
    }

    /// Whether the cue's verb is one of [`OPINION_VERBS`] and `content`
    /// an opinion's, not an infinitive ("did not agree *to be part of* …"
    /// is a refusal).
    fn states_an_opinion(&self, content: &str) -> bool {
        let infinitive = content
            .trim_start()
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("to "));
        self.verb().is_some_and(|v| OPINION_VERBS.contains(&v)) && !infinitive
    }

    /// Whether `content` is a question the cue only raises or ponders: an
    /// interrogative word after a verb of knowing, seeing or deciding, or
    /// after a topic's preposition ("*didn’t know* how to run a server",
    /// "*can see* what anomalies …", "*talked about* how introverts …",
    /// "*declined to say* when …"). "*explained* why …" and "*said*
    /// whether …" are left as claims.
    fn opens_a_question(&self, content: &str) -> bool {
        let first = content
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .map(str::to_lowercase);
        let Some(first) = first else { return false };
        let interrogative = matches!(
            first.as_str(),
            "what" | "how" | "why" | "where" | "when" | "whether" | "if" | "which" | "who"
        );
        let pondering = self
            .words
            .iter()
            .any(|w| PONDERING_VERBS.contains(&w.as_str()));
        let topic = self
            .words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "about" | "on" | "at" | "over" | "into"));
        interrogative && (pondering || topic)
    }

    /// Whether a form of "be" comes before the verb.
    fn passive(&self) -> bool {
        self.words[..self.verb.unwrap_or(0)]
            .iter()
            .any(|w| PASSIVE_AUXILIARIES.contains(&w.as_str()))
    }
}

/// Whether `verb` is a past participle: in "-ed", or irregular
/// ("spoken", "told"); it ends the verb group of a passive.
pub(super) fn is_participle(verb: &str) -> bool {
    verb.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&verb)
}

/// What an attribution's cue says of its content, for the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClaim {
    /// Nothing its claimant claims: a deed, a question, a denial of
    /// knowledge, a passive's subject ([`cue_claim`]).
    Nothing,
    /// The claimant claims the content.
    Claims,
    /// The claimant states an opinion against the content: a negated verb
    /// of [`OPINION_VERBS`] ("I *don’t think* …", "*does not believe* …").
    Disputes,
}

/// What an attribution whose cue reads `cue` (its verb group) says of
/// `content`: [`CueClaim::Disputes`] for a negated opinion, else
/// [`CueClaim::Claims`] unless [`makes_claims`] finds it claims nothing.
pub fn cue_claim(cue: &str, content: &str, source_follows: bool) -> CueClaim {
    let c = CueWords::new(cue);
    if !makes_claims(&c, content, source_follows) {
        CueClaim::Nothing
    } else if c.negated && c.states_an_opinion(content) {
        CueClaim::Disputes
    } else {
        CueClaim::Claims
    }
}

/// Whether an attribution whose cue's words are `c` claims `content` for
/// its claimant. It does not for:
/// - [`DEED_VERBS`] and the passive of [`ACCUSING_VERBS`];
/// - questions and requests ([`QUESTION_VERBS`]), and questions a cue
///   raises or ponders ([`CueWords::opens_a_question`]);
/// - a negated cue that is no opinion ([`OPINION_VERBS`]), unless its
///   content is a bare phrase ([`is_bare_phrase`], stored with its "not");
/// - a passive whose subject is what was said, not who said it
///   ("Pneumonic plague *is known for* …", "SpaceX *is widely believed* to
///   have submitted …", "employees *were told* that …"), unless the
///   participle describes the subject's mind ([`HOLDER_PARTICIPLES`]) or
///   its agent follows (`source_follows`, or "by" in the cue) with a verb
///   of [`super::lexicon`]: "It *was reported by* Reuters" keeps its
///   claimant, "every tweet *was authored by* a guy" does not.
///
/// Evaluation scores these as the annotators marked them; the store
/// leaves them out, as it does contents with nothing to check.
fn makes_claims(c: &CueWords, content: &str, source_follows: bool) -> bool {
    let Some(k) = c.verb else { return true };
    let words = &c.words;
    let verb = words[k].as_str();
    // "*began to wonder* whether …": the question verb may follow another.
    if words[k..]
        .iter()
        .any(|w| QUESTION_VERBS.contains(&w.as_str()))
    {
        return false;
    }
    if c.opens_a_question(content) {
        return false;
    }
    // "don’t think to ask", "thought to gather": to remember or mean to
    // do something, no belief ("is thought to be" is a passive, below;
    // "thought to myself, …" is a thought).
    let mut opening = lower_words(content).into_iter();
    let infinitive = opening.next().is_some_and(|w| w == "to")
        && opening
            .next()
            .is_some_and(|w| !w.ends_with("self") && !w.ends_with("selves"));
    if infinitive && matches!(verb, "think" | "thinks" | "thought" | "thinking") && !c.passive() {
        return false;
    }
    // "…, *citing* a survey of 200 producers": the source cited, not a
    // claim ("citing concerns that costs rose" is one).
    if matches!(verb, "citing" | "cited" | "cite" | "cites") && names_an_occasion(content) {
        return false;
    }
    // "*said Tuesday at* the Code Media conference": where it was said.
    if words.len() > 1
        && words
            .last()
            .is_some_and(|w| matches!(w.as_str(), "at" | "during"))
        && words.iter().any(|w| SAYING_WHERE.contains(&w.as_str()))
        && names_an_occasion(content)
    {
        return false;
    }
    // "The option *described* here is an improvement": a participle after
    // its noun, and the sentence's verb after "here".
    let mut opening = lower_words(content).into_iter();
    if words.len() == 1
        && (verb.ends_with("ed") || verb == "shown")
        && opening
            .next()
            .is_some_and(|w| matches!(w.as_str(), "here" | "above" | "below"))
        && opening
            .next()
            .is_some_and(|w| FINITE_AFTER_A_PLACE.contains(&w.as_str()))
    {
        return false;
    }
    let shows = |things: &[&str]| names_a_work(content, things);
    if matches!(verb, "write" | "writes" | "wrote" | "written" | "writing") && shows(WORKS)
        || POSTING_VERBS.contains(&verb) && shows(PICTURES)
    {
        return false;
    }
    // A bare phrase is stored as the whole proposition, its "not"
    // included ("Steenburgen *wasn’t thrilled about* the shift").
    if c.negated && !c.states_an_opinion(content) && !is_bare_phrase(content) {
        return false;
    }
    let passive = c.passive();
    // "known as", "known for": a name or a reputation, with or without
    // "is" before it.
    let named = verb == "known"
        && words
            .get(k + 1)
            .is_some_and(|w| matches!(w.as_str(), "as" | "for"));
    let by = words[k + 1..].iter().any(|w| w == "by");
    // "Every tweet was authored by a guy": a passive whose agent follows
    // is a claim of that agent's only when its verb is one of saying,
    // thinking, wanting or showing ("was reported by Reuters").
    let agent_follows = source_follows || by;
    let attributive = super::lexicon::class_of(verb) != 0;
    if named
        || passive
            && is_participle(verb)
            && !HOLDER_PARTICIPLES.contains(&verb)
            && (!agent_follows || !attributive)
    {
        return false;
    }
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
    // "would like to see China agree …" wants, as "want" does: a stance.
    let wish =
        matches!(verb, "like" | "love") && k > 0 && matches!(words[k - 1].as_str(), "would" | "d");
    criticism
        || names_a_record
        || wish
        || !(DEED_VERBS.contains(&verb) || passive && ACCUSING_VERBS.contains(&verb))
}

/// Kinds of work someone writes, as a whole: to write one is a deed.
const WORKS: &[&str] = &[
    "novel",
    "novels",
    "book",
    "books",
    "memoir",
    "memoirs",
    "biography",
    "screenplay",
    "script",
    "scripts",
    "song",
    "songs",
    "poem",
    "poems",
    "play",
    "plays",
    "opera",
    "symphony",
    "album",
    "story",
    "stories",
    "code",
];

/// Verbs of putting something online.
const POSTING_VERBS: &[&str] = &[
    "post", "posts", "posted", "posting", "share", "shares", "shared", "sharing", "upload",
    "uploads", "uploaded", "tweet", "tweets", "tweeted",
];

/// Pictures someone posts, as a whole: to post one is a deed ("Tottenham
/// *posted an image of Mourinho holding up a shirt*").
const PICTURES: &[&str] = &[
    "image",
    "images",
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "selfie",
    "selfies",
    "video",
    "videos",
    "clip",
    "clips",
    "gif",
    "meme",
];

/// Verbs of saying that a place or an occasion may follow ("said at",
/// "spoke during").
const SAYING_WHERE: &[&str] = &[
    "said",
    "says",
    "say",
    "spoke",
    "speaks",
    "speaking",
    "told",
    "announced",
    "added",
];

/// Whether `content` is a short noun phrase (an occasion: "the Vox
/// Media’s Code Media conference in Hollywood", "a rally"; a source
/// cited: "a survey of 200 producers"): at most 12
/// words, no "that", no auxiliary and no negation (a possessive "’s" is
/// no verb here).
fn names_an_occasion(content: &str) -> bool {
    let words = lower_words(content);
    !words.is_empty()
        && words.len() <= 12
        && !words.iter().any(|w| {
            w == "that"
                || AUXILIARIES.contains(&w.as_str())
                || w.ends_with("n't")
                || w.ends_with("n’t")
        })
}

/// Verbs that, after "here", "above" or "below", are a sentence's own
/// ("the method described here *is* faster").
const FINITE_AFTER_A_PLACE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would", "should",
    "may", "might", "must", "does", "do", "did", "works", "makes", "uses", "shows", "helps",
];

/// Numbers written in words: they open a count of works ("wrote *three
/// songs*"), and "say" may offer one as an example ("of, say, five hundred
/// pages", [`super::model`]; not ", say hundreds of analysts").
pub(super) const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
    "fifty", "hundred", "thousand", "million", "dozen",
];

/// Times that "that" points at as a determiner ("that summer").
const TIMES: &[&str] = &[
    "day", "night", "morning", "evening", "week", "weekend", "month", "year", "summer", "winter",
    "spring", "autumn", "fall", "season", "time",
];

/// Whether `content`, the object of its cue, is a thing of `things` named
/// as a whole ("wrote *his first novel, Web of Angels, …*", "writes
/// *songs for others*", "posted *an image of Mourinho*"), not what it
/// says: it opens with a determiner or a number, one of `things` comes
/// within its first four words, and no "that", "about" or "saying" within
/// its first eight ("posted a video saying the plant closes" says
/// something).
fn names_a_work(content: &str, things: &[&str]) -> bool {
    let words = lower_words(content);
    let opens = words.first().is_some_and(|w| {
        super::resolve::DETERMINERS.contains(&w.as_str())
            || NUMBER_WORDS.contains(&w.as_str())
            // "wrote *hundreds of songs*".
            || matches!(
                w.as_str(),
                "dozens" | "hundreds" | "thousands" | "scores" | "numerous" | "countless"
            )
            || w.parse::<u32>().is_ok()
    });
    // "a video saying …", "a letter that …": what it says follows; not
    // "that summer", a time.
    let says = words.iter().take(8).enumerate().any(|(i, w)| {
        let time_after = || {
            words
                .get(i + 1)
                .is_some_and(|n| TIMES.contains(&n.as_str()))
        };
        matches!(
            w.as_str(),
            "about" | "saying" | "showing" | "claiming" | "stating"
        ) || w == "that" && !time_after()
    });
    opens
        && !says
        && words
            .iter()
            .skip(1)
            .take(3)
            .any(|w| things.contains(&w.as_str()))
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
    words.len() <= BARE_PHRASE_WORDS
        && PHRASE_OPENERS.contains(&first.to_lowercase().as_str())
        && !has_verb_sign(content)
}

/// Whether `text` shows a sign of a finite verb: an auxiliary, a
/// contraction or a past form ("the man died", "that it’s quite arid",
/// "the admiration is mutual"). Without one, a short text is a phrase
/// ("his call for a ban on imports"), not a proposition. A verb in the
/// simple present ("it takes two") shows no sign: this tells phrases from
/// clauses only roughly.
pub fn has_verb_sign(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .any(|w| {
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
        })
}

/// The longest content [`is_bare_phrase`] judges, in words.
const BARE_PHRASE_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(cue: &str, content: &str, source_follows: bool) -> bool {
        cue_claim(cue, content, source_follows) != CueClaim::Nothing
    }

    fn disputes(cue: &str, content: &str) -> bool {
        cue_claim(cue, content, false) == CueClaim::Disputes
    }

    #[test]
    fn trade_taste_deeds_and_the_accused_claim_nothing() {
        for cue in [
            "offers",
            "is offering",
            "have also offered",
            "prefer",
            "would prefer",
            "enjoy",
            "liked",
            "would hate",
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
            "declined",
            "have long refused",
            "refusal to say",
        ] {
            assert!(!claims(cue, "the rest", false), "{cue}");
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
            "would like",
            "’d love",
            "according to",
            "表示",
            "据 … 报道",
            "",
            "is",
        ] {
            assert!(claims(cue, "the rest", false), "{cue}");
        }
    }

    #[test]
    fn writing_a_work_is_a_deed_and_writing_what_it_says_a_claim() {
        for content in [
            "his first novel, Web of Angels, a cyberpunk book before the term was invented",
            "a book on the crisis",
            "three songs for the film",
            "hundreds of songs that summer and sent 12 of the best ones to a lawyer",
        ] {
            assert!(!claims("wrote", content, false), "{content}");
        }
        for content in [
            "that the novel was never finished",
            "the economy was strong",
            "in his book that prices rose",
            "a letter saying the plan failed",
            "dozens of letters that the plan failed",
        ] {
            assert!(claims("wrote", content, false), "{content}");
        }
        assert!(claims("said", "his first novel was a flop", false));
        assert!(!claims(
            "posted",
            "an image of Mourinho holding up a shirt",
            false
        ));
        assert!(claims(
            "posted",
            "a video saying the plant would close",
            false
        ));
        assert!(claims("tweeted", "that the image was fake", false));
    }

    #[test]
    fn a_participle_after_its_noun_before_here_is_no_cue() {
        assert!(!claims("described", "here is an improvement", false));
        assert!(!claims("shown", "above has two parts", false));
        assert!(claims("said", "here is the deal", false));
        assert!(claims("described", "here the problems it had", false));
        assert!(claims("has described", "here is an improvement", false));
    }

    #[test]
    fn thinking_to_do_something_is_no_belief() {
        assert!(!claims("don't think", "to ask about bedding", false));
        assert!(!claims("thought", "to gather the crew", false));
        assert!(claims("thought", "the plan would work", false));
        assert!(claims(
            "thought",
            "to myself, surely the plan would work",
            false
        ));
        assert!(claims("thinks", "tomorrow will be worse", false));
    }

    #[test]
    fn questions_denials_of_knowledge_and_passive_subjects_claim_nothing() {
        let content = "the plan will work";
        // Questions and requests, negated cues that are no opinion, and
        // passives whose subject is what was said.
        for cue in [
            "asked",
            "also asking",
            "wondered",
            "began to wonder",
            "will ask",
            "did not disclose",
            "without saying",
            "didn’t know",
            "don't know",
            "would not completely rule out hopes of",
            "never expected",
            "cannot credit",
            "is not known",
            "is known for",
            "is best known for",
            "known as",
            "is considered",
            "is widely believed",
            "were told",
            "has been shown",
            "was said",
            "have been expected",
            "later were named",
        ] {
            assert!(!claims(cue, content, false), "{cue}");
        }
        // Opinions, negated or not; passives of a mind; a passive whose
        // source follows it ("it was reported by Reuters"); plain verbs.
        for cue in [
            "don’t think",
            "does not believe",
            "didn't agree",
            "think",
            "are worried",
            "is concerned",
            "was quoted",
            "was reported by",
            "told",
            "said",
            "knows",
            "noted",
            "is adamant",
        ] {
            assert!(claims(cue, content, false), "{cue}");
        }
        assert!(claims("was reported", content, true));
        assert!(!claims("was authored", content, true));
        assert!(!claims("was authored by", content, false));
        assert!(!claims("was asked", content, true));
        // Agreeing to something is consent, not an opinion.
        assert!(!claims("didn't agree", "to be part of it forever", false));
        // A bare phrase keeps its negation in the stored proposition.
        assert!(claims("wasn’t thrilled about", "the shift", false));
        // A question raised or pondered, not one answered.
        for (cue, content) in [
            ("can see", "what anomalies we would have discovered"),
            ("know", "how to stay in touch without Facebook"),
            ("declined to say", "when the lander would be ready"),
            ("talked about", "how introverts can thrive online"),
            ("sending mixed signals about", "whether any levies will go"),
            ("repeatedly demanded", "how Andrew could be so sure"),
            ("questioned", "whether the count was right"),
        ] {
            assert!(!claims(cue, content, false), "{cue} {content}");
        }
        // Where it was said.
        for (cue, content) in [
            (
                "said Tuesday at",
                "the Vox Media’s Code Media conference in Hollywood",
            ),
            ("said during", "a rally"),
            ("citing", "a survey of 200 producers"),
        ] {
            assert!(!claims(cue, content, false), "{cue} {content}");
        }
        for (cue, content) in [
            ("explained", "why the lander was late"),
            ("said", "whether Trump will agree depends on the polls"),
            ("know", "that the plan will work"),
            ("talked about", "the plan and its cost"),
            ("demanded", "that the count be redone"),
            ("citing", "concerns that costs rose"),
        ] {
            assert!(claims(cue, content, false), "{cue} {content}");
        }
        // Odd cues: empty, punctuation only, a lone negation.
        for cue in ["", "—", "not", "n’t"] {
            assert!(claims(cue, content, false), "{cue:?}");
        }
    }

    #[test]
    fn a_negated_opinion_disputes_its_content() {
        for cue in [
            "don’t think",
            "does not believe",
            "never thought",
            "didn't agree",
        ] {
            assert!(disputes(cue, "the plan will work"), "{cue}");
        }
        for (cue, content) in [
            ("think", "the plan will work"),
            ("didn’t know", "the plan will work"),
            ("did not say", "the plan will work"),
            ("didn't agree", "to be part of it"),
            ("", ""),
        ] {
            assert!(!disputes(cue, content), "{cue} {content}");
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
            // A relative clause cut from its noun.
            "which it said crashed in Logar province",
            "which Chelsea hope to announce later today",
            "which … crashed in Logar province",
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
            // A question as the subject of a claim.
            "which program a charity works on matters most",
            "Which versions play on the radio will decide it",
        ] {
            assert!(has_something_to_check(content), "{content:?}");
        }
    }

    #[test]
    fn a_content_that_only_names_where_it_was_said_is_a_venue() {
        for venue in [
            "in a blog post",
            "in his book",
            "in the new paper, which was published online today (Nov. 18) in the journal Nature",
            "in a statement on Monday",
            "In her book “A Paradise Built in Hell: The Extraordinary Communities that Arise in Disaster,”",
            "in his essay \"Why Not\"",
        ] {
            assert!(is_venue(venue), "{venue:?}");
        }
        for claim in [
            "in a statement that the plant would close",
            "in the country after the US legalised gay marriage",
            "that the report was wrong",
            "on his own account, he occasioned me uneasiness",
            "in his book “Why Not” that the plan would fail",
            "“The plan will fail,” in his book",
        ] {
            assert!(!is_venue(claim), "{claim:?}");
        }
    }
}
