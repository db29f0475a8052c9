//! Running SPARQL against the store: claimgraph's prefixes are predeclared,
//! the union of the named graphs is the default graph, parameters are
//! substituted as pre-bound variables (and, inside `SERVICE cg:search`, as
//! constants of the parsed algebra — never by editing query text), the
//! full-text SERVICE is registered, and syntax errors come back with their
//! line and column. A query that, once its searches are answered, reads
//! nothing from the store is evaluated without it.

use crate::index::FullText;
use crate::index::service::{SearchService, evaluate};
use crate::vocab::{cg, dct, oa, prov, schema, skos};
use crate::{Error, Result};
use oxigraph::model::{Dataset, Literal, Term, Variable};
use oxigraph::sparql::{QueryExplanation, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use spargebra::algebra::{AggregateExpression, Expression, GraphPattern, OrderExpression};
use spargebra::term::{GroundTerm, NamedNodePattern, TermPattern};
use std::sync::Arc;

/// Prefixes every query may use without declaring them.
pub const PREFIXES: &[(&str, &str)] = &[
    ("cg", cg::NS),
    ("e", "https://w3id.org/claimgraph/id/entity/"),
    ("schema", schema::NS),
    ("prov", prov::NS),
    ("oa", oa::NS),
    ("skos", skos::NS),
    ("dct", dct::NS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// A parsed query with its parameters, ready to run.
pub struct Prepared {
    query: spargebra::Query,
    params: Vec<(Variable, Term)>,
    fulltext: Option<Arc<FullText>>,
    /// Whether it reads nothing from the store.
    detached: bool,
}

impl Prepared {
    /// Whether the query is answered without reading the store (its data
    /// all came from `SERVICE cg:search`).
    pub fn is_detached(&self) -> bool {
        self.detached
    }

    /// Runs the query, and explains its plan when `explain` is set.
    pub fn run(
        self,
        store: &Store,
        explain: bool,
    ) -> Result<(QueryResults<'static>, Option<QueryExplanation>)> {
        self.run_cancellable(store, explain, None)
    }

    /// [`Prepared::run`], stopping (with an error) once `cancel` is
    /// cancelled — for a query timeout.
    pub fn run_cancellable(
        self,
        store: &Store,
        explain: bool,
        cancel: Option<oxigraph::sparql::CancellationToken>,
    ) -> Result<(QueryResults<'static>, Option<QueryExplanation>)> {
        if self.detached {
            {
                // Nothing in the pattern reads quads, so an empty dataset gives
                // the same answers as the store, without encoding every term
                // into the store's dictionary and decoding it back (measured:
                // ~55 µs per row of four IRIs at 100k claims).
                static EMPTY: std::sync::LazyLock<Dataset> = std::sync::LazyLock::new(Dataset::new);
                let mut evaluator = spareval::QueryEvaluator::new();
                if let Some(c) = &cancel {
                    evaluator = evaluator.with_cancellation_token(c.clone());
                }
                let mut prepared = evaluator.prepare(&self.query);
                for (variable, term) in self.params {
                    prepared = prepared.substitute_variable(variable, term);
                }
                return if explain {
                    let (results, explanation) = prepared.explain(&*EMPTY);
                    Ok((results?, Some(explanation)))
                } else {
                    Ok((prepared.execute(&*EMPTY)?, None))
                };
            }
        }
        let mut evaluator = SparqlEvaluator::new();
        if let Some(c) = cancel {
            evaluator = evaluator.with_cancellation_token(c);
        }
        if let Some(ft) = self.fulltext {
            evaluator =
                evaluator.with_service_handler(cg::SEARCH.into_owned(), SearchService::new(ft));
        }
        let mut prepared = evaluator.for_query(self.query);
        // Everything claimgraph stores is in named graphs (one per input); a
        // query without FROM sees their union as its default graph.
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        for (variable, term) in self.params {
            prepared = prepared.substitute_variable(variable, term);
        }
        if explain {
            let (results, explanation) = prepared.on_store(store).compute_statistics().explain();
            Ok((results?, Some(explanation)))
        } else {
            Ok((prepared.on_store(store).execute()?, None))
        }
    }
}

/// A SPARQL parser that knows claimgraph's predeclared prefixes.
pub fn parser() -> spargebra::SparqlParser {
    let mut parser = spargebra::SparqlParser::new();
    for (prefix, iri) in PREFIXES {
        parser = parser
            .with_prefix(*prefix, *iri)
            .expect("built-in prefixes are valid IRIs");
    }
    parser
}

/// The parser's `message` about `text`, made useful: an update is named
/// as one, an undeclared prefix by its name, a misspelt query form by
/// what a query starts with, and the parser's lists of character ranges
/// it expected are left out.
fn explain_syntax_error(text: &str, message: &str) -> String {
    if parser().parse_update(text).is_ok() {
        return "this is a SPARQL Update, and `query` only reads: write with `load`, \
                `annotate` or `review`, or send updates to `claimgraph serve --allow-update`"
            .to_owned();
    }
    let (at, rest) = message.split_once(": ").unwrap_or(("", message));
    let at = if at.is_empty() {
        String::new()
    } else {
        format!("{at}: ")
    };
    if rest.contains("Prefix not found") {
        let unknown = undeclared_prefixes(text);
        if !unknown.is_empty() {
            let known: Vec<String> = PREFIXES.iter().map(|(p, _)| format!("{p}:")).collect();
            return format!(
                "{at}unknown prefix {}; declare it (PREFIX {} <IRI>) or use one of those \
                 claimgraph declares: {}",
                unknown.join(", "),
                unknown[0],
                known.join(" ")
            );
        }
    }
    let form = first_keyword(text);
    let forms = ["SELECT", "CONSTRUCT", "ASK", "DESCRIBE"];
    if let Some(form) = form
        && !forms.iter().any(|f| f.eq_ignore_ascii_case(&form))
    {
        return format!(
            "{at}a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE (after its PREFIX \
             and BASE lines), not `{form}`"
        );
    }
    format!("{at}{}", without_character_ranges(rest))
}

/// A parser's message without its lists of character ranges: of
/// `expected one of ",", ".", [_], ['\u{00B7}'..…]` only what can be
/// typed.
pub(crate) fn without_character_ranges(message: &str) -> String {
    match message.split_once("expected one of ") {
        Some((before, expected)) if expected.contains("'\\u{") || expected.len() > 200 => {
            let typed: Vec<&str> = expected
                .split(", ")
                .filter(|t| t.starts_with('"') && t.ends_with('"'))
                .collect();
            if typed.is_empty() {
                format!("{before}unexpected input")
            } else {
                format!("{before}expected one of {}", typed.join(", "))
            }
        }
        _ => message.to_owned(),
    }
}

/// The first word of `text` after its PREFIX and BASE declarations and
/// comments, when it is a word.
fn first_keyword(text: &str) -> Option<String> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if rest.starts_with('#') {
            rest = rest.split_once('\n').map_or("", |(_, r)| r);
            continue;
        }
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if word.eq_ignore_ascii_case("PREFIX") || word.eq_ignore_ascii_case("BASE") {
            // Past the declaration's IRI.
            rest = rest.split_once('>').map_or("", |(_, r)| r);
            continue;
        }
        return (!word.is_empty()).then_some(word);
    }
}

/// The prefixes `text` uses in prefixed names that it does not declare
/// and claimgraph does not predeclare, each once, in the order met.
fn undeclared_prefixes(text: &str) -> Vec<String> {
    // Leave out IRIs, strings and comments.
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let close = match c {
            '<' if chars
                .peek()
                .is_some_and(|n| !n.is_whitespace() && *n != '=') =>
            {
                '>'
            }
            '"' | '\'' => c,
            '#' => '\n',
            _ => {
                plain.push(c);
                continue;
            }
        };
        plain.push(' ');
        for d in chars.by_ref() {
            if d == close {
                break;
            }
        }
    }
    let declared: Vec<String> = plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0].eq_ignore_ascii_case("PREFIX"))
        .map(|w| w[1].trim_end_matches(':').to_owned())
        .collect();
    let mut unknown: Vec<String> = Vec::new();
    for word in plain.split(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | ':' | '.')))
    {
        let Some((prefix, local)) = word.split_once(':') else {
            continue;
        };
        let known =
            PREFIXES.iter().any(|(p, _)| *p == prefix) || declared.iter().any(|d| d == prefix);
        let name = format!("{prefix}:");
        if !known
            && !prefix.is_empty()
            && !local.is_empty()
            && prefix.chars().next().is_some_and(char::is_alphabetic)
            && !unknown.contains(&name)
        {
            unknown.push(name);
        }
    }
    unknown
}

