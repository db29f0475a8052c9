//! The full-text index: tantivy under `<data-dir>/index`, derived from the
//! store alone and rebuildable at any time.
//!
//! [`analysis`] tokenizes English and Chinese; [`docs`] derives the documents
//! (attributions, version paragraphs, entities) from the store; [`FullText`]
//! writes them, stamping each commit with the store generation it reflects so
//! that a crash between the store's commit and the index's is detected on the
//! next open; [`search`] answers queries; [`service`] makes them joinable
//! inside SPARQL as `SERVICE cg:search { … }`.

pub mod analysis;
pub mod docs;
pub mod search;
pub mod service;

use crate::{Error, Result};
use docs::IndexDoc;
use oxigraph::model::NamedNode;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The fields of the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `attribution`, `paragraph` or `entity`.
    pub kind: Field,
    /// The named graph the document was derived from (for deletion, and
    /// stored: near-duplicate linking skips the new claim's own graph).
    pub graph: Field,
    /// The document's subject: attribution, paragraph or entity IRI.
    pub iri: Field,
    /// Claim IRI.
    pub claim: Field,
    /// The attribution IRI as a number, when it is a minted one
    /// ([`crate::ids::hashed_iri_key`]): read for every hit by the SERVICE,
    /// where a string column with one value per document costs a walk of its
    /// dictionary (measured: ~90 ms for 1,714 hits at 1M claims).
    pub iri_key: Field,
    /// The claim IRI as a number, when it is a minted one.
    pub claim_key: Field,
    /// The source IRI as a number, when it is a minted one.
    pub source_key: Field,
    /// Claimant IRI.
    pub claimant: Field,
    /// Reporter IRIs.
    pub reporter: Field,
    /// Source IRI.
    pub source: Field,
    /// Publisher IRI.
    pub publisher: Field,
    /// Language tag of the source.
    pub language: Field,
    /// Publication date of the source.
    pub date: Field,
    /// Claim text (attribution documents only, so searches need no kind filter).
    pub text: Field,
    /// Paragraph text or entity names (the other kinds of document).
    pub body: Field,
    /// The quote.
    pub quote: Field,
    /// Names (labels and aliases) of the claimant and reporters.
    pub names: Field,
    /// Names of the entities the claim is about.
    pub about: Field,
    /// Source headline.
    pub headline: Field,
    /// Display: claimant label.
    pub claimant_label: Field,
    /// Display: reporter chain.
    pub chain: Field,
    /// The MinHash band keys of the claim's wordings (attribution documents
    /// only, [`crate::attribute::similar::Signature::index_keys`]): a new
    /// claim's near-duplicates among the stored ones are the documents
    /// sharing one of its keys.
    pub band: Field,
    /// The passage keys of the claim's wordings (attribution documents only,
    /// [`crate::attribute::wording::lookup_keys`]): the documents holding a
    /// run of eight words of a new claim's wording.
    pub passage: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let analysed = |stored: bool| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analysis::ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let options = TextOptions::default().set_indexing_options(indexing);
        if stored {
            options.set_stored()
        } else {
            options
        }
    };
    let fields = Fields {
        kind: b.add_text_field("kind", STRING | FAST),
        graph: b.add_text_field("graph", STRING | STORED),
        iri: b.add_text_field("iri", STRING | STORED),
        claim: b.add_text_field("claim", STRING | STORED),
        iri_key: b.add_u64_field("iri_key", FAST),
        claim_key: b.add_u64_field("claim_key", FAST),
        source_key: b.add_u64_field("source_key", FAST),
        claimant: b.add_text_field("claimant", STRING | STORED | FAST),
        reporter: b.add_text_field("reporter", STRING | STORED),
        source: b.add_text_field("source", STRING | STORED),
        publisher: b.add_text_field("publisher", STRING | FAST),
        language: b.add_text_field("language", STRING | FAST | STORED),
        date: b.add_date_field(
            "date",
            DateOptions::from(INDEXED | STORED | FAST).set_precision(DateTimePrecision::Seconds),
        ),
        text: b.add_text_field("text", analysed(true)),
        body: b.add_text_field("body", analysed(true)),
        quote: b.add_text_field("quote", analysed(true)),
        names: b.add_text_field("names", analysed(false)),
        about: b.add_text_field("about", analysed(false)),
        headline: b.add_text_field("headline", analysed(true)),
        claimant_label: b.add_text_field("claimant_label", STORED),
        chain: b.add_text_field("chain", STORED),
        band: b.add_u64_field("band", INDEXED),
        passage: b.add_u64_field("passage", INDEXED),
    };
    (b.build(), fields)
}

