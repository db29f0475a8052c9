//! After the taggers: who the claimant of each attribution is. Pronoun
//! sources ("he said", "the company said") resolve to the last named source
//! that fits ("the ministry said" to one whose name holds "ministry"), a
//! document or a spokesperson to the body it speaks for, and an attribution
//! whose cue lies inside another's content gets that other's claimant (and
//! its reporters) as its reporter chain.

use super::Found;
use super::gender::{self, Gender};
use crate::text::{ceil_char_boundary, floor_char_boundary};
use regex::Regex;
use std::sync::LazyLock;

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "his", "i", "me", "who"];
const GROUP_PRONOUNS: &[&str] = &["they", "them", "their", "it", "its", "we", "us", "which"];
const GENERIC_HEADS: &[&str] = &[
    "company",
    "ministry",
    "agency",
    "department",
    "government",
    "administration",
    "group",
    "organization",
    "organisation",
    "newspaper",
    "paper",
    "outlet",
    "firm",
    "campaign",
    "committee",
    "bureau",
    "office",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "report",
    "study",
    "survey",
    "statement",
];
const ORGANISATION_WORDS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "administration",
    "office",
    "bureau",
    "commission",
    "committee",
    "council",
    "association",
    "post",
    "times",
    "news",
    "press",
    "journal",
    "reuters",
    "xinhua",
    "company",
    "inc",
    "corp",
    "group",
    "university",
    "institute",
    "party",
    "government",
    "campaign",
    "court",
    "congress",
    "senate",
    "house",
    "board",
    "bank",
    "fund",
    "network",
    "daily",
    "tribune",
    "herald",
    "review",
    "media",
    "police",
    "authority",
    "authorities",
    "organization",
    "organisation",
    "union",
    "federation",
    "foundation",
    "center",
    "centre",
    "service",
    "corporation",
    "society",
    "parliament",
    "assembly",
    "embassy",
    "league",
    "nations",
    "white",
    "cnn",
    "bbc",
    "nbc",
    "abc",
    "cbs",
    "fox",
    "ap",
    "afp",
];

/// What a source that needs a name behind it refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anaphor {
    /// A pronoun: "he" (a person) or "they", "it" (not necessarily).
    Pronoun {
        person: bool,
        gender: Option<Gender>,
    },
    /// A description by its head noun: "the ministry", "the company".
    Description { head: &'static str, person: bool },
}

/// Is this source a pronoun or a description that needs a name behind it
/// ("he", "the company", "the ministry")?
fn needs_antecedent(source: &str) -> Option<Anaphor> {
    let lower = as_pronoun(source)?;
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(super::tokens::without_contraction)
        .collect();
    match words.as_slice() {
        [w] if PERSON_PRONOUNS.contains(w) => Some(Anaphor::Pronoun {
            person: true,
            gender: gender::of_pronoun(w),
        }),
        [w] if GROUP_PRONOUNS.contains(w) => Some(Anaphor::Pronoun {
            person: false,
            gender: None,
        }),
        ["the", rest @ ..] | ["this", rest @ ..] | ["that", rest @ ..] if rest.len() == 1 => {
            let head = GENERIC_HEADS.iter().find(|h| **h == rest[0])?;
            Some(Anaphor::Description {
                head,
                person: matches!(
                    *head,
                    "spokesman" | "spokeswoman" | "spokesperson" | "official"
                ),
            })
        }
        _ => None,
    }
}

/// Heads of descriptions that an institution's name holds ("the
/// ministry": the Ministry of Commerce, "the administration": the
/// National Radio and Television Administration), or its acronym.
const NAMED_HEADS: &[&str] = &[
    "ministry",
    "agency",
    "department",
    "administration",
    "committee",
    "bureau",
    "office",
];

/// Does a named source look like an organisation rather than a person?
pub(super) fn looks_organisational(name: &str) -> bool {
    let lower = name.to_lowercase();
    // An acronym is one word, "the FBI" too.
    let bare = ["the ", "The "]
        .iter()
        .find_map(|the| name.strip_prefix(the))
        .unwrap_or(name);
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ORGANISATION_WORDS.contains(&w))
        || bare.chars().filter(|c| c.is_uppercase()).count() >= 2
            && !bare.contains(' ')
            && !is_capitalised_surname(bare)
}

/// Whether `word` is a surname written with a second capital after its
/// prefix ("McDonald", "MacArthur", "DeSantis", "DiCaprio", "LaGuardia",
/// "O'Brien"): a person's, not a brand's ("YouTube", "McDonald's") or an
/// acronym.
fn is_capitalised_surname(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "Mc", "Mac", "O'", "O’", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St",
    ];
    PREFIXES.iter().any(|prefix| {
        word.strip_prefix(prefix).is_some_and(|rest| {
            let mut chars = rest.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.clone().count() >= 2
                && chars.all(char::is_lowercase)
        })
    })
}

/// Words that are capitalised at the head of a sentence but name nobody
/// on their own ("That", "Some", "Another"; "Some members of Congress" is
/// a name); nor do months and days ("in March, which …").
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "that",
    "this",
    "these",
    "those",
    "another",
    "other",
    "others",
    "some",
    "many",
    "most",
    "both",
    "each",
    "all",
    "any",
    "few",
    "several",
    "such",
    "one",
    "none",
    "no",
    "nobody",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "anyone",
    "what",
    "which",
    "who",
    "whom",
    "like",
    "our",
    "my",
    "your",
    "their",
    "its",
    "his",
    "her",
];

/// Is this a name at all (capitalised, not a pronoun nor a determiner)?
fn is_name(source: &str) -> bool {
    let s = source
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or_default();
    let alone = words.next().is_none();
    needs_antecedent(source).is_none()
        && !(alone
            && (NOT_NAMES.contains(&first.to_lowercase().as_str())
                || crate::ingest::dates::is_month_or_weekday(first)))
        && first
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_ascii())
}

/// Is this a description of a thing, not of a person ("This graphic",
/// "the new study", "A video posted online")? Its head, the last word
/// before "of", "for", "at", "in", "from" or a comma, must look like a word
/// for people for "he" or "she" to refer to it: one of [`PERSON_HEADS`],
/// or an agent noun's ending ("researcher", "economist", "resident").
fn describes_a_thing(phrase: &str) -> bool {
    if !is_description(phrase) {
        return false;
    }
    let head = head_word(phrase).to_lowercase();
    let singular = head
        .strip_suffix("men")
        .map(|stem| format!("{stem}man"))
        .or_else(|| {
            head.strip_suffix('s')
                .filter(|stem| stem.len() > 2 && !stem.ends_with('s'))
                .map(str::to_owned)
        })
        .unwrap_or_else(|| head.clone());
    let documented = DOCUMENTS.contains(&head.as_str()) || DOCUMENTS.contains(&singular.as_str());
    let personal = PERSON_HEADS.contains(&singular.as_str())
        || PERSON_ENDINGS.iter().any(|e| singular.ends_with(e));
    documented || !personal
}

