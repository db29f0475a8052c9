//! Build script: the fingerprint of the shipped English attribution model
//! (the first 12 hex digits of its SHA-256), computed once here instead of
//! on every run. Hashing the 5.7 MB model took about 0.3 G instructions, a
//! tenth of a second, on the first page of every `ingest` (BENCHMARKS.md).

use sha2::Digest;

const MODEL: &str = "models/attribution-en.model";

fn main() {
    println!("cargo::rerun-if-changed={MODEL}");
    println!("cargo::rerun-if-changed=build.rs");
    let bytes = std::fs::read(MODEL).unwrap_or_else(|e| panic!("reading {MODEL}: {e}"));
    let digest = sha2::Sha256::digest(&bytes);
    let print: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    println!("cargo::rustc-env=CLAIMGRAPH_MODEL_FINGERPRINT={print}");
}
