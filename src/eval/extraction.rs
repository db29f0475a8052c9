//! `eval extraction`: main text and metadata against gold annotations.
//!
//! Text metric (the scrapinghub benchmark's): tokens are the `\w+` runs of
//! the lower-cased text; shingles are the sets of 4-token windows (a text of
//! fewer than four tokens is one shingle of all of them, an empty text one
//! empty shingle); per page precision and recall over the shingle sets,
//! averaged over pages; F1 from the averages. The character variant (for
//! Chinese, where `\w+` makes a whole run of Han characters one token) splits
//! Han runs into single characters first.
//!
//! Metadata metric: a field counts where the gold has a value; precision =
//! correct / fields we gave, recall = correct / gold fields, pooled over the
//! fields compared.
//!
//! Corpus layouts, detected from the directory:
//! - `ground-truth.json` + `html/<id>.html.gz` (scrapinghub: text);
//! - `original/*.html` + `cleaned/`, `author/`, `date/` (chinese-pages: text,
//!   author, date);
//! - `<name>/source.html` + `<name>/expected-metadata.json` (readability
//!   pages: title, byline, lang, siteName, publishedTime).

use crate::ingest::dates::parse_date;
use crate::ingest::extract::{Article, Extractor, extract_metadata_and_text};
use crate::{Error, Result};
use regex::Regex;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// How a corpus directory is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// `ground-truth.json` and `html/`.
    Scrapinghub,
    /// `original/`, `cleaned/`, `author/`, `date/`.
    ChinesePages,
    /// `<name>/source.html` and `<name>/expected-metadata.json`.
    ReadabilityPages,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1 of the two.
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

/// One metadata field's counts.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct FieldScore {
    /// Pages whose gold has the field.
    pub gold: usize,
    /// Pages where we gave a value for the field (among those).
    pub given: usize,
    /// Pages where our value matches the gold.
    pub correct: usize,
    /// correct / gold.
    pub rate: f64,
}

/// A page we could not score.
#[derive(Debug, Clone, Serialize)]
pub struct PageError {
    /// The page.
    pub page: String,
    /// Why.
    pub error: String,
}

/// The report of `eval extraction`.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The corpus directory.
    pub corpus: String,
    /// Its layout.
    pub layout: Layout,
    /// The main-text extractor measured.
    pub extractor: Extractor,
    /// Pages scored.
    pub pages: usize,
    /// Top-level figures: the text metric when the corpus has gold text,
    /// else the pooled metadata metric.
    pub precision: f64,
    /// See `precision`.
    pub recall: f64,
    /// See `precision`.
    pub f1: f64,
    /// Text metric on `\w+` tokens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Prf>,
    /// Text metric with Han characters as tokens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_chars: Option<Prf>,
    /// Metadata fields.
    pub fields: BTreeMap<String, FieldScore>,
    /// Pooled metadata metric.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Prf>,
    /// Extraction time over all pages, seconds (decoding and extraction).
    pub extract_seconds: f64,
    /// Pages that failed (their text counts as empty).
    pub errors: Vec<PageError>,
    /// Text scores per page (corpora with gold text).
    pub per_page: Vec<PageScore>,
}

/// One page's text scores.
#[derive(Debug, Clone, Serialize)]
pub struct PageScore {
    /// The page.
    pub page: String,
    /// Precision, recall and F1 on `\w+` shingles.
    pub precision: f64,
    /// See `precision`.
    pub recall: f64,
    /// See `precision`.
    pub f1: f64,
}

