//! The project files compiled into the binary: the ontology and gazetteer,
//! and the annotated sources, so that `claimgraph demo` works from any
//! directory and annotated sources always have their vocabulary.

use crate::{Error, Result};
use std::path::Path;

/// `ontology/` as shipped: (file name, content).
pub const ONTOLOGY: &[(&str, &str)] = &[
    ("claimgraph.ttl", include_str!("../ontology/claimgraph.ttl")),
    ("entities.ttl", crate::gazetteer::EMBEDDED_TTL),
];

/// `sources/` as shipped: (path relative to `sources/`, content).
pub const SOURCES: &[(&str, &str)] = &[
    (
        "micro-drama-op-ed.toml",
        include_str!("../sources/micro-drama-op-ed.toml"),
    ),
    (
        "texts/micro-drama-op-ed.txt",
        include_str!("../sources/texts/micro-drama-op-ed.txt"),
    ),
];

/// Writes `ontology/` and `sources/` under `dir`, as in the repository.
pub fn extract_to(dir: &Path) -> Result<()> {
    let files = ONTOLOGY
        .iter()
        .map(|(name, content)| (Path::new("ontology").join(name), content))
        .chain(
            SOURCES
                .iter()
                .map(|(name, content)| (Path::new("sources").join(name), content)),
        );
    for (rel, content) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, content).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}
