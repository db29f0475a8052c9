//! `claimgraph annotate SOURCE --quote … --claimant …`: a person marks a
//! claim in a stored source, in their own annotation graph.

use super::Status;
use super::args::{AnnotateArgs, ExtractFormat, KindArg, StanceArg};
use anyhow::{Result, bail};
use claimgraph::annotated::annotate::{Annotation, Placement, annotate, find_source};
use claimgraph::annotated::format::{Kind, Stance};
use claimgraph::load;
use claimgraph::store::OpenMode;
use std::io::Write;
use std::path::Path;

pub fn run(data_dir: &Path, args: AnnotateArgs) -> Result<Status> {
    let author = match args
        .author
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .filter(|a| !a.trim().is_empty())
    {
        Some(a) => match claimgraph::annotated::build::name_problem(&a) {
            Some(why) => bail!("--author: {why}"),
            None => a,
        },
        None => bail!("say who marks the claim: --author NAME (or set CLAIMGRAPH_AUTHOR)"),
    };
    let data = super::open(data_dir, OpenMode::Existing)?;
    for note in load::ensure_vocabulary(&data)? {
        eprintln!("claimgraph: {note}");
    }
    let (source, _) = find_source(&data, &args.source)?;
    let gazetteer = load::gazetteer_for(&data)?;
    let created = claimgraph::text::now_iso();
    let annotation = Annotation {
        source: &source,
        quote: &args.quote,
        prefix: args.prefix.as_deref(),
        suffix: args.suffix.as_deref(),
        claim: args.claim.as_deref(),
        claimant: &args.claimant,
        reported_by: &args.reported_by,
        cue: args.cue.as_deref(),
        kind: match args.kind {
            KindArg::DirectQuote => Kind::DirectQuote,
            KindArg::Indirect => Kind::Indirect,
            KindArg::AccordingTo => Kind::AccordingTo,
            KindArg::AuthorAssertion => Kind::AuthorAssertion,
        },
        stance: match args.stance {
            StanceArg::Endorses => Stance::Endorses,
            StanceArg::Disputes => Stance::Disputes,
            StanceArg::Neutral => Stance::Neutral,
        },
        about: &args.about,
        note: args.note.as_deref(),
        author: &author,
        created: &created,
        placement: Placement::Exact,
    };
    let done = annotate(&data, &gazetteer, &annotation)?;
    for w in &done.warnings {
        eprintln!("claimgraph: {w}");
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        ExtractFormat::Json => writeln!(
            out,
            "{}",
            serde_json::json!({
                "attribution": done.attribution.as_str(),
                "claim": done.claim.as_str(),
                "source": source.as_str(),
                "version": done.version.as_str(),
                "graph": done.graph.as_str(),
                "start": done.anchor.start,
                "end": done.anchor.end,
                "author": author,
            })
        )?,
        ExtractFormat::Text => {
            writeln!(
                out,
                "annotated <{}> at characters {}–{} of version <{}>",
                source.as_str(),
                done.anchor.start,
                done.anchor.end,
                done.version.as_str()
            )?;
            writeln!(out, "  attribution: <{}>", done.attribution.as_str())?;
            writeln!(out, "  claim:       <{}>", done.claim.as_str())?;
            writeln!(out, "  graph:       <{}> ({author})", done.graph.as_str())?;
        }
    }
    Ok(Status::Ok)
}
