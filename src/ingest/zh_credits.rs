//! Writers credited by Chinese pages, as their lines write them.
//!
//! A Chinese article names its writers in a credit rather than a byline
//! element: a label and a colon (`作者：宋怡 杨志华`, `文：李明`), a role
//! and names (`光明日报记者 王建宏 张文攀`, `本报记者罗科苏盈发自北京`,
//! `□ 本报记者 葛灵丹`), a bracketed credit in the dateline
//! (`据新华社拉萨电（记者 格桑边觉）…`), or names in brackets closing the
//! text (`（姚峰 上海报道）`). The credit may stand above the text, inside
//! its first paragraphs or after its last one, so [`credited_line`] reads
//! one line of the page and [`credited_in_text`] the edges of the main
//! text. Editors (`责任编辑`) and sources (`来源`) are not writers and are
//! not read. A forum post signs itself instead, under its text, with the
//! poster and the time ([`signed_post`]: `发布时间 2005/05/17 22:11:42 by
//! 眉间尺`, `本贴由大卫于2005年8月12日16:12:21在〖…〗发表`).

use regex::Regex;
use std::sync::LazyLock;

/// Longest line read as a credit without a colon (光明日报记者 王建宏
/// 张文攀), in characters.
const MAX_CREDIT_LINE_CHARS: usize = 40;

/// Most names one credit gives.
const MAX_NAMES: usize = 8;

/// Paragraphs read for a credit at each edge of the main text.
const EDGE_PARAGRAPHS: usize = 4;

/// Roles that a credit without a colon puts before the names, the
/// reporter's first: 本报实习生 刘国栋 本报记者 王燕平 credits the
/// reporter.
const ROLES: &[&str] = &["记者", "記者", "通讯员", "通訊員", "实习生", "實習生"];

/// The names a line of the page credits as writers, if it is a credit.
pub fn credited_line(line: &str) -> Option<Vec<String>> {
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        // 文 alone is a label only where a line or a bracket opens it
        // (文：张三), not at the end of a word (全文：, 中文：); a name is
        // short and ends there (记者：据你了解… is an interviewer's question).
        Regex::new(&format!(
            r"(?:{}|(?:^|[\s(（【\[|])文)\s*[：:]\s*([^\s：:|/，,“”「」\x22、。)）】]{{2,8}})(?:$|[\s：:|/，,、。)）】])",
            LABELS.join("|")
        ))
        .expect("valid credit pattern")
    });
    LABELLED
        .captures(line)
        .and_then(|c| c.get(1))
        .map(|first| names_from(first.as_str(), &line[first.end()..]))
        .or_else(|| role_line(line))
}

/// The names the first credit among `lines` gives ([`credited_line`]),
/// where a label may stand alone on its line and the names on the next:
/// a page that links its writer's name puts `作者：` and `放飞&心情` in two
/// elements, which read as two lines.
pub fn credited_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Option<Vec<String>> {
    let mut lines = lines.peekable();
    while let Some(line) = lines.next() {
        if let Some(names) = credited_line(line) {
            return Some(names);
        }
        let label_alone = line
            .trim()
            .strip_suffix(['：', ':'])
            .is_some_and(|l| l == "文" || LABELS.contains(&l));
        // The next line holds names only: short, no clause's punctuation.
        if label_alone
            && let Some(next) = lines.peek()
            && next.chars().count() <= MAX_CREDIT_LINE_CHARS
            && !next.contains(['，', '。', '？', '！', ',', '?', '!', '：', ':'])
            && let Some(names) = credited_line(&format!("{}{}", line.trim(), next.trim()))
        {
            return Some(names);
        }
    }
    None
}

/// Labels that open a credit with a colon ([`credited_line`]); and 文,
/// a label only where a line or a bracket opens it.
const LABELS: &[&str] = &["作者", "記者", "记者", "撰文", "撰稿", "执笔人", "執筆人"];

