//! One name per person: a claimant's title or role goes, and a surname
//! alone becomes the full name its article gives it.
//!
//! English news names a person by office or role at first mention
//! ("Defense Secretary Mark Esper", "Wild coach Bruce Boudreau", "Mr.
//! Reeves") and by surname after it ("Boudreau said"). Claimant entities
//! are merged by their normalised name, so each of those forms would be an
//! entity of its own, and a fact-checker asking what Boudreau claimed would
//! see only part of it. After the claimants are resolved ([`full_names`]):
//!
//! - a title or role standing before a name is dropped ([`without_title`]:
//!   "Defense Secretary Mark Esper" → "Mark Esper", "President Obama" →
//!   "Obama"); a role not followed by a name stays ("a spokesman for the
//!   State Department");
//! - a single name left ("Boudreau", "Reeves") becomes the one full name
//!   the article gives a person of that name ("Bruce Boudreau", "Eric
//!   Reeves"). With two people of the name in the article ("Hillary
//!   Clinton", "Bill Clinton"), the claimant stays as written ("Mr.
//!   Clinton");
//! - names the gazetteer knows ("President Xi") are left to it.
//!
//! Only Latin-script names are read; Chinese claimants stay as they are.
//! The spans do not change: only the names claimants go by.

use super::Found;
use std::collections::HashMap;

/// Titles, offices and roles that stand before a person's name, in lower
/// case without their full stop. Everything up to the last of them goes.
pub(super) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "rev",
    "reverend",
    "president",
    "vice",
    "secretary",
    "minister",
    "premier",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "mayor",
    "judge",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "chairman",
    "chairwoman",
    "chairperson",
    "director",
    "commissioner",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "speaker",
    "coach",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "captain",
    "detective",
    "sheriff",
    "founder",
    "co-founder",
    "cofounder",
    "analyst",
    "economist",
    "editor",
    "reporter",
    "correspondent",
    "columnist",
    "manager",
    "executive",
    "officer",
    "attorney",
    "lawyer",
    "candidate",
    "nominee",
    "hon",
];

/// Words that are titles only before a full name: "General Mark Milley",
/// "Chief Justice John Roberts", but "General Motors".
const TITLES_BEFORE_FULL_NAMES: &[&str] = &["general", "chief", "justice", "prime", "leader"];

/// Particles inside a name ("Charles de Gaulle", "Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "bin", "al", "la", "le",
];

/// Words after which capitalised words may name an office or a place
/// before a person's name ("Secretary of State Mike Pompeo").
const BEFORE_PLACES: &[&str] = &["of", "to", "in", "at", "from", "for", "the"];

/// Capitalised words that open a sentence but no name ("Asked Boudreau",
/// "Maybe Instagram"), besides the empty words ("But Boudreau"), sentence
/// adverbs, months and days, which [`is_person_name`] refuses too.
const SENTENCE_OPENERS: &[&str] = &[
    "because",
    "although",
    "while",
    "unless",
    "says",
    "said",
    "asked",
    "told",
    "dear",
    "thanks",
    "today",
    "yesterday",
    "tonight",
    "last",
    "next",
    "unlike",
    "ask",
    "tell",
    "let",
    "maybe",
    "perhaps",
    "probably",
    "please",
    "yes",
    "oh",
    "well",
    "thus",
    "hence",
    "indeed",
    "north",
    "south",
    "east",
    "west",
    "new",
    "central",
    "greater",
    "upper",
    "lower",
];

