//! `claimgraph export`: the whole store, or one graph, as RDF.

use super::args::{ExportArgs, ExportFormat};
use super::{Status, open};
use anyhow::{Context, Result, bail};
use claimgraph::queries::PREFIXES;
use claimgraph::store::OpenMode;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode};
use std::io::Write;
use std::path::Path;

/// Where an export goes: the `--output` file or standard output.
fn output(args: &ExportArgs) -> Result<Box<dyn Write>> {
    Ok(match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// The exports that are views of the data rather than RDF dumps.
#[derive(Debug, Clone, Copy)]
enum View {
    ClaimReview,
    Csv,
    Toml,
    WebAnnotation,
}

fn view(data_dir: &Path, args: &ExportArgs, view: View) -> Result<Status> {
    if args.graph.is_some() {
        bail!(
            "--graph applies to the RDF formats; {:?} is a view of the whole store",
            args.format
        );
    }
    let data = open(data_dir, OpenMode::Read)?;
    match view {
        View::Toml => toml_files(&data, args),
        View::Csv => csv(&data, args),
        View::ClaimReview => {
            // Exported as recorded, but a reviewer should know what a
            // search engine will refuse.
            for (review, lacks) in claimgraph::exchange::claimreview::incomplete(data.store())? {
                eprintln!(
                    "claimgraph: review <{}> has no {}, which Google's ClaimReview markup requires (`review CLAIM … --url URL --date DATE` records them)",
                    review.as_str(),
                    lacks.join(" and ")
                );
            }
            json(
                args,
                &claimgraph::exchange::claimreview::export(data.store())?,
                "no verdicts recorded (claimgraph review CLAIM --rating LABEL --by ORG)",
            )
        }
        View::WebAnnotation => json(
            args,
            &claimgraph::exchange::webannotation::export(
                data.store(),
                &claimgraph::load::gazetteer_for(&data)?,
            )?,
            "no annotations by people (claimgraph load sources/, or claimgraph annotate)",
        ),
    }
}

/// A JSON document; exit 1, saying `none`, when it holds nothing.
fn json(args: &ExportArgs, json: &serde_json::Value, none: &str) -> Result<Status> {
    let mut out = output(args)?;
    serde_json::to_writer_pretty(&mut out, json)?;
    writeln!(out)?;
    out.flush().context("writing the export")?;
    let empty = json
        .get("@graph")
        .unwrap_or(json)
        .as_array()
        .is_none_or(Vec::is_empty);
    if empty {
        eprintln!("claimgraph: {none}");
        return Ok(Status::NothingFound);
    }
    Ok(Status::Ok)
}

/// The named query claims-table as CSV.
fn csv(data: &claimgraph::store::DataDir, args: &ExportArgs) -> Result<Status> {
    let named = claimgraph::queries::find_named("claims-table")?;
    let prepared = claimgraph::queries::prepare(named.text, "claims-table", Vec::new(), None)?;
    let (results, _) = prepared.run(data.store(), false)?;
    let mut out = output(args)?;
    // A byte-order mark: without it Excel reads the file in the machine's
    // legacy code page, and Chinese claims come out garbled.
    out.write_all("\u{feff}".as_bytes())
        .context("writing the export")?;
    let written = claimgraph::results::write_results(
        results,
        claimgraph::results::OutputFormat::Csv,
        claimgraph::results::Columns::Hide(&[]),
        claimgraph::results::TableOptions {
            max_cell_width: None,
            formula_guard: true,
        },
        &mut out,
    )?;
    out.flush().context("writing the export")?;
    Ok(if written.is_empty() {
        Status::NothingFound
    } else {
        Status::Ok
    })
}

/// People's annotations as source files under `--output DIR`.
fn toml_files(data: &claimgraph::store::DataDir, args: &ExportArgs) -> Result<Status> {
    let Some(dir) = &args.output else {
        bail!("--format toml writes one file per source: give --output DIR");
    };
    let gazetteer = claimgraph::load::gazetteer_for(data)?;
    let files = claimgraph::exchange::toml::export_sources(data.store(), &gazetteer)?;
    if files.is_empty() {
        eprintln!(
            "claimgraph: no annotations to export (claimgraph load sources/, or claimgraph annotate)"
        );
        return Ok(Status::NothingFound);
    }
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts)
        .with_context(|| format!("cannot create {}", texts.display()))?;
    for f in &files {
        let toml = dir.join(format!("{}.toml", f.id));
        std::fs::write(&toml, &f.toml)
            .with_context(|| format!("cannot write {}", toml.display()))?;
        let text = texts.join(format!("{}.txt", f.id));
        std::fs::write(&text, &f.text)
            .with_context(|| format!("cannot write {}", text.display()))?;
        eprintln!("wrote {} (from <{}>)", toml.display(), f.graph.as_str());
    }
    Ok(Status::Ok)
}

pub fn run(data_dir: &Path, args: ExportArgs) -> Result<Status> {
    let format = match args.format {
        ExportFormat::Claimreview => return view(data_dir, &args, View::ClaimReview),
        ExportFormat::Csv => return view(data_dir, &args, View::Csv),
        ExportFormat::Toml => return view(data_dir, &args, View::Toml),
        ExportFormat::Webannotation => return view(data_dir, &args, View::WebAnnotation),
        ExportFormat::Nquads => RdfFormat::NQuads,
        ExportFormat::Trig => RdfFormat::TriG,
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::Ntriples => RdfFormat::NTriples,
        ExportFormat::Jsonld => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    };
    let graph = args
        .graph
        .as_deref()
        .map(|g| NamedNode::new(g).with_context(|| format!("--graph {g:?} is not a valid IRI")))
        .transpose()?;
    if graph.is_none() && !format.supports_datasets() {
        bail!(
            "{} holds a single graph: give --graph IRI, or export everything as nquads, trig or jsonld",
            format.name()
        );
    }
    let data = open(data_dir, OpenMode::Read)?;
    if let Some(g) = &graph
        && !data.store().contains_named_graph(g)?
    {
        bail!("no graph <{}> in {}", g.as_str(), data_dir.display());
    }
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, iri) in PREFIXES {
        serializer = serializer.with_prefix(*prefix, *iri)?;
    }
    let mut out = output(&args)?;
    match &graph {
        Some(g) => {
            data.store().dump_graph_to_writer(
                GraphNameRef::NamedNode(g.as_ref()),
                serializer,
                &mut out,
            )?;
        }
        None => {
            // Everything but claimgraph's bookkeeping (the meta graph's write
            // counter belongs to this data dir, not to the data).
            let meta = claimgraph::store::meta_graph();
            let mut writer = serializer.for_writer(&mut out);
            for quad in data.store().iter() {
                let quad = quad?;
                if !matches!(&quad.graph_name, GraphName::NamedNode(g) if *g == meta) {
                    writer.serialize_quad(&quad)?;
                }
            }
            writer.finish()?;
        }
    }
    out.flush().context("writing the export")?;
    Ok(Status::Ok)
}
