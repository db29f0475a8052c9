//! The data directory: one Oxigraph (RocksDB) store and the full-text index
//! derived from it, owned by one process at a time, with a format marker.
//! All writes go through [`DataDir`], in one store transaction per call
//! followed by the index update, so that another backend (a SPARQL 1.1
//! server) can later take its place without touching callers.
//!
//! Consistency: every store transaction also bumps a generation counter kept
//! in the store's meta graph, and every index commit records the generation
//! it reflects. If the process dies between the two commits, the next open
//! sees the index behind the store and rebuilds it from the store.
//!
//! Layout of `<data-dir>`: `FORMAT` (format marker), `claimgraph.lock` (held
//! while a process owns the directory; holds the owner's pid), `store/`
//! (RocksDB), `index/` (tantivy).

use crate::ids::{GRAPH_BASE, ID_BASE};
use crate::index::FullText;
use crate::index::docs::{DocKind, documents, documents_of_quads};
use crate::vocab::{cg, xsd};
use crate::{Error, Result};
use foldhash::{HashSet, HashSetExt};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, Term,
};
use oxigraph::store::Store;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the `FORMAT` file of a data directory this build writes says.
pub const FORMAT_VERSION: &str = "claimgraph-data 1";
const FORMAT_FILE: &str = "FORMAT";
const LOCK_FILE: &str = "claimgraph.lock";
const STORE_DIR: &str = "store";
const INDEX_DIR: &str = "index";
/// Environment variable that makes the process kill itself (SIGKILL) at a
/// named point, for crash tests. Points: `after-store-commit`.
pub const FAILPOINT_ENV: &str = "CLAIMGRAPH_FAILPOINT";

/// The graph holding claimgraph's own bookkeeping (the store generation).
pub fn meta_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{GRAPH_BASE}meta"))
}

fn meta_subject() -> NamedNode {
    NamedNode::new_unchecked(format!("{ID_BASE}meta/store"))
}

/// Records the store generation in the meta graph, inside `transaction`.
fn set_generation(
    transaction: &mut oxigraph::store::Transaction<'_>,
    generation: u64,
) -> Result<()> {
    let meta = GraphName::NamedNode(meta_graph());
    transaction.clear_graph(meta.as_ref())?;
    transaction.insert(&Quad::new(
        meta_subject(),
        cg::GENERATION,
        Literal::new_typed_literal(generation.to_string(), xsd::INTEGER),
        meta,
    ));
    Ok(())
}

fn failpoint(name: &str) {
    if std::env::var(FAILPOINT_ENV).is_ok_and(|v| v == name) {
        // SAFETY: kill(2) on our own pid; nothing is borrowed.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
    }
}

/// Whether opening may create the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the data directory if it does not exist (commands that write).
    Create,
    /// The data directory must exist (commands that write to what it holds).
    Existing,
    /// The data directory must exist, and the command only reads it: the
    /// store and the index are opened read-only under a shared lock, so
    /// that readers run side by side. An index behind the store is repaired
    /// first under the exclusive lock when this user may write, else noted.
    Read,
}

/// An open data directory, exclusively owned by this process until dropped.
pub struct DataDir {
    path: PathBuf,
    store: Store,
    fulltext: Arc<FullText>,
    repairs: Vec<String>,
    // Held for the lifetime of the DataDir; the OS releases it if we crash.
    // Shared (or absent) when opened read-only.
    _lock: Option<File>,
    read_only: bool,
}

/// How the index compares with the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct IndexStatus {
    /// The store's write counter.
    pub store_generation: u64,
    /// The generation the index reflects.
    pub index_generation: Option<u64>,
    /// Attributions in the store.
    pub attributions_in_store: u64,
    /// Attribution documents in the index.
    pub attributions_in_index: u64,
}

