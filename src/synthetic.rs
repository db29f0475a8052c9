//! A deterministic synthetic claim graph for benchmarks: N claims of about
//! 25 words (about one in seven in Chinese), 2,000 claimants (one in ten a
//! government organisation), 50,000 dated sources. The same seed always
//! gives the same quads.
//!
//! Two marker words have fixed frequencies so that a two-word query has a
//! predictable number of hits: `funding` is in 5 % of English claims and
//! `beijing` in 4 %, independently (about 0.2 % of claims have both). No
//! other generated word contains either as a substring, so a substring
//! filter and the index find the same claims.

use crate::ids::{GRAPH_BASE, ID_BASE};
use crate::vocab::{cg, rdf, rdfs, schema, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

/// Claimants in the synthetic graph.
pub const CLAIMANTS: usize = 2_000;
/// Sources in the synthetic graph.
pub const SOURCES: usize = 50_000;

const ENGLISH: &[&str] = &[
    "ministry",
    "platform",
    "drama",
    "series",
    "episode",
    "market",
    "audience",
    "studio",
    "export",
    "policy",
    "support",
    "growth",
    "revenue",
    "viewers",
    "streaming",
    "vertical",
    "format",
    "production",
    "script",
    "budget",
    "investment",
    "regulator",
    "content",
    "approval",
    "overseas",
    "southeast",
    "asia",
    "latin",
    "america",
    "middle",
    "east",
    "culture",
    "industry",
    "state",
    "private",
    "company",
    "creators",
    "subtitles",
    "dubbing",
    "tools",
    "artificial",
    "intelligence",
    "model",
    "volume",
    "price",
    "quality",
    "billion",
    "yuan",
    "million",
    "dollars",
    "weeks",
    "years",
    "percent",
    "rose",
    "fell",
    "expanded",
    "launched",
    "announced",
    "said",
    "reported",
    "plans",
    "aims",
    "new",
    "rules",
    "guidelines",
    "quota",
    "licence",
    "review",
    "censors",
    "propaganda",
    "soft",
    "power",
    "global",
    "south",
    "hollywood",
    "netflix",
    "douyin",
    "kuaishou",
    "reelshort",
    "dramabox",
    "shortmax",
    "bytedance",
    "tencent",
    "iqiyi",
    "youku",
    "shenzhen",
    "shanghai",
    "hengdian",
    "zhengzhou",
    "indonesia",
    "thailand",
    "brazil",
    "mexico",
    "saudi",
    "emirates",
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "for",
    "with",
    "on",
    "by",
    "from",
    "its",
    "their",
    "more",
    "than",
    "over",
];
const CHINESE: &[&str] = &[
    "微短剧",
    "短剧",
    "出海",
    "广电总局",
    "国务院",
    "文化",
    "产业",
    "平台",
    "扶持",
    "资金",
    "人工智能",
    "生成",
    "剧本",
    "制作",
    "市场",
    "规模",
    "亿元",
    "观众",
    "海外",
    "东南亚",
    "拉美",
    "中东",
    "监管",
    "审核",
    "内容",
    "精品",
    "创作",
    "提升",
    "计划",
    "通知",
    "发展",
    "推动",
    "加强",
    "管理",
    "北京",
    "上海",
    "深圳",
    "横店",
    "抖音",
    "快手",
    "红果",
    "用户",
    "增长",
    "收入",
];

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(10_000) < percent * 100
    }
}

/// Synthetic source `n`, named as ingestion names a page: from its URL.
fn source(n: usize) -> NamedNode {
    crate::ids::source_iri(Some(&format!("https://bench.invalid/article/{n}")), "")
}

/// The one version of synthetic source `n`.
fn version(n: usize) -> NamedNode {
    crate::ids::version_iri(&source(n), &crate::ids::content_hash(&n.to_string()))
}

/// The IRI of synthetic claimant `n` (an entity, so names resolve).
pub fn claimant(n: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID_BASE}entity/bench-claimant-{n}"))
}

