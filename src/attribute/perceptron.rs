//! A structured averaged perceptron: first-order sequence labelling over
//! hashed features, decoded with Viterbi, trained by comparing the best
//! labelling with the gold one and averaging the weights over every step.
//!
//! Features are 64-bit hashes of observations (see [`super::features`]);
//! each selects a row of weights, one per tag, in a table of `2^bits` rows.
//! Transitions between tags (and from the start) have their own weights, and
//! some transitions can be forbidden outright (`I` after `O`). Models are
//! saved as the non-zero averaged weights, deflated.

use std::io::{Read, Write};

/// A trained (or training) model.
#[derive(Debug, Clone)]
pub struct Perceptron {
    tags: usize,
    bits: u32,
    weights: Vec<f32>,
    /// `(tags + 1) × tags`: from each tag, and from the start (last row).
    transitions: Vec<f32>,
    /// Same shape as `transitions`: which moves are allowed.
    allowed: Vec<bool>,
}

/// Why a saved model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a model file, or a different format version.
    #[error("not a claimgraph attribution model (bad header)")]
    BadHeader,
    /// The file ends early or is corrupt.
    #[error("model data is truncated or corrupt: {0}")]
    Corrupt(#[from] std::io::Error),
}

const MAGIC: &[u8; 8] = b"CGPERC01";

/// Rows whose weights are all smaller than this are not saved: they change
/// no decision that matters, and leaving them out keeps the model file small
/// (measured on held-out training articles, EVALUATION.md).
const PRUNE_BELOW: f32 = 0.02;

impl Perceptron {
    /// An empty model with `tags` tags and `2^bits` feature rows, where
    /// `allowed(from, to)` says which transitions may occur (`from` is
    /// `None` at the start of a sequence).
    pub fn new(tags: usize, bits: u32, allowed: impl Fn(Option<usize>, usize) -> bool) -> Self {
        let mut a = vec![false; (tags + 1) * tags];
        for to in 0..tags {
            for from in 0..tags {
                a[from * tags + to] = allowed(Some(from), to);
            }
            a[tags * tags + to] = allowed(None, to);
        }
        Perceptron {
            tags,
            bits,
            weights: vec![0.0; (1usize << bits) * tags],
            transitions: vec![0.0; (tags + 1) * tags],
            allowed: a,
        }
    }

    /// Number of tags.
    pub fn tags(&self) -> usize {
        self.tags
    }

    #[inline]
    fn row(&self, feature: u64) -> usize {
        ((feature >> (64 - self.bits)) as usize) * self.tags
    }

    /// Adds the weights of `features` for every tag into `scores`.
    #[inline]
    pub fn emission(&self, features: &[u64], scores: &mut [f32]) {
        for &f in features {
            let r = self.row(f);
            for (s, w) in scores.iter_mut().zip(&self.weights[r..r + self.tags]) {
                *s += w;
            }
        }
    }

    /// The best tag sequence for per-position emission scores (`n × tags`,
    /// row-major); `fixed[i]`, when set, forces position `i`'s tag.
    pub fn viterbi(&self, emissions: &[f32], fixed: &[Option<usize>]) -> Vec<usize> {
        let t = self.tags;
        let n = emissions.len() / t;
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![f32::NEG_INFINITY; n * t];
        let mut back = vec![0u16; n * t];
        for to in 0..t {
            if self.allowed[t * t + to] && fixed[0].is_none_or(|f| f == to) {
                score[to] = emissions[to] + self.transitions[t * t + to];
            }
        }
        for i in 1..n {
            for to in 0..t {
                if fixed[i].is_some_and(|f| f != to) {
                    continue;
                }
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0;
                for from in 0..t {
                    if !self.allowed[from * t + to] {
                        continue;
                    }
                    let s = score[(i - 1) * t + from] + self.transitions[from * t + to];
                    if s > best {
                        best = s;
                        arg = from;
                    }
                }
                score[i * t + to] = best + emissions[i * t + to];
                back[i * t + to] = arg as u16;
            }
        }
        let mut tag = (0..t)
            .max_by(|&a, &b| score[(n - 1) * t + a].total_cmp(&score[(n - 1) * t + b]))
            .unwrap_or(0);
        let mut path = vec![0; n];
        for i in (0..n).rev() {
            path[i] = tag;
            tag = back[i * t + tag] as usize;
        }
        path
    }

