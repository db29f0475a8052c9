//! `claimgraph review CLAIM --rating LABEL --by ORG`: records a
//! fact-checker's verdict on one claim as a ClaimReview.

use super::Status;
use super::args::{ExtractFormat, ReviewArgs};
use anyhow::{Context, Result, anyhow, bail};
use claimgraph::annotated::build::{Named, date_literal, entity_for_name, new_entity_warning};
use claimgraph::load;
use claimgraph::review::{
    ClaimLookup, RatingScale, Recorded, Review, claim_error, find_claim, record,
};
use claimgraph::store::OpenMode;
use oxigraph::model::NamedNode;
use std::io::Write;
use std::path::Path;

pub fn run(data_dir: &Path, args: ReviewArgs) -> Result<Status> {
    let scale = RatingScale::embedded();
    let known = |what: &str| {
        scale
            .points()
            .iter()
            .map(|p| p.label.clone())
            .collect::<Vec<_>>()
            .join(", ")
            + what
    };
    let point = match &args.normalised {
        Some(name) => scale.point(name).with_context(|| {
            format!(
                "--normalised {name:?} is not a point of the scale: use one of {}",
                known("")
            )
        })?,
        None => match scale.normalise(&args.rating) {
            Some(p) => p,
            None => {
                let like = scale.suggestions(&args.rating, 3);
                bail!(
                    "claimgraph does not know the rating label {:?}{}; say where it stands with --normalised ({})",
                    args.rating,
                    if like.is_empty() {
                        String::new()
                    } else {
                        format!(" (did you mean {}?)", like.join(", "))
                    },
                    known("")
                );
            }
        },
    };
    if args.rating.trim().is_empty() {
        bail!("--rating is empty: give the publisher's own label");
    }
    let url = args
        .url
        .as_deref()
        .map(|u| {
            url::Url::parse(u.trim())
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .and_then(|u| NamedNode::new(u.as_str()).ok())
                .with_context(|| format!("--url {u:?} is not an http(s) URL"))
        })
        .transpose()?;
    let date = args
        .date
        .as_deref()
        .map(|d| {
            date_literal(d)
                .filter(|l| l.datatype() == claimgraph::vocab::xsd::DATE)
                .with_context(|| format!("--date {d:?} is not a date (YYYY-MM-DD)"))
        })
        .transpose()?;

    let data = super::open(data_dir, OpenMode::Existing)?;
    for note in load::ensure_vocabulary(&data)? {
        eprintln!("claimgraph: {note}");
    }
    let (claim, claim_text) = match find_claim(&data, &args.claim)? {
        ClaimLookup::Found(iri, text) => (iri, text),
        other => return Err(claim_error(&args.claim, &other).into()),
    };
    let gazetteer = load::gazetteer_for(&data)?;
    // The reviewing organisation: a gazetteer entity, else a new one.
    let (by, new_name) = match entity_for_name(&gazetteer, &args.by)
        .map_err(|why| anyhow!("--by: {why} (name the reviewing organisation)"))?
    {
        Named::Known(iri) => (iri, None),
        Named::New { iri, suggestions } => {
            eprintln!(
                "claimgraph: {}",
                new_entity_warning(&args.by, &iri, &suggestions)
            );
            (iri, Some(args.by.trim()))
        }
    };
    let review = Review {
        claim: &claim,
        claim_text: &claim_text,
        by: &by,
        by_new_name: new_name,
        rating: &args.rating,
        point,
        url: url.as_ref(),
        date: date.as_ref(),
        note: args.note.as_deref(),
    };
    let Recorded { iri, replaced } = record(&data, &review)?;
    if let Some(earlier) = &replaced {
        eprintln!(
            "claimgraph: this replaces {}'s earlier verdict on the claim, {earlier:?} (a review with \
             another --url is recorded beside it instead)",
            new_name.unwrap_or(args.by.trim())
        );
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        ExtractFormat::Json => writeln!(
            out,
            "{}",
            serde_json::json!({
                "review": iri.as_str(),
                "claim": claim.as_str(),
                "claim_text": claim_text,
                "rating": args.rating.trim(),
                "normalised": point.label,
                "normalised_iri": point.iri.as_str(),
                "by": by.as_str(),
                "url": url.as_ref().map(NamedNode::as_str),
                "graph": claimgraph::review::reviews_graph(&by).as_str(),
                "replaced": replaced,
            })
        )?,
        ExtractFormat::Text => {
            writeln!(out, "reviewed: {claim_text}")?;
            writeln!(out, "  claim:  <{}>", claim.as_str())?;
            writeln!(
                out,
                "  rating: {} ({} on claimgraph's scale) by {}",
                args.rating.trim(),
                point.label,
                new_name.unwrap_or(args.by.trim())
            )?;
            writeln!(out, "  review: <{}>", iri.as_str())?;
        }
    }
    Ok(Status::Ok)
}