/// Detects the layout of `dir`.
pub fn detect(dir: &Path) -> Result<Layout> {
    if dir.join("ground-truth.json").is_file() && dir.join("html").is_dir() {
        Ok(Layout::Scrapinghub)
    } else if dir.join("original").is_dir() && dir.join("cleaned").is_dir() {
        Ok(Layout::ChinesePages)
    } else if readability_pages(dir)
        .map(|p| !p.is_empty())
        .unwrap_or(false)
    {
        Ok(Layout::ReadabilityPages)
    } else {
        Err(Error::invalid(
            dir,
            None,
            "not a known corpus layout (expected ground-truth.json + html/, original/ + cleaned/, or <name>/source.html + expected-metadata.json)",
        ))
    }
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid pattern"));

/// `\w+` tokens of the lower-cased text.
pub fn word_tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    WORD.find_iter(&lower)
        .map(|m| m.as_str().to_owned())
        .collect()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// `\w+` tokens with every Han character a token of its own.
pub fn char_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in word_tokens(text) {
        let mut run = String::new();
        for c in token.chars() {
            if is_han(c) {
                if !run.is_empty() {
                    out.push(std::mem::take(&mut run));
                }
                out.push(c.to_string());
            } else {
                run.push(c);
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
    }
    out
}

fn shingles(tokens: &[String]) -> HashSet<&[String]> {
    if tokens.len() < 4 {
        return std::iter::once(tokens).collect();
    }
    tokens.windows(4).collect()
}

/// Precision and recall of `predicted` against `gold` over 4-token shingles.
pub fn shingle_pr(predicted: &[String], gold: &[String]) -> (f64, f64) {
    let p = shingles(predicted);
    let g = shingles(gold);
    let common = p.intersection(&g).count() as f64;
    (common / p.len() as f64, common / g.len() as f64)
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(crate::ingest::decode::decode_html(&bytes, None, None).text)
}

fn readability_pages(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file() && p.join("expected-metadata.json").is_file())
        .collect();
    pages.sort();
    Ok(pages)
}

/// A page to score: its HTML, URL and gold.
struct Page {
    name: String,
    html: PathBuf,
    url: Option<String>,
    gold_text: Option<String>,
    gold: BTreeMap<&'static str, String>,
}

fn pages(dir: &Path, layout: Layout) -> Result<Vec<Page>> {
    let mut out = Vec::new();
    match layout {
        Layout::Scrapinghub => {
            let path = dir.join("ground-truth.json");
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let truth: BTreeMap<String, serde_json::Value> = serde_json::from_str(&text)
                .map_err(|e| Error::invalid(&path, None, e.to_string()))?;
            for (id, entry) in truth {
                out.push(Page {
                    html: dir.join("html").join(format!("{id}.html.gz")),
                    url: entry["url"].as_str().map(str::to_owned),
                    gold_text: Some(entry["articleBody"].as_str().unwrap_or("").to_owned()),
                    gold: BTreeMap::new(),
                    name: id,
                });
            }
        }
        Layout::ChinesePages => {
            let originals = dir.join("original");
            let mut names: Vec<PathBuf> = std::fs::read_dir(&originals)
                .map_err(|e| Error::io(&originals, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "html"))
                .collect();
            names.sort();
            for html in names {
                let stem = html
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let gold_of = |sub: &str| -> Option<String> {
                    let p = dir.join(sub).join(format!("{stem}.txt"));
                    let t = read_text(&p).ok()?;
                    let t = t.trim().to_owned();
                    (!t.is_empty() && t != "UNKNOWN").then_some(t)
                };
                let mut gold = BTreeMap::new();
                if let Some(a) = gold_of("author") {
                    gold.insert("author", a);
                }
                if let Some(d) = gold_of("date") {
                    gold.insert("published", d);
                }
                out.push(Page {
                    gold_text: Some(gold_of("cleaned").unwrap_or_default()),
                    html,
                    url: None,
                    gold,
                    name: stem,
                });
            }
        }
        Layout::ReadabilityPages => {
            for page in readability_pages(dir)? {
                let path = page.join("expected-metadata.json");
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                let meta: serde_json::Value = serde_json::from_str(&text)
                    .map_err(|e| Error::invalid(&path, None, e.to_string()))?;
                let mut gold = BTreeMap::new();
                for (key, field) in [
                    ("title", "title"),
                    ("byline", "author"),
                    ("lang", "language"),
                    ("siteName", "publisher"),
                    ("publishedTime", "published"),
                ] {
                    if let Some(v) = meta[key].as_str().map(str::trim).filter(|v| !v.is_empty()) {
                        gold.insert(field, v.to_owned());
                    }
                }
                out.push(Page {
                    name: page
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    html: page.join("source.html"),
                    url: None,
                    gold_text: None,
                    gold,
                });
            }
        }
    }
    Ok(out)
}

/// Lower case, whitespace collapsed, quotes and final punctuation dropped.
fn norm(s: &str) -> String {
    let s: String = s
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '"' | '\'' => ' ',
            c => c,
        })
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', '!', '?', '。'])
        .to_owned()
}