fn lower_bare(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// Is `word` a title, `full_name_follows` telling whether two name words
/// or more come after it?
fn is_title(word: &str, full_name_follows: bool) -> bool {
    let w = lower_bare(word);
    let w = w.strip_suffix("-elect").unwrap_or(&w);
    TITLES.contains(&w) || full_name_follows && TITLES_BEFORE_FULL_NAMES.contains(&w)
}

/// A word that may be part of a personal name: capitalised with lower-case
/// letters after ("Boudreau", "O’Neil", "Holtz-Eakin"), an initial ("J."),
/// or a particle after the first word.
fn is_name_word(word: &str, first: bool) -> bool {
    let w = word.trim_end_matches(['’', '\'']);
    if !first && PARTICLES.contains(&w) {
        return true;
    }
    let mut chars = w.chars();
    let Some(c) = chars.next() else { return false };
    if !c.is_uppercase() {
        return false;
    }
    let rest = chars.as_str();
    // O’Neil, D'Angelo: not I’m, Parata’s.
    let apostrophes_ok = rest
        .split(['’', '\''])
        .skip(1)
        .all(|after| after.chars().next().is_some_and(char::is_uppercase));
    let letters_ok = rest.chars().any(char::is_lowercase)
        && rest
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
    rest == "." || apostrophes_ok && letters_ok
}

/// Does this run of words read as a person's name: at most four name
/// words, not opening with an empty word, a sentence opener or a month,
/// and nothing of an organisation?
fn is_person_name(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let first = lower_bare(first);
    words.len() <= 4
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| is_name_word(w, i == 0))
        && !super::worth::is_empty_word(&first)
        && !SENTENCE_OPENERS.contains(&first.as_str())
        && !super::model::SENTENCE_ADVERBS.contains(&first.as_str())
        && !crate::ingest::dates::is_month_or_weekday(&first)
        && !super::resolve::looks_organisational(&words.join(" "))
}

/// Where the name begins in `words`: after the last title, when a
/// person's name follows it; else 0.
fn name_start(words: &[&str]) -> usize {
    let last_title = (0..words.len())
        .rev()
        .find(|&i| is_title(words[i], words.len() - i > 2));
    match last_title {
        // "Trump and US Trade Representative Robert Lighthizer" are two.
        Some(i) if is_person_name(&words[i + 1..]) && !names_another(&words[..i]) => i + 1,
        _ => after_a_role(words).unwrap_or(0),
    }
}

/// Where a full name begins after a role in lower case that is no title
/// of [`TITLES`] ("the University of Liverpool biochemist Soraya
/// Shirazi-Beechey", "chief negotiator Saeb Erekat", "self-made
/// millionaire Grant Sabatier"): two to four name words that end `words`,
/// right after a lower-case word that is no empty word ("critics *of*
/// John Smith", "a lawyer *for* John Smith" are not John Smith).
fn after_a_role(words: &[&str]) -> Option<usize> {
    (words.len().saturating_sub(4)..words.len().saturating_sub(1))
        .find(|&i| i > 0 && is_person_name(&words[i..]))
        .filter(|&i| {
            let role = words[i - 1];
            role.chars().all(|c| c.is_lowercase() || c == '-')
                && !super::worth::is_empty_word(role)
                && !NOT_ROLES.contains(&role)
                // "Martha Fry and her brother Dale Ford" are two.
                && !names_another(&words[..i - 1])
        })
}

/// Lower-case words before a name that are no role, besides the empty
/// words (conjunctions, prepositions) refused already: "a telescope *atop*
/// Mauna Kea", "a moon *named* Titan".
const NOT_ROLES: &[&str] = &["atop", "including", "named", "called", "upcoming"];

/// Whether words before a title name someone else: a name word right
/// before an "and" ("Trump and …"; "chairman, CEO and president" is one).
fn names_another(words: &[&str]) -> bool {
    words.windows(2).any(|w| {
        w[1] == "and" && is_name_word(w[0].trim_end_matches(','), true) && !is_title(w[0], false)
    })
}

/// `name` without a title or role before a person's name: "Defense
/// Secretary Mark Esper" → "Mark Esper", "Wild coach Bruce Boudreau" →
/// "Bruce Boudreau", "Mr. Reeves" → "Reeves". Anything else as it is.
pub fn without_title(name: &str) -> &str {
    let name = name.trim();
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    match name_start(&plain) {
        0 => name,
        i => &name[words[i].0..],
    }
}

/// How far before a surname its first names and titles are looked for,
/// in bytes: five words and the one before them.
const LOOK_BACK: usize = 300;

