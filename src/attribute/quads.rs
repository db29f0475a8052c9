//! From the attributions found in one version's text to the quads of that
//! version's claims graph: claimants and reporters linked to the gazetteer
//! (or minted under their normalised name), what each claim is about, the
//! article's own assertions credited to its author or publisher, and the
//! extractor that found them.
//!
//! A claimant written as a proper name ("Zhang Wei", "the Ministry of
//! Commerce") becomes one entity across all sources, merged by normalised
//! name; a common noun ("officials", "a source") stays local to its source,
//! since two articles' "officials" are not the same people.

use super::link::{Linker, normalised_name};
use super::record::{self, Record};
use super::{AttributionKind, Found};
use crate::annotated::anchor::anchor_at;
use crate::ids::{self, GRAPH_BASE, ID_BASE};
use crate::vocab::{cg, prov, rdf, rdfs, schema, skos};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use std::collections::BTreeSet;

/// The graph holding the attributions found in one version of a source.
pub fn claims_graph(version: &NamedNode) -> NamedNode {
    let tail = version
        .as_str()
        .strip_prefix(ID_BASE)
        .unwrap_or(version.as_str());
    NamedNode::new_unchecked(format!("{GRAPH_BASE}claims/{tail}"))
}

/// The extractor run that found attributions: claimgraph's version and the
/// shipped model's fingerprint.
pub fn extractor() -> NamedNode {
    static IRI: std::sync::LazyLock<NamedNode> = std::sync::LazyLock::new(|| {
        let model = super::model_fingerprint();
        NamedNode::new_unchecked(format!(
            "{ID_BASE}extractor/claimgraph-{}-{model}",
            env!("CARGO_PKG_VERSION")
        ))
    });
    IRI.clone()
}

/// The version the attributions were found in.
#[derive(Debug, Clone)]
pub struct VersionContext<'a> {
    /// The source.
    pub source: &'a NamedNode,
    /// The version.
    pub version: &'a NamedNode,
    /// The version's text (spans point into it).
    pub text: &'a str,
    /// Who the article's own assertions are credited to: its author, or
    /// its publisher; without either, an entity standing for its unnamed
    /// author is minted.
    pub author: Option<&'a NamedNode>,
    /// What names the source's unnamed author: its title, else its
    /// address ([`untitled_name`]).
    pub title: &'a str,
}

/// The vocabulary's term for an attribution kind.
pub fn kind_iri(kind: AttributionKind) -> NamedNodeRef<'static> {
    match kind {
        AttributionKind::DirectQuote => cg::DIRECT_QUOTE,
        AttributionKind::Indirect => cg::INDIRECT_QUOTE,
        AttributionKind::AccordingTo => cg::ACCORDING_TO,
        AttributionKind::AuthorAssertion => cg::AUTHOR_ASSERTION,
    }
}

/// Is this a proper name (capitalised English, or Chinese but not a
/// description such as 一位传道人 or common nouns such as 专家)?
fn is_proper_name(name: &str) -> bool {
    if super::zh::is_local_to_its_article(name) {
        return false;
    }
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
        .collect();
    !words.is_empty()
        && words.iter().any(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_ascii())
        })
}

/// Claimants that name no one: personal pronouns the resolver could not
/// tie to a name, relative or demonstrative ones ("retailers *that*
/// said …", "*which* describes …") whose antecedent is not a name, and
/// the writer's "let's say".
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "its", "their",
    "that", "this", "these", "those", "which", "who", "whom", "what", "let’s", "let's", "我",
    "我们", "他", "她", "他们", "她们", "其",
];

/// Words that, alone, are never a claimant: determiners, possessives,
/// object pronouns, connectives, conjunctions, subordinators and days
/// that the tagger took for a source ("*my* …", "*so* …", "*yesterday*
/// …", "*Like* we've been saying").
const NEVER_ALONE: &[&str] = &[
    "a",
    "an",
    "the",
    "my",
    "your",
    "our",
    "me",
    "us",
    "so",
    "thus",
    "hence",
    "thereby",
    "therefore",
    "yesterday",
    "today",
    "tomorrow",
    // Conjunctions that open a clause ("Like we've been saying", "Or: …");
    // the subordinators are the model's (`model::SUBORDINATORS`).
    "and",
    "or",
    "but",
    "like",
    "unlike",
    "whether",
    // An imperative ("*Please* note that …") and a quantity of no one
    // ("*Few* would argue against …": the writer's own view).
    "please",
    "few",
];

