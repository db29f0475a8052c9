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

    /// Send `query` and `search` to this claimgraph server instead of opening the data
    /// directory (found by itself when a server owns the data directory).
    #[arg(long, global = true, env = "CLAIMGRAPH_ENDPOINT", value_name = "URL")]
    pub endpoint: Option<String>,

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
    /// Write the store (or one graph) as RDF, a CSV claims table, ClaimReview or source files.
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
    /// Fetch or read pages, extract them and store them as versions of their sources.
    Ingest(IngestArgs),
    /// Show the stored versions of a source and what changed between them.
    Versions(VersionsArgs),
    /// Find the claims of stored pages again with this build's model and rules.
    Reattribute(ReattributeArgs),
    /// Mark a claim in a stored source by hand, in your own annotation graph.
    Annotate(AnnotateArgs),
    /// Own the data directory: serve SPARQL 1.1 Protocol and search over HTTP, run jobs on a schedule.
    Serve(ServeArgs),
    /// Record a fact-checker's verdict on a claim (a schema.org ClaimReview).
    Review(ReviewArgs),
    /// Print what ingestion would keep of pages (URLs or saved files), storing nothing.
    Extract(ExtractArgs),
    /// Measure extraction, attribution or hand-marked claims against annotated corpora.
    Eval(EvalArgs),
    /// Learn a model from an annotated corpus (for maintainers).
    Train(TrainArgs),
}

/// Arguments of `train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// What to train.
    #[command(subcommand)]
    pub what: TrainCommand,
}

/// What `train` learns.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// The English attribution model (cue, source and content taggers) from brat annotations.
    #[command(
        after_help = "DIR holds <split>/text/<name>.txt and <split>/attributions/<name>*.ann (brat standoff with
Source, Cue and Content spans grouped by Attribution events). Training is deterministic: the
same corpus, --epochs, --cue-bias and --seed give the same file, and the defaults give the
shipped model. The shipped model is embedded at build time from models/attribution-en.model,
so rebuild after writing it there.

Examples:
  claimgraph train attribution --corpus ../shared/corpora/attribution/polnear
  claimgraph train attribution --corpus DIR --epochs 5 --out /tmp/try.model
  claimgraph train attribution --corpus DIR --seed 2 --out /tmp/seed2.model   # training noise"
    )]
    Attribution(TrainAttributionArgs),
}

/// Arguments of `train attribution`.
#[derive(Debug, Args)]
pub struct TrainAttributionArgs {
    /// The corpus directory.
    #[arg(long, value_name = "DIR")]
    pub corpus: PathBuf,
    /// The split to learn from.
    #[arg(long, default_value = "train")]
    pub split: String,
    /// Passes over the data (the shipped model's setting by default).
    #[arg(long, default_value_t = 6)]
    pub epochs: usize,
    /// Added to cue scores when tagging: above 0 finds more cues, less precisely (the shipped
    /// model's setting by default).
    #[arg(long, default_value_t = 12.0, allow_negative_numbers = true)]
    pub cue_bias: f32,
    /// Seeds the order in which examples are seen: other seeds give other, equally good
    /// models, which measures how much a change's figures owe to training order alone.
    #[arg(long, default_value_t = claimgraph::attribute::model::SHIPPED_SEED)]
    pub seed: u64,
    /// Where to write the model.
    #[arg(
        long,
        default_value = "models/attribution-en.model",
        value_name = "FILE"
    )]
    pub out: PathBuf,
}

/// Arguments of `ingest`.
#[derive(Debug, Args)]
#[command(
    after_help = "URLs (http and https only) are fetched politely: robots.txt is honoured and cached per host,
