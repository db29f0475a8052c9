//! English patterns the learned model misses, applied after it.
//!
//! - **Made clear**: "X has made its ambition explicit: …", "X made clear
//!   that …" — X is the source, the rest of the sentence the content.
//! - **Continued account**: the sentence right after an "according to"
//!   attribution, in the same paragraph and attributed to nobody, goes on
//!   with the same source's account ("According to X, A. The aim is B."):
//!   it is credited to the same claimant, not to the author. Only one
//!   sentence is carried over, and not one that turns the argument ("But",
//!   "However", "I", "We"); and only after an account that opens with its
//!   source, not one that closes with it ("A, according to X.").
//! - **Signed quotes**: a line that is a quotation, or an embedded post,
//!   signed after a dash with a name — `“…” ― Sonya Herridge`,
//!   `… pic.twitter.com/x — Paul Ryan (@SpeakerRyan) July 5, 2016`: the dash
//!   is the cue, the name the source, the rest of the line the content.
//! - **Transcript turns**: a paragraph opened by a speaker's name in
//!   capitals and a colon (`PENCE: Well, look, …`, `KATE BOULDUAN: Why
//!   not debate?`): the colon is the cue, the name the source, the rest of
//!   the paragraph the content, with the paragraphs after it up to the
//!   next turn. The name must be a speaker's, not a label such as
//!   `CORRECTION:`, a dateline (`NEW DELHI:`) or a salutation (`DEAR
//!   ABBY:`): the text has turns of two speakers or more, and this one
//!   opens two turns or more or is written in lower case inside a
//!   sentence ("Pence").
//! - **Speakers after their words**: "Potholes form when water seeps into
//!   cracks, said Joe Carbone, who works for the Transportation
//!   Department." The tagger sometimes reads such a sentence the wrong way
//!   round, the name after the cue as the content and the words before it
//!   as the source. Where a speech verb follows a comma and is followed by
//!   nothing but a name (with its apposition) to the sentence's end, the
//!   name is the source and the sentence up to the comma the content. A
//!   time or an occasion after the name ("on Tuesday, November 19", "in
//!   a statement") is neither, and a report inside the words is nested
//!   in the speaker's.
//! - **Speakers before a closing cue**: "…, a second person briefed on
//!   last weekend's trade phone call said." The tagger sometimes cuts such
//!   a speaker ("call") or runs the content into it, or takes an occasion
//!   after the cue for the content ("…, Cook said while visiting
//!   Dreamforce."). Then the words from the sentence's last comma to the
//!   cue are the source, and the sentence up to that comma the content.
//! - **Subjects before a participle**: "Officials and producers
//!   interviewed for this report described …", "Economists polled by
//!   Reuters expect …". The tagger sometimes takes only the object of the
//!   preposition ("this report", "Reuters") for the source; who speaks is
//!   the subject the participle describes. Where a source stands right
//!   before its cue and right after "PARTICIPLE PREPOSITION", and a short
//!   noun phrase opens the sentence (or follows its last comma) before
//!   the participle, the source runs from that noun phrase.

use super::{AttributionKind, Found, RangeSet, Span};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

static MADE_CLEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<source>\b[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*)*)\s+
        (?P<cue>(?:has\s+|have\s+|had\s+)?made\s+
            (?:(?:its|his|her|their)\s+(?:[a-z]+\s+){0,2}?)?
            (?:clear|explicit|plain|known))
        \s*(?::|,|\bthat\b)?\s*",
    )
    .expect("a valid pattern")
});

/// A line ending in a dash and a signature: a name of capitalised words
/// (initials allowed), then optionally an `(@handle)` and a date.
static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<content>\S.*?)\s*
        (?P<cue>―|—|–|--)[\s\u{a0}]*
        (?P<source>\p{Lu}[\p{L}'’.-]*(?:[\s\u{a0}]+\p{Lu}[\p{L}'’.-]*){0,5})
        (?P<handle>[\s\u{a0}]*\(@\w+\))?
        (?:[\s\u{a0}]*\p{Lu}[a-z]+\.?\s+\d{1,2},\s+\d{4})?
        [\s\u{a0}.]*$",
    )
    .expect("a valid pattern")
});

/// The most a signature (dash, name, handle and date) takes at the end of
/// its line.
const MAX_SIGNATURE_BYTES: usize = 300;

const QUOTE_MARKS: &[char] = &['"', '“', '”', '‘', '’', '\'', '«', '»'];

const TURNS: &[&str] = &[
    "But",
    "However",
    "Yet",
    "Still",
    "I",
    "We",
    "Our",
    "My",
    "In",
    "This is not",
    "That is not",
];

/// The cues and contents of `found`, which the patterns must not take
/// again (built only once a pattern has matched: most texts match none).
fn taken_by(found: &[Found]) -> RangeSet {
    RangeSet::new(
        found
            .iter()
            .flat_map(|f| f.content.parts.iter().chain(&f.cue.parts).cloned()),
    )
}

/// "X made clear …" attributions not already found.
pub fn made_clear(text: &str, sentences: &[Range<usize>], found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    // The pattern opens with a name, so the regex engine has no literal to
    // skip ahead by; its one fixed word is looked for first.
    if !text.contains("made") {
        return out;
    }
    let mut taken = None;
    for sentence in sentences.iter().cloned() {
        let s = &text[sentence.clone()];
        if !s.contains("made") {
            continue;
        }
        for m in MADE_CLEAR.captures_iter(s) {
            let (Some(source), Some(cue), Some(all)) = (m.name("source"), m.name("cue"), m.get(0))
            else {
                continue;
            };
            let at = sentence.start;
            let cue_range = at + cue.start()..at + cue.end();
            let content = at + all.end()..sentence.end;
            let content_text = text[content.clone()].trim_end_matches(['.', '!', ';']);
            if content_text.split_whitespace().count() < 3
                || taken
                    .get_or_insert_with(|| taken_by(found))
                    .meets(&cue_range)
            {
                continue;
            }
            let content = content.start..content.start + content_text.len();
            out.push(Found {
                source: Some(Span::one(at + source.start()..at + source.end())),
                cue: Span::one(cue_range),
                content: Span::one(content),
                kind: AttributionKind::Indirect,
                claimant: Some(source.as_str().to_owned()),
                reporters: Vec::new(),
            });
        }
    }
    out
}

