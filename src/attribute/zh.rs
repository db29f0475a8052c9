//! Rules for attribution in Chinese news text: who, through which reporting
//! verb, claimed what.
//!
//! The text is cut into sentences at 。！？ and line breaks. A quotation on
//! one line is a single unit: punctuation inside it does not cut, and a
//! quotation that ends with a sentence end ends its sentence, unless a short
//! speaker clause (他说。) follows it. Within a sentence, outside quotations
//! and from left to right, the rules find:
//!
//! - 据X报道，… (also 根据, and 消息, 介绍, 透露, 称, 统计, 显示, 了解, …):
//!   [`AttributionKind::AccordingTo`], the cue in two parts (据 … 报道), the
//!   content the rest of the sentence. X stays a reporter of every later
//!   attribution in the sentence, so 据新华社报道，商务部表示，… is one
//!   attribution by 商务部 with 新华社 as its reporter.
//! - X表示/指出/认为/强调/说/称/透露/介绍/宣布/回应/… content:
//!   [`AttributionKind::DirectQuote`] when the content is a quotation (“…”,
//!   「…」), [`AttributionKind::Indirect`] otherwise. The weaker verbs
//!   (介绍, 宣布, 回应, 发现, 承认, 警告, 报道, …) count only before ，：, a
//!   quotation or 称/说/道.
//! - X援引Y(数据)称，… : Y is the claimant, X its reporter; X告诉记者，… .
//! - “…，”X说。 and the split quotation “…，”X说，“…。”, also with a date
//!   between them (“…。”5日，何亚东表示。); and reported speech without
//!   quotation marks followed by its speaker (短剧很火，他说。) when no
//!   other verb attribution precedes it in the sentence.
//! - A verb with its object straight after it (no comma, colon or
//!   quotation) reports only when its subject can speak (a person, people,
//!   a body, a pronoun, a name, a text or a study); otherwise it "stands
//!   for" (黄色常表示离别) or is an ordinary verb (片面强调知识的掌握).
//!   告诉 needs such a subject too (他的直觉告诉他 is a figure of speech).
//! - An attribution whose content is nothing but another attribution
//!   (《南华早报》报道称，商务部表示，…) gives way to the inner one, whose
//!   reporters start with the outer claimant; its cue is the inner verb.
//!
//! The source is the name-like run just before the verb in its clause (a
//! space between two Han characters, as after a dateline, also ends a clause):
//! leading connectives (但, 而, 同时, 此外, …) and time words are dropped, the
//! run is cut where an adverbial begins (在…上, 对记者, 接受采访时, 日前, …),
//! trailing adverbs (也, 还, 则, …) and dates are dropped, and it must be short
//! (at most [`MAX_SOURCE_CHARS`] characters) and contain a letter.
//! Demonstrative, first-person and writer subjects (这, 我们, 记者) name nobody
//! and are refused, as is a single character other than a pronoun or a
//! state's short name (是说, 敢说). A negated verb (也不说, 没有表示, 并未透露)
//! and a conditional or rhetorical 说 (若说, 与其说…不如说) report nothing.
//!
//! A clause with no subject of its own, a few words opening with an adverb
//! (镇领导对此非常感兴趣，当即表态说), shares the subject of the nearest
//! clause before it in the sentence that has one, when that subject can
//! speak and no verb attribution came before in the sentence.
//!
//! Publications: the source span keeps the title marks as written
//! (香港《南华早报》); the claimant is the title inside them (南华早报).
//!
//! Pronoun sources (他, 她, 他们, 其, 该部门, 该公司, 该报, …) keep the pronoun
//! as the source and resolve the claimant to a name earlier in the text that
//! fits. For 他/她, one person named at most 300 characters before: the
//! nearest of the last person who was a source, a source's name written
//! again, and a personal name jieba reads in those characters (编剧朱耀廷一直
//! 关注…，他认为 → 朱耀廷); never 学生们, 研究 or a person named pages
//! earlier. For 他们/她们, the last people (学生们, 萧乾等人, 蒙古人) as near.
//! For 该部门, a body whose name ends in 部/局/委/署/院/会/办/厅/…; for 该部,
//! 该局 and the like, the last source whose name holds that end, cut after
//! it (商务部发言人何亚东 gives 商务部 for 该部), else as for 该部门; a
//! pronoun's spokesperson (他的发言人, 其发言人) as the pronoun; for
//! 该公司 a company; for 该报 a publication; for 其 any source. A resolved
//! pronoun keeps its person in mind for the next one, and a panel's
//! speakers ([`super::zh_panel`]) are remembered too. Unresolved pronouns
//! have no claimant (the attribution is not stored).
//!
//! The subject is then read with jieba's words and part-of-speech tags
//! (the dictionary the full-text index segments with): a manner before the
//! verb goes (劳伦斯亲切地称, 速子笑着挥了挥手表示), 听X说 and 用X的话说
//! give X, and a subject that opens with a verb, adverb, conjunction,
//! preposition or idiom names nobody (严格地说, 马上说道, 告诉他说), nor
//! does one ending in 的, a modifier whose noun was cut off;
//! see [`tagged_subject`].
//!
//! Known gaps: a subject without a clause boundary before it is still
//! taken whole when jieba's tags show nothing amiss (巴顿回一封信说), or
//! refused when too long; 据悉/据了解/据统计 without a named source are not
//! attributions; a reporting verb meaning "indicates" (数据表示，…) is
//! accepted with its subject before a comma; a pronoun with a title
//! (该局相关负责人) stays unresolved; a transliterated name without a
//! middle dot (洛克菲勒) is not a person 他 can stand for unless it was a
//! source; datelines (新华社北京3月5日电) are not reporters; only a content that begins
//! with another attribution nests (A表示，短剧很火，B认为… is two
//! attributions); a quotation followed by more content (他说：“…”，并表示…)
//! keeps only the quotation; quotations nested with the same marks, and
//! quotations across line breaks, are not recognised (an unclosed mark is
//! ordinary text, and a content opening with one runs to the end of the
//! sentence).
//!
//! Every step looks at a bounded window around a cue or a clause start, so the
//! work is linear in the length of the text.

use std::ops::Range;

use super::{AttributionKind, Found, Span};

/// The attributions in Chinese news `text`, a panel's answers
/// ([`super::zh_panel`]) among them; every span is a byte range into
/// `text`. A panel's speakers are remembered for the pronouns after
/// their answers.
pub fn attributions(text: &str) -> Vec<Found> {
    let panel = super::zh_panel::speakers(text);
    let mut memory = Memory::default();
    let mut found = Vec::new();
    let mut answers = panel.iter().peekable();
    for sentence in sentences(text) {
        while let Some(answer) = answers.next_if(|a| a.cue.start() < sentence.range.start) {
            if let Some(speaker) = &answer.claimant {
                memory.remember(speaker, answer.cue.start());
            }
        }
        found.extend(Scan::new(text, &sentence, &mut memory).run());
    }
    found.extend(panel);
    found
}

/// Whether a page's language (declared, or guessed from its script) is
/// Chinese: `zh`, `zh-CN`, `zh-Hant-TW`…
pub fn is_chinese_language(language: Option<&str>) -> bool {
    language.is_some_and(|l| l.to_ascii_lowercase().starts_with("zh"))
}

/// True when Han characters make up most of the letters of `text` (each
/// character counted once, so a Chinese text with a few English names is
/// Chinese); false for a text without letters.
pub fn is_chinese(text: &str) -> bool {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if is_han(c) {
            han += 1;
        }
    }
    han * 2 > letters
}

/// Longest source kept, in characters.
pub const MAX_SOURCE_CHARS: usize = 24;

/// How far back from a cue, in characters, its clause may begin.
const MAX_CLAUSE_CHARS: usize = 40;

/// Longest 据…报道 phrase, in characters.
const MAX_ACCORDING_CHARS: usize = 60;

/// Longest addressee of 告诉 (告诉《南华早报》), in characters.
const MAX_ADDRESSEE_CHARS: usize = 16;

/// Most reporters kept for one attribution (a chain of nested reporting).
const MAX_REPORTERS: usize = 8;

/// Whether `c` is a Han character (CJK unified ideographs and their
/// extensions, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

// ---------------------------------------------------------------------------
// Sentences and quotations
// ---------------------------------------------------------------------------

/// Quotation marks, opening and closing; the ASCII mark closes itself.
const QUOTE_PAIRS: [(char, char); 4] = [('“', '”'), ('「', '」'), ('『', '』'), ('"', '"')];

/// Ends of a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Punctuation between clauses of one sentence.
fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':')
}

/// Characters a name may contain: letters, digits, spaces, title marks and
/// the joining marks of names and lists.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            ' ' | '\t'
                | '\u{3000}'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '·'
                | '・'
                | '•'
                | '-'
                | '_'
                | '&'
                | '.'
                | '\''
                | '（'
                | '）'
                | '('
                | ')'
                | '、'
                | '/'
        )
}

/// Punctuation and space trimmed from both ends of a content or a name.
fn is_trimmed(c: char) -> bool {
    c.is_whitespace() || is_clause_break(c) || is_terminator(c) || c == '、'
}

fn opener_kind(c: char) -> Option<usize> {
    QUOTE_PAIRS.iter().position(|&(open, _)| open == c)
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// `range` without the whitespace and punctuation at its ends.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start_matches(is_trimmed).len());
    let end = start + text[start..range.end].trim_end_matches(is_trimmed).len();
    start..end
}

/// `range` without the whitespace at its ends.
fn trim_space(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = start + text[start..range.end].trim_end().len();
    start..end
}

/// The first position from `at` that is not white space, at most `end`.
fn skip_space(text: &str, at: usize, end: usize) -> usize {
    at + text[at..end].len() - text[at..end].trim_start().len()
}

/// A sentence: its byte range and the quotations in it.
#[derive(Debug)]
struct Sentence {
    /// Byte range, leading white space excluded.
    range: Range<usize>,
    /// Balanced quotations, marks included, in text order and disjoint.
    quotes: Vec<Range<usize>>,
}

impl Sentence {
    /// The quotation opening at `at`.
    fn quote_at(&self, at: usize) -> Option<Range<usize>> {
        let k = self.quotes.binary_search_by_key(&at, |q| q.start).ok()?;
        Some(self.quotes[k].clone())
    }

    /// The quotation closing just before `at`.
    fn quote_ending_at(&self, at: usize) -> Option<Range<usize>> {
        let k = self.quotes.binary_search_by_key(&at, |q| q.end).ok()?;
        Some(self.quotes[k].clone())
    }
}

/// Finds the closing mark of a quotation on the same line, remembering for
/// each kind of mark how far none is to be found, so that a line full of
/// unclosed marks is searched once.
struct QuoteMatcher<'t> {
    text: &'t str,
    unclosed_until: [usize; QUOTE_PAIRS.len()],
}

impl<'t> QuoteMatcher<'t> {
    fn new(text: &'t str) -> Self {
        QuoteMatcher {
            text,
            unclosed_until: [0; QUOTE_PAIRS.len()],
        }
    }

    /// The end (past the closing mark) of the quotation of `kind` opened at
    /// `open`, when it closes on the same line.
    fn close(&mut self, open: usize, kind: usize) -> Option<usize> {
        let (opener, closer) = QUOTE_PAIRS[kind];
        let after = open + opener.len_utf8();
        if after < self.unclosed_until[kind] {
            return None;
        }
        for (k, c) in self.text[after..].char_indices() {
            if c == closer {
                return Some(after + k + c.len_utf8());
            }
            if c == '\n' || c == '\r' {
                self.unclosed_until[kind] = after + k;
                return None;
            }
        }
        self.unclosed_until[kind] = self.text.len();
        None
    }
}

/// The sentences of `text` as byte ranges, as the Chinese rules read
/// them: ended by 。！？ and at line breaks, a quotation kept with the
/// speaker named after it (“……。”他说。).
pub(super) fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    sentences(text).into_iter().map(|s| s.range).collect()
}

/// The sentences of `text`, in order, none empty.
fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut quotes = Vec::new();
    let mut matcher = QuoteMatcher::new(text);
    let mut start = 0;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let next = i + c.len_utf8();
        if c == '\n' || c == '\r' {
            push_sentence(text, &mut out, start..i, &mut quotes);
            start = next;
            i = next;
        } else if let Some(end) = opener_kind(c).and_then(|kind| matcher.close(i, kind)) {
            quotes.push(i..end);
            if quote_ends_sentence(text, i..end) && !speaker_clause_follows(text, end) {
                push_sentence(text, &mut out, start..end, &mut quotes);
                start = end;
            }
            i = end;
        } else if is_terminator(c) {
            let rest = &text[next..];
            let end = next + rest.len() - rest.trim_start_matches(is_terminator).len();
            push_sentence(text, &mut out, start..end, &mut quotes);
            start = end;
            i = end;
        } else {
            i = next;
        }
    }
    push_sentence(text, &mut out, start..text.len(), &mut quotes);
    out
}

fn push_sentence(
    text: &str,
    out: &mut Vec<Sentence>,
    range: Range<usize>,
    quotes: &mut Vec<Range<usize>>,
) {
    let range = trim_space(text, range);
    let quotes = std::mem::take(quotes);
    if !range.is_empty() {
        out.push(Sentence { range, quotes });
    }
}

/// True when the quotation `quote` (marks included) ends with a sentence end.
fn quote_ends_sentence(text: &str, quote: Range<usize>) -> bool {
    let closer_len = text[quote.clone()]
        .chars()
        .next_back()
        .map_or(0, char::len_utf8);
    text[quote.start..quote.end - closer_len]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| is_terminator(c) || c == '…')
}

/// True when a short speaker clause ending in a reporting verb (他说,
/// 商务部新闻发言人何亚东表示) follows `at` up to a sentence end or comma.
fn speaker_clause_follows(text: &str, at: usize) -> bool {
    let rest = &text[at + leading_dated_clause(&text[at..])..];
    let mut end = rest.len();
    for (n, (k, c)) in rest.char_indices().enumerate() {
        if !is_name_char(c) {
            end = k;
            break;
        }
        if n >= MAX_CLAUSE_CHARS {
            return false;
        }
    }
    let after = rest[end..].chars().next();
    let closes = after.is_none_or(|c| is_terminator(c) || matches!(c, '，' | ',' | '\n' | '\r'));
    closes && ends_with_reporting_verb(rest[..end].trim_end())
}

/// The length of a date clause opening `s` (2004年12月22日，), or 0: the
/// date of a speaker clause after its quotation (“…。”5日，何亚东表示。).
fn leading_dated_clause(s: &str) -> usize {
    let mut r = 0..s.len();
    while strip_leading_date(s, &mut r) {
        r = trim_space(s, r);
    }
    if r.start == 0 {
        return 0;
    }
    match s[r.clone()].chars().next() {
        Some(c @ ('，' | ',')) => r.start + c.len_utf8(),
        _ => 0,
    }
}

/// True when `run` is a subject followed by a reporting verb (and 称/说/道).
fn ends_with_reporting_verb(run: &str) -> bool {
    let run = ["称", "说", "道"]
        .iter()
        .find_map(|ext| run.strip_suffix(*ext).filter(|r| ends_with_verb(r)))
        .unwrap_or(run);
    ends_with_verb(run)
}

fn ends_with_verb(run: &str) -> bool {
    CUES.iter().any(|cue| {
        matches!(cue.class, CueClass::Strong | CueClass::Weak)
            && run.len() > cue.word.len()
            && run.ends_with(cue.word)
    })
}

// ---------------------------------------------------------------------------
// Reporting verbs
// ---------------------------------------------------------------------------

/// What a reporting verb needs around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueClass {
    /// Its content may follow directly (他认为短剧…).
    Strong,
    /// Only before ，：, a quotation or 称/说/道 (他介绍，…): otherwise it is
    /// an ordinary verb (介绍新产品).
    Weak,
    /// X援引Y称: Y claims, X reports.
    Relay,
    /// X告诉记者，…: an addressee between the verb and the content.
    Tell,
}

/// A reporting verb.
#[derive(Debug)]
struct Cue {
    word: &'static str,
    class: CueClass,
}

const fn cue(word: &'static str, class: CueClass) -> Cue {
    Cue { word, class }
}

/// Reporting verbs; where one begins another, the longer comes first.
const CUES: &[Cue] = &[
    cue("表示", CueClass::Strong),
    cue("指出", CueClass::Strong),
    cue("认为", CueClass::Strong),
    cue("强调", CueClass::Strong),
    cue("声称", CueClass::Strong),
    cue("宣称", CueClass::Strong),
    cue("坚称", CueClass::Strong),
    cue("辩称", CueClass::Strong),
    cue("说道", CueClass::Strong),
    cue("说", CueClass::Strong),
    cue("称", CueClass::Strong),
    cue("坦言", CueClass::Strong),
    cue("直言", CueClass::Strong),
    cue("透露", CueClass::Strong),
    cue("介绍", CueClass::Weak),
    cue("宣布", CueClass::Weak),
    cue("回应", CueClass::Weak),
    cue("发现", CueClass::Weak),
    cue("承认", CueClass::Weak),
    cue("警告", CueClass::Weak),
    cue("报道", CueClass::Weak),
    cue("披露", CueClass::Weak),
    cue("提到", CueClass::Weak),
    cue("预计", CueClass::Weak),
    cue("预测", CueClass::Weak),
    cue("呼吁", CueClass::Weak),
    cue("补充", CueClass::Weak),
    cue("解释", CueClass::Weak),
    cue("援引", CueClass::Relay),
    cue("引述", CueClass::Relay),
    cue("告诉", CueClass::Tell),
];

