//! Tokens and sentences of an English text, with byte ranges, quotation
//! state and paragraph breaks: what the attribution model reads.
//!
//! Words keep inner hyphens and apostrophes (`don't`, `micro-drama`); a
//! possessive `'s` is its own token, as are punctuation marks and quotation
//! marks. Sentences end at `.`, `!` or `?` (and any closing quotes,
//! brackets or reference marks like `[88]` written onto them) before white
//! space and a capital, digit or quote, or a bracket opening onto a
//! capital — not after common abbreviations and initials — and at every
//! line break; a sentence longer than [`MAX_SENTENCE_TOKENS`] is cut.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and inner hyphens or apostrophes).
    Word,
    /// Digits, possibly with `.`/`,` inside (`3.5`, `1,000`).
    Number,
    /// A quotation mark.
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the text it covers.
    pub range: Range<usize>,
    /// Its kind.
    pub kind: TokenKind,
    /// True when it is inside double quotation marks (the marks themselves
    /// are not). The model's features read it as they were trained.
    pub in_quote: bool,
    /// As `in_quote`, and true also for a single mark (‘, ’, ') written
    /// inside a double quotation ("“… illegitimate ‘impeachment’
    /// proceedings …”"): the rules that look for a quotation's ends read
    /// it, so a single mark does not end the quotation for them.
    pub inside_quotation: bool,
    /// True when a line break separates it from the token before.
    pub after_break: bool,
}

/// A tokenised text: tokens and sentences as token ranges.
#[derive(Debug, Clone, Default)]
pub struct Tokenized {
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Sentences, as ranges of `tokens`, covering all of them in order.
    pub sentences: Vec<Range<usize>>,
}

impl Tokenized {
    /// Sentences as byte ranges of the text: from the first token's start
    /// to the last one's end.
    pub fn sentence_bytes(&self) -> Vec<Range<usize>> {
        self.sentences
            .iter()
            .filter(|r| !r.is_empty())
            .map(|r| self.tokens[r.start].range.start..self.tokens[r.end - 1].range.end)
            .collect()
    }

    /// The sentence index of each token.
    pub fn sentence_of(&self) -> Vec<usize> {
        let mut of = vec![0; self.tokens.len()];
        for (s, r) in self.sentences.iter().enumerate() {
            for t in r.clone() {
                of[t] = s;
            }
        }
        of
    }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '\'' | '‘' | '’' | '`'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st",
    "jr", "sr", "rev", "hon", "pres", "vs", "etc", "inc", "corp", "co", "ltd", "no", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "d.c", "e.g", "i.e", "a.m", "p.m", "mt", "ft", "fig", "vol",
];

