//! Entity linking: the gazetteer's names (labels and aliases, English and
//! Chinese) found in a text by one Aho–Corasick automaton, and claimant names
//! resolved to entities as a whole.
//!
//! Finding names in a text ([`Linker::mentions`]):
//!
//! - The text is first *folded* so that spelling noise does not hide a name:
//!   runs of white space become one space, curly apostrophes become `'`, and
//!   full-width ASCII (`ＡＩ`) becomes ASCII. Mentions are reported as byte
//!   ranges of the original text.
//! - Names with Han characters match exactly, anywhere (Chinese has no word
//!   boundaries).
//! - Other names match on word boundaries, ignoring ASCII case except that a
//!   capital beginning a word of the name must be a capital in the text
//!   ("Micro-dramas" and "SOUTH CHINA MORNING POST" match, but "the paper
//!   found" is not the outlet *The Paper* and "xi" is not Xi Jinping). A
//!   leading "the" matches in either case. Short acronyms (three letters or
//!   fewer, all capitals: "AI", "US", "U.S.") match only as written.
//! - An English name may take a plural (`s`, `es`), which the mention covers,
//!   and a possessive (`'s`, `’s`, `Reuters'`), which it does not.
//! - Of overlapping candidates the leftmost wins, then the longest.
//!
//! When one name belongs to several entities, labels win over aliases
//! ("Beijing" is the city's label and an alias of the government: the city);
//! a name still shared is ambiguous and is neither found nor resolved.

use crate::gazetteer::{Entity, Gazetteer};
use crate::index::analysis::is_han;
use crate::text::normalise;
use aho_corasick::{AhoCorasick, MatchKind};
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

/// One name of the gazetteer found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mention {
    /// Byte range in the text: the name as written, with its plural ending
    /// but without a possessive.
    pub range: Range<usize>,
    /// Index into the linker's (and its gazetteer's) entities.
    pub entity: usize,
}

/// The gazetteer's names, compiled for finding them in texts and for
/// resolving claimant names. Build it once and reuse it.
#[derive(Debug, Clone)]
pub struct Linker {
    entities: Vec<Entity>,
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    by_key: HashMap<String, usize>,
}

/// A name as searched for in folded text.
#[derive(Debug, Clone)]
struct Pattern {
    /// The folded name (the bytes given to the automaton).
    name: String,
    entity: usize,
    rule: Rule,
}

/// How a match of a pattern is accepted.
#[derive(Debug, Clone)]
enum Rule {
    /// Exactly as written, anywhere: names with Han characters.
    Exact,
    /// On word boundaries, with an optional plural and possessive.
    Word {
        /// Only as written (short acronyms); else ASCII case is free except
        /// at `capitals`.
        exact_case: bool,
        /// Byte offsets in the name of capitals that must stay capitals.
        capitals: Vec<usize>,
    },
}

/// Labels are preferred to aliases when a name belongs to several entities.
const LABEL: u8 = 0;
const ALIAS: u8 = 1;

static EMBEDDED: LazyLock<Linker> = LazyLock::new(|| Linker::new(&Gazetteer::embedded()));