/// Quotations and embedded posts signed with a dash and a name, one per
/// line, not already found.
pub fn signed_quotes(text: &str, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut taken = None;
    for (start, body) in lines_at(text) {
        // Lines of a few hundred words at most: a signature ends a post.
        if body.len() > 4000 {
            continue;
        }
        // A signature is a dash and a few words at the end of the line:
        // most lines have no dash there, and the pattern is not run on them.
        let last_dash = body
            .rfind(['―', '—', '–'])
            .into_iter()
            .chain(body.rfind("--"))
            .max();
        if last_dash.is_none_or(|at| body.len() - at > MAX_SIGNATURE_BYTES) {
            continue;
        }
        let Some(m) = SIGNED.captures(body) else {
            continue;
        };
        let Some((source, cue, content)) = roles(&m) else {
            continue;
        };
        let c = content.as_str().trim_end();
        // A quotation in quotation marks, or a post signed with its handle;
        // never a dash inside a sentence ("— not even a fine —").
        let quoted = c.starts_with(QUOTE_MARKS) && c.ends_with(QUOTE_MARKS);
        if !(quoted || m.name("handle").is_some()) || c.split_whitespace().count() < 3 {
            continue;
        }
        let cue_range = start + cue.start()..start + cue.end();
        if taken
            .get_or_insert_with(|| taken_by(found))
            .meets(&cue_range)
        {
            continue;
        }
        let source_text = source.as_str().trim_end_matches('.');
        out.push(Found {
            source: Some(Span::one(
                start + source.start()..start + source.start() + source_text.len(),
            )),
            cue: Span::one(cue_range),
            content: Span::one(start + content.start()..start + content.start() + c.len()),
            kind: if quoted {
                AttributionKind::DirectQuote
            } else {
                AttributionKind::Indirect
            },
            claimant: Some(source_text.to_owned()),
            reporters: Vec::new(),
        });
    }
    out
}

/// A paragraph opened by a name in capitals and a colon: an optional
/// quotation mark, one to four words of capitals (two letters or more in
/// the last), the colon, the words said.
static TURN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^["“]?(?P<source>(?:\p{Lu}[\p{Lu}'’.-]*[ \u{a0}]){0,3}\p{Lu}[\p{Lu}'’-]*\p{Lu})(?P<cue>:)[ \u{a0}]+(?P<content>\S.*?)\s*$"#,
    )
    .expect("a valid pattern")
});

/// The longest paragraph read as a turn, in bytes.
const MAX_TURN_BYTES: usize = 20_000;

/// Most paragraphs after a turn that continue it.
const MAX_TURN_PARAGRAPHS: usize = 10;

/// Most speakers of one turn each whose name is looked for inside a
/// sentence of the text.
const MAX_NAMES_LOOKED_UP: usize = 64;

/// Speakers' turns in a transcript (see the module's header) not already
/// found.
pub fn transcript_turns(text: &str, found: &[Found]) -> Vec<Found> {
    struct Turn {
        /// Its line: where it starts and where its words end.
        line: Range<usize>,
        source: Range<usize>,
        cue: Range<usize>,
        content: Range<usize>,
    }
    let mut turns: Vec<Turn> = Vec::new();
    for (start, body) in lines_at(text) {
        // Most lines open with no capital letter and a second one.
        let mut chars = body.trim_start_matches(['"', '“']).chars();
        if body.len() > MAX_TURN_BYTES
            || !chars.next().is_some_and(char::is_uppercase)
            || !chars.next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        let Some((source, cue, content)) = TURN.captures(body).as_ref().and_then(roles) else {
            continue;
        };
        if content.as_str().split_whitespace().count() < 2 {
            continue;
        }
        turns.push(Turn {
            line: start..start + body.len(),
            source: start + source.start()..start + source.end(),
            cue: start + cue.start()..start + cue.end(),
            content: start + content.start()..start + content.end(),
        });
    }
    let surname = |t: &Turn| {
        text[t.source.clone()]
            .rsplit([' ', '\u{a0}'])
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    // A salutation ("DEAR ABBY:") is no speaker.
    turns.retain(|t| !text[t.source.clone()].starts_with("DEAR"));
    let mut turns_of: HashMap<String, usize> = HashMap::new();
    for t in &turns {
        *turns_of.entry(surname(t)).or_default() += 1;
    }
    // A transcript has two speakers or more; one name in capitals before
    // a colon is a dateline ("NEW DELHI:") or a label.
    if turns_of.len() < 2 {
        return Vec::new();
    }
    // Looking a name up in the text is linear in the text: a page of
    // thousands of capitalised labels looks up the first few only.
    let mut in_a_sentence: HashMap<String, bool> = HashMap::new();
    let taken = taken_by(found);
    let mut out = Vec::new();
    for (k, t) in turns.iter().enumerate() {
        let name = surname(t);
        let looked_up = in_a_sentence.len();
        let speaks = turns_of[&name] >= 2
            || *in_a_sentence.entry(name.clone()).or_insert_with(|| {
                looked_up < MAX_NAMES_LOOKED_UP
                    && written_inside_a_sentence(text, &title_case(&name))
            });
        if !speaks || taken.meets(&t.cue) || taken.meets(&t.source) {
            continue;
        }
        let mut parts = vec![t.content.clone()];
        // The paragraphs up to the next turn go on with this one, when
        // there is a next turn and nothing in brackets ("(CROSSTALK)")
        // comes between.
        if let Some(next) = turns.get(k + 1) {
            let from = t.line.end;
            let between: Vec<(usize, &str)> = lines_at(&text[from..next.line.start])
                .map(|(at, body)| (from + at, body))
                .collect();
            let plain = between
                .iter()
                .all(|(_, body)| !body.trim_start_matches(['"', '“']).starts_with(['(', '[']));
            let paragraphs: Vec<Range<usize>> = between
                .iter()
                .map(|&(at, body)| {
                    let lead = body.len() - body.trim_start_matches(['"', '“', ' ']).len();
                    at + lead..at + body.trim_end().len()
                })
                .filter(|r| r.start < r.end)
                .collect();
            if plain && paragraphs.len() <= MAX_TURN_PARAGRAPHS {
                parts.extend(paragraphs);
            }
        }
        let claimant = title_case(text[t.source.clone()].trim());
        out.push(Found {
            source: Some(Span::one(t.source.clone())),
            cue: Span::one(t.cue.clone()),
            content: Span { parts },
            kind: AttributionKind::DirectQuote,
            claimant: Some(claimant),
            reporters: Vec::new(),
        });
    }
    out
}

/// The `source`, `cue` and `content` groups a pattern matched.
fn roles<'h>(
    m: &regex::Captures<'h>,
) -> Option<(regex::Match<'h>, regex::Match<'h>, regex::Match<'h>)> {
    Some((m.name("source")?, m.name("cue")?, m.name("content")?))
}

/// The lines of `text`, each with the byte it starts at and without its
/// line break.
fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line.trim_end_matches(['\n', '\r'])))
    })
}

/// "PENCE" → "Pence", "KATE BOULDUAN" → "Kate Boulduan".
fn title_case(name: &str) -> String {
    name.split([' ', '\u{a0}'])
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `word` is written in `text` inside a sentence: after a word
/// or a comma, not at a sentence's or a line's head, where any word is
/// capitalised.
fn written_inside_a_sentence(text: &str, word: &str) -> bool {
    crate::text::find_all(text, word).into_iter().any(|at| {
        let after = text[at + word.len()..].chars().next();
        let before = text[..at].trim_end_matches([' ', '\u{a0}']);
        text[..at].ends_with([' ', '\u{a0}'])
            && !after.is_some_and(char::is_alphanumeric)
            && before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == ',')
    })
}