/// The writers credited at the edges of an article's main text, for a
/// page that gives none above it: a credit line among its first or last
/// paragraphs, a bracketed credit in its first paragraph, names in
/// brackets closing one of its last (an editor's line may follow), or a
/// first paragraph of names alone under the headline (赵延东、风笑天).
pub fn credited_in_text(paragraphs: &[String]) -> Vec<String> {
    let n = paragraphs.len();
    let head = &paragraphs[..n.min(EDGE_PARAGRAPHS)];
    let tail = &paragraphs[n.saturating_sub(EDGE_PARAGRAPHS)..];
    head.iter()
        .chain(tail.iter().rev())
        .find_map(|p| credited_line(p))
        .or_else(|| paragraphs.first().and_then(|p| bracketed_in_dateline(p)))
        .or_else(|| tail.iter().rev().find_map(|p| closing_brackets(p)))
        .or_else(|| head.iter().take(2).find_map(|p| names_alone(p)))
        .unwrap_or_default()
}

/// The poster and the time of a forum post, from the first short line of
/// its text that signs it.
#[derive(Debug, PartialEq)]
pub struct Signature {
    /// Who posted, as the forum shows them.
    pub poster: String,
    /// When, as [`crate::ingest::dates::parse_date`] gives it, with a time.
    pub posted: String,
    /// The index of the paragraph that signs the post.
    pub paragraph: usize,
}

/// Longest line read as a post's signature, in characters.
const MAX_SIGNATURE_CHARS: usize = 120;

/// Longest poster's name read, in characters.
const MAX_POSTER_CHARS: usize = 20;

/// The signature of the first post among `paragraphs`: a short line with a
/// date and time that says who posted, `… 发布时间 DATE by NAME` or
/// `本贴由NAME于DATE…发表`. Later signatures are the replies'.
pub fn signed_post(paragraphs: &[String]) -> Option<Signature> {
    paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.chars().count() <= MAX_SIGNATURE_CHARS)
        .find_map(|(i, p)| signature(p, i))
}

fn signature(line: &str, paragraph: usize) -> Option<Signature> {
    let poster = if line.contains("发布时间") || line.contains("發佈時間") {
        let (_, after) = line.rsplit_once(" by ")?;
        after.split_whitespace().next()?.trim_end_matches('〓')
    } else if line.contains("发表") || line.contains("發表") {
        let (_, after) = line.split_once('由')?;
        after.split_once('于')?.0.trim()
    } else {
        return None;
    };
    if poster.is_empty() || poster.chars().count() > MAX_POSTER_CHARS {
        return None;
    }
    let posted = crate::ingest::dates::parse_date(line).filter(|d| d.contains('T'))?;
    Some(Signature {
        poster: poster.to_owned(),
        posted,
        paragraph,
    })
}

/// Whether `word` can be one Chinese name in a credit: two to four Han
/// characters.
fn is_credit_name(word: &str) -> bool {
    (2..=4).contains(&word.chars().count()) && word.chars().all(crate::attribute::zh::is_han)
}

/// `first` and the names that follow it in `rest`, separated by spaces
/// or 、, up to the first word that is no name (作者：宋怡 杨志华 来源：… gives
/// 宋怡 and 杨志华).
fn names_from(first: &str, rest: &str) -> Vec<String> {
    let mut names = vec![first.to_owned()];
    for word in rest
        .split(|c: char| c.is_whitespace() || c == '、')
        .filter(|w| !w.is_empty())
    {
        if !is_credit_name(word) || names.len() >= MAX_NAMES {
            break;
        }
        names.push(word.to_owned());
    }
    names
}

/// The writers of a short line that credits them without a colon: an
/// outlet, a role, then only names (光明日报记者 王建宏 张文攀, 新华日报·交汇点记者
/// 徐睿翔, 河南商报记者马俊峰/文, （记者 李明）, 本报记者罗科苏盈发自北京,
/// 记者 张三 北京报道). A longer line, or one that goes on after the names
/// (本报记者近日走访了…), or whose words do not read as personal names (a
/// menu's 记者调查), credits nobody.
fn role_line(line: &str) -> Option<Vec<String>> {
    role_credit(line, Surname::Needed)
}

/// Whether names read alone must include one a common surname opens.
#[derive(Clone, Copy, PartialEq)]
enum Surname {
    /// A bare line: 新华社记者看东北 is a menu, not a credit.
    Needed,
    /// A role and names in brackets, a credit by its form: 格桑边觉 of
    /// （记者 格桑边觉） opens with no common surname.
    NotNeeded,
}

