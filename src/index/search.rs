//! Full-text search over attributions: a query in the index's syntax (words,
//! "phrases", AND/OR/NOT, prefix*), filters on claimant, reporter, date and
//! language, ranked hits with a highlighted snippet; and the lean variant the
//! SPARQL SERVICE uses, which reads fast fields (and the doc store only for
//! IRIs claimgraph did not mint).

use super::FullText;
use crate::{Error, Result};
use std::ops::Bound;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Score, TantivyDocument, Term};

/// Filters and limits of a search.
#[derive(Debug, Clone, Default)]
pub struct SearchOptions {
    /// Only attributions whose claimant is one of these IRIs.
    pub claimants: Vec<String>,
    /// Only attributions relayed by one of these IRIs.
    pub reporters: Vec<String>,
    /// Only sources dated at or after (Unix seconds).
    pub since: Option<i64>,
    /// Only sources dated before (Unix seconds).
    pub until: Option<i64>,
    /// Only sources in this language (`en`, `zh`).
    pub language: Option<String>,
    /// At most this many hits.
    pub limit: usize,
}

/// One ranked appearance of a claim.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    /// Relevance.
    pub score: f32,
    /// The claim's IRI.
    pub claim: String,
    /// Its text.
    pub claim_text: String,
    /// Who claims it.
    pub claimant: String,
    /// Claimant IRI.
    pub claimant_iri: String,
    /// The reporter chain.
    pub reported_by: String,
    /// Source headline.
    pub source_title: String,
    /// Source IRI.
    pub source: String,
    /// Source date, ISO 8601.
    pub date: Option<String>,
    /// The quote, or the claim text, with matches marked «like this».
    pub snippet: String,
    /// The attribution's IRI.
    pub attribution: String,
}

/// Parses user text into a query over the searchable fields, which only
/// attribution documents have. Syntax errors name the problem.
pub fn parse(ft: &FullText, text: &str) -> Result<Box<dyn Query>> {
    crate::nesting::check_search(text)?;
    let f = ft.fields();
    let mut parser = QueryParser::for_index(
        ft.index(),
        vec![f.text, f.quote, f.names, f.about, f.headline],
    );
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.text, 2.0);
    parser.set_field_boost(f.quote, 1.5);
    parser.set_field_boost(f.about, 0.5);
    parser.set_field_boost(f.headline, 0.5);
    let user = parser.parse_query(text).map_err(|e| Error::SearchSyntax {
        query: text.into(),
        message: e.to_string(),
    })?;
    // The searched fields exist only in attribution documents.
    Ok(user)
}

/// Whether `query` holds a match-everything clause (`*`, which the parser
/// also adds to a query of exclusions only).
fn matches_all(query: &dyn Query) -> bool {
    query.downcast_ref::<tantivy::query::AllQuery>().is_some()
        || query
            .downcast_ref::<BooleanQuery>()
            .is_some_and(|b| b.clauses().iter().any(|(_, q)| matches_all(&**q)))
}

/// A clause that must match but adds nothing to the score.
fn filter(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

fn any_of(field: tantivy::schema::Field, values: &[String]) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        values
            .iter()
            .map(|v| {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, v),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>,
                )
            })
            .collect(),
    ))
}

/// The language tags stored in `field` that `wanted` asks for: the same
/// tag in any case, and for a bare language (`en`) its regional variants
/// too (`en-US`, `en_GB`), as pages declare them.
fn language_tags(searcher: &tantivy::Searcher, field: Field, wanted: &str) -> Result<Vec<String>> {
    let wanted = wanted.trim().to_ascii_lowercase().replace('_', "-");
    let mut tags = std::collections::BTreeSet::new();
    for segment in searcher.segment_readers() {
        let index = segment
            .inverted_index(field)
            .map_err(|e| Error::Index(e.to_string()))?;
        let mut terms = index
            .terms()
            .stream()
            .map_err(|e| Error::Index(e.to_string()))?;
        while terms.advance() {
            let Ok(tag) = std::str::from_utf8(terms.key()) else {
                continue;
            };
            if language_asked_for(tag, &wanted) {
                tags.insert(tag.to_owned());
            }
        }
    }
    Ok(tags.into_iter().collect())
}

