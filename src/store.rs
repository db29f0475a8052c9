//! The data directory: one Oxigraph (RocksDB) store, owned by one process at
//! a time, with a format marker. All writes go through [`DataDir`], in one
//! transaction per call, so that another backend (a SPARQL 1.1 server) can
//! later take its place without touching callers.
//!
//! Layout of `<data-dir>`: `FORMAT` (format marker), `claimgraph.lock` (held
//! while a process owns the directory; holds the owner's pid), `store/`
//! (RocksDB).

use crate::{Error, Result};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Quad};
use oxigraph::store::Store;
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// What the `FORMAT` file of a data directory this build writes says.
pub const FORMAT_VERSION: &str = "claimgraph-data 1";
const FORMAT_FILE: &str = "FORMAT";
const LOCK_FILE: &str = "claimgraph.lock";
const STORE_DIR: &str = "store";

/// Whether opening may create the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the data directory if it does not exist (commands that write).
    Create,
    /// The data directory must exist (commands that only read).
    Existing,
}

/// An open data directory, exclusively owned by this process until dropped.
pub struct DataDir {
    path: PathBuf,
    store: Store,
    // Held for the lifetime of the DataDir; the OS releases it if we crash.
    _lock: File,
}

/// What a graph replacement did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Replaced {
    /// Quads that were in the graphs and are no longer.
    pub removed: usize,
    /// Quads that are new in the graphs.
    pub added: usize,
}

impl Replaced {
    /// Whether nothing changed.
    pub fn is_unchanged(&self) -> bool {
        self.removed == 0 && self.added == 0
    }
}