impl Linker {
    /// Compiles every label and alias of every entity of `gazetteer`.
    pub fn new(gazetteer: &Gazetteer) -> Linker {
        let entities = gazetteer.entities().to_vec();
        let patterns = compile_patterns(&entities);
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.name.as_bytes()))
            .expect("gazetteer names are few and short enough for an automaton");
        let by_key = unique_names(&entities, normalised_name);
        Linker {
            entities,
            automaton,
            patterns,
            by_key,
        }
    }

    /// The linker of the gazetteer shipped with claimgraph, built on first use.
    pub fn embedded() -> &'static Linker {
        &EMBEDDED
    }

    /// The entity a [`Mention`] or [`Linker::resolve_name`] refers to.
    ///
    /// Panics if `index` did not come from this linker.
    pub fn entity(&self, index: usize) -> &Entity {
        &self.entities[index]
    }

    /// Every entity, in the gazetteer's order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The gazetteer's names in `text`, in text order, non-overlapping.
    ///
    /// One pass of the automaton over the text, then a sort of the candidate
    /// matches (few: only the names that can end at one place), so the time
    /// grows with the length of the text.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let folded = Folded::new(text);
        let haystack = folded.text.as_str();
        let mut candidates: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(haystack)
            .filter_map(|m| {
                let id = m.pattern().as_usize();
                let end = self.patterns[id].accept(haystack, m.start(), m.end())?;
                Some((m.start(), end, id))
            })
            .collect();
        candidates.sort_unstable_by_key(|&(start, end, id)| (start, Reverse(end), id));
        leftmost_longest(candidates)
            .map(|(start, end, id)| Mention {
                range: folded.original(start..end),
                entity: self.patterns[id].entity,
            })
            .collect()
    }

    /// The entity a claimant name as written refers to ("the South China
    /// Morning Post", "SCMP", "南华早报", "Xinhua's"): the whole name must be a
    /// label or alias once both are [`normalised_name`]d. `None` for unknown
    /// or ambiguous names.
    pub fn resolve_name(&self, name: &str) -> Option<usize> {
        self.by_key.get(&normalised_name(name)).copied()
    }

    /// [`Linker::resolve_name`] for someone who claims something: a place
    /// does not speak, so when the name's entity is a place and an agent
    /// goes by the same name ("Beijing" for the Chinese government), the
    /// agent is meant.
    pub fn resolve_claimant(&self, name: &str) -> Option<usize> {
        let first = self.resolve_name(name)?;
        if !is_place(self.entity(first)) {
            return Some(first);
        }
        let key = normalised_name(name);
        self.entities
            .iter()
            .position(|e| {
                !is_place(e)
                    && e.labels
                        .iter()
                        .chain(&e.aliases)
                        .any(|n| normalised_name(n) == key)
            })
            .or(Some(first))
    }

    /// Whether the entity a claimant's `name` resolves to has the type
    /// `class`; `None` when the gazetteer does not know the name.
    pub fn claimant_is_a(
        &self,
        name: &str,
        class: oxigraph::model::NamedNodeRef<'_>,
    ) -> Option<bool> {
        self.resolve_claimant(name)
            .map(|e| self.entity(e).types.iter().any(|t| t.as_ref() == class))
    }
}

/// The key by which claimant names are compared and merged: NFKC, lower
/// case, curly quotes straightened, white space collapsed, surrounding
/// punctuation, a leading "the" and a trailing possessive removed.
/// "The Washington Post's" and "washington  post" share the key
/// `washington post`.
pub fn normalised_name(name: &str) -> String {
    let straight: String = normalise(name).chars().map(straighten_quote).collect();
    let trimmed = trim_punctuation(&straight);
    let without_possessive = trimmed.strip_suffix("'s").unwrap_or(trimmed);
    let trimmed = trim_punctuation(without_possessive);
    let without_article = trimmed.strip_prefix("the ").unwrap_or(trimmed);
    trim_punctuation(without_article).to_owned()
}

fn straighten_quote(c: char) -> char {
    match c {
        '‘' | '’' | 'ʼ' | '′' => '\'',
        '“' | '”' | '″' => '"',
        other => other,
    }
}