/// The head of a phrase: its last word before "of", "for", "at", "in",
/// "from", "with", "to", a comma or a parenthesis, as written.
fn head_word(phrase: &str) -> &str {
    phrase
        .split([',', '('])
        .next()
        .unwrap_or(phrase)
        .split(' ')
        .take_while(|w| !matches!(*w, "of" | "for" | "at" | "in" | "from" | "with" | "to"))
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether `phrase` names no one in particular: "No one knew …",
/// "Everyone agreed …". A pronoun after it refers to someone else ("No
/// one knew … “I cannot believe it,” she said").
fn names_no_one(phrase: &str) -> bool {
    let lower = phrase.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(
        words.as_slice(),
        ["no", "one", ..]
            | [
                "nobody" | "none" | "nothing" | "everyone" | "everybody" | "anyone" | "anybody",
                ..
            ]
    )
}

/// Whether a phrase names many, by a plural common noun as its head
/// ("Former royal PR aides", "Israeli courts", "President Trump’s
/// advisers"): no one "he" or "she" refers to. A capitalised head may be
/// a surname ("Williams"), so only a lower-case one counts.
fn names_many(phrase: &str) -> bool {
    let head = head_word(phrase);
    head.chars().next().is_some_and(char::is_lowercase)
        && (head.ends_with('s')
            && !["ss", "us", "is", "news", "ics"]
                .iter()
                .any(|e| head.ends_with(e))
            && head.chars().count() > 3
            || matches!(head, "people" | "men" | "women" | "children"))
}

/// Words for people that no agent noun's ending marks ([`describes_a_thing`]).
const PERSON_HEADS: &[&str] = &[
    "official",
    "source",
    "aide",
    "adviser",
    "doctor",
    "nurse",
    "judge",
    "child",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "friend",
    "witness",
    "victim",
    "boss",
    "chef",
    "guy",
    "kid",
    "teen",
    "coach",
    "star",
    "expert",
    "analyst",
    "host",
    "citizen",
    "colleague",
    "pilot",
    "cop",
    "mayor",
    "candidate",
    "nominee",
    "chief",
    "captain",
    "veteran",
    "spouse",
    "parent",
    "relative",
    "neighbour",
    "girl",
    "boy",
    "lady",
    "sister",
    "brother",
    "uncle",
    "aunt",
    "cousin",
    "grandmother",
    "grandfather",
    "fan",
    "user",
    "patient",
    "student",
    "resident",
    "individual",
    "person",
    "people",
    "somebody",
    "someone",
    "agent",
    "attorney",
    "deputy",
    "envoy",
    "delegate",
    "critic",
    "ally",
    "rival",
    "activist",
    "fellow",
    "professor",
    "diplomat",
];

/// Endings of agent nouns and other words for people ([`describes_a_thing`]).
const PERSON_ENDINGS: &[&str] = &[
    "er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent", "ee", "ess", "ive", "ief",
    "ain",
];

/// A noun phrase that describes rather than names: a determiner, then a
/// word in lower case ("The chief executive of Yahoo", "a longtime
/// adviser").
fn is_description(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    words
        .next()
        .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// Relative pronouns, whose antecedent is what comes right before them.
const RELATIVE: &[&str] = &["who", "which", "that"];

/// What a relative pronoun source refers back to: the capitalised words
/// just before it, past one comma ("Assange, who denies …", "the Commerce
/// Ministry, which said …"), or else the plain noun phrase right before it
/// ([`noun_phrase_before`]: "retailers that said …"); none when neither
/// is there, as where "which" takes up a whole clause after a comma. "Who"
/// takes up no clause, so after a comma it is the noun phrase before the
/// comma when a determiner opens it ("the waitress, who said …").
fn antecedent(text: &str, source_start: usize) -> Option<String> {
    let who = text[source_start..]
        .get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case("who"));
    name_before(text, source_start)
        .or_else(|| noun_phrase_before(text, source_start))
        .or_else(|| {
            let before = text[..source_start].trim_end().strip_suffix(',')?;
            let phrase = noun_phrase_before(&format!("{before} "), before.len() + 1)?;
            // "the manager believed waitresses, who": a past tense inside
            // is a clause, not a noun phrase.
            let clause = phrase.split_whitespace().skip(1).any(|w| w.ends_with("ed"));
            (who && is_description(&phrase) && !clause).then_some(phrase)
        })
}

/// The antecedent of a relative clause that holds the source (bytes
/// `start..end`) and closes with the comma or dash just before the cue at
/// `cue_start`: "X, who … SOURCE, told" and "X — whose father … SOURCE —
/// promised" give X. The clause opens with ", who", ", whose" or ",
/// which" (or a dash and "who", "whose", "which") in the source's
/// sentence, with no comma (no dash) between it and the source; `None`
/// otherwise, or when the source is the relative pronoun itself.
fn head_of_clause_around(text: &str, start: usize, end: usize, cue_start: usize) -> Option<String> {
    if end > cue_start {
        return None;
    }
    let closer = text[end..cue_start].trim();
    let dashed = matches!(closer, "—" | "–" | "--");
    if closer != "," && !dashed {
        return None;
    }
    let floor = ceil_char_boundary(text, start.saturating_sub(300));
    let before = &text[floor..start];
    let sentence = before
        .char_indices()
        .rfind(|&(_, c)| "\n.!?;()\"“”".contains(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let before = &before[sentence..];
    // "X, who … SOURCE, said"; "X — whose father … SOURCE — said", where
    // commas may stand inside the dashes.
    let openers: &[&str] = if dashed {
        &[
            "— who ",
            "— whose ",
            "— which ",
            "– who ",
            "– whose ",
            "-- who ",
            "-- whose ",
        ]
    } else {
        &[", who ", ", whose ", ", which "]
    };
    let (at, opener) = openers
        .iter()
        .filter_map(|o| before.rfind(o).map(|k| (k, *o)))
        .max()?;
    let inside = &before[at + opener.len()..];
    if if dashed {
        inside.contains(['—', '–'])
    } else {
        inside.contains(',')
    } {
        return None;
    }
    // The antecedent is read before the relative pronoun.
    let pronoun = floor + sentence + at + opener.find('w').unwrap_or(2);
    antecedent(text, pronoun).filter(|name| !name.is_empty())
}

/// The capitalised name just before byte `source_start`, in its paragraph.
fn name_before(text: &str, source_start: usize) -> Option<String> {
    let before = text[..source_start].trim_end();
    let before = before.rsplit('\n').next().unwrap_or(before);
    let before = before
        .strip_suffix([',', '-', '–', '—'])
        .unwrap_or(before)
        .trim_end();
    let mut words: Vec<&str> = Vec::new();
    const QUOTES: &[char] = &['"', '“', '”', '‘', '’', '\''];
    for written in before.rsplit(char::is_whitespace).take(6) {
        // "the “Never Trumpers” who …": the quoted name, without its marks.
        let w = written.trim_matches(QUOTES);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let joins = matches!(w, "of" | "the" | "for" | "and") && !words.is_empty();
        // "“No.” Ann Lee": a stop inside closing marks ends a sentence,
        // whatever the word before it.
        let closed = written.ends_with(QUOTES) && w.ends_with(['.', '!', '?']);
        let ends = w.is_empty()
            || closed
            || w.contains(['\n', ',', '.', ';', ':']) && !is_initial(w)
            || !(capital || joins);
        if ends {
            break;
        }
        words.push(w);
        if written.starts_with(QUOTES) {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| !w.chars().next().is_some_and(char::is_uppercase))
    {
        words.pop();
    }
    words.reverse();
    let name = words.join(" ");
    // "Now that you're clear …": a sentence's first word is no name.
    let one_empty_word = words.len() == 1 && super::worth::is_empty_word(&words[0].to_lowercase());
    (!words.is_empty() && !one_empty_word && is_name(&name)).then_some(name)
}

/// `written` lower-cased, to be looked up among pronouns; `None` for
/// "WHO", the World Health Organization as sources write it ("…, says
/// WHO"), which reads as a pronoun once lower-cased.
pub(crate) fn as_pronoun(written: &str) -> Option<String> {
    let written = written.trim();
    (written != "WHO").then(|| written.to_lowercase())
}

/// Determiners, which open a noun phrase: they end the walk back from a
/// relative pronoun to its noun, and open a work named as a whole
/// ([`super::worth`]).
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "some", "many", "several", "other", "another", "both", "each", "every", "any", "all", "such",
];

/// The noun phrase directly before a restrictive relative pronoun (no
/// comma between): "a blog post that said …" gives "a blog post",
/// "among retailers that said …" gives "retailers". It runs back over at
/// most five words of the same clause, past no punctuation, and stops at
/// a determiner (kept) or at a preposition, conjunction, auxiliary or
/// pronoun (left out); a phrase of determiners alone is none.
fn noun_phrase_before(text: &str, source_start: usize) -> Option<String> {
    let before = &text[..source_start];
    if !before.ends_with([' ', '\u{a0}']) {
        return None;
    }
    let before = before.trim_end();
    let mut words: Vec<&str> = Vec::new();
    for w in before.rsplit(char::is_whitespace).take(5) {
        let is_word = !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'));
        if !is_word {
            break;
        }
        let lower = w.to_lowercase();
        if DETERMINERS.contains(&lower.as_str()) {
            words.push(w);
            break;
        }
        if super::worth::is_empty_word(&lower) {
            break;
        }
        words.push(w);
    }
    let has_noun = words
        .iter()
        .any(|w| !DETERMINERS.contains(&w.to_lowercase().as_str()));
    words.reverse();
    has_noun.then(|| words.join(" "))
}

/// "J." or "Mr." inside a name: an initial, or an abbreviation that does
/// not end a sentence ([`super::tokens::is_abbreviation_word`]).
pub(super) fn is_initial(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    let mut chars = stem.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single || super::tokens::is_abbreviation_word(stem)
}

/// A source as a name: without a trailing possessive, without an
/// apposition after a proper name or a pronoun ("Li Wei, a producer in
/// Hangzhou", "I, sadly"), and without adverbs after it ("Nippers once",
/// "Gizmodo very"). The span stays as found; only the name is cut.
pub(super) fn name_only(written: &str) -> String {
    let w = written.trim().trim_end_matches(['’', '\'']);
    let w = without_clause_after(w);
    let w = after_clause_opener(w);
    // A question's auxiliary before its subject ("Shall I", "Would Adam
    // Schiff"); "Will" and "May" are names too, and stay.
    let w = match w.split_once(' ') {
        Some((first, rest)) if INVERTED_AUXILIARIES.contains(&first) && !rest.is_empty() => rest,
        _ => w,
    };
    // "I threw open the doors, and turning upon Turkey": a subject
    // pronoun with its clause is the pronoun ("they both", "we all" stay).
    let w = match w.split_whitespace().collect::<Vec<_>>().as_slice() {
        [pronoun, next, _, _, ..]
            if SUBJECT_PRONOUNS.contains(&pronoun.to_lowercase().as_str())
                && next.starts_with(char::is_lowercase)
                && !QUANTIFIERS_AFTER_A_PRONOUN.contains(next) =>
        {
            pronoun
        }
        _ => w,
    };
    let w = match w.split_once(',') {
        Some((name, _))
            if (is_name(name)
                || SUBJECT_PRONOUNS.contains(&name.trim().to_lowercase().as_str()))
                && name.split_whitespace().count() <= 6 =>
        {
            name.trim()
        }
        _ => w,
    };
    // A description in lower case, then the name it describes: "The
    // group that owns most of her music, Big Machine", "the company's
    // chief, Tim Cook" (not "Martin Taylor of Aberdeenshire, Scotland").
    let w = match w.rsplit_once(", ") {
        Some((before, after))
            if before.split_whitespace().enumerate().all(|(i, word)| {
                !word.starts_with(char::is_uppercase)
                    || i == 0 && DETERMINERS.contains(&word.to_lowercase().as_str())
            }) && is_name(after)
                && (1..=5).contains(&after.split_whitespace().count())
                && after.split_whitespace().all(|word| {
                    word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                }) =>
        {
            after.trim()
        }
        _ => w,
    };
    let mut name = w;
    // "The first" of a list stays.
    while let Some((rest, last)) = name.rsplit_once(char::is_whitespace)
        && (TRAILING_ADVERBS.contains(&last)
            || super::model::SENTENCE_ADVERBS.contains(&last)
            || super::model::ADVERBS.contains(&last))
        && !(last == "first"
            && rest
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str())))
    {
        name = rest.trim_end();
    }
    without_time_after(name).to_string()
}

/// Words that follow a subject pronoun inside its phrase ("they both",
/// "we all", "he himself").
const QUANTIFIERS_AFTER_A_PRONOUN: &[&str] = &[
    "both",
    "all",
    "each",
    "alone",
    "too",
    "themselves",
    "himself",
    "herself",
    "ourselves",
    "myself",
    "yourself",
    "itself",
];

/// `name` without a time written after it ("Trump in October", "Clark on
/// Tuesday", "the ministry last week", "Xinhua in 2019", and "a poll
/// released on Friday" without its participle), when a name is left.
fn without_time_after(name: &str) -> &str {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [.., _, preposition, time] = words.as_slice() else {
        return name;
    };
    let time = time.trim_end_matches([',', '.']);
    let is_time = super::assertions::MONTHS.contains(&time)
        || DAYS.contains(&time)
        || matches!(time, "week" | "month" | "year")
        || time.len() == 4
            && time.starts_with(['1', '2'])
            && time.bytes().all(|b| b.is_ascii_digit());
    let leads = matches!(*preposition, "in" | "on" | "last" | "this" | "earlier");
    if !(is_time && leads) {
        return name;
    }
    let mut cut = name
        .rfind(&format!(" {preposition} "))
        .map_or(name, |at| name[..at].trim_end());
    // "A Gallup Korea poll released on Friday": the participle goes too.
    if let Some((rest, last)) = cut.rsplit_once(' ')
        && last.ends_with("ed")
        && last.starts_with(char::is_lowercase)
    {
        cut = rest.trim_end();
    }
    if cut.chars().any(char::is_alphabetic) {
        cut
    } else {
        name
    }
}

/// Days of the week, as a time after a name is written.
pub(super) const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Auxiliaries that open a question before its subject, capitalised.
const INVERTED_AUXILIARIES: &[&str] = &[
    "Shall", "Would", "Could", "Should", "Did", "Does", "Do", "Is", "Are", "Was", "Were", "Has",
    "Have", "Had", "Must", "Might", "Can",
];

/// Who speaks through a document or a spokesperson. "iResearch's annual
/// survey" and "a report by the China Netcasting Services Association" are
/// claims of iResearch and of the association ("X's report found …" is
/// X's claim), "its report" of whatever "it" is; "a spokesman for the
/// Ministry of Commerce", "officials at the NRTA", "a ReelShort
/// spokeswoman" speak for the ministry, the NRTA and ReelShort, and "the
/// ministry's spokesperson, Wang Li" is Wang Li. `None` when `written`
/// is none of these; "a survey of 2,000 adults" is the survey's, "an aide
/// to X" not X.
pub(super) fn speaking_for(written: &str) -> Option<String> {
    // A spokesperson named after a comma; or anyone described first and
    // then named in full ("The chief executive of Yahoo, Marissa Mayer").
    if let Some((role, name)) = written.split_once(", ")
        && is_name(name)
        && !name.contains(',')
        && (role
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| voice_of(w) == Some(Voice::Spokesperson))
            || is_description(role) && name.split_whitespace().count() >= 2)
    {
        return Some(name.trim().to_owned());
    }
    let words: Vec<&str> = written.split_whitespace().collect();
    // "a report by X", "a spokesman for X", "officials at X".
    if let Some(at) = words
        .iter()
        .position(|w| matches!(*w, "by" | "from" | "for" | "at" | "of"))
        && (1..=5).contains(&at)
        && at + 1 < words.len()
        && voice_of(words[at - 1]).is_some_and(|v| v.speaks_through(words[at]))
        && words[..at - 1].iter().all(|w| is_modifier(w))
    {
        return Some(words[at + 1..].join(" "));
    }
    let last = *words.last()?;
    let voice = voice_of(last)?;
    if voice == Voice::Officials || words.len() < 2 {
        return None;
    }
    let head = words.len() - 1;
    // "a ReelShort spokeswoman", "a Foreign Ministry spokesman".
    if voice == Voice::Spokesperson
        && DETERMINERS.contains(&words[0].to_lowercase().as_str())
        && head >= 2
        && words[1..head]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        return Some(words[1..head].join(" "));
    }
    // "X's report", "its latest survey", "the ministry's spokesperson".
    let owner_end = (0..head).rev().take(4).find(|&k| {
        let w = words[k];
        w.ends_with("'s")
            || w.ends_with("’s")
            || w.ends_with("s'")
            || w.ends_with("s’")
            || POSSESSIVE_PRONOUNS
                .iter()
                .any(|(p, _)| w.eq_ignore_ascii_case(p))
    })?;
    if !words[owner_end + 1..head].iter().all(|w| is_modifier(w)) {
        return None;
    }
    let owner = words[owner_end];
    if let Some((_, pronoun)) = POSSESSIVE_PRONOUNS
        .iter()
        .find(|(p, _)| owner.eq_ignore_ascii_case(p))
    {
        return (owner_end == 0).then(|| (*pronoun).to_owned());
    }
    let owner = super::names::without_possessive(owner);
    let mut name = words[..owner_end].to_vec();
    name.push(owner);
    // "CEO Craig Menear in the company’s news release": the speaker in
    // the document.
    if let Some(at) = name.iter().position(|w| *w == "in")
        && at > 0
    {
        name.truncate(at);
    }
    Some(name.join(" "))
}