one request per host per --delay seconds (or the host's Crawl-delay), --concurrency requests in
flight, retries with backoff on 5xx and 429 (honouring a Retry-After of up to 120 s; a longer one leaves the page for a later run), ETag/Last-Modified
remembered per URL so an unchanged page is not downloaded again. Addresses that resolve to
loopback, private, link-local or multicast networks are refused unless --allow-private.
Only HTML and XHTML are kept; bodies over --max-bytes are refused.

A page's canonical URL is its source's identity; a saved file without one is named by its
file:// URL (or --url). Each distinct text becomes a version; the same text again changes
nothing. Annotations made by people are never touched.

Exit status: 0 all inputs ingested (or unchanged), 3 some failed (each reported on stderr with
its URL or file and the problem; the others are still stored; --report counts the errors by
kind: read, not-html, too-large, http-status, timeout, decode, network, robots, extract…), 2 nothing
could be done (every input failed, or the data directory could not be opened).

With --job FILE, one pass of a job file (feeds, sitemaps, URL lists, include/exclude
patterns, per-host politeness, max items, languages: docs/scheduling.md): incremental (a
journal in the store remembers what was fetched, pages fetched within `revisit` are skipped,
others asked for conditionally) and resumable (a pass killed half-way is finished by the next,
with no duplicates). --report writes its JSON summary. The job file's [fetch] table sets how
pages are fetched; --allow-private and --ignore-robots add to it.

Examples:
  claimgraph ingest https://www.example.com/news/micro-dramas.html --contact ops@example.org
  claimgraph ingest saved-pages/ --report summary.json
  claimgraph ingest page.html --url https://www.example.com/news/micro-dramas.html
  claimgraph ingest --job jobs/micro-drama-watch.toml --report pass.json"
)]
pub struct IngestArgs {
    /// URLs, files (.html, .htm, .html.gz) or directories of them.
    #[arg(required_unless_present = "job", value_name = "URL|FILE|DIR")]
    pub inputs: Vec<String>,
    /// Run one pass of this job file instead (docs/scheduling.md).
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    pub job: Option<PathBuf>,
    /// The URL the saved page was retrieved from (its source's identity). Several files given
    /// with one --url are versions of that source, in the order given.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Write a JSON summary (counts and errors by kind) to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// No progress line.
    #[arg(long)]
    pub quiet: bool,
    /// Store the text only: find no attributions or claims. The choice is recorded with
    /// the version: `reattribute` keeps it, and a later ingest of the same text that reads
    /// claims reads them then.
    #[arg(long)]
    pub no_claims: bool,
    /// Do not record the article's own checkable assertions (numbers, dates,
    /// named entities) as claims of its author or publisher.
    #[arg(long)]
    pub no_author_assertions: bool,
    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// How pages are fetched and read: shared by `ingest` and `extract`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Fetching")]
pub struct FetchArgs {
    /// A contact (URL or e-mail) added to the User-Agent.
    #[arg(long, value_name = "CONTACT")]
    pub contact: Option<String>,
    /// Fetch even what robots.txt disallows.
    #[arg(long)]
    pub ignore_robots: bool,
    /// Allow loopback, private, link-local and multicast addresses (intranets, tests).
    #[arg(long)]
    pub allow_private: bool,
    /// Seconds between two requests to one host.
    #[arg(long, default_value_t = 1.0, value_name = "SECS", value_parser = parse_secs)]
    pub delay: f64,
    /// Requests in flight at most.
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub concurrency: usize,
    /// Retries after a server error, a 429 or a network failure.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub retries: u32,
    /// Read timeout in seconds (connect: at most 30; whole request: twice this).
    #[arg(long, default_value_t = 30.0, value_name = "SECS", value_parser = parse_secs)]
    pub timeout: f64,
    /// Largest page accepted, fetched or read from a file, in bytes (after decompression).
    #[arg(long, default_value_t = claimgraph::ingest::files::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,
}

fn parse_secs(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=86_400.0).contains(&v) => Ok(v),
        _ => Err(format!("expected seconds from 0 to 86400, got {s:?}")),
    }
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
#[command(
    after_help = r#"The server owns the data directory (other claimgraph commands on it go through the
server: `query` and `search` send their request to it). Endpoints:

  /sparql   SPARQL 1.1 Protocol: GET ?query=…, POST a form (query= or update=) or a body of
            application/sparql-query or application/sparql-update. SELECT/ASK as JSON, XML, CSV
            or TSV and CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML, by Accept.
  /search   ?q=words&limit=N: full-text search, JSON.
  /health   store and index generations, queries answered.
  /jobs     the scheduled jobs and their last pass.

Read-only unless --allow-update, and then SPARQL Update needs `Authorization: Bearer TOKEN`.
Every query is cancelled after --timeout and returns at most --max-rows rows (a cut result
carries the header X-Claimgraph-Truncated); --max-concurrent queries run at once, the others
wait their turn. With --schedule DIR, every job file in DIR runs
one pass at start and then every --every; a pass in progress stops at the next page on
SIGTERM or Ctrl-C, keeping what it stored.