impl DataDir {
    /// Opens (and with [`OpenMode::Create`], creates) a data directory, taking
    /// its lock. A second process gets [`Error::DataDirInUse`].
    pub fn open(path: &Path, mode: OpenMode) -> Result<Self> {
        let format_path = path.join(FORMAT_FILE);
        match std::fs::read_to_string(&format_path) {
            Ok(found) if found.trim() == FORMAT_VERSION => {}
            Ok(found) => {
                return Err(Error::DataDirFormat {
                    path: path.into(),
                    found: found.trim().into(),
                    expected: FORMAT_VERSION.into(),
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let exists = path.exists();
                if mode == OpenMode::Existing || (exists && !is_empty_dir(path)?) {
                    let why = if exists {
                        "exists but is not a claimgraph data dir (no FORMAT file); choose another --data-dir"
                    } else {
                        "does not exist; create it with `claimgraph demo` or `claimgraph load FILE…`"
                    };
                    return Err(Error::invalid(path, None, format!("data dir {why}")));
                }
                std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
                std::fs::write(&format_path, format!("{FORMAT_VERSION}\n"))
                    .map_err(|e| Error::io(&format_path, e))?;
            }
            Err(e) => return Err(Error::io(&format_path, e)),
        }
        let lock = take_lock(path)?;
        let store_path = path.join(STORE_DIR);
        let store = Store::open(&store_path)?;
        Ok(Self {
            path: path.into(),
            store,
            _lock: lock,
        })
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The RDF store, for reading.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Replaces the content of `graphs` by `quads` (which must all be in those
    /// graphs) in one transaction. When the graphs already hold exactly these
    /// quads nothing is written.
    pub fn replace_graphs(&self, graphs: &[NamedOrBlankNode], quads: &[Quad]) -> Result<Replaced> {
        let new: HashSet<&Quad> = quads.iter().collect();
        let mut old: HashSet<Quad> = HashSet::new();
        for graph in graphs {
            for quad in self.store.quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::from(graph.as_ref())),
            ) {
                old.insert(quad?);
            }
        }
        let replaced = Replaced {
            removed: old.iter().filter(|q| !new.contains(q)).count(),
            added: new.iter().filter(|q| !old.contains(**q)).count(),
        };
        if replaced.is_unchanged() {
            return Ok(replaced);
        }
        let mut transaction = self.store.start_transaction()?;
        for graph in graphs {
            transaction.clear_graph(graph.as_ref())?;
            transaction.insert_named_graph(graph.as_ref());
        }
        transaction.extend(quads.iter());
        transaction.commit()?;
        Ok(replaced)
    }

    /// Flushes to disk (RocksDB writes are durable already; this compacts
    /// memtables so that a copy of the directory is complete).
    pub fn flush(&self) -> Result<()> {
        Ok(self.store.flush()?)
    }
}

fn is_empty_dir(path: &Path) -> Result<bool> {
    match std::fs::read_dir(path) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

fn take_lock(dir: &Path) -> Result<File> {
    let lock_path = dir.join(LOCK_FILE);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(|e| Error::io(&lock_path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut owner = String::new();
            let _ = file.read_to_string(&mut owner);
            let owner = owner.trim();
            return Err(Error::DataDirInUse {
                path: dir.into(),
                owner: (!owner.is_empty()).then(|| owner.to_owned()),
            });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&lock_path, e)),
    }
    file.set_len(0).map_err(|e| Error::io(&lock_path, e))?;
    writeln!(file, "pid {}", std::process::id()).map_err(|e| Error::io(&lock_path, e))?;
    file.flush().map_err(|e| Error::io(&lock_path, e))?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, NamedNode};

    fn quad(s: &str, g: &NamedNode) -> Quad {
        let n = NamedNode::new_unchecked(format!("http://example.com/{s}"));
        Quad::new(n.clone(), n.clone(), n, GraphName::NamedNode(g.clone()))
    }

    #[test]
    fn replacing_a_graph_is_idempotent_and_leaves_others_alone() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::open(&dir.path().join("d"), OpenMode::Create).unwrap();
        let g1 = NamedNode::new_unchecked("http://example.com/g1");
        let g2 = NamedNode::new_unchecked("http://example.com/g2");
        let r = data
            .replace_graphs(&[g1.clone().into()], &[quad("a", &g1), quad("b", &g1)])
            .unwrap();
        assert_eq!(
            r,
            Replaced {
                removed: 0,
                added: 2
            }
        );
        data.replace_graphs(&[g2.clone().into()], &[quad("c", &g2)])
            .unwrap();
        let r = data
            .replace_graphs(&[g1.clone().into()], &[quad("a", &g1), quad("b", &g1)])
            .unwrap();
        assert!(r.is_unchanged());
        let r = data
            .replace_graphs(&[g1.clone().into()], &[quad("a", &g1)])
            .unwrap();
        assert_eq!(
            r,
            Replaced {
                removed: 1,
                added: 0
            }
        );
        assert_eq!(data.store().len().unwrap(), 2);
    }

    #[test]
    fn second_owner_is_refused_with_a_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d");
        let _first = DataDir::open(&path, OpenMode::Create).unwrap();
        let err = DataDir::open(&path, OpenMode::Existing)
            .err()
            .expect("second open must fail");
        let msg = err.to_string();
        assert!(
            msg.contains("is in use by another claimgraph process"),
            "{msg}"
        );
        assert!(
            msg.contains(&format!("pid {}", std::process::id())),
            "{msg}"
        );
    }

    #[test]
    fn refuses_missing_foreign_and_future_dirs() {
        let dir = tempfile::tempdir().unwrap();
        let missing = DataDir::open(&dir.path().join("nope"), OpenMode::Existing)
            .err()
            .unwrap();
        assert!(missing.to_string().contains("does not exist"), "{missing}");
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let foreign = DataDir::open(dir.path(), OpenMode::Create).err().unwrap();
        assert!(
            foreign.to_string().contains("not a claimgraph data dir"),
            "{foreign}"
        );
        let future = dir.path().join("future");
        std::fs::create_dir(&future).unwrap();
        std::fs::write(future.join(FORMAT_FILE), "claimgraph-data 99\n").unwrap();
        let err = DataDir::open(&future, OpenMode::Existing).err().unwrap();
        assert!(matches!(err, Error::DataDirFormat { .. }), "{err}");
    }
}