/// Parses `text` (from `origin`, for messages), binds `params`, and attaches
/// the full-text SERVICE when an index is given.
pub fn prepare(
    text: &str,
    origin: &str,
    params: Vec<(Variable, Term)>,
    fulltext: Option<&Arc<FullText>>,
) -> Result<Prepared> {
    crate::nesting::check_sparql(text, origin)?;
    let mut query = parser()
        .parse_query(text)
        .map_err(|e| Error::SparqlSyntax {
            origin: origin.into(),
            message: explain_syntax_error(text, &e.to_string()),
        })?;
    if let spargebra::Query::Select { pattern, .. } = &query
        && let Some(selected) = projected(pattern)
        && let Some((missing, _)) = params.iter().find(|(v, _)| !selected.contains(v))
    {
        let names: Vec<String> = selected.iter().map(ToString::to_string).collect();
        return Err(Error::Input(format!(
            "{origin}: --param {}: the query selects no variable {missing} (it selects {}); a \
             parameter gives a value to a variable the query selects",
            missing.as_str(),
            if names.is_empty() {
                "none".to_owned()
            } else {
                names.join(" ")
            }
        )));
    }
    let pattern = match &mut query {
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. }
        | spargebra::Query::Ask { pattern, .. } => pattern,
    };
    for (variable, term) in &params {
        substitute_in_services(pattern, variable, term);
    }
    order_by_kind_first(pattern);
    if let Some(ft) = fulltext {
        inline_searches(pattern, ft)?;
    }
    let reads_store = match &query {
        spargebra::Query::Describe { .. } => true,
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Ask { pattern, .. } => reads_quads(pattern),
    };
    Ok(Prepared {
        query,
        params,
        fulltext: fulltext.cloned(),
        detached: !reads_store,
    })
}