/// The full names `text` gives people whose last name is `surname`
/// ("Bruce Boudreau", "Coach Bruce Boudreau" → "Bruce Boudreau"), first
/// seen first, one per first name. A name seen only at the head of a
/// sentence counts when its first word stands inside a sentence somewhere
/// too, since any word is capitalised there ("Haunted Izuku").
fn full_names_ending(text: &str, surname: &str) -> FullNames {
    let mut inside: Vec<Vec<&str>> = Vec::new();
    let mut opening: Vec<Vec<&str>> = Vec::new();
    for at in whole_words(text, surname) {
        // After a space, and not the head of a compound ("Boudreau-led").
        if !text[..at].ends_with(' ') || text[at + surname.len()..].starts_with('-') {
            continue;
        }
        // The name words and titles right before it, on its line, read
        // from a window of the text: a long line with the surname on
        // every row must not be split once per mention. Cut inside the
        // line, the window's first (partial) word becomes "", which no
        // run crosses.
        let from = crate::text::floor_char_boundary(text, at.saturating_sub(LOOK_BACK));
        let line_start = text[from..at].rfind('\n').map(|i| from + i + 1);
        let mut before: Vec<&str> = text[line_start.unwrap_or(from)..at - 1]
            .split(' ')
            .collect();
        if line_start.is_none() && from > 0 {
            before[0] = "";
        }
        let run_len = before
            .iter()
            .rev()
            .take_while(|w| is_name_word(w, false) || is_title(w, true))
            .take(5)
            .count();
        let mut run: Vec<&str> = before[before.len() - run_len..].to_vec();
        run.push(surname);
        let titled = name_start(&run);
        let mut first = before.len() - run_len + titled;
        let mut words = &run[titled..];
        // After "of", "to"…, a run opens with an office's or a place's
        // name ("of State Mike Pompeo", "to Ukraine Kurt Volker"): the
        // first name is the word before the initials, and of two words
        // the first may be the place ("to Britain Liu Xiaoming"). A title
        // tells where the name begins ("to Dr. Owen John Dempsey").
        let after_preposition = titled == 0
            && before.len() > run_len
            && BEFORE_PLACES.contains(&before[before.len() - run_len - 1]);
        if after_preposition && words.len() == 2 {
            continue;
        }
        if after_preposition && words.len() > 2 {
            let initials = words[..words.len() - 1]
                .iter()
                .rev()
                .take_while(|w| w.ends_with('.'))
                .count();
            let keep = words.len().min(initials + 2);
            first += words.len() - keep;
            words = &words[words.len() - keep..];
        }
        // "But Boudreau", "In March Boudreau": no first name.
        while words.len() > 1 && !is_person_name(&words[..1]) {
            words = &words[1..];
            first += 1;
        }
        if words.len() < 2 || !is_person_name(words) || is_common_word(text, words[0]) {
            continue;
        }
        let opens_sentence = first == 0 || first > before.len() || {
            let previous = before[first - 1];
            previous.is_empty()
                || previous.ends_with(['.', '!', '?', ':', '"', '”', '“', '\'', '’', ')'])
                    && !is_title(previous, false)
        };
        // "Hosting Cook at Dreamforce …": a participle or an adverb opening
        // a sentence is no first name, unless the article uses the word
        // inside a sentence too ("… and Sterling Cook").
        if opens_sentence
            && reads_as_participle_or_adverb(words[0])
            && !stands_inside_a_sentence(text, words[0])
        {
            continue;
        }
        // "Jeff Sanborn, president of Chapter 11, …": a name opening its
        // paragraph, introduced by a role after a comma, is a person's.
        let introduced = text[at + surname.len()..]
            .strip_prefix(", ")
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_lowercase);
        if opens_sentence && !introduced {
            opening.push(words.to_vec());
        } else {
            inside.push(words.to_vec());
        }
    }
    let people = one_per_first_name(inside.iter().chain(&opening)).len();
    if inside.is_empty() {
        opening.retain(|words| stands_inside_a_sentence(text, words[0]));
        inside = opening;
    }
    FullNames {
        names: one_per_first_name(inside.iter()),
        people,
    }
}

/// A capitalised word of five letters or more ending as a participle or
/// an adverb does ("Hosting", "Asked", "Notably").
fn reads_as_participle_or_adverb(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.chars().count() >= 5 && ["ing", "ed", "ly"].iter().any(|e| lower.ends_with(e))
}

