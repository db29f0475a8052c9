//! What changed between two versions of a text, by paragraph: the longest
//! common subsequence of paragraphs is kept; a removed paragraph followed by
//! an added one that shares at least half its words is reported as changed,
//! and what changed inside it is found word by word ([`words_changed`]).
//! Huge texts cost time and memory in proportion to their size: the common
//! start and end are set aside first, and past a bound the rest is read as
//! removed and added whole.

use serde::Serialize;
use std::collections::HashSet;

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// A paragraph only in the new version (its index there).
    Added {
        /// Index in the new version.
        at: usize,
        /// The paragraph.
        text: String,
    },
    /// A paragraph only in the old version.
    Removed {
        /// Index in the old version.
        at: usize,
        /// The paragraph.
        text: String,
    },
    /// A paragraph rewritten.
    Changed {
        /// Index in the old version.
        from: usize,
        /// Index in the new version.
        to: usize,
        /// Old text.
        old: String,
        /// New text.
        new: String,
    },
}

/// The paragraphs of a version's text (separated by blank lines).
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether two paragraphs share at least half of the larger one's
/// character bigrams (works for spaced and unspaced scripts alike).
fn similar(a: &str, b: &str) -> bool {
    let bigrams = |s: &str| -> HashSet<(char, char)> {
        let chars: Vec<char> = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (ba, bb) = (bigrams(a), bigrams(b));
    let common = ba.intersection(&bb).count();
    common * 2 >= ba.len().max(bb.len()).max(1)
}

/// One step of an edit script from `a` to `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// `a[i]` equals `b[j]`.
    Keep(usize, usize),
    /// `a[i]` is not in `b`.
    Remove(usize),
    /// `b[j]` is not in `a`.
    Add(usize),
}

/// Largest LCS table built (cells): beyond it, the differing middle of two
/// huge texts is read as removed and added whole, so a hostile page of a
/// hundred thousand paragraphs costs memory in proportion to its size.
const MAX_CELLS: usize = 4_000_000;

/// An edit script from `a` to `b` keeping their longest common
/// subsequence: the common start and end first, then an LCS table over
/// what differs between them (unless it would exceed [`MAX_CELLS`]).
fn edit_script<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Step> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (n, m) = (a.len() - head - tail, b.len() - head - tail);
    let mut steps: Vec<Step> = (0..head).map(|i| Step::Keep(i, i)).collect();
    let (x, y) = (&a[head..head + n], &b[head..head + m]);
    if n.saturating_mul(m) > MAX_CELLS {
        steps.extend((0..n).map(|i| Step::Remove(head + i)));
        steps.extend((0..m).map(|j| Step::Add(head + j)));
    } else {
        let mut lcs = vec![vec![0u32; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i][j] = if x[i] == y[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && x[i] == y[j] {
                steps.push(Step::Keep(head + i, head + j));
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
                steps.push(Step::Add(head + j));
                j += 1;
            } else {
                steps.push(Step::Remove(head + i));
                i += 1;
            }
        }
    }
    steps.extend((0..tail).map(|k| Step::Keep(head + n + k, head + m + k)));
    steps
}

/// How many of the changes after a removed paragraph are searched for the
/// added paragraph it became.
const PAIRING_WINDOW: usize = 200;