/// Through what a body speaks, for [`speaking_for`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Voice {
    /// A document: "report", "survey", "statement".
    Document,
    /// One who speaks for it: "spokesman", "representative".
    Spokesperson,
    /// Its officials, who speak for it only when it is named after them
    /// ("officials at the NRTA"; "Chinese officials" are no one's).
    Officials,
}

impl Voice {
    /// Whether "VOICE `preposition` X" speaks for X: "a report by X", "a
    /// spokesman for X", "officials at X"; not "a survey of adults".
    fn speaks_through(self, preposition: &str) -> bool {
        match self {
            Voice::Document => matches!(preposition, "by" | "from"),
            Voice::Spokesperson => matches!(preposition, "for" | "of" | "at" | "from"),
            Voice::Officials => matches!(preposition, "at" | "from" | "of"),
        }
    }
}

/// The [`Voice`] a word names, if any.
fn voice_of(word: &str) -> Option<Voice> {
    let w = word.trim_end_matches([',', ':']).to_lowercase();
    if DOCUMENTS.contains(&w.as_str()) {
        Some(Voice::Document)
    } else if SPOKESPEOPLE.contains(&w.as_str()) {
        Some(Voice::Spokesperson)
    } else if matches!(w.as_str(), "official" | "officials") {
        Some(Voice::Officials)
    } else {
        None
    }
}

/// Words for one who speaks for a body ([`speaking_for`]).
const SPOKESPEOPLE: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "spokeswomen",
    "representative",
    "representatives",
];

/// A word that may stand before a document, after its owner if any: a
/// determiner ("A", "the"), a lower-case word ("annual", "latest"), or a
/// year or number.
fn is_modifier(w: &str) -> bool {
    DETERMINERS.contains(&w.to_lowercase().as_str())
        || w.chars().all(|c| c.is_lowercase() || c == '-')
        || w.chars().all(|c| c.is_ascii_digit())
}

/// Documents through which their author speaks ([`speaking_for`]).
const DOCUMENTS: &[&str] = &[
    "report",
    "reports",
    "survey",
    "surveys",
    "study",
    "studies",
    "statement",
    "statements",
    "analysis",
    "poll",
    "polls",
    "data",
    "research",
    "findings",
    "review",
    "investigation",
    "filing",
    "filings",
    "memo",
    "letter",
    "release",
    "paper",
    "figures",
    "estimate",
    "estimates",
    "forecast",
    "audit",
    "assessment",
    "notice",
    "announcement",
    "document",
    "documents",
    "records",
    "website",
    "ruling",
    "complaint",
    "lawsuit",
    "index",
    "ranking",
    "editorial",
    "article",
    "post",
    "tweet",
    "blog",
];

/// Possessive pronouns and the pronouns they resolve as.
const POSSESSIVE_PRONOUNS: &[(&str, &str)] = &[
    ("its", "it"),
    ("their", "they"),
    ("his", "he"),
    ("her", "she"),
    ("our", "we"),
    ("my", "I"),
];

/// Words that open what the tagger may leave after a source and that is
/// no part of its name: a relative clause after a comma ("The catering
/// giant, which serves …"), a time clause ("a WeWork spokesperson when
/// contacted by Reuters"), the channel ("Fadem in a Tuesday research
/// report", "one legal expert, as reported by the Independent").
const CLAUSES_AFTER_A_NAME: &[&str] = &[
    ", who ",
    ", whose ",
    ", which ",
    ", as reported by ",
    ", according to ",
    " when ",
    " while ",
    " in a ",
    " in an ",
];

/// The words of `w` before the first of [`CLAUSES_AFTER_A_NAME`], when
/// some are left.
fn without_clause_after(w: &str) -> &str {
    CLAUSES_AFTER_A_NAME
        .iter()
        .filter_map(|c| w.find(c))
        .filter(|&at| w[..at].chars().any(char::is_alphabetic))
        .min()
        .map_or(w, |at| w[..at].trim_end_matches([',', ' ']))
}

/// `w` from the word after the last conjunction of [`INNER_CLAUSE_CONJUNCTIONS`] in
/// it, when words follow: the tagger's source may open inside the clause
/// before the speaker's ("extracting greater amounts whenever the data
/// (suggests)" → "the data").
fn after_clause_opener(w: &str) -> &str {
    let words: Vec<(usize, &str)> = w
        .split_whitespace()
        .map(|word| (word.as_ptr() as usize - w.as_ptr() as usize, word))
        .collect();
    words
        .iter()
        .rposition(|(_, word)| INNER_CLAUSE_CONJUNCTIONS.contains(word))
        // After a comma the clause is an aside on the name before it
        // ("Bartleby, as if offended at …").
        .filter(|&k| k > 0 && !w[..words[k].0].contains(','))
        .and_then(|k| words.get(k + 1))
        .map_or(w, |&(at, _)| &w[at..])
}

/// Conjunctions, in lower case, that open a clause of their own.
const INNER_CLAUSE_CONJUNCTIONS: &[&str] = &[
    "when", "whenever", "while", "because", "although", "though", "whereas", "unless", "wherever",
    "if",
];

/// Pronouns an apposition may follow ("I, after waiting a considerable
/// time, said").
const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "he", "she", "they", "you"];

/// Adverbs, written in lower case, that the role tagger leaves at the end
/// of a source ("Nippers once", "Samantha actually") and the span keeps:
/// cutting them from spans lost exact matches on PolNeAR, so only the
/// claimant's name drops them, with the sentence adverbs the span trim
/// already drops (`model::SENTENCE_ADVERBS`).
const TRAILING_ADVERBS: &[&str] = &[
    "once",
    "very",
    "really",
    "somehow",
    "actually",
    "even",
    "just",
    "again",
    "finally",
    // "Ashraf Ghani first said", "Trump himself said".
    "first",
    "himself",
    "herself",
    "itself",
    "themselves",
    "reportedly",
    "repeatedly",
    "publicly",
    "privately",
    "openly",
    "clearly",
    "sadly",
    "understandably",
    "flat-out",
    // "the source further claimed", "Thomas allegedly told a supervisor".
    "further",
    "allegedly",
    "purportedly",
    "supposedly",
    "falsely",
    "wrongly",
    "famously",
    "flatly",
    "bluntly",
    "frankly",
    "angrily",
    // "the debate likely failed to answer …".
    "likely",
    "probably",
    "apparently",
    "presumably",
    "perhaps",
];

/// The names met so far in a text, for pronouns to refer back to.
#[derive(Debug, Default)]
struct LastNamed {
    /// The last [`RECENT_NAMES`] people named as sources, the last last,
    /// each with where its source starts and the gender its name shows.
    people: std::collections::VecDeque<(usize, String, Option<Gender>)>,
    group: Option<String>,
    /// Where the last organisation was named as a source.
    group_at: usize,
    /// The last [`RECENT_NAMES`] names, the last last: the last of any
    /// kind, and the names descriptions look back through.
    recent: std::collections::VecDeque<String>,
    /// People named anywhere in the text whose name shows a gender, found
    /// when a pronoun first needs them ([`gender::mentions`]).
    mentions: Option<Vec<gender::Mention>>,
}

/// How many names back a description looks for one holding its head.
const RECENT_NAMES: usize = 50;

impl LastNamed {
    fn remember(&mut self, name: &str, at: usize) {
        // "Dr. Joneigh Khaldun of the Michigan Department of Health" is a
        // person, whatever her department.
        let bare = super::names::without_affiliation(name);
        if looks_organisational(bare) {
            self.group = Some(name.to_owned());
            self.group_at = at;
        } else if !is_known_non_person(bare)
            && !describes_a_thing(bare)
            && !bare.contains(" and ")
            && !names_many(bare)
            && !names_no_one(bare)
        {
            // A country or a news organisation the gazetteer knows is no
            // one "he" refers to; nor is it a group "they" would be before
            // the people named after it; nor are "Ford and Fry" one person.
            let gender = gender::of_name(bare);
            if self.people.len() == RECENT_NAMES {
                self.people.pop_front();
            }
            self.people.push_back((at, name.to_owned(), gender));
        }
        if self.recent.len() == RECENT_NAMES {
            self.recent.pop_front();
        }
        self.recent.push_back(name.to_owned());
    }

    /// The last person named; for a group, the last organisation named,
    /// else the last name. "He" never falls back to an organisation: a
    /// pronoun left unresolved names no claimant, where a wrong one would
    /// credit an organisation with someone's words.
    fn fitting(&self, person: bool) -> Option<String> {
        if person {
            self.people.back().map(|(_, name, _)| name.clone())
        } else {
            self.group.clone().or_else(|| self.recent.back().cloned())
        }
    }

    /// The people named anywhere in `text` whose name shows a gender.
    fn mentions(&mut self, text: &str) -> &[gender::Mention] {
        self.mentions.get_or_insert_with(|| gender::mentions(text))
    }

    /// What a pronoun without a gender ("they", "it") at byte `at` of
    /// `text` refers to, for `person` "I" as [`LastNamed::fitting`]. The
    /// last organisation named as a source, when it was named near
    /// ([`NEAR_GROUP`]); else the last name, unless that is a person's
    /// whose name shows a gender (not "they" of "Martha", nor "it" of "Mr.
    /// Trump"). A pronoun left
    /// unresolved names no claimant, where the wrong one would credit
    /// someone with another's words ("they note" of an editorial's
    /// readers, credited to a newspaper named three paragraphs before).
    fn fitting_pronoun(&mut self, person: bool, text: &str, at: usize) -> Option<String> {
        if person {
            return self.fitting(true);
        }
        if let Some(group) = &self.group
            && let Some(between) = text.get(self.group_at.min(at)..at)
            && between.len() <= NEAR_GROUP
            && between.matches("\n\n").count() <= 2
        {
            return Some(group.clone());
        }
        let last = self.recent.back()?.clone();
        // A name that shows a gender, or a surname of a full name that
        // does, is one person's ("Martha", "Clark" of "Tim Clark");
        // "Protesters" and "Big Machine" may be many.
        let a_person = match self.people.back().cloned() {
            Some((_, name, gender)) if name == last => {
                shown_gender(self.mentions(text), &name, gender, at).is_some()
            }
            _ => false,
        };
        (!a_person && self.group.as_ref() != Some(&last)).then_some(last)
    }

