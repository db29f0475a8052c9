//! Build script: the shipped English attribution model, made ready at
//! build time instead of on every run.
//!
//! - Its fingerprint (the first 12 hex digits of its SHA-256): hashing the
//!   5.7 MB file on the first page of every `ingest` took 0.3 G
//!   instructions on a CPU without SHA instructions (and under callgrind),
//!   a few milliseconds on one with them.
//! - A copy with both taggers inflated (`OUT_DIR/attribution-en.inflated`,
//!   layout in `src/attribute/model.rs`): inflating cost about 0.4 G
//!   instructions whenever the model was loaded. The repository keeps the
//!   deflated file, half the size.

use flate2::read::DeflateDecoder;
use sha2::Digest;
use std::io::Read;

const MODEL: &str = "models/attribution-en.model";

fn main() {
    println!("cargo::rerun-if-changed={MODEL}");
    println!("cargo::rerun-if-changed=build.rs");
    let bytes = std::fs::read(MODEL).unwrap_or_else(|e| panic!("reading {MODEL}: {e}"));
    let digest = sha2::Sha256::digest(&bytes);
    let print: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    println!("cargo::rustc-env=CLAIMGRAPH_MODEL_FINGERPRINT={print}");

    // Magic (8 bytes), cue bias (4), length of the cue tagger (8), the cue
    // tagger, the role tagger; the taggers deflated.
    assert!(
        bytes.len() > 20 && &bytes[..8] == b"CGATTR01",
        "{MODEL}: not a model file"
    );
    let n = u64::from_le_bytes(bytes[12..20].try_into().unwrap()) as usize;
    assert!(20 + n <= bytes.len(), "{MODEL}: truncated");
    let inflate = |part: &[u8]| {
        let mut raw = Vec::new();
        DeflateDecoder::new(part)
            .read_to_end(&mut raw)
            .unwrap_or_else(|e| panic!("{MODEL}: {e}"));
        raw
    };
    let cue = inflate(&bytes[20..20 + n]);
    let role = inflate(&bytes[20 + n..]);
    let mut out = Vec::with_capacity(20 + cue.len() + role.len());
    out.extend_from_slice(b"CGATTRI1");
    out.extend_from_slice(&bytes[8..12]);
    out.extend_from_slice(&(cue.len() as u64).to_le_bytes());
    out.extend_from_slice(&cue);
    out.extend_from_slice(&role);
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = std::path::Path::new(&dir).join("attribution-en.inflated");
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}