/// Whether the stored tag `tag` is the language `wanted` (lower case, `-`).
fn language_asked_for(tag: &str, wanted: &str) -> bool {
    let tag = tag.to_ascii_lowercase().replace('_', "-");
    tag == wanted
        || (!wanted.contains('-')
            && tag
                .strip_prefix(wanted)
                .is_some_and(|rest| rest.starts_with('-')))
}

/// Runs a search with filters; hits come with display fields and snippets.
pub fn search(ft: &FullText, text: &str, options: &SearchOptions) -> Result<Vec<Hit>> {
    let f = ft.fields();
    let base = parse(ft, text)?;
    let searcher = ft.searcher();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, base.box_clone())];
    // "*" (or a query of exclusions only, which the parser completes with
    // "*") matches every document, paragraphs and entities too: only the
    // attributions are hits.
    if matches_all(&*base) {
        clauses.push((
            Occur::Must,
            filter(Box::new(TermQuery::new(
                Term::from_field_text(f.kind, crate::index::docs::DocKind::Attribution.as_str()),
                IndexRecordOption::Basic,
            ))),
        ));
    }
    if !options.claimants.is_empty() {
        clauses.push((Occur::Must, filter(any_of(f.claimant, &options.claimants))));
    }
    if !options.reporters.is_empty() {
        // A reporter is any step of the chain shown, the source's publisher
        // (where the chain ends) too.
        let reporter_or_publisher = BooleanQuery::new(vec![
            (Occur::Should, any_of(f.reporter, &options.reporters)),
            (Occur::Should, any_of(f.publisher, &options.reporters)),
        ]);
        clauses.push((Occur::Must, filter(Box::new(reporter_or_publisher))));
    }
    if let Some(lang) = &options.language {
        let mut tags = language_tags(&searcher, f.language, lang)?;
        if tags.is_empty() {
            tags.push(lang.clone());
        }
        clauses.push((Occur::Must, filter(any_of(f.language, &tags))));
    }
    if options.since.is_some() || options.until.is_some() {
        let bound = |s: Option<i64>, inclusive: bool| match s {
            Some(s) if inclusive => Bound::Included(Term::from_field_date(
                f.date,
                DateTime::from_timestamp_secs(s),
            )),
            Some(s) => Bound::Excluded(Term::from_field_date(
                f.date,
                DateTime::from_timestamp_secs(s),
            )),
            None => Bound::Unbounded,
        };
        clauses.push((
            Occur::Must,
            filter(Box::new(RangeQuery::new(
                bound(options.since, true),
                bound(options.until, false),
            ))),
        ));
    }
    let query = BooleanQuery::new(clauses);
    // A claim that stands in several versions of a source (or twice in
    // one) has an attribution document in each: the same row to a reader,
    // shown once. Room for a few such repeats, so that `limit` rows remain.
    // No more rows than documents (a top-k collector allocates for its k).
    let documents = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    let wanted = options.limit.clamp(1, documents.max(1));
    let top: Vec<(Score, DocAddress)> = searcher
        .search(
            &query,
            &TopDocs::with_limit(
                wanted
                    .saturating_mul(4)
                    .min(wanted.saturating_add(10_000))
                    .min(documents.max(1)),
            )
            .order_by_score(),
        )
        .map_err(|e| Error::Index(e.to_string()))?;
    let snippets_quote = SnippetGenerator::create(&searcher, &*base, f.quote)
        .map_err(|e| Error::Index(e.to_string()))?;
    let snippets_text = SnippetGenerator::create(&searcher, &*base, f.text)
        .map_err(|e| Error::Index(e.to_string()))?;
    let mut hits: Vec<Hit> = Vec::with_capacity(wanted.min(top.len()));
    let mut shown = std::collections::HashSet::new();
    for (score, address) in top {
        if hits.len() == wanted {
            break;
        }
        let doc: TantivyDocument = searcher
            .doc(address)
            .map_err(|e| Error::Index(e.to_string()))?;
        let get = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        // What a reader sees of the hit, the score and snippet aside (the
        // snippet follows from the quote and the claim's text).
        let row = [f.claim, f.source, f.claimant, f.chain, f.quote].map(get);
        if !shown.insert(row) {
            continue;
        }
        let mut snippet = marked(&snippets_quote.snippet_from_doc(&doc));
        if !snippet.contains('«') {
            let from_text = marked(&snippets_text.snippet_from_doc(&doc));
            if from_text.contains('«') || snippet.is_empty() {
                snippet = from_text;
            }
        }
        if snippet.is_empty() {
            // Matched through names or subjects only: show the quote as it is.
            snippet = doc
                .get_first(f.quote)
                .and_then(|v| v.as_str())
                .map(|q| q.chars().take(150).collect())
                .unwrap_or_default();
        }
        hits.push(Hit {
            score,
            claim: get(f.claim),
            claim_text: doc
                .get_all(f.text)
                .filter_map(|v| v.as_str())
                .min()
                .unwrap_or_default()
                .to_owned(),
            claimant: get(f.claimant_label),
            claimant_iri: get(f.claimant),
            reported_by: get(f.chain),
            source_title: get(f.headline),
            source: get(f.source),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .map(|d| iso_date(d.into_timestamp_secs())),
            snippet,
            attribution: get(f.iri),
        });
    }
    Ok(hits)
}

