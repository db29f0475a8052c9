//! Argument definitions. No logic here: doc comments are the `--help` text,
//! and each subcommand's `after_help` shows examples.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// claimgraph — who claimed what, where and when, in reporting on Chinese
/// cultural industrial policy.
///
/// Keeps a knowledge graph of sources, claims and their attributions in a
/// data directory (an embedded RDF store), and answers questions about it
/// with named SPARQL queries.
#[derive(Debug, Parser)]
#[command(
    name = "claimgraph",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(after_help = "Examples:
  claimgraph demo                          load the shipped sources, show who claimed what
  claimgraph load ontology/ sources/       load files into the data dir
  claimgraph query --name who-claimed --param claimant=SCMP
  claimgraph query --name claims-about --param entity=北京 --format json
  claimgraph search 微短剧                 full-text search, English and Chinese
  claimgraph check                         run the integrity checks")]
pub struct Cli {
    /// The data directory (created by commands that write).
    #[arg(
        long,
        global = true,
        env = "CLAIMGRAPH_DATA",
        default_value = "./claimgraph-data",
        value_name = "DIR"
    )]
    pub data_dir: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load annotated sources (.toml) and RDF files into the data directory.
    Load(LoadArgs),
    /// Run a SPARQL query: inline, from a file, or a named query with parameters.
    Query(QueryArgs),
    /// Full-text search of claims, in English and Chinese, with filters.
    Search(SearchArgs),
    /// Write the store (or one graph) as RDF.
    Export(ExportArgs),
    /// Run the integrity checks; exit 2 if any finds violations.
    Check(CheckArgs),
    /// Count sources, claims, attributions, entities and quads.
    Stats(StatsArgs),
    /// Rebuild the full-text index from the store alone.
    #[command(
        after_help = "The index is derived from the store and kept in step with it on every write; a crash
between the two is repaired on the next open. reindex rebuilds it from scratch anyway.

Examples:
  claimgraph reindex"
    )]
    Reindex,
    /// Load the shipped ontology and sources and print who claimed what.
    Demo(DemoArgs),
    /// Benchmark full-text search on a synthetic claim graph (for maintainers).
    Bench(BenchArgs),
}

/// Arguments of `load`.
#[derive(Debug, Args)]
#[command(
    after_help = "Each annotated source goes into its own named graph, and each RDF file into
<https://w3id.org/claimgraph/graph/file/DIR/NAME> (or --graph); loading a file again replaces
its graph atomically, so loading twice changes nothing. A file that fails to parse is reported
with file:line:column and nothing of it is loaded; the other files still load (exit 2).

Formats by extension: .toml (annotated source, see docs/sources-format.md), .ttl, .trig, .nt,
.nq, .jsonld/.json, .rdf/.owl.

Examples:
  claimgraph load ontology/ sources/
  claimgraph load sources/micro-drama-op-ed.toml
  claimgraph load extra-entities.ttl --graph https://example.org/graph/mine"
)]
pub struct LoadArgs {
    /// Files or directories (searched recursively for loadable files).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Named graph for the triples of a single RDF file.
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
}

/// Output formats of `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultsFormat {
    /// Aligned columns for people.
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL Query Results XML.
    Xml,
}

/// Arguments of `query`.
#[derive(Debug, Args)]
#[command(
    after_help = "Named queries (see --list): who-claimed, claims-about, claim-trail, sources, state-bodies-matching.
Full text inside SPARQL: SERVICE cg:search { ?claim cg:matches \"words\" ; cg:score ?s ;
cg:claimant ?who ; cg:source ?src ; schema:datePublished ?date ; cg:attribution ?a }.
Parameters are bound as RDF terms, never pasted into the query text: a value is a plain string
unless written as an RDF term (<https://…>, \"北京\"@zh).
The prefixes cg:, e:, schema:, prov:, oa:, skos:, dct:, rdf:, rdfs: and xsd: are predeclared.
Exit status: 0 with results, 1 with none, 2 on error.

Examples:
  claimgraph query --name who-claimed --param claimant=\"South China Morning Post\"
  claimgraph query --name claims-about --param entity=北京 --format json
  claimgraph query --name claim-trail --param claim=\"cultural exporter\"
  claimgraph query 'SELECT ?c ?t WHERE { ?c a schema:Claim ; schema:text ?t } LIMIT 5'
  claimgraph query --file my-query.rq --format csv > out.csv
  claimgraph query 'SELECT ?c ?s WHERE { SERVICE cg:search { ?c cg:matches \"export\" ; cg:score ?s } }'

  claimgraph query --list"
)]
pub struct QueryArgs {
    /// The query text.
    #[arg(value_name = "SPARQL", conflicts_with_all = ["file", "name", "list"])]
    pub query: Option<String>,
    /// Read the query from a file.
    #[arg(long, short = 'f', value_name = "FILE", conflicts_with_all = ["name", "list"])]
    pub file: Option<PathBuf>,
    /// Run a named query from queries/.
    #[arg(long, short = 'n', value_name = "NAME", conflicts_with = "list")]
    pub name: Option<String>,
    /// A parameter of the named query, as key=value (repeatable).
    #[arg(long = "param", short = 'p', value_name = "KEY=VALUE", value_parser = parse_key_value, requires = "name")]
    pub params: Vec<(String, String)>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ResultsFormat::Table)]
    pub format: ResultsFormat,
    /// List the named queries with their parameters.
    #[arg(long)]
    pub list: bool,
    /// Print the query plan, with row counts and times per step, to stderr.
    #[arg(long)]
    pub explain: bool,
}