/// All quads of a synthetic graph of `claims` claims, in one named graph,
/// produced lazily.
pub fn quads(claims: usize, seed: u64) -> impl Iterator<Item = Quad> {
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(format!(
        "{GRAPH_BASE}annotations/bench"
    )));
    let g = graph.clone();
    let q = move |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: oxigraph::model::Term| {
        Quad::new(s.clone(), p.into_owned(), o, g.clone())
    };
    let entities = (0..CLAIMANTS).flat_map({
        let q = q.clone();
        move |i| {
            let c = claimant(i);
            let kind = if i % 10 == 0 {
                schema::NS.to_owned() + "GovernmentOrganization"
            } else {
                schema::NS.to_owned() + "Organization"
            };
            vec![
                q(&c, rdf::TYPE, NamedNode::new_unchecked(kind).into()),
                q(
                    &c,
                    rdfs::LABEL,
                    Literal::new_language_tagged_literal_unchecked(format!("Claimant {i}"), "en")
                        .into(),
                ),
            ]
        }
    });
    let sources = (0..SOURCES).flat_map({
        let q = q.clone();
        move |i| {
            let s = source(i);
            let v = version(i);
            // Dates spread over 2015–2026, deterministic per source.
            let day = (i as u64 * 7919) % (12 * 365);
            let date = crate::index::search::iso_date(1_420_070_400 + day as i64 * 86_400);
            vec![
                q(
                    &s,
                    rdf::TYPE,
                    NamedNode::new_unchecked(schema::NS.to_owned() + "NewsArticle").into(),
                ),
                q(
                    &s,
                    schema::HEADLINE,
                    Literal::new_simple_literal(format!("Source {i}")).into(),
                ),
                q(
                    &s,
                    schema::DATE_PUBLISHED,
                    Literal::new_typed_literal(date, xsd::DATE).into(),
                ),
                q(&s, cg::HAS_VERSION, v.into()),
            ]
        }
    });
    let mut rng = Rng(seed | 1);
    let claims = (0..claims).flat_map(move |i| {
        let chinese = rng.chance(14);
        let mut words: Vec<&str> = Vec::with_capacity(26);
        let n = 20 + rng.below(11) as usize;
        for _ in 0..n {
            words.push(if chinese {
                CHINESE[rng.below(CHINESE.len() as u64) as usize]
            } else {
                ENGLISH[rng.below(ENGLISH.len() as u64) as usize]
            });
        }
        if !chinese {
            if rng.chance(5) {
                let at = rng.below(words.len() as u64) as usize;
                words.insert(at, "funding");
            }
            if rng.chance(4) {
                let at = rng.below(words.len() as u64) as usize;
                words.insert(at, "beijing");
            }
        }
        let text = if chinese {
            words.concat()
        } else {
            words.join(" ")
        };
        // Claims and attributions are named as the loader names them: from
        // the normalised text, and from version, span, claim and claimant.
        let key = crate::ids::claim_key(&text);
        let claim = crate::ids::claim_iri(&key);
        let who = claimant(rng.below(CLAIMANTS as u64) as usize);
        let n = rng.below(SOURCES as u64) as usize;
        let source = source(n);
        let att = crate::ids::attribution_iri(&version(n), i, i + text.len(), &key, &who, None);
        vec![
            q(&claim, rdf::TYPE, schema::CLAIM.into()),
            q(
                &claim,
                schema::TEXT,
                Literal::new_simple_literal(text).into(),
            ),
            q(&att, rdf::TYPE, cg::ATTRIBUTION.into()),
            q(&att, cg::CLAIM, claim.into()),
            q(&att, cg::CLAIMANT, who.into()),
            q(&att, cg::SOURCE, source.into()),
        ]
    });
    entities.chain(sources).chain(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_graph_and_markers_are_unique() {
        let a: Vec<Quad> = quads(500, 7).collect();
        let b: Vec<Quad> = quads(500, 7).collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), CLAIMANTS * 2 + SOURCES * 4 + 500 * 6);
        for w in ENGLISH.iter().chain(CHINESE) {
            assert!(!w.contains("funding") && !w.contains("beijing"), "{w}");
        }
    }
}