fn marked(snippet: &tantivy::snippet::Snippet) -> String {
    mark(snippet.fragment(), snippet.highlighted())
}

/// `fragment` with each of `ranges` between « and ». The Chinese
/// tokenizer indexes a compound and its parts (电影票房, 电影, 票房), so
/// the ranges may overlap or nest: they are merged first, and ranges
/// outside the fragment or off a character boundary are left out.
fn mark(fragment: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut sorted: Vec<std::ops::Range<usize>> = ranges
        .iter()
        .filter(|r| {
            r.start < r.end
                && r.end <= fragment.len()
                && fragment.is_char_boundary(r.start)
                && fragment.is_char_boundary(r.end)
        })
        .cloned()
        .collect();
    sorted.sort_by_key(|r| r.start);
    let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = String::with_capacity(fragment.len() + 4 * merged.len());
    let mut at = 0;
    for range in merged {
        out.push_str(&fragment[at..range.start]);
        out.push('«');
        out.push_str(&fragment[range.clone()]);
        out.push('»');
        at = range.end;
    }
    out.push_str(&fragment[at..]);
    out
}

/// `YYYY-MM-DD` (and `Thh:mm:ssZ` when not midnight) of Unix seconds.
pub fn iso_date(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Inverse of days_from_civil (Howard Hinnant).
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    if rem == 0 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        )
    }
}

/// Which fast fields [`fast_hits`] reads (the others stay empty).
#[derive(Debug, Clone, Copy, Default)]
pub struct Wanted {
    /// The attribution IRI.
    pub attribution: bool,
    /// The claim IRI.
    pub claim: bool,
    /// The claimant IRI.
    pub claimant: bool,
    /// The source IRI.
    pub source: bool,
    /// The date.
    pub date: bool,
}

/// Every hit with its score, best first (ties in index order), at most
/// `limit`. The SERVICE wants all hits, where a top-k collector prunes little
/// and allocates twice `limit` entries per segment up front.
struct AllScored {
    limit: usize,
}

struct SegmentHits {
    segment: tantivy::SegmentOrdinal,
    limit: usize,
    hits: Vec<(Score, DocAddress)>,
}

