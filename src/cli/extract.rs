//! `claimgraph extract`: what ingestion would keep of each page, stored
//! nowhere — readable text, or one JSON object per page.

use super::Status;
use super::args::{ExtractArgs, ExtractFormat};
use anyhow::{Result, bail};
use claimgraph::ingest::extract::{Article, extract};
use claimgraph::ingest::files::{DEFAULT_MAX_BYTES, page_files, read_page};
use std::io::Write;

pub fn run(args: ExtractArgs) -> Result<Status> {
    if let Some(url) = args.inputs.iter().find(|i| {
        let s = i.to_string_lossy();
        s.starts_with("http://") || s.starts_with("https://")
    }) {
        bail!(
            "{}: extract reads saved pages; fetch the page first (e.g. curl -o page.html URL) and give --url URL",
            url.display()
        );
    }
    let files = page_files(&args.inputs);
    if args.url.is_some() && files.len() != 1 {
        bail!("--url applies to one page; {} were given", files.len());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    let mut printed = 0;
    for file in files {
        let article = file.and_then(|path| {
            let bytes = read_page(&path, DEFAULT_MAX_BYTES)?;
            let location = path.display().to_string();
            extract(&bytes, &location, args.url.as_deref(), None)
                .map_err(|e| claimgraph::Error::invalid(&path, None, e.to_string()))
        });
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
                eprintln!("error: {e}");
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