/// Speech verbs a speaker's name follows at a sentence's end ("…, said
/// Joe Carbone."). Not "told" nor "asked": the name after them is who was
/// spoken to.
const POSTPOSED_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "explained",
    "explains",
    "noted",
    "notes",
    "wrote",
    "writes",
    "recalled",
    "recalls",
    "argued",
    "argues",
    "insisted",
    "insists",
    "stated",
    "states",
];

/// A name opening a content: one to five capitalised words (a title's
/// abbreviation, initials and particles allowed), then a comma or the end.
static NAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt)\.\s)?\p{Lu}[\p{L}’'.-]*(?:\s(?:\p{Lu}[\p{L}’'.-]*|de|van|von|der|al|bin|da|la|le)){0,4}(?:,|$)",
    )
    .expect("valid regex")
});

/// A short noun phrase after a determiner, then a comma or the end:
/// "the company", "the World Health Organization", "the Ministry of
/// Commerce"; not a clause ("the Khan family deserved better": a past
/// form in lower case, or an auxiliary), nor an object with a preposition
/// ("the rule in the interview") or one of several ("writes a weekly
/// column and, since 2013, leads …"): no empty word
/// ([`super::worth::is_empty_word`]) but "of".
fn is_short_noun_phrase(name: &str) -> bool {
    let head = name.split(',').next().unwrap_or_default();
    let mut words = head.split_whitespace();
    let determiner = words
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"));
    let rest: Vec<&str> = words.collect();
    determiner
        && (1..=4).contains(&rest.len())
        && rest.iter().all(|w| {
            let lower = w.to_lowercase();
            let lower = lower.trim_end_matches(['.', '!', '?']);
            !super::model::is_verb_auxiliary(lower)
                && (lower == "of" || !super::worth::is_empty_word(lower))
                && (w.starts_with(char::is_uppercase) || !lower.ends_with("ed"))
        })
}

/// The words after a postposed cue that the tagger gave to the content:
/// the content's last part when it starts right after the cue (all of a
/// content that follows the cue, or the second part of one it found on
/// both sides), or the end of a content that runs over the cue
/// ("Prices will rise, says Goldman Sachs." read as one content).
fn after_the_cue(text: &str, f: &Found) -> Option<Range<usize>> {
    let cue = f.cue.end();
    let last = f.content.parts.last()?;
    if last.start >= cue {
        return text
            .get(cue..last.start)?
            .trim()
            .is_empty()
            .then(|| last.clone());
    }
    if last.start >= f.cue.start() || last.end <= cue {
        return None;
    }
    let rest = text.get(cue..last.end)?;
    let gap = rest.len() - rest.trim_start().len();
    (cue + gap < last.end).then(|| cue + gap..last.end)
}

/// A time or an occasion at the end of a name read after its cue: "on
/// Monday", "last week", "on Tuesday, November 19", "in a statement".
static TIME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    let days = super::resolve::DAYS.join("|");
    let months = super::assertions::MONTHS.join("|");
    Regex::new(&format!(
        r"(?x)
        ,?\s+(?:
            (?:on\s+|last\s+|this\s+|early\s+|late\s+|earlier\s+|later\s+)?
            (?:{days}|week|month|year|weekend)
            (?:,?\s+(?:{months}|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{{1,2}}
                (?:,\s+\d{{4}})?)?
          | (?:in|on)\s+(?:a|an|its|his|her|their)\s+(?:written\s+|joint\s+|brief\s+)?
            (?:statement|interview|email|e-mail|tweet|post|release|call|briefing|speech)
        )\s*$"
    ))
    .expect("a valid pattern")
});

/// `range` of `text` without a [`TIME_TAIL`] at its end, when a name is
/// left before it: a capitalised word, or two words.
fn without_time_tail(text: &str, range: Range<usize>) -> Range<usize> {
    let words = &text[range.clone()];
    match TIME_TAIL.find(words) {
        Some(m)
            if words[..m.start()].split_whitespace().count() > 1
                || words.starts_with(char::is_uppercase) =>
        {
            range.start..range.start + m.start()
        }
        _ => range,
    }
}

