//! Guards against query text nested or chained so deeply that parsing or
//! evaluating it would overflow the stack: a stack overflow aborts the
//! process, so one such request would end a `claimgraph serve` for every
//! client. SPARQL text and full-text search text are measured before they
//! are parsed, and refused past limits no hand-written or generated query
//! comes near.
//!
//! Measured on a dev build with the 8 MB main-thread stack: 3,000 nested
//! `{` overflowed, as did 10,000 nested `(`, 30,000 `!` or a chain of
//! 30,000 `+`; in search text, 50,000 `(` or 20,000 `NOT`.

use crate::{Error, Result};

/// Deepest nesting of `(`, `{` and `[` a SPARQL query may have.
pub const MAX_SPARQL_DEPTH: usize = 128;
/// Most operators (`!`, `&&`, `||`, comparisons, arithmetic, path
/// operators) a SPARQL query may hold: a chain of them parses into a tree
/// as deep as it is long.
pub const MAX_SPARQL_OPERATORS: usize = 2_000;
/// Deepest nesting of `(` a search may have.
pub const MAX_SEARCH_DEPTH: usize = 32;
/// Most operators (`AND`, `OR`, `NOT`, a `+` or `-` before a word) a
/// search may hold.
pub const MAX_SEARCH_OPERATORS: usize = 256;

/// Refuses SPARQL text (a query or an update) nested deeper than
/// [`MAX_SPARQL_DEPTH`] or holding more than [`MAX_SPARQL_OPERATORS`]
/// operators. Strings, IRIs and comments are skipped; `origin` names the
/// text in the error.
pub fn check_sparql(text: &str, origin: &str) -> Result<()> {
    let refuse = |what: String| {
        Err(Error::SparqlSyntax {
            origin: origin.into(),
            message: what,
        })
    };
    let (depth, operators) = measure_sparql(text);
    if depth > MAX_SPARQL_DEPTH {
        return refuse(format!(
            "nested {depth} brackets deep; claimgraph reads at most {MAX_SPARQL_DEPTH} levels"
        ));
    }
    if operators > MAX_SPARQL_OPERATORS {
        return refuse(format!(
            "{operators} operators; claimgraph reads at most {MAX_SPARQL_OPERATORS} (a long \
             chain of || or = is a VALUES block or IN (…) list)"
        ));
    }
    Ok(())
}

/// The deepest bracket nesting and the number of operators of SPARQL text.
fn measure_sparql(text: &str) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (mut depth, mut deepest, mut operators) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' | '\'' => i = after_string(&chars, i),
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '<' => match after_iri(&chars, i) {
                Some(end) => i = end,
                None => {
                    operators += 1;
                    i += if chars.get(i + 1) == Some(&'=') { 2 } else { 1 };
                }
            },
            '(' | '{' | '[' => {
                depth += 1;
                deepest = deepest.max(depth);
                i += 1;
            }
            ')' | '}' | ']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            '|' | '&' | '=' | '>' | '!' => {
                operators += 1;
                // `||`, `&&`, `!=`, `>=`: one operator.
                let pair = matches!(
                    (c, chars.get(i + 1)),
                    ('|', Some('|')) | ('&', Some('&')) | ('!' | '>', Some('='))
                );
                i += if pair { 2 } else { 1 };
            }
            '+' | '*' | '/' | '^' => {
                operators += 1;
                i += 1;
            }
            '-' => {
                // Inside a name ("e:xi-jinping", "1e-5") a hyphen is no
                // operator.
                let in_word = i > 0 && {
                    let before = chars[i - 1];
                    before.is_alphanumeric() || matches!(before, '_' | '-' | ':' | '.')
                };
                if !in_word {
                    operators += 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    (deepest, operators)
}

/// Where the string literal opening at `start` (`"`, `'`, `"""` or `'''`)
/// ends; the text's end when it does not.
fn after_string(chars: &[char], start: usize) -> usize {
    let quote = chars[start];
    let long = chars.get(start + 1) == Some(&quote) && chars.get(start + 2) == Some(&quote);
    let mut i = start + if long { 3 } else { 1 };
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            c if c == quote && !long => return i + 1,
            c if c == quote
                && chars.get(i + 1) == Some(&quote)
                && chars.get(i + 2) == Some(&quote) =>
            {
                return i + 3;
            }
            '\n' if !long => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// Where the IRI opening at `start` ends, when `<` opens one (SPARQL's
/// IRIREF: no space, `<`, `>`, `"`, `{`, `}`, `|`, `^`, backquote or
/// backslash before the closing `>`); `None` when it is an operator.
fn after_iri(chars: &[char], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '>' => return Some(i + 1),
            c if c <= ' ' || matches!(c, '<' | '"' | '{' | '}' | '|' | '^' | '`' | '\\') => {
                return None;
            }
            _ => i += 1,
        }
    }
    None
}

