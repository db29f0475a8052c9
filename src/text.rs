//! Text helpers shared along the data flow: name and claim normalisation,
//! code-point offsets (the unit of Web Annotation position selectors and of
//! SPARQL's SUBSTR), finding quotes, and the nearest match for a suggestion.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Normalises a name or proposition for comparison: NFKC (full-width to
/// half-width, compatibility forms), lower case, white space collapsed,
/// surrounding white space and quote marks removed.
pub fn normalise(s: &str) -> String {
    // Most text is already in NFKC (all ASCII is): the quick check spares
    // it the decomposition and recomposition, with the same result.
    let folded: String = if s.is_ascii() {
        s.to_ascii_lowercase()
    } else if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        s.chars().flat_map(char::to_lowercase).collect()
    } else {
        s.nfkc().flat_map(char::to_lowercase).collect()
    };
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_matches(|c: char| is_quote_mark(c) || c.is_whitespace())
        .to_owned()
}

/// Normalises a proposition for its claim key: [`normalise`], then trailing
/// sentence punctuation and quote marks removed, so that "X." and "X" are one
/// claim.
pub fn normalise_claim(s: &str) -> String {
    normalise(s)
        .trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | '!' | '?' | ';' | ',' | '。' | '！' | '？' | '；' | '，'
            ) || is_quote_mark(c)
                || c.is_whitespace()
        })
        .to_owned()
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '「' | '」' | '『' | '』' | '《' | '》'
    )
}

/// The byte offsets at which `needle` starts in `haystack` (overlapping
/// occurrences included).
pub fn find_all(haystack: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = haystack[from..].find(needle) {
        found.push(from + i);
        // Step one character, not one byte, to stay on a char boundary.
        from += i + haystack[from + i..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
    }
    found
}

/// Now, as an ISO 8601 UTC date-time to the second (`2026-12-01T18:39:10Z`).
pub fn now_iso() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let iso = crate::index::search::iso_date(secs);
    if iso.contains('T') {
        iso
    } else {
        format!("{iso}T00:00:00Z")
    }
}

/// Converts a byte offset into `s` to a code-point offset.
pub fn char_offset(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(s: &str, byte: usize) -> (u64, u64) {
    let byte = byte.min(s.len());
    let before = &s[..floor_char_boundary(s, byte)];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, column)
}

/// The largest char boundary of `s` at or before byte `i` (`s`'s length
/// past its end).
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after byte `i` (`s`'s length
/// past its end).
pub(crate) fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Up to `n` characters of `s` ending at byte `end`.
pub fn chars_before(s: &str, end: usize, n: usize) -> &str {
    let start = s[..end]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 { &s[end..end] } else { &s[start..end] }
}

/// Up to `n` characters of `s` starting at byte `start`.
pub fn chars_after(s: &str, start: usize, n: usize) -> &str {
    let end = s[start..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| start + i);
    &s[start..end]
}

/// The passage of `text` most like `quote`: a window of the quote's length
/// (in characters) that shares the most words with it, refined by edit
/// distance. Used to suggest a correction for a quote that is not found.
pub fn nearest_passage(text: &str, quote: &str) -> Option<String> {
    let quote_words: Vec<String> = quote.split_whitespace().map(normalise).collect();
    if quote_words.is_empty() {
        return None;
    }
    // Candidate windows start at each word of the text.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            text.char_indices()
                .filter(|&(i, c)| {
                    i > 0 && !c.is_whitespace() && text[..i].ends_with(char::is_whitespace)
                })
                .map(|(i, _)| i),
        )
        .collect();
    let qlen = quote.chars().count();
    let mut best: Option<(f64, &str)> = None;
    for &start in &starts {
        let window = chars_after(text, start, qlen);
        let words: Vec<String> = window.split_whitespace().map(normalise).collect();
        let shared = quote_words.iter().filter(|w| words.contains(w)).count();
        if shared == 0 {
            continue;
        }
        let score = strsim::normalized_levenshtein(&normalise(window), &normalise(quote));
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, window));
        }
    }
    // For text without spaces (Chinese), fall back to every character.
    if best.is_none() {
        for (start, _) in text.char_indices() {
            let window = chars_after(text, start, qlen);
            let score = strsim::normalized_levenshtein(window, quote);
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, window));
            }
        }
    }
    best.filter(|(s, _)| *s >= 0.5)
        .map(|(_, w)| extend_to_word_end(text, w).trim().to_owned())
}