impl IndexStatus {
    /// Whether the index agrees with the store.
    pub fn is_consistent(&self) -> bool {
        self.index_generation == Some(self.store_generation)
            && self.attributions_in_store == self.attributions_in_index
    }
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
        if path.exists() && !path.is_dir() {
            return Err(Error::invalid(
                path,
                None,
                "is a file, not a data directory; choose another --data-dir",
            ));
        }
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
                if mode != OpenMode::Create || (exists && !is_empty_dir(path)?) {
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
        // A command that only reads shares the directory with other
        // readers: a shared lock, the store and the index read-only. When
        // the index is behind the store (a crash between their commits) or
        // cannot be read as it is, the exclusive path below repairs it.
        if mode == OpenMode::Read && path.join(LOCK_FILE).exists() {
            match Self::open_read_only(path) {
                Ok(data) if data.repairs.is_empty() => return Ok(data),
                Err(e @ Error::DataDirInUse { .. }) => return Err(e),
                Ok(_) | Err(_) => {}
            }
        }
        let lock = match take_lock(path) {
            Err(Error::NotWritable { .. }) if mode == OpenMode::Read => {
                return Self::open_read_only(path);
            }
            other => other?,
        };
        let store_path = path.join(STORE_DIR);
        let store = Store::open(&store_path)?;
        let fulltext = Arc::new(FullText::open(&path.join(INDEX_DIR))?);
        let mut data = Self {
            path: path.into(),
            store,
            fulltext,
            repairs: Vec::new(),
            _lock: Some(lock),
            read_only: false,
        };
        let store_generation = data.generation()?;
        let index_generation = data.fulltext.generation()?;
        if index_generation != Some(store_generation) {
            let n = data.reindex()?;
            if let Some(why) = data.fulltext.discarded() {
                data.repairs.push(format!(
                    "the full-text index was written with another schema ({why}): rebuilt it from the store ({n} documents)"
                ));
            } else if let Some(g) = index_generation {
                data.repairs.push(format!(
                    "the full-text index reflected store generation {g}, the store is at {store_generation}: rebuilt it from the store ({n} documents)"
                ));
            }
        }
        Ok(data)
    }

    /// Opens a data directory for reading only ([`OpenMode::Read`]; the
    /// one way to open a directory this user may not write to): a shared
    /// lock on its lock file (other readers may hold it too; no writer is
    /// at work while it is read, which a read-only store does not allow),
    /// the store and the index read-only. An index behind the store is not
    /// rebuilt here; a note says so.
    fn open_read_only(path: &Path) -> Result<Self> {
        let lock_path = path.join(LOCK_FILE);
        let lock = match OpenOptions::new().read(true).open(&lock_path) {
            Ok(file) => {
                lock(&file, path, true)?;
                Some(file)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io(&lock_path, e)),
        };
        let store_path = path.join(STORE_DIR);
        let store = Store::open_read_only(&store_path)?;
        let fulltext = Arc::new(FullText::open_read_only(&path.join(INDEX_DIR))?);
        let mut data = Self {
            path: path.into(),
            store,
            fulltext,
            repairs: Vec::new(),
            _lock: lock,
            read_only: true,
        };
        let store_generation = data.generation()?;
        if let Some(g) = data
            .fulltext
            .generation()?
            .filter(|g| *g != store_generation)
        {
            data.repairs.push(format!(
                "the full-text index reflects store generation {g}, the store is at \
                 {store_generation}, and the data dir is read-only: searches may miss what \
                 was stored since (`claimgraph reindex` by a user who may write fixes it)"
            ));
        }
        Ok(data)
    }

    /// Whether the data directory was opened read-only ([`OpenMode::Read`],
    /// under a shared lock).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// What opening had to repair (an index behind the store), for the user.
    pub fn repairs(&self) -> &[String] {
        &self.repairs
    }

    /// The full-text index.
    pub fn fulltext(&self) -> &Arc<FullText> {
        &self.fulltext
    }

    /// The store's write counter.
    pub fn generation(&self) -> Result<u64> {
        let meta = meta_graph();
        for quad in self.store.quads_for_pattern(
            Some(meta_subject().as_ref().into()),
            Some(cg::GENERATION),
            None,
            Some(meta.as_ref().into()),
        ) {
            if let Term::Literal(l) = quad?.object {
                return Ok(l.value().parse().unwrap_or(0));
            }
        }
        Ok(0)
    }

    /// Rebuilds the full-text index from the store alone; returns the number
    /// of documents.
    pub fn reindex(&self) -> Result<usize> {
        let docs = documents(&self.store, None)?;
        self.fulltext.replace(None, &docs, self.generation()?)?;
        Ok(docs.len())
    }

