//! What changed between two versions of a text, by paragraph: the longest
//! common subsequence of paragraphs is kept; a removed paragraph followed by
//! an added one that shares at least half its words is reported as changed.

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

/// The changes from `old` to `new`.
pub fn diff(old: &[&str], new: &[&str]) -> Vec<Change> {
    let (n, m) = (old.len(), new.len());
    // LCS table over paragraphs (versions have tens to hundreds of them).
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut raw = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            raw.push(Change::Added {
                at: j,
                text: new[j].to_owned(),
            });
            j += 1;
        } else {
            raw.push(Change::Removed {
                at: i,
                text: old[i].to_owned(),
            });
            i += 1;
        }
    }
    // Pair each removal with the first unpaired similar addition.
    let mut partner: Vec<Option<usize>> = vec![None; raw.len()];
    let mut taken = vec![false; raw.len()];
    for k in 0..raw.len() {
        if let Change::Removed { text: old, .. } = &raw[k] {
            let found = (0..raw.len()).find(|&l| {
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