/// Words that contain a reporting verb without reporting anything.
const NOT_REPORTING: &[&str] = &[
    "小说",
    "据说",
    "听说",
    "虽说",
    "传说",
    "游说",
    "学说",
    "解说",
    "演说",
    "来说",
    "再说",
    "可以说",
    "不如说",
    "与其说",
    "若说",
    "如果说",
    "要说",
    "假如说",
    "倘若说",
    "就是说",
    "比如说",
    "譬如说",
    "例如说",
    "或者说",
    "换句话说",
    "应该说",
    "应当说",
    "照理说",
    "按理说",
    "照说",
    "按说",
    "大体上说",
    "大体说",
    "一般说",
    "总的说",
    "老实说",
    "坦白说",
    "实话说",
    "严格说",
    "确切说",
    "具体说",
    "简单说",
    "反过来说",
    "比方说",
    "想说",
    "不由分说",
    "说不尽",
    "说不完",
    "说不清",
    "说不出",
    "口说无凭",
    "说不定",
    // Talking, not saying something (空口说说白话), and "easy to say"
    // (投资阶段好说).
    "说说",
    "好说",
    // "So" and "a saying" (所以说他是…, 原来有这么一说).
    "所以说",
    "一说",
    "天窗说亮话",
    "等于说",
    "等于是说",
    "喜欢说",
    "俗话说",
    "不用说",
    "很难说",
    "不好说",
    "怎么说",
    "说明",
    "说法",
    "说服",
    "说话",
    "说书",
    "说唱",
    "说起",
    "说到",
    "说是",
    "说来",
    "说辞",
    "说教",
    "说笑",
    "说谎",
    "劝说",
    "诉说",
    "述说",
    "叙说",
    "评说",
    "细说",
    "邪说",
    "假说",
    "胡说",
    "瞎说",
    "乱说",
    "称为",
    "称之",
    "称作",
    "称做",
    "称号",
    "称赞",
    "称呼",
    "称霸",
    "称职",
    "称道",
    "称谓",
    "称颂",
    "称心",
    "称王",
    "名称",
    "简称",
    "堪称",
    "号称",
    "俗称",
    "统称",
    "自称",
    "昵称",
    "职称",
    "对称",
    "匀称",
    "人称",
    "并称",
    "著称",
    "戏称",
    "美称",
    "尊称",
    "总称",
    "通称",
    "爱称",
    "别称",
    "代称",
    "谎称",
    "又称",
    "亦称",
    "之称",
    "透露出",
    "新发现",
    "发现者",
    "解释权",
    "补充协议",
    "补充说明",
];

/// The reporting verb starting at `at`, longest first.
fn cue_at(text: &str, at: usize) -> Option<&'static Cue> {
    let rest = &text[at..];
    CUES.iter().find(|cue| rest.starts_with(cue.word))
}

/// True when the verb `word` at `at` is part of a longer word that does not
/// report (小说, 称为), or is passive or nominal (被认为, 所说, 据称, 的说法).
fn is_not_reporting(text: &str, at: usize, word: &str) -> bool {
    let before = &text[..at];
    let after_ju = before.ends_with('据') && !before.ends_with("数据") && !before.ends_with("证据");
    if after_ju || before.ends_with(['被', '所', '的']) {
        return true;
    }
    // Negated (也不说, 没有表示, 并未透露): nothing was claimed, and what
    // follows is not the subject's claim.
    if before.ends_with(['不', '没', '未', '别', '莫']) || before.ends_with("没有") {
        return true;
    }
    // 不会这样认为, 并不如此认为: negated across a "so".
    if let Some(rest) = ["这样", "那样", "如此", "这么"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        && (rest.ends_with(['不', '没', '未'])
            || ["不会", "不能", "没有", "不再"]
                .iter()
                .any(|n| rest.ends_with(n)))
    {
        return true;
    }
    NOT_REPORTING.iter().any(|w| {
        w.match_indices(word)
            .any(|(k, _)| at >= k && text.get(at - k..).is_some_and(|rest| rest.starts_with(w)))
    })
}

/// The 据…X phrase endings, longest first where one ends another.
const ACCORDING_CUES: &[&str] = &[
    "报道称",
    "报道说",
    "消息称",
    "介绍说",
    "透露说",
    "数据显示",
    "统计显示",
    "调查显示",
    "报告显示",
    "报道",
    "消息",
    "介绍",
    "透露",
    "披露",
    "表示",
    "指出",
    "称",
    "说",
    "统计",
    "显示",
    "了解",
    "报告",
    "通报",
    "公告",
    "数据",
    "估计",
    "预测",
    "测算",
    "分析",
    "调查",
];

// ---------------------------------------------------------------------------
// Names: sources and claimants
// ---------------------------------------------------------------------------

/// Words that open a clause before its subject: connectives and times.
const LEADING_WORDS: &[&str] = &[
    "与此同时",
    "另一方面",
    "但是",
    "不过",
    "然而",
    "而且",
    "并且",
    "此外",
    "另外",
    "同时",
    "对此",
    "就此",
    "因此",
    "所以",
    "其中",
    "随后",
    "之后",
    "最后",
    "首先",
    "其次",
    "此前",
    "目前",
    "当时",
    "如今",
    "于今",
    "现今",
    "而今",
    "现在",
    "今年",
    "去年",
    "近日",
    "日前",
    "近期",
    "最近",
    "今天",
    "昨天",
    "今日",
    "昨日",
    "当天",
    "当日",
    "本周",
    "上周",
    "但",
    "而",
    "并",
    "另",
    "又",
    "且",
    "也",
    "还",
    "则",
    // "As a result" (结果发现), not a finding's subject.
    "结果",
    // 恕我直言, "pardon my bluntness": I speak.
    "恕",
];

/// Words that end a subject and begin an adverbial (在发布会上, 接受采访时,
/// 日前, 进一步); 在, 对, 向 and 就 are handled apart, see [`cuts_subject`].
const ADVERBIAL_WORDS: &[&str] = &[
    "接受",
    "通过",
    "针对",
    "围绕",
    "谈及",
    "谈到",
    "提及",
    "谈起",
    "回答",
    "答记者",
    "发布",
    "发表",
    "发出",
    "发文",
    "撰文",
    "刊文",
    "发帖",
    "致信",
    "与记者",
    "同记者",
    "跟记者",
    "日前",
    "近日",
    "今天",
    "昨天",
    "今日",
    "昨日",
    "当天",
    "当日",
    "此前",
    "随后",
    "进一步",
    "明确",
    "公开",
    "再次",
    "一再",
    "多次",
    "同时",
    "同样",
    "曾经",
    "也曾",
    "普遍",
    "一致",
    "纷纷",
    "坦率",
    "直接",
    "早前",
    "最近",
    "近期",
    "本周",
    "上周",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "星期",
    "上午",
    "下午",
    "晚间",
    "今年",
    "去年",
    "近年来",
    "多年来",
    "以来",
    "一直",
    "联合",
    "共同",
    // "On the basis of" (福山根据黑格尔的理论认为 → 福山).
    "根据",
    "依据",
    "按照",
];

/// Adverbs dropped from the end of a subject (他还, 专家也, 各方均).
const TRAILING_WORDS: &[&str] = &[
    "也",
    "还",
    "则",
    "亦",
    "又",
    "均",
    "曾",
    "更",
    "已",
    "再",
    "便",
    "即",
    "就",
    "只",
    "都",
    "一直",
    "一再",
    "反复",
    "再次",
    "则会",
    "也会",
    "还会",
    "就会",
    "将会",
    "则将",
    "也将",
    "还将",
    "还是",
    // "Always" (共产党总是声称 → 共产党).
    "总是",
    // The occasion and the manner (大叔大妈聊天说, 他开玩笑说).
    "聊天",
    "聊天时",
    "开玩笑",
    // "Again and again" (有人口口声声说, 有人口口说).
    "口口声声",
    "口口",
    // The occasion, after the speaker (王剑锋讲话中指出, 他在发言时表示).
    "讲话中",
    "讲话时",
    "发言中",
    "发言时",
    "致辞中",
    "致辞时",
];

/// Texts that "say" what is written on them (圣经上说, 清单上称,
/// 该产品的资料上说): the subject is the text, without 上.
const TEXTS: &[&str] = &[
    "圣经",
    "清单",
    "名单",
    "资料",
    "文件",
    "报纸",
    "杂志",
    "书",
    "课本",
    "教科书",
    "报告",
    "公告",
    "通知",
    "广告",
    "文章",
    "网页",
    "网站",
    "说明书",
    "合同",
    "协议",
    "标签",
    "包装",
    "档案",
    "词典",
    "字典",
    "史书",
    "碑文",
];

/// The one-character sources that name someone: pronouns and the short
/// names of states (俄称, 美方 is two). Any other single character is the
/// tail of a word (是说, 倒说, 敢说), never a name.
const ONE_CHARACTER_SOURCES: &[&str] = &[
    "他", "她", "其", "中", "美", "日", "俄", "英", "法", "德", "韩", "朝", "印", "越", "泰", "澳",
    "加", "欧",
];

/// Addressees of 向 (向记者透露).
const ADDRESSEES: &[&str] = &["记者", "媒体", "本报", "外界", "笔者", "公众", "《"];

/// Words after 有 that make it "some" (有专家认为 → 专家).
const SOME_WORDS: &[&str] = &[
    "专家",
    "人士",
    "分析",
    "业内",
    "媒体",
    "学者",
    "观点",
    "评论",
    "网友",
    "消息人士",
    "知情人士",
    "官员",
    "研究",
    "报道",
    "声音",
    "机构",
    "投资者",
];

/// Words dropped from the end of a 据…/援引… source (国家统计局发布的数据).
const SOURCE_SUFFIXES: &[&str] = &[
    "发布的",
    "公布的",
    "发布",
    "公布",
    "的话",
    "的",
    "最新",
    "数据",
    "统计",
    "报告",
    "调查",
    // 据记者采访了解: the reporter's interviews, the writer's own.
    "采访",
    "消息",
    "说法",
    "声明",
    "官方网站",
    "官网",
    "网站",
    "官方微博",
    "微博",
    "微信公众号",
    "公众号",
];

/// Subjects that name nobody: demonstratives, the writer, the vague, a
/// modal.
const NOT_SOURCES: &[&str] = &[
    "这",
    "那",
    "此",
    "它",
    "它们",
    "我",
    "我们",
    "本人",
    "笔者",
    // "Personally" (个人认为, 我个人觉得): the writer.
    "个人",
    "我个人",
    // A question asked, not a subject (为什么说…).
    "为什么",
    "为何",
    "记者",
    "本报记者",
    "本报",
    "有人",
    "人们",
    "大家",
    "一般",
    "普遍",
    "外界",
    "该",
    "不完全",
    "初步",
    "粗略",
    "有关",
    "相关",
    // Statistics that are "scientific" or "authoritative" name no one
    // (根据科学统计).
    "科学",
    "权威",
    "最新",
    "其他",
    // A modal or a wish with no one before it (应该承认, 我想对…说).
    "应该",
    "应当",
    "可以",
    "必须",
    "不妨",
    "我想",
    "我们想",
    "你想",
];

/// Beginnings of subjects that name nobody (这一数据, 据悉, 的确, 有一种
/// 解释).
const NOT_SOURCE_STARTS: &[&str] = &[
    "这",
    "那",
    "据",
    "根据",
    "的",
    "之",
    "被",
    "所",
    "把",
    "如果",
    "因为",
    "虽然",
    "对于",
    "关于",
    "为了",
    "随着",
    "有一种",
    "有种",
    "一种",
];

/// Numerals of dates (2024年, 三月, 21日).
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "〇零一二三四五六七八九十百两廿卅".contains(c)
}

/// Drops the number of a list item opening `range` (二十、, 4., （3）).
fn strip_list_number(text: &str, range: &mut Range<usize>) -> bool {
    let s = &text[range.clone()];
    let open = s.starts_with(['（', '(']);
    let body = if open {
        &s[s.chars().next().map_or(0, char::len_utf8)..]
    } else {
        s
    };
    let digits = body.len() - body.trim_start_matches(is_numeral).len();
    let Some(mark) = body[digits..].chars().next() else {
        return false;
    };
    let closes = if open {
        matches!(mark, '）' | ')')
    } else {
        matches!(mark, '、' | '.' | '．')
    };
    if digits == 0 || !closes || body.len() == digits + mark.len_utf8() {
        return false;
    }
    range.start += (s.len() - body.len()) + digits + mark.len_utf8();
    true
}

fn is_date_unit(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '号')
}

/// Drops one word of `words` from the start of `range`.
fn strip_leading_word(text: &str, range: &mut Range<usize>, words: &[&str]) -> bool {
    let s = &text[range.clone()];
    // A word with 的 after it modifies what follows (于今的人, 当时的报道).
    match words
        .iter()
        .find(|w| s.starts_with(**w) && !s[w.len()..].starts_with('的'))
    {
        Some(w) => {
            range.start += w.len();
            true
        }
        None => false,
    }
}

/// Drops one word of `words` from the end of `range`.
fn strip_trailing_word(text: &str, range: &mut Range<usize>, words: &[&str]) -> bool {
    let s = &text[range.clone()];
    match words.iter().find(|w| s.ends_with(**w)) {
        Some(w) => {
            range.end -= w.len();
            true
        }
        None => false,
    }
}

/// Drops one date part (2024年, 3月, 21日) from the start of `range`.
fn strip_leading_date(text: &str, range: &mut Range<usize>) -> bool {
    let s = &text[range.clone()];
    let digits = s.len() - s.trim_start_matches(is_numeral).len();
    match s[digits..].chars().next() {
        Some(unit) if digits > 0 && is_date_unit(unit) => {
            range.start += digits + unit.len_utf8();
            true
        }
        _ => false,
    }
}

/// Drops one date part (21日, 3月) from the end of `range`.
fn strip_trailing_date(text: &str, range: &mut Range<usize>) -> bool {
    let s = &text[range.clone()];
    let Some(unit) = s.chars().next_back().filter(|&c| is_date_unit(c)) else {
        return false;
    };
    let before = &s[..s.len() - unit.len_utf8()];
    let digits = before.len() - before.trim_end_matches(is_numeral).len();
    if digits == 0 {
        return false;
    }
    range.end -= digits + unit.len_utf8();
    true
}

/// True when an adverbial begins at `at` inside the subject `range`: 在 (not
/// in 现在, 存在, 在线), 对 (not in 对外), 向 before an addressee, 就 (not in
/// 成就, 就业), or, after the first character, one of [`ADVERBIAL_WORDS`]
/// (so that 周一围 stays a name).
fn cuts_subject(text: &str, range: &Range<usize>, at: usize) -> bool {
    let rest = &text[at..range.end];
    let prev = text[range.start..at].chars().next_back();
    let mut chars = rest.chars();
    let (first, next) = (chars.next(), chars.next());
    match first {
        Some('在') => {
            !matches!(
                prev,
                Some('现' | '正' | '存' | '所' | '实' | '自' | '内' | '潜')
            ) && next != Some('线')
        }
        // Not inside a noun phrase a measure word opens (一项对600名女性的调查).
        Some('对') => next != Some('外') && !is_bare_measure(&text[range.start..at]),
        Some('向') => ADDRESSEES
            .iter()
            .any(|a| rest['向'.len_utf8()..].starts_with(a)),
        Some('就') => !matches!(prev, Some('成' | '造' | '也')) && next != Some('业'),
        // A paper named for its day (法国星期天报) keeps it.
        _ => {
            at > range.start
                && ADVERBIAL_WORDS.iter().any(|w| rest.starts_with(w))
                && !(rest.starts_with(['星', '周']) && rest.ends_with(['报', '刊']))
        }
    }
}

/// Whether `s` is a numeral or a demonstrative and a measure word alone
/// (一项, 这份, 该次), which opens a noun phrase and names nothing by itself.
fn is_bare_measure(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (
            Some('一' | '两' | '这' | '那' | '该' | '每' | '此' | '某'),
            Some('项' | '份' | '篇' | '次' | '场' | '则' | '个'),
            None
        )
    )
}

/// The subject of a clause (`clause` runs from its start to the verb): the
/// name-like words left when connectives, adverbials and dates are dropped.
fn subject_range(text: &str, clause: Range<usize>) -> Option<Range<usize>> {
    // An aside closed before the subject, as a byline's ((记者 张明)国家
    // 广电总局…), is none of it: the subject starts after its close.
    let mut r = trim_space(text, clause);
    if let Some(close) = unopened_close(&text[r.clone()]) {
        r.start += close;
    }
    // A parenthesis opened before the verb and not closed (大众(列宁说…):
    // the subject is inside it.
    if let Some(open) = unclosed_open(&text[r.clone()]) {
        r.start += open;
    }
    r = strip_clause_opening(text, r);
    // 任你口说出血来, 无论他说什么: a concession says nothing.
    if CONCESSIONS.iter().any(|w| text[r.clone()].starts_with(w)) {
        return None;
    }
    let cut = text[r.clone()]
        .char_indices()
        .map(|(k, _)| r.start + k)
        .find(|&at| cuts_subject(text, &r, at));
    if let Some(at) = cut {
        r.end = at;
    }
    loop {
        r = trim_space(text, r);
        let s = &text[r.clone()];
        let plural_all = s.ends_with('都')
            && s[..s.len() - '都'.len_utf8()].ends_with(['们', '家', '方', '者', '士']);
        // "On" a text is the text speaking (圣经上说 → 圣经).
        let on_a_text = s
            .strip_suffix('上')
            .is_some_and(|t| TEXTS.iter().any(|w| t.ends_with(w)));
        if plural_all {
            r.end -= '都'.len_utf8();
        } else if on_a_text {
            r.end -= '上'.len_utf8();
        } else if !strip_trailing_word(text, &mut r, TRAILING_WORDS)
            && !strip_trailing_word(text, &mut r, ADVERBIAL_WORDS)
            && !strip_trailing_date(text, &mut r)
        {
            break;
        }
    }
    let s = &text[r.clone()];
    if let Some(rest) = s.strip_prefix('有')
        && SOME_WORDS.iter().any(|w| rest.starts_with(w))
    {
        r.start += '有'.len_utf8();
    }
    valid_source(text, tagged_subject(text, r)?)
}

