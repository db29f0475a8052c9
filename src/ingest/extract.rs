//! Extraction: a pure function from a page's bytes (+ its URL and
//! Content-Type) to an [`Article`]. The main text comes from rs-trafilatura
//! (chosen by measurement, see ARCHITECTURE.md); headline, authors,
//! publisher, dates, language and canonical URL come from the page's own
//! statements, strongest first: JSON-LD, OpenGraph and `<meta>`, `<time>`,
//! then visible bylines and date lines (English and Chinese).

use super::byline;
use super::dates::parse_date;
use super::decode::{Evidence, charset_param, decode_html};
use super::zh_credits;
use scraper::{ElementRef, Html, Selector};
use serde::Serialize;
use std::sync::LazyLock;

/// What extraction keeps of a page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// Where the page came from (URL or file path), as given.
    pub location: String,
    /// The canonical URL the page declares (resolved), else its URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// Authors' names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Publisher or site name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Publication date, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Last modification date, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// Language tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The main text, by paragraph.
    pub paragraphs: Vec<String>,
    /// The encoding the page was decoded from.
    pub encoding: &'static str,
    /// What decided the encoding.
    pub encoding_evidence: Evidence,
    /// Byte offset of the first sequence that is not valid in that
    /// encoding (it and any others are U+FFFD in the text).
    #[serde(rename = "malformed_bytes_at", skip_serializing_if = "Option::is_none")]
    pub malformed_at: Option<usize>,
    /// The page declared UTF-8 but its bytes are not (the first that is
    /// not is at this offset), so they were read in `encoding` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utf8_declared_but_not_at: Option<usize>,
}

impl Article {
    /// A warning when some of the page's bytes could not be decoded: where
    /// the first is, and what the text holds instead.
    pub fn decoding_note(&self) -> Option<String> {
        if let Some(at) = self.malformed_at {
            return Some(format!(
                "{}: bytes from offset {at} on are not valid {} ({}); the text holds U+FFFD (�) in their place",
                self.location,
                self.encoding,
                self.encoding_evidence.describe()
            ));
        }
        self.utf8_declared_but_not_at.map(|at| {
            format!(
                "{}: declared UTF-8, but the bytes from offset {at} on are not: read as {} ({})",
                self.location,
                self.encoding,
                self.encoding_evidence.describe()
            )
        })
    }

    /// The main text: paragraphs separated by blank lines.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Why a page yields no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The Content-Type (or the content) is not HTML or XHTML.
    #[error("not an HTML page ({0})")]
    NotHtml(String),
    /// Nothing that reads as main text.
    #[error("no main text found")]
    NoText,
    /// Elements nested so deep that parsing would take minutes (the HTML
    /// tree builder's work grows with the square of the depth).
    #[error("elements nested about {0} deep (more than {MAX_DEPTH}): a broken or hostile page")]
    TooDeep(usize),
}

/// Which algorithm finds the main text (metadata is read the same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extractor {
    /// claimgraph's block scorer on the already parsed DOM ([`super::blocks`]).
    #[default]
    Blocks,
    /// rs-trafilatura, which parses the page a second time.
    Trafilatura,
}

/// Extracts the article of a page with the default extractor; a page
/// without main text is an error.
pub fn extract(
    bytes: &[u8],
    location: &str,
    url: Option<&str>,
    content_type: Option<&str>,
) -> Result<Article, ExtractError> {
    let article =
        extract_metadata_and_text(bytes, location, url, content_type, Extractor::default())?;
    if article.paragraphs.is_empty() {
        return Err(ExtractError::NoText);
    }
    Ok(article)
}

/// Extracts a page with the given extractor; unlike [`extract`], a page
/// without main text still yields its metadata (with no paragraphs), which
/// is what evaluating either extractor needs.
pub fn extract_metadata_and_text(
    bytes: &[u8],
    location: &str,
    url: Option<&str>,
    content_type: Option<&str>,
    extractor: Extractor,
) -> Result<Article, ExtractError> {
    if let Some(mime) = content_type.and_then(not_html) {
        return Err(ExtractError::NotHtml(format!("Content-Type {mime}")));
    }
    let host = url.and_then(host_of);
    let decoded = decode_html(bytes, content_type.and_then(charset_param), host.as_deref());
    let html = decoded.text;
    if html.trim().is_empty() {
        return Err(ExtractError::NoText);
    }
    if !looks_like_html(&html) {
        return Err(ExtractError::NotHtml(
            "content that does not look like HTML".into(),
        ));
    }
    let depth = nesting_depth(&html);
    if depth > MAX_DEPTH {
        return Err(ExtractError::TooDeep(depth));
    }
    let doc = Html::parse_document(&html);
    let meta = Meta::read(&doc);

    let paragraphs: Vec<String> = match extractor {
        Extractor::Blocks => super::blocks::main_text(&doc),
        Extractor::Trafilatura => {
            let options = rs_trafilatura::Options {
                url: url.map(str::to_owned),
                ..rs_trafilatura::Options::default()
            };
            rs_trafilatura::extract_with_options(&html, &options)
                .map(|r| r.content_text)
                .unwrap_or_default()
                .split('\n')
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect()
        }
    };
    let visible = visible_head_text(&doc);
    let language = meta
        .language
        .clone()
        .or_else(|| guess_language(&paragraphs));
    let chinese = crate::attribute::zh::is_chinese_language(language.as_deref());
    let signature = chinese
        .then(|| zh_credits::signed_post(&paragraphs))
        .flatten();
    let headline = meta.headline(&doc);
    let published = meta
        .published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| dated_line(&visible, headline.as_deref(), paragraphs.first()))
        .or_else(|| signature.as_ref().map(|s| s.posted.clone()));
    let canonical_url = meta
        .canonical
        .as_deref()
        .and_then(|c| resolve(url, c))
        .or_else(|| url.map(str::to_owned));
    let mut authors = meta.authors.clone();
    if authors.is_empty() {
        authors.extend(byline(&doc, &visible, &meta.reviewed_authors));
    }
    // Chinese pages credit their writers in the text, after it, or sign
    // a forum post under it.
    if authors.is_empty() && chinese {
        authors.extend(zh_credits::credited_in_text(&paragraphs));
    }
    if authors.is_empty() && chinese {
        authors.extend(credited_after_text(&doc, &paragraphs));
    }
    if authors.is_empty() && chinese {
        authors.extend(named_under_headline(
            &visible,
            headline.as_deref(),
            &paragraphs,
        ));
    }
    if authors.is_empty() && chinese {
        authors.extend(zh_credits::blog_owner(
            headline.as_deref(),
            meta.site_name.as_deref(),
        ));
    }
    if authors.is_empty() {
        authors.extend(signature.as_ref().map(|s| s.poster.clone()));
    }
    let authors = one_per_person(authors);
    let mut paragraphs = paragraphs;
    // A forum post ends where it signs itself; what follows is the
    // replies, other people's words, and the forum's own lines. A
    // signature above the post (little text before it) cuts nothing.
    if let Some(s) = &signature
        && paragraphs[..s.paragraph]
            .iter()
            .map(|p| p.chars().count())
            .sum::<usize>()
            >= MIN_SIGNED_POST_CHARS
    {
        paragraphs.truncate(s.paragraph);
    }
    // The headline is kept apart, not as the text's first paragraph.
    if paragraphs.len() > 1 && paragraphs.first() == headline.as_ref() {
        paragraphs.remove(0);
    }
    let publisher = meta
        .site_name
        .as_deref()
        .and_then(|name| plausible_publisher(name, headline.as_deref(), canonical_url.as_deref()));
    Ok(Article {
        location: location.to_owned(),
        canonical_url,
        headline,
        authors,
        publisher,
        published,
        modified: meta.modified.as_deref().and_then(parse_date),
        language,
        paragraphs,
        encoding: decoded.encoding.name(),
        encoding_evidence: decoded.evidence,
        malformed_at: decoded.first_error,
        utf8_declared_but_not_at: decoded.utf8_declared_but_not_at,
    })
}

