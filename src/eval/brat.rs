//! Gold attributions from brat standoff files (the PolNeAR layout).
//!
//! A split is `<corpus>/<split>/text/<name>.txt` with its annotation files
//! `<corpus>/<split>/attributions/<name>.ann` or `<name>_<annotator>.ann`
//! (an article annotated twice has two); each annotation file is one
//! [`GoldDocument`] sharing its article's text.
//!
//! An attribution is an event line
//! `E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1` whose roles name text-bound
//! lines `T3\tContent 115 290\tthat Hillary…` (discontinuous:
//! `10 20;30 40`, the stored text being the parts joined by one space).
//! Roles may be missing; a numbered duplicate (`Content2:`) adds its ranges to
//! the role's span. Offsets are in characters (code points) and become byte
//! ranges here; a span whose stored text differs from the article's, or whose
//! offsets fall outside it, is reported with the file and line and its event
//! is skipped. Lines other than `T` and `E` (notes, attributes) are ignored,
//! as are `T` lines no event refers to (`Discuss`, `Discard`). A line that
//! does not start with an annotation id continues the previous line's text
//! (a span whose text holds a line break).

use crate::Error;
use crate::attribute::Span;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One gold attribution: its spans, each a set of byte ranges of the text.
/// The same type the attribution model learns from.
pub use crate::attribute::model::Example as GoldAttribution;

/// One annotation file with its article's text.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    /// The annotation file's stem (`<name>_<annotator>`).
    pub name: String,
    /// The article's text file stem (`<name>`).
    pub text_name: String,
    /// The article's text.
    pub text: String,
    /// The attributions annotated in it, in file order.
    pub attributions: Vec<GoldAttribution>,
}

/// A role of an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Source,
    Cue,
    Content,
}

/// A text-bound annotation line: its character ranges and stored text.
struct TextBound {
    ranges: Vec<Range<usize>>,
    text: String,
}

/// An annotation with the 1-based line it starts on.
struct Line {
    number: usize,
    text: String,
}