/// Words that open a concession ("no matter how", "even if"): a verb of
/// saying after them is supposed, not done.
const CONCESSIONS: &[&str] = &[
    "任你", "任凭", "无论", "不管", "哪怕", "即使", "即便", "纵然", "纵使",
];

/// Words that end a time clause (马伊加说出这话两天之后，…).
const TIME_CLAUSE_ENDS: &[&str] = &["之后", "以后", "后", "时", "的时候", "之前", "以前"];

/// Part-of-speech tags of jieba's dictionary that cannot open a subject
/// without a 的 after them: a verb (not a verbal noun), an adverb, a
/// conjunction, a preposition, an idiom, a suffix (们也许会说).
const NOT_SUBJECT_OPENERS: &[&str] = &["v", "d", "ad", "c", "p", "i", "k"];

/// Studies and schools of thought, which hold views (研究认为, 规范理论认为).
const STUDIES: &[&str] = &[
    "理论", "研究", "调查", "学说", "学派", "观点", "数据", "报道",
];

/// Most words before the verb of a clause that shares its subject with
/// one before it (当即表态说, 还和公司员工开玩笑说).
const MAX_ZERO_SUBJECT_WORDS: usize = 4;

/// Adverbs that follow a subject: a clause opening with one (又歌舞太平
/// 起来) has no subject of its own.
const FOLLOWING_SUBJECT: &[&str] = &["也", "还", "又", "并", "且", "则", "便", "就"];

/// Words of likeness that end a subject (苏联人好象妓女一样: jieba tags
/// 好象 as a noun).
const COMPARISONS: &[&str] = &["好象", "好像", "像", "似乎", "仿佛", "一样", "一般"];

/// Most clauses looked back through for a shared subject.
const MAX_ZERO_SUBJECT_CLAUSES: usize = 3;

/// A clause's words from `range` without its opening connectives, times,
/// dates and list numbers (但, 随后, 2024年, 4.).
fn strip_clause_opening(text: &str, range: Range<usize>) -> Range<usize> {
    let mut r = trim_space(text, range);
    while strip_leading_word(text, &mut r, LEADING_WORDS)
        || strip_leading_date(text, &mut r)
        || strip_list_number(text, &mut r)
    {
        r = trim_space(text, r);
    }
    r
}

/// Adverbs of quantity that open a subject (不少人认为); other adverbs
/// (当即表态说) open a predicate.
const QUANTITY_ADVERBS: &[&str] = &["不少", "好些", "大都", "大多"];

/// Verbs comparing quantities, which name nobody standing before a cue.
const QUANTITY_COMPARISONS: &[&str] = &[
    "少于",
    "多于",
    "高于",
    "低于",
    "大于",
    "小于",
    "等于",
    "不如",
    "超过",
    "相当于",
];

/// jieba's tags of names: of people, places, bodies, others.
const NAME_TAGS: &[&str] = &["nr", "nrt", "nrfg", "ns", "nt", "nz"];

/// Personal pronouns that may open a subject.
const PERSONAL_PRONOUNS: &[&str] = &[
    "我", "我们", "你", "你们", "他", "她", "他们", "她们", "它", "它们",
];

/// One-character adverbs that may trail a subject (母亲却说, 托克维尔早发现).
const ONE_CHARACTER_ADVERBS: &[&str] = &[
    "却", "也", "还", "又", "就", "便", "才", "再", "则", "常", "早", "竟", "仍", "曾", "都", "更",
    "很",
];

/// The subject `r` cleaned with jieba's words and tags, where the rules
/// without segmentation leave a manner or a verb phrase in it:
/// - 用何夕的话说 → 何夕; 听网吧老板说 → 网吧老板;
/// - a subject that opens with a verb, adverb, conjunction, preposition or
///   idiom and holds no 的 names nobody (告诉他说, 马上说道, 至於说, 除非…);
///   接受采访的专家 keeps its relative clause;
/// - a verb with 着 or 了 after the first word starts a manner
///   (速子笑着挥了挥手表示 → 速子), and so does an adverbial with 地
///   (劳伦斯亲切地称 → 劳伦斯; 严格地说 names nobody);
/// - trailing adverbs go (市场人士普遍认为 → 市场人士).
///
/// A subject the gazetteer knows is taken as it is.
fn tagged_subject(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    if !s.chars().any(is_han)
        || super::link::Linker::embedded()
            .resolve_claimant(s)
            .is_some()
    {
        return Some(r);
    }
    // 他会说, 她要说: jieba glues a pronoun to a modal; the pronoun is
    // the subject.
    if let Some(pronoun) = PERSONAL_PRONOUNS
        .iter()
        .filter(|p| s.starts_with(**p))
        .max_by_key(|p| p.len())
        && matches!(
            &s[pronoun.len()..],
            "会" | "要" | "能" | "将" | "可能" | "也会" | "还会" | "就会"
        )
    {
        return Some(r.start..r.start + pronoun.len());
    }
    let tags = crate::index::analysis::jieba().tag(s, true);
    let mut words: &[jieba_rs::Tag<'_>] = &tags;
    // The byte range of `text` that the words from `first` to `last` cover.
    let span = |first: &jieba_rs::Tag<'_>, last: &jieba_rs::Tag<'_>| {
        r.start + first.byte_start..r.start + last.byte_end
    };
    if let [first, middle @ .., last] = words
        && first.word == "用"
        && matches!(last.word, "的话" | "话")
        && !middle.is_empty()
    {
        words = middle;
    }
    // 听网吧老板说, also after a time or an adverb (晚上又听他祷告说).
    if let Some(k) = words.iter().position(|w| w.word == "听")
        && k + 1 < words.len()
        && words[..k].iter().all(|w| matches!(w.tag, "t" | "d"))
    {
        words = &words[k + 1..];
    }
    // 一位名叫瓦连京·图尔钦的异议人士: the name.
    if let Some(k) = words
        .iter()
        .position(|w| matches!(w.word, "名叫" | "叫做" | "名为"))
        && let Some(of) = words[k + 1..].iter().position(|w| w.word == "的")
        && of > 0
    {
        let name = &words[k + 1..k + 1 + of];
        return Some(span(&name[0], &name[of - 1]));
    }
    // A pronoun after a preposition or a determiner, with at most adverbs
    // after it (宁可采取一种比他们真心认为, 有些我们认为): the pronoun is the
    // subject of the verb.
    if let Some(k) = words
        .iter()
        .rposition(|w| PERSONAL_PRONOUNS.contains(&w.word))
        && k > 0
        && matches!(words[k - 1].tag, "p" | "r")
        && words[k + 1..].iter().all(|w| matches!(w.tag, "d" | "ad"))
    {
        return Some(span(&words[k], &words[k]));
    }
    // 由 marks who did it in a passive (该消息由国内一家权威媒体报道): what
    // follows the verb is no content of theirs.
    if words.iter().any(|w| w.word == "由" && w.tag == "p") {
        return None;
    }
    // A pronoun after a measure word (一件他自己认为是最好的事情) is in a
    // relative clause: its verb reports nothing.
    if words
        .windows(2)
        .any(|w| w[0].tag == "m" && PERSONAL_PRONOUNS.contains(&w[1].word))
    {
        return None;
    }
    // 把 puts the object before the verb (Coco兴奋的把自己的这一想法说):
    // the subject is before it, without a manner ending in 的.
    if let Some(k) = (1..words.len()).find(|&k| words[k].word == "把" && words[k].tag == "p") {
        words = &words[..k];
        if let [rest @ .., manner, of] = words
            && of.word == "的"
            && matches!(manner.tag, "v" | "a" | "ad")
            && !rest.is_empty()
        {
            words = rest;
        }
    }
    // 他会说, 他最后说, 我们可以说, 他突然扬起眉毛说, 她自己说: a pronoun
    // followed by anything but a noun (他父亲, 我爱人) or a 的 (他的发言人)
    // is the pronoun (resolved, or refused as the writer's).
    if let [first, next, ..] = words
        && PERSONAL_PRONOUNS.contains(&first.word)
        && next.word != "的"
        && !next.tag.starts_with('n')
    {
        return Some(span(first, first));
    }
    // A time opening the subject is no part of it (目前国家广电总局, 昨天
    // 市长); with nothing after it (当来, 今夕) it names nobody.
    while let [first, rest @ ..] = words
        && first.tag == "t"
    {
        if rest.is_empty() {
            return None;
        }
        words = rest;
    }
    if let [first, next, ..] = words
        && matches!(first.tag, "c" | "d")
        && NAME_TAGS.contains(&next.tag)
    {
        // 其后思浩表示 → 思浩.
        words = &words[1..];
    }
    // A modifier whose noun was cut off (一支分别来自日本和蒙古的) names
    // nobody.
    if words.last().is_some_and(|w| w.word == "的") {
        return None;
    }
    let refused = match words {
        // One word: 通知称 and 报道说 are the notice and the report;
        // 马上说道 and 至於说 name nobody, nor does a comparison (少于表示
        // "有"的人: fewer than those who said "yes").
        [only] => {
            NOT_SUBJECT_OPENERS.contains(&only.tag) && only.tag != "v"
                || QUANTITY_COMPARISONS.contains(&only.word)
        }
        // 不少人认为 is a subject; a one-character verb opens names
        // (托克维尔) unless a pronoun follows it (要他说, 让我说).
        [first, next, ..] => {
            let verb_of_one = first.tag == "v" && first.word.chars().count() == 1;
            let quantity = QUANTITY_ADVERBS.contains(&first.word) && next.tag == "n";
            let name_opening = verb_of_one && next.tag != "r";
            let relative = words.iter().any(|w| w.word.contains('的'));
            NOT_SUBJECT_OPENERS.contains(&first.tag) && !(quantity || name_opening || relative)
        }
        [] => true,
    };
    // A verb with a quantity after it (我似乎还可以提供两点补充): the
    // "verb" is a noun, its object.
    let object =
        matches!(words, [.., last] if last.tag == "m") && words.iter().any(|w| w.tag == "v");
    if refused || object {
        return None;
    }
    if let Some(k) = (1..words.len()).find(|&k| {
        matches!(words[k].tag, "v" | "vn")
            && words
                .get(k + 1)
                .is_some_and(|n| matches!(n.word, "着" | "了"))
    }) {
        words = &words[..k];
    }
    // A verb after a noun or pronoun, in a subject with no 的 that does not
    // end in a role (我爱人回信说, 巴顿回一封信说, 国家统计局发布数据说; not
    // 省工业和信息化厅相关负责人), with no name after it (not 国家广电总局网络
    // 视听司司长冯胜勇): the subject ends before it. A "verb" that
    // makes a personal name with the surname before it (郑 庆生) or ends
    // the words in one character (朱立凡) is the name's.
    let ends_in_role = |w: &[jieba_rs::Tag<'_>]| {
        w.last().is_some_and(|last| {
            PERSON_ENDS.contains(&last.word) || super::zh_names::ends_with_title(last.word)
        })
    };
    if !words.iter().any(|w| w.word.contains('的'))
        && !ends_in_role(words)
        && let Some(k) = (1..words.len()).find(|&k| {
            let (before, verb) = (&words[k - 1], &words[k]);
            let name_goes_on = || {
                before.word.chars().count() == 1
                    && super::zh_names::mentioned_name(&format!("{}{}", before.word, verb.word))
                        .is_some()
            };
            verb.tag == "v"
                && !words[k..].iter().any(|w| NAME_TAGS.contains(&w.tag))
                && words[..k]
                    .iter()
                    .any(|w| w.tag.starts_with('n') || w.tag == "r")
                && (verb.word.chars().count() > 1 || k + 1 < words.len())
                && !name_goes_on()
        })
    {
        words = &words[..k];
    }
    if let [rest @ .., _, last] = words
        && last.word == "地"
    {
        words = rest;
    }
    // The same manner read by jieba as one word (卢宇恳切地说: its
    // dictionary has 恳切地 as a noun), where the word before 地 is an
    // adjective or an adverb (so 殖民地 and 根据地 stay).
    if let [rest @ .., last] = words
        && !rest.is_empty()
        && let Some(manner) = last.word.strip_suffix('地')
        && manner.chars().count() >= 2
        && crate::index::analysis::jieba()
            .tag(manner, false)
            .iter()
            .all(|w| matches!(w.tag, "a" | "ad" | "d" | "z"))
    {
        words = rest;
    }
    // A causative (姑姑于秀荣让律师告诉, 他派秘书说): the one who had
    // it said, before the verb.
    if let Some(k) = (1..words.len()).find(|&k| {
        matches!(words[k].word, "让" | "派") && words[k].tag == "v" && k + 1 < words.len()
    }) {
        words = &words[..k];
    }
    // Trailing adverbs, but not the last character of a name (朱立凡 is
    // tagged 朱立 凡): one character only from a short list, and only
    // with two characters left before it.
    while let [rest @ .., last] = words
        && matches!(last.tag, "d" | "ad" | "a")
        && (last.word.chars().count() > 1 && last.tag != "a"
            || ONE_CHARACTER_ADVERBS.contains(&last.word)
                && rest.iter().map(|w| w.word.chars().count()).sum::<usize>() >= 2)
    {
        words = rest;
    }
    // A time clause after a name (胡先生看完这则报道后说): the name.
    if let [first, .., last] = words
        && NAME_TAGS.contains(&first.tag)
        && matches!(last.word, "后" | "时" | "之后" | "以后" | "之时" | "的时候")
        && let Some(k) = (1..words.len()).find(|&k| words[k].tag == "v")
    {
        words = &words[..k];
    }
    let (first, last) = (words.first()?, words.last()?);
    Some(span(first, last))
}

/// The source named between 据 and 报道, or between 援引 and 称: the
/// subject with dates and 发布的数据, 的话, 网站… dropped from its end.
fn source_name(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let mut r = trim_space(text, range);
    while strip_leading_date(text, &mut r) || strip_leading_word(text, &mut r, &["了"]) {}
    loop {
        r = trim_space(text, r);
        if !strip_trailing_date(text, &mut r)
            && !strip_trailing_word(text, &mut r, SOURCE_SUFFIXES)
            && !strip_title_after_of(text, &mut r)
        {
            break;
        }
    }
    valid_source(text, r)
}

/// Drops a document title named as the body's (协会发布的《报告》 → 协会发布的).
fn strip_title_after_of(text: &str, range: &mut Range<usize>) -> bool {
    let s = &text[range.clone()];
    if !s.ends_with('》') {
        return false;
    }
    match s.rfind('《') {
        Some(open) if s[..open].ends_with('的') => {
            range.end = range.start + open;
            true
        }
        _ => false,
    }
}

/// `range` when it can name a source: not empty, short, with a letter, and
/// not a demonstrative, the writer or a vague word.
fn valid_source(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let ok = !s.is_empty()
        && s.chars().count() <= MAX_SOURCE_CHARS
        && s.chars().any(char::is_alphabetic)
        && !NOT_SOURCES.contains(&s)
        && unopened_close(s).is_none()
        // The verb's own passive or negation left behind (…不被承认).
        && !s.ends_with(['被', '不', '没', '未'])
        && (s.chars().count() > 1 || ONE_CHARACTER_SOURCES.contains(&s))
        && !NOT_SOURCE_STARTS.iter().any(|w| s.starts_with(w))
        // A standpoint sees nothing (用检阅国际共运史的立场就会发现).
        && !STANDPOINTS.iter().any(|w| s.ends_with(w));
    ok.then_some(range)
}

/// Words for a point of view, which end no source.
const STANDPOINTS: &[&str] = &["立场", "角度", "眼光", "视角"];

/// Where `s` goes on after its last closing parenthesis that closes none
/// opened in it, if any: 张明）国家广电总局 goes on at 国家广电总局, and
/// 15岁） at its end (福山(Francis Fukuyama) has none).
fn unopened_close(s: &str) -> Option<usize> {
    let mut open = 0usize;
    let mut after = None;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' => open += 1,
            '）' | ')' => match open.checked_sub(1) {
                Some(o) => open = o,
                None => after = Some(i + c.len_utf8()),
            },
            _ => {}
        }
    }
    after
}

/// Where `s` goes on after its last opening parenthesis not closed in it,
/// if any: 大众(列宁 goes on at 列宁.
fn unclosed_open(s: &str) -> Option<usize> {
    let mut opens: Vec<usize> = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' => opens.push(i + c.len_utf8()),
            '）' | ')' => {
                opens.pop();
            }
            _ => {}
        }
    }
    opens.last().copied()
}

/// The name a source goes by: the title inside 《》 for a publication
/// (香港《南华早报》 → 南华早报), or the one named inside the text
/// (《悲》文中科马洛夫 → 科马洛夫), else the source as written.
fn claimant_name(source: &str) -> String {
    let source = source.trim();
    let title = source.find('《').and_then(|open| {
        let inner = &source[open + '《'.len_utf8()..];
        inner.find('》').map(|close| {
            let after = inner[close + '》'.len_utf8()..].trim();
            (inner[..close].trim(), after)
        })
    });
    match title {
        // Someone inside the text: 《悲》文中科马洛夫 is 科马洛夫.
        Some((_, after))
            if let Some(name) = ["一文中", "文中", "书中", "文里", "书里"]
                .iter()
                .find_map(|w| after.strip_prefix(w))
                .filter(|name| name.chars().count() >= 2) =>
        {
            name.to_owned()
        }
        Some((t, _)) if !t.is_empty() => t.to_owned(),
        _ => source.to_owned(),
    }
}

/// What kind of name a pronoun or a claimant is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameClass {
    /// One person (李明, 胡先生, 发言人).
    Person,
    /// Several people (学生们, 华夫妇, 科尔曼等, 各方).
    People,
    Government,
    Company,
    Media,
    /// A name of unknown kind (an English brand, 研究, 他的直觉), or a
    /// pronoun with no kind (该项目).
    Other,
    /// A pronoun that stands for a name of any kind (其).
    Anyone,
}

