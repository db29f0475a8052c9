//! Speakers of a panel or a vox pop in Chinese: a line that opens with a
//! person's name, a parenthesis saying who they are, and a colon.
//!
//! Chinese reports that put a question to several experts or passers-by
//! give each answer a line of its own, with no reporting verb:
//!
//! ```text
//! 郭正谊(中国科普研究所研究员)：所谓的“永动机”违背了起码的物理学知识……
//! 马金鹏（１４岁）：压岁钱是爷爷奶奶以及叔叔、姨姨给我们庆祝春节的……
//! ```
//!
//! The rest of the line is the speaker's: a [`AttributionKind::DirectQuote`]
//! whose source is the name, whose cue is the colon, and whose content runs
//! to the end of the line. Without this, the lines were the article's own
//! assertions, credited to its author. The name must read as a person's
//! (a full name, or a name with a title: 刘天模教授), so a heading such as
//! 第一场(a)：12月11日 or 以下材料(逾期不予受理)： is none.

use super::{AttributionKind, Found, Span};

/// Longest parenthesis read, in characters.
const MAX_ASIDE_CHARS: usize = 40;

/// Longest name read before the parenthesis, in characters.
const MAX_NAME_CHARS: usize = 8;

/// The panel speakers' attributions in `text`, in text order.
pub fn speakers(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(f) = speaker_line(line, start) {
            found.push(f);
        }
        start += line.len();
    }
    found
}

/// The attribution of one line (starting at byte `at` of the text), if it
/// opens as a panel speaker's.
fn speaker_line(line: &str, at: usize) -> Option<Found> {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let open = rest.find(['（', '('])?;
    let name = &rest[..open];
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || !name.chars().all(super::zh::is_han)
        || !super::zh_names::reads_as_person(name)
    {
        return None;
    }
    let after_open = open + rest[open..].chars().next()?.len_utf8();
    let close = after_open + rest[after_open..].find(['）', ')'])?;
    let aside = &rest[after_open..close];
    if aside.trim().is_empty()
        || aside.chars().count() > MAX_ASIDE_CHARS
        || aside.contains(['（', '(', '\n'])
    {
        return None;
    }
    let after_close = close + rest[close..].chars().next()?.len_utf8();
    let colon_at =
        after_close + (rest[after_close..].len() - rest[after_close..].trim_start().len());
    let colon = rest[colon_at..]
        .chars()
        .next()
        .filter(|c| matches!(c, '：' | ':'))?;
    let content_start = colon_at + colon.len_utf8();
    let content = rest[content_start..].trim();
    if content.chars().filter(|&c| super::zh::is_han(c)).count() < super::worth::MIN_HAN {
        return None;
    }
    let content_at =
        content_start + (rest[content_start..].len() - rest[content_start..].trim_start().len());
    let base = at + lead;
    Some(Found {
        source: Some(Span::one(base..base + open)),
        cue: Span::one(base + colon_at..base + content_start),
        content: Span::one(base + content_at..base + content_at + content.len()),
        kind: AttributionKind::DirectQuote,
        claimant: Some(name.to_owned()),
        reporters: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_answer_of_a_panel_is_its_speaker_s() {
        let text = "记者采访了几位专家。\n\
                    \u{3000}\u{3000}郭正谊(中国科普研究所研究员)：所谓的“永动机”违背了起码的物理学知识。\n\
                    \u{3000}\u{3000}刘天模教授(重庆大学材料科学系)：我们首先对破口做了细致观察。\n\
                    马金鹏（１４岁）：压岁钱是爷爷奶奶给我们庆祝春节的。";
        let found = speakers(text);
        let who: Vec<(String, String)> = found
            .iter()
            .map(|f| (f.source.as_ref().unwrap().text(text), f.content.text(text)))
            .collect();
        let want = [
            ("郭正谊", "所谓的“永动机”违背了起码的物理学知识。"),
            ("刘天模教授", "我们首先对破口做了细致观察。"),
            ("马金鹏", "压岁钱是爷爷奶奶给我们庆祝春节的。"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()));
        assert_eq!(who, want);
        assert!(found.iter().all(|f| f.cue.text(text) == "："));
        assert!(found.iter().all(|f| f.kind == AttributionKind::DirectQuote));
    }

    #[test]
    fn headings_lists_and_odd_lines_are_no_speakers() {
        for text in [
            "第一场(a)：12月11日下午1:30-3:30",
            "以下材料(逾期不予受理)：",
            "郭正谊(中国科普研究所研究员)：好。",
            "郭正谊(中国科普研究所研究员) 所谓的永动机违背了物理学知识。",
            "郭正谊(中国科普研究所研究员：所谓的永动机违背了物理学知识。",
            "(研究员)：所谓的永动机违背了起码的物理学知识。",
            "中国科普研究所的研究员郭正谊(研究员)：永动机违背了物理学知识。",
            "Guo (researcher): perpetual motion breaks the laws of physics.",
            "",
            "（",
            "郭正谊(",
            "郭正谊()：永动机违背了起码的物理学知识。",
        ] {
            assert!(speakers(text).is_empty(), "{text}");
        }
    }
}