    /// Compares the index with the store.
    pub fn index_status(&self) -> Result<IndexStatus> {
        let attributions = crate::index::docs::indexable_attributions(&self.store)?;
        Ok(IndexStatus {
            store_generation: self.generation()?,
            index_generation: self.fulltext.generation()?,
            attributions_in_store: attributions,
            attributions_in_index: self.fulltext.count(DocKind::Attribution)?,
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
    /// graphs) atomically. When the graphs already hold exactly these quads
    /// nothing is written.
    ///
    /// Graphs that do not exist yet (the claims of a new version, a newly
    /// loaded file) only gain quads, so they are written first by the
    /// store's bulk loader, whose SST files RocksDB ingests atomically: about
    /// a tenth of the cost of the same quads in a transaction, whose write
    /// batch is indexed for reading (BENCHMARKS.md). The other graphs are
    /// then replaced in one transaction. The generation is bumped before the
    /// bulk load too, so a process killed between the two leaves the index
    /// behind the store, and the next open rebuilds it.
    pub fn replace_graphs(&self, graphs: &[NamedOrBlankNode], quads: &[Quad]) -> Result<Replaced> {
        let new: HashSet<&Quad> = quads.iter().collect();
        // The same quad staged many times (one claim said a thousand times
        // in a page) is written and indexed once: the index documents read
        // a subject's triples per attribution, so repeats would cost the
        // square of their number.
        let distinct: Option<Vec<Quad>> = (new.len() < quads.len()).then(|| {
            let mut seen = HashSet::with_capacity(new.len());
            quads.iter().filter(|q| seen.insert(*q)).cloned().collect()
        });
        let quads = distinct.as_deref().unwrap_or(quads);
        let mut old: HashSet<Quad> = HashSet::new();
        // Looked up by reference for every quad: a clone of the graph's name
        // per quad cost more than the lookup.
        let mut fresh: HashSet<NamedOrBlankNodeRef<'_>> = HashSet::new();
        for graph in graphs {
            let before = old.len();
            for quad in self.store.quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::from(graph.as_ref())),
            ) {
                old.insert(quad?);
            }
            if old.len() == before && !self.store.contains_named_graph(graph.as_ref())? {
                fresh.insert(graph.as_ref());
            }
        }
        let replaced = Replaced {
            removed: old.iter().filter(|q| !new.contains(q)).count(),
            added: new.iter().filter(|q| !old.contains(**q)).count(),
        };
        if replaced.is_unchanged() {
            return Ok(replaced);
        }
        let in_fresh = |q: &Quad| match &q.graph_name {
            GraphName::NamedNode(n) => fresh.contains(&NamedOrBlankNodeRef::NamedNode(n.as_ref())),
            GraphName::BlankNode(b) => fresh.contains(&NamedOrBlankNodeRef::BlankNode(b.as_ref())),
            GraphName::DefaultGraph => false,
        };
        let bulk: Vec<Quad> = quads.iter().filter(|q| in_fresh(q)).cloned().collect();
        let mut generation = self.generation()? + 1;
        if !bulk.is_empty() {
            let mut transaction = self.store.start_transaction()?;
            set_generation(&mut transaction, generation)?;
            transaction.commit()?;
            generation += 1;
            let mut loader = self.store.bulk_loader();
            loader.load_quads(bulk)?;
            loader.commit()?;
        }
        let mut transaction = self.store.start_transaction()?;
        // A graph that exists loses the quads it no longer holds and gains
        // the new ones only: rewriting the whole of a graph that changed a
        // little (a claims graph read again, a source's description) costs
        // as much as writing it anew.
        for quad in old.iter().filter(|q| !new.contains(q)) {
            transaction.remove(quad);
        }
        for graph in graphs.iter().filter(|g| !fresh.contains(&g.as_ref())) {
            transaction.insert_named_graph(graph.as_ref());
        }
        for graph in &fresh {
            // A fresh graph without quads is still created, as before.
            transaction.insert_named_graph(*graph);
        }
        transaction.extend(quads.iter().filter(|q| !in_fresh(q) && !old.contains(*q)));
        set_generation(&mut transaction, generation)?;
        transaction.commit()?;
        failpoint("after-store-commit");
        self.update_index(graphs, quads, generation)?;
        Ok(replaced)
    }

    /// Brings the index up to `generation` after `graphs` changed: only their
    /// documents when they are all annotated sources, everything otherwise
    /// (an ontology or gazetteer change can touch any document's names).
    fn update_index(
        &self,
        graphs: &[NamedOrBlankNode],
        quads: &[Quad],
        generation: u64,
    ) -> Result<()> {
        // Annotated sources, ingested pages, the claims found in a version
        // and an organisation's reviews: each graph derives its own
        // documents only.
        let per_source = [
            format!("{GRAPH_BASE}annotations/"),
            format!("{GRAPH_BASE}web/"),
            format!("{GRAPH_BASE}claims/"),
            format!("{GRAPH_BASE}reviews/"),
            format!("{GRAPH_BASE}anchors/"),
        ];
        let named: Option<Vec<NamedNode>> = graphs
            .iter()
            .map(|g| match g {
                NamedOrBlankNode::NamedNode(n)
                    if per_source
                        .iter()
                        .any(|p| n.as_str().starts_with(p.as_str())) =>
                {
                    Some(n.clone())
                }
                _ => None,
            })
            .collect();
        match named {
            Some(named) => {
                // The graphs hold exactly `quads` now: no need to read them back.
                let docs = documents_of_quads(&self.store, &named, quads)?;
                self.fulltext.replace(Some(&named), &docs, generation)
            }
            None => {
                let docs = documents(&self.store, None)?;
                self.fulltext.replace(None, &docs, generation)
            }
        }
    }

    /// Loads many quads at once with the store's bulk loader (not atomic:
    /// for benchmarks and big imports into a fresh data directory), then
    /// bumps the generation and rebuilds the index. Returns the seconds spent
    /// loading the store and building the index, and the documents indexed.
    pub fn bulk_load(&self, quads: impl IntoIterator<Item = Quad>) -> Result<(f64, f64, usize)> {
        let started = std::time::Instant::now();
        let mut loader = self.store.bulk_loader();
        loader.load_quads(quads)?;
        // The bulk loader writes nothing until it is committed.
        loader.commit()?;
        let generation = self.generation()? + 1;
        let mut transaction = self.store.start_transaction()?;
        set_generation(&mut transaction, generation)?;
        transaction.commit()?;
        let store_secs = started.elapsed().as_secs_f64();
        let started = std::time::Instant::now();
        let docs = self.reindex()?;
        Ok((store_secs, started.elapsed().as_secs_f64(), docs))
    }

    /// Says in the lock file that this process serves the data directory at
    /// `endpoint`, so that other commands can go through it.
    pub fn announce(&self, endpoint: &str) -> Result<()> {
        let lock_path = self.path.join(LOCK_FILE);
        let Some(mut file) = self._lock.as_ref().filter(|_| !self.read_only) else {
            return Err(Error::invalid(
                &self.path,
                None,
                "data dir is opened read-only",
            ));
        };
        file.set_len(0).map_err(|e| Error::io(&lock_path, e))?;
        std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(0))
            .map_err(|e| Error::io(&lock_path, e))?;
        write!(file, "pid {}\nendpoint {endpoint}\n", std::process::id())
            .map_err(|e| Error::io(&lock_path, e))?;
        file.flush().map_err(|e| Error::io(&lock_path, e))
    }

