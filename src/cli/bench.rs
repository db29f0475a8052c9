//! `claimgraph bench`: full-text benchmark on a synthetic claim graph.
//! Builds the graph and the index, then times one two-word query three ways
//! in the same run — (a) `search`, (b) SPARQL with `SERVICE cg:search`,
//! (c) the same SPARQL with `FILTER(CONTAINS(LCASE(?text), …))` — each joined
//! with claimant and source, and reports p50/p95, the ratios and peak memory.

use super::Status;
use super::args::BenchArgs;
use anyhow::{Result, bail};
use claimgraph::index::search::{SearchOptions, search};
use claimgraph::queries::{prepare, run_query};
use claimgraph::store::{DataDir, OpenMode};
use claimgraph::synthetic;
use oxigraph::sparql::QueryResults;
use std::time::Instant;

const WORDS: &str = "funding beijing";

const WITH_SERVICE: &str = "SELECT ?claim ?claimant_label ?title ?date WHERE {
  SERVICE cg:search { ?claim cg:matches \"funding beijing\" ; cg:claimant ?claimant ; cg:source ?source ; schema:datePublished ?date }
  ?claimant rdfs:label ?claimant_label .
  ?source schema:headline ?title .
}";

const WITH_FILTER: &str = "SELECT ?claim ?claimant_label ?title ?date WHERE {
  ?a a cg:Attribution ; cg:claim ?claim ; cg:claimant ?claimant ; cg:source ?source .
  ?claim schema:text ?text .
  FILTER(CONTAINS(LCASE(?text), \"funding\") && CONTAINS(LCASE(?text), \"beijing\"))
  ?claimant rdfs:label ?claimant_label .
  ?source schema:headline ?title ; schema:datePublished ?date .
}";

pub fn run(args: BenchArgs) -> Result<Status> {
    if args.dir.exists() && std::fs::read_dir(&args.dir)?.next().is_some() {
        bail!(
            "{} is not empty; the benchmark builds a fresh data dir there",
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
    let a = time("search", args.runs, &search_hits)?;
    let b = time("SPARQL + SERVICE cg:search", args.runs, &|| {
        sparql(WITH_SERVICE)
    })?;
    let c = time("SPARQL + FILTER(CONTAINS)", args.filter_runs, &|| {
        sparql(WITH_FILTER)
    })?;
    let peak_mib = peak_memory_kib().map(|k| k as f64 / 1024.0);

    let report = serde_json::json!({
        "claims": args.claims,
        "claimants": synthetic::CLAIMANTS,
        "sources": synthetic::SOURCES,
        "seed": args.seed,
        "query": WORDS,
        "store_load_s": round(store_secs),
        "index_build_s": round(index_secs),
        "documents": docs,
        "search": a.json(),
        "sparql_service": b.json(),
        "sparql_filter_contains": c.json(),
        "ratio_filter_over_service_p50": round(c.p50 / b.p50),
        "ratio_service_over_search_p50": round(b.p50 / a.p50),
        "peak_memory_mib": peak_mib.map(round),
    });
    if args.json {
        println!("{report}");
    } else {
        println!(
            "claims {}  (claimants {}, sources {}, seed {})",
            args.claims,
            synthetic::CLAIMANTS,
            synthetic::SOURCES,
            args.seed
        );
        println!("store load {store_secs:.1} s, index build {index_secs:.1} s, {docs} documents");
        println!("query: {WORDS:?}, joined with claimant label and source headline");
        for t in [&a, &b, &c] {
            println!(
                "  {:<28} rows {:>6}  p50 {:>9.2} ms  p95 {:>9.2} ms  ({} runs)",
                t.name, t.rows, t.p50, t.p95, t.runs
            );
        }
        println!("  FILTER(CONTAINS) / SERVICE at p50: {:.0}×", c.p50 / b.p50);
        println!("  SERVICE / search at p50: {:.2}×", b.p50 / a.p50);
        if let Some(m) = peak_mib {
            println!("peak memory (VmHWM) {m:.0} MiB");
        }
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