/// The variables a SELECT's pattern projects (`SELECT *` lists them all).
fn projected(pattern: &GraphPattern) -> Option<&[Variable]> {
    match pattern {
        GraphPattern::Project { variables, .. } => Some(variables),
        GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::OrderBy { inner, .. } => projected(inner),
        _ => None,
    }
}

/// Whether evaluating the pattern may read quads or graph names (anything
/// not known to be free of them counts as reading).
fn reads_quads(pattern: &GraphPattern) -> bool {
    match pattern {
        GraphPattern::Bgp { patterns } => !patterns.is_empty(),
        GraphPattern::Values { .. } => false,
        GraphPattern::Join { left, right }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => reads_quads(left) || reads_quads(right),
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => {
            reads_quads(left)
                || reads_quads(right)
                || expression.as_ref().is_some_and(expression_reads_quads)
        }
        GraphPattern::Filter { expr, inner } => expression_reads_quads(expr) || reads_quads(inner),
        GraphPattern::Extend {
            inner, expression, ..
        } => expression_reads_quads(expression) || reads_quads(inner),
        GraphPattern::OrderBy { inner, expression } => {
            reads_quads(inner)
                || expression.iter().any(|e| match e {
                    OrderExpression::Asc(e) | OrderExpression::Desc(e) => expression_reads_quads(e),
                })
        }
        GraphPattern::Group {
            inner, aggregates, ..
        } => {
            reads_quads(inner)
                || aggregates.iter().any(|(_, a)| match a {
                    AggregateExpression::CountSolutions { .. } => false,
                    AggregateExpression::FunctionCall { expr, .. } => expression_reads_quads(expr),
                })
        }
        GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. } => reads_quads(inner),
        _ => true,
    }
}

fn expression_reads_quads(e: &Expression) -> bool {
    match e {
        Expression::NamedNode(_)
        | Expression::Literal(_)
        | Expression::Variable(_)
        | Expression::Bound(_) => false,
        Expression::Or(a, b)
        | Expression::And(a, b)
        | Expression::Equal(a, b)
        | Expression::SameTerm(a, b)
        | Expression::Greater(a, b)
        | Expression::GreaterOrEqual(a, b)
        | Expression::Less(a, b)
        | Expression::LessOrEqual(a, b)
        | Expression::Add(a, b)
        | Expression::Subtract(a, b)
        | Expression::Multiply(a, b)
        | Expression::Divide(a, b) => expression_reads_quads(a) || expression_reads_quads(b),
        Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => {
            expression_reads_quads(a)
        }
        Expression::If(a, b, c) => {
            expression_reads_quads(a) || expression_reads_quads(b) || expression_reads_quads(c)
        }
        Expression::In(a, list) => {
            expression_reads_quads(a) || list.iter().any(expression_reads_quads)
        }
        Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
            list.iter().any(expression_reads_quads)
        }
        _ => true,
    }
}

