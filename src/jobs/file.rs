//! Job files (`jobs/*.toml`): what an unattended ingestion pass fetches and
//! how politely. The format is documented in `docs/scheduling.md`; errors
//! name the file, line and column.

use crate::ingest::fetch::{FetchOptions, HostPolicy};
use crate::{Error, Result};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A job file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct JobFile {
    name: Option<String>,
    #[serde(default)]
    feeds: Vec<String>,
    #[serde(default)]
    sitemaps: Vec<String>,
    #[serde(default)]
    urls: Vec<String>,
    #[serde(default)]
    url_files: Vec<PathBuf>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    max_items: Option<usize>,
    revisit: Option<String>,
    claims: Option<bool>,
    author_assertions: Option<bool>,
    #[serde(default)]
    fetch: FetchSection,
    #[serde(default)]
    hosts: HashMap<String, HostSection>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FetchSection {
    delay: Option<f64>,
    concurrency: Option<usize>,
    host_concurrency: Option<usize>,
    timeout: Option<f64>,
    retries: Option<u32>,
    max_bytes: Option<u64>,
    contact: Option<String>,
    ignore_robots: Option<bool>,
    allow_private: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HostSection {
    delay: Option<f64>,
    concurrency: Option<usize>,
}

/// A validated job.
#[derive(Debug, Clone)]
pub struct Job {
    /// Its name (the file's stem unless given): names its journal.
    pub name: String,
    /// Feeds (RSS, Atom, JSON Feed), in order.
    pub feeds: Vec<String>,
    /// Sitemaps or sitemap indexes, in order.
    pub sitemaps: Vec<String>,
    /// Page URLs listed in the file or its URL files, in order.
    pub urls: Vec<String>,
    /// A page is taken only if it matches one of these (when any).
    pub include: Vec<Regex>,
    /// A page matching one of these is left out.
    pub exclude: Vec<Regex>,
    /// Keep articles in these languages only (primary subtags; empty: all).
    pub languages: Vec<String>,
    /// Pages fetched per pass at most (feeds and sitemaps not counted).
    pub max_items: usize,
    /// A page fetched less than this long ago is not fetched again.
    pub revisit: Duration,
    /// Fetch again, past `revisit`, the pages earlier passes stored that
    /// no list names now (a job file's pass; not `ingest URL`, which
    /// fetches what it is given).
    pub revisit_stored: bool,
    /// Find who claimed what in new versions.
    pub claims: bool,
    /// With the article's own assertions.
    pub author_assertions: bool,
    /// How to fetch.
    pub fetch: FetchOptions,
}

/// Pages fetched per pass when a job does not say.
pub const DEFAULT_MAX_ITEMS: usize = 1_000;

/// How long a fetched page is left alone when a job does not say.
pub const DEFAULT_REVISIT: Duration = Duration::from_secs(24 * 3600);

/// A duration: a number of seconds, or a number with `s`, `m`, `h` or `d`.
pub fn parse_duration(value: &str) -> Option<Duration> {
    let v = value.trim();
    let (number, unit) = match v.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => v.split_at(i),
        None => (v, "s"),
    };
    let n: f64 = number.trim().parse().ok()?;
    let secs = match unit.trim() {
        "s" => n,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        "d" => n * 86_400.0,
        _ => return None,
    };
    (secs.is_finite() && (0.0..=366.0 * 86_400.0).contains(&secs))
        .then(|| Duration::from_secs_f64(secs))
}

impl Job {
    /// Reads and validates a job file.
    pub fn read(path: &Path) -> Result<Job> {
        let content = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Job::parse(&content, path)
    }

    /// Parses a job file's content (`path` names it in errors and anchors
    /// its `url_files`).
    pub fn parse(content: &str, path: &Path) -> Result<Job> {
        let file: JobFile = toml::from_str(content).map_err(|e| Error::toml(path, content, &e))?;
        let bad = |field: &str, message: String| Error::invalid(path, Some(field.into()), message);
        let name = file.name.clone().unwrap_or_else(|| {
            path.file_stem()
                .map_or_else(|| "job".into(), |s| s.to_string_lossy().into_owned())
        });
        if crate::ids::slug(&name) == "_" {
            return Err(bad("name", format!("{name:?} cannot name a job")));
        }
        let check_url = |field: &str, u: &str| -> Result<String> {
            match url::Url::parse(u.trim()) {
                Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => {
                    let mut parsed = parsed;
                    parsed.set_fragment(None);
                    Ok(parsed.to_string())
                }
                _ => Err(bad(field, format!("{u:?} is not an http(s) URL"))),
            }
        };
        let feeds = file
            .feeds
            .iter()
            .map(|u| check_url("feeds", u))
            .collect::<Result<Vec<_>>>()?;
        let sitemaps = file
            .sitemaps
            .iter()
            .map(|u| check_url("sitemaps", u))
            .collect::<Result<Vec<_>>>()?;
        let mut urls = file
            .urls
            .iter()
            .map(|u| check_url("urls", u))
            .collect::<Result<Vec<_>>>()?;
        for rel in &file.url_files {
            let list = path.parent().unwrap_or(Path::new(".")).join(rel);
            let text = std::fs::read_to_string(&list).map_err(|e| Error::io(&list, e))?;
            // A list saved by a Windows editor starts with a byte-order mark.
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                urls.push(check_url("url_files", line).map_err(|_| {
                    Error::invalid(
                        &list,
                        Some(format!("line {}", n + 1)),
                        format!("{line:?} is not an http(s) URL"),
                    )
                })?);
            }
        }
        if feeds.is_empty() && sitemaps.is_empty() && urls.is_empty() {
            return Err(Error::invalid(
                path,
                None,
                "the job fetches nothing: give feeds, sitemaps, urls or url_files",
            ));
        }
        let patterns = |field: &str, list: &[String]| -> Result<Vec<Regex>> {
            list.iter()
                .map(|p| {
                    Regex::new(p)
                        .map_err(|e| bad(field, format!("{p:?} is not a regular expression: {e}")))
                })
                .collect()
        };
        let secs = |field: &str, v: Option<f64>| -> Result<Option<Duration>> {
            match v {
                None => Ok(None),
                Some(s) if s.is_finite() && (0.0..=86_400.0).contains(&s) => {
                    Ok(Some(Duration::from_secs_f64(s)))
                }
                Some(s) => Err(bad(
                    field,
                    format!("{s} is not a number of seconds from 0 to 86400"),
                )),
            }
        };
        let revisit = match &file.revisit {
            None => DEFAULT_REVISIT,
            Some(r) => parse_duration(r).ok_or_else(|| {
                bad(
                    "revisit",
                    format!("{r:?} is not a duration (30m, 12h, 7d, or seconds)"),
                )
            })?,
        };
        let f = &file.fetch;
        let defaults = FetchOptions::default();
        let timeout = secs("fetch.timeout", f.timeout)?;
        // Zero would make every request time out, or fetch nothing at all.
        if timeout.is_some_and(|t| t.is_zero()) {
            return Err(bad(
                "fetch.timeout",
                "0 s would time every request out".into(),
            ));
        }
        let mut counts = vec![
            ("fetch.concurrency".to_owned(), f.concurrency),
            ("fetch.host_concurrency".to_owned(), f.host_concurrency),
        ];
        counts.extend(
            file.hosts
                .iter()
                .map(|(host, h)| (format!("hosts.{host}.concurrency"), h.concurrency)),
        );
        if let Some((field, _)) = counts.iter().find(|(_, n)| *n == Some(0)) {
            return Err(bad(
                field,
                "0 requests at a time would fetch nothing; give 1 or more".into(),
            ));
        }
        let mut hosts = HashMap::new();
        for (host, h) in &file.hosts {
            hosts.insert(
                host.to_ascii_lowercase(),
                HostPolicy {
                    delay: secs(&format!("hosts.{host}.delay"), h.delay)?,
                    concurrency: h.concurrency,
                },
            );
        }
        let fetch = FetchOptions {
            connect_timeout: timeout
                .map_or(defaults.connect_timeout, |t| t.min(Duration::from_secs(30))),
            read_timeout: timeout.unwrap_or(defaults.read_timeout),
            total_timeout: timeout.map_or(defaults.total_timeout, |t| t * 2),
            max_bytes: f.max_bytes.unwrap_or(defaults.max_bytes),
            contact: f.contact.clone(),
            robots: !f.ignore_robots.unwrap_or(false),
            allow_private: f.allow_private.unwrap_or(false),
            host_delay: secs("fetch.delay", f.delay)?.unwrap_or(defaults.host_delay),
            concurrency: f.concurrency.unwrap_or(defaults.concurrency).max(1),
            host_concurrency: f
                .host_concurrency
                .unwrap_or(defaults.host_concurrency)
                .max(1),
            retries: f.retries.unwrap_or(defaults.retries),
            hosts,
            ..defaults
        };
        // "english" would keep no page at all, silently: a tag is two or
        // three letters, with subtags after a hyphen ("en", "zh-Hant").
        for l in &file.languages {
            let primary = l.trim().split(['-', '_']).next().unwrap_or_default();
            if !(2..=3).contains(&primary.len())
                || !primary.chars().all(|c| c.is_ascii_alphabetic())
            {
                return Err(bad(
                    "languages",
                    format!("{l:?} is not a language tag (\"en\", \"zh\", \"zh-Hant\")"),
                ));
            }
        }
        Ok(Job {
            name,
            feeds,
            sitemaps,
            urls,
            include: patterns("include", &file.include)?,
            exclude: patterns("exclude", &file.exclude)?,
            languages: file
                .languages
                .iter()
                .map(|l| l.trim().to_ascii_lowercase())
                .collect(),
            max_items: file.max_items.unwrap_or(DEFAULT_MAX_ITEMS),
            revisit,
            revisit_stored: true,
            claims: file.claims.unwrap_or(true),
            author_assertions: file.author_assertions.unwrap_or(true),
            fetch,
        })
    }

    /// Whether a page URL passes the include and exclude patterns.
    pub fn wants(&self, url: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|r| r.is_match(url)))
            && !self.exclude.iter().any(|r| r.is_match(url))
    }

    /// Whether an article's language is wanted.
    pub fn wants_language(&self, language: Option<&str>) -> bool {
        if self.languages.is_empty() {
            return true;
        }
        let Some(l) = language else { return true };
        let primary = l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase();
        self.languages
            .iter()
            .any(|w| *w == primary || *w == l.to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_file_is_read_with_its_defaults_and_host_policies() {
        let job = Job::parse(
            r#"
feeds = ["https://news.example.com/rss.xml#top"]
sitemaps = ["https://news.example.com/sitemap.xml"]
include = ["/news/"]
exclude = ["/video/"]
languages = ["en", "zh"]
max_items = 50
revisit = "12h"
[fetch]
delay = 2
contact = "desk@example.org"
[hosts."news.example.com"]
delay = 5
concurrency = 1
"#,
            Path::new("jobs/watch.toml"),
        )
        .unwrap();
        assert_eq!(job.name, "watch");
        assert_eq!(job.feeds, ["https://news.example.com/rss.xml"]);
        assert_eq!(job.max_items, 50);
        assert_eq!(job.revisit, Duration::from_secs(12 * 3600));
        assert!(job.wants("https://news.example.com/news/a.html"));
        assert!(!job.wants("https://news.example.com/news/video/a.html"));
        assert!(!job.wants("https://news.example.com/opinion/a.html"));
        assert!(job.wants_language(Some("zh-CN")) && !job.wants_language(Some("fr")));
        assert_eq!(job.fetch.host_delay, Duration::from_secs(2));
        let host = job.fetch.hosts["news.example.com"];
        assert_eq!(host.delay, Some(Duration::from_secs(5)));
        assert_eq!(host.concurrency, Some(1));
        assert!(job.claims && job.fetch.robots && !job.fetch.allow_private);
    }

    #[test]
    fn bad_job_files_name_the_problem() {
        let err = |text: &str| {
            Job::parse(text, Path::new("j.toml"))
                .unwrap_err()
                .to_string()
        };
        assert!(
            err("feeds = [").contains("j.toml:1:"),
            "{}",
            err("feeds = [")
        );
        assert!(err("urls = []").contains("fetches nothing"));
        assert!(err("urls = [\"ftp://x\"]").contains("not an http(s) URL"));
        assert!(
            err("urls = [\"https://a\"]\ninclude = [\"(\"]").contains("not a regular expression")
        );
        assert!(err("urls = [\"https://a\"]\nrevisit = \"soon\"").contains("not a duration"));
        assert!(err("urls = [\"https://a\"]\nfrequency = 3").contains("unknown field"));
        let english = err("urls = [\"https://a\"]\nlanguages = [\"english\"]");
        assert!(
            english.contains("languages") && english.contains("not a language tag"),
            "{english}"
        );
        for good in ["en", "zh-Hant", "ZH", "yue"] {
            let text = format!("urls = [\"https://a\"]\nlanguages = [\"{good}\"]");
            assert!(Job::parse(&text, Path::new("j.toml")).is_ok(), "{good}");
        }
        // Zero where it would fetch nothing, or time every request out.
        for (zero, field) in [
            ("[fetch]\ntimeout = 0", "fetch.timeout"),
            ("[fetch]\nconcurrency = 0", "fetch.concurrency"),
            (
                "[hosts.\"a.example\"]\nconcurrency = 0",
                "hosts.a.example.concurrency",
            ),
        ] {
            let e = err(&format!("urls = [\"https://a\"]\n{zero}"));
            assert!(e.contains(field) && e.contains(" 0 "), "{e}");
        }
        assert_eq!(parse_duration("30m"), Some(Duration::from_secs(1800)));
        assert_eq!(parse_duration("90"), Some(Duration::from_secs(90)));
        assert_eq!(parse_duration("-1h"), None);
    }

    #[test]
    fn a_url_list_saved_with_a_byte_order_mark_reads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("list.txt"),
            "\u{feff}https://a.example/1\n# a comment\nhttps://a.example/2\n",
        )
        .unwrap();
        let job = dir.path().join("j.toml");
        std::fs::write(&job, "url_files = [\"list.txt\"]\n").unwrap();
        let job = Job::read(&job).unwrap();
        assert_eq!(job.urls, ["https://a.example/1", "https://a.example/2"]);
    }
}