/// [`role_line`], with or without the surname test.
fn role_credit(line: &str, surname: Surname) -> Option<Vec<String>> {
    let line = line.trim();
    if line.chars().count() > MAX_CREDIT_LINE_CHARS {
        return None;
    }
    let (at, role) = ROLES.iter().find_map(|r| line.find(r).map(|at| (at, *r)))?;
    let before = &line[..at];
    if before.contains(['，', '。', '：', ':', ',', '“', '”']) {
        return None;
    }
    let mut after = line[at + role.len()..].trim();
    // What follows the names: the credit's kind (/文, /摄), where it was
    // filed from (发自北京), a closing bracket.
    for end in ["/", "／", "发自", "發自"] {
        if let Some(cut) = after.find(end) {
            after = &after[..cut];
        }
    }
    for tail in ["）", ")", "】"] {
        after = after.strip_suffix(tail).unwrap_or(after).trim_end();
    }
    names_only(after_reported_from(after), surname)
}

/// `text` without a last word telling where it was filed (北京报道).
fn after_reported_from(text: &str) -> &str {
    let text = text.trim();
    match text.rsplit_once(char::is_whitespace) {
        Some((names, last)) if last.ends_with("报道") || last.ends_with("報道") => {
            names.trim_end()
        }
        _ => text,
    }
}

/// The names of `text` when it holds names and nothing else, separated by
/// spaces or 、: personal names, not a menu's 记者博客 or 新华社记者看东北 —
/// one at least a common surname's (`zh_names::mentioned_name`), and the
/// others no words of jieba's dictionary (伊琳 of 伊琳 李清芬).
fn names_only(text: &str, surname: Surname) -> Option<Vec<String>> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '、')
        .filter(|w| !w.is_empty())
        .collect();
    let person = |w: &&str| crate::attribute::zh_names::mentioned_name(w) == Some(*w);
    let unknown = |w: &&str| !crate::index::analysis::jieba().has_word(w);
    let names = !words.is_empty()
        && words.len() <= MAX_NAMES
        && words
            .iter()
            .all(|w| is_credit_name(w) && (person(w) || unknown(w)))
        && (surname == Surname::NotNeeded || words.iter().any(person));
    names.then(|| words.iter().map(|w| (*w).to_owned()).collect())
}

/// The credit a dateline puts in brackets: 据新华社拉萨电（记者 格桑边觉）….
fn bracketed_in_dateline(paragraph: &str) -> Option<Vec<String>> {
    let open = ["（", "("]
        .iter()
        .filter_map(|b| paragraph.find(b).map(|at| at + b.len()))
        .min()?;
    let inside = &paragraph[open..];
    let close = inside.find(['）', ')'])?;
    let credit = inside[..close].trim();
    ROLES
        .iter()
        .any(|r| credit.starts_with(r))
        .then(|| role_credit(credit, Surname::NotNeeded))
        .flatten()
}

/// Names in the brackets that close an article's last paragraph
/// (（姚峰 上海报道）, （常书香 马丹阳 ）, （记者 李明）).
fn closing_brackets(paragraph: &str) -> Option<Vec<String>> {
    let body = paragraph
        .trim_end()
        .strip_suffix('）')
        .or_else(|| paragraph.trim_end().strip_suffix(')'))?;
    let open = body.rfind(['（', '('])?;
    let credit = body[open..].trim_start_matches(['（', '(']).trim();
    if credit.chars().count() > MAX_CREDIT_LINE_CHARS {
        return None;
    }
    role_line(credit).or_else(|| names_only(after_reported_from(credit), Surname::Needed))
}

/// A short paragraph of names alone, as under a headline (赵延东、风笑天).
/// The writers a page names alone on one of the first lines under its
/// headline, outside the main text (犬儒病(上) / 胡平 / ——当代中国的精神危机):
/// `lines` are the page's visible lines after the headline's.
pub fn named_under_headline<'a>(mut lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    lines
        .by_ref()
        .take(LINES_UNDER_HEADLINE)
        .find_map(names_alone)
        .unwrap_or_default()
}

