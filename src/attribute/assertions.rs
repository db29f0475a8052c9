//! The article's own checkable assertions: sentences that no attribution
//! covers and that state something a fact-checker can check — a number, a
//! date, or an entity of the gazetteer. A capitalised word alone is not
//! enough: most sentences have one, and every claim costs storage.
//! Each becomes an attribution of kind author-assertion whose claimant is
//! the article's author or publisher.
//!
//! Headings (lines without closing punctuation), questions and very short
//! sentences are left out: they assert nothing checkable. In Chinese a
//! date or quantity needs its numeral (2024年, 六个月, 50万) or is a
//! relative date (今年): 年 alone is also in 童年 and 年龄.

use super::{AttributionKind, Found, Span};
use std::ops::Range;

/// The months, as written in English dates.
pub(super) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Relative dates in Chinese that name a year or month without a numeral.
const HAN_DATES: &[&str] = &[
    "今年",
    "去年",
    "明年",
    "前年",
    "近年",
    "近些年",
    "近几年",
    "年初",
    "年底",
    "年末",
    "年终",
    "上半年",
    "下半年",
    "年间",
    "本月",
    "上月",
    "下月",
    "月初",
    "月底",
    "月末",
];

/// Whether a Chinese date or quantity stands in `sentence`: 年, 月, 亿,
/// 万, 元 or 岁 after a numeral, with at most one measure or approximation
/// between (2024年, 三月, 六个月, 四十余年, 半年, 每个月, 50万, 数亿, 千元,
/// 十七岁), 月 before a numeral
/// (正月十五), or a relative date (今年, 上月). Alone they are parts of
/// other words: 童年 and 年龄 are no dates, 岁月 no month, 万一 ("in
/// case") no quantity.
fn has_han_date_or_quantity(sentence: &str) -> bool {
    let numeral = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "〇零一二三四五六七八九十百千两半".contains(c)
    };
    // 每年, 每个月: a frequency counts as a date.
    let counts = |unit: char, b: char| numeral(b) || b == '每' && matches!(unit, '年' | '月');
    let (mut two_before, mut before) = (None, None);
    let mut chars = sentence.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '年' | '月' | '亿' | '万' | '元' | '岁') {
            let between = before.is_some_and(|b: char| "个余几多来周".contains(b));
            let counted = before.is_some_and(|b| counts(c, b))
                || between && two_before.is_some_and(|b| counts(c, b))
                || matches!(c, '亿' | '万') && before.is_some_and(|b| "数上几".contains(b))
                || c == '月' && chars.peek().is_some_and(|&n| numeral(n));
            if counted {
                return true;
            }
        }
        (two_before, before) = (before, Some(c));
    }
    HAN_DATES.iter().any(|d| sentence.contains(d))
}

/// Does the sentence state something checkable?
fn checkable(sentence: &str, has_entity: bool) -> bool {
    if has_entity
        || sentence
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '％' | '%'))
        || has_han_date_or_quantity(sentence)
    {
        return true;
    }
    // Month names as words: "Maybe" holds no May, "Marching" no March.
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| MONTHS.contains(&w))
}

/// Does the sentence read as prose? In Latin letters it needs a
/// grammatical word (an article, preposition, auxiliary or conjunction:
/// [`super::worth::is_empty_word`]; not a letter left of a contraction,
/// nor the "S" of a position); a box score ("DL Larry Ogunjobi 63 85% 1
/// tackle (1 combined).") or a list of quantities ("Portion Fix
/// Containers: 2 Green, 1 Purple, 1 Red, 1 tsp.") has none; and it must
/// hold a word of three letters or more in lower case that is not
/// grammatical, as a title, a reference or an address does not. Chinese is not judged so.
fn reads_as_prose(sentence: &str) -> bool {
    if sentence.chars().any(crate::index::analysis::is_han) {
        return true;
    }
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // The longest grammatical words ("themselves") are ten letters.
    let grammatical = words
        .iter()
        .filter(|w| (w.len() >= 2 || **w == "a" || **w == "A") && w.len() <= 10)
        .any(|w| super::worth::is_empty_word(&w.to_lowercase()));
    // A title, a reference or an address capitalises every word but its
    // grammatical ones ("Hibernation and Torpor: Prospects for Human
    // Spaceflight, Handbook of … (2018)."); a sentence full of names still
    // has a verb or a noun of three letters or more in lower case ("She
    // received NASA’s Exceptional Space Act Award in 2003").
    let mut capitalised = 0;
    let mut lower_content = false;
    for w in words.iter().filter(|w| w.chars().all(char::is_alphabetic)) {
        let letters = w.chars().count();
        if w.starts_with(char::is_uppercase) {
            capitalised += usize::from(letters >= 4);
        } else if letters >= 3 && !super::worth::is_empty_word(&w.to_lowercase()) {
            lower_content = true;
        }
    }
    let titled = capitalised >= 3 && !lower_content;
    grammatical && !titled
}

