//! Anchoring a quote in a text: the one place it occurs (chosen with a
//! prefix or suffix when it occurs several times), as code-point offsets
//! plus the context that Web Annotation quote selectors carry.

use crate::text::{char_offset, chars_after, chars_before, find_all, line_column, nearest_passage};

/// How many characters of context the quote selector keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// Where a quote sits in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Start, in code points (Web Annotation `oa:start`).
    pub start: usize,
    /// End, exclusive, in code points (`oa:end`).
    pub end: usize,
    /// Start, in bytes.
    pub byte_start: usize,
    /// Up to [`CONTEXT_CHARS`] characters before the quote.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the quote.
    pub suffix: String,
}

/// Why a quote could not be anchored; the message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnchorError {
    /// The quote is empty.
    #[error("the quote is empty")]
    Empty,
    /// The quote is not in the text.
    #[error("quote not found in the text{}", nearest.as_deref().map(|n| format!("; nearest passage: {n:?}")).unwrap_or_default())]
    NotFound {
        /// The most similar passage, if any is close.
        nearest: Option<String>,
    },
    /// The quote occurs several times and no prefix/suffix chooses one.
    #[error("quote occurs {} times (lines {}); add one of these to choose: {}", .lines.len(), join(.lines), .options.join(" | "))]
    Ambiguous {
        /// Line of each occurrence.
        lines: Vec<u64>,
        /// A `prefix = "…"` that picks each occurrence.
        options: Vec<String>,
    },
    /// A prefix/suffix was given but matches no occurrence.
    #[error(
        "the quote occurs {count} time(s) but none has the context given (the prefix before it, the suffix after it)"
    )]
    ContextMismatch {
        /// Occurrences of the quote alone.
        count: usize,
    },
}

fn join(lines: &[u64]) -> String {
    lines
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Finds `quote` in `text`, using `prefix`/`suffix` (text immediately
/// before/after it) to choose when it occurs more than once.
pub fn anchor(
    text: &str,
    quote: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> Result<Anchor, AnchorError> {
    if quote.trim().is_empty() {
        return Err(AnchorError::Empty);
    }
    let all = find_all(text, quote);
    if all.is_empty() {
        return Err(AnchorError::NotFound {
            nearest: nearest_passage(text, quote),
        });
    }
    let chosen: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&b| prefix.is_none_or(|p| text[..b].ends_with(p)))
        .filter(|&b| suffix.is_none_or(|s| text[b + quote.len()..].starts_with(s)))
        .collect();
    match chosen.as_slice() {
        [b] => Ok(anchor_at(text, *b, quote.len())),
        [] => Err(AnchorError::ContextMismatch { count: all.len() }),
        many => Err(AnchorError::Ambiguous {
            lines: many.iter().map(|&b| line_column(text, b).0).collect(),
            options: many
                .iter()
                .map(|&b| distinguishing_context(text, b, quote.len(), many))
                .collect(),
        }),
    }
}

/// The anchor of the `len` bytes at `byte_start` of `text`.
pub fn anchor_at(text: &str, byte_start: usize, len: usize) -> Anchor {
    let start = char_offset(text, byte_start);
    let end = start + text[byte_start..byte_start + len].chars().count();
    Anchor {
        start,
        end,
        byte_start,
        prefix: chars_before(text, byte_start, CONTEXT_CHARS).to_owned(),
        suffix: chars_after(text, byte_start + len, CONTEXT_CHARS).to_owned(),
    }
}

/// A `prefix = "…"` (or, when the text before cannot tell them apart, a
/// `suffix = "…"`) that picks occurrence `b` among `all`: the shortest run
/// of at least 8 characters that no other occurrence shares.
fn distinguishing_context(text: &str, b: usize, len: usize, all: &[usize]) -> String {
    let others = || all.iter().copied().filter(move |&o| o != b);
    let mut n = 8;
    loop {
        let before = chars_before(text, b, n);
        if !before.is_empty() && others().all(|o| !text[..o].ends_with(before)) {
            return format!("prefix = {before:?}");
        }
        let after = chars_after(text, b + len, n);
        if !after.is_empty() && others().all(|o| !text[o + len..].starts_with(after)) {
            return format!("suffix = {after:?}");
        }
        if before.len() == b && b + len + after.len() == text.len() {
            return format!("prefix = {before:?}");
        }
        n += 4;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Beijing said yes. Later, Beijing said yes again.\n据新华社报道，广电总局表示支持。";

    #[test]
    fn unique_quote_gets_code_point_offsets() {
        let a = anchor(TEXT, "广电总局表示支持", None, None).unwrap();
        let chars: Vec<char> = TEXT.chars().collect();
        assert_eq!(
            chars[a.start..a.end].iter().collect::<String>(),
            "广电总局表示支持"
        );
        assert!(a.prefix.ends_with("据新华社报道，"));
        assert_eq!(a.suffix, "。");
    }

    #[test]
    fn ambiguous_quote_lists_choices_and_a_prefix_resolves_it() {
        let err = anchor(TEXT, "Beijing said yes", None, None).unwrap_err();
        let AnchorError::Ambiguous { lines, options } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(lines, &[1, 1]);
        assert_eq!(options.len(), 2);
        assert!(err.to_string().contains("prefix = \" Later, \""), "{err}");
        assert!(err.to_string().contains("suffix = \". Later,\""), "{err}");
        let a = anchor(TEXT, "Beijing said yes", Some("Later, "), None).unwrap();
        assert_eq!(a.start, 25);
        let a = anchor(TEXT, "Beijing said yes", None, Some(" again")).unwrap();
        assert_eq!(a.start, 25);
    }

    #[test]
    fn absent_quote_suggests_the_nearest_passage() {
        let err = anchor(TEXT, "Beijing says yes again", None, None).unwrap_err();
        assert!(
            matches!(err, AnchorError::NotFound { nearest: Some(_) }),
            "{err:?}"
        );
        assert!(err.to_string().contains("nearest passage"), "{err}");
        assert_eq!(anchor(TEXT, "  ", None, None), Err(AnchorError::Empty));
        assert_eq!(
            anchor(TEXT, "Beijing said yes", Some("nowhere"), None),
            Err(AnchorError::ContextMismatch { count: 2 })
        );
    }
}