/// Splits `text` into tokens and sentences.
pub fn tokenize(text: &str) -> Tokenized {
    let mut tokens: Vec<Token> = Vec::new();
    let mut in_quote = false;
    let mut pending_break = false;
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                pending_break = true;
                // A quotation does not run across paragraphs unclosed.
                in_quote = false;
            }
            chars.next();
            continue;
        }
        let (end, kind) = if is_word_char(c) {
            let mut end = i;
            let mut numeric = c.is_ascii_digit();
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    numeric &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                // Inner joiners: a hyphen or apostrophe between letters, a
                // point or comma between digits, an ampersand between
                // capitals ("AT&T", "PG&E").
                let joins = matches!(d, '-' | '\'' | '’' | '.' | ',' | '&');
                if joins {
                    let rest = &text[j + d.len_utf8()..];
                    let next = rest.chars().next();
                    let ok = match d {
                        '.' => {
                            numeric && next.is_some_and(|n| n.is_ascii_digit())
                                || !numeric && ends_a_domain(rest)
                        }
                        ',' => numeric && next.is_some_and(|n| n.is_ascii_digit()),
                        '\'' | '’' => {
                            // Keep "don't", split the possessive "'s".
                            next.is_some_and(is_word_char)
                                && (!matches!(next, Some('s' | 'S'))
                                    || rest[1..].chars().next().is_some_and(is_word_char))
                        }
                        '&' => {
                            text[i..j].chars().all(|c| c.is_uppercase())
                                && next.is_some_and(char::is_uppercase)
                        }
                        _ => next.is_some_and(is_word_char),
                    };
                    if ok {
                        chars.next();
                        continue;
                    }
                }
                break;
            }
            (
                end,
                if numeric {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            )
        } else if is_quote(c) {
            chars.next();
            // A possessive or elided `'s`.
            if matches!(c, '\'' | '’')
                && tokens
                    .last()
                    .is_some_and(|t| t.range.end == i && t.kind == TokenKind::Word)
                && let Some(&(j, s)) = chars.peek()
                && matches!(s, 's' | 'S')
                && !text[j + 1..].chars().next().is_some_and(is_word_char)
            {
                chars.next();
                tokens.push(Token {
                    range: i..j + 1,
                    kind: TokenKind::Word,
                    in_quote,
                    inside_quotation: in_quote,
                    after_break: false,
                });
                continue;
            }
            // Two single marks make one double mark: ''…'' (The New York
            // Times), ‘‘…’’, ``…''.
            let mut end = i + c.len_utf8();
            if matches!(c, '\'' | '‘' | '’' | '`')
                && let Some(&(j, d)) = chars.peek()
                && d == c
            {
                chars.next();
                end = j + d.len_utf8();
            }
            (end, TokenKind::Quote)
        } else {
            chars.next();
            (i + c.len_utf8(), TokenKind::Punct)
        };
        let end = if kind == TokenKind::Quote || kind == TokenKind::Punct {
            end
        } else {
            end.max(i + c.len_utf8())
        };
        let mut token = Token {
            range: i..end,
            kind,
            in_quote,
            inside_quotation: in_quote,
            after_break: pending_break,
        };
        pending_break = false;
        if kind == TokenKind::Quote {
            let double = match &text[i..end] {
                "“" | "„" | "«" | "‘‘" | "``" => Some(true),
                "”" | "»" | "’’" => Some(false),
                "\"" | "''" => Some(!in_quote),
                _ => None,
            };
            token.in_quote = false;
            // A single mark (a quotation inside a quotation, or an
            // apostrophe) stays inside the quotation it is written in.
            if let Some(opens) = double {
                in_quote = opens;
                token.inside_quotation = false;
            }
        }
        tokens.push(token);
    }
    let sentences = split_sentences(text, &tokens);
    Tokenized { tokens, sentences }
}

/// Top-level domains that close a site's name written in a text
/// ("PanARMENIAN.Net", "MakingStarWars.net", "bbc.co.uk"); only those that
/// are no English word, so that "said.It" stays two sentences.
const DOMAINS: &[&str] = &[
    "com", "net", "org", "gov", "edu", "io", "uk", "info", "biz", "tv", "cn", "ly", "fm",
];

/// Whether `rest`, the text after a point written straight after a word,
/// is the rest of a domain name: labels of letters, digits and hyphens
/// joined by points, the last one of [`DOMAINS`], and then no more of a
/// word.
fn ends_a_domain(rest: &str) -> bool {
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
        .unwrap_or(rest.len());
    let name = rest[..name_len].trim_end_matches('.');
    if rest[name.len()..].chars().next().is_some_and(is_word_char) {
        return false;
    }
    let mut labels = name.split('.');
    let last = labels.next_back().unwrap_or("");
    !name.is_empty()
        && name.split('.').all(|l| !l.is_empty())
        && DOMAINS.iter().any(|d| d.eq_ignore_ascii_case(last))
}

