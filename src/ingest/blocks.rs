//! claimgraph's own main-text extractor, working on the DOM that metadata
//! extraction has already parsed (one parse per page). It cuts the body
//! into text blocks at block-level elements and `<br>`s, skips what is never
//! article text (scripts, navigation, hidden and boilerplate-named
//! subtrees), scores each element by the sentence-like blocks beneath it
//! (length, punctuation, few links), picks the best container, adds the
//! siblings that read like its continuation, and keeps the container's
//! blocks that are not link lists. Han characters weigh more than Latin
//! letters, so Chinese pages are judged by the same thresholds.

use scraper::{ElementRef, Html, Node};
use std::sync::LazyLock;

/// An element's place in the walk.
#[derive(Debug, Clone)]
struct Element {
    parent: Option<usize>,
    /// Text units beneath, and how many of them are link text.
    units: usize,
    link_units: usize,
    /// Score from the blocks beneath.
    score: f64,
    /// Units of the sentence-like (scoring) blocks beneath.
    good: usize,
    /// Class and id evidence: positive for article-like names.
    weight: f64,
    /// `p`-like: its blocks score its parent, not itself.
    paragraph: bool,
    /// Named like boilerplate (and not like an article).
    negative: bool,
    /// Named like comments.
    strongly_negative: bool,
}

/// A run of text between block boundaries.
#[derive(Debug, Clone)]
struct Block {
    text: String,
    units: usize,
    link_units: usize,
    /// The innermost element holding it.
    owner: usize,
    heading: bool,
}

/// Tags whose subtrees are never article text.
fn skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "head"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "nav"
            | "aside"
            | "footer"
            | "menu"
            | "dialog"
            | "canvas"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "map"
            | "figcaption"
    )
}

/// Tags that end a text block.
fn block_level(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "header"
            | "figure"
            | "form"
            | "fieldset"
            | "address"
            | "center"
            | "body"
            | "hr"
            | "details"
            | "summary"
            | "caption"
    )
}

/// One pattern matching any of `fragments`.
fn any_of(fragments: &[&str]) -> regex::Regex {
    let alternatives: Vec<String> = fragments.iter().map(|f| regex::escape(f)).collect();
    regex::Regex::new(&alternatives.join("|")).expect("escaped alternatives")
}

static NEGATIVE_NAMES: LazyLock<regex::Regex> = LazyLock::new(|| any_of(NEGATIVE));
static STRONGLY_NEGATIVE_NAMES: LazyLock<regex::Regex> =
    LazyLock::new(|| any_of(STRONGLY_NEGATIVE));
static POSITIVE_NAMES: LazyLock<regex::Regex> = LazyLock::new(|| any_of(POSITIVE));

/// Class or id fragments of boilerplate containers.
const NEGATIVE: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "sidebar",
    "widget",
    "breadcrumb",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "sponsor",
    "cookie",
    "popup",
    "modal",
    "footer",
    "masthead",
    "menu",
    "navbar",
    "nav-",
    "-nav",
    "pagination",
    "pager",
    "toolbar",
    "tags",
    "taglist",
    "byline",
    "author-bio",
    "disclaimer",
    "copyright",
    "recommend",
    "most-popular",
    "mostpopular",
    "trending",
    "signup",
    "login",
    "banner",
    "outbrain",
    "taboola",
    "hidden",
    "skip-link",
    "print-",
    "caption",
    "credit",
];

/// Class or id fragments that mark a discussion: boilerplate whatever its
/// size (it can be longer than the article).
const STRONGLY_NEGATIVE: &[&str] = &["comment", "reply", "replies", "respond", "disqus"];

/// Class or id fragments of article containers.
const POSITIVE: &[&str] = &[
    "article", "content", "entry", "post", "story", "text", "body", "main", "blog", "news",
    "detail", "zhengwen", "artical", "con_",
];

/// The article's paragraphs, or nothing when no block reads like text.
pub fn main_text(doc: &Html) -> Vec<String> {
    let (elements, blocks) = walk(doc);
    if blocks.is_empty() {
        return Vec::new();
    }
    let mut elements = elements;
    let blocks = without_boilerplate(&elements, blocks);
    totals(&mut elements, &blocks);
    score(&mut elements, &blocks);
    let Some(best) = best_candidate(&elements) else {
        return fallback(&blocks);
    };
    let best = widen(&elements, best);
    let chosen = with_siblings(&elements, best);
    let mut paragraphs: Vec<String> = Vec::new();
    for block in &blocks {
        if !chosen.iter().any(|&c| descends(&elements, block.owner, c)) {
            continue;
        }
        if !keep(block) {
            continue;
        }
        if paragraphs.last() != Some(&block.text) {
            paragraphs.push(block.text.clone());
        }
    }
    let kept: usize = paragraphs.iter().map(|p| units(p)).sum();
    let readable: usize = blocks
        .iter()
        .filter(|b| reads_as_text(b))
        .map(|b| b.units)
        .sum();
    if kept * 4 < readable {
        return fallback(&blocks);
    }
    paragraphs
}