/// Whether a claimant's name is one of the [`PRONOUNS`] ("WHO" is not), a
/// single Latin letter (an interview's "Q:"; 美 and 俄 name states), one of
/// [`NEVER_ALONE`], of the subordinators that open a clause ("If you're
/// confident") or of the prepositions ("Upon"), or has no letter at all
/// ("[342]", "49%", "3-4)"); or is several words of which the last is an
/// article, a conjunction or a preposition written in lower case, a
/// phrase the tagger cut in its middle ("much of the", "a spin and",
/// "President Volodymyr Zelensky into" of "pressured … into announcing").
fn names_no_one(name: &str) -> bool {
    let name = name.trim();
    let mut chars = name.chars();
    let one_letter =
        chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.next().is_none();
    let word = name
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    one_letter
        || !name.chars().any(char::is_alphabetic)
        || [NEVER_ALONE, super::model::SUBORDINATORS]
            .iter()
            .any(|words| words.contains(&word.as_str()))
        // "*Upon* this he said …"
        || super::worth::is_preposition(&word)
        || super::resolve::as_pronoun(name)
            .is_some_and(|lower| PRONOUNS.contains(&super::tokens::without_contraction(&lower)))
        || ends_mid_phrase(name)
}

/// Whether `name` is several words and its last is an article, "and",
/// "or", "but" or a preposition, in lower case ("Fed Up" is a name). A
/// preposition a verb strands stays ("multiple people I spoke to",
/// "sources we reached out to").
fn ends_mid_phrase(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let (Some(last), Some(before)) = (words.next_back(), words.next_back()) else {
        return false;
    };
    let stranded = super::worth::is_participle(before) || matches!(before, "spoke" | "out");
    matches!(last, "a" | "an" | "the" | "and" | "or" | "but")
        || super::worth::is_preposition(last) && !stranded
}

/// The cue of `f` with the auxiliaries, negations and sentence adverbs
/// written between its source and it ("Steenburgen *wasn’t* thrilled
/// about"): a proposition made of claimant, cue and content must not lose
/// a "not". Anything else between them, and the cue is taken alone.
fn verb_phrase(text: &str, f: &Found) -> String {
    let cue = f.cue.text(text);
    let cue = cue.trim();
    let between = f
        .source
        .as_ref()
        .map(|s| (s.end(), f.cue.start()))
        .filter(|(end, start)| end < start && *start <= text.len())
        .and_then(|(end, start)| text.get(end..start))
        .map(str::trim)
        .filter(|b| !b.is_empty() && b.split_whitespace().all(is_verb_group_word));
    match between {
        Some(b) => format!("{b} {cue}"),
        None => format!("{}{cue}", auxiliaries_before(text, f.cue.start())),
    }
}

/// The auxiliaries, negations and sentence adverbs written just before
/// byte `at`, each followed by a space, at most three words ("islands
/// that later *were* named New Zealand": "later were "); empty when the
/// word before is anything else.
fn auxiliaries_before(text: &str, at: usize) -> String {
    let Some(before) = text.get(..at) else {
        return String::new();
    };
    let mut words: Vec<&str> = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .take(3)
        .take_while(|w| !w.is_empty() && is_verb_group_word(w))
        .collect();
    words.reverse();
    words.iter().map(|w| format!("{w} ")).collect()
}

/// An auxiliary, a negation or a sentence adverb: a word of a cue's verb
/// group that is not its verb.
fn is_verb_group_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    super::model::is_verb_auxiliary(&lower)
        || super::model::SENTENCE_ADVERBS.contains(&lower.as_str())
}

struct Builder<'a> {
    ctx: &'a VersionContext<'a>,
    linker: &'a Linker,
    graph: GraphName,
    quads: Vec<Quad>,
    minted: BTreeSet<NamedNode>,
    written: BTreeSet<(NamedNode, String)>,
}

/// Whom a version's own assertions are credited to: its one author, else
/// its publisher, else nobody (an entity for its unnamed author is then
/// minted). Ingest and reattribution both ask this.
pub fn credited_author<T: Clone>(authors: &[T], publisher: Option<T>) -> Option<T> {
    match authors {
        [one] => Some(one.clone()),
        _ => publisher,
    }
}

/// The label of a version's unnamed author, titled as [`title_or_address`]
/// says ("author of Beijing bets on micro-dramas").
pub fn unnamed_author_label(title: &str) -> String {
    format!("author of {title}")
}

/// What names a version's unnamed author: its headline, else its address
/// ([`untitled_name`]: "author of https://…", "author of saved/page.html"
/// for a file), not the source's IRI.
pub fn title_or_address<'a>(headline: Option<&'a str>, address: &'a str) -> &'a str {
    headline.unwrap_or_else(|| untitled_name(address))
}

/// What an untitled page is called in its unnamed author's label: a saved
/// file by its folder and name (`saved/page.html`: not the whole path on
/// the machine that ingested it, and not only a name many files share,
/// such as `index.html`), a page by its address.
pub fn untitled_name(source: &str) -> &str {
    let Some(path) = source.strip_prefix("file://") else {
        return source;
    };
    let path = path.trim_end_matches('/');
    let mut slashes = path.rmatch_indices('/').map(|(k, _)| k);
    match (slashes.next(), slashes.next()) {
        (Some(_), Some(k)) => &path[k + 1..],
        (Some(k), None) if k + 1 < path.len() => &path[k + 1..],
        _ => source,
    }
}

