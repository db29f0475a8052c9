//! One name per person in Chinese: an office or role before a name goes,
//! an honorific after it goes, and a surname with a title becomes the one
//! full name the article gives that surname.
//!
//! Chinese news names a person with office and affiliation at first
//! mention (西藏自治区农业农村厅厅长杜杰, 外交部发言人毛宁, 苹果CEO乔布斯)
//! and often by surname and title after it (金所长, 胡先生). Claimant
//! entities are merged by their normalised name, so each form would be an
//! entity of its own and 杜杰's claims would be split over as many
//! claimants as the article has ways to write him. After the claimants
//! are resolved ([`full_names`]):
//!
//! - an office, role or relative clause before a personal name goes
//!   ([`without_title`]: 盐城市委副书记、代市长周斌 → 周斌, 高中毕业的于欢 →
//!   于欢), and an honorific after one (李静先博士 → 李静先); an unnamed
//!   spokesperson of a body is the body (外交部发言人 → 外交部); another role
//!   with no name after it stays (耐克香港发言人);
//! - a surname with a title or honorific (金所长, 胡先生) becomes the one
//!   full name of that surname among the article's claimants, or, when no
//!   claimant gives one, the one the text writes next to the same title
//!   (所长金明岸); with none or with two, it stays as written;
//! - names the gazetteer knows are left to it.
//!
//! Where the title ends is read with jieba's words and tags (the
//! dictionary the index segments Chinese with): the title must be a whole
//! word, so 长江集团 is no 长 before a name. What follows must read as a
//! personal name: two or three Han characters opening with a common
//! surname (four with a compound one), or words jieba tags as personal
//! names (詹姆士潘迪拉). The spans do not change: only the names claimants
//! go by.

use super::Found;
use std::collections::{HashMap, HashSet};

/// How an office or role ends (厅长, 市委书记, 首席执行官, 队员, 发言人):
/// text ending so is a title when a personal name follows it.
const TITLE_ENDS: &[&str] = &[
    "长",
    "书记",
    "主任",
    "主席",
    "总理",
    "总统",
    "首相",
    "总裁",
    "经理",
    "总监",
    "官",
    "员",
    "发言人",
    "负责人",
    "创始人",
    "主持人",
    "制片人",
    "出品人",
    "代言人",
    "合伙人",
    "经纪人",
    "常委",
    "代表",
    "教授",
    "博士",
    "专家",
    "学者",
    "记者",
    "编辑",
    "主编",
    "总编",
    "导演",
    "编剧",
    "演员",
    "歌手",
    "作家",
    "诗人",
    "律师",
    "医生",
    "老师",
    "教练",
    "大使",
    "领事",
    "参赞",
    "司令",
    "将军",
    "政委",
    "师",
    "家",
    "董事",
    "顾问",
    "助理",
    "秘书",
    "干部",
    "工作者",
    "网友",
    "博主",
    "主播",
    "选手",
    "的",
];

/// Whether `name` ends in an office or role (四川某公司董事长, 编剧), so
/// that it names one person even without a personal name; 的 and 家
/// (国家) are left out.
pub(super) fn ends_with_title(name: &str) -> bool {
    TITLE_ENDS
        .iter()
        .filter(|t| !matches!(**t, "的" | "家"))
        .any(|t| name.ends_with(t))
}

/// Titles in Latin letters (苹果CEO乔布斯).
const LATIN_TITLES: &[&str] = &["CEO", "CFO", "COO", "CTO", "VP"];

/// Honorifics after a full name (李静先博士).
const HONORIFICS: &[&str] = &[
    "先生", "女士", "小姐", "博士", "教授", "老师", "同志", "医生", "律师", "夫人",
];

