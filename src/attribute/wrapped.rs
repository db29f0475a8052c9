//! Chinese text hard-wrapped at a fixed width, as old essays kept in
//! `<pre>` are ("政治学\n\n家早就指出"), read with its lines joined: the
//! Chinese rules end a sentence at a paragraph break, so a break inside a
//! word cut subjects and contents short (家早 for 政治学家). The rules read
//! the joined text, and every span found is mapped back onto the text as
//! stored.
//!
//! A text is hard-wrapped when at least [`MIN_INSIDE_BREAKS`] of its breaks,
//! and at least half of them, fall inside a sentence: after a Han
//! character or a mark that does not end one (，、：；), before a Han
//! character or an opening mark. Only such breaks are joined, and only
//! after a line about as long as the text's wrapped lines, so a heading
//! stays apart from the paragraph under it.

use super::zh::is_han;
use super::{Found, Span};
use std::ops::Range;

/// Fewest breaks inside sentences that make a text hard-wrapped.
const MIN_INSIDE_BREAKS: usize = 20;

/// A text with its wrapped lines joined, and where its bytes came from.
#[derive(Debug, Clone)]
pub struct Unwrapped {
    /// The joined text.
    pub text: String,
    /// Each removed break, in order: its offset in the joined text and how
    /// many bytes were removed up to it, itself included.
    removed: Vec<(usize, usize)>,
}

/// A character a line may end with inside a sentence.
fn continues_after(c: char) -> bool {
    is_han(c) || matches!(c, '，' | '、' | '：' | '；' | '（' | '《' | '“')
}

/// A character a line may start with inside a sentence.
fn continues_before(c: char) -> bool {
    is_han(c) || matches!(c, '“' | '《' | '（')
}

/// The text's lines joined where it is hard-wrapped, `None` when it is
/// not (most texts).
pub fn unwrap(text: &str) -> Option<Unwrapped> {
    // Breaks: runs of white space holding a newline, between two lines.
    let mut breaks: Vec<(Range<usize>, bool, usize)> = Vec::new();
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\n' {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > line_start && matches!(bytes[start - 1], b' ' | b'\t' | b'\r') {
            start -= 1;
        }
        let mut end = i;
        while end < bytes.len() && matches!(bytes[end], b'\n' | b' ' | b'\t' | b'\r') {
            end += 1;
        }
        let line = &text[line_start..start];
        let inside = end < bytes.len()
            && line.chars().next_back().is_some_and(continues_after)
            && text[end..].chars().next().is_some_and(continues_before);
        breaks.push((start..end, inside, line.chars().count()));
        line_start = end;
        i = end;
    }
    let inside: Vec<usize> = breaks.iter().filter(|b| b.1).map(|b| b.2).collect();
    if inside.len() < MIN_INSIDE_BREAKS || inside.len() * 2 < breaks.len() {
        return None;
    }
    let mut lengths = inside.clone();
    lengths.sort_unstable();
    let typical = lengths[lengths.len() / 2];
    let mut joined = String::with_capacity(text.len());
    let mut removed = Vec::new();
    let mut at = 0;
    for (range, inside, length) in breaks {
        if !inside || length * 5 < typical * 4 {
            continue;
        }
        joined.push_str(&text[at..range.start]);
        let before = removed.last().map_or(0, |&(_, n)| n);
        removed.push((joined.len(), before + range.len()));
        at = range.end;
    }
    joined.push_str(&text[at..]);
    Some(Unwrapped {
        text: joined,
        removed,
    })
}

impl Unwrapped {
    /// Bytes removed before joined offset `p`; with `at_break`, a break
    /// at `p` itself counts too (a span starting there starts after it).
    fn removed_before(&self, p: usize, at_break: bool) -> usize {
        let k = self
            .removed
            .partition_point(|&(q, _)| q < p || at_break && q == p);
        k.checked_sub(1).map_or(0, |k| self.removed[k].1)
    }

    /// A range of the joined text as a range of the stored text.
    fn map(&self, r: &Range<usize>) -> Range<usize> {
        let start = r.start + self.removed_before(r.start, true);
        let end = r.end + self.removed_before(r.end, false);
        start..end.max(start)
    }

    fn map_span(&self, s: &Span) -> Span {
        Span {
            parts: s.parts.iter().map(|r| self.map(r)).collect(),
        }
    }

    /// Every span of `found`, read in the joined text, mapped onto the
    /// stored one.
    pub fn map_back(&self, found: &mut [Found]) {
        for f in found {
            f.source = f.source.as_ref().map(|s| self.map_span(s));
            f.cue = self.map_span(&f.cue);
            f.content = self.map_span(&f.content);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped_essay() -> String {
        let line = "这是一篇用固定宽度折行的旧文章里的一行文字没有标点符号直";
        let mut text = String::from("标题\n\n");
        for _ in 0..30 {
            text.push_str(line);
            text.push_str("\n\n");
        }
        text.push_str("讲到社会规模大小对集体行动的影响我还可以提供两点补充政治学");
        text.push_str("\n\n家早就指出，社会规模影响集体行动。");
        text
    }

    #[test]
    fn a_hard_wrapped_text_is_joined_and_spans_map_back() {
        let text = wrapped_essay();
        let u = unwrap(&text).expect("hard-wrapped");
        assert!(
            u.text.starts_with("标题\n\n这是"),
            "a short heading stays apart"
        );
        assert!(!u.text.contains("直\n\n这"));
        let at = u
            .text
            .find("政治学家早就指出")
            .expect("joined inside a word");
        let r = at..at + "政治学家".len();
        assert_eq!(&text[u.map(&r)], "政治学\n\n家");
        let r = at + "政治学".len()..at + "政治学家早就指出".len();
        assert_eq!(&text[u.map(&r)], "家早就指出");
        let r = at..at + "政治学".len();
        assert_eq!(&text[u.map(&r)], "政治学");
        // A range across a joined break covers the break in the stored text.
        let at = u.text.find("直这").unwrap();
        let r = at..at + "直这".len();
        assert_eq!(&text[u.map(&r)], "直\n\n这");
    }

    #[test]
    fn ordinary_texts_and_hostile_ones_are_left_alone() {
        assert!(unwrap("他说：“好。”\n\n她说：“不好。”").is_none());
        assert!(unwrap("").is_none());
        assert!(unwrap("\n\n\n").is_none());
        let many = "一\n\n".repeat(10_000);
        if let Some(u) = unwrap(&many) {
            assert!(u.text.len() <= many.len());
        }
        let english = "The quick brown fox\n\njumps over\n\n".repeat(50);
        assert!(unwrap(&english).is_none());
    }
}