fn best_first(a: &(Score, DocAddress), b: &(Score, DocAddress)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Keeps the best `limit` hits, in order.
fn keep_best(hits: &mut Vec<(Score, DocAddress)>, limit: usize) {
    if hits.len() > limit && limit > 0 {
        hits.select_nth_unstable_by(limit - 1, best_first);
    }
    hits.truncate(limit);
}

impl tantivy::collector::Collector for AllScored {
    type Fruit = Vec<(Score, DocAddress)>;
    type Child = SegmentHits;

    fn for_segment(
        &self,
        segment: tantivy::SegmentOrdinal,
        _reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentHits> {
        Ok(SegmentHits {
            segment,
            limit: self.limit,
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Self::Fruit = fruits.into_iter().flatten().collect();
        keep_best(&mut all, self.limit);
        all.sort_unstable_by(best_first);
        Ok(all)
    }
}

impl tantivy::collector::SegmentCollector for SegmentHits {
    type Fruit = Vec<(Score, DocAddress)>;

    fn collect(&mut self, doc: tantivy::DocId, score: Score) {
        self.hits.push((score, DocAddress::new(self.segment, doc)));
        // Bounded memory on a query that matches most of the index.
        if self.hits.len() >= self.limit.max(1024).saturating_mul(2) {
            keep_best(&mut self.hits, self.limit);
        }
    }

    fn harvest(mut self) -> Self::Fruit {
        keep_best(&mut self.hits, self.limit);
        self.hits
    }
}

/// An IRI-valued column of [`FastHit`] that may be read as a number.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Attribution,
    Claim,
    Source,
}

impl Slot {
    fn stored(self, f: &super::Fields) -> Field {
        match self {
            Slot::Attribution => f.iri,
            Slot::Claim => f.claim,
            Slot::Source => f.source,
        }
    }
}

impl FastHit {
    fn slot_mut(&mut self, slot: Slot) -> &mut String {
        match slot {
            Slot::Attribution => &mut self.attribution,
            Slot::Claim => &mut self.claim,
            Slot::Source => &mut self.source,
        }
    }
}

/// A hit as the SERVICE binds it: read from fast fields only.
#[derive(Debug, Clone)]
pub struct FastHit {
    /// Relevance.
    pub score: f32,
    /// Attribution IRI.
    pub attribution: String,
    /// Claim IRI.
    pub claim: String,
    /// Claimant IRI.
    pub claimant: String,
    /// Source IRI.
    pub source: String,
    /// Source date (Unix seconds).
    pub date: Option<i64>,
}

/// The best `limit` attributions for `text`, with their keys from fast
/// fields (no document store access). Term ordinals are resolved to strings
/// per segment and column in sorted batches: one sequential pass over each
/// dictionary instead of a block decode per hit.
pub fn fast_hits(ft: &FullText, text: &str, limit: usize, wanted: Wanted) -> Result<Vec<FastHit>> {
    let f = ft.fields();
    let ix = |e: tantivy::TantivyError| Error::Index(e.to_string());
    let query = parse(ft, text)?;
    let searcher = ft.searcher();
    let top = searcher.search(&*query, &AllScored { limit }).map_err(ix)?;
    let schema = ft.index().schema();
    let name = |field| schema.get_field_name(field).to_owned();
    // Only the columns asked for are read. IRIs claimgraph mints are read as
    // numbers; any other IRI (from a user's RDF file) from the doc store.
    let hashed: Vec<(Slot, String, Field, &str)> = [
        (
            wanted.attribution,
            Slot::Attribution,
            f.iri_key,
            f.iri,
            "attribution",
        ),
        (wanted.claim, Slot::Claim, f.claim_key, f.claim, "claim"),
        (
            wanted.source,
            Slot::Source,
            f.source_key,
            f.source,
            "source",
        ),
    ]
    .into_iter()
    .filter(|t| t.0)
    .map(|(_, slot, key, _, kind)| (slot, name(key), slot.stored(&f), kind))
    .collect();
    let mut hits: Vec<FastHit> = top
        .iter()
        .map(|(score, _)| FastHit {
            score: *score,
            attribution: String::new(),
            claim: String::new(),
            claimant: String::new(),
            source: String::new(),
            date: None,
        })
        .collect();
    let mut by_segment: Vec<Vec<usize>> = vec![Vec::new(); searcher.segment_readers().len()];
    for (i, (_, address)) in top.iter().enumerate() {
        by_segment[address.segment_ord as usize].push(i);
    }
    // Hits whose IRI of some slot is not a minted one: read from stored fields.
    let mut unhashed: Vec<(usize, Slot, Field)> = Vec::new();
    for (segment, members) in by_segment.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let ff = searcher.segment_reader(segment as u32).fast_fields();
        if wanted.date {
            let dates = ff.date(&name(f.date)).map_err(ix)?;
            for &i in members {
                hits[i].date = dates
                    .first(top[i].1.doc_id)
                    .map(|d| d.into_timestamp_secs());
            }
        }
        for (slot, column, stored, kind) in &hashed {
            let keys = ff.u64(column).map_err(ix)?;
            for &i in members {
                match keys.first(top[i].1.doc_id) {
                    Some(key) => *hits[i].slot_mut(*slot) = crate::ids::hashed_iri(kind, key),
                    None => unhashed.push((i, *slot, *stored)),
                }
            }
        }
        if wanted.claimant {
            // Few distinct claimants: the dictionary is small.
            let column = ff
                .str(&name(f.claimant))
                .map_err(ix)?
                .ok_or_else(|| Error::Index("no fast field claimant".into()))?;
            let mut wanted: Vec<(u64, usize)> = members
                .iter()
                .filter_map(|&i| column.term_ords(top[i].1.doc_id).next().map(|ord| (ord, i)))
                .collect();
            wanted.sort_unstable();
            let mut ords: Vec<u64> = wanted.iter().map(|(o, _)| *o).collect();
            ords.dedup();
            let mut values: Vec<String> = Vec::with_capacity(ords.len());
            column
                .dictionary()
                .sorted_ords_to_term_cb(&ords, |bytes| {
                    values.push(String::from_utf8_lossy(bytes).into_owned())
                })
                .map_err(|e| Error::Index(e.to_string()))?;
            let mut k = 0;
            for (ord, i) in wanted {
                while ords[k] != ord {
                    k += 1;
                }
                hits[i].claimant = values.get(k).cloned().unwrap_or_default();
            }
        }
    }
    for (i, slot, stored) in unhashed {
        let doc: TantivyDocument = searcher.doc(top[i].1).map_err(ix)?;
        if let Some(value) = doc.get_first(stored).and_then(|v| v.as_str()) {
            *hits[i].slot_mut(slot) = value.to_owned();
        }
    }
    Ok(hits)
}

/// The IRIs that claimant or reporter names (`flag` says which, for
/// messages) stand for: gazetteer ids, labels and aliases (all the entities
/// an ambiguous name names), names minted by sources, or IRIs as given.
pub fn resolve_names(
    data: &crate::store::DataDir,
    flag: &str,
    names: &[String],
) -> crate::Result<Vec<String>> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let gazetteer = crate::load::gazetteer_for(data)?;
    let mut out = Vec::new();
    for name in names {
        // An IRI, bare or as SPARQL writes it (<…>), or an entity's id with
        // the e: prefix queries use.
        let iri = name.trim().trim_start_matches('<').trim_end_matches('>');
        if iri.starts_with("http://") || iri.starts_with("https://") {
            out.push(iri.to_owned());
            continue;
        }
        let name = name.trim().strip_prefix("e:").unwrap_or(name);
        match gazetteer.resolve(name) {
            crate::gazetteer::Resolution::Found(e) => out.push(e.iri.as_str().to_owned()),
            crate::gazetteer::Resolution::Ambiguous(many) => {
                out.extend(many.iter().map(|e| e.iri.as_str().to_owned()))
            }
            crate::gazetteer::Resolution::Unknown => {
                // A name minted by a source (not in the gazetteer) has a predictable IRI.
                let minted = crate::ids::entity_iri(name);
                let in_any_graph = data
                    .store()
                    .quads_for_pattern(
                        Some(minted.as_ref().into()),
                        Some(crate::vocab::rdfs::LABEL),
                        None,
                        None,
                    )
                    .next()
                    .is_some();
                let labelled = if in_any_graph {
                    vec![minted.as_str().to_owned()]
                } else {
                    entities_labelled(data.store(), name)?
                };
                if !labelled.is_empty() {
                    out.extend(labelled);
                } else {
                    let suggestions = gazetteer.suggestions(name, 3);
                    return Err(crate::Error::Input(format!(
                        "{flag} {name:?}: no such entity{}",
                        if suggestions.is_empty() {
                            String::new()
                        } else {
                            format!("; did you mean {}?", suggestions.join(", "))
                        }
                    )));
                }
            }
        }
    }
    Ok(out)
}

/// The entities with `name` as a label or alias, in any graph (a claimant
/// minted for one source's "people familiar with the talks" has an IRI of
/// that source's): those labelled exactly so, else those labelled so but
/// for case, as `who-claimed` matches them.
fn entities_labelled(store: &oxigraph::store::Store, name: &str) -> crate::Result<Vec<String>> {
    use crate::vocab::{rdfs, skos};
    use oxigraph::model::{NamedOrBlankNode, Term};
    let mut found = std::collections::BTreeSet::new();
    let exact: Term = oxigraph::model::Literal::new_simple_literal(name.trim()).into();
    for predicate in [rdfs::LABEL, skos::ALT_LABEL] {
        for quad in store.quads_for_pattern(None, Some(predicate), Some(exact.as_ref()), None) {
            if let NamedOrBlankNode::NamedNode(n) = quad?.subject {
                found.insert(n.into_string());
            }
        }
    }
    if found.is_empty() {
        let wanted = name.trim().to_lowercase();
        for predicate in [rdfs::LABEL, skos::ALT_LABEL] {
            for quad in store.quads_for_pattern(None, Some(predicate), None, None) {
                let quad = quad?;
                if let (NamedOrBlankNode::NamedNode(n), Term::Literal(l)) =
                    (quad.subject, quad.object)
                    && l.value().to_lowercase() == wanted
                {
                    found.insert(n.into_string());
                }
            }
        }
    }
    Ok(found.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::docs::unix_seconds;

    #[test]
    fn overlapping_highlights_are_merged_not_sliced_backwards() {
        let text = "微短剧收入首次超过电影票房";
        let at = |part: &str| {
            let i = text.find(part).unwrap();
            i..i + part.len()
        };
        // A compound and its parts, as the Chinese tokenizer gives them.
        let ranges = [at("电影票房"), at("电影"), at("票房"), at("收入")];
        assert_eq!(mark(text, &ranges), "微短剧«收入»首次超过«电影票房»");
        // Touching ranges join; ranges off the text or off a character
        // boundary are left out.
        assert_eq!(mark("abcdef", &[0..2, 2..3, 5..9]), "«abc»def");
        assert_eq!(mark(text, &[1..4, 40..41]), text);
        assert_eq!(mark("", &[]), "");
    }

    #[test]
    fn iso_dates_round_trip() {
        for d in [
            "1970-01-01",
            "2024-02-29",
            "2024-03-05",
            "1999-12-31T23:59:59Z",
        ] {
            assert_eq!(iso_date(unix_seconds(d).unwrap()), d);
        }
    }

    #[test]
    fn a_bare_language_asks_for_its_regional_tags_and_a_region_for_itself() {
        assert!(language_asked_for("en-US", "en"));
        assert!(language_asked_for("EN_gb", "en"));
        assert!(language_asked_for("en", "en"));
        assert!(language_asked_for("zh-Hans-CN", "zh"));
        assert!(!language_asked_for("eng", "en"));
        assert!(!language_asked_for("en", "en-us"));
        assert!(language_asked_for("en-US", "en-us"));
        assert!(!language_asked_for("en-GB", "en-us"));
    }
}