/// The deepest nesting a page may have: real pages stay under a few
/// hundred; parsing 5,000 levels takes about 0.1 s, 40,000 about 9 s.
pub const MAX_DEPTH: usize = 5_000;

/// An estimate of the page's element nesting from its tags alone: start
/// tags open, end tags close; void elements, self-closing tags and the
/// elements whose end tag may be left out (`p`, `li`, `td`…) do not count.
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset + 1;
        at = start;
        if bytes[start..].starts_with(b"!--") {
            at = find_from(bytes, start, b"-->").unwrap_or(bytes.len());
            continue;
        }
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        // Lower-cased into a stack buffer: this runs for every tag of every
        // page. Longer names are none of those listed below.
        let mut lower = [0u8; 10];
        let name = match bytes.get(name_start..name_start + name_len) {
            Some(raw) if raw.len() <= lower.len() => {
                lower[..raw.len()].copy_from_slice(raw);
                lower[..raw.len()].make_ascii_lowercase();
                std::str::from_utf8(&lower[..raw.len()]).unwrap_or("")
            }
            _ => "",
        };
        if matches!(
            name,
            "area"
                | "base"
                | "br"
                | "col"
                | "embed"
                | "hr"
                | "img"
                | "input"
                | "link"
                | "meta"
                | "source"
                | "track"
                | "wbr"
                | "p"
                | "li"
                | "dt"
                | "dd"
                | "tr"
                | "td"
                | "th"
                | "option"
                | "optgroup"
                | "thead"
                | "tbody"
                | "tfoot"
                | "colgroup"
                | "caption"
                | "html"
                | "head"
                | "body"
                | "rb"
                | "rt"
                | "rp"
                | "param"
                | "keygen"
        ) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            let end = bytes[name_start..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(bytes.len(), |e| name_start + e);
            if end > 0 && bytes.get(end - 1) == Some(&b'/') {
                continue;
            }
            if matches!(name, "script" | "style") {
                // Their text is not markup: `i<n` in a script opens nothing.
                let close = format!("</{name}");
                at =
                    find_from(bytes, end.min(bytes.len()), close.as_bytes()).unwrap_or(bytes.len());
                continue;
            }
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The offset of `needle` (ASCII, matched case-insensitively) at or after `from`.
fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (first, rest) = needle.split_first()?;
    let mut at = from;
    while let Some(p) = bytes.get(at..)?.iter().position(|b| b == first) {
        let start = at + p;
        if bytes
            .get(start + 1..start + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
        {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// The media type of a Content-Type header value when it is neither HTML
/// nor XHTML (an empty type counts as HTML).
pub fn not_html(content_type: &str) -> Option<String> {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    (!matches!(mime.as_str(), "" | "text/html" | "application/xhtml+xml")).then_some(mime)
}

/// Markup starts with `<` (after white space), and its head is text, not
/// binary: few control characters and replacement characters.
fn looks_like_html(text: &str) -> bool {
    let trimmed = text.trim_start();
    if !trimmed.starts_with('<') {
        return false;
    }
    let head: Vec<char> = trimmed.chars().take(4096).collect();
    let odd = head
        .iter()
        .filter(|c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || **c == '\u{FFFD}')
        .count();
    odd * 20 < head.len()
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The longest character reference read, in bytes after the '&'
/// (HTML's longest name, "CounterClockwiseContourIntegral;", is 32).
const MAX_REFERENCE: usize = 40;

/// `s` with its character references (&#8220;, &#x201C;, &rdquo;)
/// replaced by the characters, names looked up in HTML's own table (the
/// one html5ever decodes pages with); JSON-LD is JSON, but pages put
/// HTML's escapes in its strings (WordPress writes "&#8220;We needed to
/// win this&nbsp;game&#8221;"). A reference that names nothing stays as
/// written.
fn decode_references(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest[1..]
            .find(';')
            .filter(|&end| end <= MAX_REFERENCE)
            .and_then(|end| {
                let name = &rest[1..1 + end];
                let chars = match name.strip_prefix('#') {
                    Some(n) => match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    }
                    .map(|c| (c, 0)),
                    None => markup5ever::data::NAMED_ENTITIES
                        .get(&rest[1..end + 2])
                        .copied(),
                };
                let (first, second) = chars?;
                let first = char::from_u32(first).filter(|c| *c != '\0')?;
                Some((
                    first,
                    char::from_u32(second).filter(|c| *c != '\0'),
                    end + 2,
                ))
            });
        match decoded {
            Some((first, second, len)) => {
                out.push(first);
                out.extend(second);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// Blogging platforms whose name a page hosted on them gives as its site's
/// ("Blogger" on www.linknaija.com): the publisher only on their own host.
const PLATFORMS: &[&str] = &[
    "blogger",
    "blogspot",
    "wordpress",
    "tumblr",
    "medium",
    "substack",
];

/// The site name a page declares, when it can stand for the publisher:
/// not the headline again, not a platform's name away from its host
/// ("Blogger" on www.linknaija.com).
fn plausible_publisher(name: &str, headline: Option<&str>, url: Option<&str>) -> Option<String> {
    let name = name.trim();
    if name.is_empty() || headline.is_some_and(|h| h.trim().eq_ignore_ascii_case(name)) {
        return None;
    }
    let host = url.and_then(host_of).unwrap_or_default();
    let lower = name.to_lowercase();
    let platform = PLATFORMS
        .iter()
        .any(|p| lower.trim_end_matches(".com") == *p && !host.contains(p));
    (!platform).then(|| name.to_owned())
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(
        host.rsplit('@')
            .next()?
            .split(':')
            .next()?
            .to_ascii_lowercase(),
    )
}

/// `href` made absolute against `base`.
fn resolve(base: Option<&str>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") {
        return Some(href.to_owned());
    }
    let base = oxiri::Iri::parse(base?.to_owned()).ok()?;
    base.resolve(href).ok().map(|i| i.into_inner())
}

/// What the page states about itself in its markup.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    /// `<meta>` titles with their rank in [`TITLE_KEYS`].
    meta_titles: Vec<(usize, String)>,
    ld_headline: Option<String>,
    site_name: Option<String>,
    authors: Vec<String>,
    /// JSON-LD names a person as author: `<meta>` author tags, which
    /// then name a company as often as not ("Condé Nast" on WIRED), add
    /// no one.
    ld_names_a_person: bool,
    /// Who made the claims a fact-check page reviews (its ClaimReview's
    /// `itemReviewed.author`): the page shows them beside the claim, often
    /// marked "author", but they did not write the page.
    reviewed_authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    language: Option<String>,
    canonical: Option<String>,
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static LD: LazyLock<Selector> = LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector(r#"link[rel="canonical"]"#));
static HTML: LazyLock<Selector> = LazyLock::new(|| selector("html"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"[rel="author"], [itemprop="author"], .byline, .author, .author-name, .byline-name, [class*="byline"], [class*="author"]"#,
    )
});

impl Meta {
    fn read(doc: &Html) -> Self {
        let mut m = Meta::default();
        for script in doc.select(&LD) {
            let text: String = script.text().collect();
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(unwrap_script(&text)) {
                m.json_ld(&value, 0);
            }
        }
        let mut published: Vec<(usize, String)> = Vec::new();
        let mut meta_authors: Vec<(usize, String)> = Vec::new();
        let mut modified: Option<String> = None;
        for el in doc.select(&META) {
            let v = el.value();
            let Some(content) = v.attr("content").map(clean).and_then(non_empty) else {
                continue;
            };
            // `property` and `name` may each list several keys.
            let keys: Vec<String> = [
                v.attr("property"),
                v.attr("name"),
                v.attr("itemprop"),
                v.attr("http-equiv"),
            ]
            .into_iter()
            .flatten()
            .flat_map(str::split_whitespace)
            .map(str::to_ascii_lowercase)
            .collect();
            for key in keys {
                let content = content.clone();
                if let Some(rank) = TITLE_KEYS.iter().position(|k| *k == key) {
                    m.meta_titles.push((rank, content));
                    continue;
                }
                if let Some(rank) = AUTHOR_KEYS.iter().position(|ks| ks.contains(&key.as_str())) {
                    if !content.starts_with("http") && !m.ld_names_a_person {
                        meta_authors.push((rank, content));
                    }
                    continue;
                }
                match key.as_str() {
                    "og:site_name" | "application-name" if m.site_name.is_none() => {
                        m.site_name = Some(content)
                    }
                    "content-language" | "og:locale" | "language" if m.language.is_none() => {
                        m.language = language_tag(&content)
                    }
                    "article:modified_time"
                    | "og:updated_time"
                    | "datemodified"
                    | "last-modified"
                        if modified.is_none() =>
                    {
                        modified = Some(content)
                    }
                    _ => {
                        if let Some(rank) = PUBLISHED_KEYS.iter().position(|k| *k == key) {
                            published.push((rank, content));
                        }
                    }
                }
            }
        }
        m.meta_titles.sort_by_key(|(rank, _)| *rank);
        // The authors of the best-ranked keys only: Dublin Core's creator
        // names the writer where a plain "author" may name the journal
        // (赵培 and 中文学术期刊) or a placeholder.
        if let Some(best) = meta_authors.iter().map(|(rank, _)| *rank).min() {
            for (_, content) in meta_authors.iter().filter(|(rank, _)| *rank == best) {
                for name in byline::names(content) {
                    if !m.authors.contains(&name) && m.authors.len() < 8 {
                        m.authors.push(name);
                    }
                }
            }
        }
        published.sort_by_key(|(rank, _)| *rank);
        if m.published.is_none() {
            m.published = published
                .into_iter()
                .map(|(_, c)| c)
                .find(|c| parse_date(c).is_some());
        }
        if m.published.is_none() {
            m.published = doc
                .select(&TIME)
                .filter_map(|t| t.value().attr("datetime"))
                .find(|d| parse_date(d).is_some())
                .map(str::to_owned);
        }
        if m.modified.is_none() {
            m.modified = modified;
        }
        if let Some(html) = doc.select(&HTML).next()
            && let Some(lang) = html
                .value()
                .attr("lang")
                .or_else(|| html.value().attr("xml:lang"))
            && let Some(lang) = language_tag(lang)
        {
            m.language = Some(lang);
        }
        m.title = doc
            .select(&TITLE)
            .next()
            .map(|t| clean(&t.text().collect::<String>()))
            .and_then(non_empty);
        m.canonical = doc
            .select(&CANONICAL)
            .filter_map(|l| l.value().attr("href"))
            .find(|h| !h.trim().is_empty())
            .map(str::to_owned)
            .or_else(|| {
                doc.select(&META)
                    .find(|e| e.value().attr("property") == Some("og:url"))
                    .and_then(|e| e.value().attr("content"))
                    .map(str::to_owned)
            });
        m
    }

    fn json_ld(&mut self, value: &serde_json::Value, depth: usize) {
        use serde_json::Value;
        if depth > 6 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.json_ld(v, depth + 1)),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.json_ld(graph, depth + 1);
                }
                let kind = map.get("@type").map(|t| t.to_string()).unwrap_or_default();
                if kind.contains("ClaimReview") {
                    if let Some(author) = map.get("itemReviewed").and_then(|i| i.get("author")) {
                        self.reviewed_authors.extend(names(author));
                    }
                    return;
                }
                let is_article = [
                    "Article",
                    "NewsArticle",
                    "BlogPosting",
                    "SocialMediaPosting",
                    "LiveBlogPosting",
                    "Report",
                    "WebPage",
                    "OpinionNewsArticle",
                    "ReportageNewsArticle",
                    "AnalysisNewsArticle",
                ]
                .iter()
                .any(|k| kind.contains(k));
                if !is_article {
                    return;
                }
                let text = |key: &str| {
                    map.get(key)
                        .and_then(|v| v.as_str())
                        .map(|s| clean(&decode_references(s)))
                        .and_then(non_empty)
                };
                if self.ld_headline.is_none() && !kind.contains("WebPage") {
                    self.ld_headline = text("headline");
                }
                if self.published.is_none() {
                    self.published = text("datePublished").or_else(|| text("dateCreated"));
                }
                if self.modified.is_none() {
                    self.modified = text("dateModified");
                }
                if self.language.is_none() {
                    self.language = text("inLanguage").as_deref().and_then(language_tag);
                }
                if let Some(author) = map.get("author") {
                    self.ld_names_a_person |= names_a_person(author);
                    for name in names(author) {
                        if !self.authors.contains(&name) && self.authors.len() < 8 {
                            self.authors.push(name);
                        }
                    }
                }
                if self.site_name.is_none()
                    && let Some(p) = map.get("publisher")
                {
                    self.site_name = names(p).into_iter().next();
                }
            }
            _ => {}
        }
    }

    /// The headline: JSON-LD, then OpenGraph, then `<title>` without the
    /// site's name, then the only `<h1>`.
    fn headline(&self, doc: &Html) -> Option<String> {
        // JSON-LD's headline, unless it disagrees with every other title
        // (some sites put a description or a series name there).
        let others: Vec<&str> = self
            .meta_titles
            .iter()
            .map(|(_, t)| t.as_str())
            .chain(self.title.as_deref())
            .collect();
        if let Some(h) = &self.ld_headline
            && (others.is_empty() || others.iter().any(|o| overlap(h, o) >= 0.5))
        {
            return Some(h.clone());
        }
        if let Some((_, t)) = self.meta_titles.first() {
            return Some(t.clone());
        }
        let h1s: Vec<String> = doc
            .select(&H1)
            .map(|h| clean(&h.text().collect::<String>()))
            .filter(|h| !h.is_empty())
            .take(2)
            .collect();
        let title = self.title.clone();
        match (title, h1s.as_slice()) {
            (Some(t), [h1]) if t.contains(h1.as_str()) => Some(h1.clone()),
            (Some(t), _) => Some(t),
            (None, [h1, ..]) => Some(h1.clone()),
            (None, []) => None,
        }
    }
}

/// Meta names that carry the title, most trusted first.
/// `<meta>` keys that name the author: Dublin Core's creator as a
/// property, then as a name, then all the others together (a page may
/// name its writer under one and a co-writer under another: `sailthru.author`
/// David Jeans, `author` Kevin Rebong).
const AUTHOR_KEYS: &[&[&str]] = &[
    &["dc:creator", "dcterm:creator"],
    &["dc.creator", "dcterms.creator"],
    &[
        "author",
        "article:author",
        "byl",
        "parsely-author",
        "sailthru.author",
        "citation_author",
    ],
];

const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "dcterms.title",
    "dc.title",
    "og:title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
    "title",
];

/// The share of `a`'s words (Han characters count as words) found in `b`.
fn overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        for w in s.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().any(|c| c as u32 >= 0x2E80) {
                out.extend(w.chars().map(String::from));
            } else if !w.is_empty() {
                out.push(w.to_lowercase());
            }
        }
        out
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() {
        return 0.0;
    }
    let b: std::collections::HashSet<&String> = b.iter().collect();
    a.iter().filter(|w| b.contains(w)).count() as f64 / a.len() as f64
}