/// Replaces `variable` by `term` in the triple patterns inside SERVICE
/// blocks: the SERVICE sees its pattern, not the outer bindings.
fn substitute_in_services(pattern: &mut GraphPattern, variable: &Variable, term: &Term) {
    fn replace(tp: &mut TermPattern, variable: &Variable, term: &Term) {
        if matches!(tp, TermPattern::Variable(v) if v == variable) {
            *tp = match term {
                Term::NamedNode(n) => TermPattern::NamedNode(n.clone()),
                Term::Literal(l) => TermPattern::Literal(l.clone()),
                Term::BlankNode(b) => TermPattern::BlankNode(b.clone()),
                #[allow(unreachable_patterns)]
                _ => return,
            };
        }
    }
    fn walk(p: &mut GraphPattern, variable: &Variable, term: &Term, in_service: bool) {
        match p {
            GraphPattern::Bgp { patterns } if in_service => {
                for tp in patterns {
                    replace(&mut tp.subject, variable, term);
                    replace(&mut tp.object, variable, term);
                }
            }
            GraphPattern::Service { inner, .. } => walk(inner, variable, term, true),
            other => {
                for child in children_mut(other) {
                    walk(child, variable, term, in_service);
                }
            }
        }
    }
    walk(pattern, variable, term, false);
}

/// Puts, before each ORDER BY key, the kind of its value: unbound, IRI or
/// blank node, number, NaN, then other literals by datatype, and date and
/// time values with a timezone apart from those without. The store's SPARQL
/// engine compares two literals by value when it can and by lexical form
/// when it cannot, which is no order over a column mixing kinds (9 < 10 as
/// numbers, "10" < "5x" < "9" as text; NaN against any number; a date with
/// a timezone against one without, within 14 hours): sorting such a column
/// panicked. Durations of months and of days compare only sometimes
/// ("P1M" against "P30D"), so `xsd:duration` values sort by their text.
/// Within one kind the comparisons then agree; SPARQL leaves the order
/// between kinds to the implementation.
fn order_by_kind_first(pattern: &mut GraphPattern) {
    use spargebra::algebra::Function;
    if let GraphPattern::OrderBy { expression, .. } = pattern {
        let call = |f: Function, args: Vec<Expression>| Expression::FunctionCall(f, args);
        let text = |s: &str| Expression::Literal(Literal::new_simple_literal(s));
        let kind = |e: &Expression| {
            let is_nan = Expression::Not(Box::new(Expression::Equal(
                Box::new(e.clone()),
                Box::new(e.clone()),
            )));
            let has_timezone = Expression::Coalesce(vec![
                Expression::Not(Box::new(Expression::Equal(
                    Box::new(call(Function::Tz, vec![e.clone()])),
                    Box::new(text("")),
                ))),
                Expression::Literal(Literal::from(false)),
            ]);
            Expression::If(
                Box::new(call(Function::IsLiteral, vec![e.clone()])),
                Box::new(Expression::If(
                    Box::new(call(Function::IsNumeric, vec![e.clone()])),
                    Box::new(Expression::If(
                        Box::new(is_nan),
                        Box::new(text("1 NaN")),
                        Box::new(text("1")),
                    )),
                    Box::new(call(
                        Function::Concat,
                        vec![
                            text("2"),
                            call(
                                Function::Str,
                                vec![call(Function::Datatype, vec![e.clone()])],
                            ),
                            Expression::If(
                                Box::new(has_timezone),
                                Box::new(text(" timezone")),
                                Box::new(text("")),
                            ),
                        ],
                    )),
                )),
                Box::new(text("0")),
            )
        };
        let value = |e: Expression| {
            let is_duration = Expression::Equal(
                Box::new(call(Function::Datatype, vec![e.clone()])),
                Box::new(Expression::NamedNode(
                    oxigraph::model::vocab::xsd::DURATION.into_owned(),
                )),
            );
            Expression::Coalesce(vec![
                Expression::If(
                    Box::new(is_duration),
                    Box::new(call(Function::Str, vec![e.clone()])),
                    Box::new(e.clone()),
                ),
                e,
            ])
        };
        *expression = expression
            .drain(..)
            .flat_map(|o| match o {
                OrderExpression::Asc(e) => [
                    OrderExpression::Asc(kind(&e)),
                    OrderExpression::Asc(value(e)),
                ],
                OrderExpression::Desc(e) => [
                    OrderExpression::Desc(kind(&e)),
                    OrderExpression::Desc(value(e)),
                ],
            })
            .collect();
    }
    for child in children_mut(pattern) {
        order_by_kind_first(child);
    }
}

/// The sub-patterns of a pattern (not those inside expressions).
fn children_mut(pattern: &mut GraphPattern) -> Vec<&mut GraphPattern> {
    match pattern {
        GraphPattern::Join { left, right }
        | GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => vec![left, right],
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => vec![inner],
        _ => Vec::new(),
    }
}