fn long_enough(sentence: &str) -> bool {
    let words = sentence.split_whitespace().count();
    let han = sentence
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    words >= 6 || han >= 10
}

fn closes(sentence: &str) -> bool {
    sentence
        .trim_end_matches(['"', '”', '’', '\'', ')', '」'])
        .ends_with(['.', '!', '。', '！', ';', '；'])
}

/// Verbs that report what someone said, in every form a cue takes.
const REPORTING: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "according",
    "write",
    "writes",
    "wrote",
    "reported",
    "announce",
    "announces",
    "announced",
    "explain",
    "explains",
    "explained",
    "claim",
    "claims",
    "claimed",
    "testified",
    "deny",
    "denies",
    "denied",
    "insist",
    "insists",
    "insisted",
    "confirm",
    "confirms",
    "confirmed",
];

/// Whether a cue is a plain report ("said", "told reporters", "according
/// to"), not a verb that also names an event or a stance.
fn is_plain_report(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphanumeric())
        .any(|w| REPORTING.contains(&w.to_lowercase().as_str()))
}

/// The author's assertions in `text`, given the attributions already found
/// (their contents and cues are not the author's) and where named entities
/// are (`has_entity(range)`).
pub fn author_assertions(
    text: &str,
    found: &[Found],
    sentences: &[Range<usize>],
    has_entity: impl Fn(Range<usize>) -> bool,
) -> Vec<Found> {
    let covered: Vec<Range<usize>> = found
        .iter()
        .flat_map(|f| f.content.parts.iter().chain(&f.cue.parts).cloned())
        .collect();
    // Plain reporting cues of attributions that will be stored. A cue
    // whose content has nothing to check ("declined *0.3%*"), or that is
    // no verb of saying ("NASA *also chose*", "the Nasdaq *added* 20.72
    // points"), leaves its sentence to the author.
    let cues: Vec<Range<usize>> = found
        .iter()
        .filter(|f| {
            is_plain_report(&f.cue.text(text))
                && super::worth::has_something_to_check(&f.content.proposition(text))
        })
        .flat_map(|f| f.cue.parts.iter().cloned())
        .collect();
    sentences
        .iter()
        .filter(|&r| {
            let s = &text[r.clone()];
            let overlap: usize = covered
                .iter()
                .map(|c| c.end.min(r.end).saturating_sub(c.start.max(r.start)))
                .sum();
            // A sentence that reports someone ("…, said Juan Perez, a
            // trader", "She said if …") is theirs, however little of it
            // the content took.
            let reports = cues
                .iter()
                .any(|c| c.start >= r.start && c.end <= r.end && c.start < c.end);
            overlap * 3 < r.len()
                && !reports
                && closes(s)
                && long_enough(s)
                && checkable(s, has_entity(r.clone()))
                && reads_as_prose(s)
        })
        .map(|r| Found {
            source: None,
            cue: Span::default(),
            content: Span::one(r.clone()),
            kind: AttributionKind::AuthorAssertion,
            claimant: None,
            reporters: Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences the English taggers read, as `find` passes them.
    fn sentences(text: &str) -> Vec<Range<usize>> {
        super::super::tokens::tokenize(text).sentence_bytes()
    }

    #[test]
    fn chinese_dates_and_quantities_need_a_numeral_or_a_relative_date() {
        for dated in [
            "2024年微短剧市场规模扩大。",
            "三月份出口增长。",
            "介入时间一般不超过六个月。",
            "在四十余年的导演生涯中，他执导了很多戏。",
            "用户每个月按照运营商的话单交费。",
            "平台今年将提高审核标准。",
            "知识产权也是近些年来两会的热门话题。",
            "仅乔丹一人，就从耐克公司得到数亿美金。",
            "服务对象为六十周岁以上者。",
            "每到正月十五，我就上缴压岁钱。",
        ] {
            assert!(has_han_date_or_quantity(dated), "{dated}");
        }
        for undated in [
            "雪在我的童年里是很模糊的。",
            "随着年龄的增长，关系逐渐疏离。",
            "在漫长而残酷的革命岁月中，共产党几度濒於绝境。",
            "万一被他瓜分了，后果不堪设想。",
            "元宵节是从这一民族风俗演变而来的。",
            "年轻的姑娘们抑郁神伤。",
        ] {
            assert!(!has_han_date_or_quantity(undated), "{undated}");
        }
    }

    #[test]
    fn sentences_split_at_stops_not_abbreviations() {
        let text = "Mr. Li met U.S. officials in 2024. Revenue rose 3.5%! Was it?\n标题\n据报道，市场增长。下一句";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            vec![
                "Mr. Li met U.S. officials in 2024.",
                "Revenue rose 3.5%!",
                "Was it?",
                "标题",
                "据报道，市场增长。",
                "下一句"
            ]
        );
        // A quotation opening the next sentence, as the taggers read it.
        let text = "Lovely said so. “About 36% are computers,” she said. He said “yes. “no” too.";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Lovely said so.",
                "“About 36% are computers,” she said.",
                "He said “yes.",
                "“no” too."
            ]
        );
    }

    #[test]
    fn only_uncovered_checkable_sentences_are_the_authors() {
        let text = "The scale of the bet\nBy 2024 the market had generated tens of billions of yuan. \
                    It is a remarkable and surprising thing to see happen. \
                    Officials said the quota would rise next year. Is this the future of film?";
        let said = text.find("the quota").unwrap();
        let found = vec![Found {
            source: None,
            cue: Span::default(),
            content: Span::one(said..said + "the quota would rise next year".len()),
            kind: AttributionKind::Indirect,
            claimant: None,
            reporters: Vec::new(),
        }];
        let got: Vec<String> = author_assertions(text, &found, &sentences(text), |_| false)
            .iter()
            .map(|f| f.content.text(text))
            .collect();
        assert_eq!(
            got,
            vec!["By 2024 the market had generated tens of billions of yuan."]
        );
        assert!(author_assertions("", &[], &[], |_| true).is_empty());
    }

    #[test]
    fn box_scores_lists_and_months_inside_words_are_no_assertions() {
        let text = "S Morgan Burnett 35 47% 3 tackles, 2 assists (5 combined).\n\
                    Portion Fix Containers: 2 Green, 1 Purple, 1 Red, 1 tsp.\n\
                    Maybe you are just getting started with your own idea.\n\
                    The Jets beat the Predators 2-1 and Winnipeg moved up in the table.\n\
                    Two Worlds: First Meetings Between Maori and Europeans 1642–1772.\n\
                    She received NASA’s Exceptional Space Act Award in 2003 and the Medal of Freedom.\n\
                    广电总局表示，2024年微短剧市场规模达到505亿元。";
        let got: Vec<String> = author_assertions(text, &[], &sentences(text), |_| false)
            .iter()
            .map(|f| f.content.text(text))
            .collect();
        // A reference's title is no assertion; a sentence full of names
        // with a verb in lower case is one.
        assert_eq!(
            got,
            [
                "The Jets beat the Predators 2-1 and Winnipeg moved up in the table.",
                "She received NASA’s Exceptional Space Act Award in 2003 and the Medal of Freedom.",
                "广电总局表示，2024年微短剧市场规模达到505亿元。"
            ]
        );
    }

    #[test]
    fn a_sentence_that_reports_someone_is_not_the_authors_however_short_its_content() {
        let text = "The yuan may weaken in 2025 after the quotas of March, said Li Wei, \
                    a trader at Bank of China in Shanghai since 2019. \
                    The quotas rose by 30 percent in 2024 after the March rules.";
        let cue = text.find("said").unwrap();
        let content = text.find("The yuan may weaken").unwrap();
        let found = vec![Found {
            source: None,
            cue: Span::one(cue..cue + 4),
            content: Span::one(content..content + "The yuan may weaken in 2025".len()),
            kind: AttributionKind::Indirect,
            claimant: Some("Li Wei".into()),
            reporters: Vec::new(),
        }];
        let got: Vec<String> = author_assertions(text, &found, &sentences(text), |_| true)
            .iter()
            .map(|f| f.content.text(text))
            .collect();
        assert_eq!(
            got,
            ["The quotas rose by 30 percent in 2024 after the March rules."]
        );
    }
}