const TITLE_SEPARATORS: &[&str] = &["|", " - ", " – ", " — ", "_", "::", "»", "·"];

/// Whether `ours` names the same thing as `gold` for `field`.
pub fn field_matches(field: &str, ours: &str, gold: &str) -> bool {
    let (o, g) = (norm(ours), norm(gold));
    if o.is_empty() {
        return false;
    }
    match field {
        // The same headline, with or without the site's name around it.
        "title" => o == g || decorated(&g, &o) || decorated(&o, &g),
        // Gold bylines are visible text ("By NAME\n March 11, 2015"): each
        // of our author names (joined by `;`) must appear in it. A name
        // that carries more than the byline (its date, the outlet) is wrong.
        "author" => o
            .split(';')
            .map(str::trim)
            .all(|name| !name.is_empty() && g.contains(name)),
        "language" => {
            let primary = |s: &str| s.split(['-', '_']).next().unwrap_or("").to_owned();
            primary(&o) == primary(&g)
        }
        // Same calendar day, and the same minute when both have a time.
        "published" => match (parse_date(ours), parse_date(gold)) {
            (Some(a), Some(b)) => {
                a.get(..10) == b.get(..10)
                    && (!a.contains('T') || !b.contains('T') || a.get(..16) == b.get(..16))
            }
            _ => false,
        },
        _ => o == g,
    }
}

/// Whether `bare` is `decorated` with parts around it split off by a title
/// separator, keeping the longest part (the headline, not the site name).
fn decorated(decorated: &str, bare: &str) -> bool {
    TITLE_SEPARATORS.iter().any(|sep| {
        let parts: Vec<&str> = decorated.split(sep).collect();
        if parts.len() < 2 {
            return false;
        }
        let longest = (0..parts.len())
            .max_by_key(|&i| parts[i].chars().count())
            .unwrap_or(0);
        (0..=longest)
            .any(|i| (longest + 1..=parts.len()).any(|j| norm(&parts[i..j].join(sep)) == bare))
    })
}

fn field_value(article: &Article, field: &str) -> Option<String> {
    match field {
        "title" => article.headline.clone(),
        "author" => (!article.authors.is_empty()).then(|| article.authors.join("; ")),
        "language" => article.language.clone(),
        "publisher" => article.publisher.clone(),
        "published" => article.published.clone(),
        _ => None,
    }
}

