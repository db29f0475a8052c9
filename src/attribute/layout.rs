//! The layout of an English attribution model file, shared with the build
//! script (which includes this file by path, so it uses `std` only).
//!
//! A file is the magic, the cue bias (`f32`), the length of the cue tagger
//! (`u64`), the cue tagger, then the role tagger, little-endian. In a model
//! file ([`MAGIC`]) both taggers are deflated, as
//! `Perceptron::save` writes them; in the build script's copy of the
//! shipped model ([`INFLATED_MAGIC`]) they are inflated, so that loading
//! it costs no inflating.

/// The magic of a model file, taggers deflated.
pub const MAGIC: &[u8; 8] = b"CGATTR01";
/// The magic of the same layout with both taggers inflated.
pub const INFLATED_MAGIC: &[u8; 8] = b"CGATTRI1";

/// Largest cue tagger accepted, in bytes (a hostile length stops here).
const MAX_PART: u64 = 1 << 30;

/// A model file cut into its parts.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    /// The cue bias.
    pub cue_bias: f32,
    /// The cue tagger's bytes.
    pub cue: &'a [u8],
    /// The role tagger's bytes.
    pub role: &'a [u8],
}

/// Cuts `bytes` into its parts, when it starts with `magic`, its bias is a
/// number and its cue tagger fits in it; `None` otherwise.
pub fn split<'a>(bytes: &'a [u8], magic: &[u8; 8]) -> Option<Parts<'a>> {
    let (head, rest) = bytes.split_at_checked(20)?;
    if &head[..8] != magic {
        return None;
    }
    let cue_bias = f32::from_le_bytes(head[8..12].try_into().ok()?);
    let n = u64::from_le_bytes(head[12..20].try_into().ok()?);
    if !cue_bias.is_finite() || n > MAX_PART {
        return None;
    }
    let (cue, role) = rest.split_at_checked(usize::try_from(n).ok()?)?;
    Some(Parts {
        cue_bias,
        cue,
        role,
    })
}

/// The bytes of a file of `parts` under `magic`.
pub fn join(magic: &[u8; 8], parts: Parts<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(20 + parts.cue.len() + parts.role.len());
    out.extend_from_slice(magic);
    out.extend_from_slice(&parts.cue_bias.to_le_bytes());
    out.extend_from_slice(&(parts.cue.len() as u64).to_le_bytes());
    out.extend_from_slice(parts.cue);
    out.extend_from_slice(parts.role);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_round_trip_and_bad_headers_are_refused() {
        let parts = Parts {
            cue_bias: 12.0,
            cue: b"cue",
            role: b"role!",
        };
        let bytes = join(MAGIC, parts);
        let back = split(&bytes, MAGIC).unwrap();
        assert_eq!(
            (back.cue_bias, back.cue, back.role),
            (12.0, &b"cue"[..], &b"role!"[..])
        );
        assert!(split(&bytes, INFLATED_MAGIC).is_none());
        assert!(split(&bytes[..10], MAGIC).is_none());
        // A cue tagger longer than the file, or than any model.
        assert!(split(&bytes[..22], MAGIC).is_none());
        let mut long = bytes.clone();
        long[12..20].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(split(&long, MAGIC).is_none());
        let mut nan = bytes;
        nan[8..12].copy_from_slice(&f32::NAN.to_le_bytes());
        assert!(split(&nan, MAGIC).is_none());
    }
}