/// The longest sentence kept whole, in tokens (news sentences are well
/// under 100).
pub const MAX_SENTENCE_TOKENS: usize = 250;

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        // A run-on "sentence" (a list, a table flattened to text, hostile
        // input) is cut, so that the taggers' work per cue stays bounded.
        if i > start && (tokens[i].after_break || i - start >= MAX_SENTENCE_TOKENS) {
            sentences.push(start..i);
            start = i;
        }
        let t = &tokens[i];
        let s = &text[t.range.clone()];
        // Chinese full stops end a sentence whatever follows: Chinese
        // has no capitals to open the next one.
        let han_stop = matches!(s, "。" | "！" | "？");
        let ends = han_stop
            || matches!(s, "." | "!" | "?" | "…")
                && !is_abbreviation(text, tokens, i)
                && !is_decimal_point(text, tokens, i)
                && !opens_a_code(text, tokens, i);
        if ends {
            // Closing quotes and brackets belong to the sentence they end,
            // and so do reference marks written straight after it (".[88]").
            let mut j = i + 1;
            while j < tokens.len()
                && !tokens[j].after_break
                && tokens[j].range.start == tokens[j - 1].range.end
            {
                // Chinese is written without spaces: an opening mark after
                // a Chinese stop opens the next sentence.
                let opens_next = han_stop && matches!(&text[tokens[j].range.clone()], "“" | "‘");
                if tokens[j].kind == TokenKind::Quote && !opens_next
                    || matches!(&text[tokens[j].range.clone()], ")" | "]")
                {
                    j += 1;
                } else if let Some(end) = reference_mark(text, tokens, j) {
                    j = end;
                } else {
                    break;
                }
            }
            let starts = |n: &Token| {
                text[n.range.clone()].chars().next().is_some_and(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || is_quote(c)
                        || crate::index::analysis::is_han(c)
                })
            };
            // A sentence may open with a bracket: "… transaction. (Alibaba
            // said …".
            let next_starts = tokens.get(j).is_none_or(|n| {
                n.after_break
                    || starts(n)
                    || matches!(&text[n.range.clone()], "(" | "[")
                        && tokens.get(j + 1).is_some_and(|m| {
                            m.range.start == n.range.end && !m.after_break && starts(m)
                        })
            });
            if next_starts || han_stop {
                sentences.push(start..j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

/// The end (one past the "]") of a reference mark opening at token `j`:
/// "[", up to three words or numbers written together, "]" ("[88]", "[a]",
/// "[note 3]"); `None` when the tokens there are no such mark.
fn reference_mark(text: &str, tokens: &[Token], j: usize) -> Option<usize> {
    if &text[tokens[j].range.clone()] != "[" {
        return None;
    }
    let mut k = j + 1;
    while k < tokens.len() && k <= j + 4 {
        let t = &tokens[k];
        if t.after_break {
            return None;
        }
        if &text[t.range.clone()] == "]" {
            return (k > j + 1).then_some(k + 1);
        }
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether token `i` is a point written between two digits that the
/// tokenizer did not join into one number ("iTunes4.9", "面积4.7万").
fn is_decimal_point(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(before), Some(after)) = (i.checked_sub(1).map(|k| &tokens[k]), tokens.get(i + 1))
    else {
        return false;
    };
    text[tokens[i].range.clone()] == *"."
        && before.range.end == tokens[i].range.start
        && after.range.start == tokens[i].range.end
        && text[..before.range.end]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
        && text[after.range.start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
}

/// Whether token `i` is a point written after a space and before a word,
/// as a ticker code opens (Reuters' "the Dow Jones Industrial Average
/// .DJI fell"): a full stop is written against the word it follows.
fn opens_a_code(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens[i - 1].range.end < tokens[i].range.start
        && tokens.get(i + 1).is_some_and(|n| {
            n.range.start == tokens[i].range.end
                && text[n.range.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
}

fn is_abbreviation(text: &str, tokens: &[Token], i: usize) -> bool {
    if text[tokens[i].range.clone()] != *"." || i == 0 {
        return false;
    }
    let prev = &tokens[i - 1];
    if prev.range.end != tokens[i].range.start || prev.kind != TokenKind::Word {
        return false;
    }
    let word = &text[prev.range.clone()];
    // An initial ("J. Smith") or an abbreviation ("Mr.", "U.S.").
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || is_abbreviation_word(word)
}

/// Whether `word` (without its full stop) is an abbreviation after which a
/// full stop does not end a sentence ("Mr", "Sen", "U.S"), case aside.
pub fn is_abbreviation_word(word: &str) -> bool {
    ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
}

/// A word without a contracted auxiliary ("we’ve" → "we", "I'd" → "i"
/// when lower-cased); other words as they are.
pub fn without_contraction(word: &str) -> &str {
    for tail in ["ll", "ve", "re", "d", "m"] {
        for mark in ['\'', '’'] {
            if let Some(head) = word.strip_suffix(tail).and_then(|w| w.strip_suffix(mark))
                && !head.is_empty()
            {
                return head;
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .tokens
            .iter()
            .map(|t| &text[t.range.clone()])
            .collect()
    }

    #[test]
    fn words_keep_inner_joiners_and_split_possessives() {
        assert_eq!(
            words("Clinton’s team didn't say 1,000.5 micro-dramas."),
            vec![
                "Clinton",
                "’s",
                "team",
                "didn't",
                "say",
                "1,000.5",
                "micro-dramas",
                "."
            ]
        );
        assert_eq!(
            words("“Yes,” he said."),
            vec!["“", "Yes", ",", "”", "he", "said", "."]
        );
    }

    /// The text of each token of `text` that passes `keep`.
    fn words_where(text: &str, keep: fn(&Token) -> bool) -> Vec<&str> {
        tokenize(text)
            .tokens
            .iter()
            .filter(|t| keep(t))
            .map(|t| &text[t.range.clone()])
            .collect()
    }

    #[test]
    fn quotation_state_is_tracked() {
        let text = "He said \"we will win\" today.";
        assert_eq!(words_where(text, |t| t.in_quote), ["we", "will", "win"]);
        // Single marks: outside `in_quote` (as the model was trained), but
        // inside the quotation for the rules that look for its ends.
        let text = "“Today’s ‘impeachment’ hearing,” he said of the ‘show’.";
        let words = |keep: fn(&Token) -> bool| words_where(text, keep);
        assert_eq!(
            words(|t| t.in_quote),
            ["Today", "’s", "impeachment", "hearing", ","]
        );
        assert_eq!(
            words(|t| t.inside_quotation),
            ["Today", "’s", "‘", "impeachment", "’", "hearing", ","]
        );
    }

    #[test]
    fn a_site_s_name_keeps_its_domain_and_opens_no_sentence() {
        let text = "PanARMENIAN.Net - Video shows it, said MakingStarWars.net, bbc.co.uk and \
                    Amazon.com. He said.It was late. Go to x.company now.";
        assert_eq!(
            words(text),
            [
                "PanARMENIAN.Net",
                "-",
                "Video",
                "shows",
                "it",
                ",",
                "said",
                "MakingStarWars.net",
                ",",
                "bbc.co.uk",
                "and",
                "Amazon.com",
                ".",
                "He",
                "said",
                ".",
                "It",
                "was",
                "late",
                ".",
                "Go",
                "to",
                "x",
                ".",
                "company",
                "now",
                "."
            ]
        );
        assert_eq!(tokenize(text).sentences.len(), 4);
    }

    #[test]
    fn an_ampersand_between_capitals_is_part_of_the_name() {
        let text = "PG&E officials and AT&T said R & D and Smith&Wesson, S&P.";
        assert_eq!(
            words_where(text, |_| true),
            [
                "PG&E",
                "officials",
                "and",
                "AT&T",
                "said",
                "R",
                "&",
                "D",
                "and",
                "Smith",
                "&",
                "Wesson",
                ",",
                "S&P",
                "."
            ]
        );
    }

    #[test]
    fn two_single_marks_are_one_double_mark() {
        for text in [
            "He said ''we will win,'' today.",
            "He said ‘‘we will win,’’ today.",
            "He said ``we will win,'' today.",
        ] {
            let marks = words_where(text, |t| t.kind == TokenKind::Quote);
            assert_eq!(marks.len(), 2, "{text}");
            let inside = words_where(text, |t| t.in_quote);
            assert_eq!(inside, ["we", "will", "win", ","], "{text}");
        }
        // One mark alone is an apostrophe or a quotation inside one.
        let t = tokenize("the ‘pivot’ and rock 'n' roll");
        assert!(t.tokens.iter().all(|t| !t.in_quote));
    }

    /// The text of each sentence `tokenize` finds in `text`.
    fn sentences(text: &str) -> Vec<&str> {
        let t = tokenize(text);
        t.sentences
            .iter()
            .map(|r| &text[t.tokens[r.start].range.start..t.tokens[r.end - 1].range.end])
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_but_not_after_abbreviations() {
        let text = "Mr. Smith met U.S. officials. “It works,” he said. Then\nA new line";
        assert_eq!(
            sentences(text),
            vec![
                "Mr. Smith met U.S. officials.",
                "“It works,” he said.",
                "Then",
                "A new line"
            ]
        );
    }

    #[test]
    fn sentences_end_at_chinese_stops_and_not_at_points_between_digits() {
        // A Chinese stop ends its sentence with the quotation it closes.
        let text = "他说：“市场增长了。”下一句。“开放的经济。”面积4.7万平方米。";
        assert_eq!(
            sentences(text),
            vec![
                "他说：“市场增长了。”",
                "下一句。",
                "“开放的经济。”",
                "面积4.7万平方米。"
            ]
        );
        // A point between digits that the words around it hide
        // ("iTunes4.9"); a closing quotation mark after a stop ends the
        // sentence.
        let text = "It runs iTunes4.9 well. “We found it,” he said.”Then he left. \
                    The Dow Jones Industrial Average .DJI fell.";
        assert_eq!(
            sentences(text),
            vec![
                "It runs iTunes4.9 well.",
                "“We found it,” he said.”",
                "Then he left.",
                "The Dow Jones Industrial Average .DJI fell."
            ]
        );
        assert_eq!(
            tokenize("Hi. 你好。").sentence_bytes(),
            [0..3, 4..13],
            "byte ranges of the sentences"
        );
    }

    #[test]
    fn sentences_end_before_reference_marks_and_opening_brackets() {
        let text = "It sold well.[88] A second run began.[note 3][4] Sales rose. \
                    (Alibaba said so.) See the U.S. (and its [sic] rules) too. [1] is a mark.";
        assert_eq!(
            sentences(text),
            vec![
                "It sold well.[88]",
                "A second run began.[note 3][4]",
                "Sales rose.",
                "(Alibaba said so.)",
                "See the U.S. (and its [sic] rules) too.",
                "[1] is a mark."
            ]
        );
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(tokenize("").tokens.is_empty());
        assert!(tokenize("   \n\n ").sentences.is_empty());
        for odd in [
            "中文，混合 text ’’ '",
            // Brackets left open, empty or closed too late after a stop.
            "It ended.[ Then.[12 And.[] So.[a b c d e] On.(",
            "x.[",
            ".([",
            // Double marks of two single ones, unclosed or back to back;
            // ampersands at the ends of words and of the text.
            "''''' ‘‘’’ ``'' ''x",
            "A& &B AT&T& &&& R&",
            // Chinese stops and marks alone or back to back; points before
            // codes and between digits at the text's ends.
            "。",
            "。”“。！？“",
            "“。",
            " .A",
            ".A .",
            "1.2.3.",
            "x4.",
            ".5",
        ] {
            let t = tokenize(odd);
            assert!(!t.tokens.is_empty(), "{odd}");
            assert_eq!(
                t.sentences.iter().map(|r| r.len()).sum::<usize>(),
                t.tokens.len(),
                "{odd}"
            );
            // Byte ranges the rules can slice the text with.
            assert!(
                t.sentence_bytes().into_iter().all(|r| odd.get(r).is_some()),
                "{odd}"
            );
        }
        // No mark is closed in time, so none ends a sentence; "[12" opens
        // onto a digit, as a sentence may.
        assert_eq!(
            sentences("It ended.[ Then.[12 And.[] So.[a b c d e] On."),
            vec!["It ended.[ Then.", "[12 And.[] So.[a b c d e] On."]
        );
    }

    #[test]
    fn a_run_on_sentence_is_cut_at_the_cap() {
        let text = "word ".repeat(MAX_SENTENCE_TOKENS * 2 + 10);
        let t = tokenize(&text);
        assert_eq!(t.sentences.len(), 3);
        assert!(t.sentences.iter().all(|r| r.len() <= MAX_SENTENCE_TOKENS));
    }

    #[test]
    fn contractions_come_off_words() {
        assert_eq!(without_contraction("we’ve"), "we");
        assert_eq!(without_contraction("you'll"), "you");
        assert_eq!(without_contraction("i’d"), "i");
        assert_eq!(without_contraction("they're"), "they");
        assert_eq!(without_contraction("i'm"), "i");
        assert_eq!(without_contraction("said"), "said");
        assert_eq!(without_contraction("’d"), "’d");
    }
}