/// Turns round the attributions the tagger read the wrong way in a
/// sentence that ends "…, said Name[, apposition]." or "…, says the
/// company." (see the module).
pub fn speakers_after_their_words(text: &str, sentences: &[Range<usize>], found: &mut [Found]) {
    // A speech verb after a comma: on most texts none, and then no
    // sentence or cue set is built.
    let candidates: Vec<usize> = (0..found.len())
        .filter(|&i| {
            let f = &found[i];
            !f.cue.is_empty()
                && !f.content.is_empty()
                && text[..f.cue.start()]
                    .trim_end()
                    .trim_end_matches(QUOTE_MARKS)
                    .ends_with(',')
                && POSTPOSED_CUES.contains(&f.cue.text(text).to_lowercase().as_str())
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let holding = |at: usize| sentence_holding(sentences, at);
    let is_name = |r: &Range<usize>| {
        let words = &text[r.clone()];
        NAME_FIRST.is_match(words) || is_short_noun_phrase(words)
    };
    for i in candidates {
        let f = &mut found[i];
        let cue_start = f.cue.start();
        let Some(sentence) = holding(cue_start) else {
            continue;
        };
        // The name: what the tagger gave the content after the cue, or
        // else the words from the cue to its sentence's end, when the
        // tagger took its content elsewhere (the next sentence's quotation
        // for "…, said Mary E. Lovely, an economist. “About 36% …”").
        // A time or an occasion after the name is neither name nor content
        // ("said the company on Monday", "said Amnesty International on
        // Tuesday, November 19", "said Li Wei in a statement").
        let named = |r: Range<usize>| {
            let name = without_time_tail(text, r.clone());
            is_name(&name).then_some((name, r.end))
        };
        let Some((name, name_end)) = after_the_cue(text, f).and_then(named).or_else(|| {
            let after = text.get(f.cue.end()..sentence.end)?;
            let start = f.cue.end() + after.len() - after.trim_start().len();
            let end = f.cue.end() + after.trim_end_matches(['.', '!', ' ']).len();
            (f.content.start() > sentence.end && start < end)
                .then_some(start..end)
                .and_then(named)
        }) else {
            continue;
        };
        let comma = text[..cue_start]
            .trim_end()
            .trim_end_matches(QUOTE_MARKS)
            .len()
            - 1;
        // The name and its apposition run to the end of a sentence: the
        // cue's, or one after it where a title's stop ended the cue's
        // ("said Lt. Matt Harris, …").
        let Some(last) = holding(name.end - 1) else {
            continue;
        };
        let rest = text
            .get(name_end.max(name.end)..last.end)
            .unwrap_or_default();
        if !rest
            .trim()
            .chars()
            .all(|c| ".!;".contains(c) || QUOTE_MARKS.contains(&c))
            || f.source.as_ref().is_some_and(|s| {
                // Before the cue in its sentence, or the name itself (the
                // tagger gave both roles to it).
                let before = s.end() <= cue_start && s.start() >= sentence.start;
                let the_name = s.start() >= name.start && s.end() <= name.end;
                !(before || the_name)
            })
            || comma < sentence.start
        {
            continue;
        }
        let opening = text[sentence.start..comma].len()
            - text[sentence.start..comma]
                .trim_start_matches(QUOTE_MARKS)
                .len();
        let words = sentence.start + opening..text[..comma].trim_end_matches(QUOTE_MARKS).len();
        // Another cue in the words is a report nested in this one
        // ("Information gathered … reveal …, said Amnesty International").
        if words.start >= words.end || text[words.clone()].split_whitespace().count() < 3 {
            continue;
        }
        // The name with its apposition, unless the tagger found the name
        // in it already ("Ms. Gil" of "Ms. Gil, with games of …").
        if f.source.as_ref().is_none_or(|s| s.start() < name.start) {
            let source_text = text[name.clone()].trim_end_matches(['.', ' ']);
            f.source = Some(Span::one(name.start..name.start + source_text.len()));
        }
        f.kind = if opening > 0 {
            AttributionKind::DirectQuote
        } else {
            AttributionKind::Indirect
        };
        f.content = Span::one(words);
    }
}

/// Words besides the subordinating conjunctions
/// ([`super::model::SUBORDINATORS`]) that open a clause of its own: a
/// stretch between a comma and a cue that holds one is no speaker ("…, but
/// he said").
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "or", "nor", "which", "who", "whom", "whose", "so", "yet", "where", "than",
    "that", "whether",
];

/// Words that open what may follow a closing cue without being its
/// content: a time, a place or an occasion ("…, Cook said while visiting
/// Dreamforce", "…, she said on Tuesday"), besides a weekday ("…, she
/// said Tuesday").
const ADJUNCT_OPENERS: &[&str] = &[
    "while",
    "when",
    "during",
    "after",
    "before",
    "at",
    "in",
    "on",
    "as",
    "last",
    "this",
    "from",
    "earlier",
    "later",
    "yesterday",
    "today",
];

/// Whether `cue`, lower-cased, is a verb of saying that may close a
/// sentence after its speaker: the postposed cues, and a few more that
/// rarely come before their speaker ("…, the source claimed").
fn is_closing_cue(cue: &str) -> bool {
    POSTPOSED_CUES.contains(&cue)
        || matches!(
            cue,
            "claimed"
                | "claims"
                | "warned"
                | "warns"
                | "continued"
                | "continues"
                | "acknowledged"
                | "admitted"
                | "conceded"
                | "predicted"
                | "observed"
                | "remarked"
                | "replied"
                | "responded"
                | "countered"
                | "asserted"
                | "maintained"
                | "contended"
        )
}

/// Mends the attributions of a sentence that ends "…, SPEAKER said[ on
/// Tuesday]." where the tagger cut the speaker or ran the content past
/// the comma ("…, a second person briefed on last weekend's trade phone
/// call said." read as "call" saying "… a second person briefed on …
/// phone"; "…, Cook said while visiting Salesforce's Dreamforce
/// conference." read as Cook saying "while visiting …"). The words
/// between the sentence's last comma and the cue are the speaker, the
/// sentence up to that comma the content.
pub fn speakers_before_a_closing_cue(text: &str, sentences: &[Range<usize>], found: &mut [Found]) {
    // On most texts no cue closes a sentence: then no cue set is built.
    let candidates: Vec<usize> = (0..found.len())
        .filter(|&i| {
            let f = &found[i];
            f.cue.parts.len() == 1
                && !f.content.is_empty()
                && is_closing_cue(&f.cue.text(text).to_lowercase())
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let cues = RangeSet::new(found.iter().flat_map(|f| f.cue.parts.clone()));
    for i in candidates {
        let f = &mut found[i];
        let (cue_start, cue_end) = (f.cue.start(), f.cue.end());
        let Some(sentence) = sentence_holding(sentences, cue_start) else {
            continue;
        };
        // After the cue: nothing, or a short adjunct with no clause of
        // its own (no "that", no comma, no quotation).
        let rest = text[cue_end..sentence.end.max(cue_end)]
            .trim()
            .trim_end_matches(|c: char| ".!".contains(c) || QUOTE_MARKS.contains(&c))
            .trim_end();
        let rest_words: Vec<String> = rest.split_whitespace().map(|w| w.to_lowercase()).collect();
        // "to" opens an adjunct when an addressee follows ("claimed to
        // the outlet"), not a verb ("said to avoid the area").
        let addressed = rest_words.first().is_some_and(|w| w == "to")
            && rest_words.get(1).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "reporters"
                        | "journalists"
                        | "me"
                        | "us"
                        | "him"
                        | "her"
                        | "them"
                        | "his"
                        | "its"
                        | "their"
                        | "our"
                )
            });
        let adjunct = rest_words.is_empty()
            || rest_words.len() <= 10
                && (addressed
                    || ADJUNCT_OPENERS.contains(&rest_words[0].as_str())
                    || crate::ingest::dates::WEEKDAYS.contains(&rest_words[0].as_str()))
                && !rest_words.iter().any(|w| w == "that")
                && !rest.contains([',', '"', '“', '”', '«', '»']);
        if !adjunct {
            continue;
        }
        // The speaker: from the last comma before the cue to the cue.
        let before = &text[sentence.start..cue_start];
        let Some(comma) = before.rfind(',').map(|i| sentence.start + i) else {
            continue;
        };
        let stretch = text[comma + 1..cue_start].trim();
        let speaker_start = comma
            + 1
            + (text[comma + 1..cue_start].len() - text[comma + 1..cue_start].trim_start().len());
        let speaker = speaker_start..speaker_start + stretch.len();
        let words: Vec<&str> = stretch.split_whitespace().collect();
        if words.is_empty()
            || !stretch.starts_with(char::is_alphanumeric)
            || words.len() > 15
            || stretch.contains(['"', '“', '”', '«', '»'])
            // "…, no matter what Google says", "…, Patriot failed as
            // predicted": a clause, not a speaker.
            || words.iter().any(|w| {
                let w = w.to_lowercase();
                CLAUSE_OPENERS.contains(&w.as_str())
                    || super::model::SUBORDINATORS.contains(&w.as_str())
                    || matches!(w.as_str(), "what" | "whatever" | "how" | "why")
            })
            || cues.meets(&speaker)
        {
            continue;
        }
        // The tagger's own reading is kept unless it is inconsistent: its
        // source inside the speaker's words but not all of them, or its
        // content running into the speaker or the words after the cue.
        let source_fits = f
            .source
            .as_ref()
            .is_none_or(|s| s.start() >= speaker.start && s.end() <= speaker.end);
        let source_cut = f
            .source
            .as_ref()
            .is_some_and(|s| s.start() > speaker.start && s.end() <= speaker.end);
        let after = cue_end..sentence.end;
        let content_astray = f
            .content
            .parts
            .iter()
            .any(|p| overlaps(p, &speaker) || overlaps(p, &after));
        if !source_fits || !(content_astray || source_cut) {
            continue;
        }
        // The content: what the tagger found before the comma, or else the
        // sentence up to it; and a quotation it found after the sentence
        // (the second half of a split quotation).
        let mut parts: Vec<Range<usize>> = f
            .content
            .parts
            .iter()
            .filter(|p| p.start < comma)
            .map(|p| p.start..p.end.min(comma))
            .collect();
        if parts.is_empty() {
            let opening = text[sentence.start..comma].len()
                - text[sentence.start..comma]
                    .trim_start_matches(QUOTE_MARKS)
                    .len();
            parts.push(sentence.start + opening..comma);
        }
        // Another cue in the content is a report nested in this one; a
        // content of a word or two is none.
        let words: usize = parts
            .iter()
            .map(|p| text[p.clone()].split_whitespace().count())
            .sum();
        if words < 3 {
            continue;
        }
        parts.extend(
            f.content
                .parts
                .iter()
                .filter(|p| p.start >= sentence.end)
                .cloned(),
        );
        f.source = Some(Span::one(speaker));
        f.content = Span { parts };
    }
}

