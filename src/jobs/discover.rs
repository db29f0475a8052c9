//! Finding the pages a job should fetch: the items of feeds (RSS, Atom,
//! JSON Feed, by feed-rs) and the URLs of sitemaps, news sitemaps and
//! sitemap indexes. A malformed document is an error naming its URL and
//! where it broke; the job goes on with its other sources.

use quick_xml::events::Event;

/// A page a feed or sitemap lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its URL (fragment removed).
    pub url: String,
    /// When it was published, as the feed or sitemap says (ISO 8601).
    pub published: Option<String>,
}

/// What a sitemap document holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sitemap {
    /// Pages (`<urlset>`).
    Pages(Vec<Item>),
    /// Other sitemaps (`<sitemapindex>`).
    Index(Vec<String>),
}

/// Why a feed or sitemap could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {message}")]
pub struct DiscoverError {
    /// The document's URL.
    pub url: String,
    /// What is wrong, and where.
    pub message: String,
}

/// Entries of one sitemap read at most (the sitemap protocol's own limit).
pub const MAX_SITEMAP_ENTRIES: usize = 50_000;

/// `href` made absolute against `base` and cleaned of its fragment, if it
/// is an http(s) URL.
fn absolute(base: &str, href: &str) -> Option<String> {
    let base = url::Url::parse(base).ok();
    let mut u = match &base {
        Some(b) => b.join(href.trim()).ok()?,
        None => url::Url::parse(href.trim()).ok()?,
    };
    if !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    u.set_fragment(None);
    Some(u.to_string())
}

/// The items of a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) fetched from `url`.
pub fn feed_items(url: &str, body: &[u8]) -> Result<Vec<Item>, DiscoverError> {
    let feed = feed_rs::parser::parse(body).map_err(|e| DiscoverError {
        url: url.into(),
        message: format!("not a feed (RSS, Atom or JSON Feed): {e}"),
    })?;
    let mut out: Vec<Item> = Vec::new();
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| entry.links.first())
            .map(|l| l.href.clone())
            .or_else(|| entry.id.starts_with("http").then(|| entry.id.clone()));
        let Some(href) = link.and_then(|h| absolute(url, &h)) else {
            continue;
        };
        if out.iter().any(|i| i.url == href) {
            continue;
        }
        out.push(Item {
            url: href,
            published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
        });
    }
    Ok(out)
}