/// Scores the extractor on the corpus in `dir`; `progress` is told of each
/// page done.
pub fn evaluate(
    dir: &Path,
    extractor: Extractor,
    mut progress: impl FnMut(usize, usize),
) -> Result<Report> {
    let layout = detect(dir)?;
    let pages = pages(dir, layout)?;
    let mut errors = Vec::new();
    let mut per_page = Vec::new();
    let mut fields: BTreeMap<String, FieldScore> = BTreeMap::new();
    let (mut p_sum, mut r_sum, mut pc_sum, mut rc_sum) = (0.0, 0.0, 0.0, 0.0);
    let mut text_pages = 0usize;
    let mut seconds = 0.0;
    for (i, page) in pages.iter().enumerate() {
        progress(i, pages.len());
        let bytes = match crate::ingest::files::read_page(
            &page.html,
            crate::ingest::files::DEFAULT_MAX_BYTES,
        ) {
            Ok(b) => b,
            Err(e) => {
                errors.push(PageError {
                    page: page.name.clone(),
                    error: e.to_string(),
                });
                continue;
            }
        };
        let started = std::time::Instant::now();
        let article =
            extract_metadata_and_text(&bytes, &page.name, page.url.as_deref(), None, extractor);
        seconds += started.elapsed().as_secs_f64();
        let article = match article {
            Ok(a) => {
                if a.paragraphs.is_empty() {
                    errors.push(PageError {
                        page: page.name.clone(),
                        error: crate::ingest::extract::ExtractError::NoText.to_string(),
                    });
                }
                a
            }
            Err(e) => {
                errors.push(PageError {
                    page: page.name.clone(),
                    error: e.to_string(),
                });
                Article::default()
            }
        };
        if let Some(gold) = &page.gold_text {
            let ours = article.text();
            let (p, r) = shingle_pr(&word_tokens(&ours), &word_tokens(gold));
            let (pc, rc) = shingle_pr(&char_tokens(&ours), &char_tokens(gold));
            per_page.push(PageScore {
                page: page.name.clone(),
                precision: p,
                recall: r,
                f1: Prf::new(p, r).f1,
            });
            p_sum += p;
            r_sum += r;
            pc_sum += pc;
            rc_sum += rc;
            text_pages += 1;
        }
        for (field, gold) in &page.gold {
            let score = fields.entry((*field).to_owned()).or_default();
            score.gold += 1;
            if let Some(ours) = field_value(&article, field) {
                score.given += 1;
                if field_matches(field, &ours, gold) {
                    score.correct += 1;
                }
            }
        }
    }
    progress(pages.len(), pages.len());
    for score in fields.values_mut() {
        score.rate = if score.gold > 0 {
            score.correct as f64 / score.gold as f64
        } else {
            0.0
        };
    }
    let (text, text_chars) = if text_pages > 0 {
        let n = text_pages as f64;
        (
            Some(Prf::new(p_sum / n, r_sum / n)),
            Some(Prf::new(pc_sum / n, rc_sum / n)),
        )
    } else {
        (None, None)
    };
    let (gold, given, correct) = fields.values().fold((0, 0, 0), |(g, v, c), s| {
        (g + s.gold, v + s.given, c + s.correct)
    });
    let metadata = (gold > 0).then(|| {
        Prf::new(
            if given > 0 {
                correct as f64 / given as f64
            } else {
                0.0
            },
            correct as f64 / gold as f64,
        )
    });
    let top = text.or(metadata).unwrap_or_default();
    Ok(Report {
        corpus: dir.display().to_string(),
        layout,
        extractor,
        pages: pages.len(),
        precision: top.precision,
        recall: top.recall,
        f1: top.f1,
        text,
        text_chars,
        fields,
        metadata,
        extract_seconds: seconds,
        errors,
        per_page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_metric_edge_cases() {
        let t = |s: &str| word_tokens(s);
        assert_eq!(shingle_pr(&t("a b c d e"), &t("a b c d e")), (1.0, 1.0));
        // One of two predicted shingles is right; one of one gold shingle found.
        assert_eq!(shingle_pr(&t("a b c d e"), &t("A b, c d")), (0.5, 1.0));
        assert_eq!(shingle_pr(&t(""), &t("a b c d")), (0.0, 0.0));
        assert_eq!(shingle_pr(&t(""), &t("")), (1.0, 1.0));
        assert_eq!(
            char_tokens("微短剧 AI出海"),
            ["微", "短", "剧", "ai", "出", "海"]
        );
        assert_eq!(word_tokens("微短剧 AI出海"), ["微短剧", "ai出海"]);
    }

    #[test]
    fn field_matching_rules() {
        assert!(field_matches(
            "title",
            "DeepMind新电脑",
            "DeepMind新电脑_科技_腾讯网"
        ));
        assert!(field_matches(
            "title",
            "Beijing bets big",
            "Beijing bets big | Example Times"
        ));
        assert!(!field_matches(
            "title",
            "Example Times",
            "Beijing bets big | Example Times"
        ));
        assert!(field_matches(
            "author",
            "Gillian Mohney",
            "By GILLIAN MOHNEY\n March 11, 2015 3:46 PM"
        ));
        assert!(field_matches(
            "author",
            "Ann Smith; Li Wei",
            "By ANN SMITH and LI WEI, Example Press"
        ));
        assert!(!field_matches(
            "author",
            "Ann Smith November 19, 2019",
            "By Ann Smith"
        ));
        assert!(field_matches("language", "en-US", "en"));
        assert!(!field_matches("language", "zh", "en"));
        assert!(field_matches(
            "published",
            "2015-07-10T09:53:00-04:00",
            "2015-07-10T09:53:00-04:00"
        ));
        assert!(field_matches(
            "published",
            "2015-07-10",
            "2015-07-10T09:53:00-04:00"
        ));
        assert!(!field_matches(
            "published",
            "2015-07-11",
            "2015-07-10T09:53:00-04:00"
        ));
        assert!(field_matches(
            "published",
            "2005-05-07T21:23:57",
            "2005-5-7 21:23:57"
        ));
    }
}
