//! Bytes to text. The order of evidence: a byte-order mark; then bytes that
//! are valid UTF-8 (pages often declare `gb2312` or `iso-8859-1` and send
//! UTF-8, and a wrong label would garble them); then the HTTP charset; then
//! a `<meta charset>` or `http-equiv` declaration in the first bytes; then a
//! guess from the bytes themselves (chardetng, with the top-level domain as
//! a hint). A UTF-8 label on bytes that are not UTF-8 is doubted: unless
//! they are mostly UTF-8 (a few stray bytes, replaced by U+FFFD), another
//! encoding that decodes them cleanly wins (a GBK page labelled UTF-8).
//! GB2312 and GBK labels decode as GB18030's superset, as browsers do.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// What decided the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// A byte-order mark.
    Bom,
    /// The bytes are valid UTF-8.
    #[default]
    ValidUtf8,
    /// The charset parameter of the HTTP Content-Type.
    HttpCharset,
    /// A `<meta>` declaration in the document.
    MetaCharset,
    /// A guess from the bytes.
    Detected,
}

impl Evidence {
    /// What decided the encoding, in words ("meta charset").
    pub fn describe(self) -> &'static str {
        match self {
            Evidence::Bom => "byte-order mark",
            Evidence::ValidUtf8 => "valid UTF-8",
            Evidence::HttpCharset => "HTTP charset",
            Evidence::MetaCharset => "meta charset",
            Evidence::Detected => "guessed from the bytes",
        }
    }
}

/// Decoded text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// What decided it.
    pub evidence: Evidence,
    /// Byte offset of the first malformed sequence, if any (replaced by U+FFFD).
    pub first_error: Option<usize>,
    /// The page declared UTF-8, but its bytes are not: the offset of the
    /// first that is not, when another encoding was taken instead.
    pub utf8_declared_but_not_at: Option<usize>,
}

/// Decodes an HTML document's bytes. `http_charset` is the charset parameter
/// of the response's Content-Type, if any; `host` helps the guess.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>, host: Option<&str>) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom..], encoding, Evidence::Bom);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: UTF_8,
            evidence: Evidence::ValidUtf8,
            first_error: None,
            utf8_declared_but_not_at: None,
        };
    }
    let http = http_charset.and_then(label);
    let meta = meta_charset(bytes);
    match (http, meta) {
        (Some(encoding), _) if encoding != UTF_8 => finish(bytes, encoding, Evidence::HttpCharset),
        // Declared UTF-8, yet the bytes are not: a label copied from a
        // template over a GBK page, or UTF-8 with a few stray bytes.
        (Some(_), meta) => utf8_or_other(bytes, meta, host, Evidence::HttpCharset),
        (None, Some(encoding)) if encoding != UTF_8 => {
            finish(bytes, encoding, Evidence::MetaCharset)
        }
        (None, Some(_)) => utf8_or_other(bytes, None, host, Evidence::MetaCharset),
        (None, None) => finish(bytes, guess(bytes, host), Evidence::Detected),
    }
}

/// Bytes declared UTF-8 that are not valid UTF-8. When most of their
/// non-ASCII sequences are valid UTF-8, they are UTF-8 with stray bytes
/// (decoded with U+FFFD). Otherwise the label is wrong: a non-UTF-8
/// encoding from a `<meta>` (when the HTTP header said UTF-8), else
/// chardetng's guess, is taken if it decodes them without errors.
fn utf8_or_other(
    bytes: &[u8],
    meta: Option<&'static Encoding>,
    host: Option<&str>,
    declared: Evidence,
) -> Decoded {
    if mostly_utf8(bytes) {
        return finish(bytes, UTF_8, declared);
    }
    let candidates = [
        meta.filter(|&e| e != UTF_8)
            .map(|e| (e, Evidence::MetaCharset)),
        Some((guess(bytes, host), Evidence::Detected)),
    ];
    for (encoding, evidence) in candidates.into_iter().flatten() {
        if encoding != UTF_8 {
            let decoded = finish(bytes, encoding, evidence);
            if decoded.first_error.is_none() {
                return Decoded {
                    utf8_declared_but_not_at: Some(first_malformed(bytes, UTF_8)),
                    ..decoded
                };
            }
        }
    }
    finish(bytes, UTF_8, declared)
}

