//! Features of tokens for the attribution model, as 64-bit hashes.
//!
//! Each token's observations (word, rough stem, shape, suffix, quotation
//! state) are hashed once ([`Observed`]); the cue tagger combines a token
//! with its neighbours ([`cue_features`]), the role tagger combines it with
//! where it stands relative to one cue ([`role_features`]): side, distance,
//! sentence, punctuation and quotation marks in between, and the cue's
//! own word. Hashing is fixed (no random seeds), so a saved model means the
//! same thing on every machine.

use super::tokens::{TokenKind, Tokenized};

/// Mixes a value into a well-spread 64-bit hash (splitmix64's finaliser).
#[inline]
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A feature from a template number and up to three values.
#[inline]
fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(
        mix(mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a) ^ b.rotate_left(21))
            ^ c.rotate_left(42),
    )
}

/// FNV-1a over the lower-cased bytes of `s`.
pub fn hash_lower(s: &str) -> u64 {
    hash_chars(s.chars().flat_map(char::to_lowercase))
}

/// [`hash_lower`] of a text already lower-cased (the same value, without
/// lower-casing again).
fn hash_lowered(lower: &str) -> u64 {
    hash_chars(lower.chars())
}

/// FNV-1a over the UTF-8 of `chars`, curly quotes and backticks read as
/// straight quotes.
fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        let c = match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' | '„' => '"',
            c => c,
        };
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A rough English stem: "says", "said" and "saying" stay apart, but
/// "warns"/"warned"/"warning" meet.
fn stem(lower: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(s) = lower.strip_suffix(suffix)
            && s.len() >= 3
        {
            return s;
        }
    }
    lower
}

/// The shape of a word: `Xxxx`, `XX`, `xxxx`, `dd`, `X.X.`…, runs collapsed.
fn shape(word: &str) -> u64 {
    let mut h: u64 = 0x811c_9dc5;
    let mut last = ' ';
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            h = mix(h ^ u64::from(k));
            last = k;
        }
    }
    h
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "their",
];

/// What is known about one token, hashed once.
#[derive(Debug, Clone, Copy)]
pub struct Observed {
    /// The lower-cased word.
    pub word: u64,
    /// Its rough stem.
    pub stem: u64,
    /// Its shape.
    pub shape: u64,
    /// Its last three characters.
    pub suffix: u64,
    /// Starts with a capital letter.
    pub capital: bool,
    /// A personal pronoun.
    pub pronoun: bool,
    /// Token kind.
    pub kind: TokenKind,
    /// Inside quotation marks.
    pub in_quote: bool,
    /// A comma.
    pub comma: bool,
    /// A colon.
    pub colon: bool,
    /// A full stop.
    pub stop: bool,
    /// Its attribution word class ([`super::lexicon`]), 0 for none.
    pub lex: u64,
}

/// Observes every token of `t` in `text`.
pub fn observe(text: &str, t: &Tokenized) -> Vec<Observed> {
    let mut lower = String::new();
    let lexicon = &*super::lexicon::LEXICON;
    t.tokens
        .iter()
        .map(|tok| {
            let s = &text[tok.range.clone()];
            // A site's name is read as its first label ("Polygraph.info"
            // as "Polygraph"): the model was trained on text that split
            // it there.
            let s = match s.split_once('.') {
                Some((head, _)) if tok.kind == TokenKind::Word && !head.is_empty() => head,
                _ => s,
            };
            lower.clear();
            lower.extend(s.chars().flat_map(char::to_lowercase));
            // The last three characters.
            let suffix = lower
                .char_indices()
                .rev()
                .nth(2)
                .map_or(lower.as_str(), |(at, _)| &lower[at..]);
            let word = hash_lowered(&lower);
            Observed {
                lex: u64::from(lexicon.class(word)),
                word,
                stem: hash_lowered(stem(&lower)),
                shape: shape(s),
                suffix: hash_lowered(suffix),
                capital: s.chars().next().is_some_and(char::is_uppercase),
                pronoun: PRONOUNS.contains(&lower.as_str()),
                kind: tok.kind,
                in_quote: tok.in_quote,
                comma: s == ",",
                colon: s == ":",
                stop: s == ".",
            }
        })
        .collect()
}

const NONE: u64 = 0x5555;
const START: u64 = 0x1111;
const END: u64 = 0x2222;

fn kind_code(k: TokenKind) -> u64 {
    match k {
        TokenKind::Word => 1,
        TokenKind::Number => 2,
        TokenKind::Quote => 3,
        TokenKind::Punct => 4,
    }
}