/// `window` (a slice of `text`) extended to the end of the word it cuts.
fn extend_to_word_end<'a>(text: &'a str, window: &str) -> &'a str {
    let start = window.as_ptr() as usize - text.as_ptr() as usize;
    let mut end = start + window.len();
    if window.chars().last().is_some_and(char::is_alphanumeric) {
        for c in text[end..].chars() {
            // Stop at spaces and punctuation; Han characters are words of their own.
            if !c.is_alphanumeric() || is_han(c) {
                break;
            }
            end += c.len_utf8();
        }
    }
    &text[start..end]
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Up to `n` candidates most like `name`: by edit distance on normalised
/// forms, or holding it whole ("Feng" in "Feng Shengyong", 冯 starting
/// 冯胜勇), the closer in length the better.
pub fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let target = normalise(name);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| {
            let candidate = normalise(c);
            let edits = strsim::normalized_levenshtein(&candidate, &target);
            (edits.max(containment(&target, &candidate)), c)
        })
        .filter(|(s, _)| *s >= 0.4)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// How well `candidate` holds `target` whole: its words among the
/// candidate's words, or (Han text) the candidate starting with it; 0 when
/// it does not. Between 0.6 and 0.9, more the more of the candidate it is.
fn containment(target: &str, candidate: &str) -> f64 {
    if target.is_empty() || target == candidate {
        return 0.0;
    }
    let words: Vec<&str> = candidate
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let wanted: Vec<&str> = target
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let held = !wanted.is_empty()
        && (wanted.iter().all(|w| words.contains(w))
            || target.chars().next().is_some_and(is_han) && candidate.starts_with(target));
    if !held {
        return 0.0;
    }
    let share = target.chars().count() as f64 / candidate.chars().count().max(1) as f64;
    0.6 + 0.3 * share.min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_held_whole_is_suggested() {
        let names = ["Feng Shengyong", "Fang Ning", "Xinhua", "冯胜勇", "新华社"];
        assert_eq!(closest("Feng", names, 3), ["Feng Shengyong"]);
        assert_eq!(closest("shengyong", names, 3), ["Feng Shengyong"]);
        assert_eq!(closest("冯", names, 3), ["冯胜勇"]);
        assert_eq!(closest("Xinhau", names, 3), ["Xinhua"]);
        // Not a word of it: "Fen" is no part of "Feng Shengyong".
        assert!(!closest("Fen", names, 3).contains(&"Feng Shengyong"));
    }

    #[test]
    fn char_boundaries_round_inside_a_character_and_clamp_past_the_end() {
        let s = "a微b";
        assert_eq!(
            (floor_char_boundary(s, 2), ceil_char_boundary(s, 2)),
            (1, 4)
        );
        assert_eq!(
            (floor_char_boundary(s, 4), ceil_char_boundary(s, 4)),
            (4, 4)
        );
        assert_eq!(
            (floor_char_boundary(s, 99), ceil_char_boundary(s, 99)),
            (5, 5)
        );
    }

    #[test]
    fn normalise_folds_width_case_and_space() {
        assert_eq!(normalise("  ＡＩ  Micro-Drama\n"), "ai micro-drama");
        assert_eq!(normalise("“Beijing”"), "beijing");
        assert_eq!(normalise_claim("China aims high."), "china aims high");
        assert_eq!(normalise_claim("中国的目标。"), "中国的目标");
        // Every path (ASCII, already NFKC, not NFKC) folds as NFKC then
        // lower case would.
        for s in [
            "Plain ASCII",
            "Émigré Café",
            "ﬁne ①",
            "e\u{301}TAT",
            "İstanbul",
            "广电总局",
        ] {
            let slow: String = s.nfkc().flat_map(char::to_lowercase).collect();
            let slow = slow.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(normalise(s), slow, "{s}");
        }
    }

    #[test]
    fn offsets_are_code_points() {
        let s = "据新华社报道，广电总局表示";
        let b = s.find("广电").unwrap();
        assert_eq!(char_offset(s, b), 7);
        assert_eq!(find_all("abab", "ab"), vec![0, 2]);
        assert_eq!(find_all("aaa", "aa"), vec![0, 1]);
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
        assert_eq!(line_column("北京\n上海", "北京\n上".len()), (2, 2));
    }

    #[test]
    fn context_windows() {
        let s = "one two three";
        assert_eq!(chars_before(s, 7, 3), "two");
        assert_eq!(chars_after(s, 8, 100), "three");
        assert_eq!(chars_before(s, 3, 10), "one");
    }

    #[test]
    fn nearest_passage_finds_a_misquote() {
        let text = "According to the Post, Beijing is using both direct funding and AI tools to transform the sector.";
        let near = nearest_passage(text, "Beijing uses both direct funding and AI tools").unwrap();
        assert!(near.starts_with("Beijing is using"), "{near}");
        let near = nearest_passage(
            "The ministry said funding would double in 2025.",
            "the ministry says funding will double in 2025",
        )
        .unwrap();
        assert_eq!(near, "The ministry said funding would double in 2025");
        assert_eq!(nearest_passage(text, "zzzz qqqq"), None);
    }
}
