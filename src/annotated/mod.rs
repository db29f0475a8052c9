//! Researcher-annotated sources: one TOML file per source with its text and
//! the claims a person marked in it (format in `docs/sources-format.md`).
//!
//! The flow is [`format`] (parse the file) → [`anchor`] (find each quote in
//! the text) → [`build`] (resolve names, mint IRIs, produce the quads of the
//! source's own named graph). [`reanchor`] finds people's annotations again
//! when their source gets a new version.

pub mod anchor;
pub mod annotate;
pub mod build;
pub mod format;
pub mod reanchor;

pub use build::{BuiltSource, build_source};
pub use format::{SourceFile, read_source_file};
