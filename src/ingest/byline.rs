//! Author names from a byline as pages write it.
//!
//! A page's author field often holds the whole visible byline: a label
//! ("By", "Analysis by", "Текст:"), several names ("A, B and C"), the
//! writer's outlet or role after a comma ("Jill Disis, CNN Business",
//! "GREG BEACHAM, AP Sports Writer"), credentials ("MS, RDN") and the date,
//! sometimes glued to the name ("Carrie ArnoldNovember 15, 2019"). Author
//! names become claimants of the article's own assertions, so each person
//! is kept as a name of their own and the rest is cut off.

/// Words after which a byline says when, or who else did what.
const WHEN_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "print",
    "follow",
    "edited",
    "reviewed",
    "photos",
    "photographs",
    "illustrations",
    // "Jose AltoverosView More Articles"
    "view",
];

/// Bylines that name an account or a desk, not a writer ("admin",
/// "Editorial"): the publisher stands for the article instead.
const NOT_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "webmaster",
    "editor",
    "editors",
    "editorial",
    "staff",
    "staff writer",
    "staff reports",
    "staff report",
    "newsroom",
    "news desk",
    "web desk",
    "guest",
    "guest author",
    "anonymous",
    "unknown",
    "author",
];

/// Whether a byline's name is an account or a desk ([`NOT_NAMES`], or a
/// user name ending in "admin": "jdadmin").
fn is_account(name: &str) -> bool {
    let lower = name.to_lowercase();
    NOT_NAMES.contains(&lower.as_str()) || (!lower.contains(' ') && lower.ends_with("admin"))
}

/// Last labels of the host names that author fields give instead of a
/// person ("www.yunnan.cn").
const TOP_LEVEL_DOMAINS: &[&str] = &[
    "com", "cn", "net", "org", "gov", "edu", "info", "io", "co", "uk", "hk", "tw",
];

/// Whether a name is a web site's host name: lower case, no space, labels
/// joined by dots, the last a common top-level domain.
fn is_host_name(name: &str) -> bool {
    let labels: Vec<&str> = name.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| TOP_LEVEL_DOMAINS.contains(tld))
}

/// A Chinese name of two characters without the space that pages pad it
/// with to the width of a three-character one ("赵 培" → "赵培").
fn unpadded(name: &str) -> String {
    let mut chars = name.split_whitespace();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(a), Some(b), None)
            if [a, b]
                .iter()
                .all(|c| c.chars().count() == 1 && c.chars().all(crate::attribute::zh::is_han)) =>
        {
            format!("{a}{b}")
        }
        _ => name.to_owned(),
    }
}

/// Separators after which a byline goes on with something other than names.
const SEPARATORS: &[&str] = &["|", "•", "·", " — ", " – ", " - ", "\n"];

/// How much of an author field is read.
const MAX_CHARS: usize = 300;

/// Credentials written after a name ("Rachael Link, MS, RD").
const CREDENTIALS: &[&str] = &[
    "ms", "rd", "rdn", "md", "phd", "mph", "mba", "cpt", "ld", "ldn", "cdn", "rn", "np", "ma",
    "ba", "bsc", "msc",
];

/// The person (or organisation) names in a byline, in order, without
/// duplicates. Empty when nothing in it looks like a name.
pub fn names(raw: &str) -> Vec<String> {
    // A byline is short; a hostile or broken author field is not read
    // further than this (the rules below look back and ahead per character).
    let raw = match raw.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => &raw[..end],
        None => raw,
    };
    let s: String = without_brackets(raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let s = after_label(&s);
    let s = after_by(s);
    let s = before_date(s);
    let s = trim_edges(s);
    let mut out: Vec<String> = Vec::new();
    for name in members(s) {
        let name = unpadded(trim_edges(&name));
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2
            && name.chars().count() <= 60
            && !name.contains("http")
            && !is_host_name(&name)
            && !is_account(&name)
            && !out.contains(&name)
        {
            out.push(name);
        }
    }
    out
}

/// The byline without what it says in brackets at its end ("(http://…)",
/// "(@handle)"); brackets inside a name stay ("Bruno (Henrique) Rodrigues").
fn without_brackets(raw: &str) -> &str {
    let mut s = raw.trim_end();
    while let Some(inner) = s.strip_suffix([')', '）']) {
        match inner.rfind(['(', '（']) {
            Some(open) if open > 0 => s = inner[..open].trim_end(),
            _ => break,
        }
    }
    s
}

/// Drops a label ending in a colon ("Text: ", "Текст: ", "Author: ").
fn after_label(s: &str) -> &str {
    let Some(at) = s.find([':', '：']) else {
        return s;
    };
    let label = &s[..at];
    if label.split_whitespace().count() <= 2 && !label.chars().any(|c| c.is_ascii_digit()) {
        let colon = s[at..].chars().next().map_or(1, char::len_utf8);
        return s[at + colon..].trim_start();
    }
    s
}