/// The owner of a blog whose pages are titled with their name alone and
/// the blog's site (`海姑娘 | blog.wenxuecity.com`): one part of the title
/// names a blog (`blog`, 博客, 部落格) and the other is one name. `site`
/// is the site name the page declares, when the title leaves it out.
pub fn blog_owner(title: Option<&str>, site: Option<&str>) -> Vec<String> {
    let names_a_blog =
        |s: &str| s.to_lowercase().contains("blog") || s.contains("博客") || s.contains("部落格");
    let Some(title) = title else {
        return Vec::new();
    };
    let (name, blog) = match title.split_once(['|', '｜']) {
        Some((name, blog)) => (name, Some(blog)),
        None => (title, site),
    };
    if !blog.is_some_and(names_a_blog) {
        return Vec::new();
    }
    names_only(name.trim(), Surname::NotNeeded)
        .filter(|names| names.len() == 1)
        .unwrap_or_default()
}

/// Lines under a headline read for names alone.
const LINES_UNDER_HEADLINE: usize = 2;

fn names_alone(paragraph: &str) -> Option<Vec<String>> {
    let p = paragraph.trim();
    if p.chars().count() > MAX_CREDIT_LINE_CHARS {
        return None;
    }
    names_only(p, Surname::Needed)
}

#[cfg(test)]
mod tests {
    use super::{
        Signature, blog_owner, credited_in_text, credited_line, named_under_headline, signed_post,
    };

    fn line(l: &str) -> Vec<String> {
        credited_line(l).unwrap_or_default()
    }