/// Titles and honorifics that follow a bare surname (金所长, 胡先生, 王总).
const TITLES_AFTER_SURNAMES: &[&str] = &[
    "先生",
    "女士",
    "小姐",
    "夫人",
    "同志",
    "博士",
    "教授",
    "老师",
    "医生",
    "律师",
    "师傅",
    "老板",
    "总",
    "董",
    "所长",
    "局长",
    "部长",
    "厅长",
    "处长",
    "科长",
    "司长",
    "院长",
    "校长",
    "市长",
    "省长",
    "县长",
    "区长",
    "镇长",
    "村长",
    "社长",
    "台长",
    "行长",
    "会长",
    "队长",
    "团长",
    "组长",
    "站长",
    "馆长",
    "董事长",
    "理事长",
    "秘书长",
    "书记",
    "主任",
    "主席",
    "总理",
    "总统",
    "总裁",
    "经理",
    "总监",
    "大使",
    "警官",
    "法官",
    "记者",
    "导演",
    "教练",
];

/// jieba's tags of personal names.
const PERSON_TAGS: &[&str] = &["nr", "nrfg", "nrt"];

/// Common Chinese surnames of one character.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘\
    于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史\
    陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿\
    关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲\
    房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧\
    闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥班储栗燕\
    楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚权帅屠朴练廉禹井祖漆巴丰卿狄计索宣晋初芮扈晁阙浦戈伏鹿薄邸\
    雍辜羊裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危银亢嵇湛宾戎勾茅於揭尉冶檀衣信展昝幸奉植衡富尧";

/// Common Chinese surnames of two characters.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "澹台", "端木", "独孤", "南宫", "西门", "呼延", "轩辕",
];

/// How many characters `s` has when it is all Han (or the middle dot of
/// transliterated names), else `None`.
fn han_count(s: &str) -> Option<usize> {
    s.chars()
        .all(|c| super::zh::is_han(c) || c == '·')
        .then(|| s.chars().count())
}

/// The surname `name` opens with, of one or two characters.
fn surname_of(name: &str) -> Option<&str> {
    if let Some(c) = COMPOUND_SURNAMES.iter().find(|c| name.starts_with(**c)) {
        return Some(c);
    }
    let first = name.chars().next()?;
    SURNAMES.contains(first).then(|| &name[..first.len_utf8()])
}

/// How many of [`SURNAMES`] (the commonest first) may open a name that
/// jieba's dictionary holds, for [`mentioned_name`].
const COMMONEST_SURNAMES: usize = 100;

/// The person's name in a word jieba tagged as a personal name in running
/// text, if it holds one to take as a mention: names joined by a middle
/// dot (温斯顿·史密斯); a surname with a title (金医生); a common surname
/// and one or two more characters that are no title (朱耀廷, 李简), also
/// when jieba glued a character before it (出孙启勤 → 孙启勤). jieba's tag
/// alone is not enough: its dictionary tags 红卫兵, 小圈子, 孙子, 高峰 and
/// 幸运儿 as names, so a dictionary word must have three characters and
/// one of the commonest surnames (毛泽东).
pub fn mentioned_name(word: &str) -> Option<&str> {
    let n = han_count(word)?;
    if word.contains('·') {
        return (n >= 3).then_some(word);
    }
    if surname_with_title(word).is_some() {
        return Some(word);
    }
    let in_dictionary = crate::index::analysis::jieba().has_word(word);
    let full = |w: &str| {
        surname_of(w).is_some_and(|surname| {
            let given = &w[surname.len()..];
            (1..=2).contains(&given.chars().count()) && !TITLES_AFTER_SURNAMES.contains(&given)
        })
    };
    if !in_dictionary {
        if full(word) {
            return Some(word);
        }
        let tail = &word[word.chars().next()?.len_utf8()..];
        return (n == 4 && full(tail)).then_some(tail);
    }
    let common = SURNAMES
        .chars()
        .take(COMMONEST_SURNAMES)
        .any(|c| word.starts_with(c));
    (n == 3 && common && full(word)).then_some(word)
}