impl Builder<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: Term) {
        self.quads
            .push(Quad::new(s.clone(), p.into_owned(), o, self.graph.clone()));
    }

    /// The article's author or publisher, or an entity for its unnamed author.
    fn author(&mut self) -> NamedNode {
        if let Some(a) = self.ctx.author {
            return a.clone();
        }
        let iri = ids::part_iri(self.ctx.source, "author");
        if self.minted.insert(iri.clone()) {
            self.add(&iri, rdf::TYPE, schema::THING.into_owned().into());
            self.add(
                &iri,
                rdfs::LABEL,
                Literal::new_simple_literal(unnamed_author_label(self.ctx.title)).into(),
            );
        }
        iri
    }

    /// Keeps the name a source was written with ("Boudreau", "Coach
    /// Boudreau") as an alternative label of the entity minted for its
    /// claimant ("Bruce Boudreau"), so that who-claimed and search find
    /// the claimant by the name the article used. Names the gazetteer
    /// knows keep the gazetteer's labels; pronouns and long descriptions
    /// are no labels. The same holds for Chinese names ("西藏自治区农业农村厅厅长杜杰"
    /// for 杜杰).
    fn written_as(&mut self, entity: &NamedNode, claimant: &str, written: &str) {
        let written = super::resolve::name_only(written);
        let written = super::names::without_possessive(&written);
        // A Chinese form is a label when it holds the name (厅长杜杰) or is
        // the name's surname and a title (金所长); not a pronoun (他).
        let han_label = written.chars().next().is_some_and(super::zh::is_han)
            && written.chars().count() <= super::zh::MAX_SOURCE_CHARS
            && (written.contains(claimant)
                || super::zh_names::surname_with_title(written).is_some());
        let label_like = han_label
            || written.chars().next().is_some_and(char::is_uppercase)
                && written.split_whitespace().count() <= 6
                && !written.contains([',', '\n', '(', '“', '"']);
        // Only entities minted here: the gazetteer's keep their labels.
        // "A Whole Foods spokeswoman" is no other name of Whole Foods.
        if !label_like
            || super::resolve::speaking_for(written).is_some()
            || names_no_one(written)
            || written.eq_ignore_ascii_case(claimant)
            || !self.minted.contains(entity)
            || !self.written.insert((entity.clone(), written.to_owned()))
        {
            return;
        }
        self.add(
            entity,
            skos::ALT_LABEL,
            Literal::new_simple_literal(written).into(),
        );
    }

    /// The entity a name written in the text stands for.
    /// The entity of a claimant or reporter named `name`, minted when the
    /// gazetteer does not know it; `None` when the name names no one
    /// ([`claimant_name`]).
    fn named(&mut self, name: &str) -> Option<NamedNode> {
        claimant_name(name).map(|name| self.entity(name))
    }

    /// The entity of a name [`claimant_name`] accepted.
    fn entity(&mut self, name: &str) -> NamedNode {
        if let Some(i) = self.linker.resolve_claimant(name) {
            return self.linker.entity(i).iri.clone();
        }
        let key = normalised_name(name);
        let iri = if is_proper_name(name) {
            ids::entity_iri(&key)
        } else {
            ids::part_iri(self.ctx.source, &format!("claimant-{}", ids::slug(&key)))
        };
        if self.minted.insert(iri.clone()) {
            self.add(&iri, rdf::TYPE, schema::THING.into_owned().into());
            self.add(&iri, rdfs::LABEL, Literal::new_simple_literal(name).into());
        }
        iri
    }
}

/// `name` as a claimant or reporter is stored under: trimmed of spaces
/// and 《》; `None` when it names no one ([`names_no_one`]) or normalises
/// to nothing.
pub fn claimant_name(name: &str) -> Option<&str> {
    let name = after_a_sentence_end(name.trim()).trim_matches(|c: char| c == '《' || c == '》');
    (!name.is_empty() && !names_no_one(name) && !normalised_name(name).is_empty()).then_some(name)
}