fn parse_key_value(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected KEY=VALUE, got {s:?}"))?;
    let k = k.trim();
    if k.is_empty() {
        return Err(format!("empty parameter name in {s:?}"));
    }
    Ok((k.to_owned(), v.to_owned()))
}

/// Arguments of `search`.
#[derive(Debug, Args)]
#[command(
    after_help = "Words are matched in claim texts, quotes, the names of claimants and reporters, and the
names (English and Chinese) of the entities a claim is about, so 微短剧 finds claims written in
English about micro-dramas. English is stemmed (dramas finds drama); Chinese is segmented into
words. Syntax: words (all must match), \"a phrase\", OR, AND, NOT or -word, prefix*.

Examples:
  claimgraph search micro-drama
  claimgraph search 微短剧
  claimgraph search '\"tens of billions\" yuan'
  claimgraph search export --claimant 国务院 --since 2024-01-01
  claimgraph search funding --reporter Xinhua --lang en --format json
  claimgraph search 'fund* NOT hollywood' --limit 5"
)]
pub struct SearchArgs {
    /// What to search for.
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// Only claims by this claimant (label, alias, id or IRI; repeatable).
    #[arg(long, value_name = "NAME")]
    pub claimant: Vec<String>,
    /// Only claims relayed by this reporter (label, alias, id or IRI; repeatable).
    #[arg(long, value_name = "NAME")]
    pub reporter: Vec<String>,
    /// Only sources dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only sources dated before this date.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only sources in this language.
    #[arg(long, value_name = "LANG", value_parser = ["en", "zh"])]
    pub lang: Option<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ResultsFormat::Table)]
    pub format: ResultsFormat,
}

/// RDF formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// N-Quads (every graph).
    Nquads,
    /// TriG (every graph).
    Trig,
    /// Turtle (one graph: needs --graph).
    Turtle,
    /// N-Triples (one graph: needs --graph).
    Ntriples,
    /// JSON-LD.
    Jsonld,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  claimgraph export > all.nq
  claimgraph export --format trig --output all.trig
  claimgraph export --format turtle --graph https://w3id.org/claimgraph/graph/annotations/micro-drama-op-ed")]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Nquads)]
    pub format: ExportFormat,
    /// Export only this named graph.
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Formats of `check` and `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Text for people.
    Table,
    /// JSON.
    Json,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
#[command(
    after_help = "Each check in queries/checks/ is a SELECT whose rows are violations: every attribution
has a claim, a claimant and a source; offsets fall inside the text; each quote equals its slice;
reporter chains are well formed; content hashes match; claimants and reporters have labels.

Examples:
  claimgraph check
  claimgraph check --format json"
)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// Arguments of `stats`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  claimgraph stats
  claimgraph stats --format json")]
pub struct StatsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// Arguments of `demo`.
#[derive(Debug, Args)]
#[command(
    after_help = "Loads ontology/ and sources/ from the current directory when both exist there, else the
copies built into the binary, then prints the who-claimed-what table. Running it twice changes
nothing.

Examples:
  claimgraph demo
  claimgraph --data-dir /tmp/cg demo"
)]
pub struct DemoArgs {
    /// Directory holding ontology/ and sources/ (default: the current directory, else built-in copies).
    #[arg(long, value_name = "DIR")]
    pub project: Option<PathBuf>,
}

/// Arguments of `bench`.
#[derive(Debug, Args)]
#[command(
    after_help = "Generates a deterministic synthetic graph (N claims of ~25 words, one in seven in Chinese;
2,000 claimants; 50,000 dated sources) into a fresh data dir, builds the index, and times the
two-word query \"funding beijing\" joined with claimant and source three ways in one run:
search, SPARQL with SERVICE cg:search, and SPARQL with FILTER(CONTAINS(LCASE(?text), …)).
Figures are in BENCHMARKS.md.

Examples:
  claimgraph bench --claims 100000 --dir /tmp/cg-bench-100k
  claimgraph bench --claims 1000000 --dir /tmp/cg-bench-1m --json
  claimgraph bench --dir /tmp/cg-bench-1m --reuse --filter-runs 0   # time again, no FILTER"
)]
pub struct BenchArgs {
    /// Number of claims to generate.
    #[arg(long, default_value_t = 100_000)]
    pub claims: usize,
    /// A fresh (absent or empty) directory for the benchmark's data dir.
    #[arg(long, value_name = "DIR")]
    pub dir: PathBuf,
    /// Time the queries on the data dir an earlier bench built in DIR,
    /// without generating anything (--claims and --seed are then ignored).
    #[arg(long)]
    pub reuse: bool,
    /// Seed of the generator.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Timed runs of the search and SERVICE queries.
    #[arg(long, default_value_t = 30)]
    pub runs: usize,
    /// Timed runs of the FILTER(CONTAINS) queries (slow on big graphs; 0
    /// skips them).
    #[arg(long, default_value_t = 5)]
    pub filter_runs: usize,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}