/// The pages or child sitemaps of a sitemap fetched from `url`.
pub fn sitemap(url: &str, body: &[u8]) -> Result<Sitemap, DiscoverError> {
    let mut reader = quick_xml::Reader::from_reader(body);
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut root: Option<String> = None;
    let (mut loc, mut date) = (None::<String>, None::<String>);
    let mut pages: Vec<Item> = Vec::new();
    let mut children: Vec<String> = Vec::new();
    let error = |reader: &quick_xml::Reader<&[u8]>, what: String| DiscoverError {
        url: url.into(),
        message: format!(
            "not a sitemap: {what} (at byte {})",
            reader.buffer_position()
        ),
    };
    let mut text = String::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let name = e.local_name().as_ref().to_owned();
                if root.is_none() {
                    if name != "urlset" && name != "sitemapindex" {
                        return Err(error(&reader, format!("the root element is <{name}>")));
                    }
                    root = Some(name.clone());
                }
                if name == "url" || name == "sitemap" {
                    loc = None;
                    date = None;
                }
                text.clear();
                path.push(name);
            }
            Ok(Event::End(_)) => {
                let name = path.pop().unwrap_or_default();
                match name.as_str() {
                    "loc" => loc = Some(text.trim().to_owned()),
                    "publication_date" => date = Some(text.trim().to_owned()),
                    "lastmod" if date.is_none() => date = Some(text.trim().to_owned()),
                    "url" | "sitemap" => {
                        if let Some(l) = loc.take().and_then(|l| absolute(url, &l)) {
                            if name == "url" {
                                if !pages.iter().any(|p| p.url == l) {
                                    pages.push(Item {
                                        url: l,
                                        published: date.take(),
                                    });
                                }
                            } else if !children.contains(&l) {
                                children.push(l);
                            }
                        }
                        if pages.len() + children.len() >= MAX_SITEMAP_ENTRIES {
                            break;
                        }
                    }
                    _ => {}
                }
                text.clear();
            }
            Ok(Event::Text(t)) => text.push_str(t.as_ref()),
            Ok(Event::CData(t)) => text.push_str(t.as_ref()),
            Ok(Event::GeneralRef(r)) => {
                let name: &str = r.as_ref();
                let c = match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    n => n
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                match c {
                    Some(c) => text.push(c),
                    None => return Err(error(&reader, format!("unknown entity &{name};"))),
                }
            }
            // Cut short (a truncated download): what it lists may be half
            // the list, so none of it is trusted, as with a broken feed.
            Ok(Event::Eof) if !path.is_empty() => {
                return Err(error(
                    &reader,
                    format!(
                        "it ends inside <{}>, cut short",
                        path.last().map_or("", String::as_str)
                    ),
                ));
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(error(&reader, e.to_string())),
        }
        buf.clear();
    }
    match root.as_deref() {
        Some("sitemapindex") => Ok(Sitemap::Index(children)),
        Some(_) => Ok(Sitemap::Pages(pages)),
        None => Err(error(&reader, "no root element".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_atom_and_json_feeds_give_their_items() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>A</title><link>https://news.example.com/a.html#top</link><pubDate>Mon, 02 Jun 2025 09:00:00 GMT</pubDate></item>
            <item><title>B</title><link>/b.html</link></item>
            <item><title>A again</title><link>https://news.example.com/a.html</link></item>
            </channel></rss>"#;
        let items = feed_items("https://news.example.com/rss.xml", rss.as_bytes()).unwrap();
        assert_eq!(
            items.iter().map(|i| i.url.as_str()).collect::<Vec<_>>(),
            [
                "https://news.example.com/a.html",
                "https://news.example.com/b.html"
            ]
        );
        assert!(
            items[0]
                .published
                .as_deref()
                .unwrap()
                .starts_with("2025-06-02T09:00:00")
        );
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
            <title>T</title><id>urn:x</id><updated>2025-06-02T09:00:00Z</updated>
            <entry><title>C</title><id>urn:c</id><updated>2025-06-02T09:00:00Z</updated>
            <link rel="alternate" href="https://news.example.com/c.html"/></entry></feed>"#;
        assert_eq!(
            feed_items("https://news.example.com/atom.xml", atom.as_bytes()).unwrap()[0].url,
            "https://news.example.com/c.html"
        );
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T",
            "items": [{"id": "1", "url": "https://news.example.com/d.html", "content_text": "x"}]}"#;
        assert_eq!(
            feed_items("https://news.example.com/feed.json", json.as_bytes()).unwrap()[0].url,
            "https://news.example.com/d.html"
        );
        let err =
            feed_items("https://news.example.com/bad.xml", b"<rss><channel><item>").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("https://news.example.com/bad.xml: not a feed"),
            "{err}"
        );
    }

    #[test]
    fn a_sitemap_cut_short_is_refused() {
        let whole = r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://news.example.com/a.html</loc></url>
            <url><loc>https://news.example.com/b.html</loc></url></urlset>"#;
        assert!(sitemap("https://news.example.com/s.xml", whole.as_bytes()).is_ok());
        let cut = &whole[..whole.find("b.html").unwrap()];
        let Err(err) = sitemap("https://news.example.com/s.xml", cut.as_bytes()) else {
            panic!("a cut sitemap is refused");
        };
        assert!(
            err.message.contains("ends inside <loc>, cut short"),
            "{}",
            err.message
        );
    }

    #[test]
    fn sitemaps_news_sitemaps_and_indexes() {
        let urlset = r#"<?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>https://news.example.com/a.html?x=1&amp;y=2</loc><lastmod>2025-06-01</lastmod></url>
            <url><loc>https://news.example.com/b.html</loc><news:news><news:publication_date>2025-06-03T08:00:00+08:00</news:publication_date></news:news></url>
            </urlset>"#;
        let Sitemap::Pages(pages) =
            sitemap("https://news.example.com/sitemap.xml", urlset.as_bytes()).unwrap()
        else {
            panic!("pages expected")
        };
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].url, "https://news.example.com/a.html?x=1&y=2");
        assert_eq!(pages[0].published.as_deref(), Some("2025-06-01"));
        assert_eq!(
            pages[1].published.as_deref(),
            Some("2025-06-03T08:00:00+08:00")
        );
        let index = r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>https://news.example.com/s1.xml</loc></sitemap>
            <sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>"#;
        assert_eq!(
            sitemap("https://news.example.com/index.xml", index.as_bytes()).unwrap(),
            Sitemap::Index(vec![
                "https://news.example.com/s1.xml".into(),
                "https://news.example.com/s2.xml".into()
            ])
        );
        let err = sitemap(
            "https://news.example.com/x.xml",
            b"<html><body>no</body></html>",
        )
        .unwrap_err();
        assert!(err.to_string().contains("root element is <html>"), "{err}");
        let err = sitemap(
            "https://news.example.com/x.xml",
            b"<urlset><url><loc>a</loc></urlset>",
        )
        .unwrap_err();
        assert!(err.to_string().contains("at byte"), "{err}");
    }
}