/// What follows the last sentence end inside `name`, when the tagger ran
/// a source across one the sentence splitter missed ("tax-free
/// transaction. (Alibaba" → "Alibaba", "lack of corruption.[88] A 2017
/// Human Rights Report …"): a full stop, "!" or "?" after a lower-case
/// word that is no abbreviation ("Sen. Bernie Sanders" stays), then
/// reference marks like "[88]", space, perhaps "(", and a capital.
fn after_a_sentence_end(name: &str) -> &str {
    let mut tail = name;
    for (at, c) in name.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let word = name[..at]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        if !word.chars().last().is_some_and(char::is_lowercase)
            || super::tokens::is_abbreviation_word(word)
        {
            continue;
        }
        let mut rest = &name[at + 1..];
        while let Some(after) = rest
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .filter(|(inside, _)| inside.chars().all(|c| c.is_ascii_digit()))
            .map(|(_, after)| after)
        {
            rest = after;
        }
        let spaced = rest.trim_start();
        if spaced.len() == rest.len() {
            continue;
        }
        let next = spaced.trim_start_matches('(');
        if next.chars().next().is_some_and(char::is_uppercase) {
            // A bracket opened before the cut closes nothing in the tail.
            tail = if next.len() < spaced.len() && !next.contains('(') {
                next.trim_end_matches(')')
            } else {
                next
            };
        }
    }
    tail
}

/// Who a stored claim is credited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credit<'a> {
    /// The article's author or publisher (an author assertion, or "I" in
    /// the article's own words).
    Author,
    /// A claimant by the name it is stored under.
    Named(&'a str),
}

/// A found attribution that is stored, and what it is stored as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept<'a> {
    /// The attribution as found.
    pub found: &'a Found,
    /// The claim's text: the content as a proposition, or, for a bare
    /// phrase, the whole sentence of claimant, verbs and phrase.
    pub claim_text: String,
    /// Whether the claimant disputes the claim ("did not say that …").
    pub disputes: bool,
    /// Who it is credited to.
    pub credit: Credit<'a>,
}

/// Adverbs that make a participle after them an adjective of the noun
/// that follows ("a newly revealed call", "the widely reported deal").
const ADVERBS_BEFORE_PARTICIPLES: &[&str] = &[
    "newly",
    "recently",
    "widely",
    "previously",
    "officially",
    "publicly",
    "formerly",
    "originally",
    "initially",
    "commonly",
    "frequently",
    "reportedly",
    "allegedly",
    "supposedly",
    "purportedly",
    "long",
];

/// Whether `source` ends on a determiner, or a determiner and an adverb
/// that makes the cue an adjective ("a", "the", "a newly").
fn ends_on_a_determiner(source: &str) -> bool {
    let words: Vec<String> = source
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let determiner = |w: &String| matches!(w.as_str(), "a" | "an" | "the");
    match words.as_slice() {
        [.., last] if determiner(last) => true,
        [.., det, adverb] => {
            determiner(det) && ADVERBS_BEFORE_PARTICIPLES.contains(&adverb.as_str())
        }
        _ => false,
    }
}