/// "By" in other languages, taken only as a byline's first word ("por",
/// "par", "von", "door"), since names contain some of them.
const BY_FIRST: &[&str] = &["por", "par", "von", "door"];

/// Drops what comes before "by" among the first words ("By", "Analysis by",
/// "Written by").
fn after_by(s: &str) -> &str {
    let mut at = 0;
    for (n, word) in s.split(' ').enumerate() {
        if n >= 4 {
            break;
        }
        let lower = word.to_lowercase();
        // "Dawgs By Nature" is a name: after the first word, only "by".
        let by = if n == 0 { lower == "by" } else { word == "by" };
        if by || (n == 0 && BY_FIRST.contains(&lower.as_str()) && s.len() > word.len()) {
            return s[at + word.len()..].trim_start();
        }
        at += word.len() + 1;
    }
    s
}

/// Cuts the byline where the date or other non-name matter starts.
fn before_date(s: &str) -> &str {
    let mut end = s.len();
    for sep in SEPARATORS {
        if let Some(i) = s.find(sep) {
            end = end.min(i);
        }
    }
    // A word starting with a digit ("19 November", "2019-04-10", "1 day ago").
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        if i >= end {
            break;
        }
        let glued = i > 0 && bytes[i - 1].is_ascii_alphabetic() && s[..i].contains(' ');
        if c.is_ascii_digit() && (i == 0 || bytes[i - 1] == b' ' || glued) {
            end = i;
            break;
        }
        if is_date_word_at(s, i) || is_handle_at(s, i) || is_glued_outlet_at(s, i) {
            end = i;
            break;
        }
    }
    &s[..end]
}

/// A social handle ("@ann_smith") after the name.
fn is_handle_at(s: &str, i: usize) -> bool {
    i > 0 && s[i..].starts_with('@') && s[..i].ends_with(' ')
}

/// An outlet glued to a name in capitals ("JILL LAWLESSAssociated Press"),
/// or written in capitals after a name that is not ("Kevin McCoy USA TODAY").
fn is_glued_outlet_at(s: &str, i: usize) -> bool {
    let mut before = s[..i].chars().rev();
    let (Some(b1), Some(b2)) = (before.next(), before.next()) else {
        return false;
    };
    let mut here = s[i..].chars();
    let (Some(c0), Some(c1)) = (here.next(), here.next()) else {
        return false;
    };
    if b1.is_uppercase() && b2.is_uppercase() && c0.is_uppercase() && c1.is_lowercase() {
        return true;
    }
    // A word in capitals after a name in mixed case.
    let previous = s[..i].trim_end().rsplit(' ').next().unwrap_or("");
    if b1 != ' ' || previous == "and" || !previous.chars().any(char::is_lowercase) {
        return false;
    }
    let word: &str = s[i..].split(' ').next().unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word.chars().all(|c| !c.is_lowercase())
        && !matches!(word, "II" | "III" | "IV" | "JR" | "SR" | "JR." | "SR.")
}

/// Whether a month or weekday name that starts at byte `i` begins
/// a date: at a word's start or glued to a name ("ArnoldNovember"), then a
/// number ("November 15", "Nov. 15") or a comma ("Monday, …").
fn is_date_word_at(s: &str, i: usize) -> bool {
    let rest = &s[i..];
    let Some(first) = rest.chars().next().filter(|c| c.is_alphabetic()) else {
        return false;
    };
    let before = s[..i].chars().next_back();
    let starts_word = match before {
        None | Some(' ') => true,
        Some(b) => b.is_lowercase() && first.is_uppercase(),
    };
    if !starts_word {
        return false;
    }
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = rest[..word_len].to_lowercase();
    let after = &rest[word_len..];
    let after_dot = after.strip_prefix('.').unwrap_or(after);
    let number_follows = after_dot
        .strip_prefix(' ')
        .or_else(|| after_dot.strip_prefix(", "))
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
    (super::dates::month_number(&word).is_some() && number_follows)
        || (super::dates::WEEKDAYS.contains(&word.as_str())
            && (after.starts_with(',') || number_follows))
        || (WHEN_WORDS.contains(&word.as_str()) && before.is_some())
}

fn trim_edges(s: &str) -> &str {
    let edge = |c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '.' | '-' | '|' | '—' | '–' | '/' | ':')
    };
    let from_start = s.trim_start_matches(edge);
    let t = from_start.trim_end_matches(edge);
    // An initial keeps its stop ("Smith, F.").
    let last_word = t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if t.len() > 1 && last_word.chars().count() == 1 && from_start[t.len()..].starts_with('.') {
        return &from_start[..t.len() + 1];
    }
    t
}