/// The full names an article gives one surname.
#[derive(Debug, Clone)]
struct FullNames {
    /// Those read as names, one per first name, first seen first.
    names: Vec<String>,
    /// How many first names stand before the surname at all.
    people: usize,
}

/// The full names of `runs`, one per first name. A first name that
/// begins another of three letters or more ("Josh" and "Joshua") is that
/// one's short form: one person, named by the longer.
fn one_per_first_name<'a>(runs: impl Iterator<Item = &'a Vec<&'a str>>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let same = |a: &str, b: &str| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        short == long || short.chars().count() >= 3 && long.starts_with(short)
    };
    for words in runs {
        let first = words[0].to_lowercase();
        let known = names.iter().position(|n| {
            n.split(' ')
                .next()
                .is_some_and(|f| same(&f.to_lowercase(), &first))
        });
        match known {
            Some(k) => {
                let theirs = names[k].split(' ').next().unwrap_or_default().len();
                if words[0].len() > theirs {
                    names[k] = words.join(" ");
                }
            }
            None => names.push(words.join(" ")),
        }
    }
    names
}

/// Whether `word` stands somewhere in `text` after a lower-case word or a
/// comma ("actress Jessie …", "…, Jessie"): not only where a sentence
/// opens.
pub(super) fn stands_inside_a_sentence(text: &str, word: &str) -> bool {
    whole_words(text, word).any(|at| {
        let mut before = text[..at].chars().rev();
        before.next() == Some(' ') && before.next().is_some_and(|c| c.is_lowercase() || c == ',')
    })
}

/// Where `word` stands in `text` as a whole word (no letter or digit
/// right before or after it), as byte offsets.
fn whole_words<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(word)
        .map(|(at, _)| at)
        .filter(move |&at| {
            text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && text[at + word.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
}

/// Whether `word` also stands in `text` in lower case ("studies",
/// "health", "maybe"): a common word at the head of a sentence, no name.
pub(super) fn is_common_word(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return true;
    }
    whole_words(text, &lower).next().is_some()
}

/// `name` trimmed and without a possessive ending: "Sanders’s" is
/// Sanders, "The Obama administration’s" the administration, "Reuters'"
/// Reuters. A contraction stays ("let’s", "it's").
pub fn without_possessive(name: &str) -> &str {
    let name = name.trim();
    let last = name
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .replace('’', "'")
        .to_lowercase();
    if CONTRACTED_S.contains(&last.as_str()) {
        return name;
    }
    name.strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .or_else(|| {
            name.strip_suffix(['’', '\''])
                .filter(|bare| bare.ends_with('s'))
        })
        .filter(|bare| !bare.trim().is_empty())
        .unwrap_or(name)
}

/// `name` without the body a person is "of" ("Alex Horton of the
/// Washington Post" → "Alex Horton", "Sen. Mark Kirk of Illinois" →
/// "Sen. Mark Kirk"): when what comes before the first " of " ends in a
/// person's name of two words or more ("Bank of America", "National
/// Association of Manufacturers" stay whole).
pub fn without_affiliation(name: &str) -> &str {
    let Some((person, _)) = name.split_once(" of ") else {
        return name;
    };
    let named = without_title(person);
    let words: Vec<&str> = named.split_whitespace().collect();
    if words.len() >= 2 && is_person_name(&words) {
        person.trim_end()
    } else {
        name
    }
}

/// Words whose "'s" is "is" or "us", not a possessive.
const CONTRACTED_S: &[&str] = &[
    "let's", "it's", "that's", "he's", "she's", "there's", "here's", "what's", "who's", "where's",
];

/// A claimant's name as it should be stored: without its title, and a
/// lone surname as the article's one full name for it; with two people
/// of the name, as written.
fn full_name(text: &str, claimant: &str, cache: &mut HashMap<String, FullNames>) -> String {
    let trimmed = claimant.trim();
    let bare = without_affiliation(without_possessive(trimmed));
    let name = without_title(bare);
    // A transcript's speaker in capitals ("CLINTON:") is read as the
    // surname it spells; when the article gives it no one full name, it
    // stays as written.
    let spelled = in_capitals(name);
    let words: Vec<&str> = match &spelled {
        Some(surname) => vec![surname.as_str()],
        None => name.split_whitespace().collect(),
    };
    if words.len() != 1 || !is_person_name(&words) || is_common_word(text, words[0]) {
        return without_title(bare).to_owned();
    }
    let surname = words[0];
    let full = cache
        .entry(surname.to_owned())
        .or_insert_with(|| full_names_ending(text, surname));
    match full.names.as_slice() {
        [one] if full.people == 1 => one.clone(),
        _ if spelled.is_some() => name.to_owned(),
        // Two people of the name: the claimant as written tells them apart.
        _ if full.people > 1 => trimmed.to_owned(),
        _ => without_title(claimant).to_owned(),
    }
}

/// One word of four letters or more in capitals ("CLINTON", "O’NEIL"),
/// as it would be written in a sentence ("Clinton", "O’neil"); `None` for
/// anything else ("FBI" is too short to be read as a surname, and the
/// gazetteer or the article's own use decides it).
fn in_capitals(name: &str) -> Option<String> {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = name
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’'));
    if letters < 4 || !capitals || name.contains(char::is_whitespace) {
        return None;
    }
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_string() + &chars.as_str().to_lowercase())
}