/// The attributions of `found` that a version's claims graph keeps, in
/// order: those with something to check (not only where it was said,
/// [`super::worth::is_venue`]), whose cue makes a claim (not a question,
/// not a deed) and whose claimant names someone. Both
/// [`version_quads`] and `claimgraph extract --claims` read them here.
pub fn kept<'a>(text: &str, found: &'a [Found]) -> Vec<Kept<'a>> {
    let mut out = Vec::new();
    for f in found {
        let (start, end) = (f.content.start(), f.content.end());
        if start >= end || end > text.len() {
            continue;
        }
        let mut claim_text = f.content.proposition(text);
        // The cue's verb group, with a "not" or "is" written before the
        // cue ("Steenburgen *wasn’t* thrilled about").
        let verbs = verb_phrase(text, f);
        // "It was reported by Reuters": a passive whose source follows it
        // (not "has been described as Pacific Rim", where what follows is
        // what it was called).
        let source_follows = f.source.as_ref().is_some_and(|s| {
            s.start() >= f.cue.end()
                && !matches!(
                    text[f.cue.end()..s.start()].trim().to_lowercase().as_str(),
                    "as" | "like"
                )
        });
        // "Ukraine and a newly *revealed* summertime phone call": a source
        // that ends on a determiner (and an adverb) makes the cue an
        // adjective of the noun after it.
        if let Some(s) = &f.source
            && s.end() <= f.cue.start()
            && text[s.end()..f.cue.start()].trim().is_empty()
            && ends_on_a_determiner(&s.text(text))
        {
            continue;
        }
        // "According to the Mozilla Foundation:[41]": a content that is its
        // own source, and a mark or two, says nothing.
        if let Some(s) = &f.source
            && s.start() >= start
            && s.end() <= end
            && text[start..s.start()]
                .chars()
                .chain(text[s.end()..end].chars())
                .filter(|c| c.is_alphabetic())
                .count()
                < 3
        {
            continue;
        }
        let claim = super::worth::cue_claim(&verbs, &claim_text, source_follows);
        if !super::worth::has_something_to_check(&claim_text)
            || super::worth::is_venue(&claim_text)
            || claim == super::worth::CueClaim::Nothing
        {
            continue;
        }
        // "I don't think …" states the contrary of its content, unless the
        // content is made the whole proposition below, negation included.
        let mut disputes = claim == super::worth::CueClaim::Disputes;
        // A bare phrase is its cue's object ("opposed *the Madrid peace
        // talks*"): the claim is the whole proposition, or every source's
        // "the Madrid peace talks" would be one claim whatever was said of
        // it. The quote stays the words as found.
        if let Some(name) = &f.claimant
            && name != super::resolve::AUTHOR
            && !matches!(
                f.kind,
                AttributionKind::AuthorAssertion | AttributionKind::AccordingTo
            )
            && super::worth::is_bare_phrase(&claim_text)
        {
            claim_text = format!("{name} {verbs} {claim_text}");
            disputes = false;
        }
        let credit = match (&f.claimant, f.kind) {
            (_, AttributionKind::AuthorAssertion) => Credit::Author,
            (Some(name), _) if name == super::resolve::AUTHOR => Credit::Author,
            (Some(name), _) => match claimant_name(name) {
                Some(name) => Credit::Named(name),
                None => continue,
            },
            (None, _) => continue,
        };
        out.push(Kept {
            found: f,
            claim_text,
            disputes,
            credit,
        });
    }
    // "The broadcaster published a blog post *that said the quotas will
    // double*": a content that is wholly another kept attribution of a
    // verb of saying (its source, cue and content, its cue inside the
    // content) says nothing of its own. The inner one is stored, with the
    // outer's claimant as its reporter.
    // The kept attributions by cue start: those whose cue lies in a
    // content part are found by halving, so a page of thousands of
    // attributions is not read pair by pair.
    let mut by_cue: Vec<&Found> = out.iter().map(|k| k.found).collect();
    by_cue.sort_by_key(|f| f.cue.start());
    let covers = |inner: &Found, outer: &Found| {
        outer.content.parts.iter().all(|p| {
            text.get(p.clone()).is_some_and(|words| {
                words.char_indices().all(|(i, c)| {
                    let at = p.start + i;
                    !c.is_alphanumeric()
                        || std::iter::once(&inner.cue)
                            .chain(&inner.source)
                            .chain(std::iter::once(&inner.content))
                            .any(|s| s.parts.iter().any(|q| q.contains(&at)))
                })
            })
        })
    };
    let reports_only = |outer: &Found| {
        outer.content.parts.iter().any(|p| {
            let from = by_cue.partition_point(|f| f.cue.start() < p.start);
            by_cue[from..]
                .iter()
                .take_while(|f| f.cue.start() < p.end)
                .any(|&inner| {
                    !std::ptr::eq(inner, outer)
                        && inner.cue.end() <= p.end
                        // Not two that hold each other ("X showed …, Y
                        // reported, …"): both stay.
                        && !inner
                            .content
                            .parts
                            .iter()
                            .any(|q| q.start <= outer.cue.start() && outer.cue.end() <= q.end)
                        // A verb of saying: a tagger's inner "cue" that is
                        // not one ("the order *favoured* banks") is no
                        // report to pass on.
                        && inner
                            .cue
                            .text(text)
                            .split(|c: char| !c.is_alphanumeric())
                            .any(super::lexicon::is_saying)
                        && covers(inner, outer)
                })
        })
    };
    let outers: Vec<bool> = out.iter().map(|k| reports_only(k.found)).collect();
    let mut outers = outers.into_iter();
    out.retain(|_| !outers.next().unwrap_or(false));
    out
}