/// Drops the blocks beneath boilerplate-named elements — unless such an
/// element holds half the page's text, when it is a wrapper misnamed (a
/// class like `advertisement-off-canvas-pusher` around the whole page);
/// comments go whatever their size.
fn without_boilerplate(elements: &[Element], blocks: Vec<Block>) -> Vec<Block> {
    let total: usize = blocks.iter().map(|b| b.units).sum();
    blocks
        .into_iter()
        .filter(|b| {
            let mut at = Some(b.owner);
            while let Some(i) = at {
                let e = &elements[i];
                if e.strongly_negative || (e.negative && e.units * 2 < total) {
                    return false;
                }
                at = e.parent;
            }
            true
        })
        .collect()
}

/// Text units: Han, kana and hangul characters count three, other
/// non-space characters one.
fn units(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_cjk(c) { 3 } else { 1 })
        .sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn link_density(units: usize, link_units: usize) -> f64 {
    if units == 0 {
        0.0
    } else {
        link_units as f64 / units as f64
    }
}

/// A block long enough and free enough of links to be prose wherever it
/// stands on the page.
fn reads_as_text(block: &Block) -> bool {
    block.units >= 60 && link_density(block.units, block.link_units) < 0.3
}

/// Whether a block inside the chosen container is kept.
fn keep(block: &Block) -> bool {
    let density = link_density(block.units, block.link_units);
    if block.heading {
        return density < 0.5 && block.units < 400;
    }
    if density > 0.5 {
        return false;
    }
    if block.text.starts_with('<') && block.text.ends_with('>') {
        // Markup shown as text (a `<noscript>` image, say) is never prose.
        return false;
    }
    if block.units < 12 {
        // Short lines are kept only when they end like a sentence.
        return block
            .text
            .ends_with(['.', '!', '?', '。', '！', '？', '”', '"', ':', '：'])
            && density == 0.0;
    }
    true
}

/// The blocks that read as text anywhere on the page, for pages without a
/// clear container.
fn fallback(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter(|b| reads_as_text(b))
        .map(|b| b.text.clone())
        .collect()
}

fn descends(elements: &[Element], mut node: usize, ancestor: usize) -> bool {
    loop {
        if node == ancestor {
            return true;
        }
        match elements[node].parent {
            Some(p) => node = p,
            None => return false,
        }
    }
}

/// What the walk carries per open element.
struct Open {
    id: usize,
    block: bool,
    link: bool,
    heading: bool,
}

/// Walks the body: element statistics and text blocks in document order.
fn walk(doc: &Html) -> (Vec<Element>, Vec<Block>) {
    let mut elements: Vec<Element> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let root = doc.root_element();
    let body = root
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(root);

    let mut buffer = String::new();
    let mut buffer_links = 0usize;
    let mut open: Vec<Open> = Vec::new();
    // The walk: (node, entering?) pairs, children pushed in reverse.
    let mut stack = vec![(*body, true)];
    while let Some((node, entering)) = stack.pop() {
        if !entering {
            let closing = open.last().expect("balanced walk");
            if closing.block || closing.heading {
                flush(&mut buffer, &mut buffer_links, &open, &mut blocks);
            }
            open.pop();
            continue;
        }
        match node.value() {
            Node::Text(text) => {
                if open.is_empty() {
                    continue;
                }
                let in_link = open.iter().rev().any(|o| o.link);
                if in_link {
                    buffer_links += units(text);
                }
                buffer.push_str(text);
            }
            Node::Element(el) => {
                let name = el.name();
                if name == "br" {
                    flush(&mut buffer, &mut buffer_links, &open, &mut blocks);
                    continue;
                }
                let names = class_and_id(el);
                // A caption (an image's, inline or not: "newsCaption") is
                // skipped as <figcaption> is, whatever else its name says.
                let caption =
                    names.contains("caption") && !matches!(name, "body" | "article" | "main");
                if skipped(name) || hidden(el) || caption || open.len() > 200 {
                    continue;
                }
                let named = !names.trim().is_empty();
                let negative = named && NEGATIVE_NAMES.is_match(&names);
                let positive = named && POSITIVE_NAMES.is_match(&names);
                // A data cell (no blocks inside) is part of its row's line.
                let cell = matches!(name, "td" | "th") && !has_block_inside(ElementRef::wrap(node));
                if cell {
                    buffer.push(' ');
                }
                let block = block_level(name) && !cell;
                let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                if block {
                    flush(&mut buffer, &mut buffer_links, &open, &mut blocks);
                }
                let id = elements.len();
                let mut weight = 0.0;
                if positive {
                    weight += 25.0;
                }
                if negative {
                    weight -= 25.0;
                }
                if matches!(name, "article" | "main") {
                    weight += 25.0;
                }
                elements.push(Element {
                    parent: open.last().map(|o| o.id),
                    units: 0,
                    link_units: 0,
                    score: 0.0,
                    good: 0,
                    weight,
                    paragraph: matches!(
                        name,
                        "p" | "pre" | "blockquote" | "td" | "tr" | "li" | "dd"
                    ),
                    negative: negative && !positive && !matches!(name, "body" | "article" | "main"),
                    strongly_negative: !matches!(name, "body" | "article" | "main")
                        && named
                        && STRONGLY_NEGATIVE_NAMES.is_match(&names),
                });
                open.push(Open {
                    id,
                    block,
                    link: name == "a",
                    heading,
                });
                stack.push((node, false));
                for child in node.children().rev() {
                    stack.push((child, true));
                }
            }
            _ => {}
        }
    }
    totals(&mut elements, &blocks);
    (elements, blocks)
}