/// Whether `name` reads as a person's full name: a common surname and
/// one or two more Han characters that are no title (杜杰, 欧阳修; not
/// 金所长), or words jieba tags as personal names only, two to ten
/// characters (詹姆士潘迪拉, 弗雷德里克). jieba has a veto: a name it reads
/// as one word of another kind is that word (方法, 高明). It is no body's
/// name either (国防部).
fn is_personal_name(name: &str) -> bool {
    let Some(n) = han_count(name) else {
        return false;
    };
    if !(2..=10).contains(&n) || super::zh::reads_as_body(name) {
        return false;
    }
    let tags = crate::index::analysis::jieba().tag(name, true);
    let all_person = tags.iter().all(|t| PERSON_TAGS.contains(&t.tag));
    // 李某 is someone unnamed.
    let chinese = surname_of(name).is_some_and(|surname| {
        let given = &name[surname.len()..];
        (1..=2).contains(&given.chars().count())
            && !TITLES_AFTER_SURNAMES.contains(&given)
            && !given.ends_with('某')
    });
    match tags.as_slice() {
        [_] => {
            all_person
                && !name.ends_with('某')
                && !TITLES_AFTER_SURNAMES.iter().any(|t| name.ends_with(t))
        }
        _ => chinese || all_person,
    }
}

/// Whether `name` reads as a person's: a personal name (module doc), or
/// one with a title or honorific that [`without_title`] takes off
/// (刘天模教授).
pub fn reads_as_person(name: &str) -> bool {
    is_personal_name(name) || without_title(name).is_some_and(|n| is_personal_name(&n))
}

/// `name` without an office, role or relative clause before a personal
/// name, and without an honorific after it (module doc); `None` when
/// nothing goes.
pub fn without_title(name: &str) -> Option<String> {
    if !name.chars().any(super::zh::is_han) {
        return None;
    }
    let mut rest = name.trim();
    if let Some(h) = HONORIFICS.iter().find(|h| rest.ends_with(**h)) {
        let before = &rest[..rest.len() - h.len()];
        if is_personal_name(before) || ends_with_title_and_name(before).is_some() {
            rest = before;
        }
    }
    if let Some(at) = ends_with_title_and_name(rest) {
        rest = &rest[at..];
    }
    (rest != name.trim()).then(|| rest.to_owned())
}

/// The body an unnamed spokesperson speaks for (外交部发言人 → 外交部,
/// 商务部新闻发言人 → 商务部), as "a spokesman for the ministry" is the
/// ministry's in English: when what comes before 发言人 ends as a body's
/// name does. `None` otherwise (耐克香港发言人, 发言人).
fn body_of_spokesperson(name: &str) -> Option<&str> {
    spokesperson_of(name).filter(|body| !body.is_empty() && super::zh::reads_as_body(body))
}

/// Whose spokesperson `name` is: what comes before (的)(新闻)发言人
/// (外交部发言人 → 外交部, 他的发言人 → 他), or `None` when it names no
/// spokesperson.
pub(super) fn spokesperson_of(name: &str) -> Option<&str> {
    let before = ["新闻发言人", "发言人"]
        .iter()
        .find_map(|role| name.strip_suffix(role))?;
    Some(before.strip_suffix('的').unwrap_or(before))
}

/// Where the personal name after a title begins in `s`, when `s` ends
/// with one (the shortest such name).
fn ends_with_title_and_name(s: &str) -> Option<usize> {
    s.char_indices()
        .rev()
        .skip(1)
        .take(10)
        .map(|(at, _)| at)
        .find(|&at| {
            let before = &s[..at];
            let titled = TITLE_ENDS.iter().any(|t| before.ends_with(t))
                || LATIN_TITLES.iter().any(|t| before.ends_with(t));
            titled && is_personal_name(&s[at..])
        })
}

/// The surname of a name written as surname and title or honorific (金所长,
/// 胡先生, 欧阳教授), or `None`.
pub(super) fn surname_with_title(name: &str) -> Option<&str> {
    let surname = surname_of(name)?;
    TITLES_AFTER_SURNAMES
        .contains(&&name[surname.len()..])
        .then_some(surname)
}

/// Mentions of a surname read for a full name after it, at most: a
/// hostile text with the surname on every line costs no more.
const MAX_MENTIONS_READ: usize = 200;