/// Whether the valid multi-byte UTF-8 sequences outnumber the malformed
/// ones (text in another encoding is almost all malformed as UTF-8).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut malformed) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        malformed += usize::from(!chunk.invalid().is_empty());
    }
    valid > malformed
}

/// chardetng's guess, with the host's top-level domain as a hint.
fn guess(bytes: &[u8], host: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let tld = host.and_then(|h| h.rsplit('.').next()).map(str::as_bytes);
    widen(detector.guess(tld, true))
}

/// The encoding of a label, with the UTF-16 labels (which cannot apply to
/// bytes that reached us as ASCII-compatible HTML) and `x-user-defined`
/// treated as browsers treat them in a meta tag.
fn label(name: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(name.trim().trim_matches(['"', '\'']).as_bytes())?;
    Some(widen(encoding.output_encoding()))
}

/// GBK (and so GB2312) is decoded as GB18030, its superset: pages labelled
/// GB2312 routinely use characters only GBK or GB18030 define.
fn widen(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::GBK {
        GB18030
    } else {
        encoding
    }
}

fn finish(bytes: &[u8], encoding: &'static Encoding, evidence: Evidence) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let first_error = had_errors.then(|| first_malformed(bytes, encoding));
    Decoded {
        text: text.into_owned(),
        encoding,
        evidence,
        first_error,
        utf8_declared_but_not_at: None,
    }
}

/// Byte offset of the first malformed sequence.
fn first_malformed(bytes: &[u8], encoding: &'static Encoding) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    match decoder.decode_to_string_without_replacement(bytes, &mut out, true) {
        (encoding_rs::DecoderResult::Malformed(len, after), read) => {
            read.saturating_sub(len as usize + after as usize)
        }
        (_, read) => read,
    }
}

/// The charset a `<meta>` element declares in the first 4 KiB, by the
/// HTML prescan's rules simplified: `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let value: Vec<u8> = rest
                    .iter()
                    .take_while(|&&b| !matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .copied()
                    .collect();
                if let Some(encoding) = std::str::from_utf8(&value).ok().and_then(label) {
                    // A meta tag cannot declare UTF-16 for bytes we could read
                    // it from: browsers take UTF-8 then.
                    return Some(
                        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                            UTF_8
                        } else {
                            encoding
                        },
                    );
                }
            }
        }
        from = end.max(start + 1);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