/// Prepositions after a participle that describes a speaker ("polled
/// *by*", "interviewed *for*", "quoted *in*"). Not "on", "with", "from"
/// or "at", which follow a past tense at least as often ("Cruz's lawyers
/// relied on …", "The DOJ responded with …").
const PARTICIPLE_PREPOSITIONS: &[&str] = &["by", "for", "in"];

/// Participles that do not end in "-ed" but describe a speaker as well.
const IRREGULAR_PARTICIPLES: &[&str] = &["spoken", "known", "seen", "chosen", "given", "sent"];

/// Words that make the words before a participle a clause, not a noun
/// phrase ("the deal was opposed by …", "she has worked with …").
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "may", "might", "must", "should", "did", "do", "does", "not", "said", "says",
    "who", "which", "that", "when", "if", "as", "because", "while", "it", "he", "she", "they",
    "we", "i", "you",
];

/// Widens the sources that the tagger cut after a participle and its
/// preposition to the noun phrase the participle describes ("*this
/// report*" in "Officials and producers interviewed for this report
/// described …"; see the module).
pub fn subjects_before_a_participle(text: &str, sentences: &[Range<usize>], found: &mut [Found]) {
    for f in found.iter_mut() {
        let Some(source) = &f.source else { continue };
        if source.parts.len() != 1
            || source.end() > f.cue.start()
            || !text[source.end()..f.cue.start()].trim().is_empty()
        {
            continue;
        }
        let written = source.text(text);
        // "Politifact seized on *Trump’s* claim": a possessive before a
        // noun cue is the claimant itself.
        if super::names::without_possessive(&written).len() < written.trim().len() {
            continue;
        }
        // "a woman asked for *a photo and Clinton* said": a name after
        // "and" may be the cue's own subject, in a clause of its own.
        if written.rsplit_once(" and ").is_some_and(|(_, last)| {
            last.split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        }) {
            continue;
        }
        let Some(sentence) = sentence_holding(sentences, source.start()) else {
            continue;
        };
        if let Some(start) = subject_of_participle(text, sentence.start, source.start()) {
            f.source = Some(Span::one(start..source.end()));
        }
    }
}

/// Where the noun phrase starts that a participle and preposition just
/// before byte `at` describe, reading back no further than
/// `sentence_start` or the last comma, semicolon, colon or dash.
fn subject_of_participle(text: &str, sentence_start: usize, at: usize) -> Option<usize> {
    let before = &text[sentence_start..at];
    let mut words = before.split_whitespace().rev();
    let preposition = words.next()?;
    let participle = words.next()?;
    if !PARTICIPLE_PREPOSITIONS.contains(&preposition)
        || !(participle.len() > 4 && participle.ends_with("ed")
            || IRREGULAR_PARTICIPLES.contains(&participle))
        || !participle.chars().all(|c| c.is_ascii_lowercase())
    {
        return None;
    }
    // The phrase before the participle (each word ends its trimmed text).
    let through_participle = before.trim_end();
    let through_participle =
        through_participle[..through_participle.len() - preposition.len()].trim_end();
    let head = &through_participle[..through_participle.len() - participle.len()];
    let opens = head
        .rfind([',', ';', ':', '—', '–', '(', '“', '"'])
        .map_or(0, |k| {
            k + head[k..].chars().next().map_or(1, char::len_utf8)
        });
    let phrase = &head[opens..];
    let phrase_words: Vec<&str> = phrase.split_whitespace().collect();
    let first = phrase_words.first()?;
    if phrase_words.len() > 6
        || phrase_words.iter().any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            CLAUSE_WORDS.contains(&w.as_str()) || w.ends_with("ed") && w.len() > 4
        })
        || !first.starts_with(|c: char| c.is_alphanumeric())
        || matches!(*first, "and" | "but" | "or" | "And" | "But" | "Or")
    {
        return None;
    }
    Some(sentence_start + opens + (phrase.len() - phrase.trim_start().len()))
}

/// The sentence of `sentences` (in text order) that holds byte `at`,
/// found by halving, so that a text of thousands of attributions stays
/// linear.
fn sentence_holding(sentences: &[Range<usize>], at: usize) -> Option<Range<usize>> {
    let i = sentences.partition_point(|s| s.start <= at);
    i.checked_sub(1)
        .map(|i| sentences[i].clone())
        .filter(|s| at < s.end)
}

