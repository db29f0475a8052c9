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

pub fn run(data_dir: &Path, args: ExportArgs) -> Result<Status> {
    let format = match args.format {
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
    let data = open(data_dir, OpenMode::Existing)?;
    if let Some(g) = &graph
        && !data.store().contains_named_graph(g)?
    {
        bail!("no graph <{}> in {}", g.as_str(), data_dir.display());
    }
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, iri) in PREFIXES {
        serializer = serializer.with_prefix(*prefix, *iri)?;
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
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