/// The charset parameter of a Content-Type header value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(s).0.into_owned()
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_label() {
        let page = "<meta charset=gb2312><p>微短剧出海</p>".as_bytes();
        let d = decode_html(page, Some("gb2312"), None);
        assert_eq!(d.evidence, Evidence::ValidUtf8);
        assert!(d.text.contains("微短剧出海"));
    }

    #[test]
    fn gbk_bytes_decode_by_http_label_meta_label_or_guess() {
        let body = "<html><head><title>国家广播电视总局</title></head><body><p>\
            国家广播电视总局发布通知，推动微短剧行业健康发展，鼓励优秀作品走向海外市场。\
            </p></body></html>";
        let bytes = gbk(body);
        let d = decode_html(&bytes, Some("GB2312"), None);
        assert_eq!((d.evidence, d.encoding), (Evidence::HttpCharset, GB18030));
        assert_eq!(d.text, body);

        let with_meta = [
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">".as_slice(),
            &bytes,
        ]
        .concat();
        let d = decode_html(&with_meta, None, None);
        assert_eq!(d.evidence, Evidence::MetaCharset);
        assert!(d.text.ends_with(body));

        let d = decode_html(&bytes, None, Some("www.nrta.gov.cn"));
        assert_eq!(d.evidence, Evidence::Detected);
        assert_eq!(d.text, body, "guessed {}", d.encoding.name());
    }

    #[test]
    fn big5_and_boms_and_malformed_bytes() {
        let text = "微短劇出海，國家廣播電視總局鼓勵優秀作品走向世界，新聞報導指出市場規模擴大。";
        let big5 = encoding_rs::BIG5.encode(text).0.into_owned();
        let d = decode_html(&big5, Some("big5"), None);
        assert_eq!(d.text, text);
        let d = decode_html(&big5, None, Some("example.tw"));
        assert_eq!(d.text, text, "guessed {}", d.encoding.name());

        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("abc".as_bytes());
        let d = decode_html(&bom, Some("iso-8859-1"), None);
        assert_eq!((d.evidence, d.text.as_str()), (Evidence::Bom, "abc"));

        let mut broken = gbk("国家广电总局");
        broken.insert(4, 0xFF);
        let d = decode_html(&broken, Some("gbk"), None);
        assert_eq!(d.first_error, Some(4));
        assert!(d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn a_gbk_page_labelled_utf8_is_decoded_as_gbk() {
        let body = "<html><head><title>微短剧出海</title></head><body><p>\
            国家广播电视总局发布通知，鼓励优秀微短剧作品走向海外市场，推动中华文化传播。\
            </p></body></html>";
        let bytes = gbk(body);
        let d = decode_html(&bytes, Some("utf-8"), Some("127.0.0.1"));
        assert_eq!((d.evidence, d.encoding), (Evidence::Detected, GB18030));
        assert_eq!((d.text.as_str(), d.first_error), (body, None));
        // The declaration the bytes belie is told, with where they do.
        let not_utf8 = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
        assert!((19..=25).contains(&not_utf8), "in the title: {not_utf8}");
        assert_eq!(d.utf8_declared_but_not_at, Some(not_utf8));

        let with_meta = [b"<meta charset=utf-8>".as_slice(), &bytes].concat();
        let d = decode_html(&with_meta, None, None);
        assert_eq!(d.evidence, Evidence::Detected, "a <meta> UTF-8 label too");
        assert!(d.text.ends_with(body));

        // The HTTP header says UTF-8, the document says GBK: the document.
        let with_meta = [b"<meta charset=gbk>".as_slice(), &bytes].concat();
        let d = decode_html(&with_meta, Some("utf-8"), None);
        assert_eq!((d.evidence, d.encoding), (Evidence::MetaCharset, GB18030));
        assert!(d.text.ends_with(body));
    }

    #[test]
    fn utf8_with_a_few_stray_bytes_stays_utf8_with_replacements() {
        let text = "<p>The ministry’s plan — a “cultural export” push — names café chains, \
            Zürich and São Paulo among the partners; officials said the naïve view is wrong.</p>";
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(3, 0xFF);
        bytes.extend_from_slice(b"<p>end \xC3 of \x92 page</p>");
        let d = decode_html(&bytes, Some("utf-8"), None);
        assert_eq!((d.evidence, d.encoding), (Evidence::HttpCharset, UTF_8));
        assert_eq!(d.first_error, Some(3));
        assert!(d.text.contains("ministry’s plan — a “cultural export”"));
        assert_eq!(d.text.matches('\u{FFFD}').count(), 3, "{}", d.text);

        let with_meta = [b"<meta charset=utf-8>".as_slice(), &bytes].concat();
        let d = decode_html(&with_meta, None, None);
        assert_eq!((d.evidence, d.encoding), (Evidence::MetaCharset, UTF_8));
        assert!(d.text.contains("Zürich and São Paulo"));

        // ASCII with Latin-1 bytes and no UTF-8 at all: the label was wrong.
        let d = decode_html(
            b"<p>caf\xE9 au lait, cr\xE8me br\xFBl\xE9e</p>",
            Some("utf-8"),
            None,
        );
        assert_eq!(d.evidence, Evidence::Detected);
        assert_eq!(d.text, "<p>café au lait, crème brûlée</p>");
    }

    #[test]
    fn charset_parameters_and_odd_meta_tags() {
        assert_eq!(charset_param("text/html; charset=\"GBK\""), Some("GBK"));
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(
            meta_charset(b"<META CHARSET='Big5'>"),
            Some(encoding_rs::BIG5)
        );
        assert_eq!(meta_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(meta_charset(b"<meta name=x><meta charset=bogus>"), None);
        assert_eq!(meta_charset(b"<meta"), None);
    }
}
