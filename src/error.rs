//! The crate's error type: one enum whose variants name the file, line,
//! query or data directory involved, so the CLI can print a useful message.

use std::path::PathBuf;

/// Everything that can go wrong in the claimgraph library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file is not valid in its format (TOML, Turtle, JSON-LD…).
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line of the error.
        line: u64,
        /// 1-based column (in characters) of the error.
        column: u64,
        /// What is wrong.
        message: String,
    },
    /// A file parses but its content is not acceptable (a missing field, an
    /// unknown value, a quote that is absent from the text…).
    #[error("{}{}: {message}", path.display(), location.as_deref().map(|l| format!(" ({l})")).unwrap_or_default())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Where in the file, such as `claim 3`.
        location: Option<String>,
        /// What is wrong, with a suggestion when there is one.
        message: String,
    },
    /// A page file larger than the cap (`--max-bytes`), before or after
    /// decompression.
    #[error("{}: larger than {limit} bytes{}; refused", path.display(), if *decompressed { " once decompressed" } else { "" })]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The cap, in bytes.
        limit: u64,
        /// Whether the cap was passed while decompressing (`.gz`).
        decompressed: bool,
    },
    /// The file's extension names no format claimgraph can load.
    #[error("{}: unknown file type (expected .toml, .ttl, .trig, .nt, .nq, .jsonld or .json){}", path.display(), if crate::ingest::files::is_page_file(path) { "; web pages are read with `claimgraph ingest`" } else { "" })]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// Another process holds the data directory.
    #[error("data dir {} is in use by another claimgraph process{}", path.display(), owner.as_deref().map_or_else(|| " (one that reads it: query, search, export …; try again when it ends)".to_owned(), |o| format!(" ({o})")))]
    DataDirInUse {
        /// The data directory.
        path: PathBuf,
        /// What the owner wrote into the lock file (its pid), if readable.
        owner: Option<String>,
    },
    /// The data directory was written by an incompatible version.
    #[error("data dir {} has format {found:?}, this claimgraph reads format {expected:?}", path.display())]
    DataDirFormat {
        /// The data directory.
        path: PathBuf,
        /// What the marker file says.
        found: String,
        /// What this build understands.
        expected: String,
    },
    /// The data directory may not be written by this user: every command
    /// that writes (and RocksDB's own lock and log) needs to.
    #[error(
        "{}: data dir is not writable; commands that only read it (query, search, export, \
         stats, check, versions) open it read-only, the others need write access: fix its \
         permissions or work on a copy",
        path.display()
    )]
    NotWritable {
        /// The data directory.
        path: PathBuf,
    },
    /// A full-text query does not parse.
    #[error("search syntax error in {query:?}: {message}")]
    SearchSyntax {
        /// The query text.
        query: String,
        /// What is wrong.
        message: String,
    },
    /// The full-text index failed.
    #[error("full-text index: {0}")]
    Index(String),
    /// The RDF store failed.
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// A SPARQL query does not parse.
    #[error("SPARQL syntax error in {origin}: {message}")]
    SparqlSyntax {
        /// Where the query came from (`inline query`, a file, a named query).
        origin: String,
        /// The parser's message, with line and column.
        message: String,
    },
    /// A SPARQL query failed while running.
    #[error("query failed: {0}")]
    QueryEvaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// No named query has this name.
    #[error("no named query {name:?}; available: {}", available.join(", "))]
    UnknownQuery {
        /// The name asked for.
        name: String,
        /// The names that exist.
        available: Vec<String>,
    },
    /// A parameter is not declared by the named query, or its value is wrong.
    #[error("query {query:?}: {message}")]
    Parameter {
        /// The named query.
        query: String,
        /// What is wrong, listing the valid parameters.
        message: String,
    },
    /// Writing results or an export failed.
    #[error("writing output: {0}")]
    Output(#[source] std::io::Error),
    /// What the user named (a claim, source, entity, rating) is not there or
    /// not one thing; the message lists what they may have meant.
    #[error("{0}")]
    Input(String),
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `f`'s result, or, if it panicked (a bug, which no input should
/// trigger), a message naming `what` was being read (a page, a version)
/// and the `step` that failed, and asking for a report with the `input`
/// ("page", "text"): a batch then reads on past it.
pub fn unless_panicked<T>(
    what: &str,
    step: &str,
    input: &str,
    f: impl FnOnce() -> T,
) -> std::result::Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| {
        format!("{what}: {step} failed unexpectedly (a bug: please report it with this {input})")
    })
}

impl Error {
    /// A short name of the kind of error reading a page file, for
    /// summaries, like [`crate::ingest::fetch::FetchError::kind`]:
    /// `read` (missing, unreadable), `decode` (a corrupt `.gz`),
    /// `too-large`, else `extract`.
    pub fn page_kind(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } => "too-large",
            Error::Io { path, source } => {
                let gz = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
                let corrupt = matches!(
                    source.kind(),
                    std::io::ErrorKind::InvalidData
                        | std::io::ErrorKind::InvalidInput
                        | std::io::ErrorKind::UnexpectedEof
                );
                if gz && corrupt { "decode" } else { "read" }
            }
            _ => "extract",
        }
    }

    /// An [`Error::Syntax`] for a TOML file `path` whose `content` did not
    /// parse, at the line and column where it broke.
    pub fn toml(path: impl Into<PathBuf>, content: &str, e: &toml::de::Error) -> Self {
        let (line, column) = e
            .span()
            .map_or((1, 1), |s| crate::text::line_column(content, s.start));
        Self::Syntax {
            path: path.into(),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    }

    /// An [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }

    /// An [`Error::Invalid`] for `path`, at an optional location.
    pub fn invalid(
        path: impl Into<PathBuf>,
        location: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::Invalid {
            path: path.into(),
            location,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_that_panics_fails_alone_and_names_what_it_read() {
        assert_eq!(unless_panicked("x", "attribution", "text", || 1), Ok(1));
        let failed = unless_panicked(
            "https://news.example/a (version 3f2a)",
            "attribution",
            "text",
            || -> u8 { panic!("a bug") },
        );
        let message = failed.unwrap_err();
        assert!(
            message.starts_with("https://news.example/a (version 3f2a): attribution failed"),
            "{message}"
        );
    }
}