/// The changes from `old` to `new`.
pub fn diff(old: &[&str], new: &[&str]) -> Vec<Change> {
    let raw: Vec<Change> = edit_script(old, new)
        .into_iter()
        .filter_map(|step| match step {
            Step::Keep(..) => None,
            Step::Add(j) => Some(Change::Added {
                at: j,
                text: new[j].to_owned(),
            }),
            Step::Remove(i) => Some(Change::Removed {
                at: i,
                text: old[i].to_owned(),
            }),
        })
        .collect();
    // Pair each removal with the first unpaired similar addition near it.
    let mut partner: Vec<Option<usize>> = vec![None; raw.len()];
    let mut taken = vec![false; raw.len()];
    for k in 0..raw.len() {
        if let Change::Removed { text: old, .. } = &raw[k] {
            let near = k.saturating_sub(PAIRING_WINDOW)..(k + PAIRING_WINDOW).min(raw.len());
            let found = near.into_iter().find(|&l| {
                !taken[l] && matches!(&raw[l], Change::Added { text, .. } if similar(old, text))
            });
            if let Some(l) = found {
                taken[l] = true;
                partner[k] = Some(l);
            }
        }
    }
    // A change is reported where the first of its two halves was.
    let mut placed: Vec<(usize, Change)> = Vec::new();
    for (k, change) in raw.iter().enumerate() {
        if taken[k] {
            continue;
        }
        match (change, partner[k]) {
            (
                Change::Removed {
                    at: from,
                    text: old,
                },
                Some(l),
            ) => {
                if let Change::Added { at: to, text: new } = &raw[l] {
                    placed.push((
                        k.min(l),
                        Change::Changed {
                            from: *from,
                            to: *to,
                            old: old.clone(),
                            new: new.clone(),
                        },
                    ));
                }
            }
            _ => placed.push((k, change.clone())),
        }
    }
    placed.sort_by_key(|(k, _)| *k);
    let out: Vec<Change> = placed.into_iter().map(|(_, c)| c).collect();
    out
}

/// A stretch of a changed paragraph: the same in both versions, or only
/// in one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "part", content = "text", rename_all = "kebab-case")]
pub enum Piece {
    /// In both.
    Same(String),
    /// Only in the old version.
    Removed(String),
    /// Only in the new version.
    Added(String),
}