const COMPANY_ENDS: &[&str] = &[
    "公司",
    "集团",
    "企业",
    "平台",
    "科技",
    "影业",
    "传媒",
    "工作室",
    "品牌",
    "银行",
];
const MEDIA_ENDS: &[&str] = &[
    "报", "社", "台", "网", "媒体", "杂志", "周刊", "新闻", "报纸", "网站", "刊",
];
const GOVERNMENT_ENDS: &[&str] = &[
    "部门",
    "机构",
    "组织",
    "政府",
    "委员会",
    "协会",
    "中心",
    "单位",
    "部",
    "局",
    "委",
    "署",
    "院",
    "会",
    "办",
    "厅",
    "司",
    "处",
    "所",
    "馆",
    "联盟",
];
const PERSON_ENDS: &[&str] = &[
    "负责人",
    "人士",
    "官员",
    "发言人",
    "领导",
    "老板",
    "经理",
    "主任",
    "书记",
    "警察",
    "司机",
    "小姐",
    "先生",
    "太太",
    "夫人",
    "孩子",
    "民",
    // Kin, who speak in stories and memoirs (他的妻子很不服气，说).
    "妻子",
    "丈夫",
    "儿子",
    "女儿",
    "母亲",
    "父亲",
    "妈妈",
    "爸爸",
    "爱人",
    "外婆",
    "外公",
    "奶奶",
    "爷爷",
    "姥姥",
    "姥爷",
    "阿姨",
    "叔叔",
    "哥哥",
    "姐姐",
    "弟弟",
    "妹妹",
    "家属",
    "亲属",
    "家人",
    "专家",
    "高管",
    "分析师",
    "研究员",
    "教授",
    "导演",
    "演员",
    "人",
];

/// Ends of names of several people (学生们, 科尔曼等, 华夫妇).
const PEOPLE_ENDS: &[&str] = &[
    "们", "等", "等人", "夫妇", "夫妻", "双方", "两人", "二人", "众人", "民众", "群众", "网友",
];

/// Beginnings of names of several people (各方, 不少专家, 多位学者).
const PEOPLE_STARTS: &[&str] = &[
    "各",
    "众",
    "诸",
    "一些",
    "不少",
    "许多",
    "很多",
    "多位",
    "多名",
    "部分",
    "大多数",
    "多数",
    "有些",
    "有的",
    "几位",
    "两位",
    "数位",
    "数名",
];

/// Whether `name` is a place's or a people's with 人 after it (蒙古人,
/// 苏联人, 汉族人): the people of it, not one person.
fn is_people_of_a_place(name: &str) -> bool {
    let Some(place) = name.strip_suffix('人') else {
        return false;
    };
    if place.ends_with(['族', '国']) {
        return true;
    }
    match crate::index::analysis::jieba().tag(place, true).as_slice() {
        [only] => only.tag == "ns",
        _ => false,
    }
}

/// Whether a claimant's name ends as a body's does (国防部, 新华社, 腾讯公司).
pub(super) fn reads_as_body(name: &str) -> bool {
    let ends = |list: &[&str]| list.iter().any(|e| name.ends_with(e));
    ends(COMPANY_ENDS) || ends(MEDIA_ENDS) || ends(GOVERNMENT_ENDS)
}

/// The kind of a claimant's name: a body by how it ends, people by how
/// it ends or begins, a person when it reads as a personal name (with
/// or without a title: 胡先生, 教授刘天模) or ends in a role (发言人);
/// anything else (研究, 他的直觉) is of no kind a pronoun could stand for.
fn name_class(name: &str) -> NameClass {
    let ends = |list: &[&str]| list.iter().any(|e| name.ends_with(e));
    if ends(COMPANY_ENDS) {
        NameClass::Company
    } else if ends(MEDIA_ENDS) {
        NameClass::Media
    } else if ends(GOVERNMENT_ENDS) {
        NameClass::Government
    } else if ends(PEOPLE_ENDS)
        || PEOPLE_STARTS.iter().any(|w| name.starts_with(w))
        || is_people_of_a_place(name)
    {
        NameClass::People
    } else if name.is_ascii() {
        // Donald Trump, not Nike.
        if name.contains(' ') {
            NameClass::Person
        } else {
            NameClass::Other
        }
    } else if ends(PERSON_ENDS)
        || super::zh_names::ends_with_title(name)
        || super::zh_names::reads_as_person(name)
        || super::zh_names::surname_with_title(name).is_some()
    {
        NameClass::Person
    } else {
        NameClass::Other
    }
}

/// What a pronoun source refers to, or `None` when `source` is a name.
fn pronoun_class(source: &str) -> Option<NameClass> {
    match source {
        "他" | "她" | "他本人" | "她本人" => return Some(NameClass::Person),
        "他们" | "她们" => return Some(NameClass::People),
        // 其 stands for a person or a body: the last name of any kind.
        "其" => return Some(NameClass::Anyone),
        _ => {}
    }
    let rest = source.strip_prefix('该')?;
    let is = |list: &[&str]| list.contains(&rest);
    Some(if is(GOVERNMENT_ENDS) {
        NameClass::Government
    } else if is(COMPANY_ENDS) {
        NameClass::Company
    } else if is(MEDIA_ENDS) {
        NameClass::Media
    } else if is(PERSON_ENDS) {
        NameClass::Person
    } else {
        NameClass::Other
    })
}

/// Whether `subject` names one who can say something: a pronoun, a name
/// of a known kind (a person, people, a body), one written in Latin
/// letters (SBS), a name the gazetteer knows or jieba tags as one, a noun
/// of people (受访者, 网吧老板), or a text or a study that holds a view
/// (圣经, 《悲》文, 规范理论). A colour, a curve, a diagram's part or a
/// manner (黄色, 曲线平顶部分, T结尾, 片面) cannot.
fn can_speak(subject: &str) -> bool {
    let subject = subject.trim();
    let text_or_study = subject.contains('《')
        || TEXTS.iter().chain(STUDIES).any(|w| subject.ends_with(w))
        || subject.ends_with('文') && subject.chars().count() > 1;
    // A verb phrase (山坡上布满了), whatever jieba makes of its words.
    if subject.ends_with(['了', '着']) {
        return false;
    }
    let latin_name = subject
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-' | '&'))
        && subject.chars().any(|c| c.is_ascii_alphabetic());
    text_or_study
        || PERSONAL_PRONOUNS.contains(&subject)
        || pronoun_class(subject).is_some()
        || latin_name
        || name_class(&claimant_name(subject)) != NameClass::Other
        || subject
            .chars()
            .next_back()
            .is_some_and(|c| PERSON_NOUN_ENDS.contains(c))
        || is_gazetteer_agent(subject)
        || crate::index::analysis::jieba()
            .tag(subject, true)
            .iter()
            .any(|w| NAME_TAGS.contains(&w.tag))
}

/// Whether the gazetteer knows `name` as an agent or a place, not as a
/// topic (短剧 is a concept, and concepts say nothing).
fn is_gazetteer_agent(name: &str) -> bool {
    super::link::Linker::embedded().claimant_is_a(name, crate::vocab::skos::CONCEPT) == Some(false)
}

/// How far back, in characters, a personal pronoun (他, 她, 他们) looks for
/// the one it stands for: a person named pages earlier is not "he".
const MAX_PRONOUN_CHARS: usize = 300;

/// A name remembered for the pronouns after it, and where it was met.
type Named = (String, usize);

/// Most names of people kept to look for in the text before a pronoun.
const MAX_PEOPLE_KEPT: usize = 64;

/// The last named sources, by kind, for resolving pronouns.
#[derive(Debug, Default)]
struct Memory {
    any: Option<Named>,
    person: Option<Named>,
    people: Option<Named>,
    government: Option<Named>,
    company: Option<Named>,
    media: Option<Named>,
    /// Every person named as a source so far (up to [`MAX_PEOPLE_KEPT`]),
    /// looked for in the text before 他 and 她 (劳伦斯 is no word jieba
    /// tags as a name).
    persons: Vec<String>,
    /// The last [`MAX_NAMES_KEPT`] sources named, of any kind, the last
    /// last: 该部 looks in them for a body ending in 部.
    recent: std::collections::VecDeque<String>,
    /// What the last person remembered said: a name inside it is
    /// someone spoken of, not the next 他.
    said: Option<Range<usize>>,
}

/// Most names kept for [`Memory::last_body_ending`].
const MAX_NAMES_KEPT: usize = 32;

/// The one-character ends of a body's name that 该 can point back to on
/// their own (该部, 该局, 该委).
const BODY_END_CHARS: &[&str] = &["部", "局", "委", "署", "院", "厅", "办", "司", "处"];

impl Memory {
    /// Remembers the source `name` met at byte `at`.
    fn remember(&mut self, name: &str, at: usize) {
        self.any = Some((name.to_owned(), at));
        if self.recent.len() == MAX_NAMES_KEPT {
            self.recent.pop_front();
        }
        self.recent.push_back(name.to_owned());
        let class = name_class(name);
        if class == NameClass::Person
            && self.persons.len() < MAX_PEOPLE_KEPT
            && !self.persons.iter().any(|p| p == name)
        {
            self.persons.push(name.to_owned());
        }
        let slot = match class {
            NameClass::Person => &mut self.person,
            NameClass::People => &mut self.people,
            NameClass::Government => &mut self.government,
            NameClass::Company => &mut self.company,
            NameClass::Media => &mut self.media,
            NameClass::Other | NameClass::Anyone => return,
        };
        *slot = Some((name.to_owned(), at));
    }

    /// The claimant of the source `range` of `text`: its name, or the
    /// name a pronoun stands for.
    fn claimant(&self, text: &str, range: Range<usize>) -> Option<String> {
        let source = &text[range.clone()];
        // 他的发言人, 其发言人: the spokesperson speaks for whom the pronoun
        // stands for.
        if let Some(class) = super::zh_names::spokesperson_of(source).and_then(pronoun_class) {
            return self.last(class, text, range.start);
        }
        let body = source
            .strip_prefix('该')
            .filter(|end| BODY_END_CHARS.contains(end))
            .and_then(|end| self.last_body_ending(end));
        if body.is_some() {
            return body;
        }
        match pronoun_class(source) {
            None => Some(claimant_name(source)),
            Some(class) => self.last(class, text, range.start),
        }
    }

    /// The body that 该 + `end` (该部) points back to: in the last source
    /// whose name holds `end` after two characters or more, the name up
    /// to it (商务部新闻发言人何亚东 gives 商务部; 国家广电总局 for 该局).
    fn last_body_ending(&self, end: &str) -> Option<String> {
        self.recent.iter().rev().find_map(|name| {
            name.char_indices()
                .skip(2)
                .find(|(i, _)| name[*i..].starts_with(end))
                .map(|(i, _)| name[..i + end.len()].to_owned())
        })
    }

    /// The name a pronoun of `class` at byte `at` stands for: for 他 and
    /// 她, the nearest before it, within [`MAX_PRONOUN_CHARS`], of the last
    /// person remembered, the people remembered as written in the text,
    /// and the personal names jieba reads there (编剧朱耀廷一直关注…，他认
    /// 为), never 学生们 or 研究; for 他们 the
    /// last people as near; for 该公司 the last company; for 其 the last
    /// source of any kind.
    fn last(&self, class: NameClass, text: &str, at: usize) -> Option<String> {
        let floor = text[..at]
            .char_indices()
            .rev()
            .nth(MAX_PRONOUN_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let near = |named: &Option<Named>| {
            named
                .as_ref()
                .filter(|(_, met)| *met >= floor && *met < at)
                .cloned()
        };
        let pick = |named: &Option<Named>| named.as_ref().map(|(name, _)| name.clone());
        match class {
            NameClass::Person => {
                let window = &text[floor..at];
                let written: Vec<Named> = self
                    .persons
                    .iter()
                    .filter_map(|p| window.rfind(p.as_str()).map(|k| (p.clone(), floor + k)))
                    .collect();
                // A person described, not named, in the pronoun's own
                // paragraph; one pointed back to (这位) only when no one
                // who spoke is near.
                let paragraph = window.rfind('\n').map_or(floor, |k| floor + k + 1);
                let spoke = near(&self.person).is_some() || !written.is_empty();
                let read = ReadWindow::new(text, floor..at);
                // A name the last speaker said (他说他采访了张丙炎本人，…他又说)
                // is not the next 他 while that speaker is near.
                let spoken_of = |(_, met): &Named| {
                    near(&self.person).is_some()
                        && self.said.as_ref().is_some_and(|r| r.contains(met))
                };
                // The mention that ends last, the longest of those (温斯顿·史密斯
                // over the 史密斯 remembered).
                near(&self.person)
                    .into_iter()
                    .chain(last_personal_name(&read).filter(|n| !spoken_of(n)))
                    .chain(last_described_person(&read, paragraph, !spoke))
                    .chain(written.into_iter().filter(|n| !spoken_of(n)))
                    .max_by_key(|(name, met)| (met + name.len(), name.len()))
                    .map(|(name, _)| name)
            }
            NameClass::People => near(&self.people).map(|(name, _)| name),
            NameClass::Government => pick(&self.government),
            NameClass::Company => pick(&self.company),
            NameClass::Media => pick(&self.media),
            NameClass::Other => None,
            NameClass::Anyone => pick(&self.any),
        }
    }
}

/// Measure words that introduce a person without naming them (一位传道
/// 人, 这位信徒, 一名男子); those of [`ANY_MEASURES`] need a person's noun
/// after them (一个猎人, not 一个问题).
const PERSON_MEASURES: &[&str] = &[
    "一位", "这位", "那位", "该位", "某位", "一名", "这名", "那名",
];
const ANY_MEASURES: &[&str] = &["一个", "这个", "那个"];

/// Whether the Chinese claimant `name` names someone of its own article
/// only: a description of [`last_described_person`] (一位传道人), or common
/// nouns alone by jieba's tags (专家, 研究人员, 医生, 知情人士), unless they end
/// like a body's name (天府早报, 卫报, 市政府 stay names).
pub(super) fn is_local_to_its_article(name: &str) -> bool {
    if PERSON_MEASURES
        .iter()
        .chain(ANY_MEASURES)
        .any(|m| name.starts_with(m))
    {
        return true;
    }
    !reads_as_body(name)
        && name.chars().any(is_han)
        && name.chars().count() <= MAX_SOURCE_CHARS
        && crate::index::analysis::jieba()
            .tag(name, true)
            .iter()
            .all(|w| matches!(w.tag, "n" | "vn" | "ng" | "an"))
}

/// Whether a measure word points back (这位传奇人物: someone met before)
/// rather than introducing someone.
fn points_back(measure: &str) -> bool {
    measure.starts_with(['这', '那', '该'])
}

/// Verbs whose object describes their subject (他是一个有理想的人).
const COPULAS: &[&str] = &["是", "为", "成为", "作为", "成了", "当"];

/// Last characters of nouns of people (猎人, 学者, 船员, 画家, 牧师, 法官,
/// 村长, 女士, 学生, 水手, 信徒, 士兵).
const PERSON_NOUN_ENDS: &str = "人者员家师官长士生手徒兵友客";

/// Most characters of a description after its measure word (昔日的红卫兵头头).
const MAX_DESCRIPTION_CHARS: usize = 12;

/// The last person the window describes without naming (一位昔日的红卫
/// 兵头头, 这位信徒, 一个石器时代的猎人) and where the description starts:
/// a measure word of people, then nouns, times, adjectives and 的, and a
/// verb only before a noun (一位传道人, jieba's 传道 + 人), ending in a noun.
/// 他 may stand for such a person as well as for a name. Not a description
/// after a copula (是一个有理想的人: the subject, already named) or right
/// after a name; and one that points back (这位, 那位) only when
/// `take_pointing_back` (the caller knows no person who spoke nearby:
/// 这位传奇人物 is such a speaker, under another name). Only descriptions
/// from byte `from` of the article on count (the pronoun's paragraph).
fn last_described_person(
    read: &ReadWindow<'_>,
    from: usize,
    take_pointing_back: bool,
) -> Option<Named> {
    let tags = &read.tags;
    let mut last = None;
    for (k, measure) in tags.iter().enumerate() {
        let any = ANY_MEASURES.contains(&measure.word);
        if read.start + measure.byte_start < from
            || !any && !PERSON_MEASURES.contains(&measure.word)
            || points_back(measure.word) && !take_pointing_back
        {
            continue;
        }
        if k > 0
            && (COPULAS.contains(&tags[k - 1].word)
                || matches!(tags[k - 1].tag, "nr" | "nrfg" | "nrt"))
        {
            continue;
        }
        let mut end = None;
        let mut chars = 0;
        for j in k + 1..tags.len() {
            let t = &tags[j];
            chars += t.word.chars().count();
            // A verb only as the first half of a noun (传道 + 人).
            let noun_of_one_next = || {
                tags.get(j + 1)
                    .is_some_and(|n| n.tag.starts_with('n') && n.word.chars().count() == 1)
            };
            let fits = t.tag.starts_with('n')
                || matches!(t.tag, "t" | "a" | "b" | "uj")
                || t.tag == "v" && noun_of_one_next();
            if !fits || chars > MAX_DESCRIPTION_CHARS {
                break;
            }
            if t.tag.starts_with('n') {
                end = Some(j);
            }
        }
        let Some(end) = end else { continue };
        let head = tags[end].word;
        let of_a_person = matches!(tags[end].tag, "nr" | "nrfg" | "nrt")
            || head
                .chars()
                .next_back()
                .is_some_and(|c| PERSON_NOUN_ENDS.contains(c));
        if any && !of_a_person {
            continue;
        }
        let (start, stop) = (measure.byte_start, tags[end].byte_end);
        last = Some((read.window[start..stop].to_owned(), read.start + start));
    }
    last
}

/// The text before a pronoun, which it may refer into, and jieba's
/// reading of it, made once for the names and the descriptions in it.
struct ReadWindow<'t> {
    window: &'t str,
    /// Where the window starts in the article, in bytes.
    start: usize,
    /// No words when the window holds no Han character.
    tags: Vec<jieba_rs::Tag<'t>>,
}