/// `s` without the white space and punctuation around it.
fn trim_punctuation(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Each name → the one entity it names, built from every label and alias
/// under `key`; labels win over aliases, and names shared by several entities
/// at the same level are left out.
fn unique_names(entities: &[Entity], key: impl Fn(&str) -> String) -> HashMap<String, usize> {
    let mut best: BTreeMap<String, (u8, Vec<usize>)> = BTreeMap::new();
    for (index, entity) in entities.iter().enumerate() {
        let names = entity
            .labels
            .iter()
            .map(|n| (LABEL, n))
            .chain(entity.aliases.iter().map(|n| (ALIAS, n)));
        for (level, name) in names {
            let name = key(name);
            if name.is_empty() {
                continue;
            }
            let slot = best.entry(name).or_insert((level, Vec::new()));
            if level < slot.0 {
                *slot = (level, Vec::new());
            }
            if level == slot.0 && !slot.1.contains(&index) {
                slot.1.push(index);
            }
        }
    }
    best.into_iter()
        .filter_map(|(name, (_, owners))| match owners.as_slice() {
            [one] => Some((name, *one)),
            _ => None,
        })
        .collect()
}

/// The patterns of every unambiguous name, in name order (deterministic).
fn compile_patterns(entities: &[Entity]) -> Vec<Pattern> {
    let mut names: Vec<(String, usize)> =
        unique_names(entities, pattern_text).into_iter().collect();
    names.sort();
    names
        .into_iter()
        .map(|(name, entity)| {
            let rule = rule_for(&name);
            Pattern { name, entity, rule }
        })
        .collect()
}

/// A gazetteer name as searched for: folded like texts are, without
/// enclosing brackets or quotes (`《南华早报》` is searched as `南华早报`).
fn pattern_text(name: &str) -> String {
    let folded = Folded::new(name).text;
    let mut name = folded.trim();
    while let Some(inner) = strip_enclosing(name) {
        name = inner.trim();
    }
    name.to_owned()
}

fn strip_enclosing(name: &str) -> Option<&str> {
    const PAIRS: [(char, char); 6] = [
        ('《', '》'),
        ('“', '”'),
        ('"', '"'),
        ('\'', '\''),
        ('「', '」'),
        ('(', ')'),
    ];
    PAIRS.iter().find_map(|&(open, close)| {
        name.strip_prefix(open)?
            .strip_suffix(close)
            .filter(|inner| !inner.is_empty())
    })
}

fn rule_for(name: &str) -> Rule {
    if name.chars().any(is_han) {
        return Rule::Exact;
    }
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let short_acronym = letters.len() <= 3 && letters.iter().all(char::is_ascii_uppercase);
    Rule::Word {
        exact_case: short_acronym,
        capitals: word_initial_capitals(name),
    }
}

/// Offsets of the capitals that begin a word of `name`, after a leading
/// article (whose case is free).
fn word_initial_capitals(name: &str) -> Vec<usize> {
    let bytes = name.as_bytes();
    let skip = if bytes.len() > 4 && bytes[..4].eq_ignore_ascii_case(b"the ") {
        4
    } else {
        0
    };
    (skip..bytes.len())
        .filter(|&i| {
            bytes[i].is_ascii_uppercase() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
        })
        .collect()
}

impl Pattern {
    /// Where the mention of a match at `start..end` of folded `text` ends
    /// (after a plural ending), or `None` if the match is not a mention.
    fn accept(&self, text: &str, start: usize, end: usize) -> Option<usize> {
        let found = &text.as_bytes()[start..end];
        match &self.rule {
            Rule::Exact => (found == self.name.as_bytes()).then_some(end),
            Rule::Word {
                exact_case,
                capitals,
            } => {
                let case_ok = if *exact_case {
                    found == self.name.as_bytes()
                } else {
                    capitals.iter().all(|&i| found[i].is_ascii_uppercase())
                };
                if !case_ok || (self.starts_with_word_char() && word_before(text, start)) {
                    return None;
                }
                self.word_end(text, end, *exact_case)
            }
        }
    }

    fn starts_with_word_char(&self) -> bool {
        self.name.chars().next().is_some_and(is_word_char)
    }

    /// The end of the mention if the word ends at `end`, possibly after a
    /// plural ending and before a possessive.
    fn word_end(&self, text: &str, end: usize, exact_case: bool) -> Option<usize> {
        let last = self.name.chars().next_back()?;
        if !is_word_char(last) {
            return Some(end);
        }
        let rest = &text.as_bytes()[end..];
        let plurals: &[&[u8]] = if last.is_ascii_alphabetic() {
            &[b"es", b"s", b""]
        } else {
            &[b""]
        };
        plurals.iter().find_map(|plural| {
            let ending = rest.get(..plural.len())?;
            let same = if exact_case {
                ending == *plural
            } else {
                ending.eq_ignore_ascii_case(plural)
            };
            let at = end + plural.len();
            (same && ends_word(text, at)).then_some(at)
        })
    }
}

/// Leftmost, then longest, non-overlapping, from candidates sorted by start
/// and then by decreasing end.
fn leftmost_longest(
    sorted: Vec<(usize, usize, usize)>,
) -> impl Iterator<Item = (usize, usize, usize)> {
    let mut reached = 0;
    sorted.into_iter().filter(move |&(start, end, _)| {
        let free = start >= reached;
        if free {
            reached = end;
        }
        free
    })
}

/// A letter or digit of a script that separates words with spaces.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// Whether the word before byte `at` of `text` runs into it (a word
/// character, or an apostrophe inside a word as in "O'Brien").
fn word_before(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        Some('\'') => before.next().is_some_and(is_word_char),
        Some(c) => is_word_char(c),
        None => false,
    }
}

/// Whether a word ends at byte `at` of `text`: what follows is not a word
/// character nor an apostrophe inside a word ("Xi'an"), except for the
/// possessive `'s`.
fn ends_word(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    if let Some(after) = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("'S")) {
        return !starts_word(after);
    }
    !starts_word(rest)
}