/// The open index.
pub struct FullText {
    path: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Mutex<Option<IndexWriter>>,
    discarded: Option<String>,
}

impl FullText {
    /// Opens the index in `path`, creating it when absent. An index written
    /// with another schema (by another version of claimgraph) is discarded
    /// and recreated empty: it is derived data, and the data directory then
    /// rebuilds it from the store. [`FullText::discarded`] says so.
    pub fn open(path: &Path) -> Result<Self> {
        let (schema, fields) = schema();
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let open = || -> std::result::Result<Index, tantivy::TantivyError> {
            let dir = tantivy::directory::MmapDirectory::open(path)?;
            Index::open_or_create(dir, schema.clone())
        };
        let (index, discarded) = match open() {
            Ok(index) => (index, None),
            Err(tantivy::TantivyError::SchemaError(why)) => {
                std::fs::remove_dir_all(path).map_err(|e| Error::io(path, e))?;
                std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
                let index = open().map_err(|e| Error::Index(format!("{}: {e}", path.display())))?;
                (index, Some(why))
            }
            Err(e) => return Err(Error::Index(format!("{}: {e}", path.display()))),
        };
        analysis::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Error::Index(e.to_string()))?;
        Ok(Self {
            path: path.into(),
            index,
            reader,
            fields,
            writer: Mutex::new(None),
            discarded,
        })
    }

    /// Opens an existing index for reading only (a data directory this
    /// user may not write to): nothing is created or discarded.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let (schema, fields) = schema();
        let failed = |e: &dyn std::fmt::Display| Error::Index(format!("{}: {e}", path.display()));
        let dir = tantivy::directory::MmapDirectory::open(path).map_err(|e| failed(&e))?;
        let index = Index::open(ReadOnlyDirectory(dir)).map_err(|e| failed(&e))?;
        if index.schema() != schema {
            return Err(failed(
                &"written with another schema, and the data dir is read-only: \
                  `claimgraph reindex` by a user who may write rebuilds it",
            ));
        }
        analysis::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| failed(&e))?;
        Ok(Self {
            path: path.into(),
            index,
            reader,
            fields,
            writer: Mutex::new(None),
            discarded: None,
        })
    }

    /// Why an existing index was discarded on open (another schema), if it was.
    pub fn discarded(&self) -> Option<&str> {
        self.discarded.as_deref()
    }

    /// The fields.
    pub fn fields(&self) -> Fields {
        self.fields
    }

    /// The tantivy index (for queries).
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// A searcher on the last commit.
    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// The store generation the last commit reflects (`None` for an index
    /// never committed).
    pub fn generation(&self) -> Result<Option<u64>> {
        let metas = self
            .index
            .load_metas()
            .map_err(|e| Error::Index(e.to_string()))?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| p.strip_prefix("generation "))
            .and_then(|n| n.parse().ok()))
    }

    /// Replaces the documents derived from `graphs` (all documents when
    /// `None`) by `docs`, and commits stamped with `generation`.
    pub fn replace(
        &self,
        graphs: Option<&[NamedNode]>,
        docs: &[IndexDoc],
        generation: u64,
    ) -> Result<()> {
        let ix = |e: tantivy::TantivyError| Error::Index(format!("{}: {e}", self.path.display()));
        let mut guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_none() {
            *guard = Some(
                self.index
                    .writer_with_num_threads(1, 64 << 20)
                    .map_err(ix)?,
            );
        }
        let writer = guard.as_mut().expect("writer just created");
        match graphs {
            None => {
                writer.delete_all_documents().map_err(ix)?;
            }
            Some(graphs) => {
                for g in graphs {
                    writer.delete_term(Term::from_field_text(self.fields.graph, g.as_str()));
                }
            }
        }
        for doc in docs {
            writer.add_document(self.document(doc)).map_err(ix)?;
        }
        let mut commit = writer.prepare_commit().map_err(ix)?;
        commit.set_payload(&format!("generation {generation}"));
        commit.commit().map_err(ix)?;
        self.reader.reload().map_err(ix)?;
        Ok(())
    }

    fn document(&self, d: &IndexDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.kind, d.kind.as_str());
        doc.add_text(f.graph, &d.graph);
        doc.add_text(f.iri, &d.iri);
        let mut text = |field, value: &Option<String>| {
            if let Some(v) = value {
                doc.add_text(field, v);
            }
        };
        text(f.claim, &d.claim);
        text(f.claimant, &d.claimant);
        text(f.source, &d.source);
        text(f.publisher, &d.publisher);
        text(f.language, &d.language);
        text(f.quote, &d.quote);
        if d.kind == docs::DocKind::Attribution {
            text(f.headline, &d.headline);
        }
        text(f.claimant_label, &d.claimant_label);
        text(f.chain, &d.chain);
        for r in &d.reporters {
            doc.add_text(f.reporter, r);
        }
        // Only attributions fill the searched fields: `search` and the SERVICE
        // then need no filter on the kind (measured: such a filter over every
        // document dominated query time at 1M claims).
        let field = if d.kind == docs::DocKind::Attribution {
            f.text
        } else {
            f.body
        };
        for t in &d.texts {
            doc.add_text(field, t);
            if d.kind == docs::DocKind::Attribution {
                let keys = crate::attribute::wording::lookup_keys(t);
                for key in keys.bands {
                    doc.add_u64(f.band, key);
                }
                for key in keys.passages {
                    doc.add_u64(f.passage, key);
                }
            }
        }
        for n in &d.names {
            doc.add_text(f.names, n);
        }
        for a in &d.about {
            doc.add_text(f.about, a);
        }
        if let Some(secs) = d.date {
            doc.add_date(f.date, DateTime::from_timestamp_secs(secs));
        }
        let mut key = |field, value: Option<&str>, kind: &str| {
            if let Some(k) = value.and_then(|v| crate::ids::hashed_iri_key(v, kind)) {
                doc.add_u64(field, k);
            }
        };
        key(f.iri_key, Some(&d.iri), "attribution");
        key(f.claim_key, d.claim.as_deref(), "claim");
        key(f.source_key, d.source.as_deref(), "source");
        doc
    }

    /// Number of documents of a kind in the last commit.
    pub fn count(&self, kind: docs::DocKind) -> Result<u64> {
        let searcher = self.searcher();
        let term = Term::from_field_text(self.fields.kind, kind.as_str());
        let query = tantivy::query::TermQuery::new(term, IndexRecordOption::Basic);
        searcher
            .search(&query, &tantivy::collector::Count)
            .map(|n| n as u64)
            .map_err(|e| Error::Index(e.to_string()))
    }
}