/// The tokens a paragraph is compared by: runs of letters or digits, each
/// Han, kana or Hangul character (scripts written without spaces), and
/// every other character alone.
fn word_tokens(text: &str) -> Vec<&str> {
    let unspaced = |c: char| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x3134F);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let wordy = c.is_alphanumeric() && !unspaced(c);
        if let Some(s) = start
            && !wordy
        {
            out.push(&text[s..at]);
            start = None;
        }
        if wordy {
            start.get_or_insert(at);
        } else {
            out.push(&text[at..at + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// What changed inside a paragraph, word by word (character by character
/// in Chinese): runs of common, removed and added text, in order.
pub fn words_changed(old: &str, new: &str) -> Vec<Piece> {
    let (a, b) = (word_tokens(old), word_tokens(new));
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |piece: Piece| match (out.last_mut(), &piece) {
        (Some(Piece::Same(s)), Piece::Same(t))
        | (Some(Piece::Removed(s)), Piece::Removed(t))
        | (Some(Piece::Added(s)), Piece::Added(t)) => s.push_str(t),
        _ => out.push(piece),
    };
    // A change runs over the spaces between its words ("Southeast Asian"
    // for "Latin American": one change, not two); spaces after its last
    // word are common text again.
    let mut removed = String::new();
    let mut added = String::new();
    let mut spaces = String::new();
    let flush = |removed: &mut String, added: &mut String, push: &mut dyn FnMut(Piece)| {
        if !removed.is_empty() {
            push(Piece::Removed(std::mem::take(removed)));
        }
        if !added.is_empty() {
            push(Piece::Added(std::mem::take(added)));
        }
    };
    for step in edit_script(&a, &b) {
        let open = !(removed.is_empty() && added.is_empty());
        match step {
            Step::Keep(i, _) if open && a[i].trim().is_empty() => spaces.push_str(a[i]),
            Step::Keep(i, _) => {
                flush(&mut removed, &mut added, &mut push);
                push(Piece::Same(std::mem::take(&mut spaces)));
                push(Piece::Same(a[i].to_owned()));
            }
            Step::Remove(i) => {
                removed.push_str(&spaces);
                added.push_str(&spaces);
                spaces.clear();
                removed.push_str(a[i]);
            }
            Step::Add(j) => {
                removed.push_str(&spaces);
                added.push_str(&spaces);
                spaces.clear();
                added.push_str(b[j]);
            }
        }
    }
    flush(&mut removed, &mut added, &mut push);
    if !spaces.is_empty() {
        push(Piece::Same(spaces));
    }
    out.retain(|p| !matches!(p, Piece::Same(s) if s.is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_removed_and_changed_paragraphs() {
        let old = paragraphs(
            "Intro line here.\n\nBeijing funds dramas with 10 billion yuan.\n\nA closing remark.",
        );
        let new = paragraphs(
            "Intro line here.\n\nBeijing funds dramas with 20 billion yuan.\n\nA closing remark.\n\nCorrection appended.",
        );
        let d = diff(&old, &new);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(matches!(&d[0], Change::Changed { from: 1, to: 1, .. }));
        assert!(matches!(&d[1], Change::Added { at: 3, text } if text == "Correction appended."));
        assert!(diff(&old, &old).is_empty());
        let gone = diff(&old, &old[..1]);
        assert_eq!(gone.len(), 2);
        assert!(gone.iter().all(|c| matches!(c, Change::Removed { .. })));
        let zh = diff(&["国家广电总局发布通知"], &["国家广电总局发布新通知"]);
        assert!(matches!(zh[0], Change::Changed { .. }), "{zh:#?}");
    }
}

#[cfg(test)]
mod word_tests {
    use super::*;

    fn render(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Same(s) => s.clone(),
                Piece::Removed(s) => format!("[-{s}-]"),
                Piece::Added(s) => format!("{{+{s}+}}"),
            })
            .collect()
    }

    #[test]
    fn a_changed_paragraph_shows_the_words_that_changed() {
        for (old, new, shown) in [
            (
                "made for Southeast Asian platforms next year.",
                "made for Latin American platforms next year.",
                "made for [-Southeast Asian-]{+Latin American+} platforms next year.",
            ),
            (
                "Beijing funds dramas with 10 billion yuan.",
                "Beijing funds dramas with 20 billion yuan.",
                "Beijing funds dramas with [-10-]{+20+} billion yuan.",
            ),
            ("A B C D", "A C D", "A [-B -]C D"),
            ("A B C D", "A B C D E F", "A B C D{+ E F+}"),
            (
                "国家广电总局发布通知",
                "国家广电总局发布新通知",
                "国家广电总局发布{+新+}通知",
            ),
            ("one two", "three four", "[-one two-]{+three four+}"),
            ("", "new", "{+new+}"),
        ] {
            let pieces = words_changed(old, new);
            assert_eq!(render(&pieces), shown);
            // Each side is given back whole.
            let side = |keep_removed: bool| -> String {
                pieces
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Same(s) => Some(s.as_str()),
                        Piece::Removed(s) if keep_removed => Some(s),
                        Piece::Added(s) if !keep_removed => Some(s),
                        _ => None,
                    })
                    .collect()
            };
            assert_eq!((side(true), side(false)), (old.to_owned(), new.to_owned()));
        }
    }

    #[test]
    fn huge_texts_are_compared_without_a_quadratic_table() {
        // 100,000 paragraphs each side, all different but the first and
        // last: a full table would take 40 GB.
        let old: Vec<String> = (0..100_000).map(|i| format!("old {i}")).collect();
        let new: Vec<String> = (0..100_000).map(|i| format!("new {i}")).collect();
        let mut old: Vec<&str> = old.iter().map(String::as_str).collect();
        let mut new: Vec<&str> = new.iter().map(String::as_str).collect();
        old[0] = "same start";
        new[0] = "same start";
        let changes = diff(&old, &new);
        assert_eq!(
            changes.len(),
            2 * 99_999,
            "each paragraph but the first, gone and new"
        );
        assert!(matches!(&changes[0], Change::Removed { at: 1, .. }));
        assert!(matches!(&changes[99_999], Change::Added { at: 1, .. }));
        let words = "word ".repeat(50_000);
        let pieces = words_changed(&format!("a {words}"), &format!("b {words}"));
        assert_eq!(pieces.len(), 3, "{:?}", &pieces[..2]);
    }
}