Examples:
  claimgraph serve
  claimgraph serve --bind 0.0.0.0:7878 --schedule jobs/ --every 30m
  CLAIMGRAPH_TOKEN=s3cret claimgraph serve --allow-update
  curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/sparql' \
      --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5'"#
)]
pub struct ServeArgs {
    /// Address to listen on (port 0: any free port, printed at start).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR")]
    pub bind: std::net::SocketAddr,
    /// Run the job files of this directory on a schedule.
    #[arg(long, value_name = "DIR")]
    pub schedule: Option<PathBuf>,
    /// Time between two scheduled passes (30m, 2h, 1d, or seconds).
    #[arg(long, default_value = "30m", value_name = "DURATION", value_parser = parse_duration_arg)]
    pub every: std::time::Duration,
    /// Accept SPARQL Update (with the bearer token).
    #[arg(long)]
    pub allow_update: bool,
    /// The bearer token SPARQL Update needs.
    #[arg(
        long,
        env = "CLAIMGRAPH_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
    /// Longest time a query may run, in seconds.
    #[arg(long, default_value_t = 30.0, value_name = "SECS", value_parser = parse_secs)]
    pub timeout: f64,
    /// Most rows (or triples) a query returns.
    #[arg(long, default_value_t = 100_000, value_name = "N")]
    pub max_rows: usize,
    /// Queries evaluated at once (default: the number of cores); more wait
    /// their turn, so a scheduled pass keeps a share of the machine.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub max_concurrent: Option<u16>,
}

fn parse_duration_arg(s: &str) -> Result<std::time::Duration, String> {
    claimgraph::jobs::file::parse_duration(s)
        .filter(|d| !d.is_zero())
        .ok_or_else(|| {
            format!("expected a duration such as 30m, 2h, 1d or 90 (seconds), got {s:?}")
        })
}

/// How a claim is attributed (`annotate --kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// The claimant's own words in quotation marks.
    DirectQuote,
    /// Reported speech.
    Indirect,
    /// "According to X, …".
    AccordingTo,
    /// The source's own assertion.
    AuthorAssertion,
}

/// The source's attitude to the claim (`annotate --stance`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StanceArg {
    /// Presents it as true.
    Endorses,
    /// Argues against it.
    Disputes,
    /// Relays it without taking a side.
    Neutral,
}

/// Arguments of `annotate`.
#[derive(Debug, Args)]
#[command(
    after_help = r#"The quote must be exactly as it stands in the source's latest stored version; if it is
not there, the nearest passage is shown, and if it occurs several times, a --prefix or
--suffix that picks each occurrence. Names resolve against the gazetteer (ids, labels,
aliases in English or Chinese); a new name is recorded as a new entity, with suggestions.

Your annotations go into your own graph (…/graph/annotations/by/<author>), which
ingestion never writes. When the page changes and is ingested again, each annotation is
looked for in the new text and reported as anchored, moved or orphaned — never deleted;
`claimgraph check` lists the orphans.

Examples:
  claimgraph annotate https://news.example/micro-dramas --author "Li Wei" \
      --quote "the fund will double next year" --claimant NRTA --cue said \
      --kind indirect --about micro-drama --about state-funding
  claimgraph annotate micro-drama-op-ed --author "Li Wei" --claimant scmp \
      --quote "manufacturing discipline" \
      --claim "Chinese authorities treat AI micro-drama production as manufacturing" \
      --stance endorses --reported-by Reuters
  CLAIMGRAPH_AUTHOR="Li Wei" claimgraph annotate SOURCE --quote "…" --claimant @author"#
)]
pub struct AnnotateArgs {
    /// The source: its URL, its IRI, or an annotated source file's id.
    #[arg(value_name = "SOURCE")]
    pub source: String,
    /// The passage, exactly as in the source's latest version.
    #[arg(long)]
    pub quote: String,
    /// Who asserts it: a gazetteer id, label or alias, a name, or @author (the source's author).
    #[arg(long, value_name = "NAME")]
    pub claimant: String,
    /// The claim as a stand-alone proposition (default: the quote).
    #[arg(long, value_name = "TEXT")]
    pub claim: Option<String>,
    /// Who marks it (default: $CLAIMGRAPH_AUTHOR, else $USER).
    #[arg(long, env = "CLAIMGRAPH_AUTHOR", value_name = "NAME")]
    pub author: Option<String>,
    /// Who relays the claim, nearest the claimant first (repeat for a chain).
    #[arg(long = "reported-by", value_name = "NAME")]
    pub reported_by: Vec<String>,
    /// The words that mark the attribution ("said", "according to", "据…报道").
    #[arg(long)]
    pub cue: Option<String>,
    /// How the claim is attributed.
    #[arg(long, value_enum, default_value_t = KindArg::Indirect)]
    pub kind: KindArg,
    /// The source's attitude to the claim.
    #[arg(long, value_enum, default_value_t = StanceArg::Neutral)]
    pub stance: StanceArg,
    /// An entity the claim is about (repeat for several).
    #[arg(long, value_name = "NAME")]
    pub about: Vec<String>,
    /// A note.
    #[arg(long)]
    pub note: Option<String>,
    /// Text just before the quote, to choose among several occurrences.
    #[arg(long)]
    pub prefix: Option<String>,
    /// Text just after the quote, to choose among several occurrences.
    #[arg(long)]
    pub suffix: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
}

