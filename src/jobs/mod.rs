//! Unattended ingestion: job files ([`file`]) name feeds, sitemaps and URLs
//! ([`discover`]); a pass ([`run`]) fetches what is new, stores it with its
//! claims, and keeps a journal in the store ([`journal`]) so that the next
//! pass is incremental and a pass killed half-way is finished by the next.

pub mod discover;
pub mod file;
pub mod journal;
pub mod run;

use crate::annotated::reanchor::{Marked, Placed};
use crate::ingest::save::Staged;

/// The line that tells a person where one of their annotations went when
/// its source changed.
pub fn reanchor_note(staged: &Staged, m: &Marked, f: &Placed) -> String {
    format!(
        "<{}>: annotation <{}> in <{}> {}{}",
        staged.source.as_str(),
        m.annotation.as_str(),
        m.graph.as_str(),
        f.status.as_str(),
        match (&f.exact, f.status) {
            (_, crate::annotated::reanchor::AnchorStatus::Orphaned) => {
                " (its quote is no longer in the text; `claimgraph check` lists it)".to_owned()
            }
            (Some(e), _) if *e != m.exact => {
                format!(" (now reads {e:?}, similarity {:.2})", f.similarity)
            }
            _ => String::new(),
        }
    )
}
