//! `claimgraph bench`: full-text benchmark on a synthetic claim graph.
//! Builds the graph and the index, then times one two-word query in the same
//! run: (a) `search`; (b) SPARQL with `SERVICE cg:search` binding claimant,
//! source and date; (b1) the SERVICE binding only the attribution, joined
//! with the store for claimant, source and date; (b2) (b) plus labels looked
//! up in the store; (c) the
//! same rows as (b) through graph patterns and `FILTER(CONTAINS(LCASE(?text),
//! …))`; (c0) that filter's scan alone. Reports p50/p95, ratios and peak
//! memory.

use super::Status;
use super::args::BenchArgs;
use anyhow::{Result, bail};
use claimgraph::index::docs::DocKind;
use claimgraph::index::search::{SearchOptions, search};
use claimgraph::queries::{prepare, run_query};
use claimgraph::store::{DataDir, OpenMode};
use claimgraph::synthetic;
use oxigraph::sparql::QueryResults;
use std::time::Instant;

const WORDS: &str = "funding beijing";

/// (b) The SERVICE binds claimant, source and date from the index.
const WITH_SERVICE: &str = "SELECT ?claim ?claimant ?source ?date WHERE {
  SERVICE cg:search { ?claim cg:matches \"funding beijing\" ; cg:claimant ?claimant ; cg:source ?source ; schema:datePublished ?date }
}";

/// (b1) The SERVICE gives the attribution; the store gives the rest.
const WITH_SERVICE_JOIN: &str = "SELECT ?claim ?claimant ?source ?date WHERE {
  SERVICE cg:search { ?claim cg:matches \"funding beijing\" ; cg:attribution ?a }
  ?a cg:claimant ?claimant ; cg:source ?source .
  ?source schema:datePublished ?date .
}";

/// (b2) The same, plus the claimant's label and the source's headline from the store.
const WITH_SERVICE_LABELS: &str = "SELECT ?claim ?claimant ?source ?date ?claimant_label ?title WHERE {
  SERVICE cg:search { ?claim cg:matches \"funding beijing\" ; cg:claimant ?claimant ; cg:source ?source ; schema:datePublished ?date }
  ?claimant rdfs:label ?claimant_label .
  ?source schema:headline ?title .
}";