    /// The person "he" or "she" (`gender`) at byte `at` of `text` refers
    /// to: the last person named, unless that name shows the other gender
    /// ("she" after "Ian Hamilton"). Then the later of the last person
    /// named as a source whose gender fits and the last person of that
    /// gender named anywhere before `at` ("Valerie Smith", "Smith still
    /// found … she said").
    fn fitting_gender(&mut self, gender: Gender, text: &str, at: usize) -> Option<String> {
        let (_, last, last_gender) = self.people.back()?;
        if *last_gender == Some(gender) {
            return Some(last.clone());
        }
        let mentions = self.mentions.get_or_insert_with(|| gender::mentions(text));
        let fits = |name: &str, g: Option<Gender>| {
            shown_gender(mentions, name, g, at).is_none_or(|g| g == gender)
        };
        if fits(last, *last_gender) {
            return Some(last.clone());
        }
        let source = self
            .people
            .iter()
            .rev()
            .find(|(_, name, g)| fits(name, *g))
            .cloned();
        let mention = mentions
            .iter()
            .rev()
            .find(|m| m.end <= at && m.gender == gender);
        match (source, mention) {
            // The source's own name is a mention too; the source wins.
            (Some((source_at, name, _)), Some(m)) if m.start <= source_at + name.len() => {
                Some(name)
            }
            (_, Some(m)) => Some(m.name.clone()),
            (Some((_, name, _)), None) => Some(name),
            (None, None) => None,
        }
    }

    /// What a description with `head` refers to. For a head an
    /// institution's name holds ([`NAMED_HEADS`]), the last name that holds
    /// it ("Ministry of Commerce" for "the ministry"), else the last
    /// acronym ("NASA" for "the agency"), else nothing: "Xinhua reported
    /// that the ministry said …" is not Xinhua speaking. For another head
    /// ("the company"), the last fitting name, as for a pronoun.
    fn fitting_description(&self, head: &str, person: bool) -> Option<String> {
        if !NAMED_HEADS.contains(&head) {
            return self.fitting(person);
        }
        let holds_head = |name: &str| {
            name.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(head))
        };
        let recent = || self.recent.iter().rev();
        recent()
            .find(|n| holds_head(n))
            .or_else(|| recent().find(|n| is_acronym(n)))
            .cloned()
    }
}

/// The gender `name` shows before byte `at`: its own (`gender`), else that
/// of the last full name with its surname among `mentions`, a source's or
/// not: a source named by surname alone ("Lorenz", "Giuffre") has the
/// gender of "Edward Lorenz", "Virginia Giuffre".
fn shown_gender(
    mentions: &[gender::Mention],
    name: &str,
    gender: Option<Gender>,
    at: usize,
) -> Option<Gender> {
    gender.or_else(|| {
        let surname = gender::last_word(name)?;
        mentions
            .iter()
            .rev()
            .find(|m| m.end <= at && gender::last_word(&m.name) == Some(surname))
            .map(|m| m.gender)
    })
}

/// Who issued the record a description names (`head`: "the statement",
/// "the report"), from the last "X issued a statement", "X released its
/// annual report", "X has put out a study" in the 3,000 bytes before byte
/// `at`: "On Monday, Big Machine Records issued a statement … The
/// statement, which was obtained by Variety, claimed …" is Big Machine
/// Records' claim, whoever was named as a source in between.
fn issuer_before(text: &str, at: usize, head: &str) -> Option<String> {
    static ISSUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)
            (?P<name>(?:\p{Lu}[\w'’.&-]*\s+(?:of\s+|the\s+|and\s+)?){0,5}\p{Lu}[\w'’.&-]*)\s+
            (?:has\s+|had\s+|have\s+)?(?:issued|released|put\s+out|published|sent|posted)\s+
            (?:a|an|its|the|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?P<head>statement|report|study|survey)\b",
        )
        .expect("a valid pattern")
    });
    let at = floor_char_boundary(text, at.min(text.len()));
    let window = &text[ceil_char_boundary(text, at.saturating_sub(3_000))..at];
    let found = ISSUED
        .captures_iter(window)
        .filter(|c| &c["head"] == head)
        .last()?;
    let name = found["name"].trim();
    (is_name(name) && !DETERMINERS.contains(&name.to_lowercase().as_str())).then(|| name.to_owned())
}

/// How far (in bytes) after an organisation named as a source a "they" or
/// an "it" may be and still refer to it: a few sentences, in the same
/// paragraph or the next two.
const NEAR_GROUP: usize = 1_000;

/// How far (in bytes) after a group of people's source a "they" may be
/// and still be that group: about a sentence.
const NEAR_THEY: usize = 300;

/// Nouns of groups of people that a "they" right after them refers to.
const PEOPLE_PLURALS: &[&str] = &[
    "analysts",
    "officials",
    "experts",
    "researchers",
    "scientists",
    "economists",
    "critics",
    "lawmakers",
    "legislators",
    "investigators",
    "prosecutors",
    "residents",
    "doctors",
    "sources",
    "observers",
    "activists",
    "executives",
    "advocates",
    "opponents",
    "supporters",
    "voters",
    "members",
    "scholars",
    "historians",
    "parents",
    "teachers",
    "workers",
    "employees",
    "organizers",
    "organisers",
    "officers",
    "diplomats",
    "authors",
    "producers",
    "regulators",
    "witnesses",
    "protesters",
    "leaders",
    "people",
];

/// Whether `source` is a group of people by its last word, with no
/// preposition before it ("Analysts", "some Republican lawmakers"; not
/// "people familiar with the matter", nor "A series of text messages
/// Volker provided to lawmakers", whose head is the series).
fn is_group_of_people(source: &str) -> bool {
    super::worth::lower_words(source)
        .split_last()
        .is_some_and(|(last, before)| {
            PEOPLE_PLURALS.contains(&last.as_str())
                && !before.iter().any(|w| super::worth::is_preposition(w))
        })
}

/// Words that open a sentence in capitals without naming anyone.
const NOT_SUBJECTS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "when",
    "after",
    "before",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "as",
    "if",
    "while",
    "for",
    "with",
    "by",
    "from",
    "meanwhile",
    "still",
    "yet",
    "so",
    "then",
    "now",
    "last",
    "next",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "one",
    "some",
    "many",
    "once",
    "later",
    "eventually",
    "today",
    "yesterday",
    "recently",
    "finally",
    "also",
    "even",
    "such",
];

/// The person who opens the sentence of byte `at`, or else the sentence
/// before it, as its subject: capitalised words from the sentence's start
/// followed by a past in "-ed" or a verb of [`SUBJECT_VERBS`] ("Netanyahu
/// visited …", "Mr. Lee says …"). The name's last word must be written
/// with its capital somewhere else in the text in mid-sentence (so
/// "Even", "Border agents" are no one), and must not be a word of
/// [`NOT_SUBJECTS`], an organisation, a thing or many people. After a
/// subordinating conjunction that opens the sentence ([`super::model::SUBORDINATORS`]:
/// "When Carlineo was approached, …") any verb will do. A sentence
/// that opens with a quotation mark is someone's words and has no
/// subject here. With where the name starts.
fn subject_before(text: &str, at: usize) -> Option<(usize, String)> {
    let starts = sentence_starts_before(text, at);
    starts.into_iter().find_map(|start| {
        let opener = text[..start]
            .trim_end_matches(char::is_whitespace)
            .chars()
            .next_back();
        if opener.is_some_and(|c| "\"“‘".contains(c)) {
            return None;
        }
        let rest = &text[start..at];
        // What can be a name and its verb: a few words.
        let rest = &rest[..floor_char_boundary(rest, 200)];
        let mut words = rest.split_whitespace().peekable();
        // "When Carlineo was approached, he told police …": the subject of
        // an opening clause of time or cause, with any verb, before its
        // comma.
        let subordinate = words
            .next_if(|w| {
                w.starts_with(char::is_uppercase)
                    && super::model::SUBORDINATORS.contains(&w.to_lowercase().as_str())
            })
            .is_some();
        let mut name: Vec<&str> = Vec::new();
        let verb = loop {
            let w = words.next()?;
            if w.starts_with(char::is_uppercase) {
                name.push(w);
                if name.len() > 4 {
                    return None;
                }
            } else {
                break w;
            }
        };
        let first = name.first()?.trim_end_matches('.').to_lowercase();
        let last = *name.last()?;
        let verb_like = verb.chars().all(char::is_alphabetic)
            && (verb.len() > 4 && verb.ends_with("ed")
                || SUBJECT_VERBS.contains(&verb)
                || subordinate && rest.contains(','));
        let joined = name.join(" ");
        (verb_like
            && !NOT_SUBJECTS.contains(&first.as_str())
            && last.chars().all(|c| c.is_alphabetic() || c == '-')
            && super::names::stands_inside_a_sentence(near(text, at), last)
            && !looks_organisational(&joined)
            && !is_known_non_person(&joined)
            && !names_many(&joined))
        .then_some((start, joined))
    })
}

/// Verbs in the present that follow a subject ([`subject_before`]).
const SUBJECT_VERBS: &[&str] = &[
    "says", "said", "tells", "told", "writes", "wrote", "adds", "argues", "insists", "notes",
    "thinks", "believes", "explains", "visits",
];

/// The text around byte `at` that [`subject_before`] reads: 20,000 bytes
/// before it and 2,000 after, so that a long text full of pronouns costs
/// time in proportion to its length.
fn near(text: &str, at: usize) -> &str {
    let start = ceil_char_boundary(text, at.saturating_sub(20_000));
    let end = floor_char_boundary(text, at.saturating_add(2_000));
    &text[start..end.max(start)]
}

/// Whether `written`, one word opening the sentence at byte `start`, is
/// capitalised nowhere else in mid-sentence ("Fuelling speculation that
/// …, opposition leader Morgan Tsvangirai … returned, his spokesman
/// said"): a capital that only a sentence's start gives is no sign of a
/// name, and a pronoun after it must not take it.
fn only_at_sentence_starts(text: &str, start: usize, written: &str) -> bool {
    let opens = text[..start]
        .trim_end_matches(|c: char| c.is_whitespace() || "\"“‘(".contains(c))
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n'));
    let word = written.trim();
    let one_word = !word.contains(char::is_whitespace);
    let around = near(text, start);
    if !one_word || !opens || super::names::stands_inside_a_sentence(around, word) {
        return false;
    }
    // A participle ("Fuelling", "Being"), or a word the text also writes
    // in lower case ("Take", "Society"); a surname that only ever opens
    // its sentences ("Lee said …") stays a name.
    word.to_lowercase().ends_with("ing") || super::names::is_common_word(around, word)
}