/// A script's JSON without the `<![CDATA[ … ]]>` or `<!-- … -->` wrappers
/// (and their `//` comment forms) some pages put around it.
fn unwrap_script(text: &str) -> &str {
    let mut t = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        let start = t.strip_prefix("//").unwrap_or(t).trim_start();
        if let Some(rest) = start.strip_prefix(open) {
            t = rest.trim();
            if let Some(rest) = t.strip_suffix(close) {
                t = rest.trim_end();
                t = t.strip_suffix("//").unwrap_or(t).trim_end();
            }
        }
    }
    t
}

/// Meta names that carry a publication date, most trusted first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "article.published",
    "originalpublicationdate",
];

/// Whether a JSON-LD author value holds a `Person` with a name.
fn names_a_person(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Object(o) => {
            let person = match o.get("@type") {
                Some(Value::String(t)) => t == "Person",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "Person"),
                _ => false,
            };
            // A name written as one (Molly Wood, 李明), not a handle
            // ("kevin-r", whose article's tags name David Jeans).
            let written_as_a_name = |n: &String| n.contains(char::is_whitespace) || !n.is_ascii();
            person
                && o.get("name")
                    .is_some_and(|n| names(n).iter().any(written_as_a_name))
        }
        Value::Array(items) => items.iter().any(names_a_person),
        _ => false,
    }
}