/// Arguments of `review`.
#[derive(Debug, Args)]
#[command(
    after_help = r#"The publisher's label is kept as it is (schema:alternateName) and mapped to claimgraph's
scale — true, mostly true, mixed, mostly false, false, unverifiable — by the labels of
ontology/claimgraph.ttl (PolitiFact's, the Washington Post's, Snopes', AFP's, Chequeado's,
Taiwan FactCheck Center's…). Reviewing the same claim again with the same --url (or again
without one) updates the verdict, and says which verdict it replaced; giving a --url to a review recorded without one completes it (another --url is
another fact-check, recorded beside it). Each organisation's reviews are in their own graph; ingestion never touches them.

Examples:
  claimgraph review "major cultural exporter by 2035" --rating "Mostly True" --by "Fact Desk" \
      --url https://factdesk.example/checks/2035 --date 2026-11-30
  claimgraph review "Beijing is using direct funding" --rating 部分錯誤 --by "Fact Desk"
  claimgraph review "funding" --rating "Needs a second look" \
      --normalised unverifiable --by "Fact Desk"
  claimgraph export --format claimreview > reviews.jsonld"#
)]
pub struct ReviewArgs {
    /// The claim: its IRI, its text, or words that occur in one claim only.
    #[arg(value_name = "CLAIM")]
    pub claim: String,
    /// The publisher's own rating label ("Misleading", "Pants on Fire", "部分錯誤"…).
    #[arg(long, value_name = "LABEL")]
    pub rating: String,
    /// The reviewing organisation: a gazetteer id, label or alias, or a new name.
    #[arg(long, value_name = "ORG")]
    pub by: String,
    /// The published fact-check's URL.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// When the fact-check was published (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The point of claimgraph's scale, for a label it does not know (or to override it):
    /// true, mostly true, mixed, mostly false, false, unverifiable.
    #[arg(long, value_name = "POINT")]
    pub normalised: Option<String>,
    /// A note on the verdict.
    #[arg(long)]
    pub note: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
}

/// Arguments of `versions`.
#[derive(Debug, Args)]
#[command(
    after_help = "Each version after the first lists the paragraphs it added (+), removed (-) and
changed (~), numbered from 1 in text; JSON gives their index, from 0 (\"at\", \"from\", \"to\").
A changed paragraph shows the words it lost [-like this-] and gained {+like this+} with some of
the text around them; JSON gives the whole of both and the same runs (\"words\": \"same\",
\"removed\", \"added\").

Examples:
  claimgraph versions https://www.example.com/news/micro-dramas.html
  claimgraph versions https://www.example.com/news/micro-dramas.html --format json
  claimgraph versions micro-drama-op-ed                 a source file's id"
)]
pub struct VersionsArgs {
    /// The source: its canonical URL, its IRI, or an annotated source file's id.
    #[arg(value_name = "SOURCE")]
    pub url: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
}

/// Arguments of `reattribute`.
#[derive(Debug, Args)]
#[command(
    after_help = "Ingest reads a page's claims once, when its text is first stored; a store kept across
upgrades holds the claims of whichever claimgraph first read each page. reattribute reads each
stored version's text again (with the language, author and headline stored with its source),
finds its attributions as ingest does now, and rewrites the version's claims graph where they
differ. The texts, people's annotations and reviews are not touched. A claim someone reviewed
that is no longer found keeps its old attribution (credited to the extractor that found it);
claims found again keep the near-duplicate links this build's rules still accept, scored
again, and every claim is linked as ingest links new ones (a pair one way). A version is read
for no more than its ingest chose: one ingested with --no-claims is left as it is, one with
--no-author-assertions gets none (--override-ingest-choice reads them all the same).