/// Answers each `SERVICE cg:search` block up front and puts its hits in the
/// query as a `VALUES` block. Oxigraph's optimiser then knows exactly how many
/// rows the search gives and looks each hit up in the store (a for-loop
/// join), instead of estimating the SERVICE as huge and hashing a whole
/// store-side pattern (measured: 50,000 headlines hashed to join 165 hits).
/// A `SERVICE SILENT` that fails gives no rows; the SERVICE handler remains
/// for blocks this cannot reach (inside FILTER EXISTS).
fn inline_searches(pattern: &mut GraphPattern, ft: &Arc<FullText>) -> Result<()> {
    match pattern {
        GraphPattern::Service {
            name: NamedNodePattern::NamedNode(name),
            inner,
            silent,
        } if name.as_ref() == cg::SEARCH => {
            let (variables, rows) = match evaluate(ft, inner) {
                Ok(found) => found,
                Err(_) if *silent => (Arc::from(Vec::new()), Vec::new()),
                Err(e) => return Err(e),
            };
            let bindings = rows
                .into_iter()
                .map(|row| {
                    row.into_iter()
                        .map(|t| match t {
                            Some(Term::NamedNode(n)) => Some(GroundTerm::NamedNode(n)),
                            Some(Term::Literal(l)) => Some(GroundTerm::Literal(l)),
                            _ => None,
                        })
                        .collect()
                })
                .collect();
            *pattern = GraphPattern::Values {
                variables: variables.to_vec(),
                bindings,
            };
            Ok(())
        }
        other => {
            for child in children_mut(other) {
                inline_searches(child, ft)?;
            }
            Ok(())
        }
    }
}

/// Runs a prepared query on the store.
pub fn run_query(store: &Store, prepared: Prepared) -> Result<QueryResults<'static>> {
    Ok(prepared.run(store, false)?.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first column of a query's rows, as lexical forms.
    fn values(query: &str) -> Vec<String> {
        let store = Store::new().unwrap();
        let prepared = prepare(query, "test", Vec::new(), None).unwrap();
        let QueryResults::Solutions(rows) = prepared.run(&store, false).unwrap().0 else {
            panic!("not a SELECT");
        };
        rows.map(|row| {
            row.map(|r| match r.get(0) {
                Some(Term::Literal(l)) => l.value().to_owned(),
                Some(t) => t.to_string(),
                None => String::new(),
            })
            .unwrap()
        })
        .collect()
    }

    #[test]
    fn dates_with_and_without_a_timezone_sort_apart_without_panicking() {
        // Enough rows for the sort to check its comparisons; a date without
        // a timezone and one with it, hours apart, have no order.
        let dates: Vec<String> = (0..60)
            .map(|i| {
                let zone = if i % 2 == 0 { "Z" } else { "" };
                format!(
                    "\"2024-01-{:02}T{:02}:00:00{zone}\"^^xsd:dateTime",
                    1 + (i * 7) % 3,
                    (i * 5) % 24
                )
            })
            .collect();
        let q = format!(
            "SELECT ?d {{ VALUES ?d {{ {} }} }} ORDER BY ?d",
            dates.join(" ")
        );
        let got = values(&q);
        assert_eq!(got.len(), 60);
        let (local, zoned): (Vec<_>, Vec<_>) = got.iter().partition(|d| !d.ends_with('Z'));
        assert_eq!(got[..30].iter().collect::<Vec<_>>(), local, "local first");
        assert!(local.windows(2).all(|w| w[0] <= w[1]), "{local:?}");
        assert!(zoned.windows(2).all(|w| w[0] <= w[1]), "{zoned:?}");
    }

    #[test]
    fn nan_sorts_after_the_numbers_and_durations_by_their_text() {
        let mut numbers: Vec<String> = (0..50).map(|i| ((i * 37) % 50).to_string()).collect();
        numbers.extend(["\"NaN\"^^xsd:double".into(), "\"NaN\"^^xsd:double".into()]);
        let q = format!(
            "SELECT ?n {{ VALUES ?n {{ {} }} }} ORDER BY ?n",
            numbers.join(" ")
        );
        let got = values(&q);
        let expected: Vec<String> = (0..50)
            .map(|i| i.to_string())
            .chain(["NaN".into(), "NaN".into()])
            .collect();
        assert_eq!(got, expected);
        let q = "SELECT ?d { VALUES ?d { \"P30D\"^^xsd:duration \"P1M\"^^xsd:duration \
                 \"P1M1D\"^^xsd:duration } } ORDER BY DESC(?d)";
        assert_eq!(values(q), ["P30D", "P1M1D", "P1M"]);
    }
}