/// Names in a JSON-LD person/organisation value (a string, an object with
/// `name`, or an array of them).
fn names(value: &serde_json::Value) -> Vec<String> {
    use serde_json::Value;
    match value {
        Value::String(s) => byline::names(&decode_references(s)),
        Value::Object(o) => o.get("name").map(names).unwrap_or_default(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
}

/// Characters of text a forum post must have before its signature for the
/// text to end there.
const MIN_SIGNED_POST_CHARS: usize = 200;

/// Bytes of visible text read for date lines and bylines above the main
/// text.
const VISIBLE_HEAD_BYTES: usize = 6_000;

/// Bytes of visible text read to find the lines after the main text.
const VISIBLE_PAGE_BYTES: usize = 1_000_000;

/// Lines after the main text read for a credit (编辑、来源、作者 lines).
const LINES_AFTER_TEXT: usize = 12;

/// The text of the page before its main text ends, for date lines and
/// bylines: the first 6,000 bytes of visible text, a line per text node.
fn visible_head_text(doc: &Html) -> String {
    visible_text(doc, VISIBLE_HEAD_BYTES)
}

/// About `limit` bytes of the body's visible text, a line per text node.
fn visible_text(doc: &Html, limit: usize) -> String {
    static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
    let Some(body) = doc.select(&BODY).next() else {
        return String::new();
    };
    let mut out = String::new();
    collect_visible(body, &mut out, limit);
    out
}

/// Writers credited in the lines just after the main text, where many
/// Chinese sites put 编辑：… 来源：… 作者：宋怡 杨志华 outside the article's
/// container. The last paragraph's end locates the text's end.
fn credited_after_text(doc: &Html, paragraphs: &[String]) -> Vec<String> {
    let Some(last) = paragraphs.last() else {
        return Vec::new();
    };
    // Its last 16 characters, or all of it.
    let tail = &last[last.char_indices().rev().nth(15).map_or(0, |(at, _)| at)..];
    if tail.chars().count() < 4 {
        return Vec::new();
    }
    let visible = visible_text(doc, VISIBLE_PAGE_BYTES);
    let Some(at) = visible.rfind(tail) else {
        return Vec::new();
    };
    zh_credits::credited_lines(
        visible[at + tail.len()..]
            .lines()
            .skip(1)
            .take(LINES_AFTER_TEXT),
    )
    .unwrap_or_default()
}

/// The first `limit` bytes (or a little more) of visible text, a line per
/// text node (an explicit stack: hostile pages nest deeper than the call
/// stack allows).
fn collect_visible(el: ElementRef<'_>, out: &mut String, limit: usize) {
    let mut stack: Vec<_> = el.children().rev().collect();
    while let Some(node) = stack.pop() {
        if out.len() > limit {
            return;
        }
        if let Some(text) = node.value().as_text() {
            let t = text.trim();
            if !t.is_empty() {
                out.push_str(t);
                out.push('\n');
            }
        } else if let Some(e) = ElementRef::wrap(node) {
            if matches!(
                e.value().name(),
                "script" | "style" | "noscript" | "template" | "svg"
            ) {
                continue;
            }
            stack.extend(e.children().rev());
        }
    }
}

/// Lines under the headline read for its dateline.
const LINES_UNDER_HEADLINE: usize = 4;

/// The longest line under the first paragraph read as a dateline
/// (`2005年1月2日`, `2003-7-24 钱江晚报`), in characters.
const DATELINE_CHARS: usize = 40;

/// A date from a visible line that announces one (发布时间, 日期, 来源,
/// Published, Posted…), else from the dateline under the headline (a date
/// alone, or with the outlet: `2003-7-24 钱江晚报`), else the first
/// date-with-time in the visible text.
fn dated_line(visible: &str, headline: Option<&str>, first: Option<&String>) -> Option<String> {
    const CUES: &[&str] = &[
        "发布时间",
        "發布時間",
        "发布日期",
        "发表时间",
        "发布于",
        "发表于",
        "来源",
        "來源",
        "时间：",
        "时间:",
        "日期",
        "published",
        "posted",
        "updated",
        "date:",
    ];
    let mut lines = visible.lines().peekable();
    while let Some(line) = lines.next() {
        let lower = line.to_lowercase();
        if !CUES.iter().any(|c| lower.contains(c)) {
            continue;
        }
        // The label may end its line, the date alone on the next
        // (`发布日期： ⏎ 7/5/2005 9:23:57 PM`).
        let next = lines.peek().filter(|l| l.chars().count() <= 40);
        if let Some(d) = parse_date(line).or_else(|| next.and_then(|l| parse_date(l))) {
            return Some(d);
        }
    }
    // Under the headline, or alone on a short line under the main text's
    // first paragraph, which is the headline where the page's title is
    // not ("Joel on Software - 给计算机系学生的建议" over
    // "给计算机系学生的建议"); not in the second paragraph's sentences.
    under_headline(visible, headline)
        .or_else(|| {
            lines_under(visible, first?)?
                .take(LINES_UNDER_HEADLINE)
                .filter(|l| l.trim().chars().count() <= DATELINE_CHARS)
                .find_map(parse_date)
        })
        .or_else(|| {
            visible
                .lines()
                .filter_map(parse_date)
                .find(|d| d.contains('T'))
        })
}

/// Names alone on a line just under the headline's last line in the
/// visible text, or under the main text's first paragraph, which is the
/// headline where the page's title is not ([`zh_credits::named_under_headline`]).
fn named_under_headline(
    visible: &str,
    headline: Option<&str>,
    paragraphs: &[String],
) -> Vec<String> {
    let under = |anchor: &str| {
        lines_under(visible, anchor)
            .map(zh_credits::named_under_headline)
            .unwrap_or_default()
    };
    let names = headline.map(under).unwrap_or_default();
    if names.is_empty() {
        paragraphs.first().map(|p| under(p)).unwrap_or_default()
    } else {
        names
    }
}

/// The first date among the few lines under the headline's last line in
/// the visible text (the page's `<h1>`, after its menus).
fn under_headline(visible: &str, headline: Option<&str>) -> Option<String> {
    lines_under(visible, headline?)?
        .take(LINES_UNDER_HEADLINE)
        .find_map(parse_date)
}

/// The visible lines after the last one that reads `anchor` (a headline:
/// four characters at least, so that "News" alone anchors nothing).
fn lines_under<'a>(visible: &'a str, anchor: &str) -> Option<impl Iterator<Item = &'a str>> {
    let anchor = anchor.trim();
    if anchor.chars().count() < 4 {
        return None;
    }
    let lines: Vec<&str> = visible.lines().collect();
    let at = lines.iter().rposition(|l| l.trim() == anchor)?;
    Some(lines.into_iter().skip(at + 1))
}