/// The names of a byline cut of its date: comma parts are separate people
/// when the list ends in "and" ("A, B and C"); otherwise what follows the
/// first comma is the writer's outlet, role or credentials.
fn members(s: &str) -> Vec<String> {
    let parts: Vec<&str> = split_parts(s);
    // "Kooman, F." or "Jong, Michiel de": one name, surname first.
    if parts.len() == 2 && !parts[0].contains(' ') && !s.contains('、') && !has_and(s) {
        return vec![s.to_owned()];
    }
    let ends_in_and = parts
        .last()
        .is_some_and(|p| has_and(p) && p.split(' ').count() <= 8);
    let list = parts.len() > 1 && (ends_in_and || s.contains('、'));
    let kept: &[&str] = if list {
        &parts
    } else {
        &parts[..parts.len().min(1)]
    };
    kept.iter()
        .flat_map(|p| split_and(p))
        .filter(|n| !is_credential(n))
        .collect()
}

/// Splits at commas, semicolons, "、", and at a full stop that ends a word
/// rather than an initial ("Finian Cunningham. Sputnik International").
fn split_parts(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let cut = match c {
            ',' | ';' | '、' => true,
            '.' => {
                let word_before = chars[..k]
                    .iter()
                    .rev()
                    .take_while(|(_, c)| c.is_alphabetic())
                    .count();
                word_before >= 2 && chars.get(k + 1).is_some_and(|&(_, c)| c == ' ')
            }
            _ => false,
        };
        if cut {
            out.push(s[start..i].trim());
            start = i + c.len_utf8();
        }
    }
    out.push(s[start..].trim());
    out.retain(|p| !p.is_empty());
    out
}

fn has_and(p: &str) -> bool {
    p.starts_with("and ") || p.contains(" and ") || p.contains(" & ") || p.starts_with("& ")
}