/// Features for tagging token `i` of the sentence `range` as part of a cue.
pub fn cue_features(
    obs: &[Observed],
    counts: &Counts,
    range: std::ops::Range<usize>,
    i: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let o = &obs[i];
    let at = |k: isize| -> Option<&Observed> {
        let j = i as isize + k;
        (j >= range.start as isize && j < range.end as isize).then(|| &obs[j as usize])
    };
    let word = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |x| x.word);
    let (w0, wm1, wp1, wm2, wp2) = (o.word, word(-1), word(1), word(-2), word(2));
    out.push(feat(1, 0, 0, 0));
    out.push(feat(2, w0, 0, 0));
    out.push(feat(3, o.stem, 0, 0));
    out.push(feat(4, o.shape, 0, 0));
    out.push(feat(5, o.suffix, 0, 0));
    out.push(feat(6, wm1, 0, 0));
    out.push(feat(7, wp1, 0, 0));
    out.push(feat(8, wm2, 0, 0));
    out.push(feat(9, wp2, 0, 0));
    out.push(feat(10, wm1, w0, 0));
    out.push(feat(11, w0, wp1, 0));
    out.push(feat(12, wm1, w0, wp1));
    out.push(feat(13, o.stem, u64::from(o.in_quote), 0));
    out.push(feat(14, kind_code(o.kind), u64::from(o.in_quote), 0));
    out.push(feat(15, at(-1).map_or(START, |x| x.stem), o.stem, 0));
    out.push(feat(16, o.stem, at(1).map_or(END, |x| x.stem), 0));
    // Quotation marks and commas next to the token ("…," she said).
    let mark = |x: Option<&Observed>| {
        x.map_or(NONE, |x| {
            kind_code(x.kind) * 8 + u64::from(x.comma) * 2 + u64::from(x.colon)
        })
    };
    out.push(feat(17, mark(at(-1)), mark(at(-2)), o.stem));
    out.push(feat(18, mark(at(1)), mark(at(2)), o.stem));
    out.push(feat(
        19,
        u64::from(i == range.start),
        u64::from(i + 1 == range.end),
        o.stem,
    ));
    // Is there quoted matter in the sentence, before or after the token?
    let quote_before = counts.quotes[i] > counts.quotes[range.start];
    let quote_after = counts.quotes[range.end] > counts.quotes[i + 1];
    out.push(feat(
        20,
        u64::from(quote_before),
        u64::from(quote_after),
        o.stem,
    ));
    out.push(feat(
        21,
        at(-1).map_or(NONE, |x| u64::from(x.pronoun) * 2 + u64::from(x.capital)),
        o.stem,
        0,
    ));
    // Attribution word classes: the token's, its neighbours'.
    let lex = |k: isize| at(k).map_or(NONE, |x| x.lex);
    out.push(feat(22, o.lex, 0, 0));
    out.push(feat(23, o.lex, lex(-1), 0));
    out.push(feat(24, o.lex, lex(1), 0));
    out.push(feat(25, lex(-1), w0, 0));
    out.push(feat(26, o.lex, mark(at(1)), mark(at(-1))));
    out.push(feat(
        27,
        o.lex,
        u64::from(quote_before),
        u64::from(quote_after),
    ));
    out.push(feat(28, lex(-2), lex(-1), o.lex));
}

/// Where a cue is, for [`role_features`].
#[derive(Debug, Clone)]
pub struct CueContext {
    /// Its tokens.
    pub tokens: std::ops::Range<usize>,
    /// Its sentence.
    pub sentence: usize,
    /// Hash of its words together.
    pub words: u64,
    /// Stem of its last word.
    pub head: u64,
    /// The word after it.
    pub next: u64,
    /// The word before it.
    pub previous: u64,
}

impl CueContext {
    /// The context of the cue on `tokens`.
    pub fn new(obs: &[Observed], sentence: usize, tokens: std::ops::Range<usize>) -> Self {
        let words = obs[tokens.clone()]
            .iter()
            .fold(0u64, |h, o| mix(h ^ o.word));
        let head = obs[tokens.end - 1].stem;
        let next = obs.get(tokens.end).map_or(END, |o| o.word);
        let previous = tokens.start.checked_sub(1).map_or(START, |j| obs[j].word);
        CueContext {
            tokens,
            sentence,
            words,
            head,
            next,
            previous,
        }
    }
}

/// Running counts along a text, so "how many commas between here and the
/// cue" takes constant time.
#[derive(Debug, Clone)]
pub struct Counts {
    commas: Vec<u32>,
    quotes: Vec<u32>,
}

impl Counts {
    /// Counts over `obs`.
    pub fn new(obs: &[Observed]) -> Self {
        let mut commas = vec![0; obs.len() + 1];
        let mut quotes = vec![0; obs.len() + 1];
        for (i, o) in obs.iter().enumerate() {
            commas[i + 1] = commas[i] + u32::from(o.comma || o.colon);
            quotes[i + 1] = quotes[i] + u32::from(o.kind == TokenKind::Quote);
        }
        Counts { commas, quotes }
    }