/// Authors from visible bylines: elements marked as such, or Chinese
/// credit lines (`作者：…`, `记者 …`; [`zh_credits`]); not the speaker of
/// the claim a fact-check page reviews.
/// Each author once: a page that names its author in JSON-LD as "Jeffrey
/// Gettleman" and in a `<meta>` tag as "JEFFREY GETTLEMAN" has one author
/// (whose claims are credited to them, not to an unnamed author of two),
/// written the first way that is not all capitals.
fn one_per_person(authors: Vec<String>) -> Vec<String> {
    let key = |name: &str| {
        name.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let shouting = |name: &str| !name.chars().any(char::is_lowercase);
    let mut out: Vec<String> = Vec::with_capacity(authors.len());
    for name in authors {
        match out.iter_mut().find(|kept| key(kept) == key(&name)) {
            Some(kept) if shouting(kept) && !shouting(&name) => *kept = name,
            Some(_) => {}
            None => out.push(name),
        }
    }
    out
}

fn byline(doc: &Html, visible: &str, reviewed_authors: &[String]) -> Vec<String> {
    // An element that holds a narrower one naming the author (a
    // container of the outlet's logo, the author and the time, around
    // `<span itemprop="author">`) gives way to it.
    static NAMING: LazyLock<Selector> = LazyLock::new(|| {
        selector(
            r#"[rel="author"], [itemprop="author"], .author-name, .byline-name, [class*="authorname"], [class*="author-name"], [class*="byline-name"], [class*="byline__name"]"#,
        )
    });
    for el in doc.select(&BYLINE).take(20) {
        if in_comments_or_form(el) || el.select(&NAMING).next().is_some() {
            continue;
        }
        let text = clean(&text_without_job_titles(el));
        // A byline is short; a longer element marked "author" is a bio.
        let by = text.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by "));
        if text.chars().count() > 60 + if by { 3 } else { 0 } {
            continue;
        }
        let names = byline::names(&text);
        // The speaker of the claim a fact-check reviews is not its author.
        if !names.is_empty() && !names.iter().all(|n| reviewed_authors.contains(n)) {
            return names;
        }
    }
    zh_credits::credited_lines(visible.lines()).unwrap_or_default()
}

/// The text of a byline element without the job titles it nests in
/// elements of their own (`<a>Ben Silverman</a><div
/// class="author-title">Games Editor</div>`): a class one of whose words
/// (split at `-`, `_` and spaces) is "title", "role", "job" or "position".
fn text_without_job_titles(el: ElementRef<'_>) -> String {
    let is_title = |e: &scraper::node::Element| {
        e.attr("class").is_some_and(|c| {
            c.to_ascii_lowercase()
                .split(['-', '_', ' '])
                .any(|w| matches!(w, "title" | "role" | "job" | "jobtitle" | "position"))
        })
    };
    // An explicit stack, linear in the element's nodes however deep they
    // nest (hostile pages nest deeper than the call stack allows).
    let mut out = String::new();
    let mut stack: Vec<_> = el.children().rev().collect();
    while let Some(node) = stack.pop() {
        if let Some(text) = node.value().as_text() {
            out.push_str(text);
        } else if let Some(e) = node.value().as_element()
            && !is_title(e)
        {
            stack.extend(node.children().rev());
        }
    }
    out
}

/// Whether an element marked "author" belongs to the readers' comments or
/// to a form (a commenter's name, the "Name (required)" label of the
/// comment form), not to the article's byline.
fn in_comments_or_form(el: ElementRef<'_>) -> bool {
    let marked = |e: &scraper::node::Element| {
        ["class", "id"].iter().any(|a| {
            e.attr(a)
                .is_some_and(|v| v.to_ascii_lowercase().contains("comment"))
        })
    };
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|e| matches!(e.value().name(), "form" | "label") || marked(e.value()))
        || el
            .descendants()
            .filter_map(ElementRef::wrap)
            .any(|e| matches!(e.value().name(), "label" | "input"))
}

/// Primary subtags that are a charset's name, which pages put where a
/// language belongs (`<meta http-equiv="Content-Language" content="utf-8">`).
const CHARSET_PREFIXES: &[&str] = &["utf", "iso", "gbk", "gb", "euc"];

/// A declared language as a BCP 47 tag (`zh-CN`, `en`), the first of a
/// list, `_` read as `-` (`en_US`); `None` for what is no language
/// (`utf-8`, `gb2312`, `Chinese`).
fn language_tag(declared: &str) -> Option<String> {
    let first = declared.split([',', ';', ' ']).find(|t| !t.is_empty())?;
    let tag = first.trim().replace('_', "-");
    let mut subtags = tag.split('-');
    let primary = subtags.next()?;
    let well_formed = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && !CHARSET_PREFIXES.contains(&primary.to_ascii_lowercase().as_str())
        && subtags
            .all(|t| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()));
    well_formed.then_some(tag)
}

