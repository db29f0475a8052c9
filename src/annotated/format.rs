//! The TOML format of an annotated source file, and reading one from disk
//! with errors that name the file, line and column.

use crate::text::line_column;
use crate::{Error, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// One annotated source file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// Stable identifier: names the file's named graph (and the source's IRI
    /// when it has no URL). ASCII letters, digits, `.`, `_`, `-`.
    pub id: String,
    /// schema.org type of the source (`NewsArticle`, `OpinionNewsArticle`…).
    #[serde(rename = "type", default = "default_type")]
    pub source_type: String,
    /// Canonical URL, when the source is on the web.
    pub url: Option<String>,
    /// For a source without URL that another file introduced: that file's
    /// id, so that this file's claims are about the same source (files
    /// exported from `claimgraph annotate` carry it).
    pub source_id: Option<String>,
    /// Title.
    pub headline: String,
    /// Authors: gazetteer ids, labels or names.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publisher: a gazetteer id, label or name.
    pub publisher: Option<String>,
    /// Publication date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO date-time.
    pub published: Option<String>,
    /// When the text was read or transcribed (same forms as `published`).
    pub retrieved: Option<String>,
    /// Language of the text (BCP 47: `en`, `zh`, `zh-Hans`…).
    pub language: Option<String>,
    /// The text, inline.
    pub text: Option<String>,
    /// The text, as a path relative to this file.
    pub text_file: Option<PathBuf>,
    /// Encoding of `text_file` (WHATWG label: `utf-8`, `gbk`, `gb18030`,
    /// `big5`…); UTF-8 when absent.
    pub text_encoding: Option<String>,
    /// Who marked the claims.
    pub annotator: Option<String>,
    /// When they did (a date).
    pub annotated: Option<String>,
    /// A note on the source.
    pub note: Option<String>,
    /// The marked claims.
    #[serde(default, rename = "claim")]
    pub claims: Vec<ClaimEntry>,
}

fn default_type() -> String {
    "NewsArticle".into()
}

/// One claim marked in a source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimEntry {
    /// The passage exactly as it appears in the text.
    pub quote: Spanned<String>,
    /// Text just before the quote, to choose among several occurrences.
    pub prefix: Option<String>,
    /// Text just after the quote, to choose among several occurrences.
    pub suffix: Option<String>,
    /// The claim, normalised into a stand-alone proposition.
    pub claim: String,
    /// Who asserts it: a gazetteer id, label or alias, a name, or `@author`
    /// for the source's author.
    pub claimant: Spanned<String>,
    /// Intermediaries that relay it, nearest the claimant first.
    #[serde(default)]
    pub reported_by: Vec<String>,
    /// The cue words ("according to", "said", "据…报道").
    #[serde(default)]
    pub cue: String,
    /// How it is attributed.
    pub kind: Kind,
    /// How the source treats it.
    #[serde(default)]
    pub stance: Stance,
    /// Entities the claim is about.
    #[serde(default)]
    pub about: Vec<String>,
    /// A note on this claim.
    pub note: Option<String>,
    /// When this claim was marked, when it differs from the file's
    /// `annotated` (a date or date-time).
    pub annotated: Option<String>,
}

/// How a claim is attributed in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The claimant's own words in quotation marks.
    DirectQuote,
    /// Reported speech.
    Indirect,
    /// "According to X, …".
    AccordingTo,
    /// The author's own assertion.
    AuthorAssertion,
}

/// The reporting text's attitude to the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// Presents it as true.
    Endorses,
    /// Argues against it.
    Disputes,
    /// Relays it without taking a side.
    #[default]
    Neutral,
}

/// The largest source file or text file read (64 MiB): far above any
/// article, low enough that a wrong path to a huge file fails fast.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

fn read_capped(path: &Path) -> Result<Vec<u8>> {
    let len = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(Error::invalid(
            path,
            None,
            format!(
                "file is {len} bytes; annotated sources and their texts may be at most {MAX_FILE_BYTES} bytes"
            ),
        ));
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// Reads and parses a source file. Only the file itself is read here; its
/// `text_file` is read by [`load_text`].
pub fn read_source_file(path: &Path) -> Result<(SourceFile, String)> {
    let raw = read_capped(path)?;
    let content = String::from_utf8(raw).map_err(|e| {
        let (line, column) = line_column(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        Error::Syntax {
            path: path.into(),
            line,
            column,
            message: "not valid UTF-8 (TOML files must be UTF-8)".into(),
        }
    })?;
    let file: SourceFile = toml::from_str(&content).map_err(|e| Error::toml(path, &content, &e))?;
    Ok((file, content))
}

/// The source's text: inline, or read from `text_file` (relative to the
/// source file) in `text_encoding`.
pub fn load_text(file: &SourceFile, path: &Path) -> Result<String> {
    match (&file.text, &file.text_file) {
        (Some(text), None) => Ok(text.clone()),
        (None, Some(rel)) => {
            let text_path = path.parent().unwrap_or(Path::new(".")).join(rel);
            // Named with the source file that points to it.
            let bytes = read_capped(&text_path).map_err(|e| {
                Error::invalid(
                    path,
                    None,
                    format!("text_file = {rel:?} cannot be read: {e}"),
                )
            })?;
            // Several sources may share a text file: the one whose
            // text_encoding does not fit it is named.
            decode(&bytes, file.text_encoding.as_deref(), &text_path)
                .map_err(|e| Error::invalid(path, None, format!("text_file = {rel:?}: {e}")))
        }
        (Some(_), Some(_)) => Err(Error::invalid(
            path,
            None,
            "give either `text` or `text_file`, not both",
        )),
        (None, None) => Err(Error::invalid(
            path,
            None,
            "missing the source's text: add `text` or `text_file`",
        )),
    }
}

fn decode(bytes: &[u8], label: Option<&str>, path: &Path) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match label.map(|l| l.trim().to_ascii_lowercase()) {
        None => String::from_utf8(bytes.to_vec()).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let (line, column) = line_column(&String::from_utf8_lossy(&bytes[..valid]), valid);
            Error::Syntax {
                path: path.into(),
                line,
                column,
                message: "text is not valid UTF-8; if it is GBK, GB18030 or Big5, say so with `text_encoding = \"gbk\"` (or the right label)".into(),
            }
        }),
        Some(label) => {
            let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                Error::invalid(path, None, format!("unknown text_encoding {label:?} (try utf-8, gbk, gb18030, big5)"))
            })?;
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            if had_errors {
                let first = text.find('\u{FFFD}').unwrap_or(0);
                let (line, column) = line_column(&text, first);
                return Err(Error::Syntax {
                    path: path.into(),
                    line,
                    column,
                    message: format!("text is not valid {}", encoding.name()),
                });
            }
            Ok(text.into_owned())
        }
    }
}
