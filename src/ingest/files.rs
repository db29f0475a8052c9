//! Pages from local files: `.html`, `.htm` and `.html.gz` files, directories
//! of them (recursively, in name order), read with a size cap that applies
//! to the decompressed bytes too (a small gzip file can inflate to gigabytes).

use crate::{Error, Result};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Default cap on a page's size: 10 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 10 << 20;

/// Whether `path` names a page file.
pub fn is_page_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    [".html", ".htm", ".html.gz", ".htm.gz", ".xhtml"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// The page files of `inputs`: files as given, directories searched
/// recursively for page files (symlink loops and unreadable entries come
/// back as errors, in place).
pub fn page_files(inputs: &[PathBuf]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut seen = std::collections::HashSet::new();
            let before = out.len();
            walk(input, &mut out, &mut seen);
            // A directory with no page in it is a mistake worth naming
            // (the wrong directory, pages saved under another extension).
            if out.len() == before {
                out.push(Err(Error::invalid(
                    input,
                    None,
                    "no page files in this directory (.html, .htm, .xhtml, .html.gz, .htm.gz)",
                )));
            }
        } else {
            out.push(Ok(input.clone()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf>>, seen: &mut std::collections::HashSet<PathBuf>) {
    let real = match dir.canonicalize() {
        Ok(r) => r,
        Err(e) => return out.push(Err(Error::io(dir, e))),
    };
    if !seen.insert(real) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return out.push(Err(Error::io(dir, e))),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, out, seen);
        } else if is_page_file(&path) {
            out.push(Ok(path));
        }
    }
}

/// Reads a page file, un-gzipping `.gz` files, refusing more than
/// `max_bytes` (before or after decompression).
pub fn read_page(path: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let mut out = Vec::new();
    let read = if gz {
        flate2::read::GzDecoder::new(file)
            .take(max_bytes + 1)
            .read_to_end(&mut out)
    } else {
        file.take(max_bytes + 1).read_to_end(&mut out)
    };
    read.map_err(|e| {
        let corrupt = !matches!(
            e.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied
        );
        if gz && corrupt {
            // Said as what it is: the decompression failed, and how far it
            // had got (the error keeps its kind, so --report counts it as
            // a decode error).
            let message = format!(
                "not a readable gzip file ({e}) after {} decompressed bytes",
                out.len()
            );
            Error::io(path, std::io::Error::new(e.kind(), message))
        } else {
            Error::io(path, e)
        }
    })?;
    if out.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            path: path.into(),
            limit: max_bytes,
            decompressed: gz,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn caps_apply_after_decompression_and_bad_gzip_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let bomb = dir.path().join("bomb.html.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![b' '; 2 << 20]).unwrap();
        std::fs::write(&bomb, gz.finish().unwrap()).unwrap();
        assert!(std::fs::metadata(&bomb).unwrap().len() < 10_000);
        let err = read_page(&bomb, 1 << 20).unwrap_err().to_string();
        assert!(
            err.contains("bomb.html.gz") && err.contains("decompressed"),
            "{err}"
        );
        assert_eq!(read_page(&bomb, 4 << 20).unwrap().len(), 2 << 20);

        let bad = dir.path().join("bad.html.gz");
        std::fs::write(&bad, b"not gzip at all").unwrap();
        let err = read_page(&bad, 1 << 20).unwrap_err().to_string();
        assert!(
            err.contains("bad.html.gz") && err.contains("not a readable gzip file"),
            "{err}"
        );
        // Cut short: how far it got.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&b"<p>micro-drama</p>".repeat(10_000)).unwrap();
        let whole = gz.finish().unwrap();
        std::fs::write(&bad, &whole[..whole.len() / 2]).unwrap();
        let err = read_page(&bad, 1 << 20).unwrap_err().to_string();
        assert!(
            err.contains("not a readable gzip file") && err.contains("decompressed bytes"),
            "{err}"
        );

        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.htm"), b"<p>x").unwrap();
        std::fs::write(dir.path().join("sub/notes.txt"), b"x").unwrap();
        let found: Vec<PathBuf> = page_files(&[dir.path().to_owned()])
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
        let names: Vec<String> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["bad.html.gz", "bomb.html.gz", "a.htm"]);
        // A directory without pages is named as an error.
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        std::fs::write(empty.join("notes.txt"), b"x").unwrap();
        let found = page_files(std::slice::from_ref(&empty));
        assert_eq!(found.len(), 1);
        let err = found[0].as_ref().unwrap_err().to_string();
        assert!(
            err.contains("empty") && err.contains("no page files"),
            "{err}"
        );
    }
}