    /// Runs a SPARQL Update on the store (claimgraph's prefixes declared,
    /// as for queries), then bumps the generation and rebuilds the index
    /// (an update may touch any graph). Returns the store's size in quads
    /// before and after: a count of what changed would need a copy of the
    /// store, and a replaced quad leaves the size as it was.
    pub fn update(&self, update: &str) -> Result<(usize, usize)> {
        crate::nesting::check_sparql(update, "the SPARQL update")?;
        let before = self.store.len()?;
        let parsed = crate::queries::run::parser()
            .parse_update(update)
            .map_err(|e| {
                Error::Input(format!(
                    "SPARQL update does not parse: {}",
                    crate::queries::run::without_character_ranges(&e.to_string())
                ))
            })?;
        oxigraph::sparql::SparqlEvaluator::new()
            .for_update(parsed)
            .on_store(&self.store)
            .execute()
            .map_err(|e| Error::Input(format!("SPARQL update failed: {e}")))?;
        let after = self.store.len()?;
        let generation = self.generation()? + 1;
        let mut transaction = self.store.start_transaction()?;
        set_generation(&mut transaction, generation)?;
        transaction.commit()?;
        let docs = documents(&self.store, None)?;
        self.fulltext.replace(None, &docs, generation)?;
        Ok((before, after))
    }