/// Gives each English claimant and reporter of `found` the name of the
/// person it stands for (module doc); `known` tells names the gazetteer
/// resolves, which stay as written.
pub fn full_names(text: &str, found: &mut [Found], known: impl Fn(&str) -> bool) {
    // One article names a person many times ("Volker" 23 times): each
    // claimant is read once.
    let mut surnames = HashMap::new();
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut rename = |name: &mut String| {
        if name.starts_with('@') {
            return;
        }
        let full = match renamed.get(name.as_str()) {
            Some(full) => full.clone(),
            None => {
                let full = if known(name) {
                    name.clone()
                } else {
                    full_name(text, name, &mut surnames)
                };
                renamed.insert(name.clone(), full.clone());
                full
            }
        };
        *name = full;
    };
    for f in found.iter_mut() {
        if let Some(c) = f.claimant.as_mut() {
            rename(c);
        }
        for r in f.reporters.iter_mut() {
            rename(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_roles_before_a_name_go() {
        assert_eq!(without_title("Defense Secretary Mark Esper"), "Mark Esper");
        assert_eq!(without_title("Wild coach Bruce Boudreau"), "Bruce Boudreau");
        assert_eq!(
            without_title("White House press secretary Josh Earnest"),
            "Josh Earnest"
        );
        assert_eq!(without_title("President Obama"), "Obama");
        assert_eq!(without_title("Mr. Reeves"), "Reeves");
        assert_eq!(without_title("Vice President Mike Pence"), "Mike Pence");
        assert_eq!(without_title("President-elect Trump"), "Trump");
        assert_eq!(without_title("SoftBank CEO Masayoshi Son"), "Masayoshi Son");
        assert_eq!(
            without_title("Tunisian Prime Minister Habib Essid"),
            "Habib Essid"
        );
        assert_eq!(
            without_title("Attorney General Jeff Sessions"),
            "Jeff Sessions"
        );
        assert_eq!(without_title("Sen. J. Smith"), "J. Smith");
        // A role in lower case before a full name, title or not.
        assert_eq!(
            without_title("the University of Liverpool biochemist Soraya Shirazi-Beechey"),
            "Soraya Shirazi-Beechey"
        );
        assert_eq!(
            without_title("Palestinian chief negotiator Saeb Erekat"),
            "Saeb Erekat"
        );
        assert_eq!(
            without_title("Early retiree and self-made millionaire Grant Sabatier"),
            "Grant Sabatier"
        );
    }

    #[test]
    fn a_person_of_a_body_is_the_person() {
        for (name, person) in [
            ("Alex Horton of the Washington Post", "Alex Horton"),
            ("Sen. Mark Kirk of Illinois", "Sen. Mark Kirk"),
            ("Kim Jong Un of North Korea", "Kim Jong Un"),
            ("Bank of America", "Bank of America"),
            ("University of Liverpool", "University of Liverpool"),
            (
                "National Association of Manufacturers",
                "National Association of Manufacturers",
            ),
            ("critics of John Smith", "critics of John Smith"),
            ("Secretary of State", "Secretary of State"),
            (" of ", " of "),
        ] {
            assert_eq!(without_affiliation(name), person, "{name}");
        }
    }

    #[test]
    fn what_is_no_title_before_a_name_stays() {
        for name in [
            "a spokesman for the State Department",
            "General Motors",
            "Justice Department",
            "the president",
            "Bruce Boudreau",
            "Some members of Congress",
            "Secretary of State",
            "President Obama’s campaign",
            // Not after a preposition or a conjunction, nor one name word.
            "critics of John Smith",
            "a lawyer for John Smith",
            "Kim and John Smith",
            "the biochemist Smith",
            "the singer and guitarist",
            "a telescope atop Mauna Kea",
            "Martha Fry and her brother Dale Ford",
        ] {
            assert_eq!(without_title(name), name, "{name}");
        }
    }

    fn claimants(text: &str, names: &[&str]) -> Vec<String> {
        let mut found: Vec<Found> = names
            .iter()
            .map(|n| {
                let at = crate::attribute::Span::one(0..1);
                Found {
                    source: Some(at.clone()),
                    cue: at.clone(),
                    content: at,
                    kind: crate::attribute::AttributionKind::Indirect,
                    claimant: Some((*n).to_owned()),
                    reporters: Vec::new(),
                }
            })
            .collect();
        full_names(text, &mut found, |n| n == "President Xi");
        found.into_iter().map(|f| f.claimant.unwrap()).collect()
    }

    #[test]
    fn a_surname_becomes_the_articles_full_name() {
        let text = "Wild coach Bruce Boudreau said it was late. Later, Boudreau added more. \
                    But Boudreau said no. Mr. Reeves spoke; Eric Reeves, a scholar, agreed.";
        assert_eq!(
            claimants(
                text,
                &[
                    "Boudreau",
                    "Wild coach Bruce Boudreau",
                    "Mr. Reeves",
                    "Coach Boudreau"
                ]
            ),
            [
                "Bruce Boudreau",
                "Bruce Boudreau",
                "Eric Reeves",
                "Bruce Boudreau"
            ]
        );
    }

    #[test]
    fn a_speaker_in_capitals_is_the_articles_full_name() {
        let text = "On Sunday, Hillary Clinton met Jake Tapper.\n\nTAPPER: Will you run?\n\n\
                    CLINTON: I will. Clinton then left.\n\nNASA: no comment.";
        assert_eq!(
            claimants(text, &["CLINTON", "TAPPER", "NASA", "FBI"]),
            ["Hillary Clinton", "Jake Tapper", "NASA", "FBI"]
        );
        // Two people of the name, or none: as written.
        let two = "Hillary Clinton spoke. Bill Clinton spoke too.\n\nCLINTON: Yes.";
        assert_eq!(claimants(two, &["CLINTON"]), ["CLINTON"]);
        assert_eq!(claimants("BENENSON: No.", &["BENENSON"]), ["BENENSON"]);
    }

    #[test]
    fn a_name_introduced_at_a_paragraph_s_head_and_a_short_first_name_are_one_person() {
        let text = "The campaign began in May.\nJeff Sanborn, president of a firm, spoke.\n\
                    “It works,” Sanborn said.";
        assert_eq!(claimants(text, &["Sanborn"]), ["Jeff Sanborn"]);
        // Opening a paragraph without a role after it, the name is not read
        // ("Meanwhile Sanborn …" is no name either way).
        let text = "The campaign began in May.\nJeff Sanborn spoke.\n“It works,” Sanborn said.";
        assert_eq!(claimants(text, &["Sanborn"]), ["Sanborn"]);
        let text = "Joshua Apte, a professor, spoke.\n— Josh Apte (@joshapte) November 4\n\
                    “It overflows,” Apte said.";
        assert_eq!(claimants(text, &["Apte"]), ["Joshua Apte"]);
        // Two first names, neither the other's short form: two people.
        let text =
            "Joshua Apte, a professor, spoke, and Maria Apte, his sister, too. Apte said so.";
        assert_eq!(claimants(text, &["Apte"]), ["Apte"]);
    }

    #[test]
    fn a_participle_opening_a_sentence_is_no_first_name() {
        let text = "Apple CEO Tim Cook said so. Hosting Cook at Dreamforce is our dream, \
                    Benioff said. Cook agreed.";
        assert_eq!(claimants(text, &["Cook"]), ["Tim Cook"]);
        // Used inside a sentence too, the word is a first name.
        let two = "Apple CEO Tim Cook said so. Sterling Cook spoke, and Sterling Cook \
                   left. Cook agreed.";
        assert_eq!(claimants(two, &["Cook"]), ["Cook"]);
    }

    #[test]
    fn two_people_of_one_name_keep_the_claimant_as_written() {
        let text = "Hillary Clinton spoke. Bill Clinton spoke too. Mr. Clinton said so, and Clinton agreed.";
        assert_eq!(
            claimants(text, &["Mr. Clinton", "Clinton"]),
            ["Mr. Clinton", "Clinton"]
        );
    }

    #[test]
    fn without_a_full_name_the_surname_stays_and_the_gazetteer_decides() {
        let text = "President Obama said so. Smith and York agreed. President Xi said more.";
        assert_eq!(
            claimants(
                text,
                &["President Obama", "York", "President Xi", "@author", "he"]
            ),
            ["Obama", "York", "President Xi", "@author", "he"]
        );
    }

    #[test]
    fn offices_places_common_words_and_pairs_are_no_first_names() {
        let text = "Secretary of State Mike Pompeo spoke, as did envoy to Ukraine Kurt Volker \
                    and Dr. Owen John Dempsey. Pompeo’s aide, Dempsey and Volker agreed. Summary Studies show it; studies vary. \
                    Trump and US Trade Representative Robert Lighthizer said so. Sanders’s aide, \
                    Bernie Sanders, spoke.";
        assert_eq!(
            claimants(
                text,
                &[
                    "Pompeo",
                    "Volker",
                    "Dempsey",
                    "Studies",
                    "Trump and US Trade Representative Robert Lighthizer",
                    "Sanders’s",
                    "The Obama administration’s",
                    "Now let's",
                    "The Times'"
                ]
            ),
            [
                "Mike Pompeo",
                "Kurt Volker",
                "Owen John Dempsey",
                "Studies",
                "Trump and US Trade Representative Robert Lighthizer",
                "Bernie Sanders",
                "The Obama administration",
                "Now let's",
                "The Times"
            ]
        );
    }

    #[test]
    fn hostile_claimants_and_texts_keep_a_name_and_do_not_panic() {
        assert_eq!(without_title("Mr."), "Mr.");
        assert_eq!(without_title("President Vice"), "President Vice");
        assert_eq!(without_title(""), "");
        // One surname met 20,000 times, glued to other words, at the very
        // start and end of the text, in scripts other than Latin.
        let text = format!(
            "Boudreau{}Zoë Boudreau-Ames said so. Mr. É Boudreau",
            " Coach Boudreau,".repeat(20_000)
        );
        for claimant in ["Boudreau", "Mr.", "", "É", "广电总局", "Boudreau’s", "’s"] {
            let got = claimants(&text, &[claimant]);
            assert_eq!(got.len(), 1);
            assert!(
                claimant.trim().is_empty() || !got[0].is_empty(),
                "{claimant:?} -> {got:?}"
            );
        }
    }

    #[test]
    fn sentence_openers_are_no_first_names() {
        let text = "But Boudreau said no. Asked Boudreau, he smiled. In March Boudreau left.";
        assert_eq!(claimants(text, &["Boudreau"]), ["Boudreau"]);
        let text = "Haunted Izuku ran. I’m Haoyu, said he. Sudan and South Sudan met.";
        assert_eq!(
            claimants(text, &["Izuku", "Haoyu", "Sudan"]),
            ["Izuku", "Haoyu", "Sudan"]
        );
        // Once inside a sentence, a first name opening one counts.
        let text = "Jessie Buckley sang. The actress Jessie was there. Buckley said so.";
        assert_eq!(claimants(text, &["Buckley"]), ["Jessie Buckley"]);
    }
}