    /// The best tag sequence for a sequence of feature lists.
    pub fn decode(&self, features: &[Vec<u64>], fixed: &[Option<usize>]) -> Vec<usize> {
        let mut emissions = vec![0.0; features.len() * self.tags];
        for (i, f) in features.iter().enumerate() {
            self.emission(f, &mut emissions[i * self.tags..(i + 1) * self.tags]);
        }
        self.viterbi(&emissions, fixed)
    }

    /// Saves the model: non-zero weights only, deflated.
    pub fn save(&self, out: impl Write) -> std::io::Result<()> {
        let mut z = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
        z.write_all(MAGIC)?;
        z.write_all(&(self.tags as u32).to_le_bytes())?;
        z.write_all(&self.bits.to_le_bytes())?;
        for (&w, &a) in self.transitions.iter().zip(&self.allowed) {
            z.write_all(&w.to_le_bytes())?;
            z.write_all(&[a as u8])?;
        }
        // Rows with any weight above the noise, as (row, weights).
        let rows: Vec<usize> = (0..1usize << self.bits)
            .filter(|&r| {
                self.weights[r * self.tags..(r + 1) * self.tags]
                    .iter()
                    .any(|w| w.abs() >= PRUNE_BELOW)
            })
            .collect();
        z.write_all(&(rows.len() as u32).to_le_bytes())?;
        let mut previous = 0usize;
        for r in rows {
            // Rows as deltas, which deflate well.
            z.write_all(&((r - previous) as u32).to_le_bytes())?;
            previous = r;
            for w in &self.weights[r * self.tags..(r + 1) * self.tags] {
                // Half precision is plenty for a perceptron's weights.
                z.write_all(&f16_bits(*w).to_le_bytes())?;
            }
        }
        z.finish()?;
        Ok(())
    }

    /// Reads a model written by [`Perceptron::save`].
    pub fn load(input: impl Read) -> Result<Self, ModelError> {
        // Inflated in one go, then parsed from memory: reading the stream a
        // few bytes at a time cost more than the inflating itself. The cap
        // (beyond any table of 2^26 rows) stops a hostile file early.
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(input)
            .take(1 << 31)
            .read_to_end(&mut raw)?;
        Self::load_inflated(&raw)
    }

    /// Reads what [`Perceptron::save`] wrote, once inflated (the shipped
    /// model is inflated at build time: inflating it was three quarters of
    /// the cost of loading it).
    pub fn load_inflated(raw: &[u8]) -> Result<Self, ModelError> {
        let mut z = raw;
        let mut magic = [0u8; 8];
        z.read_exact(&mut magic)?;
        if &magic != MAGIC {
            return Err(ModelError::BadHeader);
        }
        let tags = read_u32(&mut z)? as usize;
        let bits = read_u32(&mut z)?;
        if tags == 0 || tags > 64 || !(8..=26).contains(&bits) {
            return Err(ModelError::BadHeader);
        }
        let mut m = Perceptron::new(tags, bits, |_, _| true);
        for i in 0..m.transitions.len() {
            let mut b = [0u8; 5];
            z.read_exact(&mut b)?;
            m.transitions[i] = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            m.allowed[i] = b[4] != 0;
        }
        let rows = read_u32(&mut z)? as usize;
        // Each row: its distance from the previous one, then its weights.
        let width = 4 + 2 * tags;
        let data = z
            .get(..rows.saturating_mul(width))
            .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::UnexpectedEof))?;
        let mut r = 0usize;
        for row in data.chunks_exact(width) {
            r = r.saturating_add(u32::from_le_bytes([row[0], row[1], row[2], row[3]]) as usize);
            if r >= 1usize << bits {
                return Err(ModelError::Corrupt(std::io::Error::other(
                    "feature row out of range",
                )));
            }
            let weights = &mut m.weights[r * tags..(r + 1) * tags];
            for (w, c) in weights.iter_mut().zip(row[4..].chunks_exact(2)) {
                *w = f16_value(u16::from_le_bytes([c[0], c[1]]));
            }
        }
        Ok(m)
    }
}