/// A directory tantivy reads without writing: its readers take a lock
/// file (`.tantivy-meta.lock`) that a directory this user may not write
/// to cannot hold. The data directory's shared lock keeps writers out
/// instead ([`crate::store::DataDir`]); every write here fails.
#[derive(Debug, Clone)]
struct ReadOnlyDirectory(tantivy::directory::MmapDirectory);

impl tantivy::Directory for ReadOnlyDirectory {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> std::result::Result<
        Arc<dyn tantivy::directory::FileHandle>,
        tantivy::directory::error::OpenReadError,
    > {
        self.0.get_file_handle(path)
    }

    fn delete(
        &self,
        path: &Path,
    ) -> std::result::Result<(), tantivy::directory::error::DeleteError> {
        Err(tantivy::directory::error::DeleteError::IoError {
            io_error: Arc::new(read_only_error()),
            filepath: path.into(),
        })
    }

    fn exists(
        &self,
        path: &Path,
    ) -> std::result::Result<bool, tantivy::directory::error::OpenReadError> {
        self.0.exists(path)
    }

    fn open_write(
        &self,
        path: &Path,
    ) -> std::result::Result<tantivy::directory::WritePtr, tantivy::directory::error::OpenWriteError>
    {
        Err(tantivy::directory::error::OpenWriteError::IoError {
            io_error: Arc::new(read_only_error()),
            filepath: path.into(),
        })
    }

    fn atomic_read(
        &self,
        path: &Path,
    ) -> std::result::Result<Vec<u8>, tantivy::directory::error::OpenReadError> {
        self.0.atomic_read(path)
    }

    fn atomic_write(&self, _path: &Path, _data: &[u8]) -> std::io::Result<()> {
        Err(read_only_error())
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        Ok(())
    }

    fn acquire_lock(
        &self,
        _lock: &tantivy::directory::Lock,
    ) -> std::result::Result<tantivy::directory::DirectoryLock, tantivy::directory::error::LockError>
    {
        Ok(tantivy::directory::DirectoryLock::from(Box::new(())))
    }

    fn watch(
        &self,
        watch_callback: tantivy::directory::WatchCallback,
    ) -> tantivy::Result<tantivy::directory::WatchHandle> {
        self.0.watch(watch_callback)
    }
}

fn read_only_error() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        "the index is opened read-only",
    )
}