    /// Flushes to disk (RocksDB writes are durable already; this compacts
    /// memtables so that a copy of the directory is complete).
    pub fn flush(&self) -> Result<()> {
        Ok(self.store.flush()?)
    }
}

impl Drop for DataDir {
    /// Leaves the lock file empty when the exclusive holder is done: a
    /// lock held with nothing in the file is then a reader's (readers write
    /// nothing), not that of a process long gone.
    fn drop(&mut self) {
        if let (Some(file), false) = (&self._lock, self.read_only) {
            let _ = file.set_len(0);
        }
    }
}

/// The endpoint of the `claimgraph serve` that owns the data directory at
/// `path`, if one does (its lock is held and names an endpoint).
pub fn served_by(path: &Path) -> Option<String> {
    let lock_path = path.join(LOCK_FILE);
    let mut file = OpenOptions::new().read(true).open(&lock_path).ok()?;
    match file.try_lock_shared() {
        Ok(()) => return None,
        Err(std::fs::TryLockError::WouldBlock) => {}
        Err(std::fs::TryLockError::Error(_)) => return None,
    }
    let mut owner = String::new();
    file.read_to_string(&mut owner).ok()?;
    owner
        .lines()
        .find_map(|l| l.strip_prefix("endpoint "))
        .map(|e| e.trim().to_owned())
}

fn is_empty_dir(path: &Path) -> Result<bool> {
    match std::fs::read_dir(path) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Who holds a lock file, as it says: "pid 24403" and a server's
/// "endpoint http://…", on one line.
fn lock_owner(mut file: &File) -> Option<String> {
    let mut owner = String::new();
    let _ = file.read_to_string(&mut owner);
    let owner: Vec<String> = owner
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| match l.strip_prefix("endpoint ") {
            Some(endpoint) => format!(
                "serving {endpoint}: `query`, `search` and `stats` go through it; other \
                 commands need the directory itself, so stop the server or work on a copy"
            ),
            None => l.to_owned(),
        })
        .collect();
    (!owner.is_empty()).then(|| owner.join(", "))
}

/// Locks the opened lock file of `dir`, shared or exclusive, without
/// waiting: held by another process, the error names who holds it.
fn lock(file: &File, dir: &Path, shared: bool) -> Result<()> {
    let tried = if shared {
        file.try_lock_shared()
    } else {
        file.try_lock()
    };
    match tried {
        Ok(()) => Ok(()),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::DataDirInUse {
            path: dir.into(),
            owner: lock_owner(file),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::io(dir.join(LOCK_FILE), e)),
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
        .map_err(|e| {
            if matches!(
                e.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) {
                Error::NotWritable { path: dir.into() }
            } else {
                Error::io(&lock_path, e)
            }
        })?;
    lock(&file, dir, false)?;
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
        let before = data.generation().unwrap();
        let r = data
            .replace_graphs(&[g1.clone().into()], &[quad("a", &g1), quad("b", &g1)])
            .unwrap();
        assert!(r.is_unchanged());
        assert_eq!(data.generation().unwrap(), before, "nothing written");
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
        // Two data quads and the generation counter, which went up with the
        // write (twice for a fresh graph: before its bulk load and after).
        assert_eq!(data.store().len().unwrap(), 3);
        assert_eq!(data.generation().unwrap(), before + 1);
        assert_eq!(data.fulltext().generation().unwrap(), Some(before + 1));
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
        // A server's lock names its endpoint too, on the same line.
        _first.announce("http://127.0.0.1:7878").unwrap();
        let msg = DataDir::open(&path, OpenMode::Existing)
            .err()
            .expect("second open must fail")
            .to_string();
        assert!(
            msg.contains(&format!(
                "(pid {}, serving http://127.0.0.1:7878: ",
                std::process::id()
            )) && msg.ends_with("stop the server or work on a copy)"),
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