impl<'t> ReadWindow<'t> {
    fn new(text: &'t str, range: Range<usize>) -> Self {
        let window = &text[range.clone()];
        let tags = if window.chars().any(is_han) {
            crate::index::analysis::jieba().tag(window, true)
        } else {
            Vec::new()
        };
        ReadWindow {
            window,
            start: range.start,
            tags,
        }
    }
}

/// The last personal name jieba reads in the window and where it
/// starts: the name in a word tagged as a person's
/// ([`super::zh_names::mentioned_name`]), or in transliterated parts
/// joined by a middle dot (大卫·洛克菲勒).
fn last_personal_name(read: &ReadWindow<'_>) -> Option<Named> {
    let (window, tags) = (read.window, &read.tags);
    let is_name = |t: &jieba_rs::Tag<'_>| matches!(t.tag, "nr" | "nrfg" | "nrt");
    let is_part = |t: &jieba_rs::Tag<'_>| t.word.chars().all(is_han);
    let is_dot = |t: &jieba_rs::Tag<'_>| matches!(t.word, "·" | "•");
    let mut last = None;
    let mut k = 0;
    while k < tags.len() {
        // Parts joined by middle dots, one of them tagged as a name (大卫
        // is not, 洛克菲勒 is), or one word tagged as a name.
        let mut j = k + 1;
        let mut named = is_name(&tags[k]);
        if is_part(&tags[k]) {
            while j + 1 < tags.len() && is_dot(&tags[j]) && is_part(&tags[j + 1]) {
                named |= is_name(&tags[j + 1]);
                j += 2;
            }
        }
        // A given name jieba cut short (李博 灏, 史宝 银): the character
        // after it, a morpheme of no word, is its last.
        if named
            && j == k + 1
            && tags[k].word.chars().count() == 2
            && tags
                .get(j)
                .is_some_and(|t| matches!(t.tag, "g" | "ng") && t.word.chars().count() == 1)
        {
            j += 1;
        }
        // 张家口人 is someone from 张家口, a place a surname opens.
        let demonym = window[tags[j - 1].byte_end..].starts_with('人');
        if named && !demonym {
            let (start, end) = (tags[k].byte_start, tags[j - 1].byte_end);
            let word = &window[start..end];
            if let Some(name) = super::zh_names::mentioned_name(word) {
                let at = read.start + start + (word.len() - name.len());
                last = Some((name.to_owned(), at));
            }
        }
        k = j;
    }
    last
}

// ---------------------------------------------------------------------------
// One sentence
// ---------------------------------------------------------------------------

/// An attribution being built; see [`Found`] for the fields it shares.
#[derive(Debug)]
struct Draft {
    source: Option<Range<usize>>,
    cue: Span,
    content: Span,
    kind: AttributionKind,
    claimant: Option<String>,
    reporters: Vec<String>,
    /// The content runs to the end of the sentence, cut where the next
    /// attribution starts.
    open: bool,
    /// A 据…报道 phrase, reporter of the rest of the sentence.
    prefix: bool,
    /// Where the reporter named before 援引 begins: the attribution starts
    /// there though the reporter is no span of it.
    reporter_start: Option<usize>,
}

impl Draft {
    fn start(&self) -> usize {
        let source = self.source.as_ref().map_or(usize::MAX, |s| s.start);
        let reporter = self.reporter_start.unwrap_or(usize::MAX);
        source
            .min(reporter)
            .min(self.cue.start())
            .min(self.content.start())
    }

    fn into_found(self) -> Found {
        Found {
            source: self.source.map(Span::one),
            cue: self.cue,
            content: self.content,
            kind: self.kind,
            claimant: self.claimant,
            reporters: self.reporters,
        }
    }
}

/// A content found after a verb.
struct Content {
    span: Span,
    kind: AttributionKind,
    open: bool,
    /// Where scanning goes on.
    resume: usize,
}

/// The rules applied to one sentence, left to right.
struct Scan<'a> {
    text: &'a str,
    sentence: &'a Sentence,
    memory: &'a mut Memory,
    /// End of the sentence without its final punctuation: where contents end.
    content_end: usize,
    drafts: Vec<Draft>,
    /// Claimants of the 据…报道 phrases so far, outermost first.
    scope: Vec<String>,
    /// A verb attribution (not a 据 phrase) has been found.
    has_verb: bool,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, sentence: &'a Sentence, memory: &'a mut Memory) -> Self {
        Scan {
            text,
            sentence,
            memory,
            content_end: trim_range(text, sentence.range.clone()).end,
            drafts: Vec::new(),
            scope: Vec::new(),
            has_verb: false,
        }
    }

    fn end(&self) -> usize {
        self.sentence.range.end
    }

    fn run(mut self) -> Vec<Found> {
        let text = self.text;
        let end = self.end();
        let mut i = self.sentence.range.start;
        let mut floor = i;
        let mut clause_begins = true;
        while i < end {
            if let Some(q) = self.sentence.quote_at(i) {
                i = q.end;
                clause_begins = false;
                continue;
            }
            let Some(c) = char_at(text, i) else { break };
            if is_clause_break(c) {
                clause_begins = true;
                i += c.len_utf8();
                continue;
            }
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if std::mem::take(&mut clause_begins)
                && let Some(draft) = self.according(i)
            {
                i = draft.content.start();
                floor = i;
                clause_begins = true;
                self.add(draft);
                continue;
            }
            if let Some(cue) = cue_at(text, i) {
                match self.attribution(i, cue, floor) {
                    Some((draft, resume)) => {
                        clause_begins = draft.kind == AttributionKind::Indirect && draft.open;
                        i = resume;
                        floor = resume;
                        self.has_verb = true;
                        self.add(draft);
                    }
                    None => i += cue.word.len(),
                }
                continue;
            }
            i += c.len_utf8();
        }
        self.drafts
            .into_iter()
            .filter(|d| !d.content.is_empty())
            .map(Draft::into_found)
            .collect()
    }

    /// Adds an attribution: the previous open content ends where it starts,
    /// and when nothing is left of it, the previous one was only reporting
    /// this one.
    fn add(&mut self, mut draft: Draft) {
        let start = draft.start();
        let mut outer = None;
        if let Some(prev) = self.drafts.last_mut()
            && prev.open
            && prev.content.end() > start
        {
            let from = prev.content.start();
            let cut = trim_range(self.text, from..start.max(from));
            // Nothing but the opening mark of the quotation that the new
            // attribution holds (据…报道，“…。”黄明达表示。) is nothing left.
            if self.text[cut.clone()]
                .chars()
                .all(|c| opener_kind(c).is_some())
            {
                outer = self.drafts.pop();
            } else {
                prev.content = Span::one(cut);
            }
        }
        match outer {
            Some(o) if !o.prefix => {
                draft.reporters.extend(o.claimant);
                draft.reporters.extend(o.reporters);
            }
            _ => draft.reporters.extend(self.scope.iter().rev().cloned()),
        }
        draft.reporters.truncate(MAX_REPORTERS);
        for reporter in &draft.reporters {
            self.memory.remember(reporter, start);
        }
        if let Some(claimant) = draft.claimant.as_deref() {
            // A pronoun resolved keeps its person in mind (金医生否认…。”他
            // 说，…但他同时承认).
            let at = draft.source.as_ref().map_or(start, |s| s.start);
            self.memory.remember(claimant, at);
            if name_class(claimant) == NameClass::Person {
                self.memory.said = Some(draft.content.start()..draft.content.end());
            }
            if draft.prefix && self.scope.len() < MAX_REPORTERS {
                self.scope.push(claimant.to_owned());
            }
        }
        self.drafts.push(draft);
    }

    /// A 据X报道， phrase opening the clause at `at`.
    fn according(&self, at: usize) -> Option<Draft> {
        let text = self.text;
        let end = self.end();
        let mut p = at..end;
        while strip_leading_word(text, &mut p, LEADING_WORDS) {
            p = trim_space(text, p);
        }
        let marker = ["根据", "据"]
            .into_iter()
            .find(|m| text[p.clone()].starts_with(m))?;
        let name_start = p.start + marker.len();
        let (phrase_end, after_comma) = self.according_phrase_end(name_start)?;
        let phrase = trim_space(text, name_start..phrase_end);
        let word = ACCORDING_CUES
            .iter()
            .find(|w| text[phrase.clone()].ends_with(**w))?;
        let cue = phrase.end - word.len()..phrase.end;
        let source = source_name(text, name_start..cue.start)?;
        let content = trim_range(text, after_comma..self.content_end.max(after_comma));
        if content.is_empty() {
            return None;
        }
        let claimant = self.memory.claimant(text, source.clone());
        Some(Draft {
            source: Some(source),
            cue: Span {
                parts: vec![p.start..name_start, cue],
            },
            content: Span::one(content),
            kind: AttributionKind::AccordingTo,
            claimant,
            reporters: Vec::new(),
            open: true,
            prefix: true,
            reporter_start: None,
        })
    }

    /// The end of a 据… phrase starting at `from` and the position after its
    /// comma or colon; `None` when another mark ends it or it is too long.
    fn according_phrase_end(&self, from: usize) -> Option<(usize, usize)> {
        let rest = &self.text[from..self.end()];
        for (n, (k, c)) in rest.char_indices().enumerate() {
            if n > MAX_ACCORDING_CHARS {
                return None;
            }
            if matches!(c, '，' | ',' | '：' | ':') {
                return Some((from + k, from + k + c.len_utf8()));
            }
            if !is_name_char(c) {
                return None;
            }
        }
        None
    }

    /// The attribution of the reporting verb `cue` at `at`, with where
    /// scanning goes on; `floor` is as far back as its subject may start.
    fn attribution(&self, at: usize, cue: &Cue, floor: usize) -> Option<(Draft, usize)> {
        let text = self.text;
        let end = self.end();
        if is_not_reporting(text, at, cue.word) {
            return None;
        }
        let mut cue_end = at + cue.word.len();
        let mut extended = false;
        if matches!(cue.class, CueClass::Strong | CueClass::Weak)
            && !matches!(cue.word, "称" | "说" | "说道")
            && let Some(ext) = ["称", "说", "道"]
                .iter()
                .find(|e| text[cue_end..end].starts_with(**e))
        {
            cue_end += ext.len();
            extended = true;
        }
        if matches!(
            char_at(text, cue_end),
            Some('了' | '着' | '过' | '的' | '得')
        ) {
            return None;
        }
        // 强调一下轮廓, 介绍一下情况: a verb done "a little" to an object;
        // 我强调一下，… still introduces what follows.
        if let Some(rest) = text[cue_end..].strip_prefix("一下")
            && !rest.starts_with(['，', ',', '：', ':', '“', '「'])
        {
            return None;
        }
        let clause = clause_start(text, floor, at)?;
        let own_subject = subject_range(text, clause..at);
        let shared = own_subject.is_none();
        let subject = own_subject.or_else(|| self.zero_subject(floor, clause, at));
        let cue_range = at..cue_end;
        match cue.class {
            CueClass::Relay => self.relay(subject, cue_range),
            // 他的直觉告诉他, 历史告诉我们: what cannot speak tells only
            // in a figure of speech, the writer's.
            CueClass::Tell => {
                self.tell(subject.filter(|s| can_speak(&text[s.clone()]))?, cue_range)
            }
            CueClass::Strong | CueClass::Weak => {
                let subject = subject?;
                // A subject shared with an earlier clause is not the
                // speaker of the words before the verb.
                if !shared
                    && let Some(found) =
                        self.postposed(subject.clone(), cue, cue_range.clone(), clause, floor)
                {
                    return Some(found);
                }
                if cue.class == CueClass::Weak && !extended && !self.introduces(cue_end) {
                    return None;
                }
                // 黄色常表示离别, 曲线平顶部分表示最大航速, 片面强调知识的
                // 掌握: a verb with its object straight after it reports
                // only what one who can speak (or a text) says; otherwise
                // it "stands for", or is an ordinary verb.
                if !extended && !self.introduces(cue_end) && !can_speak(&text[subject.clone()]) {
                    return None;
                }
                let content = self.content_after(cue_end)?;
                Some(self.draft(Some(subject), Span::one(cue_range), content, Vec::new()))
            }
        }
    }

    /// The subject a clause without one shares with a clause before it in
    /// its sentence (镇领导对此非常感兴趣，当即表态说 → 镇领导; 王明来到现场，
    /// 随后表示 → 王明): when the few words before the verb at `at`, from
    /// `clause`, are none or open with an adverb or a conjunction, the
    /// nearest clause before it after `floor` that opens with a noun gives
    /// its nouns (耐克的英国发言人), if they name one who can speak (so not
    /// 短剧很火，随即表示). Clauses that have no subject either (急忙上网查
    /// 询) are passed over. Not in a sentence that already holds a verb
    /// attribution, whose content the clause may be part of (发言人还透露，
    /// …，但他…，还…开玩笑说), nor after anything but a comma or a
    /// semicolon.
    fn zero_subject(&self, floor: usize, clause: usize, at: usize) -> Option<Range<usize>> {
        let text = self.text;
        let after_break = text[..clause].trim_end().ends_with(['，', ',', '；', ';']);
        if self.has_verb || !after_break || self.sentence.quote_at(floor).is_some() {
            return None;
        }
        let jieba = crate::index::analysis::jieba();
        let own = strip_clause_opening(text, clause..at);
        let own_words = jieba.tag(&text[own.clone()], true);
        let predicate_only = own_words.len() <= MAX_ZERO_SUBJECT_WORDS
            && own_words
                .first()
                .is_none_or(|w| matches!(w.tag, "d" | "ad" | "c"))
            && !own_words
                .iter()
                .any(|w| matches!(w.word, "把" | "将" | "被") || w.tag == "r");
        if !predicate_only {
            return None;
        }
        let mut end = clause;
        for _ in 0..MAX_ZERO_SUBJECT_CLAUSES {
            // The clause before `end`, without its closing mark.
            let before = text[floor..end].trim_end();
            let before = before
                .strip_suffix(|c: char| is_clause_break(c))
                .unwrap_or(before);
            let stop = floor + before.len();
            if stop <= floor {
                return None;
            }
            let start = text[floor..stop]
                .char_indices()
                .rev()
                .find(|&(_, c)| is_clause_break(c) || is_terminator(c))
                .map_or(floor, |(k, c)| floor + k + c.len_utf8());
            let quotes = &self.sentence.quotes;
            let first_ending_after = quotes.partition_point(|q| q.end <= start);
            if quotes
                .get(first_ending_after)
                .is_some_and(|q| q.start < stop)
            {
                return None;
            }
            // An adverb that follows a subject (又歌舞太平起来) opens a
            // clause that has none either.
            let opening = trim_space(text, start..stop);
            let mut previous = strip_clause_opening(text, opening.clone());
            // The subject opens the clause: its first words are enough.
            if let Some((k, _)) = text[previous.clone()].char_indices().nth(MAX_CLAUSE_CHARS) {
                previous.end = previous.start + k;
            }
            let after_subject = FOLLOWING_SUBJECT
                .iter()
                .any(|w| text[opening.start..previous.start].contains(w));
            let tags = jieba.tag(&text[previous.clone()], true);
            let words: &[jieba_rs::Tag<'_>] = {
                // Times are no part of it (当初曾国藩).
                let times = tags.iter().take_while(|w| w.tag == "t").count();
                &tags[times..]
            };
            match words.first() {
                Some(w) if after_subject || matches!(w.tag, "d" | "ad" | "c" | "v" | "p") => {
                    end = start;
                    continue;
                }
                None => return None,
                Some(_) => {}
            }
            // Nouns and pronouns, not a day jieba reads as a name (他上周三);
            // a set phrase of people (发言人) is a noun.
            let noun = |w: &jieba_rs::Tag<'_>| {
                w.tag.starts_with('n')
                    && !["上周", "本周", "下周", "周", "星期"]
                        .iter()
                        .any(|d| w.word.starts_with(d))
                    && !COMPARISONS.contains(&w.word)
                    || w.tag == "l"
                        && w.word
                            .chars()
                            .next_back()
                            .is_some_and(|c| PERSON_NOUN_ENDS.contains(c))
            };
            let joins = |w: &jieba_rs::Tag<'_>| matches!(w.word, "和" | "与" | "及" | "跟");
            // 耐克的英国发言人 (英国 发言 人): a verb before a noun of
            // people belongs to it.
            let run = (0..words.len())
                .take_while(|&k| {
                    let w = &words[k];
                    noun(w)
                        || w.tag == "r" && (k == 0 || joins(&words[k - 1]))
                        // 他和她, 老师与学生: both, one subject.
                        || k > 0 && joins(w)
                        || w.word == "的"
                        || matches!(w.tag, "v" | "vn")
                            && words.get(k + 1).is_some_and(|n| {
                                n.word.chars().count() == 1
                                    && PERSON_NOUN_ENDS.contains(n.word)
                            })
                })
                .count();
            let last = words[..run]
                .iter()
                .enumerate()
                .rposition(|(k, w)| noun(w) || w.tag == "r" && (k == 0 || joins(&words[k - 1])))?;
            let subject =
                previous.start + words[0].byte_start..previous.start + words[last].byte_end;
            let name = &text[subject.clone()];
            return (can_speak(name) && !name.starts_with(['的']))
                .then(|| valid_source(text, subject))?;
        }
        None
    }

    /// True when a comma, colon or quotation follows `at`.
    fn introduces(&self, at: usize) -> bool {
        let p = skip_space(self.text, at, self.end());
        char_at(self.text, p)
            .is_some_and(|c| matches!(c, '，' | ',' | '：' | ':') || opener_kind(c).is_some())
    }

    /// A verb after its content: “…，”X说。 (and “…，”X说，“…。”), or
    /// reported speech ending in its speaker (短剧很火，他说。).
    fn postposed(
        &self,
        subject: Range<usize>,
        verb: &Cue,
        cue: Range<usize>,
        clause: usize,
        floor: usize,
    ) -> Option<(Draft, usize)> {
        let text = self.text;
        let rest = skip_space(text, cue.end, self.end());
        let before = self.quote_before(clause, floor);
        let at_end = rest >= self.content_end;
        let (parts, kind, resume) = if at_end {
            match before {
                Some(q) => (
                    vec![self.inner(q)?],
                    AttributionKind::DirectQuote,
                    self.end(),
                ),
                // Only a strong verb ends unquoted speech: 他的事再找机会介绍
                // introduces nothing said before it.
                None if !self.has_verb && floor < clause && verb.class == CueClass::Strong => {
                    let said = trim_range(text, floor..clause);
                    if said.is_empty() {
                        return None;
                    }
                    (vec![said], AttributionKind::Indirect, self.end())
                }
                None => return None,
            }
        } else {
            let first = before?;
            let mut p = rest;
            if char_at(text, p).is_some_and(|c| matches!(c, '，' | ',' | '：' | ':')) {
                p = skip_space(
                    text,
                    p + text[p..].chars().next().map_or(0, char::len_utf8),
                    self.end(),
                );
            }
            let second = self.sentence.quote_at(p)?;
            let parts = vec![self.inner(first)?, self.inner(second.clone())?];
            (parts, AttributionKind::DirectQuote, second.end)
        };
        let content = Content {
            span: Span { parts },
            kind,
            open: false,
            resume,
        };
        Some(self.draft(Some(subject), Span::one(cue), content, Vec::new()))
    }

    /// The quotation ending just before the clause at `clause` (white space
    /// and one comma between them allowed), not before `floor`.
    fn quote_before(&self, clause: usize, floor: usize) -> Option<Range<usize>> {
        let strip_comma = |s: &'a str| {
            s.trim_end()
                .strip_suffix(['，', ','])
                .unwrap_or(s)
                .trim_end()
        };
        let before = strip_comma(&self.text[floor..clause]);
        if let Some(q) = self.sentence.quote_ending_at(floor + before.len()) {
            return Some(q);
        }
        // A date between them: “…。”2004年12月22日，黄明达表示。
        let mut r = floor..floor + before.len();
        while strip_trailing_date(self.text, &mut r) {
            r = trim_space(self.text, r);
        }
        if r.end == floor + before.len() {
            return None;
        }
        let before = strip_comma(&self.text[r]);
        self.sentence.quote_ending_at(floor + before.len())
    }

    /// The words inside a quotation, trimmed; `None` when there are none.
    fn inner(&self, quote: Range<usize>) -> Option<Range<usize>> {
        let s = &self.text[quote.clone()];
        let open = s.chars().next().map_or(0, char::len_utf8);
        let close = s.chars().next_back().map_or(0, char::len_utf8);
        let inner = trim_range(self.text, quote.start + open..quote.end - close);
        (!inner.is_empty()).then_some(inner)
    }

    /// The content after a verb ending at `from`: a quotation, or the rest of
    /// the sentence.
    fn content_after(&self, from: usize) -> Option<Content> {
        let text = self.text;
        let end = self.end();
        let mut p = skip_space(text, from, end);
        // Where the content starts when no comma or colon comes first.
        let right_after = p;
        if let Some(c) = char_at(text, p).filter(|&c| matches!(c, '，' | ',' | '：' | ':')) {
            p = skip_space(text, p + c.len_utf8(), end);
        }
        if p >= self.content_end {
            return None;
        }
        let quote = self.sentence.quote_at(p);
        if let Some(q) = quote.clone().filter(|q| self.ends_clause(q.end)) {
            return Some(Content {
                span: Span::one(self.inner(q.clone())?),
                kind: AttributionKind::DirectQuote,
                open: false,
                resume: q.end,
            });
        }
        let unclosed = char_at(text, p).filter(|&c| quote.is_none() && opener_kind(c).is_some());
        let from = p + unclosed.map_or(0, char::len_utf8);
        let span = trim_range(text, from..self.content_end.max(from));
        if span.is_empty() {
            return None;
        }
        // Unquoted words straight after the verb, no mark between, may be
        // its object rather than what was said.
        if quote.is_none() && unclosed.is_none() && p == right_after {
            // 说出他的姓, 说起这事, 说一句: 说 with a complement or a count
            // of words takes an object, not a proposition.
            let object = text[..p].ends_with('说')
                && ["出", "起", "到", "一句", "几句", "两句", "一声", "句"]
                    .iter()
                    .any(|w| text[p..].starts_with(w));
            // 马伊加说出这话两天之后，…: the verb and its object are inside a
            // time clause, and nothing is reported.
            let clause_end = text[span.clone()]
                .find(['，', ',', '。', '；', ';'])
                .map_or(span.end, |k| span.start + k);
            let clause = text[span.start..clause_end].trim_end();
            if object || TIME_CLAUSE_ENDS.iter().any(|w| clause.ends_with(w)) {
                return None;
            }
        }
        let kind = match unclosed {
            Some(_) => AttributionKind::DirectQuote,
            None => AttributionKind::Indirect,
        };
        Some(Content {
            span: Span::one(span),
            kind,
            open: true,
            resume: from,
        })
    }

    /// True when the sentence or a clause ends at `at` (white space aside):
    /// a quotation there is a whole content, not a quoted phrase in one.
    fn ends_clause(&self, at: usize) -> bool {
        let p = skip_space(self.text, at, self.end());
        p >= self.content_end || char_at(self.text, p).is_some_and(is_clause_break)
    }

    /// X援引Y称，…: Y the claimant, X (when named) its reporter.
    fn relay(&self, reporter: Option<Range<usize>>, cue: Range<usize>) -> Option<(Draft, usize)> {
        let text = self.text;
        let end = self.end();
        let name_start = skip_space(text, cue.end, end);
        let mut k = name_start;
        let mut n = 0;
        let (name_end, end_cue) = loop {
            let c = char_at(text, k).filter(|_| k < end)?;
            if is_clause_break(c) {
                break (k, None);
            }
            if !is_name_char(c) || n > MAX_CLAUSE_CHARS {
                return None;
            }
            if k > name_start
                && let Some(word) = relay_end(text, k)
            {
                let mut cue_end = k + word.len();
                if let Some(ext) = ["称", "说"]
                    .iter()
                    .find(|e| text[cue_end..].starts_with(**e))
                    && word != "称"
                    && word != "说"
                {
                    cue_end += ext.len();
                }
                break (k, Some(k..cue_end));
            }
            n += 1;
            k += c.len_utf8();
        };
        let source = source_name(text, name_start..name_end)?;
        let content = self.content_after(end_cue.as_ref().map_or(name_end, |r| r.end))?;
        let mut cue_span = Span::one(cue);
        cue_span.parts.extend(end_cue);
        let reporter_start = reporter.as_ref().map(|r| r.start);
        let reporters = reporter
            .and_then(|r| self.memory.claimant(text, r))
            .into_iter()
            .collect();
        let (mut draft, resume) = self.draft(Some(source), cue_span, content, reporters);
        draft.reporter_start = reporter_start;
        Some((draft, resume))
    }

    /// X告诉记者，…: the addressee is skipped up to the comma or quotation.
    fn tell(&self, subject: Range<usize>, cue: Range<usize>) -> Option<(Draft, usize)> {
        let text = self.text;
        let mut k = skip_space(text, cue.end, self.end());
        let mut n = 0;
        loop {
            let c = char_at(text, k).filter(|_| k < self.end())?;
            if matches!(c, '，' | ',' | '：' | ':') || self.sentence.quote_at(k).is_some() {
                break;
            }
            if !is_name_char(c) || n >= MAX_ADDRESSEE_CHARS {
                return None;
            }
            n += 1;
            k += c.len_utf8();
        }
        // 他将消息告诉妻子和女儿时，…: a time clause, not a telling.
        let addressee = text[cue.end..k].trim_end();
        if ["时", "后", "前", "的时候"]
            .iter()
            .any(|w| addressee.ends_with(w))
        {
            return None;
        }
        let content = self.content_after(k)?;
        Some(self.draft(Some(subject), Span::one(cue), content, Vec::new()))
    }

    /// A draft with its claimant resolved, and where scanning goes on.
    fn draft(
        &self,
        source: Option<Range<usize>>,
        cue: Span,
        content: Content,
        reporters: Vec<String>,
    ) -> (Draft, usize) {
        let claimant = source
            .as_ref()
            .and_then(|s| self.memory.claimant(self.text, s.clone()));
        let draft = Draft {
            source,
            cue,
            content: content.span,
            kind: content.kind,
            claimant,
            reporters,
            open: content.open,
            prefix: false,
            reporter_start: None,
        };
        (draft, content.resume)
    }
}

