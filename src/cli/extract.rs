//! `claimgraph extract`: what ingestion would keep of each page, stored
//! nowhere — readable text, or one JSON object per page; with `--claims`,
//! the claims too, decided as `ingest` decides them. URLs are fetched as
//! `ingest` fetches them; files are read; output follows input order.

use super::Status;
use super::args::{ExtractArgs, ExtractFormat};
use super::ingest::{fetch_options, http_runtime, is_url};
use anyhow::{Result, anyhow, bail};
use claimgraph::attribute::quads::{
    Credit, credited_author, kept, kind_iri, title_or_address, unnamed_author_label,
};
use claimgraph::attribute::{Options, find_if_read};
use claimgraph::exchange::toml::kind_name;
use claimgraph::ingest::extract::{Article, extract};
use claimgraph::ingest::fetch::{Fetched, Fetcher, Validators};
use claimgraph::ingest::files::{page_files, read_page};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// One page to extract, in input order.
enum Page {
    File(claimgraph::Result<PathBuf>),
    Url(tokio::task::JoinHandle<Result<Fetched, claimgraph::ingest::fetch::FetchError>>),
}

pub fn run(args: ExtractArgs) -> Result<Status> {
    let urls = args.inputs.iter().filter(|i| is_url(i)).count();
    let paths: Vec<PathBuf> = args
        .inputs
        .iter()
        .filter(|i| !is_url(i))
        .map(PathBuf::from)
        .collect();
    if args.url.is_some() && (urls > 0 || page_files(&paths).len() != 1) {
        bail!(
            "--url names one saved page; {} were given (a fetched page is named by its own URL)",
            urls + page_files(&paths).len()
        );
    }

    // Every URL is fetched at once (politely: the fetcher spaces requests to
    // a host and limits those in flight); the results are taken in order.
    let runtime = if urls > 0 {
        Some(http_runtime()?)
    } else {
        None
    };
    let fetcher = match &runtime {
        Some(_) => Some(Arc::new(Fetcher::new(fetch_options(&args.fetch))?)),
        None => None,
    };
    let mut pages = Vec::new();
    for input in &args.inputs {
        if let (true, Some(runtime), Some(fetcher)) = (is_url(input), &runtime, &fetcher) {
            let fetcher = Arc::clone(fetcher);
            let url = input.clone();
            pages.push(Page::Url(runtime.spawn(async move {
                fetcher.fetch(&url, &Validators::default()).await
            })));
        } else {
            pages.extend(
                page_files(&[PathBuf::from(input)])
                    .into_iter()
                    .map(Page::File),
            );
        }
    }

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    let mut printed = 0;
    for page in pages {
        let article = match page {
            Page::File(file) => file.map_err(anyhow::Error::from).and_then(|path| {
                let bytes = read_page(&path, args.fetch.max_bytes)?;
                let location = path.display().to_string();
                guarded(&location, "extraction", || {
                    extract(&bytes, &location, args.url.as_deref(), None)
                })?
                .map_err(|e| anyhow!("{location}: {e}"))
            }),
            Page::Url(handle) => {
                let runtime = runtime.as_ref().expect("a runtime for URLs");
                runtime
                    .block_on(handle)
                    .map_err(|e| anyhow!("fetch task failed: {e}"))
                    .and_then(|r| r.map_err(anyhow::Error::from))
                    .and_then(|page| {
                        guarded(&page.url, "extraction", || {
                            extract(
                                &page.body,
                                &page.url,
                                Some(&page.url),
                                page.content_type.as_deref(),
                            )
                        })?
                        .map_err(|e| anyhow!("{}: {e}", page.requested))
                    })
            }
        };
        // The claims, when asked for; a page whose reading fails is
        // reported like one that could not be extracted.
        let article = article.and_then(|article| {
            let claims = if args.claims {
                let options = Options {
                    author_assertions: !args.no_author_assertions,
                };
                Some(guarded(&article.location, "attribution", || {
                    claims_of(&article, options)
                })?)
            } else {
                None
            };
            Ok((article, claims))
        });
        match article {
            Ok((article, claims)) => {
                match args.format {
                    ExtractFormat::Json => {
                        let mut value = serde_json::to_value(&article)?;
                        if let (Some(claims), Some(object)) = (&claims, value.as_object_mut()) {
                            object.insert("claims".into(), serde_json::to_value(claims)?);
                        }
                        serde_json::to_writer(&mut out, &value)?;
                        writeln!(out)?;
                    }
                    ExtractFormat::Text => {
                        write_text(&mut out, &article, printed > 0)?;
                        if let Some(claims) = &claims {
                            write_claims(&mut out, claims)?;
                        }
                    }
                }
                printed += 1;
            }
            Err(e) => {
                out.flush()?;
                eprintln!("claimgraph: error: {}", super::error_text(&e));
                failed += 1;
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        Status::Partial
    } else {
        Status::Ok
    })
}
/// `f`'s result, or an error naming `what` and the `step` that panicked
/// (a bug no input should trigger), so the other pages still print.
fn guarded<T>(what: &str, step: &str, f: impl FnOnce() -> T) -> Result<T> {
    claimgraph::unless_panicked(what, step, "page", f).map_err(|e| anyhow!(e))
}

/// One claim `ingest` would store, as printed.
#[derive(Debug, serde::Serialize)]
struct ClaimOut {
    /// Who it is credited to: the claimant's name, or the article's
    /// author (or publisher, or "author of …" when it names none).
    claimant: String,
    /// Whether `claimant` is the article's author (its own assertion, or
    /// an "I" or "we" of its own words).
    by_author: bool,
    /// The gazetteer's entity for the claimant, when it knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<String>,
    /// The claimant as written, when it differs ("he" for "Li Wei").
    #[serde(skip_serializing_if = "Option::is_none")]
    written: Option<String>,
    /// Who relayed it, nearest the claimant first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reported_by: Vec<String>,
    cue: String,
    /// direct-quote, indirect, according-to or author-assertion, as in the
    /// sources format.
    kind: &'static str,
    /// Whether the claimant disputes it ("did not say that …").
    disputes: bool,
    /// The claim as stored.
    claim: String,
    /// The words of the text it was found in.
    quote: String,
    /// The quote's place in the text, in characters from its start.
    start: usize,
    end: usize,
}

/// The claims `ingest` would store of `article`: found in its text, and
/// kept by the same test as the store's ([`kept`]).
fn claims_of(article: &Article, options: Options) -> Vec<ClaimOut> {
    let text = article.text();
    let Some(found) = find_if_read(&text, article.language.as_deref(), options) else {
        return Vec::new();
    };
    // Credited as ingest credits them (`quads::credited_author`).
    let author =
        credited_author(&article.authors, article.publisher.clone()).unwrap_or_else(|| {
            let address = article
                .canonical_url
                .as_deref()
                .unwrap_or(&article.location);
            unnamed_author_label(title_or_address(article.headline.as_deref(), address))
        });
    let linker = claimgraph::attribute::link::Linker::embedded();
    let chars = |byte: usize| text[..byte].chars().count();
    kept(&text, &found)
        .into_iter()
        .map(|k| {
            let f = k.found;
            let written = f
                .source
                .as_ref()
                .map(|s| s.text(&text).trim().to_owned())
                .filter(|w| !w.is_empty());
            let (claimant, by_author) = match k.credit {
                Credit::Author => (author.clone(), true),
                Credit::Named(name) => (name.to_owned(), false),
            };
            let entity = match k.credit {
                Credit::Named(name) => linker
                    .resolve_claimant(name)
                    .map(|i| linker.entity(i).iri.as_str().to_owned()),
                Credit::Author => None,
            };
            ClaimOut {
                entity,
                written: written.filter(|w| *w != claimant),
                claimant,
                by_author,
                reported_by: f.reporters.clone(),
                cue: f.cue.text(&text).to_string(),
                kind: kind_name(Some(&kind_iri(f.kind).into_owned())),
                disputes: k.disputes,
                claim: k.claim_text,
                quote: text[f.content.start()..f.content.end()].to_owned(),
                start: chars(f.content.start()),
                end: chars(f.content.end()),
            }
        })
        .collect()
}

/// The claims after the article's text: one block each.
fn write_claims(out: &mut impl Write, claims: &[ClaimOut]) -> std::io::Result<()> {
    writeln!(out, "claims:     {}\n", claims.len())?;
    for c in claims {
        let written = c
            .written
            .as_deref()
            .map(|w| format!(" (written \"{w}\")"))
            .unwrap_or_default();
        let by = if c.by_author { " [author]" } else { "" };
        let known = c
            .entity
            .as_deref()
            .map(|e| format!(" <{e}>"))
            .unwrap_or_default();
        writeln!(
            out,
            "* {}{known}{by}{written} — {} ({})",
            c.claimant, c.cue, c.kind
        )?;
        if !c.reported_by.is_empty() {
            writeln!(out, "  reported by: {}", c.reported_by.join(" ← "))?;
        }
        if c.disputes {
            writeln!(out, "  disputes it")?;
        }
        writeln!(out, "  {} [{}..{}]", c.quote, c.start, c.end)?;
        if c.claim != c.quote {
            writeln!(out, "  claim: {}", c.claim)?;
        }
    }
    Ok(())
}

fn write_text(out: &mut impl Write, a: &Article, separate: bool) -> std::io::Result<()> {
    if separate {
        writeln!(out, "\n{}\n", "=".repeat(72))?;
    }
    writeln!(out, "page:       {}", a.location)?;
    let line = |out: &mut dyn Write, label: &str, value: Option<&str>| -> std::io::Result<()> {
        if let Some(v) = value {
            writeln!(out, "{label:<12}{v}")?;
        }
        Ok(())
    };
    line(out, "headline:", a.headline.as_deref())?;
    let authors = a.authors.join("; ");
    line(
        out,
        "authors:",
        (!authors.is_empty()).then_some(authors.as_str()),
    )?;
    line(out, "publisher:", a.publisher.as_deref())?;
    line(out, "published:", a.published.as_deref())?;
    line(out, "modified:", a.modified.as_deref())?;
    line(out, "language:", a.language.as_deref())?;
    line(out, "canonical:", a.canonical_url.as_deref())?;
    writeln!(
        out,
        "encoding:   {} ({}){}",
        a.encoding,
        a.encoding_evidence.describe(),
        match (a.malformed_at, a.utf8_declared_but_not_at) {
            (Some(at), _) =>
                format!("; bytes from offset {at} on are not valid in it (U+FFFD in the text)"),
            (None, Some(at)) =>
                format!("; declared UTF-8, but the bytes from offset {at} on are not"),
            (None, None) => String::new(),
        }
    )?;
    writeln!(out)?;
    for p in &a.paragraphs {
        writeln!(out, "{p}\n")?;
    }
    Ok(())
}