fn read_u32(r: &mut impl Read) -> std::io::Result<u32> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

/// IEEE half precision from single (round to nearest, no subnormals).
fn f16_bits(x: f32) -> u16 {
    let b = x.to_bits();
    let sign = ((b >> 16) & 0x8000) as u16;
    let exp = ((b >> 23) & 0xff) as i32 - 127 + 15;
    if exp <= 0 {
        return sign;
    }
    if exp >= 31 {
        return sign | 0x7bff;
    }
    let mant = b & 0x7f_ffff;
    let mut h = (sign as u32) | ((exp as u32) << 10) | (mant >> 13);
    if mant & 0x1000 != 0 {
        h += 1;
    }
    h.min(0xffff) as u16
}

fn f16_value(h: u16) -> f32 {
    let sign = ((h & 0x8000) as u32) << 16;
    let exp = ((h >> 10) & 0x1f) as u32;
    let mant = (h & 0x3ff) as u32;
    if exp == 0 {
        return f32::from_bits(sign);
    }
    f32::from_bits(sign | ((exp + 127 - 15) << 23) | (mant << 13))
}

/// Trains a [`Perceptron`] one sequence at a time and averages it.
#[derive(Debug)]
pub struct Trainer {
    model: Perceptron,
    /// Sum of each weight over the steps before its last change.
    totals: Vec<f64>,
    stamps: Vec<u32>,
    trans_totals: Vec<f64>,
    trans_stamps: Vec<u32>,
    step: u32,
}

impl Trainer {
    /// Starts from an empty model.
    pub fn new(model: Perceptron) -> Self {
        let n = model.weights.len();
        let m = model.transitions.len();
        Trainer {
            model,
            totals: vec![0.0; n],
            stamps: vec![0; n],
            trans_totals: vec![0.0; m],
            trans_stamps: vec![0; m],
            step: 0,
        }
    }

    /// Learns from one sequence; returns how many positions were wrong.
    pub fn learn(
        &mut self,
        features: &[Vec<u64>],
        gold: &[usize],
        fixed: &[Option<usize>],
    ) -> usize {
        self.step += 1;
        let guess = self.model.decode(features, fixed);
        let wrong = guess.iter().zip(gold).filter(|(a, b)| a != b).count();
        if wrong == 0 {
            return 0;
        }
        let t = self.model.tags;
        for (i, f) in features.iter().enumerate() {
            if guess[i] != gold[i] {
                for &x in f {
                    let r = self.model.row(x);
                    self.bump(r + gold[i], 1.0);
                    self.bump(r + guess[i], -1.0);
                }
            }
            let from = |p: &[usize]| if i == 0 { t } else { p[i - 1] };
            let (gf, pf) = (from(gold), from(&guess));
            if gf != pf || gold[i] != guess[i] {
                self.bump_transition(gf * t + gold[i], 1.0);
                self.bump_transition(pf * t + guess[i], -1.0);
            }
        }
        wrong
    }

    fn bump(&mut self, i: usize, by: f32) {
        let w = &mut self.model.weights[i];
        self.totals[i] += f64::from(*w) * f64::from(self.step - self.stamps[i]);
        self.stamps[i] = self.step;
        *w += by;
    }

    fn bump_transition(&mut self, i: usize, by: f32) {
        let w = &mut self.model.transitions[i];
        self.trans_totals[i] += f64::from(*w) * f64::from(self.step - self.trans_stamps[i]);
        self.trans_stamps[i] = self.step;
        *w += by;
    }

    /// The model as trained so far (not averaged).
    pub fn current(&self) -> &Perceptron {
        &self.model
    }