Each changed version is listed with the claims it loses (-) and gains (+), as claimant and
claim, and the near-duplicate links it drops or gains (~); --dry-run lists them and writes
nothing (its count of links may be a little lower: claims new to one batch are not written
for the next to find).
The summary goes to stderr. It needs the data directory to itself: after an upgrade, run it
between stopping the old build's server and starting the new one's.

Exit status: 0 done (or nothing to change), 3 some versions could not be read (each named on
stderr; their claims stay as they were, the others are written), 2 nothing could be done (no
such source, no data directory).

Examples:
  claimgraph reattribute --dry-run                 what this build would change
  claimgraph reattribute                           rewrite the latest version of every page
  claimgraph reattribute https://www.example.com/news/micro-dramas.html --all-versions
  claimgraph reattribute --format json > changes.json"
)]
pub struct ReattributeArgs {
    /// Only these sources (canonical URLs or source IRIs); without any, every ingested
    /// source.
    #[arg(value_name = "URL")]
    pub sources: Vec<String>,
    /// Every stored version, not only each source's latest.
    #[arg(long)]
    pub all_versions: bool,
    /// List what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Do not record the article's own checkable assertions as claims of its author or
    /// publisher (as `ingest --no-author-assertions`).
    #[arg(long)]
    pub no_author_assertions: bool,
    /// Also read versions whose ingest chose `--no-claims`, and the author assertions of
    /// those ingested with `--no-author-assertions` (without it, each version is read for
    /// no more than its ingest chose).
    #[arg(long)]
    pub override_ingest_choice: bool,
    /// No progress line.
    #[arg(long)]
    pub quiet: bool,
    /// Output format of the changes.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

/// Output formats of `extract`, `annotate`, `review`, `versions` and
/// `eval extraction`: each command's `--format` says what it prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// Readable text.
    Text,
    /// JSON (JSON Lines where there is one object per input).
    Json,
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
#[command(
    after_help = "URLs are fetched as ingest fetches them (robots.txt, delays, retries, size cap, no private
addresses unless --allow-private), files are read. Each page is decoded (byte-order mark, valid
UTF-8, HTTP or <meta> charset, else a guess: GBK, GB18030 and Big5 pages decode correctly),
its main text extracted by paragraph with headline, authors, publisher, published and modified
dates, language and canonical URL, and printed in the order of the inputs. Nothing is stored.
A page that cannot be fetched, read or has no main text is reported on stderr with its URL or
name, and the others are still printed (exit 3 at the end).