/// Refuses search text nested deeper than [`MAX_SEARCH_DEPTH`] or holding
/// more than [`MAX_SEARCH_OPERATORS`] operators. Phrases in quotes are
/// skipped.
pub fn check_search(text: &str) -> Result<()> {
    let (mut depth, mut deepest, mut operators) = (0usize, 0usize, 0usize);
    let mut in_phrase = false;
    let mut word = String::new();
    let mut previous: Option<char> = None;
    let count_word = |word: &mut String, operators: &mut usize| {
        if matches!(word.as_str(), "AND" | "OR" | "NOT") {
            *operators += 1;
        }
        word.clear();
    };
    for c in text.chars() {
        if c == '"' {
            in_phrase = !in_phrase;
        } else if !in_phrase {
            match c {
                '(' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                ')' => depth = depth.saturating_sub(1),
                '+' | '-' if previous.is_none_or(|p| p.is_whitespace() || "(+-".contains(p)) => {
                    operators += 1;
                }
                _ => {}
            }
            if c.is_alphabetic() {
                word.push(c);
            } else {
                count_word(&mut word, &mut operators);
            }
        }
        previous = Some(c);
    }
    count_word(&mut word, &mut operators);
    let why = if deepest > MAX_SEARCH_DEPTH {
        format!("nested {deepest} parentheses deep; at most {MAX_SEARCH_DEPTH} levels are read")
    } else if operators > MAX_SEARCH_OPERATORS {
        format!(
            "{operators} operators (AND, OR, NOT, + or -); at most {MAX_SEARCH_OPERATORS} are read"
        )
    } else {
        return Ok(());
    };
    Err(Error::SearchSyntax {
        query: text.chars().take(80).collect(),
        message: why,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparql_nesting_and_operators_are_counted_outside_strings_iris_and_comments() {
        assert_eq!(
            measure_sparql("SELECT * WHERE { ?s ?p ?o FILTER((?o > 1 && ?o != 5) || !bound(?s)) }"),
            (3, 6)
        );
        // Brackets and operators in strings, IRIs and comments are text.
        assert_eq!(
            measure_sparql(
                "SELECT * { <http://x/a(b)?c=1&d=2> ?p \"(((!!))\" . ?s ?p '''{{{ \n ||''' } # ((((\n"
            ),
            (1, 1)
        );
        // A hyphen inside a name, or an exponent's sign, is no operator.
        assert_eq!(
            measure_sparql("SELECT * { e:xi-jinping ?p 1e-5 FILTER(?a - 1 < -2) }"),
            (2, 4)
        );
    }

    #[test]
    fn deep_or_long_sparql_is_refused_with_a_reason() {
        let deep = format!(
            "SELECT * WHERE {} ?s ?p ?o {}",
            "{".repeat(500),
            "}".repeat(500)
        );
        let e = check_sparql(&deep, "the request").unwrap_err().to_string();
        assert!(
            e.contains("the request") && e.contains("nested 500 brackets deep"),
            "{e}"
        );
        let chain = format!(
            "SELECT * WHERE {{ ?s ?p ?o FILTER(1{}) }}",
            "+1".repeat(5_000)
        );
        let e = check_sparql(&chain, "q.rq").unwrap_err().to_string();
        assert!(
            e.contains("5001 operators") || e.contains("5000 operators"),
            "{e}"
        );
        let nots = format!(
            "SELECT * WHERE {{ ?s ?p ?o FILTER({}true) }}",
            "!".repeat(5_000)
        );
        assert!(check_sparql(&nots, "q").is_err());
        // Every named query passes.
        for q in crate::queries::NAMED {
            check_sparql(q.text, q.name).unwrap();
        }
    }

    #[test]
    fn deep_or_long_searches_are_refused_and_ordinary_ones_pass() {
        for ok in [
            "micro-drama funding",
            "\"((((((((((((((((((((((((((((((((((((((\" drama",
            "(a OR b) AND NOT c -d +e",
            "短剧 出海",
        ] {
            check_search(ok).unwrap();
        }
        let deep = format!("{}drama{}", "(".repeat(100), ")".repeat(100));
        let e = check_search(&deep).unwrap_err().to_string();
        assert!(e.contains("nested 100 parentheses deep"), "{e}");
        let nots = "NOT ".repeat(1_000) + "drama";
        assert!(
            check_search(&nots)
                .unwrap_err()
                .to_string()
                .contains("1000 operators")
        );
        let minus = "-".repeat(1_000) + "drama";
        assert!(check_search(&minus).is_err());
    }
}