/// The full names of people of `surname` that `text` writes out next to
/// `title` (胡继忠先生 for 胡先生, 所长金明岸 for 金所长), first seen first,
/// stopping at the second: the first word jieba reads from a mention of
/// the surname on, when it is a personal name of two or three characters
/// that the title stands right before or after. Any other full name of the
/// surname is not enough: 刘先生 is no 刘翔 because the article names the
/// athlete.
fn full_names_in_text(text: &str, surname: &str, title: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (at, _) in text.match_indices(surname).take(MAX_MENTIONS_READ) {
        let end = text[at..]
            .char_indices()
            .nth(surname.chars().count() + 5)
            .map_or(text.len(), |(i, _)| at + i);
        let tags = crate::index::analysis::jieba().tag(&text[at..end], true);
        let Some(first) = tags.first() else { continue };
        let titled =
            text[..at].ends_with(title) || text[at + first.word.len()..].starts_with(title);
        if titled
            && PERSON_TAGS.contains(&first.tag)
            && first.word.starts_with(surname)
            && surname_with_title(first.word).is_none()
            && is_personal_name(first.word)
            && !names.iter().any(|n| n == first.word)
        {
            names.push(first.word.to_owned());
            if names.len() > 1 {
                break;
            }
        }
    }
    names
}