fn starts_word(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('\'') => chars.next().is_some_and(is_word_char),
        Some(c) => is_word_char(c),
        None => false,
    }
}

/// A text with white space runs collapsed, curly apostrophes straightened and
/// full-width ASCII made ASCII, with the way back to the original offsets.
struct Folded {
    text: String,
    /// For each byte of `text`, the offset of the original character it came
    /// from; one more entry for the end of the text.
    origin: Vec<usize>,
}

impl Folded {
    fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            let Some(folded) = fold_char(c, text.ends_with(' ')) else {
                continue;
            };
            let before = text.len();
            text.push(folded);
            origin.resize(origin.len() + (text.len() - before), at);
        }
        origin.push(original.len());
        Folded { text, origin }
    }

    /// The original byte range of a range of the folded text.
    fn original(&self, range: Range<usize>) -> Range<usize> {
        self.origin[range.start]..self.origin[range.end]
    }
}

/// `c` as folded, or `None` when it is dropped (white space after a space).
fn fold_char(c: char, after_space: bool) -> Option<char> {
    if c.is_whitespace() {
        return (!after_space).then_some(' ');
    }
    Some(match c {
        '‘' | '’' | 'ʼ' => '\'',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        other => other,
    })
}

/// Is this entity a place (a city, a country, a region)?
fn is_place(e: &Entity) -> bool {
    e.types.iter().any(|t| {
        let t = t.as_str();
        [
            "Place",
            "City",
            "Country",
            "AdministrativeArea",
            "Continent",
        ]
        .iter()
        .any(|p| t.ends_with(&format!("/{p}")) || t.ends_with(&format!("#{p}")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};

    /// (text of the mention, entity id) for each mention.
    fn found(text: &str) -> Vec<(String, String)> {
        let linker = Linker::embedded();
        linker
            .mentions(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.range.clone()].to_owned(),
                    linker.entity(m.entity).id.clone(),
                )
            })
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|&(t, id)| (t.to_owned(), id.to_owned()))
            .collect()
    }

    fn resolved(name: &str) -> Option<String> {
        let linker = Linker::embedded();
        linker
            .resolve_name(name)
            .map(|i| linker.entity(i).id.clone())
    }

    fn gazetteer(turtle: &str) -> Gazetteer {
        let ttl = format!(
            "@prefix e: <https://w3id.org/claimgraph/id/entity/> .\n\
             @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
             @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n{turtle}"
        );
        let quads = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ttl.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let mut g = Gazetteer::default();
        g.extend(&quads);
        g
    }

    #[test]
    fn english_names_on_word_boundaries() {
        assert_eq!(
            found("Xinhua and the South China Morning Post reported it; Xinhuanet did not."),
            pairs(&[("Xinhua", "xinhua"), ("South China Morning Post", "scmp")])
        );
        // A word that merely contains a name is not a mention of it.
        assert!(found("Tencentral Hollywoodland Reutersville").is_empty());
        // Hyphens and punctuation are boundaries; an apostrophe inside a word
        // is not, so Xi'an is no mention of Xi Jinping.
        assert_eq!(
            found("Beijing-based (Kuaishou), Xi'an"),
            pairs(&[("Beijing", "beijing"), ("Kuaishou", "kuaishou")])
        );
    }

    #[test]
    fn capitals_that_begin_words_must_stay_capitals() {
        assert_eq!(
            found("SOUTH CHINA MORNING POST: Micro-dramas boom"),
            pairs(&[
                ("SOUTH CHINA MORNING POST", "scmp"),
                ("Micro-dramas", "micro-drama")
            ])
        );
        // The outlet The Paper, in either case of the article, but not the
        // ordinary words.
        assert_eq!(
            found("The Paper and the Paper agree; the paper found nothing."),
            pairs(&[("The Paper", "the-paper"), ("the Paper", "the-paper")])
        );
        // Inner capitals are free: iQiyi, IQIYI.
        assert_eq!(
            found("iqiyi IQIYI"),
            pairs(&[("iqiyi", "iqiyi"), ("IQIYI", "iqiyi")])
        );
        assert!(found("the xi of it, beijing").is_empty());
    }

    #[test]
    fn short_acronyms_match_only_as_written() {
        assert_eq!(
            found("AI helps US studios; ai and us do not count, nor SAID or USA-ish AIs."),
            pairs(&[
                ("AI", "artificial-intelligence"),
                ("US", "united-states"),
                ("USA", "united-states"),
                ("AIs", "artificial-intelligence"),
            ])
        );
        assert_eq!(
            found("U.S. and L.A. studios"),
            pairs(&[("U.S.", "united-states"), ("L.A.", "los-angeles")])
        );
    }

    #[test]
    fn plurals_are_covered_and_possessives_are_not() {
        let text = "SCMP's report, SCMP’s view, Reuters' desk, mini-dramas, vertical dramas' rise, \
                    MINI-DRAMAS";
        assert_eq!(
            found(text),
            pairs(&[
                ("SCMP", "scmp"),
                ("SCMP", "scmp"),
                ("Reuters", "reuters"),
                ("mini-dramas", "micro-drama"),
                ("vertical dramas", "micro-drama"),
                ("MINI-DRAMAS", "micro-drama"),
            ])
        );
        // A plural must end the word too.
        assert!(found("mini-dramatic, mini-dramass").is_empty());
        // `es` plurals, and a plural's possessive.
        let linker = Linker::new(&gazetteer(r#"e:x rdfs:label "Peach Studio"@en ."#));
        let text = "Peach Studioes' films";
        let ranges: Vec<&str> = linker
            .mentions(text)
            .into_iter()
            .map(|m| &text[m.range])
            .collect();
        assert_eq!(ranges, ["Peach Studioes"]);
    }

    #[test]
    fn chinese_names_match_exactly_without_boundaries() {
        assert_eq!(
            found("据新华社报道，国家广电总局表示，微短剧和短剧出海都在增长。"),
            pairs(&[
                ("新华社", "xinhua"),
                ("国家广电总局", "nrta"),
                ("微短剧", "micro-drama"),
                ("短剧出海", "cultural-going-global"),
            ])
        );
        // Brackets around a title are not part of the mention.
        assert_eq!(found("《南华早报》称"), pairs(&[("南华早报", "scmp")]));
        // Names with Latin letters inside Chinese are exact too.
        assert_eq!(
            found("芒果TV和芒果tv"),
            pairs(&[("芒果TV", "mango-tv"), ("芒果tv", "mango-tv")])
        );
    }

    #[test]
    fn overlapping_names_leftmost_then_longest() {
        assert_eq!(
            found(
                "AI micro-drama on Tencent Video in Hong Kong SAR, per the State Council of the People's Republic of China"
            ),
            pairs(&[
                ("AI micro-drama", "ai-micro-drama"),
                ("Tencent Video", "tencent-video"),
                ("Hong Kong SAR", "hong-kong"),
                (
                    "State Council of the People's Republic of China",
                    "state-council"
                ),
            ])
        );
        assert_eq!(
            found("中华人民共和国国务院与AI微短剧"),
            pairs(&[
                ("中华人民共和国国务院", "state-council"),
                ("AI微短剧", "ai-micro-drama")
            ])
        );
    }

    #[test]
    fn mixed_scripts_and_latin_names_inside_chinese() {
        assert_eq!(
            found("China Daily（中国日报）说，用AI制作的短剧在TikTok上走红。"),
            pairs(&[
                ("China Daily", "china-daily"),
                ("中国日报", "china-daily"),
                ("AI", "artificial-intelligence"),
                ("短剧", "micro-drama"),
                ("TikTok", "tiktok"),
            ])
        );
    }

    #[test]
    fn spelling_noise_is_folded_and_ranges_stay_in_the_original() {
        let text =
            "People’s Daily and South China\u{a0}\u{a0}Morning\n Post; ＡＩ短剧 and ＳＣＭＰ.";
        assert_eq!(
            found(text),
            pairs(&[
                ("People’s Daily", "peoples-daily"),
                ("South China\u{a0}\u{a0}Morning\n Post", "scmp"),
                ("ＡＩ短剧", "ai-micro-drama"),
                ("ＳＣＭＰ", "scmp"),
            ])
        );
    }

    #[test]
    fn labels_win_over_aliases_and_shared_names_are_left_out() {
        assert_eq!(found("Beijing said"), pairs(&[("Beijing", "beijing")]));
        let g = gazetteer(
            r#"e:a rdfs:label "Alpha Corp"@en ; skos:altLabel "Shared"@en , "甲"@zh .
               e:b rdfs:label "Beta Corp"@en ; skos:altLabel "Shared"@en , "Alpha Corp"@en ."#,
        );
        let linker = Linker::new(&g);
        let ids = |text: &str| -> Vec<String> {
            linker
                .mentions(text)
                .iter()
                .map(|m| linker.entity(m.entity).id.clone())
                .collect()
        };
        assert_eq!(ids("Alpha Corp, Shared, Beta Corp, 甲"), ["a", "b", "a"]);
        assert_eq!(linker.resolve_name("Shared"), None);
        assert_eq!(
            linker
                .resolve_name("alpha corp's")
                .map(|i| linker.entity(i).id.as_str()),
            Some("a")
        );
    }

    #[test]
    fn empty_gazetteer_and_empty_text() {
        let linker = Linker::new(&Gazetteer::default());
        assert!(linker.mentions("Xinhua said").is_empty());
        assert_eq!(linker.resolve_name("Xinhua"), None);
        assert!(Linker::embedded().mentions("").is_empty());
        assert!(found("   \n\t ").is_empty());
        assert!(found("nothing to see here, 没有名字").is_empty());
    }

    #[test]
    fn normalised_names_merge_spellings() {
        let key = normalised_name("The Washington Post's");
        assert_eq!(key, "washington post");
        assert_eq!(normalised_name("washington  post"), key);
        assert_eq!(normalised_name("“the WASHINGTON Post’s,”"), key);
        assert_eq!(normalised_name("Reuters'"), "reuters");
        assert_eq!(normalised_name("《南华早报》"), "南华早报");
        assert_eq!(normalised_name("ＳＣＭＰ"), "scmp");
        assert_eq!(normalised_name("People’s Daily"), "people's daily");
        assert_eq!(normalised_name(""), "");
        assert_eq!(normalised_name(" ,.; "), "");
        // Only a leading article goes.
        assert_eq!(
            normalised_name("Theatre of the Absurd"),
            "theatre of the absurd"
        );
    }

    #[test]
    fn claimant_names_resolve_as_a_whole() {
        for (name, id) in [
            ("the South China Morning Post", "scmp"),
            ("SCMP", "scmp"),
            ("南华早报", "scmp"),
            ("《南华早报》", "scmp"),
            ("Xinhua's", "xinhua"),
            ("People’s Daily", "peoples-daily"),
            ("the Economist", "the-economist"),
            ("Beijing", "beijing"),
            ("the Chinese Communist Party", "ccp"),
        ] {
            assert_eq!(resolved(name).as_deref(), Some(id), "{name}");
        }
        assert_eq!(resolved("Xinhua reporters"), None);
        assert_eq!(resolved("The Washington Post"), None);
        assert_eq!(resolved(""), None);
    }

    #[test]
    fn a_megabyte_of_text_is_linked_correctly() {
        let paragraph = "Xinhua said micro-dramas boom. 据新华社报道，广电总局表示。 SCMP’s reporters, \
                         ai and us, the South China Morning Post.\n\n";
        let copies = 1_000_000 / paragraph.len() + 1;
        let text = paragraph.repeat(copies);
        assert!(text.len() >= 1_000_000);
        let mentions = Linker::embedded().mentions(&text);
        let per_paragraph = found(paragraph);
        assert_eq!(per_paragraph.len(), 6, "{per_paragraph:?}");
        assert_eq!(mentions.len(), per_paragraph.len() * copies);
        for (i, m) in mentions.iter().enumerate() {
            let (name, id) = &per_paragraph[i % per_paragraph.len()];
            assert_eq!(&text[m.range.clone()], name);
            assert_eq!(&Linker::embedded().entity(m.entity).id, id);
        }
        // One huge word: nothing, and no quadratic blow-up.
        assert!(
            Linker::embedded()
                .mentions(&"AI".repeat(500_000))
                .is_empty()
        );
        assert_eq!(
            Linker::embedded().mentions(&"新华社".repeat(100_000)).len(),
            100_000
        );
    }

    #[test]
    fn a_place_named_as_claimant_is_the_agent_of_the_same_name() {
        let linker = Linker::embedded();
        let place = linker.resolve_name("Beijing").unwrap();
        assert_eq!(linker.entity(place).id, "beijing");
        let agent = linker.resolve_claimant("Beijing").unwrap();
        assert_eq!(linker.entity(agent).id, "chinese-government");
        // Names of agents are unchanged.
        let scmp = linker.resolve_name("South China Morning Post");
        assert_eq!(linker.resolve_claimant("South China Morning Post"), scmp);
        assert_eq!(linker.resolve_claimant("nobody in particular"), None);
    }
}