    fn text(ps: &[&str]) -> Vec<String> {
        credited_in_text(&ps.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn a_label_alone_on_its_line_credits_the_next() {
        let lines = |ls: &[&str]| super::credited_lines(ls.iter().copied()).unwrap_or_default();
        assert_eq!(
            lines(&["楼层： 第 1 楼", "作者：", "放飞&心情", "振威将军"]),
            ["放飞&心情"]
        );
        assert_eq!(lines(&["作者：宋怡 杨志华"]), ["宋怡", "杨志华"]);
        // A label with nothing after it, or a sentence after it.
        assert!(lines(&["作者："]).is_empty());
        assert!(lines(&["记者：", "据你了解，这件事情怎么样？"]).is_empty());
        assert!(lines(&["全文：", "张三"]).is_empty());
    }

    #[test]
    fn a_name_alone_under_the_headline() {
        let under = |lines: &[&str]| named_under_headline(lines.iter().copied());
        assert_eq!(under(&["胡平", "——当代中国的精神危机 (上)"]), ["胡平"]);
        assert_eq!(
            under(&["2005-07-03", "王建宏 张文攀"]),
            ["王建宏", "张文攀"]
        );
        // A section's name, a sentence, or a name too far down: no one.
        assert!(under(&["导读", "人心不会熄灭，但它可能蒙上灰烬。"]).is_empty());
        assert!(under(&["人心不会熄灭", "灰烬", "胡平"]).is_empty());
        assert!(under(&[]).is_empty());
    }

    #[test]
    fn credit_lines_with_a_label_or_a_role() {
        assert_eq!(line("文：李明"), ["李明"]);
        assert_eq!(
            line("执笔人：闵乐夫 赵兰波 刘韬"),
            ["闵乐夫", "赵兰波", "刘韬"]
        );
        assert_eq!(line("□ 本报记者 葛灵丹"), ["葛灵丹"]);
        assert_eq!(line("本报记者王燕平发自北京"), ["王燕平"]);
        assert_eq!(line("顶端新闻·河南商报记者马俊峰/文受访者供图"), ["马俊峰"]);
        assert_eq!(line("记者 王建宏 北京报道"), ["王建宏"]);
        assert_eq!(line("通讯员 张文攀"), ["张文攀"]);
        assert!(line("责任编辑：魏喆").is_empty());
        assert!(line("来源：尹娟").is_empty());
        assert!(line("记者在现场看到，观众排起了长队").is_empty());
        assert!(line("本报记者近日走访了多家微短剧企业").is_empty());
    }

    #[test]
    fn credits_at_the_edges_of_the_text() {
        let middle = "国家广播电视总局近日发布通知，鼓励优秀微短剧作品走向海外市场。";
        // A bracketed credit in the dateline.
        assert_eq!(
            text(&[
                "据新华社拉萨电（记者 格桑边觉）记者近日从西藏自治区农业农村厅了解到，去年改造厕所4.66万座。",
                middle
            ]),
            ["格桑边觉"]
        );
        // A credit line after the last paragraph.
        assert_eq!(
            text(&[middle, middle, middle, middle, "□ 本报记者 葛灵丹"]),
            ["葛灵丹"]
        );
        // Names in the brackets that close the text, with where it was filed.
        assert_eq!(
            text(&[
                middle,
                "该人士付之一笑：“这样的说法没有道理。”（姚峰 上海报道）"
            ]),
            ["姚峰"]
        );
        assert_eq!(
            text(&[middle, "过一个平安、祥和的新春佳节。（常书香 马丹阳 ）"]),
            ["常书香", "马丹阳"]
        );
        assert_eq!(
            text(&[
                middle,
                "推动云南工业高质量发展。（记者 胡晓蓉）\u{a0}",
                "责任编辑：孙重远"
            ]),
            ["胡晓蓉"]
        );
        // Names alone under the headline.
        assert_eq!(text(&["赵延东、风笑天", middle]), ["赵延东", "风笑天"]);
        // Brackets that hold no names, an editor, a credit in the middle
        // of a long text: no writer.
        assert!(text(&[middle, "这一数字比去年增长了三成。（完）"]).is_empty());
        assert!(text(&[middle, "（责任编辑：魏喆）"]).is_empty());
        assert!(text(&[middle, "业内人士表示（新华社）"]).is_empty());
        let mut long = vec![middle; 9];
        long[4] = "本报记者 葛灵丹";
        assert!(text(&long).is_empty());
        assert!(text(&[]).is_empty());
    }

    #[test]
    fn hostile_credits_name_no_one_or_few() {
        let huge = format!("记者 {}", "王建宏 ".repeat(100_000));
        assert!(line(&huge).is_empty());
        let brackets = format!("{}）", "（".repeat(100_000));
        assert!(text(&[&brackets]).is_empty());
        let names = format!("（{}）", "王建宏 ".repeat(9));
        assert!(text(&["正文", &names]).is_empty());
        assert!(text(&["（记者", "）"]).is_empty());
    }

    #[test]
    fn a_forum_post_signs_itself_and_its_replies_come_later() {
        let post =
            |ps: &[&str]| signed_post(&ps.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>());
        let body = "阿萨亚斯也是法国《电影手册》的编辑，他从小到大都受着新浪潮的影响。";
        assert_eq!(
            post(&[
                body,
                "〓 网易娱乐 留言板 发布时间 2005/05/17 22:11:42 by 眉间尺 〓",
                "〓 网易娱乐 留言板 发布时间 2005/05/18 13:45:40 by 愤怒的马 〓",
            ]),
            Some(Signature {
                poster: "眉间尺".into(),
                posted: "2005-05-17T22:11:42".into(),
                paragraph: 1,
            })
        );
        assert_eq!(
            post(&[body, "本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表."]),
            Some(Signature {
                poster: "大卫".into(),
                posted: "2005-08-12T16:12:21".into(),
                paragraph: 1,
            })
        );
        // No time, no poster, a rule of the forum, a long paragraph: no
        // signature.
        assert_eq!(post(&[body, "发布时间 2005/05/17 by 眉间尺"]), None);
        assert_eq!(post(&[body, "发布时间 2005/05/17 22:11:42"]), None);
        assert_eq!(
            post(&[
                body,
                "2. 禁止发表反动、色情和其他违反国家法律、法规的言论、信息；"
            ]),
            None
        );
        let long = format!("{}发布时间 2005/05/17 22:11:42 by 眉间尺", body.repeat(5));
        assert_eq!(post(&[&long]), None);
        let huge = format!("由{}于2005年8月12日16:12:21发表", "大".repeat(100_000));
        assert_eq!(post(&[&huge]), None);
    }

    #[test]
    fn a_blog_titled_with_its_owner_s_name_is_theirs() {
        let site = Some("blog.wenxuecity.com");
        assert_eq!(
            blog_owner(Some("海姑娘 | blog.wenxuecity.com"), None),
            ["海姑娘"]
        );
        assert_eq!(blog_owner(Some("海姑娘"), site), ["海姑娘"]);
        assert!(blog_owner(Some("海姑娘"), Some("新浪网")).is_empty());
        assert!(blog_owner(Some("海姑娘 | 新浪网"), site).is_empty());
        assert!(blog_owner(Some("播客热潮迅速蔓延 挑逗传统传媒业"), site).is_empty());
        assert!(blog_owner(None, site).is_empty());
    }
}