/// The quads of the attributions `found` in one version, in `graph`.
pub fn version_quads(
    ctx: &VersionContext<'_>,
    found: &[Found],
    linker: &Linker,
    graph: &NamedNode,
) -> Vec<Quad> {
    let mut b = Builder {
        ctx,
        linker,
        graph: GraphName::NamedNode(graph.clone()),
        quads: Vec::new(),
        minted: BTreeSet::new(),
        written: BTreeSet::new(),
    };
    let text = ctx.text;
    // The model's fingerprint hashes the model: only when there is
    // something to credit to it.
    let mut activity: Option<NamedNode> = None;
    for k in kept(text, found) {
        let f = k.found;
        let claimant = match k.credit {
            Credit::Author => b.author(),
            Credit::Named(name) => b.entity(name),
        };
        if let (Credit::Named(name), Some(source)) = (k.credit, &f.source) {
            b.written_as(&claimant, name, &source.text(text));
        }
        let (start, end) = (f.content.start(), f.content.end());
        let quote = &text[start..end];
        let cue = f.cue.text(text);
        let about: Vec<NamedNode> = {
            let mut seen = BTreeSet::new();
            linker
                .mentions(quote)
                .into_iter()
                .map(|m| linker.entity(m.entity).iri.clone())
                .filter(|e| seen.insert(e.clone()))
                .collect()
        };
        let reporters: Vec<NamedNode> = f.reporters.iter().filter_map(|r| b.named(r)).collect();
        let anchor = anchor_at(text, start, end - start);
        let rec = Record {
            claim_text: &k.claim_text,
            about: &about,
            claimant: &claimant,
            source: ctx.source,
            version: ctx.version,
            cue: Some(&cue),
            kind: kind_iri(f.kind),
            stance: k.disputes.then_some(crate::vocab::cg::DISPUTES),
            reporters: &reporters,
            quote,
            anchor: &anchor,
            note: None,
            marked_by: None,
        };
        let (att, _) = record::write(&rec, &mut |s, p, o| b.add(s, p, o));
        let activity = activity.get_or_insert_with(extractor).clone();
        b.add(&att, prov::WAS_GENERATED_BY, activity.into());
    }
    if let Some(activity) = activity {
        b.add(&activity, rdf::TYPE, prov::ACTIVITY.into_owned().into());
        b.add(
            &activity,
            rdfs::LABEL,
            Literal::new_simple_literal(format!(
                "claimgraph {} attribution extractor",
                env!("CARGO_PKG_VERSION")
            ))
            .into(),
        );
    }
    b.quads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::Span;

    fn literals(quads: &[Quad]) -> Vec<String> {
        quads
            .iter()
            .filter_map(|q| match &q.object {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
            .collect()
    }

    /// An indirect attribution in `text` of `source`, `cue` and `content`
    /// (each found by its first occurrence), credited to `claimant`.
    fn found_in(text: &str, source: &str, cue: &str, content: &str, claimant: &str) -> Found {
        let at = |s: &str| Span::first_in(text, s);
        Found {
            source: Some(at(source)),
            cue: at(cue),
            content: at(content),
            kind: AttributionKind::Indirect,
            claimant: Some(claimant.to_owned()),
            reporters: Vec::new(),
        }
    }

    /// The quads of `found` in a version of `text` titled `title`.
    fn quads_of(text: &str, title: &str, found: &[Found]) -> Vec<Quad> {
        let source = NamedNode::new_unchecked("https://example.org/a");
        let version = NamedNode::new_unchecked("https://example.org/a#v1");
        let ctx = VersionContext {
            source: &source,
            version: &version,
            text,
            author: None,
            title,
        };
        version_quads(
            &ctx,
            found,
            Linker::embedded(),
            &NamedNode::new_unchecked("https://example.org/g"),
        )
    }

    /// The quads of attributions of `text` given as (source, cue,
    /// content), each credited to its source as written.
    fn quads_of_roles(text: &str, title: &str, roles: &[(&str, &str, &str)]) -> Vec<Quad> {
        let found: Vec<Found> = roles
            .iter()
            .map(|&(source, cue, content)| found_in(text, source, cue, content, source))
            .collect();
        quads_of(text, title, &found)
    }

    #[test]
    fn a_bare_phrase_is_stored_as_its_claimants_whole_proposition() {
        let text = "Yitzhak Shamir opposed the Madrid peace talks. Li Wei said the man died.";
        let quads = quads_of_roles(
            text,
            "Talks",
            &[
                ("Yitzhak Shamir", "opposed", "the Madrid peace talks"),
                ("Li Wei", "said", "the man died"),
            ],
        );
        let values = literals(&quads);
        // The claim is the proposition; the quote stays the words found.
        assert!(
            values.contains(&"Yitzhak Shamir opposed the Madrid peace talks".to_owned()),
            "{values:?}"
        );
        assert!(
            values.contains(&"the Madrid peace talks".to_owned()),
            "{values:?}"
        );
        // A clause with a verb is a claim as it stands.
        assert!(values.contains(&"the man died".to_owned()), "{values:?}");
        assert!(
            !values.iter().any(|v| v == "Li Wei said the man died"),
            "{values:?}"
        );
    }

    #[test]
    fn offers_and_the_accused_are_not_stored_as_claims() {
        let text = "Amazon is offering Prime members a free gift card today. \
                    Noel is charged with five counts of falsifying records. \
                    Li Wei said the stores will stay open.";
        let quads = quads_of_roles(
            text,
            "Deals",
            &[
                (
                    "Amazon",
                    "is offering",
                    "Prime members a free gift card today",
                ),
                (
                    "Noel",
                    "is charged",
                    "with five counts of falsifying records",
                ),
                ("Li Wei", "said", "the stores will stay open"),
            ],
        );
        let values = literals(&quads);
        assert!(
            values.contains(&"the stores will stay open".to_owned()),
            "{values:?}"
        );
        assert!(
            !values
                .iter()
                .any(|v| v.contains("gift card") || v.contains("five counts")),
            "{values:?}"
        );
    }

    #[test]
    fn questions_and_passive_subjects_are_not_stored_and_a_negated_opinion_disputes() {
        let text = "Schiff asked whether the aid was held back on purpose. \
                    Disney is expected to switch gears again next year. \
                    Lee does not think the bill will pass in the spring. \
                    Kim said the stores will stay open.";
        let quads = quads_of_roles(
            text,
            "Questions",
            &[
                (
                    "Schiff",
                    "asked",
                    "whether the aid was held back on purpose",
                ),
                ("Disney", "is expected", "to switch gears again next year"),
                ("Lee", "think", "the bill will pass in the spring"),
                ("Kim", "said", "the stores will stay open"),
            ],
        );
        let values = literals(&quads);
        assert!(
            !values
                .iter()
                .any(|v| v.contains("held back") || v.contains("switch gears")),
            "{values:?}"
        );
        let stances: Vec<(String, String)> = quads
            .iter()
            .filter(|q| q.predicate.as_ref() == crate::vocab::cg::STANCE_PROP)
            .map(|q| (q.subject.to_string(), q.object.to_string()))
            .collect();
        // One attribution has a stance, Lee's, and it disputes.
        assert_eq!(stances.len(), 1, "{stances:?}");
        assert!(stances[0].1.ends_with("Disputes>"), "{stances:?}");
        assert!(values.contains(&"the bill will pass in the spring".to_owned()));
        assert!(values.contains(&"the stores will stay open".to_owned()));
    }

    #[test]
    fn a_claimant_s_other_written_names_become_labels_but_its_voices_do_not() {
        let text = "A Whole Foods spokeswoman said the prices will fall. \
                    Mr. Bezos said the stores will stay open.";
        let quads = quads_of(
            text,
            "Prices",
            &[
                found_in(
                    text,
                    "A Whole Foods spokeswoman",
                    "said",
                    "the prices will fall",
                    "Whole Foods",
                ),
                found_in(
                    text,
                    "Mr. Bezos",
                    "said",
                    "the stores will stay open",
                    "Jeff Bezos",
                ),
            ],
        );
        let alt_labels: Vec<String> = quads
            .iter()
            .filter(|q| q.predicate == skos::ALT_LABEL)
            .filter_map(|q| match &q.object {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
            .collect();
        assert_eq!(alt_labels, ["Mr. Bezos"]);
    }

    #[test]
    fn a_description_after_as_and_a_content_that_is_its_source_are_not_kept() {
        let claims = |text: &str, found: &[Found]| -> Vec<String> {
            kept(text, found)
                .iter()
                .map(|k| k.claim_text.clone())
                .collect()
        };
        // "described as X": X is what it was called, not who described it.
        let text = "The national cuisine has been described as Pacific Rim, mostly.";
        let f = found_in(
            text,
            "Pacific Rim",
            "has been described",
            "The national cuisine",
            "Pacific Rim",
        );
        assert!(claims(text, &[f]).is_empty());
        let text = "Quotas of 300 films a year were reported by Xinhua.";
        let f = found_in(
            text,
            "Xinhua",
            "were reported",
            "Quotas of 300 films a year",
            "Xinhua",
        );
        assert_eq!(claims(text, &[f]).len(), 1);
        // A cue inside a noun phrase.
        let text = "Ukraine and a newly revealed summertime phone call of 2019.";
        let f = found_in(
            text,
            "Ukraine and a newly",
            "revealed",
            "summertime phone call of 2019",
            "Ukraine and a newly",
        );
        assert!(claims(text, &[f]).is_empty());
        assert!(ends_on_a_determiner("A") && ends_on_a_determiner("the widely"));
        assert!(!ends_on_a_determiner("the family") && !ends_on_a_determiner("Kelly"));
        // A content that is its source and a reference mark.
        let text = "According to the Mozilla Foundation:[41]\nThe foundation pledges support.";
        let f = found_in(
            text,
            "the Mozilla Foundation",
            "According to",
            "the Mozilla Foundation:[41]",
            "the Mozilla Foundation",
        );
        assert!(claims(text, &[f]).is_empty());
    }

    #[test]
    fn a_content_that_only_reports_another_attribution_is_not_kept() {
        let claims = |text: &str, found: &[Found]| -> Vec<String> {
            kept(text, found)
                .iter()
                .map(|k| format!("{:?}: {}", k.credit, k.claim_text))
                .collect()
        };
        let text =
            "The broadcaster published a blog post that said the quotas will double next year.";
        let found = [
            found_in(
                text,
                "The broadcaster",
                "published a blog post",
                "that said the quotas will double next year",
                "The broadcaster",
            ),
            found_in(
                text,
                "that",
                "said",
                "the quotas will double next year",
                "a blog post",
            ),
        ];
        assert_eq!(
            claims(text, &found),
            ["Named(\"a blog post\"): the quotas will double next year"]
        );
        // Not when the inner "cue" is no verb of saying, nor when each
        // holds the other's cue, nor when the outer says more.
        let text = "Nomura said the order favoured banks over insurers.";
        let found = [
            found_in(
                text,
                "Nomura",
                "said",
                "the order favoured banks over insurers",
                "Nomura",
            ),
            found_in(
                text,
                "the order",
                "favoured",
                "banks over insurers",
                "the order",
            ),
        ];
        assert_eq!(claims(text, &found).len(), 2);
        let text = "A poll showed his rating at 13%, the Times reported, down from 19%.";
        let found = [
            found_in(
                text,
                "A poll",
                "showed",
                "his rating at 13%, the Times reported, down from 19%",
                "A poll",
            ),
            found_in(
                text,
                "the Times",
                "reported",
                "A poll showed his rating at 13%",
                "the Times",
            ),
        ];
        assert_eq!(claims(text, &found).len(), 2);
        let text =
            "Li Wei said the quotas will double, the ministry said, and costs will fall by half.";
        let found = [
            found_in(
                text,
                "Li Wei",
                "said",
                "the quotas will double, the ministry said, and costs will fall by half",
                "Li Wei",
            ),
            found_in(
                text,
                "the ministry",
                "said, and",
                "the quotas will double",
                "the ministry",
            ),
        ];
        assert_eq!(claims(text, &found).len(), 2);
    }

    #[test]
    fn an_untitled_page_s_author_is_named_by_file_name_or_address() {
        let name = untitled_name;
        assert_eq!(name("file:///home/ana/saved/page.html"), "saved/page.html");
        assert_eq!(name("file:///page.html"), "page.html");
        assert_eq!(name("file:///"), "file:///");
        assert_eq!(name("https://example.org/a"), "https://example.org/a");
    }

    #[test]
    fn a_proposition_keeps_the_negation_between_source_and_cue() {
        let text = "Steenburgen wasn’t thrilled about the shift. Li Wei strongly, he said, opposed the plan.";
        let found = |source: &str, cue: &str| found_in(text, source, cue, "the shift", source);
        assert_eq!(
            verb_phrase(text, &found("Steenburgen", "thrilled about")),
            "wasn’t thrilled about"
        );
        // Anything but auxiliaries, negations and sentence adverbs between
        // them: the cue alone.
        assert_eq!(verb_phrase(text, &found("Li Wei", "opposed")), "opposed");
        // With the auxiliaries written just before the cue, whatever the
        // source ("islands that later were named").
        let text = "Polynesians settled islands that later were named New Zealand.";
        let f = found_in(text, "Polynesians", "named", "New Zealand", "Polynesians");
        assert_eq!(verb_phrase(text, &f), "later were named");
        assert_eq!(auxiliaries_before(text, 0), "");
        assert_eq!(auxiliaries_before(text, text.len() + 5), "");
        assert!(names_no_one("Q") && names_no_one("let’s") && !names_no_one("美"));
        // A description names someone of its own article; a name, anyone's.
        for common in ["一位传道人", "这位信徒", "专家", "研究人员", "知情人士"]
        {
            assert!(!is_proper_name(common), "{common}");
        }
        for name in [
            "何亚东",
            "Li Wei",
            "天府早报",
            "卫报",
            "点众科技",
            "国家统计局",
        ] {
            assert!(is_proper_name(name), "{name}");
        }
        for none in [
            "my",
            "So",
            "me?",
            "Yesterday",
            "[342]",
            "49%",
            "3-4)",
            "911",
            "Like",
            "If",
            "Or",
            "Upon",
            "After",
            "much of the",
            "a spin and",
            "President Volodymyr Zelensky into",
            "Please",
            "Few",
        ] {
            assert!(names_no_one(none), "{none}");
        }
        // A source run across a sentence end the splitter missed.
        for (written, name) in [
            ("tax-free transaction. (Alibaba", "Alibaba"),
            (
                "lack of corruption.[88] A 2017 Human Rights Report",
                "A 2017 Human Rights Report",
            ),
            ("Sen. Bernie Sanders (I-Vt.)", "Sen. Bernie Sanders (I-Vt.)"),
            ("its filing. (Alibaba Group)", "Alibaba Group"),
            ("Mr. Trump", "Mr. Trump"),
            ("Loretta E. Lynch", "Loretta E. Lynch"),
            (
                "An analysis of official U.S. labor statistics",
                "An analysis of official U.S. labor statistics",
            ),
            ("what he said. and then", "what he said. and then"),
        ] {
            assert_eq!(after_a_sentence_end(written), name, "{written}");
        }
        for some in [
            "my6sense",
            "Mr. So",
            "3M",
            "G7",
            "the FSF",
            "人民日报",
            "So Ji-sub",
            "Asif Ali",
            "Early",
            "Upon Stephens",
            "Fed Up",
            "people close to the talks",
            "multiple people I spoke to",
            "sources we talked with",
        ] {
            assert!(!names_no_one(some), "{some}");
        }
    }
}