    fn between(v: &[u32], a: usize, b: usize) -> u32 {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        v[b] - v[a]
    }
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        13..=20 => 7,
        21..=35 => 8,
        _ => 9,
    }
}

/// Features for tagging token `i` (in sentence `sentence`) as source,
/// content or neither of the cue `cue`.
pub fn role_features(
    obs: &[Observed],
    counts: &Counts,
    cue: &CueContext,
    i: usize,
    sentence: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let o = &obs[i];
    let (dir, dist, a, b) = if i < cue.tokens.start {
        (1u64, cue.tokens.start - i, i + 1, cue.tokens.start)
    } else if i >= cue.tokens.end {
        (2, i + 1 - cue.tokens.end, cue.tokens.end, i)
    } else {
        (3, 0, i, i)
    };
    let sd = (sentence as i64 - cue.sentence as i64).clamp(-3, 4) as u64;
    let db = bucket(dist);
    let commas = u64::from(Counts::between(&counts.commas, a, b).min(4));
    let quotes = u64::from(Counts::between(&counts.quotes, a, b).min(4));
    let word = |j: Option<usize>| j.and_then(|j| obs.get(j)).map_or(NONE, |x| x.word);
    let (wm1, wp1) = (word(i.checked_sub(1)), word(Some(i + 1)));
    out.push(feat(40, dir, 0, 0));
    out.push(feat(41, dir, db, 0));
    out.push(feat(42, dir, sd, 0));
    out.push(feat(43, dir, db, sd));
    out.push(feat(44, dir, o.word, 0));
    out.push(feat(45, dir, o.stem, 0));
    out.push(feat(46, dir, o.shape, 0));
    out.push(feat(47, dir, u64::from(o.capital), kind_code(o.kind)));
    out.push(feat(48, dir, wm1, 0));
    out.push(feat(49, dir, wp1, 0));
    out.push(feat(50, dir, u64::from(o.in_quote), sd));
    out.push(feat(51, dir, commas, quotes));
    out.push(feat(52, dir, commas, db));
    out.push(feat(53, dir, quotes, u64::from(o.in_quote)));
    out.push(feat(54, dir, cue.head, db.min(3)));
    out.push(feat(55, dir, cue.words, 0));
    out.push(feat(56, dir, cue.words, commas));
    out.push(feat(57, dir, cue.next, db.min(3)));
    out.push(feat(58, dir, cue.previous, db.min(3)));
    out.push(feat(59, dir, u64::from(o.pronoun), db));
    out.push(feat(60, dir, o.word, db.min(2)));
    out.push(feat(61, dir, cue.head, o.word));
    out.push(feat(62, dir, u64::from(o.in_quote), db));
    out.push(feat(63, dir, wm1, o.word));
    out.push(feat(64, dir, o.suffix, u64::from(o.capital)));
    out.push(feat(65, dir, cue.next, u64::from(o.in_quote)));
    out.push(feat(66, dir, cue.words, quotes.min(1) * 8 + db.min(5)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::tokens::tokenize;

    #[test]
    fn hashing_is_case_and_apostrophe_blind_and_stems_meet() {
        assert_eq!(hash_lower("Said"), hash_lower("said"));
        for word in ["Said", "İstanbul", "ΣΟΦΊΑ", "Clinton’s", "ǅemal", "straße"] {
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(hash_lowered(&lower), hash_lower(word), "{word}");
        }
        assert_eq!(hash_lower("Clinton’s"), hash_lower("clinton's"));
        assert_eq!(stem("warned"), stem("warns"));
        assert_ne!(stem("said"), stem("says"));
        assert_eq!(shape("Clinton"), shape("Trump"));
        assert_ne!(shape("NASA"), shape("Nasa"));
    }

    #[test]
    fn features_differ_by_side_of_the_cue() {
        let text = "Officials said the plan works, officials said.";
        let t = tokenize(text);
        let obs = observe(text, &t);
        let counts = Counts::new(&obs);
        let cue = CueContext::new(&obs, 0, 1..2);
        let (mut before, mut after) = (Vec::new(), Vec::new());
        role_features(&obs, &counts, &cue, 0, 0, &mut before);
        role_features(&obs, &counts, &cue, 6, 0, &mut after);
        assert_eq!(before.len(), after.len());
        assert!(before.iter().all(|f| !after.contains(f)));
        let mut c = Vec::new();
        cue_features(&obs, &counts, 0..t.tokens.len(), 1, &mut c);
        assert!(c.len() > 10);
    }
}
