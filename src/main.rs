//! The `claimgraph` binary: parse arguments, run the subcommand, print the
//! error chain, map the outcome to an exit code (0 ok, 1 nothing found,
//! 2 error; a closed pipe is not an error).

mod cli;

use std::process::ExitCode;

/// mimalloc instead of the system allocator: after a bulk load has grown and
/// fragmented the heap, glibc's malloc made the SERVICE query twice as slow
/// in the same process (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = <cli::args::Cli as clap::Parser>::parse();
    match cli::run(args) {
        Ok(status) => status.into(),
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimgraph: error: {}", cli::error_text(&error));
            cli::Status::Error.into()
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