/// Text and link units per element, from the blocks beneath it.
fn totals(elements: &mut [Element], blocks: &[Block]) {
    for e in elements.iter_mut() {
        e.units = 0;
        e.link_units = 0;
    }
    for block in blocks {
        let mut at = Some(block.owner);
        while let Some(i) = at {
            elements[i].units += block.units;
            elements[i].link_units += block.link_units;
            at = elements[i].parent;
        }
    }
}

/// Whether block-level elements (or line breaks) lie beneath.
fn has_block_inside(element: Option<ElementRef>) -> bool {
    element.is_some_and(|e| {
        e.descendants().skip(1).any(|n| {
            n.value()
                .as_element()
                .is_some_and(|el| el.name() == "br" || block_level(el.name()))
        })
    })
}

/// Ends the current block, if it holds any text: it belongs to the
/// innermost open element, and is a heading inside any heading.
fn flush(buffer: &mut String, links: &mut usize, open: &[Open], blocks: &mut Vec<Block>) {
    let Some(innermost) = open.last() else {
        buffer.clear();
        *links = 0;
        return;
    };
    let (owner, heading) = (innermost.id, open.iter().any(|o| o.heading));
    let text = buffer.split_whitespace().collect::<Vec<_>>().join(" ");
    buffer.clear();
    let link_units = std::mem::take(links);
    if text.is_empty() {
        return;
    }
    let units = units(&text);
    blocks.push(Block {
        text,
        units,
        link_units: link_units.min(units),
        owner,
        heading,
    });
}

fn hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

fn class_and_id(el: &scraper::node::Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(&c.to_ascii_lowercase());
    }
    s.push(' ');
    if let Some(i) = el.attr("id") {
        s.push_str(&i.to_ascii_lowercase());
    }
    s
}

/// Scores elements by the sentence-like blocks beneath them.
fn score(elements: &mut [Element], blocks: &[Block]) {
    for block in blocks {
        if block.heading || block.units < 25 {
            continue;
        }
        if link_density(block.units, block.link_units) > 0.5 {
            continue;
        }
        let punctuation = block
            .text
            .chars()
            .filter(|c| matches!(c, ',' | '，' | '、' | '。' | ';' | '；'))
            .count();
        let points = 1.0 + punctuation.min(10) as f64 + (block.units as f64 / 100.0).min(3.0);
        let first = if elements[block.owner].paragraph {
            elements[block.owner].parent
        } else {
            Some(block.owner)
        };
        let mut up = Some(block.owner);
        while let Some(i) = up {
            elements[i].good += block.units;
            up = elements[i].parent;
        }
        let mut at = first;
        for divisor in [1.0, 2.0, 3.0] {
            let Some(i) = at else { break };
            elements[i].score += points / divisor;
            at = elements[i].parent;
        }
    }
}

fn adjusted(e: &Element) -> f64 {
    (e.score + e.weight.max(-e.score)) * (1.0 - link_density(e.units, e.link_units))
}

fn best_candidate(elements: &[Element]) -> Option<usize> {
    let (best, e) = elements
        .iter()
        .enumerate()
        .filter(|(_, e)| e.score > 0.0)
        .max_by(|a, b| adjusted(a.1).total_cmp(&adjusted(b.1)))?;
    (adjusted(e) > 0.0).then_some(best)
}