Examples:
  claimgraph extract page.html
  claimgraph extract https://www.example.com/news/micro-dramas.html --contact ops@example.org
  claimgraph extract saved/*.html.gz --format json > articles.jsonl
  claimgraph extract page.html --url https://www.example.com/news/micro-dramas.html
  claimgraph extract page.html --claims    also the claims ingest would store, and who made them"
)]
pub struct ExtractArgs {
    /// URLs (http, https), files (.html, .htm, .html.gz) or directories of them.
    #[arg(required = true, value_name = "URL|FILE|DIR")]
    pub inputs: Vec<String>,
    /// The URL of a single saved page, for resolving its canonical link.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Also find the claims `ingest` would store: claimant, cue, kind and
    /// quote with its character offsets in the text (JSON: "claims").
    #[arg(long)]
    pub claims: bool,
    /// With --claims: leave out the article's own assertions, as `ingest
    /// --no-author-assertions` does.
    #[arg(long, requires = "claims")]
    pub no_author_assertions: bool,
    /// Output format: text (metadata lines, then the paragraphs) or json (one object per
    /// input, JSON Lines).
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// Arguments of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// What to evaluate.
    #[command(subcommand)]
    pub what: EvalCommand,
}

/// What `eval` measures.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Main text and metadata extraction against a corpus of pages with gold annotations.
    #[command(
        after_help = "The corpus layout is detected: ground-truth.json + html/<id>.html.gz (text, as in the
scrapinghub benchmark), original/ + cleaned/ + author/ + date/ (Chinese pages: text, author,
date), or <name>/source.html + expected-metadata.json (metadata: title, byline, lang, siteName,
publishedTime). Text is scored on 4-token shingles of \\w+ tokens (precision and recall per
page, averaged; F1 from the averages), and also with each Han character a token.

Examples:
  claimgraph eval extraction --corpus ../shared/corpora/extraction/scrapinghub
  claimgraph eval extraction --corpus ../shared/corpora/extraction/chinese-pages --format json"
    )]
    Extraction(EvalExtractionArgs),
    /// Sources, cues and contents found against brat attribution annotations (PolNeAR).
    #[command(
        after_help = "The split is <DIR>/<SPLIT>/text/<name>.txt with <DIR>/<SPLIT>/attributions/<name>*.ann (brat
standoff; an article annotated twice has two .ann files, each scored as a document against one
prediction on the text). Per role (source, cue, content), predicted spans are matched one to one
with gold spans, greedily by the most characters shared, under three criteria: exact (the same
characters once white space, quote marks and trailing punctuation are trimmed), overlap >= 0.3
and overlap >= 0.8 (shared characters at least that fraction of the gold span). Precision and
recall are pooled over the split.

Exit status: 0 scored; 2 the corpus or split is missing, or a measured F1 is below a --floor-*;
3 scored, but some annotation files or events could not be read (each is reported on stderr with
its file and line, and in the JSON's \"errors\").

Examples:
  claimgraph eval attribution --corpus ../shared/corpora/attribution/polnear
  claimgraph eval attribution --corpus DIR --split train --format json
  claimgraph eval attribution --corpus DIR --floor-content-overlap 0.5 --floor-cue-exact 0.6
  claimgraph eval attribution --corpus DIR --predictions /tmp/pred   # what was found, as brat files"
    )]
    Attribution(EvalAttributionArgs),
    /// Attribution against sources annotated by hand (sources/*.toml): recall with the right claimant.
    #[command(
        after_help = "For each claim marked in an annotated source, looks for an attribution found in the same
text whose content covers at least 0.3 of the marked quote and whose claimant is the marked one
(@author matches the article's own assertions; gazetteer names match by entity; other names by
normalised name). Marked claims are the ones a researcher chose, not every attribution, so this
measures recall; what is found beyond them is counted, not scored.

Exit status: 0 scored; 2 no annotated source could be read, or recall is below --floor-recall.

Examples:
  claimgraph eval claims sources/micro-drama-op-ed.toml
  claimgraph eval claims sources/ --format json"
    )]
    Claims(EvalClaimsArgs),
}

/// Arguments of `eval claims`.
#[derive(Debug, Args)]
pub struct EvalClaimsArgs {
    /// Annotated source files (.toml) or directories of them.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Exit 2 when the pooled recall is below this.
    #[arg(long, value_name = "R")]
    pub floor_recall: Option<f64>,
}

/// Output formats of `eval attribution` and `eval claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Readable text: an aligned table of the scores (and, for claims, the misses).
    Text,
    /// One JSON object: the scores, the counts behind them and what was missed.
    Json,
}

/// Arguments of `eval attribution`.
#[derive(Debug, Args)]
pub struct EvalAttributionArgs {
    /// The corpus directory (holding one directory per split).
    #[arg(long, value_name = "DIR")]
    pub corpus: PathBuf,
    /// The split to score.
    #[arg(long, default_value = "dev", value_name = "NAME")]
    pub split: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Fail (exit 2) when content F1 at overlap >= 0.3 is below this.
    #[arg(long, value_name = "F")]
    pub floor_content_overlap: Option<f64>,
    /// Fail (exit 2) when exact source F1 is below this.
    #[arg(long, value_name = "F")]
    pub floor_source_exact: Option<f64>,
    /// Fail (exit 2) when exact cue F1 is below this.
    #[arg(long, value_name = "F")]
    pub floor_cue_exact: Option<f64>,
    /// Measure this model file instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Override the model's cue bias (above 0: more cues found, less precisely).
    #[arg(long, allow_negative_numbers = true)]
    pub cue_bias: Option<f32>,
    /// Also write what was found in each text as brat standoff,
    /// `DIR/<text name>.ann`, to compare with the gold.
    #[arg(long, value_name = "DIR")]
    pub predictions: Option<PathBuf>,
}

/// Arguments of `eval extraction`.
#[derive(Debug, Args)]
pub struct EvalExtractionArgs {
    /// The corpus directory.
    #[arg(long, value_name = "DIR")]
    pub corpus: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
    /// List the pages that scored worst (text F1), this many.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub worst: usize,
    /// The main-text extractor to measure.
    #[arg(long, value_enum, default_value_t = ExtractorArg::Blocks)]
    pub extractor: ExtractorArg,
}

/// The main-text extractors (`--extractor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExtractorArg {
    /// claimgraph's block scorer on the one parsed DOM (fast; the default).
    Blocks,
    /// rs-trafilatura (parses the page again; slower).
    Trafilatura,
}

impl From<ExtractorArg> for claimgraph::ingest::extract::Extractor {
    fn from(arg: ExtractorArg) -> Self {
        match arg {
            ExtractorArg::Blocks => Self::Blocks,
            ExtractorArg::Trafilatura => Self::Trafilatura,
        }
    }
}

/// Arguments of `load`.
#[derive(Debug, Args)]
#[command(
    after_help = "Each annotated source goes into its own named graph, and each RDF file into
<https://w3id.org/claimgraph/graph/file/DIR/NAME> (or --graph); loading a file again replaces
its graph atomically, so loading twice changes nothing. A file that fails to parse is reported
with file:line:column and nothing of it is loaded; the other files still load (exit 3; exit 2
when no file could be loaded).

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
    after_help = "Named queries (see --list): who-claimed, claims-about, claim-trail, claims-table,
sources, state-bodies-matching.
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
  claimgraph query --file my-query.rq --format csv --timeout 60 > out.csv
  claimgraph query 'SELECT ?c ?s WHERE {
      SERVICE cg:search { ?c cg:matches \"export\" ; cg:score ?s } }'

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
    /// Give up after this many seconds (exit 2): for scripts and scheduled
    /// jobs. Through a server (--endpoint), the wait for its answer; the
    /// server applies its own timeout too.
    #[arg(long, value_name = "SECS", value_parser = positive_seconds)]
    pub timeout: Option<f64>,
}

fn positive_seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v <= 1e9 => Ok(v),
        _ => Err(format!("{s:?} is not a number of seconds above 0")),
    }
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
words. Syntax: words (all must match), \"a phrase\", OR, AND, NOT or -word (beside a word to
match; a query that starts with - goes after --), prefix*, * for every claim.

Examples:
  claimgraph search micro-drama
  claimgraph search 微短剧
  claimgraph search '\"tens of billions\" yuan'
  claimgraph search export --claimant 国务院 --since 2024-01-01
  claimgraph search funding --reporter Xinhua --lang en --format json
  claimgraph search 'fund* NOT hollywood' --limit 5
  claimgraph search --claimant scmp -- '* -hollywood'"
)]
pub struct SearchArgs {
    /// What to search for.
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// Only claims by this claimant (label, alias, id or IRI; repeatable).
    #[arg(long, value_name = "NAME")]
    pub claimant: Vec<String>,
    /// Only claims relayed or published by this reporter (label, alias, id or IRI; repeatable).
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
    /// schema.org ClaimReview JSON-LD: every verdict recorded with `review`, with its claim,
    /// the claim's author and appearances (for publishing fact-checks).
    Claimreview,
    /// CSV for spreadsheets: one row per attributed claim — claim, claimant, reporter chain,
    /// quote, source URL, date, verdicts (the named query claims-table). UTF-8 with a
    /// byte-order mark (so that Excel reads Chinese right); a cell that would start a formula
    /// (=, +, -, @) starts with ' instead: the words come from web pages.
    Csv,
    /// People's annotations as annotated source files (docs/sources-format.md): one .toml per
    /// source file loaded and per source marked with `annotate`, texts in texts/; needs
    /// --output DIR. Loading them gives the same attributions.
    Toml,
    /// People's annotations as W3C Web Annotations (JSON-LD, for annotation tools such as
    /// Hypothesis); `claimgraph load` reads such files back.
    Webannotation,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  claimgraph export > all.nq
  claimgraph export --format trig --output all.trig
  claimgraph export --format turtle --graph https://w3id.org/claimgraph/graph/annotations/micro-drama-op-ed
  claimgraph export --format claimreview --output reviews.jsonld
  claimgraph export --format csv > claims.csv
  claimgraph export --format toml --output my-sources/
  claimgraph export --format webannotation --output annotations.jsonld")]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Nquads)]
    pub format: ExportFormat,
    /// Export only this named graph.
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Write to this file instead of standard output (for --format toml: this directory).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Formats of `check`, `stats` and `reattribute`.
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