/// Whether `line` starts with a brat annotation id and a tab (`T12\t`,
/// `#3\t`, `*\t`).
fn starts_annotation(line: &str) -> bool {
    let Some((id, _)) = line.split_once('\t') else {
        return false;
    };
    let mut chars = id.chars();
    match chars.next() {
        Some('*') => id.len() == 1,
        Some(c) if c.is_ascii_alphabetic() || c == '#' => chars.all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// The annotations of a file, continuation lines joined to the line they
/// continue with a line break.
fn logical_lines(ann: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for (i, raw) in ann.lines().enumerate() {
        match out.last_mut() {
            Some(last) if !starts_annotation(raw) => {
                last.text.push('\n');
                last.text.push_str(raw);
            }
            _ => out.push(Line {
                number: i + 1,
                text: raw.to_owned(),
            }),
        }
    }
    out
}

/// Parses `"10 20;30 40"` into character ranges.
fn parse_offsets(offsets: &str) -> Option<Vec<Range<usize>>> {
    offsets
        .split(';')
        .map(|part| {
            let (start, end) = part.trim().split_once(' ')?;
            Some(start.trim().parse().ok()?..end.trim().parse().ok()?)
        })
        .collect()
}

/// Parses a `T` line's fields after its id: `Type offsets\ttext`.
fn parse_text_bound(rest: &str) -> Result<TextBound, String> {
    let (head, text) = rest.split_once('\t').unwrap_or((rest, ""));
    head.split_once(' ')
        .and_then(|(_, offsets)| parse_offsets(offsets))
        .map(|ranges| TextBound {
            ranges,
            text: text.to_owned(),
        })
        .ok_or_else(|| "expected `Type start end[;start end…]<tab>text`".to_owned())
}

/// The role a `Role:T…` argument name stands for (`Content2` is `Content`);
/// `None` for the trigger and anything else.
fn role_of(name: &str) -> Option<Role> {
    match name.trim_end_matches(|c: char| c.is_ascii_digit()) {
        "Source" => Some(Role::Source),
        "Cue" => Some(Role::Cue),
        "Content" => Some(Role::Content),
        _ => None,
    }
}

/// Byte offset of every character position of `text`, and of its end.
fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Sorts ranges and merges those that overlap or touch.
pub(crate) fn normalise(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Converts a text-bound annotation's character ranges to byte ranges,
/// checking them against the text; the error says what is wrong.
fn byte_ranges(tb: &TextBound, text: &str, offsets: &[usize]) -> Result<Vec<Range<usize>>, String> {
    let chars = offsets.len() - 1;
    let mut parts = Vec::with_capacity(tb.ranges.len());
    for r in &tb.ranges {
        if r.start > r.end || r.end > chars {
            return Err(format!(
                "offsets {}..{} are outside the text ({chars} characters)",
                r.start, r.end
            ));
        }
        parts.push(offsets[r.start]..offsets[r.end]);
    }
    let found = parts
        .iter()
        .map(|p| &text[p.clone()])
        .collect::<Vec<_>>()
        .join(" ");
    if found != tb.text {
        return Err(format!(
            "span text {:?} differs from the text at its offsets {:?}",
            tb.text, found
        ));
    }
    Ok(parts)
}

/// One event's attribution, or an error naming the line at fault.
fn event_attribution(
    args: &str,
    line: usize,
    spans: &HashMap<&str, (usize, &str)>,
    text: &str,
    offsets: &[usize],
) -> Result<GoldAttribution, (usize, String)> {
    let mut roles: [(Role, Vec<Range<usize>>); 3] = [
        (Role::Source, Vec::new()),
        (Role::Cue, Vec::new()),
        (Role::Content, Vec::new()),
    ];
    for arg in args.split_whitespace() {
        let Some((name, id)) = arg.split_once(':') else {
            return Err((line, format!("argument {arg:?} is not Role:Id")));
        };
        let Some(role) = role_of(name) else {
            continue;
        };
        let &(tb_line, rest) = spans
            .get(id)
            .ok_or_else(|| (line, format!("{name} refers to {id}, which is not defined")))?;
        let parts = parse_text_bound(rest)
            .and_then(|tb| byte_ranges(&tb, text, offsets))
            .map_err(|e| {
                (
                    tb_line,
                    format!("{id} ({name} of the event on line {line}): {e}"),
                )
            })?;
        let slot = roles
            .iter_mut()
            .find(|(r, _)| *r == role)
            .expect("all roles");
        slot.1.extend(parts);
    }
    let [source, cue, content] = roles.map(|(_, ranges)| {
        let parts = normalise(ranges);
        (!parts.is_empty()).then_some(Span { parts })
    });
    Ok(GoldAttribution {
        source,
        cue,
        content,
    })
}

/// Parses one annotation file against its article's text: the attributions,
/// and an error (naming `file` and the line) for each event skipped.
pub fn parse_ann(ann: &str, text: &str, file: &Path) -> (Vec<GoldAttribution>, Vec<Error>) {
    let lines = logical_lines(ann);
    let spans: HashMap<&str, (usize, &str)> = lines
        .iter()
        .filter(|l| l.text.starts_with('T'))
        .filter_map(|l| {
            let (id, rest) = l.text.split_once('\t')?;
            Some((id, (l.number, rest)))
        })
        .collect();
    let mut errors = Vec::new();
    let at = |line: usize| Some(format!("line {line}"));
    let offsets = char_to_byte(text);
    let mut attributions = Vec::new();
    for l in lines.iter().filter(|l| l.text.starts_with('E')) {
        let Some((_, rest)) = l.text.split_once('\t') else {
            continue;
        };
        if !rest.trim_start().starts_with("Attribution") {
            continue;
        }
        match event_attribution(rest, l.number, &spans, text, &offsets) {
            Ok(a) => attributions.push(a),
            Err((line, message)) => errors.push(Error::invalid(file, at(line), message)),
        }
    }
    (attributions, errors)
}

/// Found attributions as a brat annotation file for `text` (character
/// offsets, discontinuous spans as `a b;c d`, line breaks in a span's text
/// as spaces): what [`parse_ann`] reads back, so predictions can be opened
/// in brat beside the gold or compared with it by other tools.
pub fn write_ann(text: &str, found: &[crate::attribute::Found]) -> String {
    use std::fmt::Write as _;
    let char_at = |byte: usize| text[..byte.min(text.len())].chars().count();
    let mut out = String::new();
    let mut t = 0;
    for (e, f) in found.iter().enumerate() {
        let mut roles = Vec::new();
        // The event's trigger: the cue, or the content when there is none.
        let trigger = if f.cue.is_empty() { &f.content } else { &f.cue };
        for (role, span) in [
            ("Attribution", Some(trigger)),
            ("Source", f.source.as_ref()),
            ("Cue", Some(&f.cue)),
            ("Content", Some(&f.content)),
        ] {
            let Some(span) = span.filter(|s| !s.is_empty()) else {
                continue;
            };
            t += 1;
            let ranges: Vec<String> = span
                .parts
                .iter()
                .map(|r| format!("{} {}", char_at(r.start), char_at(r.end)))
                .collect();
            let words: Vec<String> = span
                .parts
                .iter()
                .map(|r| text[r.clone()].replace(['\n', '\r', '\t'], " "))
                .collect();
            let _ = writeln!(
                out,
                "T{t}\t{role} {}\t{}",
                ranges.join(";"),
                words.join(" ")
            );
            roles.push(format!("{role}:T{t}"));
        }
        let _ = writeln!(out, "E{}\t{}", e + 1, roles.join(" "));
    }
    out
}

/// The files of `dir` with extension `ext`, sorted.
fn files_with_extension(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, Error> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext) && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// A file's stem as a string.
fn stem(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The article an annotation file stem belongs to: the stem itself, or the
/// stem without its `_<annotator>` suffix, whichever has a text.
fn text_name_of(ann_stem: &str, texts: &HashMap<String, PathBuf>) -> Option<String> {
    if texts.contains_key(ann_stem) {
        return Some(ann_stem.to_owned());
    }
    let (name, _) = ann_stem.rsplit_once('_')?;
    texts.contains_key(name).then(|| name.to_owned())
}

/// Reads `<corpus>/<split>`: one [`GoldDocument`] per annotation file, in
/// file-name order, and an error for each file or event that could not be
/// read (the others are kept).
pub fn read_split(corpus: &Path, split: &str) -> (Vec<GoldDocument>, Vec<Error>) {
    let dir = corpus.join(split);
    let (text_dir, ann_dir) = (dir.join("text"), dir.join("attributions"));
    let mut errors = Vec::new();
    let (text_files, ann_files) = match (
        files_with_extension(&text_dir, "txt"),
        files_with_extension(&ann_dir, "ann"),
    ) {
        (Ok(t), Ok(a)) => (t, a),
        (t, a) => {
            errors.extend(t.err());
            errors.extend(a.err());
            return (Vec::new(), errors);
        }
    };
    let texts: HashMap<String, PathBuf> = text_files.into_iter().map(|p| (stem(&p), p)).collect();
    let mut loaded: HashMap<String, Option<String>> = HashMap::new();
    let mut documents = Vec::new();
    for ann_path in ann_files {
        let name = stem(&ann_path);
        let Some(text_name) = text_name_of(&name, &texts) else {
            errors.push(Error::invalid(
                &ann_path,
                None,
                format!(
                    "no article text for it in {} (expected {name}.txt or the name without its _<annotator> suffix)",
                    text_dir.display()
                ),
            ));
            continue;
        };
        let text = loaded.entry(text_name.clone()).or_insert_with(|| {
            let path = &texts[&text_name];
            std::fs::read_to_string(path)
                .map_err(|e| errors.push(Error::io(path, e)))
                .ok()
        });
        let Some(text) = text.clone() else {
            continue;
        };
        let ann = match std::fs::read_to_string(&ann_path) {
            Ok(a) => a,
            Err(e) => {
                errors.push(Error::io(&ann_path, e));
                continue;
            }
        };
        let (attributions, errs) = parse_ann(&ann, &text, &ann_path);
        errors.extend(errs);
        documents.push(GoldDocument {
            name,
            text_name,
            text,
            attributions,
        });
    }
    (documents, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(ann: &str, text: &str) -> (Vec<GoldAttribution>, Vec<Error>) {
        parse_ann(ann, text, Path::new("a.ann"))
    }

    fn slice(text: &str, span: &Option<Span>) -> Vec<String> {
        span.as_ref()
            .map(|s| s.parts.iter().map(|r| text[r.clone()].to_owned()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn an_event_gives_its_three_spans() {
        let text = "The mayor said the bridge will open in May.";
        let ann = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\n\
                   T3\tContent 15 42\tthe bridge will open in May\n\
                   T4\tAttribution 10 14\tsaid\n\
                   E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let (got, errors) = parse(ann, text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(got.len(), 1);
        assert_eq!(slice(text, &got[0].source), ["The mayor"]);
        assert_eq!(slice(text, &got[0].cue), ["said"]);
        assert_eq!(
            slice(text, &got[0].content),
            ["the bridge will open in May"]
        );
    }

    #[test]
    fn discontinuous_spans_and_numbered_contents_become_parts() {
        let text = "\"We are ready,\" the coach said, \"and we will win.\"";
        let ann = "T1\tContent 1 13;33 48\tWe are ready and we will win\n\
                   T2\tCue 26 30\tsaid\nT3\tSource 16 25\tthe coach\n\
                   E1\tAttribution-no-source:T2 Cue:T2 Content:T1 \n\
                   T4\tContent 1 13\tWe are ready\nT5\tContent 33 48\tand we will win\n\
                   E2\tAttribution:T2 Content:T4 Cue:T2 Source:T3 Content2:T5\n";
        let (got, errors) = parse(ann, text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].source, None);
        assert_eq!(
            slice(text, &got[0].content),
            ["We are ready", "and we will win"]
        );
        assert_eq!(got[1].content, got[0].content);
        assert_eq!(slice(text, &got[1].source), ["the coach"]);
    }

    #[test]
    fn predictions_written_as_brat_read_back_the_same() {
        use crate::attribute::{AttributionKind, Found};
        let text = "Zhāng said: “Quotas rise,” and\nthen “fall.” Nobody else spoke.";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        let found = vec![Found {
            source: Some(Span::one(at("Zhāng"))),
            cue: Span::one(at("said")),
            content: Span {
                parts: vec![at("“Quotas rise,”"), at("then “fall.”")],
            },
            kind: AttributionKind::DirectQuote,
            claimant: None,
            reporters: Vec::new(),
        }];
        let ann = write_ann(text, &found);
        let (back, errors) = parse_ann(&ann, text, Path::new("p.ann"));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back.len(), 1, "{ann}");
        assert_eq!(back[0].source, found[0].source);
        assert_eq!(back[0].cue, Some(found[0].cue.clone()));
        assert_eq!(back[0].content, Some(found[0].content.clone()));
    }

    #[test]
    fn character_offsets_become_byte_offsets() {
        let text = "Café owner René said “prices rise” today.";
        let ann = "T1\tSource 0 15\tCafé owner René\nT2\tCue 16 20\tsaid\n\
                   T3\tContent 21 34\t“prices rise”\n\
                   E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
        let (got, errors) = parse(ann, text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(slice(text, &got[0].source), ["Café owner René"]);
        assert_eq!(slice(text, &got[0].cue), ["said"]);
        assert_eq!(slice(text, &got[0].content), ["“prices rise”"]);
        assert_eq!(got[0].content, Some(Span::one(23..40)));
    }

    #[test]
    fn bad_offsets_and_wrong_text_are_named_and_skipped() {
        let text = "Officials said no.";
        let ann = "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\n\
                   T3\tContent 15 99\tno.\nT4\tContent 15 18\tyes\n\
                   E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n\
                   E2\tAttribution:T2 Source:T1 Cue:T2 Content:T4\n\
                   E3\tAttribution:T2 Source:T1 Cue:T2 Content:T9\n\
                   E4\tAttribution:T2 Source:T1 Cue:T2\n";
        let (got, errors) = parse_ann(ann, text, Path::new("dir/x_ab12.ann"));
        assert_eq!(got.len(), 1, "only the event without a bad span is kept");
        assert_eq!(got[0].content, None);
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].starts_with("dir/x_ab12.ann (line 3): T3"),
            "{}",
            messages[0]
        );
        assert!(messages[0].contains("outside the text (18 characters)"));
        assert!(
            messages[1].starts_with("dir/x_ab12.ann (line 4): T4"),
            "{}",
            messages[1]
        );
        assert!(messages[1].contains("differs"));
        assert!(
            messages[2].starts_with("dir/x_ab12.ann (line 7):"),
            "{}",
            messages[2]
        );
        assert!(messages[2].contains("T9"));
    }

    #[test]
    fn notes_discards_and_line_breaks_in_span_text() {
        let text = "Title\n\nThe minister said it was over.";
        let ann = "T1\tContent 0 7;25 36\tTitle\n\n it was over\n\
                   T2\tDiscard 0 5\tTitle\n#1\tAnnotatorNotes T1\ta note\n\
                   T3\tCue 20 24\tsaid\n\
                   E1\tAttribution:T3 Cue:T3 Content:T1\n";
        let (got, errors) = parse(ann, text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(got.len(), 1);
        assert_eq!(slice(text, &got[0].content), ["Title\n\n", "it was over"]);
    }

    #[test]
    fn a_split_gives_one_document_per_annotation_file() {
        let dir = tempfile::tempdir().unwrap();
        let split = dir.path().join("dev");
        std::fs::create_dir_all(split.join("text")).unwrap();
        std::fs::create_dir_all(split.join("attributions")).unwrap();
        std::fs::write(split.join("text/a_b.txt"), "Ann said yes.").unwrap();
        let ann = "T1\tCue 4 8\tsaid\nE1\tAttribution:T1 Cue:T1\n";
        for name in ["a_b_12ab.ann", "a_b_34cd.ann", "lost_99ff.ann"] {
            std::fs::write(split.join("attributions").join(name), ann).unwrap();
        }
        let (documents, errors) = read_split(dir.path(), "dev");
        let names: Vec<(&str, &str)> = documents
            .iter()
            .map(|d| (d.name.as_str(), d.text_name.as_str()))
            .collect();
        assert_eq!(names, [("a_b_12ab", "a_b"), ("a_b_34cd", "a_b")]);
        assert!(documents.iter().all(|d| d.attributions.len() == 1));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].to_string().contains("lost_99ff.ann"));
        let (documents, errors) = read_split(dir.path(), "test");
        assert!(documents.is_empty());
        assert_eq!(errors.len(), 2, "both missing directories are named");
    }

    #[test]
    fn normalise_merges_touching_ranges() {
        assert_eq!(
            normalise(vec![5..9, 0..3, 3..4, 8..12, 20..20]),
            [0..4, 5..12]
        );
    }
}