fn split_and(p: &str) -> Vec<String> {
    let names: Vec<String> = p
        .replace(" & ", " and ")
        .split(" and ")
        .map(|n| n.trim_start_matches("and ").trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    // "Mac & i" is one name: both sides of a join are names of their own.
    if names
        .iter()
        .any(|n| n.chars().filter(|c| c.is_alphabetic()).count() < 2)
    {
        return vec![p.to_owned()];
    }
    names
}

fn is_credential(p: &str) -> bool {
    let lower: String = p
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    !p.contains(' ') && CREDENTIALS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn a_plain_name_is_kept_as_it_is() {
        assert_eq!(names("Bruce Y. Lee"), ["Bruce Y. Lee"]);
        assert_eq!(names("Sarah E. Needleman"), ["Sarah E. Needleman"]);
        assert_eq!(names("Theresa May"), ["Theresa May"]);
        assert_eq!(names("April Ryan"), ["April Ryan"]);
        assert_eq!(names("张伟"), ["张伟"]);
        assert_eq!(names("rmb8090"), ["rmb8090"]);
        assert_eq!(names("Example & i"), ["Example & i"]);
        assert_eq!(names("Smith, F."), ["Smith, F."]);
        assert_eq!(names("Jong, Ann de"), ["Jong, Ann de"]);
        assert_eq!(names("Ann Smith (http://example.org/ann/)"), ["Ann Smith"]);
        assert_eq!(names("Ann (Mary) Smith"), ["Ann (Mary) Smith"]);
    }

    #[test]
    fn labels_and_by_are_dropped() {
        assert_eq!(names("By Li Wei"), ["Li Wei"]);
        assert_eq!(names("Text: Ann Smith"), ["Ann Smith"]);
        assert_eq!(names("Текст: Анна Смирнова"), ["Анна Смирнова"]);
        assert_eq!(names("Analysis by Ann Smith, Example Times"), ["Ann Smith"]);
        assert_eq!(names("BY ANN SMITH"), ["ANN SMITH"]);
        assert_eq!(names("Dogs By Nature"), ["Dogs By Nature"]);
        assert_eq!(names("por Ana Pérez 1 de diciembre de 2017"), ["Ana Pérez"]);
        assert_eq!(
            names("Written by Ann Smith Edited by Li Wei"),
            ["Ann Smith"]
        );
    }

    #[test]
    fn dates_and_times_are_cut_off_even_when_glued_to_the_name() {
        assert_eq!(names("Ann Smith November 19, 2019, 9:02 AM"), ["Ann Smith"]);
        assert_eq!(names("Ann SmithNovember 15, 2019"), ["Ann Smith"]);
        assert_eq!(names("Ann SmithMonday, November 18, 2019"), ["Ann Smith"]);
        assert_eq!(names("ANN SMITH - 2019-04-10"), ["ANN SMITH"]);
        assert_eq!(names("Ann Smith22 Dec 2016651"), ["Ann Smith"]);
        assert_eq!(names("Ann Smith — Nov. 18, 2019"), ["Ann Smith"]);
        assert_eq!(
            names("Example Sport 19 November 2019 • 1:16pm Follow"),
            ["Example Sport"]
        );
        assert_eq!(names("Ann Smith, Example News 1 day ago"), ["Ann Smith"]);
        assert_eq!(
            names("Ann Smith | November 18, 2019 12:26 PM Print this article"),
            ["Ann Smith"]
        );
        assert_eq!(
            names("EXAMPLE POST STAFF NOVEMBER 20, 2019 10:43"),
            ["EXAMPLE POST STAFF"]
        );
    }

    #[test]
    fn several_authors_become_several_names() {
        assert_eq!(
            names("ANN SMITH, MARY JANE LEE and LI WEI"),
            ["ANN SMITH", "MARY JANE LEE", "LI WEI"]
        );
        assert_eq!(
            names("ANN SMITH and LI WEI, Example Press"),
            ["ANN SMITH", "LI WEI"]
        );
        assert_eq!(
            names("Ann Smith and Trevor J. Mitchell"),
            ["Ann Smith", "Trevor J. Mitchell"]
        );
        assert_eq!(names("Ann Smith & Li Wei"), ["Ann Smith", "Li Wei"]);
        assert_eq!(
            names("ANN SMITH and LI WEIExample Press"),
            ["ANN SMITH", "LI WEI"]
        );
        assert_eq!(
            names("Ann Smith and Li Wei EXAMPLE TODAY"),
            ["Ann Smith", "Li Wei"]
        );
        assert_eq!(names("Ann Smith @AnnSmith"), ["Ann Smith"]);
        assert_eq!(names("John Smith III"), ["John Smith III"]);
        assert_eq!(names("张伟、李明"), ["张伟", "李明"]);
    }

    #[test]
    fn a_host_name_is_no_author_and_a_padded_chinese_name_is_closed_up() {
        assert!(names("www.yunnan.cn").is_empty());
        assert!(names("news.example.com").is_empty());
        assert_eq!(names("赵 培"), ["赵培"]);
        assert_eq!(names("赵 培、王建宏"), ["赵培", "王建宏"]);
        // Not host names: a person with initials, a handle with a dot;
        // not padded: a name of three characters, or two words.
        assert_eq!(names("J.R. Smith"), ["J.R. Smith"]);
        assert_eq!(names("john.smith"), ["john.smith"]);
        assert_eq!(names("欧阳 修文"), ["欧阳 修文"]);
        assert_eq!(names("Li Wei"), ["Li Wei"]);
    }

    #[test]
    fn outlets_roles_and_credentials_after_the_name_are_dropped() {
        assert_eq!(names("Ann Smith, Example Business"), ["Ann Smith"]);
        assert_eq!(names("ANN SMITH, Example Sports Writer"), ["ANN SMITH"]);
        assert_eq!(names("Ann Smith, MS, RDN"), ["Ann Smith"]);
        assert_eq!(names("Ann Smith, Staff writer"), ["Ann Smith"]);
        assert_eq!(names("Ann Smith. Example International"), ["Ann Smith"]);
        assert_eq!(
            names("Ann Smith | Example Media for example.com"),
            ["Ann Smith"]
        );
    }

    #[test]
    fn a_huge_author_field_is_read_only_as_far_as_a_byline_goes() {
        let huge = format!("Ann Smith and {}", "x".repeat(5_000_000));
        let found = names(&huge);
        assert_eq!(found.len(), 1, "{}", found.len());
        assert_eq!(found[0], "Ann Smith");
        let huge = "Ann".repeat(2_000_000);
        assert!(names(&huge).iter().all(|n| n.chars().count() <= 60));
    }

    #[test]
    fn nothing_name_like_gives_nothing() {
        assert!(names("").is_empty());
        assert!(names("  , | ").is_empty());
        assert!(names("2019-04-10").is_empty());
        assert!(names("By").is_empty());
    }

    #[test]
    fn accounts_and_desks_are_no_writers() {
        for byline in [
            "admin",
            "By jdadmin",
            "Editorial",
            "Staff Reports",
            "Webmaster",
        ] {
            assert!(names(byline).is_empty(), "{byline}");
        }
        assert_eq!(
            names("Jose AltoverosView More Articles"),
            ["Jose Altoveros"]
        );
        // A name that merely contains the words stays.
        assert_eq!(names("Ed Itorial"), ["Ed Itorial"]);
        assert_eq!(names("Sam Admin Jones"), ["Sam Admin Jones"]);
    }
}