/// The verb ending the name after 援引 (称, 表示, 显示, …) at `at`.
fn relay_end(text: &str, at: usize) -> Option<&'static str> {
    if text[at..].starts_with("显示") {
        return Some("显示");
    }
    cue_at(text, at)
        .filter(|c| matches!(c.class, CueClass::Strong | CueClass::Weak))
        .filter(|c| !is_not_reporting(text, at, c.word))
        .map(|c| c.word)
}

/// Where the clause holding the verb at `at` begins: after the last mark that
/// no name contains, or a space between two Han characters (新华社北京3月5日电
/// 商务部…), not before `floor`; `None` when that is too far back.
fn clause_start(text: &str, floor: usize, at: usize) -> Option<usize> {
    let mut after = None;
    for (n, (k, c)) in text[floor..at].char_indices().rev().enumerate() {
        let boundary = !is_name_char(c)
            || (c.is_whitespace()
                && after.is_some_and(is_han)
                && text[floor..floor + k]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_some_and(is_han));
        if boundary {
            return Some(floor + k + c.len_utf8());
        }
        if n >= MAX_CLAUSE_CHARS {
            return None;
        }
        if !c.is_whitespace() {
            after = Some(c);
        }
    }
    Some(floor)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The only attribution in `text`.
    fn one(text: &str) -> Found {
        let found = attributions(text);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        found.into_iter().next().unwrap()
    }

    fn source(text: &str, f: &Found) -> Option<String> {
        f.source.as_ref().map(|s| s.text(text))
    }

    /// Source, cue and content texts of `f`.
    fn texts(text: &str, f: &Found) -> (String, String, String) {
        (
            source(text, f).unwrap_or_default(),
            f.cue.text(text),
            f.content.text(text),
        )
    }

    fn triple(source: &str, cue: &str, content: &str) -> (String, String, String) {
        (source.to_owned(), cue.to_owned(), content.to_owned())
    }

    #[test]
    fn according_to_an_agency() {
        let t = "据新华社报道，国家广电总局近日发布通知，要求加强微短剧管理。";
        let f = one(t);
        assert_eq!(f.kind, AttributionKind::AccordingTo);
        assert_eq!(
            texts(t, &f),
            triple(
                "新华社",
                "据 … 报道",
                "国家广电总局近日发布通知，要求加强微短剧管理"
            )
        );
        assert_eq!(f.cue.parts.len(), 2);
        assert_eq!(&t[f.cue.parts[0].clone()], "据");
        assert_eq!(f.claimant.as_deref(), Some("新华社"));
        assert!(f.reporters.is_empty());
    }

    #[test]
    fn according_to_statistics_drops_what_was_published() {
        let t = "根据国家统计局发布的数据显示，2024年微短剧市场规模达到504亿元。";
        let f = one(t);
        assert_eq!(
            texts(t, &f),
            triple(
                "国家统计局",
                "根据 … 数据显示",
                "2024年微短剧市场规模达到504亿元"
            )
        );
        let t = "另据香港《南华早报》21日报道，多家中国短剧平台正加速布局东南亚。";
        let f = one(t);
        assert_eq!(source(t, &f).as_deref(), Some("香港《南华早报》"));
        assert_eq!(f.claimant.as_deref(), Some("南华早报"));
        assert_eq!(f.content.text(t), "多家中国短剧平台正加速布局东南亚");
        // The reporter's own interviews name no other source.
        let t = "据记者采访了解，骏威客车是生产大客车的生产企业。";
        assert!(attributions(t).is_empty(), "{:#?}", attributions(t));
    }

    #[test]
    fn spokesman_says_indirectly() {
        let t = "商务部新闻发言人何亚东表示，短剧出海已成为文化贸易的新亮点。";
        let f = one(t);
        assert_eq!(f.kind, AttributionKind::Indirect);
        assert_eq!(
            texts(t, &f),
            triple(
                "商务部新闻发言人何亚东",
                "表示",
                "短剧出海已成为文化贸易的新亮点"
            )
        );
        assert_eq!(f.claimant.as_deref(), Some("商务部新闻发言人何亚东"));
    }

    #[test]
    fn segmented_subjects_lose_their_manner_and_a_manner_alone_names_nobody() {
        let named = [
            ("劳伦斯亲切地说：“浪费总是可耻的。”", "劳伦斯"),
            ("速子笑着挥了挥手表示，没事。", "速子"),
            ("用何夕的话说，诱惑只是沿途的风光。", "何夕"),
            ("听网吧老板说，他们有的玩了通宵。", "网吧老板"),
            (
                "托克维尔早发现，美国人喜欢用利益的原则去解释行为。",
                "托克维尔",
            ),
            ("其后思浩表示，事发地点并非一间食肆内。", "思浩"),
            ("胡先生看完这则报道后说，这是假的。", "胡先生"),
            ("胡先生看完这则报道后当即肯定地说，这是假的。", "胡先生"),
            // Kept as they are: a name whose last character jieba takes
            // for an adverb, a quantity, a notice, a relative clause.
            (
                "泰州市委书记朱立凡说，要以最好的资源支持教育。",
                "泰州市委书记朱立凡",
            ),
            ("不少人认为，学习音乐的孩子成绩不会太好。", "不少人"),
            ("通知指出，中高风险地区师生员工暂不返校。", "通知"),
            ("接受采访的专家认为，微短剧出海势头强劲。", "接受采访的专家"),
        ];
        for (t, want) in named {
            assert_eq!(source(t, &one(t)).as_deref(), Some(want), "{t}");
        }
        for t in [
            "严格地说，犬儒病的发生并非只在末期。",
            "马上说道：“是的，我还记得你。”",
            "至於说退党行为会加强党外的力量。",
            "告诉他说，你犯的罪很大。",
            // A comparison before the cue: fewer than those who said so.
            "明确表示“没有”的占30.4％，少于表示“有”的人。",
            // A modifier whose noun the segmenter cut off.
            "一支分别来自日本和蒙古的联合考古队宣布：他们找到了成吉思汗“灵庙”。",
        ] {
            let found = attributions(t);
            assert!(found.iter().all(|f| f.source.is_none()), "{t}: {found:#?}");
        }
        // Subjects that are all fragment, for the tagged reading's edges:
        // nothing panics, and no source is left empty.
        for t in [
            "地说：“好。”",
            "用的话说，今天很好。",
            "用话说，今天很好。",
            "听说，天要下雨了。",
            "着了表示，没有问题。",
            "很地表示，没有问题。",
            "却说，没有问题。",
        ] {
            for f in attributions(t) {
                assert!(
                    f.source
                        .as_ref()
                        .is_none_or(|s| !s.text(t).trim().is_empty()),
                    "{t}: {f:#?}"
                );
            }
        }
    }

    #[test]
    fn the_writer_s_asides_modals_and_parentheses_name_nobody() {
        // "It must be said", "logically speaking", "I want to say", "we
        // can find": the writer's voice, no one's claim.
        for t in [
            "应该说，相同的地方多于不同的地方。",
            "应当说，这一部份人是比较自觉地。",
            "照理说，这种人是原体制下的受益者。",
            "大体上说，暴力反抗运动比较容易采用上述两种办法。",
            "我想说，喜欢一个女孩会有怦然心动的感觉。",
            "应该承认，上述观点确有其道理。",
            "我们可以发现，权力对思想的压制无处不在。",
            "正因为他们痛感自己的革命性不被承认，所以他们把文革视为表现。",
            "一件马的雕刻曲线优美匀称，后代雕刻家也赞叹不已。",
            "在所有的受访儿童（13—15岁）表示，与同学之间关系非常亲密。",
        ] {
            let found = attributions(t);
            assert!(found.is_empty(), "{t}: {found:#?}");
        }
        // A pronoun with an adverb or a modal is the pronoun; a byline's
        // parenthesis closed before a subject is none of it.
        let t = "何亚东说，出口增长了。他最后说，明年还会增长。";
        let found = attributions(t);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(source(t, &found[1]).as_deref(), Some("他"));
        assert_eq!(found[1].claimant.as_deref(), Some("何亚东"));
        let t = "（记者 张明）国家广电总局网络视听司司长冯胜勇表示，微短剧出海规模将扩大。";
        assert_eq!(
            source(t, &one(t)).as_deref(),
            Some("国家广电总局网络视听司司长冯胜勇")
        );
        let t = "福山(Francis Fukuyama)指出，历史已经终结。";
        assert_eq!(
            source(t, &one(t)).as_deref(),
            Some("福山(Francis Fukuyama)")
        );
    }

    #[test]
    fn adverbials_and_connectives_are_not_the_source() {
        let cases = [
            (
                "何亚东在例行新闻发布会上指出：“中国微短剧在东南亚市场增长迅速。”",
                "何亚东",
                "指出",
                "中国微短剧在东南亚市场增长迅速",
                AttributionKind::DirectQuote,
            ),
            (
                "国家广电总局网络视听司司长冯胜勇日前在接受新华社采访时表示，微短剧正在从野蛮生长走向规范发展。",
                "国家广电总局网络视听司司长冯胜勇",
                "表示",
                "微短剧正在从野蛮生长走向规范发展",
                AttributionKind::Indirect,
            ),
            (
                "但也有分析人士指出，东南亚市场竞争日益激烈。",
                "分析人士",
                "指出",
                "东南亚市场竞争日益激烈",
                AttributionKind::Indirect,
            ),
            (
                "而国家广电总局则强调，微短剧必须坚持正确导向。",
                "国家广电总局",
                "强调",
                "微短剧必须坚持正确导向",
                AttributionKind::Indirect,
            ),
            (
                "业内专家一直强调，微短剧必须坚持正确导向。",
                "业内专家",
                "强调",
                "微短剧必须坚持正确导向",
                AttributionKind::Indirect,
            ),
            (
                "专家认为人工智能将重塑短剧的制作流程。",
                "专家",
                "认为",
                "人工智能将重塑短剧的制作流程",
                AttributionKind::Indirect,
            ),
            (
                "TikTok发言人3月5日回应称，该公司将继续投资东南亚市场。",
                "TikTok发言人",
                "回应称",
                "该公司将继续投资东南亚市场",
                AttributionKind::Indirect,
            ),
            (
                "新华社北京3月5日电 商务部新闻发言人何亚东5日表示，中方欢迎外资企业参与中国文化市场。",
                "商务部新闻发言人何亚东",
                "表示",
                "中方欢迎外资企业参与中国文化市场",
                AttributionKind::Indirect,
            ),
            (
                "商务部、文化和旅游部等部门联合发布通知称，鼓励短剧企业拓展海外市场。",
                "商务部、文化和旅游部等部门",
                "称",
                "鼓励短剧企业拓展海外市场",
                AttributionKind::Indirect,
            ),
            (
                "国家广电总局今年以来多次强调，微短剧必须坚持正确的创作导向。",
                "国家广电总局",
                "强调",
                "微短剧必须坚持正确的创作导向",
                AttributionKind::Indirect,
            ),
        ];
        for (t, src, cue, content, kind) in cases {
            let f = one(t);
            assert_eq!(texts(t, &f), triple(src, cue, content), "{t}");
            assert_eq!(f.kind, kind, "{t}");
        }
    }

    #[test]
    fn quote_before_its_speaker() {
        let t = "“短剧出海正当其时，”业内人士说。";
        let f = one(t);
        assert_eq!(f.kind, AttributionKind::DirectQuote);
        assert_eq!(texts(t, &f), triple("业内人士", "说", "短剧出海正当其时"));

        // The quote ends with 。 but the speaker clause keeps it in the sentence.
        let t = "“微短剧是新的文化名片。”国家广电总局相关负责人说。另一句。";
        let f = one(t);
        assert_eq!(
            texts(t, &f),
            triple("国家广电总局相关负责人", "说", "微短剧是新的文化名片")
        );
    }

    #[test]
    fn split_quote_has_two_parts() {
        let t = "“出海不是终点，”何亚东说，“而是新的起点。”";
        let f = one(t);
        assert_eq!(f.kind, AttributionKind::DirectQuote);
        assert_eq!(f.content.parts.len(), 2);
        assert_eq!(f.content.text(t), "出海不是终点 … 而是新的起点");
        assert_eq!(source(t, &f).as_deref(), Some("何亚东"));
    }

    #[test]
    fn nested_reporting_is_one_attribution() {
        let t = "据新华社报道，商务部表示，将支持短剧企业开拓东南亚市场。";
        let f = one(t);
        assert_eq!(f.kind, AttributionKind::Indirect);
        assert_eq!(
            texts(t, &f),
            triple("商务部", "表示", "将支持短剧企业开拓东南亚市场")
        );
        assert_eq!(f.claimant.as_deref(), Some("商务部"));
        assert_eq!(f.reporters, vec!["新华社"]);

        let t = "《南华早报》报道称，商务部表示，中国微短剧在东南亚广受欢迎。";
        let f = one(t);
        assert_eq!(f.claimant.as_deref(), Some("商务部"));
        assert_eq!(f.reporters, vec!["南华早报"]);
        assert_eq!(f.content.text(t), "中国微短剧在东南亚广受欢迎");
    }

    #[test]
    fn relayed_data_is_claimed_by_its_publisher() {
        let t = "《人民日报》援引国家统计局数据称，文化产业营收同比增长7.5%。";
        let f = one(t);
        assert_eq!(f.claimant.as_deref(), Some("国家统计局"));
        assert_eq!(f.reporters, vec!["人民日报"]);
        assert_eq!(
            texts(t, &f),
            triple("国家统计局", "援引 … 称", "文化产业营收同比增长7.5%")
        );
        // Nearest reporter first.
        let t = "据新华社报道，《人民日报》援引国家统计局数据称，文化产业营收增长。";
        assert_eq!(one(t).reporters, vec!["人民日报", "新华社"]);
    }

    #[test]
    fn someone_named_inside_a_text_is_the_claimant_not_the_text() {
        assert_eq!(claimant_name("《悲》文中科马洛夫"), "科马洛夫");
        assert_eq!(claimant_name("香港《南华早报》"), "南华早报");
        assert_eq!(claimant_name("《南华早报》中文网"), "南华早报");
        assert_eq!(claimant_name("《悲》文中"), "悲");
    }

    #[test]
    fn publication_keeps_its_marks_in_the_span_only() {
        let t = "香港《南华早报》报道称，中国短剧平台正加速出海。";
        let f = one(t);
        assert_eq!(f.kind, AttributionKind::Indirect);
        assert_eq!(
            texts(t, &f),
            triple("香港《南华早报》", "报道称", "中国短剧平台正加速出海")
        );
        assert_eq!(f.claimant.as_deref(), Some("南华早报"));
        let t = "据南华早报报道，短剧出海热潮持续升温。";
        assert_eq!(one(t).claimant.as_deref(), Some("南华早报"));
    }

    #[test]
    fn pronouns_resolve_to_the_last_fitting_name() {
        let t = "商务部新闻发言人何亚东表示，短剧出海势头良好。国家广电总局指出，微短剧需要规范。\
                 他还指出，东南亚是重要市场。该部门强调，将加强监管。";
        let found = attributions(t);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert_eq!(source(t, &found[2]).as_deref(), Some("他"));
        assert_eq!(found[2].claimant.as_deref(), Some("商务部新闻发言人何亚东"));
        assert_eq!(found[2].content.text(t), "东南亚是重要市场");
        assert_eq!(source(t, &found[3]).as_deref(), Some("该部门"));
        assert_eq!(found[3].claimant.as_deref(), Some("国家广电总局"));

        // 该部 is the last body whose name ends in 部, even one named
        // inside its spokesman's; 该局 the last ending in 局.
        let t = "商务部发言人何亚东指出，文化出口增长迅速。国家广电总局表示，微短剧出海规模将继续扩大。\
                 该部强调，要加强对东南亚市场的支持。该局还称，将加强监管。";
        let found = attributions(t);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert_eq!(found[2].claimant.as_deref(), Some("商务部"));
        assert_eq!(found[3].claimant.as_deref(), Some("国家广电总局"));

        let t = "据《南华早报》报道，短剧出海加速。该报还称，东南亚用户增长最快。";
        let found = attributions(t);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[1].claimant.as_deref(), Some("南华早报"));

        let t =
            "点众科技表示，将加大东南亚投入。何亚东说，这是好事。该公司还称，人工智能已用于翻译。";
        let found = attributions(t);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[2].claimant.as_deref(), Some("点众科技"));

        // A pronoun's spokesperson speaks for whom the pronoun stands for.
        let t = "洛克菲勒说，石油是好生意。他的发言人表示，洛克菲勒死于肺部的纤维症。";
        let found = attributions(t);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(source(t, &found[1]).as_deref(), Some("他的发言人"));
        assert_eq!(found[1].claimant.as_deref(), Some("洛克菲勒"));

        // Nothing to refer to: the pronoun stays, the claimant is unknown.
        let f = one("她说，微短剧改变了她的生活。");
        assert_eq!(f.claimant, None);
        assert!(f.source.is_some());
    }

    #[test]
    fn he_and_she_stand_for_one_person_named_nearby() {
        let claimant = |t: &str, k: usize| attributions(t)[k].claimant.clone();
        // Not the students, nor a study: one person.
        let t = "学生们说，运动很有意义。他补充道，这并不等于说历史是光明的。";
        assert_eq!(claimant(t, 1), None);
        let t = "研究认为，短剧很受欢迎。他认为，出海是大势所趋。";
        assert_eq!(claimant(t, 1), None);
        // A person named since the last source, by jieba's reading.
        let t = "专家称并非如此。电视剧的编剧朱耀廷一直关注有关消息，他认为，墓地还有线索。";
        assert_eq!(claimant(t, 1).as_deref(), Some("朱耀廷"));
        // A source named again in the text, nearer than another name.
        let t = "劳伦斯说，财富要用好。他的父亲小约翰·洛克菲勒很严格。后来劳伦斯开始挑战信仰，他说，                 自己总感觉像一只手拿着圣经。";
        assert_eq!(claimant(t, 1).as_deref(), Some("劳伦斯"));
        // A name the last speaker said is someone spoken of.
        let t = "记者史宝银取得了联系。他说他采访了张丙炎本人，并称他们很熟；第二次联系时，他又说，他是看到晚报的消息后写的。";
        let found = attributions(t);
        assert_eq!(
            found.last().unwrap().claimant.as_deref(),
            Some("史宝银"),
            "{found:#?}"
        );
        // Someone from a place a surname opens (张家口人) is not named.
        let t = "年轻人名李简。1993年他做的第一例病人还活着。那是张家口人，恢复得好。“确实改变了命运”，他说，不做化疗也行。";
        assert_eq!(claimant(t, 0).as_deref(), Some("李简"));
        // A given name jieba cuts short is read whole.
        let t = "英国剑桥大学的李博灏也有着类似的经历。他表示，关注点发生了变化。";
        assert_eq!(claimant(t, 0).as_deref(), Some("李博灏"));
        // Transliterated parts joined by a middle dot are one name.
        let t = "大卫·洛克菲勒是老洛克菲勒惟一健在的孙子，他在谈到三哥时说，他一直是我的榜样。";
        assert_eq!(claimant(t, 0).as_deref(), Some("大卫·洛克菲勒"));
        // Too far back: nobody.
        let filler = "短剧市场规模持续扩大。".repeat(40);
        let t = format!("何亚东说，出口增长了。{filler}他说，明年还会增长。");
        let found = attributions(&t);
        assert_eq!(found.last().unwrap().claimant, None, "{found:#?}");
        // A pronoun resolved keeps its person in mind.
        let some = "短剧市场规模持续扩大。".repeat(18);
        let t = format!(
            "金医生表示，这种做法没有过错。{some}“这没有过错。”他说，{some}\
             但他同时承认，这种办法的效果十分有限。"
        );
        let found = attributions(&t);
        assert_eq!(
            found.last().unwrap().claimant.as_deref(),
            Some("金医生"),
            "{found:#?}"
        );
    }

    #[test]
    fn he_may_be_a_person_described_but_not_named() {
        for (text, want) in [
            // Introduced by a measure word of people, in the pronoun's
            // paragraph.
            (
                "三年前，一位昔日的红卫兵头头接受记者采访，讲起文革的那段岁月，他说，那是最辉煌的时刻。",
                Some("一位昔日的红卫兵头头"),
            ),
            (
                "某日，这位信徒在铁路上修路，被火车轧断了一只腿。他说：“感谢神！”",
                Some("这位信徒"),
            ),
            // 一个 needs a noun of a person: not 一个问题.
            (
                "一个石器时代的猎人端详洞壁，他说，这是一头鹿。",
                Some("一个石器时代的猎人"),
            ),
            ("这是一个复杂的问题。他说，答案还不清楚。", None),
            // After a copula the description is of someone named: the name.
            (
                "孙启勤办了山庄，他是一个有理想的人。他对记者说，想干一番事业。",
                Some("孙启勤"),
            ),
            // 这位 points back to the speaker near, not to someone new.
            (
                "金医生表示，这没有过错。记者见到这位医生时，他说，效果有限。",
                Some("金医生"),
            ),
            // A description in an earlier paragraph is not "he".
            ("一位传道人常常去教堂。\n\n第二个故事。他说，这很好。", None),
        ] {
            let found = attributions(text);
            let got = found.last().and_then(|f| f.claimant.as_deref());
            assert_eq!(got, want, "{text}: {found:#?}");
        }
        // A hostile run of measure words costs one reading of the window.
        let t = format!("{}他说，这很好。", "一位".repeat(100_000));
        assert!(attributions(&t).iter().all(|f| f.claimant.is_none()));
    }

    #[test]
    fn a_text_of_nothing_but_pronouns_names_nobody_and_ends() {
        // Every 他 reads the 300 characters before it; none holds a name.
        let t = "他说，他们认为这不对。".repeat(5_000);
        let found = attributions(&t);
        assert!(!found.is_empty());
        assert!(found.iter().all(|f| f.claimant.is_none()), "{:?}", found[0]);
        // A hostile run of surnames without a break is no subject.
        let t = format!("{}说，这不对。", "王".repeat(100_000));
        assert!(attributions(&t).iter().all(|f| f.claimant.is_none()));
    }

    #[test]
    fn they_stand_for_people_and_a_panel_s_speakers_are_remembered() {
        let t = "萧乾等人表示，那段时期很愉快；他们认为，界限没有划得那么分明。";
        let found = attributions(t);
        assert_eq!(
            found.last().unwrap().claimant.as_deref(),
            Some("萧乾等人"),
            "{found:#?}"
        );
        let t = "普京表示，双方签署了声明。他们表示，反对北约扩张。";
        assert_eq!(attributions(t)[1].claimant, None);
        let t = "记者采访了几位专家。\n郭正谊(中国科普研究所研究员)：所谓的永动机违背了物理学知识。\n\
                 他还强调，这类骗局年年都有。";
        let found = attributions(t);
        let last = found.iter().find(|f| f.cue.text(t) == "强调").unwrap();
        assert_eq!(last.claimant.as_deref(), Some("郭正谊"), "{found:#?}");
    }

    #[test]
    fn subjects_inside_parentheses_after_names_and_before_objects() {
        for (text, want) in [
            ("这就是大众(列宁说，群众需要引导)的问题。", Some("列宁")),
            (
                "一位名叫瓦连京·图尔钦的异议人士解释说：“人群中有一种难以相信的情绪。”",
                Some("瓦连京·图尔钦"),
            ),
            (
                "Coco兴奋的把自己的这一想法透露给了媒体，为什么要放弃。",
                Some("Coco"),
            ),
            (
                "中国的一位年轻的医生微笑着告诉记者，手术病人很大一部分可以康复。",
                Some("中国的一位年轻的医生"),
            ),
        ] {
            let found = attributions(text);
            assert_eq!(
                found.first().and_then(|f| source(text, f)).as_deref(),
                want,
                "{text}: {found:#?}"
            );
        }
        for text in [
            "对于这样的观点笔者不敢苟同，它等于是说，合同应该推翻。",
            "我似乎还可以提供两点补充：讲到社会规模大小对集体行动的影响。",
            "有一种解释说，今日中共扮演了国家利益的代表。",
            "于今的人，以为留学生多半染了洋派，喜欢说排满革命是要扶助洋人的。",
        ] {
            let found = attributions(text);
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
        for (text, want) in [
            // A pronoun with a manner or an adverb after it is the pronoun.
            (
                "孙启勤中了大奖。他突然扬起眉毛说：“我还会再中一次。”",
                Some("他"),
            ),
            (
                "孙启勤中了大奖。他很平静地说：“我一直坚信自己会中大奖。”",
                Some("他"),
            ),
            // A relation after a pronoun stays (my husband, his father).
            ("我爱人回信说，他已经决定出国了。", Some("我爱人")),
            // A list item's number and a time before the subject go.
            (
                "4.本次调查发现，负面情绪多集中在15岁的儿童中。",
                Some("本次调查"),
            ),
            (
                "目前国家广电总局表示，微短剧需要规范。",
                Some("国家广电总局"),
            ),
            // An adverb with a modal after the name, and a basis cut off.
            (
                "郭荣梅则会告诉他们，只要有闪光点，老师就会看到。",
                Some("郭荣梅"),
            ),
            ("郑庆生还是告诉我们，熵在增加。", Some("郑庆生")),
            (
                "福山根据黑格尔的理论认为，人还有需要他人承认的需要。",
                Some("福山"),
            ),
            // A manner jieba reads as one word, and a causative.
            ("“我相信会有新的活力。”卢宇恳切地说。", Some("卢宇")),
            ("姑姑于秀荣让律师告诉记者，房子是她的。", Some("姑姑于秀荣")),
            ("殖民地政府宣布，港口将开放。", Some("殖民地政府")),
            // "As a result" names no one.
            ("结果发现，母亲的社会地位影响不大。", None),
            // A noun phrase a measure word opens keeps its 对 (a survey of
            // 600 women); a subject's own 对 still ends it.
            (
                "一项对600名日本女性的调查发现，其中26%的人没有工作。",
                Some("一项对600名日本女性的调查"),
            ),
            ("他对记者说，短剧出海前景广阔。", Some("他")),
            // A text "says" what is written on it.
            ("圣经上说，一切遭遇皆是神的许可。", Some("圣经")),
            ("该产品的资料上说，它是美国研制的。", Some("该产品的资料")),
            // The occasion after the speaker goes.
            (
                "徐州市委副书记、代市长王剑锋讲话中指出，要把优化营商环境摆在突出位置。",
                Some("徐州市委副书记、代市长王剑锋"),
            ),
            // So do a manner and "always".
            (
                "我最近练车，听大叔大妈聊天说，现在的留学生都不好。",
                Some("大叔大妈"),
            ),
            ("他笑着说，这件事早就办完了。", Some("他")),
            ("共产党总是声称，群众是真正的英雄。", Some("共产党")),
            // "Personally" and "why" name no one.
            ("个人认为，《清洁》是最好的一部电影。", None),
            ("为什么说我们市场在同行业中服务在先呢？", None),
        ] {
            let found = attributions(text);
            let got = found.first().and_then(|f| source(text, f));
            assert_eq!(got.as_deref(), want, "{text}: {found:#?}");
        }
        for text in [
            "当来告诉你们，将你的喜乐和主分一分。",
            "他们不由分说，用手电筒劈头盖脸地打来。",
            "她自己说不定都有点好奇了。",
            "这些人们也许会认为，那种荣耀其实毫无价值。",
            "现在索性打开天窗说亮话，干脆摆明了吧。",
            "生活有了新的气象，真有说不尽的好处。",
        ] {
            let found = attributions(text);
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
        // 比他们真心认为: they think, not the clause before them.
        let t = "大多数人总是宁可采取一种比他们真心认为正确的立场还要左的立场。";
        let found = attributions(t);
        assert!(
            found
                .iter()
                .all(|f| source(t, f).as_deref() == Some("他们")),
            "{found:#?}"
        );
    }

    #[test]
    fn tell_and_weak_verbs() {
        let t = "一位短剧平台负责人告诉《南华早报》，出海收入已占公司营收三成。";
        let f = one(t);
        assert_eq!(
            texts(t, &f),
            triple("一位短剧平台负责人", "告诉", "出海收入已占公司营收三成")
        );
        let t = "国家广电总局宣布，将开展微短剧专项整治。";
        assert_eq!(one(t).content.text(t), "将开展微短剧专项整治");
        // A weak verb used as an ordinary verb.
        assert!(attributions("平台介绍新的人工智能工具。").is_empty());
    }

    #[test]
    fn two_attributions_in_one_sentence_split_the_content() {
        let t = "何亚东表示，短剧出海是大势所趋，业内人士则认为，东南亚市场已趋饱和。";
        let found = attributions(t);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].content.text(t), "短剧出海是大势所趋");
        assert!(found[0].reporters.is_empty());
        assert_eq!(
            texts(t, &found[1]),
            triple("业内人士", "认为", "东南亚市场已趋饱和")
        );
        assert!(found[1].reporters.is_empty());
    }

    #[test]
    fn speech_followed_by_its_speaker() {
        let t = "据新华社报道，短剧在东南亚很受欢迎，一位业内人士说。";
        let f = one(t);
        assert_eq!(
            texts(t, &f),
            triple("一位业内人士", "说", "短剧在东南亚很受欢迎")
        );
        assert_eq!(f.reporters, vec!["新华社"]);
    }

    #[test]
    fn one_character_sources_are_pronouns_or_states() {
        let ok = |s: &str| valid_source(s, 0..s.len()).is_some();
        assert!(ok("他") && ok("俄") && ok("商务部") && ok("李明"));
        assert!(!ok("是") && !ok("敢") && !ok("不") && !ok("若"));
    }

    #[test]
    fn nothing_to_attribute() {
        let none = [
            "",
            "   \n\n",
            "2024年，中国微短剧市场规模超过500亿元。",
            "据统计，2024年中国微短剧用户规模达到5.76亿。",
            "据悉，多部微短剧已在东南亚上线。",
            "据了解，该平台已进入东南亚市场。",
            "数据显示，短剧出海收入持续增长。",
            "这表示市场仍有增长空间。",
            "表示，短剧出海前景广阔。",
            "，，表示：短剧出海。",
            "123表示短剧出海。",
            "2024年表示增长。",
            "他的小说被称为网络文学的代表。",
            "市场习惯于将这种产品称做“商务公寓”。",
            "对于短剧企业来说，内容为王。",
            "短剧被认为是文化出海的新名片。",
            "他说的话很有道理。",
            "据报道，微短剧市场持续升温。",
            "我认为短剧很好看。",
            "记者发现，短剧平台增长迅速。",
            "他表示了感谢。",
            "一些网友称赞这部短剧。",
            "短剧被称为“电子榨菜”。",
            "说到底，短剧还是内容为王。",
            "100%表示满意。",
            "那乞丐吃饱了，抹抹嘴，拔足就走，也不说声谢字。",
            "他没有表示反对。",
            "公司并未透露具体金额。",
            "这场骚动与其说是矛盾积累的结果，不如说反映了运动的自身逻辑。",
            "若说各国的人聪明些，为何中国人要受欺侮呢？",
            "这倒是说，什么是革命的，什么就是革命的。",
            "The ministry said short dramas are booming.",
        ];
        for t in none {
            assert!(attributions(t).is_empty(), "{t}: {:#?}", attributions(t));
        }
    }

    #[test]
    fn a_quoted_phrase_is_not_a_direct_quote() {
        let t = "何亚东表示，“短剧出海”是今年文化贸易的亮点之一。";
        let f = one(t);
        assert_eq!(f.kind, AttributionKind::Indirect);
        assert_eq!(f.content.text(t), "“短剧出海”是今年文化贸易的亮点之一");
        let t = "商务部称：「支持文化出海。」";
        assert_eq!(one(t).kind, AttributionKind::DirectQuote);
    }

    #[test]
    fn cues_inside_quotes_are_not_attributions() {
        let t = "何亚东说：“我们认为，短剧出海前景广阔。”";
        let f = one(t);
        assert_eq!(f.content.text(t), "我们认为，短剧出海前景广阔");
    }

    #[test]
    fn unbalanced_quotes_do_not_swallow_the_text() {
        let t = "何亚东说：“短剧出海很重要。商务部表示，将加大支持力度。";
        let found = attributions(t);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].kind, AttributionKind::DirectQuote);
        assert_eq!(found[0].content.text(t), "短剧出海很重要");
        assert_eq!(
            texts(t, &found[1]),
            triple("商务部", "表示", "将加大支持力度")
        );
        // A closing mark alone, and an opening mark at the very end.
        let t = "短剧”出海。国家广电总局称，微短剧要规范“";
        let found = attributions(t);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].content.text(t), "微短剧要规范“");
    }

    #[test]
    fn mixed_english_and_chinese() {
        let t = "Mark Zuckerberg 表示，AI will change short dramas。据Reuters报道，ReelShort在东南亚增长迅速。";
        let found = attributions(t);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(source(t, &found[0]).as_deref(), Some("Mark Zuckerberg"));
        assert_eq!(found[0].content.text(t), "AI will change short dramas");
        assert_eq!(found[1].claimant.as_deref(), Some("Reuters"));
        let t = "He said \"微短剧很火\"，TikTok说。";
        let f = one(t);
        assert_eq!(f.claimant.as_deref(), Some("TikTok"));
    }

    #[test]
    fn what_cannot_speak_does_not_state_but_stands_for() {
        for t in [
            "忌用黄色，黄色常表示离别、无望。",
            "推力。曲线平顶部分表示飞机的最大航速。",
            "T结尾表示特许期满，项目无偿移交政府。",
            "山坡上布满了表示岩浆的斑点。",
            // Nor does it tell, but in a figure of speech.
            "直到1992年，李简用电刀做了第一例手术。他的直觉告诉他，“这应该是最有前景的方法”。",
            "历史告诉我们，正确的原则很少能自动获胜。",
            "热力学原理还是告诉我们，熵在增加。",
            // Someone unnamed, again and again.
            "有人口口声声说打洋人，却不讲洋人怎么打法。",
            "有人口口说打洋人，却不讲洋人怎么打法。",
            "起先，他可能只是用余烬中的木炭强调一下轮廓，以便别人也能看清楚。",
            "面对升学的压力，片面强调知识的掌握，势必使童年失去色彩。",
            // A time clause (告诉…时), not a telling.
            "孙启勤立刻赶回家，他将自己中奖的消息告诉妻子和女儿时，简直浑身颤抖。",
            // Negated across a "so".
            "而巴科塔人则不会这样认为，在他们看来，两种神像同样奏效。",
            // A time clause after the verb and its object, and concessions.
            "马伊加说出这话两天之后，欧盟宣布了新的制裁。",
            "怎奈他拿定主见，任你口说出血来，他总是不听。",
            "无论专家怎么说，他都不改。",
            // 说 with a complement or a count of words takes an object.
            "对于男友，李某只说出他的姓，好像是做小生意的。",
            "他见了洋人，骨都软了，洋人说一句，他就依一句。",
            "王明说起这件事就生气。",
            // No one speaks: a standpoint, "now just to speak of".
            "用检阅国际共运史的立场就会发现：国际的进序不同。",
            "莫讲欧美各国，于今单说那日本国，三十年前也是弱国。",
            // "Pardon my bluntness" is the writer's own, as 我直言 is.
            "恕我直言，好程序员找工作还是很容易。",
        ] {
            assert!(attributions(t).is_empty(), "{t}: {:#?}", attributions(t));
        }
        for (t, who) in [
            ("其后思浩表示事发地点并非一间食肆内。", "思浩"),
            ("七成左右受访者表示他们有很多朋友。", "七成左右受访者"),
            ("美国国务院和国防部表示他们有证据。", "美国国务院和国防部"),
            ("星期五，克里姆林宫表示不要相信美国。", "克里姆林宫"),
            ("SBS表示金锺国退出节目。", "SBS"),
            // What is said may hold a time; what follows a comma is said.
            ("李华说三年后要回国看看。", "李华"),
            ("王明说，两天之后，欧盟会宣布新的制裁。", "王明"),
            (
                "不过，现在没有小户型了，销售小姐告诉他，下半年会有新户型推出。",
                "销售小姐",
            ),
            ("何亚东强调一下：短剧出海势头良好。", "何亚东"),
            // A paper named for its day.
            (
                "法国星期天报说，马克龙的访问是在协商的情况下进行的。",
                "法国星期天报",
            ),
            ("王明星期三表示，短剧出海势头良好。", "王明"),
            // jieba's 他会 is the pronoun and its modal.
            (
                "如果你问这个医生为什么开这种药，他会说因为销售代表说这种药有用。",
                "这个医生",
            ),
            // Texts, studies and people by their trade or kin speak.
            ("规范理论认为集体行动靠的是社会公德。", "规范理论"),
            (
                "我到网吧看到许多小孩上网，听网吧老板说他们玩了通宵。",
                "网吧老板",
            ),
            ("80年代末的一个暑假，外婆说要去舅舅家避暑。", "外婆"),
            // Before a comma, anything may state.
            ("黄色表示，这不是离别。", "黄色"),
            ("现在专家认为市场已经饱和。", "专家"),
            ("于今的人说中国此时贫弱极了。", "于今的人"),
            (
                "胡先生看完这则报道后当即肯定地说，制造出这样的飞机是不可能的。",
                "胡先生",
            ),
            ("他的家属说她17岁。", "他的家属"),
        ] {
            assert_eq!(one(t).claimant.as_deref(), Some(who), "{t}");
        }
    }

    #[test]
    fn talk_sayings_and_science_report_nothing() {
        for t in [
            "若现在的人只空口说说白话，要使后来的人信。",
            "他从小受新浪潮的影响，所以说他是从一个电影青年成长起来的。",
            "回家后，他急忙上网查询，原来果然有这么一说。",
            "根据科学统计，长成一粒米，需要七担水。",
            "民间资本投向城市基础设施，投资阶段好说，收取回报阶段难免要出问题。",
            // A weak verb after words is no speaker clause.
            "这位先生是杨家将的后裔，他的事再找机会介绍。",
            // A passive's agent (由…报道) and a relative clause (一件他认为…的事情).
            "该消息由国内一家权威媒体报道，并被多家媒体转载。",
            "一个人去做一件他自己认为是最好的事情，这是一回事。",
        ] {
            assert!(attributions(t).is_empty(), "{t}: {:#?}", attributions(t));
        }
    }

    #[test]
    fn a_dated_speaker_after_the_quotation_is_its_claimant() {
        let t = "据《新京报》报道，“不仅没听说有中国人获奖，而且连外国人也没人得这个奖。”\
                 2004年12月22日，中心主任黄明达表示。";
        let f = one(t);
        assert_eq!(
            texts(t, &f),
            triple(
                "中心主任黄明达",
                "表示",
                "不仅没听说有中国人获奖，而且连外国人也没人得这个奖"
            )
        );
        assert_eq!(f.reporters, vec!["新京报".to_owned()]);
        let t = "“短剧出海势头良好。”5日，何亚东表示。";
        assert_eq!(
            texts(t, &one(t)),
            triple("何亚东", "表示", "短剧出海势头良好")
        );
    }

    #[test]
    fn a_clause_without_a_subject_shares_the_one_before_it() {
        for (t, who, said) in [
            (
                "孙启勤把他的想法通报给镇政府，镇领导对此非常感兴趣，当即表态说：“我们全力支持你！”",
                "镇领导",
                "我们全力支持你",
            ),
            ("王明来到现场，随后表示，短剧很火。", "王明", "短剧很火"),
            (
                "耐克的英国发言人倒颇有绅士风度，表示非常重视。",
                "耐克的英国发言人",
                "非常重视",
            ),
            (
                "可是朱君反而感谢神。他的妻子很不服气，说：“孩子死了你还感谢神？”",
                "他的妻子",
                "孩子死了你还感谢神",
            ),
            // Clauses without a subject are passed over; times are no part
            // of one.
            (
                "当初曾国藩做翰林的时候，曾上过摺子，说取士不合道理。",
                "曾国藩",
                "取士不合道理",
            ),
            // The 据 phrase reports the clause's words.
            (
                "据新华社报道，王明来到现场，随后表示，短剧很火。",
                "王明",
                "短剧很火",
            ),
        ] {
            let found = attributions(t);
            let f = found.last().unwrap_or_else(|| panic!("{t}: nothing found"));
            assert_eq!(
                (f.claimant.as_deref(), f.content.text(t).as_str()),
                (Some(who), said),
                "{t}: {found:#?}"
            );
        }
        for t in [
            // The clause before names nothing that speaks.
            "短剧很火，随即表示，很好。",
            // Two people, one of no kind a claimant has.
            "今夕何夕，他和她开始恋爱，就很慨然地说：我们都三十三岁了。",
            // Not after a bracket: 据…[联盟]透露 is a 据 phrase gone wrong.
            "中国的Coco迷就按耐不住了，据歌迷组织[中华玟迷联盟]透露，访问量陡增了5倍。",
        ] {
            assert!(
                attributions(t).iter().all(|f| f.claimant.is_none()),
                "{t}: {:#?}",
                attributions(t)
            );
        }
        // Within what someone else reports, the clause is part of it.
        let t = "发言人还透露，他的健康状况每况愈下，但他上周去办公室工作时，还和员工开玩笑说自己只干半天活。";
        assert_eq!(one(t).claimant.as_deref(), Some("发言人"));
        // Nor are the words before a shared subject's verb its speech.
        let t = "苏联人好象妓女一样，因为自己是妓女，便认为\n所有的女人都是妓女。";
        assert!(
            attributions(t)
                .iter()
                .all(|f| f.content.text(t) != "苏联人好象妓女一样，因为自己是妓女"),
            "{:#?}",
            attributions(t)
        );
    }

    #[test]
    fn many_clauses_without_subjects_end() {
        // Every verb looks back a bounded number of clauses.
        let t = format!("王明来到现场，{}短剧很火。", "随后表示，".repeat(20_000));
        let found = attributions(&t);
        assert!(!found.is_empty());
        let t = format!("“甲”，{}", "随即表示，".repeat(20_000));
        assert!(attributions(&t).iter().all(|f| f.claimant.is_none()));
    }

    #[test]
    fn spans_are_byte_ranges_of_the_text() {
        let t = "前言。据新华社报道，商务部表示，短剧出海。";
        let f = one(t);
        let s = f.source.as_ref().unwrap();
        assert_eq!(&t[s.parts[0].clone()], "商务部");
        assert_eq!(&t[f.cue.parts[0].clone()], "表示");
        assert_eq!(&t[f.content.parts[0].clone()], "短剧出海");
    }

    #[test]
    fn very_long_sentences() {
        // A long run without punctuation before the verb names no source.
        let t = format!("{}表示，短剧出海。", "短剧".repeat(5_000));
        assert!(attributions(&t).is_empty());
        // A long sentence with the attribution after its last comma.
        let t = format!(
            "{}，商务部表示，短剧出海。",
            "短剧市场持续扩大".repeat(5_000)
        );
        let f = one(&t);
        assert_eq!(source(&t, &f).as_deref(), Some("商务部"));
        assert_eq!(f.content.text(&t), "短剧出海");
    }

    #[test]
    fn a_megabyte_of_text() {
        let sentence = "据新华社报道，商务部表示，将支持短剧企业开拓东南亚市场。";
        let n = (1 << 20) / sentence.len();
        let t = sentence.repeat(n);
        let found = attributions(&t);
        assert_eq!(found.len(), n);
        assert!(
            found
                .iter()
                .all(|f| f.claimant.as_deref() == Some("商务部") && f.reporters == ["新华社"])
        );

        // Unclosed quotation marks on one long line, and one long chain.
        let t = "“短剧".repeat(1 << 18);
        assert!(attributions(&t).is_empty());
        let t = "甲方表示，".repeat(1 << 17) + "短剧出海。";
        let found = attributions(&t);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].reporters.len(), MAX_REPORTERS);
        assert_eq!(found[0].content.text(&t), "短剧出海");
    }

    #[test]
    fn sentences_keep_quotes_whole() {
        let t = "他说：“第一句。第二句！”然后。\n“好。”他说。下一句";
        let s: Vec<&str> = sentences(t).iter().map(|s| &t[s.range.clone()]).collect();
        assert_eq!(
            s,
            [
                "他说：“第一句。第二句！”",
                "然后。",
                "“好。”他说。",
                "下一句"
            ]
        );
    }

    #[test]
    fn chinese_is_told_from_english() {
        assert!(is_chinese("国家广电总局表示，微短剧出海。"));
        assert!(is_chinese("TikTok表示，微短剧在东南亚很受欢迎。"));
        assert!(!is_chinese("The ministry said short dramas are booming."));
        assert!(!is_chinese(
            "短剧 short dramas are booming in Southeast Asia"
        ));
        assert!(!is_chinese(""));
        assert!(!is_chinese("2024 — 500!"));
    }
}