/// A language from the text's script when the page declares none: Chinese
/// when Han characters dominate the letters, English when common English
/// function words are frequent.
fn guess_language(paragraphs: &[String]) -> Option<String> {
    let (mut han, mut letters, mut kana, mut hangul) = (0usize, 0usize, 0usize, 0usize);
    for c in paragraphs.iter().take(20).flat_map(|p| p.chars()) {
        match c {
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
            '\u{3040}'..='\u{30FF}' => kana += 1,
            '\u{AC00}'..='\u{D7AF}' => hangul += 1,
            c if c.is_alphabetic() => letters += 1,
            _ => {}
        }
    }
    if kana * 10 > han + letters {
        return Some("ja".into());
    }
    if hangul * 2 > han + letters {
        return Some("ko".into());
    }
    if han > letters / 4 && han > 0 {
        return Some("zh".into());
    }
    let words: Vec<String> = paragraphs
        .iter()
        .take(20)
        .flat_map(|p| p.split_whitespace())
        .map(|w| w.to_lowercase())
        .collect();
    let common = words
        .iter()
        .filter(|w| {
            matches!(
                w.as_str(),
                "the" | "and" | "of" | "to" | "in" | "is" | "that" | "for"
            )
        })
        .count();
    (words.len() >= 20 && common * 10 >= words.len()).then(|| "en".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
      <title>Beijing bets on micro-dramas | Example Times</title>
      <link rel="canonical" href="/2024/03/micro-dramas">
      <meta property="og:site_name" content="Example Times">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Beijing bets on micro-dramas","datePublished":"2024-03-05T08:00:00+08:00",
        "author":[{"@type":"Person","name":"Li Wei"},{"@type":"Person","name":"Ann Smith"}]}</script>
      </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Beijing bets on micro-dramas</h1>
      <p>According to the South China Morning Post, Beijing is using state funds to push short vertical dramas made with AI into markets in Southeast Asia, Latin America and the Middle East.</p>
      <p>The National Radio and Television Administration said the export push would continue through 2035, and that local platforms would be encouraged to subtitle their catalogues.</p>
      <p>Critics argued that the format trades artistic integrity for speed, and that the subsidies distort a market that was already growing quickly on its own terms.</p>
      </article><footer>Copyright Example Times</footer></body></html>"#;

    #[test]
    fn an_english_news_page() {
        let a = extract(
            PAGE.as_bytes(),
            "page.html",
            Some("https://news.example.com/x?utm=1"),
            Some("text/html; charset=utf-8"),
        )
        .unwrap();
        assert_eq!(a.headline.as_deref(), Some("Beijing bets on micro-dramas"));
        assert_eq!(a.authors, ["Li Wei", "Ann Smith"]);
        assert_eq!(a.publisher.as_deref(), Some("Example Times"));
        assert_eq!(a.published.as_deref(), Some("2024-03-05T08:00:00+08:00"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(
            a.canonical_url.as_deref(),
            Some("https://news.example.com/2024/03/micro-dramas")
        );
        let text = a.text();
        assert!(
            text.contains("According to the South China Morning Post"),
            "{text}"
        );
        assert!(text.contains("artistic integrity"), "{text}");
        assert!(!text.contains("Copyright"), "{text}");
    }

    #[test]
    fn character_references_in_json_ld_strings_are_decoded() {
        assert_eq!(
            decode_references(
                "Lynn: &#8220;We needed to win this&nbsp;game&#8221; &#x2013; &rsquo;"
            ),
            "Lynn: “We needed to win this\u{a0}game” – ’"
        );
        // Any name of HTML's table, and one of two characters.
        assert_eq!(
            decode_references("Caf&eacute; &NotEqualTilde;"),
            "Café ≂\u{338}"
        );
        // What names nothing stays as written; nothing panics on a cut
        // reference, a huge number, a zero or multi-byte text after '&'.
        for s in [
            "AT&T",
            "&",
            "&;",
            "&#;",
            "&#99999999999;",
            "&#0;",
            "&#x110000;",
            "&中文;",
            "a&b&c",
        ] {
            assert_eq!(decode_references(s), s);
        }
        let page = r#"<html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Lynn: &#8220;We won&#8221;",
             "author": {"name": "Mike Florio &amp; Staff"}}</script></head>
            <body><article><p>Lynn said the team needed to win the game, and it did so.</p>
            <p>The Chargers are 4-7, and they would probably not make the playoffs.</p>
            </article></body></html>"#;
        let a = extract(page.as_bytes(), "x", None, None).unwrap();
        assert_eq!(a.headline.as_deref(), Some("Lynn: “We won”"));
    }

    #[test]
    fn a_person_in_json_ld_outranks_a_company_in_the_author_meta_tag() {
        let page = |ld_author: &str| {
            format!(
                r#"<html><head><meta name="author" content="Condé Nast">
                <script type="application/ld+json">{{"@type": "NewsArticle",
                "headline": "Banking", "author": {ld_author}}}</script></head>
                <body><article><p>Banks are changing the way that people borrow money today.</p>
                <p>Most of the change is in apps, and most of it is not visible at all.</p>
                </article></body></html>"#
            )
        };
        let authors = |ld: &str| {
            extract(page(ld).as_bytes(), "x", None, None)
                .unwrap()
                .authors
        };
        assert_eq!(
            authors(r#"[{"@type": "Person", "name": "Molly Wood"}]"#),
            ["Molly Wood"]
        );
        // An organisation, a bare string or a nameless person in JSON-LD
        // leaves the tag its say.
        assert_eq!(
            authors(r#"{"@type": "Organization", "name": "WIRED"}"#),
            ["WIRED", "Condé Nast"]
        );
        assert_eq!(authors(r#""Molly Wood""#), ["Molly Wood", "Condé Nast"]);
        assert_eq!(authors(r#"{"@type": "Person"}"#), ["Condé Nast"]);
        assert_eq!(
            authors(r#"{"@type": "Person", "name": "kevin-r"}"#),
            ["kevin-r", "Condé Nast"]
        );
    }

    #[test]
    fn dublin_core_s_creator_outranks_a_plain_author_tag_and_other_keys_add_up() {
        let authors = |head: &str| {
            let page = PAGE.replace("<title>", &format!("{head}<title>"));
            let page = page.replace(r#""author":[{"@type":"Person","name":"Li Wei"},{"@type":"Person","name":"Ann Smith"}]"#, r#""x":1"#);
            extract(page.as_bytes(), "page.html", None, None)
                .unwrap()
                .authors
        };
        assert_eq!(
            authors(
                r#"<meta name="Author" content="中文学术期刊"><meta name="dc.creator" content="赵  培">
                   <meta property="dc:creator" content="Zhao Pei">"#
            ),
            ["Zhao Pei"]
        );
        assert_eq!(
            authors(
                r#"<meta name="author" content="FAIL"><meta name="DC.creator" content="Creator Name">"#
            ),
            ["Creator Name"]
        );
        assert_eq!(
            authors(
                r#"<meta name="sailthru.author" content="By David Jeans"><meta itemprop="author" content="Kevin Rebong">"#
            ),
            ["David Jeans", "Kevin Rebong"]
        );
    }

    #[test]
    fn a_site_name_that_is_no_publisher_is_left_out() {
        let p = |name, url| plausible_publisher(name, Some("UK Tories under fire"), url);
        assert_eq!(p("Blogger", Some("https://www.linknaija.com/x")), None);
        assert_eq!(p("uk tories under fire", None), None);
        assert_eq!(p("   ", None), None);
        // Names that are the publisher's stay, on a subdomain too.
        assert_eq!(
            p(
                "ProFootballTalk",
                Some("https://profootballtalk.nbcsports.com/x")
            )
            .as_deref(),
            Some("ProFootballTalk")
        );
        assert_eq!(
            p("http://www.tmz.com", Some("https://www.tmz.com/x")).as_deref(),
            Some("http://www.tmz.com")
        );
        assert_eq!(p("nj", Some("https://www.nj.com/a")).as_deref(), Some("nj"));
        assert_eq!(
            p("Medium", Some("https://medium.com/@a/b")).as_deref(),
            Some("Medium")
        );
        assert_eq!(
            p("The GiveWell Blog", Some("https://blog.givewell.org/x")).as_deref(),
            Some("The GiveWell Blog")
        );
        assert_eq!(
            p("光明网", Some("https://guancha.gmw.cn/x")).as_deref(),
            Some("光明网")
        );
    }

    #[test]
    fn an_author_named_twice_in_other_cases_is_one_author() {
        let page = r#"<html><head>
            <meta name="author" content="JEFFREY GETTLEMAN">
            <meta name="byl" content="By Jeffrey Gettleman and Ann Smith">
            </head><body><article><h1>Sanctions lifted</h1><p>The ministry said on Tuesday that the quota for foreign series would rise again next year.</p></article></body></html>"#;
        let a = extract(page.as_bytes(), "s.html", None, None).unwrap();
        assert_eq!(a.authors, ["Jeffrey Gettleman", "Ann Smith"]);
        assert_eq!(
            one_per_person(vec!["LI WEI".into(), "Li  Wei".into(), "Li Wei".into()]),
            ["Li  Wei"]
        );
        assert_eq!(one_per_person(vec!["ANN SMITH".into()]), ["ANN SMITH"]);
    }

    #[test]
    fn bylines_become_one_clean_name_per_author() {
        let body = "<article><h1>Quotas rise</h1><p>The ministry said on Tuesday that the quota for foreign series would rise again next year, according to a notice.</p><p>Producers said the change would help exports.</p></article>";
        let visible = format!(
            r#"<html><body><div class="byline">By ANN SMITH and LI WEIExample Press | March 5, 2024 9:02 AM</div>{body}</body></html>"#
        );
        let a = extract(visible.as_bytes(), "v.html", None, None).unwrap();
        assert_eq!(a.authors, ["ANN SMITH", "LI WEI"]);
        let meta = format!(
            r#"<html><head><meta name="author" content="Jill Doe, Example Business"></head><body>{body}</body></html>"#
        );
        let a = extract(meta.as_bytes(), "m.html", None, None).unwrap();
        assert_eq!(a.authors, ["Jill Doe"]);
        // A commenter and the comment form's "Name (required)" are not
        // the article's authors.
        let comments = format!(
            r#"<html><body>{body}<div id="comments"><span class="comment-author">Ann Reader</span></div><form><div class="comment-form-author"><label for="author">Name <span>(required)</span></label><input id="author"></div></form></body></html>"#
        );
        let a = extract(comments.as_bytes(), "c.html", None, None).unwrap();
        assert!(a.authors.is_empty(), "{:?}", a.authors);
        let ld = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","author":"Carrie DoeNovember 15, 2019"}}</script></head><body>{body}</body></html>"#
        );
        let a = extract(ld.as_bytes(), "l.html", None, None).unwrap();
        assert_eq!(a.authors, ["Carrie Doe"]);
    }

    #[test]
    fn a_chinese_byline_label_must_open_its_line_and_hold_a_short_name() {
        let body = "<div class=\"content\"><p>据新华社报道，国家广播电视总局近日发布通知，鼓励优秀微短剧作品走向海外市场，\
            推动中华文化在东南亚、拉丁美洲和中东地区的传播。</p><p>业内人士表示，人工智能技术正在改变微短剧的制作方式，\
            制作周期大幅缩短，成本明显下降，海外平台的用户数量持续增长。</p></div>";
        let page = |line: &str| format!("<html><body><div>{line}</div>{body}</body></html>");
        let authors = |line: &str| {
            extract(page(line).as_bytes(), "zh.html", None, None)
                .unwrap()
                .authors
        };
        assert_eq!(authors("文：李明"), ["李明"]);
        assert!(authors("全文：首先欢迎你来到新华网接受我们的采访，请谈谈").is_empty());
        assert!(authors("记者：“西吉县已形成了县有繁育中心、乡有").is_empty());
        assert!(authors("记者：据你了解现在农民学习科学技术，有什么困难").is_empty());
        // Several names after the label; a credit line without a colon.
        assert_eq!(
            authors("来源： 21世纪经济报道 作者：宋怡 杨志华"),
            ["宋怡", "杨志华"]
        );
        assert_eq!(authors("光明日报记者 王建宏 张文攀"), ["王建宏", "张文攀"]);
        assert_eq!(authors("顶端新闻·河南商报记者马俊峰/文"), ["马俊峰"]);
        assert_eq!(authors("（记者 李明）"), ["李明"]);
        assert!(authors("本报记者近日走访了多家微短剧企业").is_empty());
        assert!(authors("记者在现场看到，观众排起了长队").is_empty());
        assert!(authors("记者调查").is_empty());
        assert!(authors("在线荐稿 记者博客").is_empty());
        // A credit line is short: a huge one credits nobody.
        let huge = format!("记者 {}", "王建宏 ".repeat(100_000));
        assert!(authors(&huge).is_empty());
        assert!(authors("新华社记者看东北").is_empty());
        assert_eq!(
            authors("新华网黑龙江频道 记者 伊琳 李清芬"),
            ["伊琳", "李清芬"]
        );
    }

    #[test]
    fn a_gbk_chinese_page_with_a_visible_date_and_byline() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
            <title>微短剧出海_新闻中心</title></head><body><div class=\"nav\">首页 | 新闻</div>\
            <div class=\"info\">发布时间：2024年3月5日 21:23　作者：张伟</div>\
            <div class=\"content\"><p>据新华社报道，国家广播电视总局近日发布通知，鼓励优秀微短剧作品走向海外市场，\
            推动中华文化在东南亚、拉丁美洲和中东地区的传播。</p><p>业内人士表示，人工智能技术正在改变微短剧的制作方式，\
            制作周期大幅缩短，成本明显下降，海外平台的用户数量持续增长。</p><p>专家认为，\
            出海需要尊重当地文化，讲好中国故事，同时提高作品的艺术质量和思想深度。</p></div></body></html>";
        let bytes = encoding_rs::GBK.encode(page).0.into_owned();
        let a = extract(&bytes, "zh.html", None, None).unwrap();
        assert_eq!(a.encoding, "gb18030");
        assert_eq!(a.encoding_evidence, Evidence::MetaCharset);
        assert_eq!(a.published.as_deref(), Some("2024-03-05T21:23:00"));
        assert_eq!(a.authors, ["张伟"]);
        assert_eq!(a.language.as_deref(), Some("zh"));
        assert!(a.text().contains("据新华社报道"), "{}", a.text());
    }

    #[test]
    fn a_chinese_credit_in_the_text_and_a_forum_post_signature() {
        let paragraphs = "<p>据新华社报道，国家广播电视总局近日发布通知，鼓励优秀微短剧作品走向海外市场，\
            推动中华文化在东南亚、拉丁美洲和中东地区的传播。</p><p>业内人士表示，人工智能技术正在改变微短剧的制作方式，\
            制作周期大幅缩短，成本明显下降，海外平台的用户数量持续增长。</p>";
        // Sohu's dateline glues the time to 日; the reporter is credited in
        // brackets closing the text, and the editor after it is no author.
        let news = format!(
            "<html><body><div class=\"nav\">首页 | 新闻 | 财经 | 体育</div><div>2005年3月11日12:12 来源：人民网</div>\
            <div class=\"content\">{paragraphs}<p>出海需要尊重当地文化，讲好中国故事。（记者 李明 北京报道）</p>\
            <p>（责任编辑：王伟）</p></div></body></html>"
        );
        let a = extract(news.as_bytes(), "zh.html", None, None).unwrap();
        assert_eq!(a.authors, ["李明"]);
        assert_eq!(a.published.as_deref(), Some("2005-03-11T12:12:00"));
        // A forum post signs itself under its text; the replies after it
        // sign theirs.
        let post = format!(
            "{paragraphs}<p>专家认为，出海需要尊重当地文化，讲好中国故事，同时提高作品的艺术质量和思想深度，\
            这是微短剧行业在新的一年里必须面对的课题，也是平台和制作公司共同的责任。\
            观众的口味在变，市场的规则也在变，只有不断创新才能赢得更多的海外观众。</p>"
        );
        let forum = format!(
            "<html><body><div class=\"post\">{post}<p>〓 留言板 发布时间 2005/05/17 22:11:42 by 眉间尺 〓</p>\
            <p>说得好，同意楼主的看法，微短剧确实改变了很多人的娱乐方式。</p>\
            <p>〓 留言板 发布时间 2005/05/18 13:45:40 by 愤怒的马 〓</p></div></body></html>"
        );
        let a = extract(forum.as_bytes(), "forum.html", None, None).unwrap();
        assert_eq!(a.authors, ["眉间尺"]);
        assert_eq!(a.published.as_deref(), Some("2005-05-17T22:11:42"));
        // The post's text ends at its signature: the reply is not the
        // poster's.
        assert!(
            a.text().contains("海外平台的用户数量持续增长"),
            "{}",
            a.text()
        );
        assert!(!a.text().contains("同意楼主"), "{}", a.text());
        assert!(!a.text().contains("发布时间"), "{}", a.text());
        // A signature above a post cuts nothing.
        let above = format!(
            "<html><body><div class=\"post\"><p>〓 留言板 发布时间 2005/05/17 22:11:42 by 眉间尺 〓</p>{paragraphs}</div></body></html>"
        );
        let a = extract(above.as_bytes(), "above.html", None, None).unwrap();
        assert_eq!(a.authors, ["眉间尺"]);
        assert!(
            a.text().contains("海外平台的用户数量持续增长"),
            "{}",
            a.text()
        );
    }

    #[test]
    fn a_date_on_the_source_line_or_under_the_headline() {
        use super::dated_line;
        let visible = "首页\n新闻\n农机专家李金泽：为农机行业搭建现代化信息平台\n2005年08月16日\u{3000}来源：新华网\n正文";
        assert_eq!(
            dated_line(visible, None, None).as_deref(),
            Some("2005-08-16")
        );
        let visible = "Home\nNews\n2019 in review\nCells That Taste Danger\nBy\nCarrie Arnold\nNovember 15, 2019\nTaste receptors…";
        assert_eq!(
            dated_line(visible, Some("Cells That Taste Danger"), None).as_deref(),
            Some("2019-11-15")
        );
        // Too far under the headline, or no headline line: the date
        // alone is not taken (a menu's or a calendar's dates are dates
        // too), only a date with a time elsewhere.
        let far = "Cells That Taste Danger\na\nb\nc\nd\nNovember 15, 2019";
        assert_eq!(dated_line(far, Some("Cells That Taste Danger"), None), None);
        assert_eq!(
            dated_line("Menu\nNovember 15, 2019\ntext", Some("Cells"), None),
            None
        );
        assert_eq!(
            dated_line("发布于：2015-11-05 11:34 编辑：Alice", None, None).as_deref(),
            Some("2015-11-05T11:34:00")
        );
        // A label that ends its line, the date on the next.
        let visible = "作者：\n来源：\n发布日期：\n9/17/2004 5:54:13 AM\n正文";
        assert_eq!(
            dated_line(visible, None, None).as_deref(),
            Some("2004-09-17T05:54:13")
        );
        // Under the first paragraph when the title is no headline: a
        // dateline, not a date in the next paragraph's sentences.
        let first = "给计算机系学生的建议".to_owned();
        let visible = "Joel on Software\n给计算机系学生的建议\n作者： 周思博\n2005年1月2日\n虽然…";
        assert_eq!(
            dated_line(
                visible,
                Some("Joel on Software - 给计算机系学生的建议"),
                Some(&first)
            )
            .as_deref(),
            Some("2005-01-02")
        );
        let first = "Breaking with decades of policy, Trump has pursued tariffs.".to_owned();
        let visible = "Breaking with decades of policy, Trump has pursued tariffs.\n\
                       \"The betrayal is over,\" Trump said at a rally on Nov. 6, 2019.";
        assert_eq!(dated_line(visible, None, Some(&first)), None);
    }

    #[test]
    fn the_speaker_of_a_reviewed_claim_is_not_the_fact_check_s_author() {
        let ld = r#"<script type="application/ld+json">{"@type":"ClaimReview",
            "author":{"@type":"Organization","name":"Example Check"},
            "claimReviewed":"Forces block the evacuation",
            "itemReviewed":{"@type":"CreativeWork","author":{"@type":"Person",
            "name":"The Russian and Syrian defense ministries"}}}</script>"#;
        let body = "<p>The ministries said on Tuesday that the forces blocked the evacuation of the camp, \
            a claim that satellite images and the camp's residents contradict.</p>\
            <p>Aid groups said the convoy reached the camp twice in October.</p>";
        let page = |byline: &str| {
            format!(
                "<html><head>{ld}</head><body><div class=\"claim\"><h4 class=\"author\">The Russian and Syrian defense ministries</h4></div>{byline}<article>{body}</article></body></html>"
            )
        };
        let a = extract(page("").as_bytes(), "f.html", None, None).unwrap();
        assert!(a.authors.is_empty(), "{:?}", a.authors);
        let a = extract(
            page("<span class=\"byline\">By Jane Roe</span>").as_bytes(),
            "f.html",
            None,
            None,
        )
        .unwrap();
        assert_eq!(a.authors, ["Jane Roe"]);
    }

    #[test]
    fn a_byline_is_the_element_naming_the_author_without_its_job_title() {
        let body = "<p>The new headset sold out in its first week, the company said on Monday, \
            and more units arrive in stores next month.</p>\
            <p>Reviewers praised its screen and criticised its price.</p>";
        let page = |byline: &str| {
            format!(
                "<html><body><div class=\"author\">{byline}</div><article>{body}</article></body></html>"
            )
        };
        let authors = |byline: &str| {
            extract(page(byline).as_bytes(), "f.html", None, None)
                .unwrap()
                .authors
        };
        assert_eq!(
            authors("<a>Ben Silverman</a> <div class=\"author-title\">Games Editor</div>"),
            ["Ben Silverman"]
        );
        assert_eq!(
            authors("<a>Jane Roe</a> <span class=\"byline__role\">Reporter</span>"),
            ["Jane Roe"]
        );
        // A container of the outlet and the author gives way to the
        // element that names the author.
        assert_eq!(
            authors(
                "<a>Tech Insider</a> <span itemprop=\"author\"><span itemprop=\"name\">Alex Perry</span></span>"
            ),
            ["Alex Perry"]
        );
        // Bylines nested as deep as a page may nest are read, not refused.
        let deep = format!(
            "{}Jane Roe",
            "<span class=\"author\">a ".repeat(MAX_DEPTH - 100)
        );
        assert!(extract(page(&deep).as_bytes(), "f.html", None, None).is_ok());
        // A class that only contains the letters of a word is no title.
        assert_eq!(
            authors("<span class=\"subtitled\">Jane Roe</span>"),
            ["Jane Roe"]
        );
    }

    #[test]
    fn a_charset_declared_as_the_language_is_no_language() {
        use super::language_tag;
        assert_eq!(language_tag("zh-CN").as_deref(), Some("zh-CN"));
        assert_eq!(language_tag("en_US").as_deref(), Some("en-US"));
        assert_eq!(
            language_tag("zh-Hans-CN, en").as_deref(),
            Some("zh-Hans-CN")
        );
        for no in [
            "utf-8",
            "UTF-8",
            "gb2312",
            "iso-8859-1",
            "Chinese",
            "",
            " ",
            "e",
            "zh-",
            "中文",
        ] {
            assert_eq!(language_tag(no), None, "{no}");
        }
        // The page's text decides instead, and a Chinese page reads its
        // credits.
        let page = "<html><head><meta http-equiv=\"Content-Language\" content=\"utf-8\"></head><body>\
            <div class=\"content\"><p>据新华社报道，国家广播电视总局近日发布通知，鼓励优秀微短剧作品走向海外市场，\
            推动中华文化在东南亚、拉丁美洲和中东地区的传播。</p><p>业内人士表示，人工智能技术正在改变微短剧的制作方式，\
            制作周期大幅缩短，成本明显下降。</p><p>□ 本报记者 葛灵丹</p></div></body></html>";
        let a = extract(page.as_bytes(), "zh.html", None, None).unwrap();
        assert_eq!(a.language.as_deref(), Some("zh"));
        assert_eq!(a.authors, ["葛灵丹"]);
    }

    #[test]
    fn non_html_and_empty_pages_are_refused() {
        assert!(matches!(
            extract(b"%PDF-1.7", "x.pdf", None, Some("application/pdf")),
            Err(ExtractError::NotHtml(m)) if m == "Content-Type application/pdf"
        ));
        assert!(matches!(
            extract(b"", "empty.html", None, None),
            Err(ExtractError::NoText)
        ));
        assert!(matches!(
            extract(
                b"<html><body><nav>Home</nav></body></html>",
                "nav.html",
                None,
                None
            ),
            Err(ExtractError::NoText)
        ));
        // Garbage bytes never panic.
        let noise: Vec<u8> = (0..20_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(matches!(
            extract(&noise, "noise.html", None, None),
            Err(ExtractError::NotHtml(_))
        ));
        assert!(matches!(
            extract(b"just some text, no markup", "t.html", None, None),
            Err(ExtractError::NotHtml(_))
        ));
    }

    #[test]
    fn pages_nested_too_deep_are_refused_before_parsing() {
        let text =
            "<p>A paragraph of the article, long enough to be taken for text by any extractor.</p>";
        let deep = format!("<html><body>{}{text}", "<div>".repeat(50_000));
        assert!(matches!(
            extract(deep.as_bytes(), "deep.html", None, None),
            Err(ExtractError::TooDeep(50_000))
        ));
        // Scripts, comments, void and optional-end elements do not count.
        let page = format!(
            "<html><body><script>for (i=0;i<n;i++) {{}}{}</script><!--{}--><div>{}<br>{text}</div></body></html>",
            "if (a<b) x();".repeat(10_000),
            "<div>".repeat(10_000),
            "<li>item<img src=x>".repeat(10_000)
        );
        assert_eq!(nesting_depth(&page), 1);
        assert!(extract(page.as_bytes(), "ok.html", None, None).is_ok());
    }
}