/// Whether two ranges share a byte.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The sentences that continue an "according to" account.
pub fn continued_accounts(text: &str, sentences: &[Range<usize>], found: &[Found]) -> Vec<Found> {
    if !found.iter().any(|f| f.kind == AttributionKind::AccordingTo) {
        return Vec::new();
    }
    let all = sentences;
    let mut out = Vec::new();
    let taken = taken_by(found);
    // Only an account that opens with its source ("According to X, A.")
    // frames what follows; one that closes with it ("A, according to X.")
    // has ended, and the next sentence is the writer's again.
    for f in found
        .iter()
        .filter(|f| f.kind == AttributionKind::AccordingTo && f.cue.start() < f.content.start())
    {
        let end = f.content.end().max(f.cue.end());
        // The sentence that holds the attribution, then the next one.
        let Some(i) = all
            .iter()
            .position(|s| s.start <= f.cue.start() && f.cue.start() < s.end.max(s.start + 1))
        else {
            continue;
        };
        let Some(next) = all.get(i + 1) else { continue };
        let between = &text[end.min(next.start)..next.start];
        let s = &text[next.clone()];
        if between.contains('\n')
            || TURNS.iter().any(|t| s.starts_with(&format!("{t} ")))
            || taken.meets(next)
            || s.split_whitespace().count() < 4
        {
            continue;
        }
        out.push(Found {
            source: None,
            cue: Span::default(),
            content: Span::one(next.clone()),
            kind: AttributionKind::AccordingTo,
            claimant: f.claimant.clone(),
            reporters: f.reporters.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences the English taggers read, as `find` passes them.
    fn sentences(text: &str) -> Vec<Range<usize>> {
        super::super::tokens::tokenize(text).sentence_bytes()
    }

    /// An indirect attribution of `text` as the tagger read it: the first
    /// `source`, `cue` and `content` written there.
    fn read_in(text: &str, source: Option<&str>, cue: &str, content: &str) -> Found {
        Found {
            source: source.map(|s| Span::first_in(text, s)),
            cue: Span::first_in(text, cue),
            content: Span::first_in(text, content),
            kind: AttributionKind::Indirect,
            claimant: None,
            reporters: Vec::new(),
        }
    }

    /// The sources and contents of `found`, as text ("" for no source).
    fn roles_of(text: &str, found: &[Found]) -> Vec<(String, String)> {
        found
            .iter()
            .map(|f| {
                (
                    f.source.as_ref().map_or(String::new(), |s| s.text(text)),
                    f.content.text(text),
                )
            })
            .collect()
    }

    #[test]
    fn a_speaker_named_after_the_words_is_their_source() {
        let text = "Potholes form when water seeps into cracks, said Joe Carbone, who works for the city. \
                    “The evidence has weakened,” said Eva Persson. \
                    Officers arrested Ann Burton after a stop, said Lt. Matt Harris, a spokesman. \
                    Quotas will rise, said Li Wei on Tuesday in a statement to reporters. \
                    Kim said Beijing will act.";
        // An attribution of `text` as the tagger read it: its cue is the
        // word "said" before `content`.
        let read = |source: Option<&str>, content: &str| {
            let content = Span::first_in(text, content);
            let cue = text[..content.start()].rfind("said").unwrap();
            Found {
                source: source.map(|s| Span::first_in(text, s)),
                cue: Span::one(cue..cue + 4),
                content,
                kind: AttributionKind::Indirect,
                claimant: None,
                reporters: Vec::new(),
            }
        };
        let mut found = vec![
            // The name as content, the words (or nothing, or the name
            // itself) as source.
            read(
                Some("water seeps into cracks"),
                "Joe Carbone, who works for the city",
            ),
            read(None, "Eva Persson"),
            read(
                Some("Lt. Matt Harris, a spokesman"),
                "Lt. Matt Harris, a spokesman",
            ),
            // Not a name to the sentence's end, and read the right way
            // round: left alone.
            read(
                Some("Quotas"),
                "Li Wei on Tuesday in a statement to reporters",
            ),
            read(Some("Kim"), "Beijing will act"),
        ];
        let untouched = found[3..].to_vec();
        speakers_after_their_words(text, &sentences(text), &mut found);
        let roles = |f: &Found| {
            (
                f.source.as_ref().map(|s| s.text(text)),
                f.content.text(text),
                f.kind,
            )
        };
        let turned =
            |source: &str, content: &str, kind| (Some(source.to_owned()), content.to_owned(), kind);
        assert_eq!(
            roles(&found[0]),
            turned(
                "Joe Carbone, who works for the city",
                "Potholes form when water seeps into cracks",
                AttributionKind::Indirect
            )
        );
        assert_eq!(
            roles(&found[1]),
            turned(
                "Eva Persson",
                "The evidence has weakened",
                AttributionKind::DirectQuote
            )
        );
        // The title's stop ends a sentence for the splitter.
        assert_eq!(
            roles(&found[2]),
            turned(
                "Lt. Matt Harris, a spokesman",
                "Officers arrested Ann Burton after a stop",
                AttributionKind::Indirect
            )
        );
        assert_eq!(found[3..], untouched[..]);
    }

    #[test]
    fn a_short_noun_phrase_or_a_content_over_the_cue_is_turned_round_too() {
        let text = "The plant will close in March, says the company. \
                    Prices will rise again, said Goldman Sachs. \
                    Plague is fatal, says WHO. \
                    The team lost, said the Khan family deserved better. \
                    Ivanka Trump, his daughter, explained the rule in the interview.";
        let read =
            |source: Option<&str>, cue: &str, content: &str| read_in(text, source, cue, content);
        let mut found = vec![
            read(
                Some("The plant will close in March"),
                "says the",
                "the company",
            ),
            read(
                None,
                "said Goldman",
                "Prices will rise again, said Goldman Sachs",
            ),
            read(None, "says WHO", "Plague is fatal, says WHO"),
            read(
                Some("The team lost"),
                "said the Khan",
                "the Khan family deserved better",
            ),
            read(
                Some("Ivanka Trump, his daughter"),
                "explained",
                "the rule in the interview",
            ),
        ];
        // Found on both sides of the cue, as two parts.
        found[2].content = Span {
            parts: vec![
                Span::first_in(text, "Plague is fatal,").parts[0].clone(),
                Span::first_in(text, "WHO.").parts[0].clone(),
            ],
        };
        for f in &mut found {
            let word = f.cue.start()
                ..f.cue.start() + f.cue.text(text).find(' ').unwrap_or(f.cue.text(text).len());
            f.cue = Span::one(word);
        }
        let untouched = found[3..].to_vec();
        speakers_after_their_words(text, &sentences(text), &mut found);
        let roles = roles_of(text, &found);
        assert_eq!(
            roles[..3],
            [
                ("the company", "The plant will close in March"),
                ("Goldman Sachs", "Prices will rise again"),
                ("WHO", "Plague is fatal"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        assert_eq!(found[3..], untouched[..]);
    }

    #[test]
    fn a_time_after_a_postposed_name_and_a_report_in_the_words_are_read_through() {
        let text = "Footage and testimony reveal a pattern of killings in 100 cities, \
                    said Amnesty International on Tuesday, November 19. \
                    The plant will close in March, said the company in a statement.";
        let read =
            |source: &str, cue: &str, content: &str| read_in(text, Some(source), cue, content);
        let mut found = vec![
            read(
                "Footage and testimony",
                "reveal",
                "a pattern of killings in 100 cities",
            ),
            read(
                "100 cities",
                "said Amnesty",
                "Amnesty International on Tuesday, November 19",
            ),
            read(
                "The plant will close in March",
                "said the",
                "the company in a statement",
            ),
        ];
        for f in &mut found[1..] {
            let word = f.cue.start()..f.cue.start() + 4;
            f.cue = Span::one(word);
        }
        speakers_after_their_words(text, &sentences(text), &mut found);
        let roles = roles_of(text, &found[1..]);
        assert_eq!(
            roles,
            [
                (
                    "Amnesty International",
                    "Footage and testimony reveal a pattern of killings in 100 cities"
                ),
                ("the company", "The plant will close in March"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        let tail = |t: &str| t[without_time_tail(t, 0..t.len())].to_owned();
        assert_eq!(tail("Li Wei last week"), "Li Wei");
        assert_eq!(tail("the ministry on Monday"), "the ministry");
        assert_eq!(tail("Ms. May"), "Ms. May");
        assert_eq!(tail("on Monday"), "on Monday");
    }

    #[test]
    fn a_source_cut_after_a_participle_runs_from_the_subject_it_describes() {
        let text = "Officials and producers interviewed for this report described a fast-growing \
                    industry. Early results of exit polls conducted by Edison Research show a lead. \
                    Economists polled by Reuters expect a cut. \
                    The DOJ responded with the lawsuit Lynch announced. \
                    Politifact seized by Trump’s claim that taxes rose. \
                    Once, a woman asked for a photo and Clinton said no. \
                    The deal was opposed by lawmakers said to be angry.";
        let mut found = vec![
            read_in(
                text,
                Some("this report"),
                "described",
                "a fast-growing industry",
            ),
            read_in(text, Some("Edison Research"), "show", "a lead"),
            read_in(text, Some("Reuters"), "expect", "a cut"),
            // A past tense before "with", a possessive before a noun cue, a
            // name after "and", a passive: left alone.
            read_in(text, Some("the lawsuit Lynch"), "announced", "the lawsuit"),
            read_in(text, Some("Trump’s"), "claim", "that taxes rose"),
            read_in(text, Some("a photo and Clinton"), "said no", "no"),
            read_in(text, Some("lawmakers"), "said to", "to be angry"),
        ];
        subjects_before_a_participle(text, &sentences(text), &mut found);
        let sources: Vec<String> = roles_of(text, &found).into_iter().map(|(s, _)| s).collect();
        assert_eq!(
            sources,
            [
                "Officials and producers interviewed for this report",
                "Early results of exit polls conducted by Edison Research",
                "Economists polled by Reuters",
                "the lawsuit Lynch",
                "Trump’s",
                "a photo and Clinton",
                "lawmakers",
            ]
        );
        // And through `find`, the claimant is the described subject.
        let text = "Officials and producers interviewed for this report described a fast-growing \
                    industry that turns out hundreds of episodes every week.";
        let found = super::super::find(
            text,
            Some("en"),
            super::super::Options {
                author_assertions: false,
            },
        );
        assert!(
            found.iter().any(|f| f.claimant.as_deref()
                == Some("Officials and producers interviewed for this report")),
            "{found:?}"
        );
    }

    #[test]
    fn a_speaker_between_the_last_comma_and_a_closing_cue_is_whole() {
        let text = "The deal is not good for Trump, a person briefed on the phone call said. \
                    Users came, forcing Apple to adapt, Cook said while visiting Dreamforce. \
                    Swift ignored his calls, the source claimed to the outlet. \
                    YouTubers must unionize, no matter what Google says. \
                    In July 2012, Patriot failed as predicted. \
                    Prices rose in May, Ann Lee said. \
                    “We lost,” she said. “We will win.”";
        let found_as = |source: Option<&str>, cue: &str, content: &[&str]| Found {
            source: source.map(|s| Span::first_in(text, s)),
            cue: Span::first_in(text, cue),
            content: Span {
                parts: content
                    .iter()
                    .map(|c| Span::first_in(text, c).parts[0].clone())
                    .collect(),
            },
            kind: AttributionKind::Indirect,
            claimant: None,
            reporters: Vec::new(),
        };
        let mut found = vec![
            // The tagger's readings: a cut source and a content into it; a
            // content after the cue that is only an occasion or an
            // addressee.
            found_as(
                Some("call"),
                "said",
                &["The deal is not good for Trump, a person briefed on the phone"],
            ),
            found_as(Some("Cook"), "said while", &["while visiting Dreamforce"]),
            found_as(Some("the source"), "claimed", &["to the outlet"]),
            // A clause before the cue, not a speaker: left alone.
            found_as(Some("Google"), "says", &["YouTubers must unionize"]),
            found_as(None, "predicted", &["In July 2012, Patriot failed as"]),
            // Read right already, or a split quotation: left alone.
            found_as(Some("Ann Lee"), "said. “We", &["Prices rose in May"]),
            found_as(
                Some("she"),
                "said. “We w",
                &["“We lost,”", "“We will win.”"],
            ),
        ];
        for f in &mut found {
            let word = f.cue.start()
                ..f.cue.start()
                    + f.cue
                        .text(text)
                        .find([' ', '.'])
                        .unwrap_or(f.cue.text(text).len());
            f.cue = Span::one(word);
        }
        let untouched = found[3..].to_vec();
        speakers_before_a_closing_cue(text, &sentences(text), &mut found);
        let roles = roles_of(text, &found[..3]);
        assert_eq!(
            roles,
            [
                (
                    "a person briefed on the phone call",
                    "The deal is not good for Trump"
                ),
                ("Cook", "Users came, forcing Apple to adapt"),
                ("the source", "Swift ignored his calls"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        assert_eq!(found[3..], untouched[..]);
    }

    #[test]
    fn thousands_of_speakers_after_their_words_are_each_turned_round() {
        // Each attribution finds its sentence by halving: a long text of
        // them is read in one pass, not once per attribution.
        let one = "Prices rose in May, said Ann Lee. ";
        let text = one.repeat(5_000);
        let mut found: Vec<Found> = (0..5_000)
            .map(|k| {
                let at = k * one.len();
                let (cue, name) = (
                    at + one.find("said").unwrap(),
                    at + one.find("Ann").unwrap(),
                );
                Found {
                    source: Some(Span::one(at..at + 6)),
                    cue: Span::one(cue..cue + 4),
                    content: Span::one(name..name + 7),
                    kind: AttributionKind::Indirect,
                    claimant: None,
                    reporters: Vec::new(),
                }
            })
            .collect();
        speakers_after_their_words(&text, &sentences(&text), &mut found);
        assert!(found.iter().all(|f| {
            f.source.as_ref().map(|s| s.text(&text)).as_deref() == Some("Ann Lee")
                && f.content.text(&text) == "Prices rose in May"
        }));
        // And a cut speaker before its closing cue, as many times.
        let one = "Prices rose in May, a person briefed on the call said. ";
        let text = one.repeat(5_000);
        let mut found: Vec<Found> = (0..5_000)
            .map(|k| {
                let at = k * one.len();
                let (cue, call) = (
                    at + one.find("said").unwrap(),
                    at + one.find("call").unwrap(),
                );
                Found {
                    source: Some(Span::one(call..call + 4)),
                    cue: Span::one(cue..cue + 4),
                    content: Span::one(at..call - 1),
                    kind: AttributionKind::Indirect,
                    claimant: None,
                    reporters: Vec::new(),
                }
            })
            .collect();
        speakers_before_a_closing_cue(&text, &sentences(&text), &mut found);
        assert!(found.iter().all(|f| {
            f.source.as_ref().map(|s| s.text(&text)).as_deref()
                == Some("a person briefed on the call")
                && f.content.text(&text) == "Prices rose in May"
        }));
    }

    #[test]
    fn made_clear_names_its_source_and_content() {
        let text = "The Ministry of Commerce has made its position clear: tariffs on films will stay. \
                    Nobody made anything.";
        let got = made_clear(text, &sentences(text), &[]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].claimant.as_deref(), Some("The Ministry of Commerce"));
        assert_eq!(got[0].content.text(text), "tariffs on films will stay");
        assert_eq!(got[0].cue.text(text), "has made its position clear");
        let text = "Last week officials made clear that quotas would rise next year.";
        assert!(
            made_clear(text, &sentences(text), &[]).is_empty(),
            "a lower-case source is the model's business"
        );
        let text = "Xinhua made clear that quotas would rise next year.";
        assert_eq!(
            made_clear(text, &sentences(text), &[])[0]
                .content
                .text(text),
            "quotas would rise next year"
        );
    }

    #[test]
    fn quotes_and_posts_signed_with_a_dash_are_attributed_to_the_signature() {
        let text = "Readers wrote in.\n\
                    “He represents our greatest shame.” ― Sonya Herridge\n\
                    “He is ignorant of our culture.”―\u{a0}Julie A. Diaz Martinez.\n\
                    No one should be above the law. pic.twitter.com/Oq — Paul Ryan (@SpeakerRyan) July 5, 2016\n\
                    The court didn’t bring a single case — not even a fine — against them.\n\
                    The plan — Beijing\n";
        let got = signed_quotes(text, &[]);
        let names: Vec<_> = got.iter().map(|f| f.claimant.clone().unwrap()).collect();
        assert_eq!(
            names,
            ["Sonya Herridge", "Julie A. Diaz Martinez", "Paul Ryan"]
        );
        assert_eq!(
            got[0].content.text(text),
            "“He represents our greatest shame.”"
        );
        assert_eq!(got[0].cue.text(text), "―");
        assert_eq!(got[0].kind, AttributionKind::DirectQuote);
        assert_eq!(
            got[2].content.text(text),
            "No one should be above the law. pic.twitter.com/Oq"
        );
        assert_eq!(got[2].source.as_ref().unwrap().text(text), "Paul Ryan");
        // Already found by the model: not again.
        assert_eq!(signed_quotes(text, &got).len(), 0);
        // Hostile input: an opened quotation of 100,000 words and a dash.
        let long = format!("“{}” — ", "word ".repeat(100_000));
        assert!(signed_quotes(&long, &[]).is_empty());
    }

    #[test]
    fn a_transcript_s_turns_are_attributed_to_their_speakers() {
        let text = "Mike Pence sat down with Chris Wallace.\n\n\
                    \"WALLACE: Will she be there tomorrow night?\n\n\
                    \"PENCE: Well, look, she will not be attending.\n\n\
                    \"We made that clear on Sunday.\n\n\
                    \"WALLACE: Do you really see those two as equal?\n\n\
                    \"(CROSSTALK.)\n\n\
                    \"PENCE: And that is why he is on his way.\n\n\
                    Follow the debate here.";
        let got = transcript_turns(text, &[]);
        let names: Vec<_> = got.iter().map(|f| f.claimant.clone().unwrap()).collect();
        assert_eq!(names, ["Wallace", "Pence", "Wallace", "Pence"]);
        assert_eq!(got[0].cue.text(text), ":");
        assert_eq!(got[0].source.as_ref().unwrap().text(text), "WALLACE");
        assert_eq!(got[0].kind, AttributionKind::DirectQuote);
        // The paragraph after a turn goes on with it, up to the next turn;
        // not past a bracketed aside, nor after the last turn.
        assert_eq!(
            got[1].content.text(text),
            "Well, look, she will not be attending. … We made that clear on Sunday."
        );
        assert_eq!(
            got[2].content.text(text),
            "Do you really see those two as equal?"
        );
        assert_eq!(
            got[3].content.text(text),
            "And that is why he is on his way."
        );
        // Already found by the model: not again.
        assert!(transcript_turns(text, &got).is_empty());
        // Labels, datelines and salutations are no speakers: one name in
        // capitals alone, or a label the text never writes in a sentence.
        for text in [
            "NEW DELHI: Nearly 150 people returned home on Wednesday.\nThey flew from New Delhi.",
            "DEAR ABBY: My husband left.\n\nDEAR ABBY: My sister called.\n\nDEAR READER: Call her.",
            "CORRECTION: An earlier version misspelled a name.\nUPDATE: The vote was moved.",
            "Q: Why now?\nA: Because it is time.",
        ] {
            assert!(transcript_turns(text, &[]).is_empty(), "{text}");
        }
        // Hostile input stays linear: 20,000 speakers of one turn each,
        // none of them named in a sentence...
        let labels: String = (0..20_000u32)
            .map(|k| {
                let name: String = (0..4)
                    .map(|d| char::from(b'A' + (k / 26u32.pow(d) % 26) as u8))
                    .collect();
                format!("{name}Q: word word\n")
            })
            .collect();
        assert!(transcript_turns(&labels, &[]).is_empty());
        // ... and 40,000 turns of two.
        let long = format!(
            "{}\n",
            "PENCE: word word\nWALLACE: word word\n".repeat(20_000)
        );
        assert_eq!(transcript_turns(&long, &[]).len(), 40_000);
    }

    #[test]
    fn an_according_to_account_continues_for_one_sentence_of_its_paragraph() {
        let text = "According to Xinhua, exports doubled. The goal is bigger: ten markets by 2030. \
                    A third sentence follows.\nAnother paragraph starts.";
        let cue = text.find("According to").unwrap();
        let content = text.find("exports doubled").unwrap();
        let f = Found {
            source: None,
            cue: Span::one(cue..cue + 12),
            content: Span::one(content..content + 15),
            kind: AttributionKind::AccordingTo,
            claimant: Some("Xinhua".into()),
            reporters: Vec::new(),
        };
        let got = continued_accounts(text, &sentences(text), std::slice::from_ref(&f));
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].content.text(text),
            "The goal is bigger: ten markets by 2030."
        );
        assert_eq!(got[0].claimant.as_deref(), Some("Xinhua"));
        // Not across a paragraph, not a turn of argument.
        let text2 =
            "According to Xinhua, exports doubled.\nThe goal is bigger: ten markets by 2030.";
        assert!(continued_accounts(text2, &sentences(text2), std::slice::from_ref(&f)).is_empty());
        let text3 =
            "According to Xinhua, exports doubled. But the goal is bigger than ten markets.";
        assert!(continued_accounts(text3, &sentences(text3), &[f]).is_empty());
        // Nor after an account that closes with its source.
        let text4 =
            "Exports doubled, according to Xinhua. The goal is bigger: ten markets by 2030.";
        let cue = text4.find("according to").unwrap();
        let closing = Found {
            source: None,
            cue: Span::one(cue..cue + 12),
            content: Span::one(0..15),
            kind: AttributionKind::AccordingTo,
            claimant: Some("Xinhua".into()),
            reporters: Vec::new(),
        };
        assert!(continued_accounts(text4, &sentences(text4), &[closing]).is_empty());
    }
}
