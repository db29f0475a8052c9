//! Build script: the shipped English attribution model, made ready at
//! build time instead of on every run.
//!
//! - Its fingerprint (the first 12 hex digits of its SHA-256): hashing the
//!   5.7 MB file on the first page of every `ingest` took 0.3 G
//!   instructions on a CPU without SHA instructions (and under callgrind),
//!   a few milliseconds on one with them.
//! - A copy with both taggers inflated (`OUT_DIR/attribution-en.inflated`,
//!   [`layout`]): inflating cost about 0.4 G instructions whenever the
//!   model was loaded. The repository keeps the deflated file, half the
//!   size.

#[path = "src/attribute/layout.rs"]
mod layout;

use flate2::read::DeflateDecoder;
use sha2::Digest;
use std::io::Read;

const MODEL: &str = "models/attribution-en.model";

/// Bytes of the model, evenly spaced, that the crate compares with the
/// file it includes (`attribute::built_from_the_model_checked_out`).
const SAMPLES: usize = 64;

fn main() {
    println!("cargo::rerun-if-changed={MODEL}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/attribute/layout.rs");
    let bytes = std::fs::read(MODEL).unwrap_or_else(|e| panic!("reading {MODEL}: {e}"));
    let digest = sha2::Sha256::digest(&bytes);
    let print: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    println!("cargo::rustc-env=CLAIMGRAPH_MODEL_FINGERPRINT={print}");
    // What the crate checks at compile time against the file it includes
    // itself: a target directory shared by two checkouts can keep this
    // script's output from the other one (cargo reruns it by modification
    // time only), which would embed another model than the one checked out.
    let sample: String = (0..SAMPLES)
        .map(|i| format!("{:02x}", bytes[i * bytes.len() / SAMPLES]))
        .collect();
    println!("cargo::rustc-env=CLAIMGRAPH_MODEL_LEN={}", bytes.len());
    println!("cargo::rustc-env=CLAIMGRAPH_MODEL_SAMPLE={sample}");

    let parts = layout::split(&bytes, layout::MAGIC)
        .unwrap_or_else(|| panic!("{MODEL}: not a model file, or truncated"));
    let inflate = |part: &[u8]| {
        let mut raw = Vec::new();
        DeflateDecoder::new(part)
            .read_to_end(&mut raw)
            .unwrap_or_else(|e| panic!("{MODEL}: {e}"));
        raw
    };
    let (cue, role) = (inflate(parts.cue), inflate(parts.role));
    let inflated = layout::Parts {
        cue_bias: parts.cue_bias,
        cue: &cue,
        role: &role,
    };
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = std::path::Path::new(&dir).join("attribution-en.inflated");
    std::fs::write(&path, layout::join(layout::INFLATED_MAGIC, inflated))
        .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}