/// Gives each Chinese claimant and reporter of `found` the name of the
/// person it stands for (module doc); `known` tells names the gazetteer
/// resolves, which stay as written.
pub fn full_names(text: &str, found: &mut [Found], known: impl Fn(&str) -> bool) {
    let names: HashSet<&String> = found
        .iter()
        .flat_map(|f| f.claimant.iter().chain(&f.reporters))
        .filter(|n| !n.starts_with('@'))
        .collect();
    let renamed: HashMap<String, String> = names
        .into_iter()
        .filter(|n| !known(n))
        .map(|n| {
            let plain = without_title(n)
                .or_else(|| body_of_spokesperson(n).map(str::to_owned))
                .unwrap_or_else(|| n.clone());
            (n.clone(), plain)
        })
        .collect();
    // The article's full names, by surname, to read 金所长 by.
    let mut full: HashMap<&str, Vec<&str>> = HashMap::new();
    for name in renamed.values() {
        if let Some(surname) = surname_of(name)
            && surname_with_title(name).is_none()
            && is_personal_name(name)
        {
            let list = full.entry(surname).or_default();
            if !list.contains(&name.as_str()) {
                list.push(name);
            }
        }
    }
    // A surname no claimant gives in full: the full names the text gives
    // with the same title.
    let mut in_text: HashMap<&str, Vec<String>> = HashMap::new();
    for plain in renamed.values() {
        if let Some(surname) = surname_with_title(plain)
            && !full.contains_key(surname)
            && !in_text.contains_key(plain.as_str())
        {
            let title = &plain[surname.len()..];
            in_text.insert(plain, full_names_in_text(text, surname, title));
        }
    }
    let mut to: HashMap<String, String> = HashMap::new();
    for (written, plain) in &renamed {
        let surname = surname_with_title(plain);
        let full = surname.and_then(|s| full.get(s)).map(Vec::as_slice);
        let in_text = in_text.get(plain.as_str()).map(Vec::as_slice);
        let name = match (full, in_text) {
            (Some([one]), _) => (*one).to_owned(),
            (None, Some([one])) => one.clone(),
            _ => plain.clone(),
        };
        if name != *written {
            to.insert(written.clone(), name);
        }
    }
    let rename = |name: &mut String| {
        if let Some(full) = to.get(name.as_str()) {
            *name = full.clone();
        }
    };
    for f in found.iter_mut() {
        if let Some(c) = f.claimant.as_mut() {
            rename(c);
        }
        f.reporters.iter_mut().for_each(rename);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offices_roles_and_clauses_before_a_name_go() {
        for (written, name) in [
            ("西藏自治区农业农村厅厅长杜杰", "杜杰"),
            ("盐城市委副书记、代市长周斌", "周斌"),
            ("江苏省委常委、苏州市委书记曹路宝", "曹路宝"),
            ("文化和旅游部部长孙业礼", "孙业礼"),
            ("外交部发言人毛宁", "毛宁"),
            ("苹果CEO乔布斯", "乔布斯"),
            ("福特总裁兼首席执行官詹姆士潘迪拉", "詹姆士潘迪拉"),
            ("香港篮球队的现役核心队员李伟伦", "李伟伦"),
            ("高中毕业的于欢", "于欢"),
            ("负责该调查的体育运动科学系主任李静先博士", "李静先"),
            ("研制人员弗雷德里克", "弗雷德里克"),
        ] {
            assert_eq!(without_title(written).as_deref(), Some(name), "{written}");
        }
    }

    #[test]
    fn an_unnamed_spokesperson_is_the_body_s_voice() {
        for (written, body) in [
            ("外交部发言人", Some("外交部")),
            ("商务部新闻发言人", Some("商务部")),
            ("国家广电总局的发言人", Some("国家广电总局")),
            ("耐克香港发言人", None),
            ("发言人", None),
            ("外交部", None),
        ] {
            assert_eq!(body_of_spokesperson(written), body, "{written}");
        }
        // Named, the spokesperson is the person.
        let mut f = found(&["外交部发言人", "外交部发言人毛宁"]);
        full_names("", &mut f, |_| false);
        let names: Vec<_> = f.iter().map(|f| f.claimant.clone().unwrap()).collect();
        assert_eq!(names, ["外交部", "毛宁"]);
    }

    #[test]
    fn what_is_no_title_before_a_name_stays() {
        for written in [
            "耐克香港发言人",
            "长江集团",
            "郭荣梅",
            "胡先生",
            "金所长",
            "国家广电总局",
            "新华社",
            "知情人士",
            "美国国务院和国防部",
            "Apple",
            "",
        ] {
            assert_eq!(without_title(written), None, "{written}");
        }
    }

    fn found(claimants: &[&str]) -> Vec<Found> {
        claimants
            .iter()
            .map(|c| Found {
                source: None,
                cue: super::super::Span::one(0..0),
                content: super::super::Span::one(0..0),
                kind: super::super::AttributionKind::Indirect,
                claimant: Some((*c).to_owned()),
                reporters: Vec::new(),
            })
            .collect()
    }

    fn names_after(claimants: &[&str]) -> Vec<String> {
        let mut f = found(claimants);
        full_names("", &mut f, |n| n == "外交部");
        f.into_iter().filter_map(|f| f.claimant).collect()
    }

    #[test]
    fn a_surname_with_a_title_becomes_the_article_s_one_full_name() {
        assert_eq!(
            names_after(&["研究所所长金大中", "金所长", "胡先生", "外交部"]),
            ["金大中", "金大中", "胡先生", "外交部"]
        );
        // Two people of the surname: as written.
        assert_eq!(
            names_after(&["金大中", "金小明", "金所长"]),
            ["金大中", "金小明", "金所长"]
        );
        // No claimant gives the full name: the text does, next to the
        // same title; a namesake without it is someone else.
        let text = "据这家诊所的所长金明岸介绍，她们中有人20年没有回家。金所长说，\
                    问题在丈夫。刘翔的鞋有气垫。刘先生说，鞋不合脚。";
        let mut f = found(&["金所长", "刘先生"]);
        full_names(text, &mut f, |_| false);
        assert_eq!(f[0].claimant.as_deref(), Some("金明岸"));
        assert_eq!(f[1].claimant.as_deref(), Some("刘先生"));
        // A hostile text with the surname on every line costs a bounded
        // reading, and finds nobody.
        let text = "王".repeat(100_000);
        let mut f = found(&["王先生"]);
        full_names(&text, &mut f, |_| false);
        assert_eq!(f[0].claimant.as_deref(), Some("王先生"));
        // Reporters are renamed too.
        let mut f = found(&["外交部发言人毛宁"]);
        f[0].reporters.push("新华社记者王小明".to_owned());
        full_names("", &mut f, |_| false);
        assert_eq!(f[0].claimant.as_deref(), Some("毛宁"));
        assert_eq!(f[0].reporters, ["王小明"]);
    }
}