    /// The averaged model.
    pub fn averaged(&self) -> Perceptron {
        let mut m = self.model.clone();
        let steps = f64::from(self.step.max(1));
        for (i, w) in m.weights.iter_mut().enumerate() {
            let total = self.totals[i] + f64::from(*w) * f64::from(self.step - self.stamps[i]);
            *w = (total / steps) as f32;
        }
        for (i, w) in m.transitions.iter_mut().enumerate() {
            let total =
                self.trans_totals[i] + f64::from(*w) * f64::from(self.step - self.trans_stamps[i]);
            *w = (total / steps) as f32;
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy task: tag 1 on tokens whose feature is 7, forbidden after tag 1.
    #[test]
    fn learns_a_toy_task_respects_constraints_and_round_trips() {
        let f = |v: u64| v.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let data: Vec<(Vec<Vec<u64>>, Vec<usize>)> = (0..50)
            .map(|k| {
                let xs: Vec<u64> = (0..6)
                    .map(|i| if (i + k) % 3 == 0 { 7 } else { i as u64 })
                    .collect();
                let gold = xs.iter().map(|&x| usize::from(x == 7)).collect();
                (xs.into_iter().map(|x| vec![f(x), f(1000)]).collect(), gold)
            })
            .collect();
        let mut t = Trainer::new(Perceptron::new(2, 12, |_, _| true));
        for _ in 0..5 {
            for (x, y) in &data {
                t.learn(x, y, &vec![None; y.len()]);
            }
        }
        let m = t.averaged();
        for (x, y) in &data {
            assert_eq!(&m.decode(x, &vec![None; y.len()]), y);
        }
        // A fixed position is obeyed.
        let (x, y) = &data[0];
        let mut fixed = vec![None; y.len()];
        fixed[1] = Some(1 - y[1]);
        assert_eq!(m.decode(x, &fixed)[1], 1 - y[1]);
        // Save and load give the same decisions.
        let mut bytes = Vec::new();
        m.save(&mut bytes).unwrap();
        let back = Perceptron::load(bytes.as_slice()).unwrap();
        for (x, y) in &data {
            assert_eq!(&back.decode(x, &vec![None; y.len()]), y);
        }
        // A forbidden transition never appears.
        let mut c = Perceptron::new(2, 8, |from, to| !(from == Some(1) && to == 1));
        c.weights
            .iter_mut()
            .skip(1)
            .step_by(2)
            .for_each(|w| *w = 5.0);
        let path = c.decode(&[vec![1], vec![2], vec![3]], &[None, None, None]);
        assert!(
            path.windows(2).all(|w| !(w[0] == 1 && w[1] == 1)),
            "{path:?}"
        );
    }

    #[test]
    fn garbage_is_refused_not_panicked_on() {
        assert!(Perceptron::load(&b"not a model"[..]).is_err());
        let mut bytes = Vec::new();
        Perceptron::new(3, 8, |_, _| true).save(&mut bytes).unwrap();
        bytes.truncate(bytes.len() / 2);
        assert!(Perceptron::load(bytes.as_slice()).is_err());
        // A row beyond the table, and a row count beyond the data.
        let model = |rows: u32, delta: u32| {
            let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
            z.write_all(MAGIC).unwrap();
            z.write_all(&1u32.to_le_bytes()).unwrap();
            z.write_all(&8u32.to_le_bytes()).unwrap();
            z.write_all(&[0u8; 10]).unwrap();
            z.write_all(&rows.to_le_bytes()).unwrap();
            z.write_all(&delta.to_le_bytes()).unwrap();
            z.write_all(&[0, 0x3c]).unwrap();
            z.finish().unwrap()
        };
        assert!(Perceptron::load(model(1, 3).as_slice()).is_ok());
        assert!(Perceptron::load(model(1, 256).as_slice()).is_err());
        assert!(Perceptron::load(model(1, u32::MAX).as_slice()).is_err());
        assert!(Perceptron::load(model(2, 3).as_slice()).is_err());
        assert!(Perceptron::load(model(u32::MAX, 3).as_slice()).is_err());
    }

    #[test]
    fn half_precision_round_trips_closely() {
        for x in [0.0f32, 1.0, -2.5, 0.001, 123.4, -0.0625] {
            let y = f16_value(f16_bits(x));
            assert!((x - y).abs() <= x.abs() * 1e-3 + 1e-4, "{x} -> {y}");
        }
    }
}