/// Where the sentence holding byte `at` starts, and the one before it:
/// after a full stop, question or exclamation mark (and any closing
/// quotation mark) and a space, or after a line break. The sentence of
/// `at` comes first.
fn sentence_starts_before(text: &str, at: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut end = at;
    // A sentence longer than this has no subject worth finding.
    let floor = ceil_char_boundary(text, at.saturating_sub(2_000));
    for _ in 0..2 {
        if end <= floor {
            break;
        }
        let before = &text[floor..end];
        let found = before.char_indices().rev().find(|&(k, c)| {
            let next = before[k + c.len_utf8()..].chars().next();
            let after_stop = matches!(c, '.' | '!' | '?')
                && next.is_some_and(|n| n.is_whitespace() || "\"”’".contains(n));
            c == '\n' || after_stop
        });
        let start = match found {
            Some((k, c)) => k + c.len_utf8(),
            // The text's first sentence; past the window, no sentence.
            None if floor == 0 => 0,
            None => break,
        };
        let start = floor
            + start
            + before[start..]
                .find(|c: char| !c.is_whitespace() && !"\"“”’‘".contains(c))
                .unwrap_or(0);
        starts.push(start);
        // The sentence before ends at the stop just before this one.
        let stop =
            text[..start].trim_end_matches(|c: char| c.is_whitespace() || "\"“”’‘".contains(c));
        match stop.char_indices().next_back() {
            Some((k, _)) if k > 0 => end = k,
            _ => break,
        }
    }
    starts
}

/// Whether a cue after "it" makes that "it" an expletive: a copula or a
/// verb of seeming first ("’s also not clear", "is expected", "seems").
fn is_expletive_cue(cue: &str) -> bool {
    let first = cue
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    // "It is claiming …" is an organisation at work.
    let progressive = cue
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .is_some_and(|w| w.len() > 4 && w.to_lowercase().ends_with("ing"));
    !progressive
        && (cue.starts_with(['\'', '’'])
            || matches!(
                first.as_str(),
                "is" | "was" | "seems" | "seemed" | "appears" | "appeared" | "remains"
            ))
}

/// Whether the gazetteer knows `name` as something other than a person:
/// "Bloomberg" is a news organisation, so "he" is not Bloomberg.
fn is_known_non_person(name: &str) -> bool {
    super::link::Linker::embedded().claimant_is_a(name, crate::vocab::schema::PERSON) == Some(false)
}

/// "NASA", "CBP", "NRTA": two to six capitals and nothing else.
fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Fills `claimant` and `reporters` of each attribution of `text` (in text
/// order) from their sources.
pub fn resolve(text: &str, found: &mut [Found]) {
    found.sort_by_key(|f| (f.cue.start(), f.content.start()));
    let mut last = LastNamed::default();
    let mut first_person = Vec::new();
    // Sources that are descriptions ("the company"), for the reporter
    // that holds them (below).
    let mut descriptions = Vec::new();
    // The source before, where it ends and its claimant, for a "they"
    // just after a group of people ("Analysts expect … They say …").
    let mut previous: Option<(usize, String, String)> = None;
    for (i, f) in found.iter_mut().enumerate() {
        if f.claimant.is_some() {
            continue;
        }
        let Some(source) = &f.source else { continue };
        // "McCormick, who has split from Republicans on the voucher
        // program, told teachers": the source the tagger took sits in a
        // relative clause closed by the comma before the cue; who speaks is
        // the clause's antecedent.
        if let Some(name) = head_of_clause_around(text, source.start(), source.end(), f.cue.start())
        {
            if is_name(&name) {
                last.remember(&name, source.start());
            }
            previous = Some((source.end(), name.clone(), name.clone()));
            f.claimant = Some(name);
            continue;
        }
        let written = name_only(&source.text(text));
        let written = speaking_for(&written).unwrap_or(written);
        let before = previous.take();
        previous = Some((source.end(), written.clone(), String::new()));
        if let Some((end, group, claimant)) = &before
            && written.eq_ignore_ascii_case("they")
            && !claimant.is_empty()
            && is_group_of_people(group)
            && *end <= source.start()
            && source.start() - end <= NEAR_THEY
            && !text[*end..source.start()].contains("\n\n")
        {
            f.claimant = Some(claimant.clone());
            previous = Some((source.end(), group.clone(), claimant.clone()));
            continue;
        }
        if is_first_person(&written) {
            // Who "I" would be if these are someone's words after all.
            first_person.push((i, last.fitting(true)));
            continue;
        }
        // A relative pronoun stands before its verb; "says WHO" names the
        // World Health Organization.
        let relative = as_pronoun(&written).is_some_and(|w| RELATIVE.contains(&w.as_str()))
            && source.start() < f.cue.start();
        if let Some(name) = relative.then(|| antecedent(text, source.start())).flatten() {
            if is_name(&name) {
                last.remember(&name, source.start());
            }
            f.claimant = Some(name);
            continue;
        }
        // "It's also not clear why …", "it seems", "it is expected": an
        // expletive "it" stands for nothing, and stays unresolved.
        if written.eq_ignore_ascii_case("it") && is_expletive_cue(&f.cue.text(text)) {
            f.claimant = Some(written);
            continue;
        }
        let claimant = match needs_antecedent(&written) {
            Some(Anaphor::Pronoun { person, gender }) => match gender {
                // "Netanyahu visited the bloc. “…,” he told settler
                // leaders": a person who opens the sentence before, named
                // after the last person named as a source, is the one.
                Some(g) => subject_before(text, source.start())
                    .filter(|(at, name)| {
                        last.people.back().is_none_or(|(p, _, _)| p < at)
                            && shown_gender(last.mentions(text), name, gender::of_name(name), *at)
                                .is_none_or(|shown| shown == g)
                    })
                    .map(|(at, name)| {
                        last.remember(&name, at);
                        name
                    })
                    .or_else(|| last.fitting_gender(g, text, source.start())),
                None => last.fitting_pronoun(person, text, source.start()),
            }
            .unwrap_or(written),
            Some(Anaphor::Description { head, person }) => {
                if !person {
                    descriptions.push((i, head));
                }
                issuer_before(text, source.start(), head)
                    .or_else(|| last.fitting_description(head, person))
                    .unwrap_or(written)
            }
            None => {
                if is_name(&written) && !only_at_sentence_starts(text, source.start(), &written) {
                    last.remember(&written, source.start());
                }
                written
            }
        };
        if let Some(p) = &mut previous {
            p.2 = claimant.clone();
        }
        f.claimant = Some(claimant);
    }
    // "I", "we": inside someone's quoted words, that someone; in the
    // article's own words, its author. Inside a quotation no attribution
    // holds (''…'' marks, an unclosed “), the last speaker named.
    let contents = Contents::of(found);
    for (i, last_speaker) in first_person {
        let quoting = contents
            .innermost_around(found, i)
            .and_then(|j| found[j].claimant.clone());
        let claimant = match quoting {
            Some(c) => c,
            None if in_open_quotation(text, found[i].cue.start()) => {
                let written = found[i].source.as_ref().map(|s| s.text(text));
                match last_speaker.or(written) {
                    Some(c) => c,
                    None => continue,
                }
            }
            None => AUTHOR.to_owned(),
        };
        found[i].claimant = Some(claimant);
    }
    // "A spokesperson for Kuaishou said *the company* opposed the rule",
    // "Apple said the company would …": a description inside the words of
    // a named claimant is that claimant, whoever was named before.
    // An institution's head ("the ministry") must be in the name, or the
    // name an acronym, as for the names before.
    for (i, head) in descriptions {
        let Some(j) = contents.innermost_around(found, i) else {
            continue;
        };
        let fits = |c: &String| {
            c != AUTHOR
                && is_name(c)
                && needs_antecedent(c).is_none()
                && (!NAMED_HEADS.contains(&head)
                    || is_acronym(c)
                    || c.split(|ch: char| !ch.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case(head)))
        };
        if let Some(outer) = found[j].claimant.clone().filter(fits) {
            found[i].claimant = Some(outer);
        }
    }
    chain_reporters(found);
}

/// The claimant that stands for the article's author (or publisher): a
/// first-person source in the article's own words.
pub const AUTHOR: &str = "@author";

const FIRST_PERSON: &[&str] = &["i", "me", "we", "us", "我", "我们"];

/// Whether byte `at` of `text` lies inside a quotation opened earlier in
/// its paragraph: an unmatched “, or an odd number of " or '' marks.
fn in_open_quotation(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[start..at];
    let (mut open, mut straight, mut doubled) = (0i32, 0usize, 0usize);
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '“' => open += 1,
            '”' => open = (open - 1).max(0),
            '"' => straight += 1,
            '\'' if chars.peek() == Some(&'\'') => {
                chars.next();
                doubled += 1;
            }
            _ => {}
        }
    }
    open > 0 || straight % 2 == 1 || doubled % 2 == 1
}

fn is_first_person(written: &str) -> bool {
    let lower = written.trim().to_lowercase();
    FIRST_PERSON.contains(&super::tokens::without_contraction(&lower))
}

/// Every content part of the attributions of a text, by where it starts,
/// so that the contents around a cue are found without reading them all
/// (a page of 10,000 attributions asked 10,000 × 10,000 questions).
struct Contents {
    /// (start, end, attribution) of each part.
    parts: Vec<(usize, usize, usize)>,
    /// The longest part's length: no part starting further back holds a
    /// cue.
    longest: usize,
}

impl Contents {
    fn of(found: &[Found]) -> Contents {
        let mut parts: Vec<(usize, usize, usize)> = found
            .iter()
            .enumerate()
            .flat_map(|(j, g)| g.content.parts.iter().map(move |p| (p.start, p.end, j)))
            .collect();
        parts.sort_unstable();
        let longest = parts
            .iter()
            .map(|&(s, e, _)| e.saturating_sub(s))
            .max()
            .unwrap_or(0);
        Contents { parts, longest }
    }

    /// The attribution with a claimant whose content holds attribution
    /// `i`'s cue, the smallest such content (the first of equals).
    fn innermost_around(&self, found: &[Found], i: usize) -> Option<usize> {
        let cue = (found[i].cue.start(), found[i].cue.end());
        if cue.0 == cue.1 {
            return None;
        }
        let from = self
            .parts
            .partition_point(|p| p.0 < cue.0.saturating_sub(self.longest));
        let to = self.parts.partition_point(|p| p.0 <= cue.0);
        let mut best: Option<(usize, usize)> = None;
        for &(_, end, j) in &self.parts[from..to] {
            if i == j || found[j].claimant.is_none() || cue.1 > end {
                continue;
            }
            let g = &found[j];
            let size = g.content.end() - g.content.start();
            if best.is_none_or(|(b, s)| (size, j) < (s, b)) {
                best = Some((j, size));
            }
        }
        best.map(|(j, _)| j)
    }
}

