//! `claimgraph extract`: what ingestion would keep of each page, stored
//! nowhere — readable text, or one JSON object per page. URLs are fetched
//! as `ingest` fetches them; files are read; output follows input order.

use super::Status;
use super::args::{ExtractArgs, ExtractFormat};
use super::ingest::{fetch_options, http_runtime, is_url};
use anyhow::{Result, anyhow, bail};
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
                extract(&bytes, &location, args.url.as_deref(), None)
                    .map_err(|e| anyhow!("{location}: {e}"))
            }),
            Page::Url(handle) => {
                let runtime = runtime.as_ref().expect("a runtime for URLs");
                runtime
                    .block_on(handle)
                    .map_err(|e| anyhow!("fetch task failed: {e}"))
                    .and_then(|r| r.map_err(anyhow::Error::from))
                    .and_then(|page| {
                        extract(
                            &page.body,
                            &page.url,
                            Some(&page.url),
                            page.content_type.as_deref(),
                        )
                        .map_err(|e| anyhow!("{}: {e}", page.requested))
                    })
            }
        };
        match article {
            Ok(article) => {
                match args.format {
                    ExtractFormat::Json => {
                        serde_json::to_writer(&mut out, &article)?;
                        writeln!(out)?;
                    }
                    ExtractFormat::Text => write_text(&mut out, &article, printed > 0)?,
                }
                printed += 1;
            }
            Err(e) => {
                out.flush()?;
                eprintln!("error: {e:#}");
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
        "encoding:   {} ({:?})",
        a.encoding, a.encoding_evidence
    )?;
    writeln!(out)?;
    for p in &a.paragraphs {
        writeln!(out, "{p}\n")?;
    }
    Ok(())
}