/// The best element, or an ancestor when the article goes on outside it
/// (sections split by figures or ads): climbs while an ancestor adds
/// sentence-like text and stays mostly such text; pure wrappers are passed.
fn widen(elements: &[Element], best: usize) -> usize {
    let mut current = best;
    let mut at = elements[best].parent;
    for _ in 0..8 {
        let Some(a) = at else { break };
        let (ancestor, here) = (&elements[a], &elements[current]);
        let added_units = ancestor.units - here.units;
        let added_good = ancestor.good - here.good;
        let added_links = ancestor.link_units - here.link_units;
        if added_good * 10 >= here.good {
            // More article, if the addition reads like article text.
            if added_good * 10 < added_units * 7 || added_links * 100 > added_units * 15 {
                break;
            }
            current = a;
        } else if added_units * 10 > here.units {
            break;
        }
        at = ancestor.parent;
    }
    current
}

/// The best element and the siblings that continue it.
fn with_siblings(elements: &[Element], best: usize) -> Vec<usize> {
    let mut chosen = vec![best];
    let Some(parent) = elements[best].parent else {
        return chosen;
    };
    let threshold = (adjusted(&elements[best]) * 0.2).max(10.0);
    for (i, e) in elements.iter().enumerate() {
        if i == best || e.parent != Some(parent) {
            continue;
        }
        let density = link_density(e.units, e.link_units);
        if adjusted(e) >= threshold || (e.paragraph && e.units >= 80 && density < 0.25) {
            chosen.push(i);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> Vec<String> {
        main_text(&Html::parse_document(html))
    }

    const P1: &str = "The National Radio and Television Administration said on Monday that it would fund one hundred micro-drama productions, a first for the sector.";
    const P2: &str = "Producers in Hengdian, where most short series are filmed, welcomed the plan, but some warned that the money would favour the largest studios.";

    #[test]
    fn the_article_container_wins_over_navigation_and_related_links() {
        let html = format!(
            "<html><body><nav><a href=/a>Home</a> <a href=/b>World</a></nav>\
             <div class=main-article><h1>Funding for micro-dramas</h1><p>{P1}</p><p>{P2}</p>\
             <div class=share><a href=#>Share on X</a></div></div>\
             <div class=related><ul><li><a href=/x>Another story about something else entirely, with a long link text</a></li></ul></div>\
             <footer>Copyright 2025 Example News</footer></body></html>"
        );
        assert_eq!(text(&html), vec!["Funding for micro-dramas", P1, P2]);
    }

    #[test]
    fn chinese_paragraphs_and_br_separated_text() {
        let html = "<html><body><div id=menu><a href=/>首页</a><a href=/n>新闻</a></div>\
             <div class=con_text>国家广播电视总局发布通知，鼓励优秀微短剧作品走向海外市场，推动中华文化传播。<br><br>\
             专家认为，出海需要尊重当地文化，同时提高作品的艺术质量和思想深度，讲好中国故事。</div></body></html>";
        assert_eq!(
            text(html),
            vec![
                "国家广播电视总局发布通知，鼓励优秀微短剧作品走向海外市场，推动中华文化传播。",
                "专家认为，出海需要尊重当地文化，同时提高作品的艺术质量和思想深度，讲好中国故事。"
            ]
        );
    }

    #[test]
    fn hidden_scripts_and_link_lists_are_dropped() {
        let html = format!(
            "<html><body><article><p>{P1}</p><script>var x = 'not text';</script>\
             <p style='display: none'>Hidden text that should not appear in the article.</p>\
             <p><a href=/1>one link</a> <a href=/2>two links</a> <a href=/3>three links</a></p><p>{P2}</p></article></body></html>"
        );
        assert_eq!(text(&html), vec![P1, P2]);
    }

    #[test]
    fn captions_go_whatever_else_their_name_says() {
        let html = format!(
            "<html><body><article><p>{P1}</p><div class=photo><p><img src=a.jpg></p>\
             <span class=newsCaption>Officials at a launch event <span class=caption>(Image: GETTY )</span></span></div>\
             <div class=wp-caption><img src=b.jpg><p class=wp-caption-text>A studio in Hengdian</p></div>\
             <p>{P2}</p></article></body></html>"
        );
        assert_eq!(text(&html), vec![P1, P2]);
    }

    #[test]
    fn pages_without_text_yield_nothing() {
        assert!(text("<html><body><nav><a href=/>Home</a></nav></body></html>").is_empty());
        assert!(text("").is_empty());
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}{P1}", "<div>".repeat(5_000));
        let _ = text(&html);
    }
}
