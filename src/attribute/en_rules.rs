//! English patterns the learned model misses, applied after it.
//!
//! - **Made clear**: "X has made its ambition explicit: …", "X made clear
//!   that …" — X is the source, the rest of the sentence the content.
//! - **Continued account**: the sentence right after an "according to"
//!   attribution, in the same paragraph and attributed to nobody, goes on
//!   with the same source's account ("According to X, A. The aim is B."):
//!   it is credited to the same claimant, not to the author. Only one
//!   sentence is carried over, and not one that turns the argument ("But",
//!   "However", "I", "We").
//! - **Signed quotes**: a line that is a quotation, or an embedded post,
//!   signed after a dash with a name — `“…” ― Sonya Herridge`,
//!   `… pic.twitter.com/x — Paul Ryan (@SpeakerRyan) July 5, 2016`: the dash
//!   is the cue, the name the source, the rest of the line the content.

use super::assertions::sentences;
use super::{AttributionKind, Found, Span};
use regex::Regex;
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

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn covered_by(found: &[Found], r: &Range<usize>) -> bool {
    found.iter().any(|f| {
        f.content
            .parts
            .iter()
            .chain(&f.cue.parts)
            .any(|p| overlaps(p, r))
    })
}

/// "X made clear …" attributions not already found.
pub fn made_clear(text: &str, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    // The pattern opens with a name, so the regex engine has no literal to
    // skip ahead by; its one fixed word is looked for first.
    if !text.contains("made") {
        return out;
    }
    for sentence in sentences(text) {
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
            if content_text.split_whitespace().count() < 3 || covered_by(found, &cue_range) {
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
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
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
        let (Some(content), Some(cue), Some(source)) =
            (m.name("content"), m.name("cue"), m.name("source"))
        else {
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
        if covered_by(found, &cue_range) {
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

/// The sentences that continue an "according to" account.
pub fn continued_accounts(text: &str, found: &[Found]) -> Vec<Found> {
    let all = sentences(text);
    let mut out = Vec::new();
    for f in found
        .iter()
        .filter(|f| f.kind == AttributionKind::AccordingTo)
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
            || covered_by(found, next)
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

    #[test]
    fn made_clear_names_its_source_and_content() {
        let text = "The Ministry of Commerce has made its position clear: tariffs on films will stay. \
                    Nobody made anything.";
        let got = made_clear(text, &[]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].claimant.as_deref(), Some("The Ministry of Commerce"));
        assert_eq!(got[0].content.text(text), "tariffs on films will stay");
        assert_eq!(got[0].cue.text(text), "has made its position clear");
        let text = "Last week officials made clear that quotas would rise next year.";
        assert!(
            made_clear(text, &[]).is_empty(),
            "a lower-case source is the model's business"
        );
        let text = "Xinhua made clear that quotas would rise next year.";
        assert_eq!(
            made_clear(text, &[])[0].content.text(text),
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
        // Hostile input stays linear.
        let long = format!("“{}” — ", "word ".repeat(100_000));
        assert!(signed_quotes(&long, &[]).is_empty());
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
        let got = continued_accounts(text, std::slice::from_ref(&f));
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].content.text(text),
            "The goal is bigger: ten markets by 2030."
        );
        assert_eq!(got[0].claimant.as_deref(), Some("Xinhua"));
        // Not across a paragraph, not a turn of argument.
        let text2 =
            "According to Xinhua, exports doubled.\nThe goal is bigger: ten markets by 2030.";
        assert!(continued_accounts(text2, std::slice::from_ref(&f)).is_empty());
        let text3 =
            "According to Xinhua, exports doubled. But the goal is bigger than ten markets.";
        assert!(continued_accounts(text3, &[f]).is_empty());
    }
}
