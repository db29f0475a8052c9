//! `claimgraph check`: the integrity checks of `queries/checks/`.

use super::args::{CheckArgs, ReportFormat};
use super::{Status, open};
use anyhow::Result;
use claimgraph::checks::run_checks;
use claimgraph::store::OpenMode;
use std::path::Path;

pub fn run(data_dir: &Path, args: CheckArgs) -> Result<Status> {
    let data = open(data_dir, OpenMode::Read)?;
    let mut reports = run_checks(data.store())?;
    let status = data.index_status()?;
    reports.push(claimgraph::checks::CheckReport {
        name: "index-agrees-with-store",
        purpose: "the full-text index reflects the store's last write and holds every attribution",
        violations: if status.is_consistent() {
            Vec::new()
        } else {
            vec![format!(
                "store generation {}, index generation {}, attributions in store {}, in index {} (run `claimgraph reindex`)",
                status.store_generation,
                status.index_generation.map_or("none".into(), |g| g.to_string()),
                status.attributions_in_store,
                status.attributions_in_index
            )]
        },
    });
    let violations: usize = reports.iter().map(|r| r.violations.len()).sum();
    match args.format {
        ReportFormat::Json => {
            let json: Vec<_> = reports
                .iter()
                .map(|r| serde_json::json!({"check": r.name, "purpose": r.purpose, "violations": r.violations}))
                .collect();
            println!("{}", serde_json::to_string_pretty(&json)?);
        }
        ReportFormat::Table => {
            for r in &reports {
                let mark = if r.violations.is_empty() {
                    "ok  "
                } else {
                    "FAIL"
                };
                println!("{mark} {} — {}", r.name, r.purpose);
                for v in &r.violations {
                    println!("       {v}");
                }
            }
        }
    }
    if violations > 0 {
        eprintln!(
            "claimgraph: {violations} violation(s) in {}",
            data_dir.display()
        );
        Ok(Status::Error)
    } else {
        Ok(Status::Ok)
    }
}
