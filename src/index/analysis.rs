//! Text analysis for the full-text index: one analyzer for English, Chinese
//! and text that mixes them. Runs of Han characters are segmented into words
//! by jieba (its dictionary is compiled in), with the shorter dictionary words
//! inside long ones added at the same position (search mode), so `短剧` finds
//! `微短剧`; other runs are split into words. Everything is lower-cased and
//! English words are stemmed. Nothing drops long tokens: a long run of Han
//! characters stays searchable.
//!
//! tantivy does not save tokenizers in the index: [`register`] must be called
//! on every open.

use jieba_rs::Jieba;
use std::sync::OnceLock;
use tantivy::Index;
use tantivy::tokenizer::{
    Language, LowerCaser, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// The analyzer's name in the index schema.
pub const ANALYZER: &str = "claimgraph";

/// The segmenter, its dictionary built once per process; the Chinese
/// attribution rules read its part-of-speech tags too.
pub(crate) fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Builds the segmenter's dictionary now (it is otherwise built on the first
/// Han character analysed): for a thread of its own, ahead of indexing.
pub fn prepare() {
    jieba();
}

/// Registers claimgraph's analyzer with an index (needed on every open).
pub fn register(index: &Index) {
    index.tokenizers().register(ANALYZER, analyzer());
}

/// The analyzer: mixed-script words, lower-cased, English-stemmed.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(MixedTokenizer)
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Whether `c` is a Han character (CJK unified ideographs and extensions).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x3134F)
}

/// Splits text into words: Han runs through jieba, other runs on anything
/// that is not a letter or digit.
#[derive(Clone, Copy, Debug, Default)]
pub struct MixedTokenizer;

/// The tokens of one text, computed up front.
pub struct MixedTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for MixedTokenizer {
    type TokenStream<'a> = MixedTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MixedTokenStream {
        MixedTokenStream {
            tokens: tokenize(text),
            next: 0,
        }
    }
}

impl TokenStream for MixedTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut position = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if is_han(c) {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if !is_han(c) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            han_run(text, start, end, &mut position, &mut tokens);
        } else if c.is_alphanumeric() {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if !c.is_alphanumeric() || is_han(c) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            tokens.push(token(text, start, end, position));
            position += 1;
        } else {
            chars.next();
        }
    }
    tokens
}

/// Segments a run of Han characters: each word at its own position, and the
/// dictionary words inside it (search mode) at the position of the word that
/// contains them.
fn han_run(text: &str, start: usize, end: usize, position: &mut usize, tokens: &mut Vec<Token>) {
    let run = &text[start..end];
    let words = jieba().cut(run, true);
    let mut word_positions = Vec::with_capacity(words.len());
    for w in &words {
        word_positions.push((w.byte_start, w.byte_end, *position));
        tokens.push(token(
            text,
            start + w.byte_start,
            start + w.byte_end,
            *position,
        ));
        *position += 1;
    }
    for w in jieba().cut_for_search(run, true) {
        if let Some(&(_, _, p)) = word_positions.iter().find(|(s, e, _)| {
            *s <= w.byte_start && w.byte_end <= *e && (*s, *e) != (w.byte_start, w.byte_end)
        }) {
            tokens.push(token(text, start + w.byte_start, start + w.byte_end, p));
        }
    }
    tokens.sort_by_key(|t| (t.position, t.offset_from, t.offset_to));
}

fn token(text: &str, from: usize, to: usize, position: usize) -> Token {
    Token {
        offset_from: from,
        offset_to: to,
        position,
        text: text[from..to].to_owned(),
        position_length: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(String, usize)> {
        let mut a = analyzer();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.position));
        }
        out
    }

    #[test]
    fn english_is_lower_cased_and_stemmed() {
        let t = terms("Micro-Dramas were FUNDED");
        assert_eq!(
            t,
            vec![
                ("micro".into(), 0),
                ("drama".into(), 1),
                ("were".into(), 2),
                ("fund".into(), 3)
            ]
        );
    }

    #[test]
    fn chinese_is_segmented_with_sub_words_at_the_same_position() {
        let t = terms("微短剧出海");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert!(words.contains(&"出海"), "{t:?}");
        assert!(words.iter().any(|w| w.contains("短剧")), "{t:?}");
        // Every token of the text is findable; positions never go backwards.
        assert!(t.windows(2).all(|w| w[0].1 <= w[1].1), "{t:?}");
    }

    #[test]
    fn mixed_text_and_long_han_runs_keep_every_word() {
        let t = terms("AI短剧 in 东南亚");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert!(
            words.contains(&"ai") && words.contains(&"in") && words.contains(&"东南亚"),
            "{t:?}"
        );
        let long =
            "中华人民共和国国家广播电视总局关于进一步加强网络微短剧管理实施创作提升计划的通知";
        let t = terms(long);
        assert!(
            t.len() >= 10,
            "a 38-character run gives many words, none dropped: {t:?}"
        );
        assert!(
            t.iter().any(|(w, _)| w == "通知"),
            "the run's last word is kept: {t:?}"
        );
        assert!(t.iter().any(|(w, _)| w == "微短剧" || w == "短剧"), "{t:?}");
    }
}
