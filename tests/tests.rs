//! claimgraph's integration tests, built as one test binary.

mod http;
mod util;

mod cli_annotate;
mod cli_check;
mod cli_demo;
mod cli_eval;
mod cli_export;
mod cli_ingest;
mod cli_jobs;
mod cli_load;
mod cli_query;
mod cli_reattribute;
mod cli_review;
mod cli_search;
mod cli_serve;
mod cli_stats;
mod queries;
mod service;