/// (c) The same rows as (b) from graph patterns and a substring filter.
const WITH_FILTER: &str = "SELECT ?claim ?claimant ?source ?date WHERE {
  ?a a cg:Attribution ; cg:claim ?claim ; cg:claimant ?claimant ; cg:source ?source .
  ?claim schema:text ?text .
  FILTER(CONTAINS(LCASE(?text), \"funding\") && CONTAINS(LCASE(?text), \"beijing\"))
  ?source schema:datePublished ?date .
}";

/// (c0) Only the substring scan of (c): a lower bound for any FILTER form.
const FILTER_ONLY: &str = "SELECT ?claim WHERE {
  ?claim schema:text ?text .
  FILTER(CONTAINS(LCASE(?text), \"funding\") && CONTAINS(LCASE(?text), \"beijing\"))
}";

pub fn run(args: BenchArgs) -> Result<Status> {
    let (data, built) = if args.reuse {
        let data = DataDir::open(&args.dir, OpenMode::Existing)?;
        let docs = data.fulltext().count(DocKind::Attribution)? as usize;
        eprintln!("reusing {} ({docs} claims indexed)", args.dir.display());
        (data, None)
    } else {
        if args.dir.exists() && std::fs::read_dir(&args.dir)?.next().is_some() {
            bail!(
                "{} is not empty; the benchmark builds a fresh data dir there (or give --reuse)",
                args.dir.display()
            );
        }
        let data = DataDir::open(&args.dir, OpenMode::Create)?;
        eprintln!(
            "generating and loading {} claims, {} claimants, {} sources…",
            args.claims,
            synthetic::CLAIMANTS,
            synthetic::SOURCES
        );
        let (store_secs, index_secs, docs) =
            data.bulk_load(synthetic::quads(args.claims, args.seed))?;
        eprintln!(
            "store loaded in {store_secs:.1} s; index built in {index_secs:.1} s ({docs} documents)"
        );
        (data, Some((store_secs, index_secs, docs)))
    };
    let claims = data.fulltext().count(DocKind::Attribution)? as usize;

    let search_hits = || -> Result<usize> {
        let options = SearchOptions {
            limit: 100_000,
            ..SearchOptions::default()
        };
        Ok(search(data.fulltext(), WORDS, &options)?.len())
    };
    let sparql = |text: &str| -> Result<usize> {
        let prepared = prepare(text, "bench", Vec::new(), Some(data.fulltext()))?;
        let QueryResults::Solutions(solutions) = run_query(data.store(), prepared)? else {
            bail!("not a SELECT")
        };
        let mut n = 0;
        for s in solutions {
            s?;
            n += 1;
        }
        Ok(n)
    };
    let a = time("(a) search", args.runs, &search_hits)?;
    let b0 = time("(b0) index only (fast fields)", args.runs, &|| {
        // What (b) binds: claim, claimant, source, date.
        let wanted = claimgraph::index::search::Wanted {
            claim: true,
            claimant: true,
            source: true,
            date: true,
            attribution: false,
        };
        Ok(claimgraph::index::search::fast_hits(
            data.fulltext(),
            WORDS,
            claimgraph::index::service::DEFAULT_LIMIT,
            wanted,
        )?
        .len())
    })?;
    let b = time("(b) SERVICE", args.runs, &|| sparql(WITH_SERVICE))?;
    let b1 = time("(b1) SERVICE + store join", args.runs, &|| {
        sparql(WITH_SERVICE_JOIN)
    })?;
    let b2 = time("(b2) SERVICE + store labels", args.runs, &|| {
        sparql(WITH_SERVICE_LABELS)
    })?;
    let (c, c0) = if args.filter_runs > 0 {
        (
            Some(time(
                "(c) FILTER(CONTAINS) + joins",
                args.filter_runs,
                &|| sparql(WITH_FILTER),
            )?),
            Some(time(
                "(c0) FILTER(CONTAINS) scan",
                args.filter_runs,
                &|| sparql(FILTER_ONLY),
            )?),
        )
    } else {
        (None, None)
    };
    let all: Vec<&Timing> = [Some(&a), Some(&b0), Some(&b), Some(&b1), Some(&b2)]
        .into_iter()
        .chain([c.as_ref(), c0.as_ref()])
        .flatten()
        .collect();
    if let Some(odd) = all.iter().find(|t| t.rows != a.rows) {
        bail!(
            "{} found {} rows where (a) found {}: the variants disagree",
            odd.name,
            odd.rows,
            a.rows
        );
    }
    let detached = prepare(WITH_SERVICE, "bench", Vec::new(), Some(data.fulltext()))?.is_detached();
    let peak_mib = peak_memory_kib().map(|k| k as f64 / 1024.0);
    let over_b = |t: &Option<Timing>| t.as_ref().map(|t| round(t.p50 / b.p50));

    let report = serde_json::json!({
        "claims": claims,
        "claimants": synthetic::CLAIMANTS,
        "sources": synthetic::SOURCES,
        "seed": (!args.reuse).then_some(args.seed),
        "query": WORDS,
        "store_load_s": built.map(|b| round(b.0)),
        "index_build_s": built.map(|b| round(b.1)),
        "documents": built.map(|b| b.2),
        "search": a.json(),
        "index_only": b0.json(),
        "sparql_service": b.json(),
        "sparql_service_reads_store": !detached,
        "sparql_service_with_store_join": b1.json(),
        "sparql_service_with_store_labels": b2.json(),
        "sparql_filter_contains": c.as_ref().map(Timing::json),
        "sparql_filter_scan_only": c0.as_ref().map(Timing::json),
        "ratio_filter_over_service_p50": over_b(&c),
        "ratio_filter_scan_over_service_p50": over_b(&c0),
        "ratio_service_over_search_p50": round(b.p50 / a.p50),
        "peak_memory_mib": peak_mib.map(round),
    });
    if args.json {
        println!("{report}");
        return Ok(Status::Ok);
    }
    println!(
        "claims {claims}  (claimants {}, sources {})",
        synthetic::CLAIMANTS,
        synthetic::SOURCES,
    );
    if let Some((store_secs, index_secs, docs)) = built {
        println!(
            "seed {}; store load {store_secs:.1} s, index build {index_secs:.1} s, {docs} documents",
            args.seed
        );
    }
    println!("query: {WORDS:?}; rows carry claim, claimant, source and date");
    for t in &all {
        println!(
            "  {:<32} rows {:>6}  p50 {:>9.2} ms  p95 {:>9.2} ms  ({} runs)",
            t.name, t.rows, t.p50, t.p95, t.runs
        );
    }
    if let (Some(c), Some(c0)) = (&c, &c0) {
        println!(
            "  (c) / (b) at p50: {:.0}×   (c0) / (b) at p50: {:.0}×",
            c.p50 / b.p50,
            c0.p50 / b.p50
        );
    }
    println!("  (b) / (a) at p50: {:.2}×", b.p50 / a.p50);
    if detached {
        println!("  (b) reads nothing from the store: it was evaluated without it");
    }
    if let Some(m) = peak_mib {
        println!("peak memory (VmHWM) {m:.0} MiB");
    }
    Ok(Status::Ok)
}

struct Timing {
    name: &'static str,
    rows: usize,
    runs: usize,
    p50: f64,
    p95: f64,
}

impl Timing {
    fn json(&self) -> serde_json::Value {
        serde_json::json!({"rows": self.rows, "runs": self.runs, "p50_ms": round(self.p50), "p95_ms": round(self.p95)})
    }
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Runs `f` once to warm up, then `runs` times; milliseconds at p50 and p95.
fn time(name: &'static str, runs: usize, f: &dyn Fn() -> Result<usize>) -> Result<Timing> {
    let rows = f()?;
    let mut ms = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let n = f()?;
        ms.push(started.elapsed().as_secs_f64() * 1000.0);
        if n != rows {
            bail!("{name}: {n} rows, then {rows}");
        }
    }
    ms.sort_by(f64::total_cmp);
    let pick = |q: f64| ms[((ms.len() as f64 * q).ceil() as usize).clamp(1, ms.len()) - 1];
    eprintln!("  {name}: {rows} rows, p50 {:.2} ms", pick(0.5));
    Ok(Timing {
        name,
        rows,
        runs: ms.len(),
        p50: pick(0.5),
        p95: pick(0.95),
    })
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