/// An attribution whose cue sits inside another's content is reported by
/// that other (the innermost one), and by whoever reports that other.
fn chain_reporters(found: &mut [Found]) {
    let n = found.len();
    let contents = Contents::of(found);
    let parent: Vec<Option<usize>> = (0..n)
        .map(|i| contents.innermost_around(found, i))
        .collect();
    for i in 0..n {
        let mut chain = Vec::new();
        let mut at = parent[i];
        let mut seen = vec![i];
        while let Some(j) = at {
            if seen.contains(&j) {
                break;
            }
            seen.push(j);
            // A speaker quoting themselves does not report their own words;
            // the author ends every chain already (as the publisher).
            if let Some(c) = &found[j].claimant
                && found[i].claimant.as_ref() != Some(c)
                && c != AUTHOR
            {
                chain.push(c.clone());
            }
            at = parent[j];
        }
        if found[i].reporters.is_empty() {
            found[i].reporters = chain;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::{AttributionKind, Span};

    fn at(text: &str, s: &str, nth: usize) -> Span {
        let i = text.match_indices(s).nth(nth).unwrap().0;
        Span::one(i..i + s.len())
    }

    /// The claimants of `found` once resolved.
    fn resolved(text: &str, found: &mut [Found]) -> Vec<String> {
        resolve(text, found);
        found.iter().map(|f| f.claimant.clone().unwrap()).collect()
    }

    /// An indirect attribution, unresolved: the `n`th `source`, the `cn`th
    /// `cue`, the first `content` of `text`.
    fn attribution(text: &str, source: (&str, usize), cue: (&str, usize), content: &str) -> Found {
        Found {
            source: Some(at(text, source.0, source.1)),
            cue: at(text, cue.0, cue.1),
            content: at(text, content, 0),
            kind: AttributionKind::Indirect,
            claimant: None,
            reporters: Vec::new(),
        }
    }

    #[test]
    fn an_expletive_it_stands_for_nothing() {
        let text = "Gizmodo said the cause is rare. It’s also not clear why one person falls ill. \
                    It is expected that more will. It said the study was small. \
                    It is claiming that costs fell.";
        let mut found = vec![
            attribution(text, ("Gizmodo", 0), ("said", 0), "the cause is rare"),
            attribution(
                text,
                ("It", 0),
                ("’s also not clear", 0),
                "why one person falls ill",
            ),
            attribution(text, ("It", 1), ("is expected", 0), "more will"),
            attribution(text, ("It", 2), ("said", 1), "the study was small"),
            attribution(text, ("It", 3), ("is claiming", 0), "costs fell"),
        ];
        resolve(text, &mut found);
        let claimants: Vec<_> = found.iter().map(|f| f.claimant.as_deref()).collect();
        assert_eq!(
            claimants,
            [
                Some("Gizmodo"),
                Some("It"),
                Some("It"),
                Some("Gizmodo"),
                Some("Gizmodo")
            ]
        );
    }

    #[test]
    fn he_and_she_pass_by_a_name_of_the_other_gender_and_by_things() {
        let text = "Dr. Silvia Martins said use rose. Ian Hamilton said care is needed. \
                    This graphic shows the states. However, he pointed out data are thin. \
                    I reached Valerie Smith. Smith still found it hard. \
                    Ian Hamilton said more. She said she was overwhelmed. \
                    Ford and Fry disputed it. He said it was wrong.";
        let f = |src: &str, n: usize, cue: &str, cn: usize, content: &str| {
            attribution(text, (src, n), (cue, cn), content)
        };
        let mut found = vec![
            f("Dr. Silvia Martins", 0, "said", 0, "use rose"),
            f("Ian Hamilton", 0, "said", 1, "care is needed"),
            f("This graphic", 0, "shows", 0, "the states"),
            f("he", 0, "pointed out", 0, "data are thin"),
            f("Ian Hamilton", 1, "said", 2, "more"),
            f("She", 0, "said", 3, "she was overwhelmed"),
            f("Ford and Fry", 0, "disputed", 0, "it"),
            f("He", 0, "said", 4, "it was wrong"),
        ];
        assert_eq!(
            resolved(text, &mut found),
            [
                "Dr. Silvia Martins",
                "Ian Hamilton",
                "This graphic",
                // Not the graphic: a thing is no "he".
                "Ian Hamilton",
                "Ian Hamilton",
                // The last person is a man; the last woman named, as a
                // source or not, is Valerie Smith, named last as "Smith".
                "Smith",
                "Ford and Fry",
                // Two people are no "he".
                "Ian Hamilton",
            ]
        );
        // With no woman named after her, "she" goes back to the source.
        let text = "Dr. Silvia Martins said use rose. Ian Hamilton said more. She said no.";
        let mut found = vec![
            attribution(text, ("Dr. Silvia Martins", 0), ("said", 0), "use rose"),
            attribution(text, ("Ian Hamilton", 0), ("said", 1), "more"),
            attribution(text, ("She", 0), ("said", 2), "no"),
        ];
        assert_eq!(resolved(text, &mut found)[2], "Dr. Silvia Martins");
        // A surname alone has the gender of its full name named before:
        // "she" passes by "Lorenz" (Edward Lorenz) to Ellen Fetter.
        let text = "Edward Lorenz hired Ellen Fetter. Fetter said it was hard. \
                    Lorenz said it worked. She said he was kind.";
        let mut found = vec![
            attribution(text, ("Fetter", 1), ("said", 0), "it was hard"),
            attribution(text, ("Lorenz", 1), ("said", 1), "it worked"),
            attribution(text, ("She", 0), ("said", 2), "he was kind"),
        ];
        assert_eq!(resolved(text, &mut found)[2], "Fetter");
    }

    #[test]
    fn pronouns_take_the_last_name_that_fits_and_nesting_makes_a_chain() {
        let text = "Zhang Wei said exports grew. The Ministry of Commerce said quotas rose. \
                    He said more was coming. It said nothing else. \
                    The Post reported that officials said funds doubled.";
        let f = |src: &str, n: usize, cue: &str, cn: usize, content: &str| {
            attribution(text, (src, n), (cue, cn), content)
        };
        let mut found = vec![
            f("Zhang Wei", 0, "said", 0, "exports grew"),
            f("The Ministry of Commerce", 0, "said", 1, "quotas rose"),
            f("He", 0, "said", 2, "more was coming"),
            f("It", 0, "said", 3, "nothing else"),
            f(
                "The Post",
                0,
                "reported",
                0,
                "that officials said funds doubled",
            ),
            f("officials", 0, "said", 4, "funds doubled"),
        ];
        assert_eq!(
            resolved(text, &mut found),
            [
                "Zhang Wei",
                "The Ministry of Commerce",
                "Zhang Wei",
                "The Ministry of Commerce",
                "The Post",
                "officials"
            ]
        );
        assert_eq!(found[5].reporters, vec!["The Post".to_string()]);
        assert!(found[4].reporters.is_empty());
    }

    #[test]
    fn he_is_not_an_acronym_after_its_article() {
        let text = "Kim said the quota rose. The FBI said Webb was held. \
                    He said nothing else.";
        let mut found = vec![
            attribution(text, ("Kim", 0), ("said", 0), "the quota rose"),
            attribution(text, ("The FBI", 0), ("said", 1), "Webb was held"),
            attribution(text, ("He", 0), ("said", 2), "nothing else"),
        ];
        assert_eq!(resolved(text, &mut found), ["Kim", "The FBI", "Kim"]);
        assert!(looks_organisational("the FBI"));
        // Known to the gazetteer: a news organisation, and a person.
        let text = "Neumann said the lease was fair. Bloomberg said talks stalled. \
                    He later asked for the money back.";
        let mut found = vec![
            attribution(text, ("Neumann", 0), ("said", 0), "the lease was fair"),
            attribution(text, ("Bloomberg", 0), ("said", 1), "talks stalled"),
            attribution(text, ("He", 0), ("asked", 0), "for the money back"),
        ];
        assert_eq!(
            resolved(text, &mut found),
            ["Neumann", "Bloomberg", "Neumann"]
        );
        assert!(is_known_non_person("Bloomberg"));
        // A person of a department is a person.
        let text = "Dr. Joneigh Khaldun of the Michigan Department of Health says the risk stays. \
                    He says residents should take care.";
        let mut found = vec![
            attribution(
                text,
                (
                    "Dr. Joneigh Khaldun of the Michigan Department of Health",
                    0,
                ),
                ("says", 0),
                "the risk stays",
            ),
            attribution(text, ("He", 0), ("says", 1), "residents should take care"),
        ];
        let claimants = resolved(text, &mut found);
        assert_eq!(claimants[1], claimants[0]);
        assert!(!is_known_non_person("Xi Jinping"));
        assert!(!looks_organisational("the Obama"));
        // A plural of people is no one "he" is.
        let text = "Kim said the quota rose. Former royal PR aides called it a crash. \
                    He said nothing else.";
        let mut found = vec![
            attribution(text, ("Kim", 0), ("said", 0), "the quota rose"),
            attribution(
                text,
                ("Former royal PR aides", 0),
                ("called", 0),
                "it a crash",
            ),
            attribution(text, ("He", 0), ("said", 1), "nothing else"),
        ];
        assert_eq!(
            resolved(text, &mut found),
            ["Kim", "Former royal PR aides", "Kim"]
        );
        for many in [
            "Israeli courts",
            "President Trump’s advisers",
            "some people",
        ] {
            assert!(names_many(many), "{many}");
        }
        for one in [
            "Ms. Williams",
            "the boss",
            "A California transit chief",
            "Fox News",
        ] {
            assert!(!names_many(one), "{one}");
        }
    }

    #[test]
    fn she_after_no_one_is_the_last_person_named() {
        let text = "Jane Starner spoke of her nephew. No one knew what had become of him. \
                    “I cannot believe it,” she said.";
        let mut found = vec![
            attribution(text, ("Jane Starner", 0), ("spoke", 0), "of her nephew"),
            attribution(text, ("No one", 0), ("knew", 0), "what had become of him"),
            attribution(text, ("she", 0), ("said", 0), "I cannot believe it"),
        ];
        assert_eq!(
            resolved(text, &mut found),
            ["Jane Starner", "No one", "Jane Starner"]
        );
        for nobody in ["No one", "no one else", "Nobody", "Everyone", "anyone"] {
            assert!(names_no_one(nobody), "{nobody}");
        }
        for someone in ["Noel", "Ms. None", "Everett"] {
            assert!(!names_no_one(someone), "{someone}");
        }
    }

    #[test]
    fn he_after_a_sentence_opened_by_a_person_is_that_person() {
        let text = "Mike Pompeo said the settlements were legal, which pleased Netanyahu. \
                    Netanyahu visited the bloc on Tuesday.\n\n\
                    “Here we are on a historic day,” he told settler leaders.";
        let mut found = vec![
            attribution(
                text,
                ("Mike Pompeo", 0),
                ("said", 0),
                "the settlements were legal",
            ),
            attribution(
                text,
                ("he", 2),
                ("told", 0),
                "Here we are on a historic day",
            ),
        ];
        assert_eq!(resolved(text, &mut found), ["Mike Pompeo", "Netanyahu"]);
        // No subject: a sentence that opens with quoted words, or with a
        // word never capitalised in mid-sentence ("Even"), or many people.
        let text =
            "Even textbooks explained nothing, said Kim. “Even textbooks had no idea,” he said.";
        assert_eq!(subject_before(text, text.find("he said").unwrap()), None);
        let text = "Ann Lee said so. Border agents reported it. “We see it,” he said.";
        assert_eq!(subject_before(text, text.find("he said").unwrap()), None);
        let text = "Officials met Lee on Monday. Mr. Lee visits often.\n“We see it,” he said.";
        let at = text.find("he said").unwrap();
        assert_eq!(
            subject_before(text, at).map(|(_, name)| name).as_deref(),
            Some("Lee")
        );
    }

    #[test]
    fn he_after_an_opening_clause_is_its_subject_when_the_gender_fits() {
        let text = "His lawyer, Sonya Zoghlin, said he was sorry. John Ford wrote books. \
                    Police arrested Carlineo. \
                    When Carlineo was approached, he told police he supported Trump. \
                    Mary Lee said it was sad. When Ford visited his editor, he left poems. \
                    “Life was short,” she recalled.";
        let f = |src: &str, n: usize, cue: &str, cn: usize, content: &str| {
            attribution(text, (src, n), (cue, cn), content)
        };
        let mut found = vec![
            f("Sonya Zoghlin", 0, "said", 0, "he was sorry"),
            // The fourth "he": "When" and "approached" hold one each.
            f("he", 3, "told", 0, "he supported Trump"),
            f("Mary Lee", 0, "said", 1, "it was sad"),
            f("she", 0, "recalled", 0, "Life was short"),
        ];
        // "Ford" is John Ford, a man: not the "she" after him.
        assert_eq!(
            resolved(text, &mut found),
            ["Sonya Zoghlin", "Carlineo", "Mary Lee", "Mary Lee"]
        );
    }

    #[test]
    fn they_right_after_a_group_of_people_is_that_group() {
        let text = "VW said the car ships in 2022. Analysts expect 80 models. \
                    They say range will sell them.\n\n\
                    They said the launch slipped. Scientists knew a lot. \
                    A series of text messages sent to lawmakers showed a plan. \
                    They said it was real.";
        let f = |src: &str, n: usize, cue: &str, cn: usize, content: &str| {
            attribution(text, (src, n), (cue, cn), content)
        };
        let mut found = vec![
            f("VW", 0, "said", 0, "the car ships in 2022"),
            f("Analysts", 0, "expect", 0, "80 models"),
            f("They", 0, "say", 0, "range will sell them"),
            f("They", 1, "said", 1, "the launch slipped"),
            f(
                "A series of text messages sent to lawmakers",
                0,
                "showed",
                0,
                "a plan",
            ),
            f("They", 2, "said", 2, "it was real"),
        ];
        // After a paragraph break, and after a series whose last word is
        // people, "they" is the last organisation as before.
        assert_eq!(
            resolved(text, &mut found),
            [
                "VW",
                "Analysts",
                "Analysts",
                "VW",
                "A series of text messages sent to lawmakers",
                "VW"
            ]
        );
        assert!(is_group_of_people("some Republican lawmakers"));
        assert!(!is_group_of_people("people familiar with the matter"));
    }

    #[test]
    fn a_statement_is_its_issuer_s() {
        let text = "On Monday, Big Machine Records issued a statement on the deal. \
                    The American Music Awards said the show goes on. \
                    The statement claimed the parties had come to terms. \
                    The report said sales fell.";
        let f = |src: &str, n: usize, cue: &str, cn: usize, content: &str| {
            attribution(text, (src, n), (cue, cn), content)
        };
        let mut found = vec![
            f(
                "The American Music Awards",
                0,
                "said",
                0,
                "the show goes on",
            ),
            f(
                "The statement",
                0,
                "claimed",
                0,
                "the parties had come to terms",
            ),
            f("The report", 0, "said", 1, "sales fell"),
        ];
        // No one issued a report: it is the last organisation's, as before.
        assert_eq!(
            resolved(text, &mut found),
            [
                "The American Music Awards",
                "Big Machine Records",
                "The American Music Awards"
            ]
        );
        assert_eq!(
            issuer_before(
                "The ministry has released its annual report. ",
                46,
                "report"
            )
            .as_deref(),
            None,
            "a description is no issuer"
        );
        // A position past the text, or inside a character, reads what is
        // there and does not panic.
        let t = "上海市政府 issued a statement. ";
        assert_eq!(issuer_before(t, 10_000, "statement"), None);
        assert_eq!(issuer_before(t, 2, "statement"), None);
        let t = "Acme Corp issued a statement.";
        assert_eq!(
            issuer_before(t, 10_000, "statement").as_deref(),
            Some("Acme Corp")
        );
    }

    #[test]
    fn a_surname_with_a_second_capital_is_no_organisation() {
        for person in ["DeSantis", "McDonald", "MacArthur", "O'Brien", "DiCaprio"] {
            assert!(!looks_organisational(person), "{person}");
        }
        for body in ["YouTube", "PolitiFact", "FBI", "McDonald's", "Demo"] {
            assert_eq!(looks_organisational(body), body != "Demo", "{body}");
        }
    }

    #[test]
    fn they_and_it_refer_to_an_organisation_named_near_and_never_to_one_person() {
        let text = "The People's Daily said the army was ready. Crowds gathered.\n\n\
                    Shops shut.\n\nTrains stopped.\n\nMeanwhile, they note that the army came. \
                    Tim Clark said orders rose. Emirates grew.\n\nClark said it was early. \
                    It announced an order. Xinhua said exports fell. It said imports rose.";
        let f = |src: &str, n: usize, cue: &str, cn: usize, content: &str| {
            attribution(text, (src, n), (cue, cn), content)
        };
        let mut found = vec![
            f("The People's Daily", 0, "said", 0, "the army was ready"),
            f("they", 0, "note", 0, "that the army came"),
            f("Tim Clark", 0, "said", 1, "orders rose"),
            f("Clark", 1, "said", 2, "it was early"),
            f("It", 0, "announced", 0, "an order"),
            f("Xinhua", 0, "said", 3, "exports fell"),
            f("It", 1, "said", 4, "imports rose"),
        ];
        // "they" three paragraphs after the newspaper, and "It" after a
        // person, stay as written: no claimant ([`super::quads`]).
        assert_eq!(
            resolved(text, &mut found),
            [
                "The People's Daily",
                "they",
                "Tim Clark",
                "Clark",
                "It",
                "Xinhua",
                "Xinhua"
            ]
        );
    }

    #[test]
    fn an_institution_s_description_refers_to_a_name_holding_its_head() {
        let text = "The Ministry of Commerce said quotas rose. Xinhua said prices fell. \
                    The ministry said more was coming. \
                    Xinhua reported that the ministry said funds doubled. \
                    NASA said the rocket flies. The company said it works. \
                    SpaceX said it was ready. The agency said it was late.";
        let f = |src: &str, n: usize, cue: &str, cn: usize, content: &str| {
            attribution(text, (src, n), (cue, cn), content)
        };
        let mut found = vec![
            f("The Ministry of Commerce", 0, "said", 0, "quotas rose"),
            f("Xinhua", 0, "said", 1, "prices fell"),
            f("The ministry", 0, "said", 2, "more was coming"),
            f(
                "Xinhua",
                1,
                "reported",
                0,
                "that the ministry said funds doubled",
            ),
            f("the ministry", 0, "said", 3, "funds doubled"),
            f("NASA", 0, "said", 4, "the rocket flies"),
            f("The company", 0, "said", 5, "it works"),
            f("SpaceX", 0, "said", 6, "it was ready"),
            f("The agency", 0, "said", 7, "it was late"),
        ];
        assert_eq!(
            resolved(text, &mut found),
            [
                "The Ministry of Commerce",
                "Xinhua",
                // The last name holding "ministry", not the last group.
                "The Ministry of Commerce",
                "Xinhua",
                "The Ministry of Commerce",
                "NASA",
                // Another head takes the last organisation, as "it" does.
                "NASA",
                "SpaceX",
                // No name holds "agency": the last acronym.
                "NASA",
            ]
        );
        assert_eq!(found[4].reporters, ["Xinhua"]);
        // With no name holding the head and no acronym, the description
        // stays as written rather than becoming the reporter.
        let text = "Xinhua reported that the ministry said funds doubled.";
        let mut found = vec![
            attribution(
                text,
                ("Xinhua", 0),
                ("reported", 0),
                "that the ministry said funds doubled",
            ),
            attribution(text, ("the ministry", 0), ("said", 0), "funds doubled"),
        ];
        assert_eq!(resolved(text, &mut found), ["Xinhua", "the ministry"]);
        assert_eq!(found[1].reporters, ["Xinhua"]);
    }

    #[test]
    fn a_document_or_a_spokesperson_speaks_for_its_body() {
        for (written, author) in [
            ("iResearch's annual survey", Some("iResearch")),
            ("the ministry’s 2025 report", Some("the ministry")),
            ("Reuters' analysis", Some("Reuters")),
            (
                "A report by the China Netcasting Services Association",
                Some("the China Netcasting Services Association"),
            ),
            ("new data from MarketAxess", Some("MarketAxess")),
            ("its latest report", Some("it")),
            ("our survey", Some("we")),
            (
                "CEO Craig Menear in the company’s news release",
                Some("CEO Craig Menear"),
            ),
            // Spokespeople and officials speak for their body.
            (
                "A spokesman for the Ministry of Commerce",
                Some("the Ministry of Commerce"),
            ),
            ("officials at the NRTA", Some("the NRTA")),
            ("a ReelShort spokeswoman", Some("ReelShort")),
            ("a Foreign Ministry spokesman", Some("Foreign Ministry")),
            ("Li Wei's spokesman", Some("Li Wei")),
            (
                "The Ministry of Culture and Tourism's spokesperson, Wang Li",
                Some("Wang Li"),
            ),
            (
                "The chief executive of Yahoo, Marissa Mayer",
                Some("Marissa Mayer"),
            ),
            (
                "The leader of Ennahda, Rachid Ghannouchi",
                Some("Rachid Ghannouchi"),
            ),
            // Not a full name, or no description before it.
            ("The chief executive, Mayer", None),
            ("Yahoo, Marissa Mayer", None),
            // A survey of people is the survey's; officials without a body
            // are no one's; an aide is not who he serves; a capitalised
            // word between owner and document is a name.
            ("a survey of 2,000 adults", None),
            ("Chinese officials", None),
            ("senior administration officials", None),
            ("an aide to Li Wei", None),
            ("a spokesman", None),
            ("the Post's Beijing report", None),
            ("report", None),
            ("by", None),
            ("", None),
        ] {
            assert_eq!(speaking_for(written).as_deref(), author, "{written}");
        }
        // Resolved as what it is: "its report" is the company's.
        let text = "Apple said sales rose. Its report found margins fell.";
        let mut found = vec![
            attribution(text, ("Apple", 0), ("said", 0), "sales rose"),
            attribution(text, ("Its report", 0), ("found", 0), "margins fell"),
        ];
        assert_eq!(resolved(text, &mut found), ["Apple", "Apple"]);
    }

    #[test]
    fn a_name_loses_the_adverbs_and_appositions_after_it() {
        for (written, name) in [
            ("Nippers once", "Nippers"),
            ("Gizmodo very", "Gizmodo"),
            ("The company flat-out", "The company"),
            ("Samantha actually", "Samantha"),
            (
                "Afghan President Ashraf Ghani first",
                "Afghan President Ashraf Ghani",
            ),
            ("Mr. Trump himself", "Mr. Trump"),
            ("The first", "The first"),
            ("I, sadly", "I"),
            ("Li Wei, a producer in Hangzhou", "Li Wei"),
            ("the Clintons’", "the Clintons"),
            // A lone adverb stays what it is; a name ending in a capital
            // word stays whole.
            ("now", "now"),
            ("One Wisconsin Now", "One Wisconsin Now"),
            // A question's auxiliary before its subject goes; "Will" and
            // "May" are names.
            ("Shall I", "I"),
            ("Would Adam Schiff", "Adam Schiff"),
            ("Will Tjernlund", "Will Tjernlund"),
            ("Is", "Is"),
            // What follows a name and is not of it.
            (
                "The catering giant, which serves up strawberries at Wimbledon",
                "The catering giant",
            ),
            (
                "the laboratory of Stephen Liggett, who was then at the university",
                "the laboratory of Stephen Liggett",
            ),
            (
                "a WeWork spokesperson when contacted by Reuters",
                "a WeWork spokesperson",
            ),
            ("Fadem in a Tuesday research report", "Fadem"),
            ("Trump in October", "Trump"),
            ("Clark on Monday", "Clark"),
            ("the ministry last week", "the ministry"),
            (
                "A Gallup Korea poll released on Friday",
                "A Gallup Korea poll",
            ),
            ("Ms. May", "Ms. May"),
            ("the source further", "the source"),
            ("Thomas allegedly", "Thomas"),
            ("the debate likely", "the debate"),
            (
                "I threw open the folding-doors near by, and turning upon Turkey",
                "I",
            ),
            ("they both agreed", "they both agreed"),
            ("extracting greater amounts whenever the data", "the data"),
            ("prices rose while", "prices rose while"),
            ("Bartleby, as if offended at being mobbed", "Bartleby"),
            ("most of her music, Big Machine", "Big Machine"),
            ("the company's chief, Tim Cook", "Tim Cook"),
            ("Ms. Li, a spokeswoman", "Ms. Li"),
            ("Ford never", "Ford"),
            ("The Smith family", "The Smith family"),
            ("in October", "in October"),
            (
                "43-year-old Martin Taylor of Aberdeenshire, Scotland, in a case study",
                "43-year-old Martin Taylor of Aberdeenshire, Scotland",
            ),
            (
                "one legal expert, as reported by the Independent newspaper",
                "one legal expert",
            ),
            // A restrictive clause describes who it was, and stays.
            (
                "Washington-based analysts who have done the calculations",
                "Washington-based analysts who have done the calculations",
            ),
        ] {
            assert_eq!(name_only(written), name, "{written}");
        }
    }

    #[test]
    fn who_in_capitals_after_its_cue_is_the_world_health_organization() {
        let text = "Li Wei said it works. Untreated plague is always fatal, says WHO.";
        let mut found = vec![
            attribution(text, ("Li Wei", 0), ("said", 0), "it works"),
            attribution(text, ("WHO", 0), ("says", 0), "Untreated"),
        ];
        assert_eq!(resolved(text, &mut found), ["Li Wei", "WHO"]);
    }

    #[test]
    fn a_description_inside_a_named_claimant_s_words_is_that_claimant() {
        let text = "The National Radio and Television Administration issued new rules. \
                    A spokesperson for Kuaishou said the company opposed the rule. \
                    Xinhua reported the ministry would act.";
        let mut found = vec![
            attribution(
                text,
                ("The National Radio and Television Administration", 0),
                ("issued", 0),
                "new rules",
            ),
            attribution(
                text,
                ("A spokesperson for Kuaishou", 0),
                ("said", 0),
                "the company opposed the rule",
            ),
            attribution(text, ("the company", 0), ("opposed", 0), "the rule"),
            attribution(
                text,
                ("Xinhua", 0),
                ("reported", 0),
                "the ministry would act",
            ),
            attribution(text, ("the ministry", 0), ("would act", 0), "act"),
        ];
        let claimants = resolved(text, &mut found);
        assert_eq!(claimants[2], "Kuaishou");
        // "the ministry" is no name of Xinhua's.
        assert_ne!(claimants[4], "Xinhua");
    }

    #[test]
    fn a_source_inside_a_relative_clause_closed_before_the_cue_is_its_antecedent() {
        let text = "McCormick, who has split from Republicans on issues such as the state’s \
                    voucher program, told teachers that they were right. The waitress, who \
                    served Joe Biden, said it was fine. Ann Lee, who works for the Times, said \
                    so. The plan, which Mr. Smith wrote, says no. The bill, sponsored by Rep. \
                    Ray, says more.";
        // A capitalised word that only opens sentences is no name a
        // pronoun can take.
        let t = "Fuelling speculation that the plan works, opposition leader Morgan \
                 Tsvangirai returned, his spokesman said.";
        let mut found = vec![
            attribution(t, ("Fuelling", 0), ("speculation", 0), "that"),
            attribution(t, ("his spokesman", 0), ("said", 0), "opposition"),
        ];
        assert_ne!(resolved(t, &mut found)[1], "Fuelling");
        assert!(only_at_sentence_starts(t, 0, "Fuelling"));
        let t = "Lee spoke. Lee met Kim. Take the train, take the bus.";
        assert!(!only_at_sentence_starts(t, 0, "Lee"));
        assert!(!only_at_sentence_starts(t, 11, "Lee"));
        assert!(only_at_sentence_starts(t, 24, "Take"));
        // Between dashes, past commas; "whose".
        let t = "In Kentucky, Andy Beshear — whose father, also as governor, implemented the \
                 Affordable Care Act in the state — promised to protect Medicaid.";
        let mut found = vec![attribution(
            t,
            ("the Affordable Care Act in the state", 0),
            ("promised", 0),
            "to protect Medicaid",
        )];
        assert_eq!(resolved(t, &mut found), ["Andy Beshear"]);
        // Closing marks and apostrophes before the clause are read past.
        let t = "“No.” He left. “Yes,” Ann Lee, who’s with “the Times”, said.";
        let mut found = vec![attribution(t, ("the Times", 0), ("said", 0), "Yes")];
        assert_eq!(resolved(t, &mut found), ["the Times"]);
        let t = "“No.” Ann Lee, who works for the Times, said “yes”.";
        let mut found = vec![attribution(t, ("the Times", 0), ("said", 0), "yes")];
        assert_eq!(resolved(t, &mut found), ["Ann Lee"]);
        let mut found = vec![
            attribution(
                text,
                ("the state’s voucher program", 0),
                ("told", 0),
                "that",
            ),
            attribution(text, ("Joe Biden", 0), ("said", 0), "it"),
            attribution(text, ("the Times", 0), ("said", 1), "so"),
            attribution(text, ("Mr. Smith", 0), ("says", 0), "no"),
            attribution(text, ("Rep. Ray", 0), ("says", 1), "more"),
        ];
        assert_eq!(
            resolved(text, &mut found),
            [
                "McCormick",
                "The waitress",
                "Ann Lee",
                "Mr. Smith",
                "Rep. Ray"
            ]
        );
    }

    #[test]
    fn a_relative_pronoun_is_the_name_before_it_and_a_determiner_is_no_name() {
        let text = "Julian Assange, who denies it, spoke. That said, retailers that said so \
                    agreed. He said no.";
        let mut found = vec![
            attribution(text, ("who", 0), ("denies", 0), "it"),
            attribution(text, ("That", 0), ("said", 0), "retailers"),
            attribution(text, ("that", 0), ("said", 1), "so"),
            attribution(text, ("He", 0), ("said", 2), "no"),
        ];
        assert_eq!(
            resolved(text, &mut found),
            ["Julian Assange", "That", "retailers", "Julian Assange"]
        );
        assert_eq!(
            antecedent("the Commerce Ministry, which", 23).as_deref(),
            Some("Commerce Ministry")
        );
        assert_eq!(
            antecedent("Sen. J. Smith who", 14).as_deref(),
            Some("Sen. J. Smith")
        );
        assert_eq!(antecedent("the EV. That", 8), None);
        assert_eq!(antecedent("Some who", 5), None);
        assert_eq!(antecedent("in March, which", 10), None);
        // A name at the head of its paragraph; the paragraph before is not
        // read.
        let t = "a rape allegation in 2010.\n\nAssange, who";
        assert_eq!(antecedent(t, t.len() - 3).as_deref(), Some("Assange"));
        // Plain noun phrases before a restrictive relative.
        for (t, want) in [
            (
                "The company published a blog post that",
                Some("a blog post"),
            ),
            ("Costco are among retailers that", Some("retailers")),
            (
                "claims made in viral Weibo post that",
                Some("viral Weibo post"),
            ),
            ("gives the city its night back, which", None),
            ("Some of them that", None),
            ("the EV. that", None),
            ("the right time.\n\nNow that", None),
            ("Another waitress who", Some("Another waitress")),
            // "Who" after a comma: the described person before it.
            (
                "the manager believed the waitress, who",
                Some("the waitress"),
            ),
            ("the manager believed waitresses, who", None),
            (
                "The Palestinian Authority - which",
                Some("The Palestinian Authority"),
            ),
        ] {
            assert_eq!(
                antecedent(t, t.rfind(' ').unwrap() + 1).as_deref(),
                want,
                "{t}"
            );
        }
        let t = "the U.S. Commerce Department, which";
        assert_eq!(
            antecedent(t, t.len() - 5).as_deref(),
            Some("U.S. Commerce Department")
        );
        let t = "Williams was one of the “Never Trumpers” who";
        assert_eq!(
            antecedent(t, t.len() - 3).as_deref(),
            Some("Never Trumpers")
        );
        assert!(is_name("Some members of Congress"));
    }

    #[test]
    fn a_pronoun_with_nobody_before_stays_as_written() {
        let text = "She said it works.";
        let mut found = vec![attribution(text, ("She", 0), ("said", 0), "it works")];
        resolve(text, &mut found);
        assert_eq!(found[0].claimant.as_deref(), Some("She"));
    }

    #[test]
    fn a_pronoun_with_a_contraction_is_still_a_pronoun() {
        let text = "The Ministry of Commerce said quotas rose. They’ve said it works.";
        let f = |src: &str, cue: usize, content: &str| {
            attribution(text, (src, 0), ("said", cue), content)
        };
        let mut found = vec![
            f("The Ministry of Commerce", 0, "quotas rose"),
            f("They’ve", 1, "it works"),
        ];
        resolve(text, &mut found);
        assert_eq!(
            found[1].claimant.as_deref(),
            Some("The Ministry of Commerce")
        );
    }

    #[test]
    fn i_and_we_are_the_author_in_the_article_and_the_speaker_in_a_quote() {
        let text = "We have said the quota works. “I doubt it,” I said, and the \
                    Ministry of Commerce said “we think it works, as I said.”";
        let f = |src: &str, n: usize, cue: usize, content: &str| {
            attribution(text, (src, n), ("said", cue), content)
        };
        let mut found = vec![
            f("We", 0, 0, "the quota works"),
            f("I", 1, 1, "I doubt it"),
            f(
                "Ministry of Commerce",
                0,
                2,
                "we think it works, as I said.",
            ),
            f("we", 0, 3, "it works"),
        ];
        assert_eq!(
            resolved(text, &mut found),
            [
                AUTHOR,
                AUTHOR,
                "Ministry of Commerce",
                "Ministry of Commerce"
            ]
        );
        // Quoting yourself is not reporting.
        assert!(found[3].reporters.is_empty());
    }

    #[test]
    fn i_inside_a_quotation_no_attribution_holds_is_the_last_speaker() {
        let text = "''It works,'' Mr. Holtz-Eakin said. ''But I have concerns about it.''";
        let mut found = vec![
            attribution(text, ("Mr. Holtz-Eakin", 0), ("said", 0), "It works"),
            attribution(text, ("I", 0), ("have concerns", 0), "about it"),
        ];
        resolve(text, &mut found);
        assert_eq!(found[1].claimant.as_deref(), Some("Mr. Holtz-Eakin"));
        assert!(in_open_quotation("“We think", 9));
        assert!(!in_open_quotation("“It works,” we think", 22));
    }
}
