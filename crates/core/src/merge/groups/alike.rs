//! Which factors of different groups may say the same thing: every pair whose
//! best score reaches the grey zone, found without scoring every pair.
//!
//! A score is a function of the folded text without spaces (the "key"), and
//! groups repeat one another: each distinct key is scored once, against the
//! keys whose length allows [`GREY`] (keys sorted by length: a window, not
//! every key). A score is 2·shared / (la + lb − 2) with shared ≤ the smaller
//! count of character pairs, so a pair of keys is scored only if a cheap upper
//! bound of its shared pairs reaches [`GREY`]: the most frequent pairs are bits
//! of a small bitset (one AND and a popcount per word), the rare ones counted
//! apart. Only the pairs that pass are scored, exactly as [`Profile::score`]
//! does, so the result is what scoring every pair gives, to the last bit.

use std::collections::HashMap;

use super::Item;
use crate::domain::similarity::{GREY, Profile};

/// A little under [`GREY`]: bounds taken against it keep every pair that
/// could reach [`GREY`], whatever the rounding.
const LOW: f64 = GREY - 1e-9;

/// Words of the bitset: the 1,024 most frequent character pairs are bits.
const WORDS: usize = 16;

/// Every pair of items from different inputs whose best score (over all their
/// wordings) reaches [`GREY`], as (i, j, score) with i < j, in (i, j) order.
pub(super) fn alike(items: &[Item]) -> Vec<(usize, usize, f64)> {
    // Distinct keys, each with the items that have a wording of it.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut keys: Vec<(&Profile, Vec<usize>)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        for p in &item.profiles {
            let k = *index.entry(p.squeezed()).or_insert_with(|| {
                keys.push((p, Vec::new()));
                keys.len() - 1
            });
            if keys[k].1.last() != Some(&i) {
                keys[k].1.push(i);
            }
        }
    }
    let profiles: Vec<&Profile> = keys.iter().map(|(p, _)| *p).collect();
    // Every (item, item, score) of a wording pair that reaches GREY; an item with
    // several wordings may appear more than once: its best score is kept.
    let mut found: Vec<(usize, usize, f64)> = Vec::new();
    let mut note = |a: &[usize], b: &[usize], score: f64| {
        for &x in a {
            for &y in b {
                if x < y && items[x].input != items[y].input {
                    found.push((x, y, score));
                } else if y < x && items[x].input != items[y].input {
                    found.push((y, x, score));
                }
            }
        }
    };
    // Equal keys score 1 (each pair once: x < y).
    for (_, members) in &keys {
        for (n, &x) in members.iter().enumerate() {
            note(&[x], &members[n + 1..], 1.0);
        }
    }
    for (a, b, score) in scored_keys(&profiles) {
        note(&keys[a].1, &keys[b].1, score);
    }
    found.sort_unstable_by_key(|&(i, j, _)| (i, j));
    let mut out: Vec<(usize, usize, f64)> = Vec::with_capacity(found.len());
    for (i, j, score) in found {
        match out.last_mut() {
            Some(last) if (last.0, last.1) == (i, j) => last.2 = last.2.max(score),
            _ => out.push((i, j, score)),
        }
    }
    out
}

/// Whether two texts of `na` and `nb` character pairs could score [`GREY`]:
/// they share at most the smaller count.
fn lengths_allow(na: usize, nb: usize) -> bool {
    2.0 * na.min(nb) as f64 >= LOW * (na + nb) as f64
}

/// Whether `shared` character pairs could give [`GREY`]: the score divides by
/// the bytes of both keys less 2, never less than `na + nb`.
fn enough(shared: usize, na: usize, nb: usize) -> bool {
    2.0 * shared as f64 >= LOW * (na + nb) as f64
}

/// A key's character pairs for the bound: the frequent ones as bits, the rare
/// ones as sorted token numbers, and how many there are in all.
struct Bits {
    common: [u64; WORDS],
    rare: Vec<u32>,
    n: usize,
}

impl Bits {
    /// Exactly how many character pairs two keys share, if that could reach [`GREY`].
    fn shared(&self, other: &Bits) -> Option<usize> {
        let common: u32 = self.common.iter().zip(&other.common).map(|(a, b)| (a & b).count_ones()).sum();
        let common = common as usize;
        if !enough(common + self.rare.len().min(other.rare.len()), self.n, other.n) {
            return None;
        }
        let (a, b) = (&self.rare, &other.rare);
        let (mut i, mut j, mut rare) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    rare += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        enough(common + rare, self.n, other.n).then_some(common + rare)
    }
}

/// Every pair of distinct keys (a, b) scoring [`GREY`] or more, with the score.
fn scored_keys(keys: &[&Profile]) -> Vec<(usize, usize, f64)> {
    // A repeated character pair is a new token each time it repeats ("es" once,
    // "es" twice…), so that shared tokens count shared pairs as the score does.
    let mut ids: HashMap<(u64, u32), u32> = HashMap::new();
    let tokens: Vec<Vec<u32>> = keys
        .iter()
        .map(|p| {
            let mut last = None;
            let mut nth = 0u32;
            p.pairs()
                .iter()
                .map(|&code| {
                    nth = if last == Some(code) { nth + 1 } else { 0 };
                    last = Some(code);
                    let next = ids.len() as u32;
                    *ids.entry((code, nth)).or_insert(next)
                })
                .collect()
        })
        .collect();
    // The most frequent tokens become bits.
    let mut frequency = vec![0u32; ids.len()];
    for t in tokens.iter().flatten() {
        frequency[*t as usize] += 1;
    }
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.sort_unstable_by_key(|&t| (std::cmp::Reverse(frequency[t as usize]), t));
    let mut rank = vec![0u32; ids.len()];
    for (r, &t) in order.iter().enumerate() {
        rank[t as usize] = r as u32;
    }
    let bits: Vec<Bits> = tokens
        .iter()
        .map(|mine| {
            let mut b = Bits { common: [0; WORDS], rare: Vec::new(), n: mine.len() };
            for &t in mine {
                let r = rank[t as usize] as usize;
                if r < WORDS * 64 {
                    b.common[r / 64] |= 1 << (r % 64);
                } else {
                    b.rare.push(r as u32);
                }
            }
            b.rare.sort_unstable();
            b
        })
        .collect();
    // Keys by length: each is set against the next ones while lengths allow.
    let mut by_len: Vec<usize> = (0..keys.len()).filter(|&k| bits[k].n > 0).collect();
    by_len.sort_unstable_by_key(|&k| bits[k].n);
    let mut out = Vec::new();
    for (pos, &a) in by_len.iter().enumerate() {
        for &b in &by_len[pos + 1..] {
            if !lengths_allow(bits[a].n, bits[b].n) {
                break;
            }
            if bits[a].shared(&bits[b]).is_some() {
                let score = keys[a].score(keys[b]);
                if score >= GREY {
                    out.push((a.min(b), a.max(b), score));
                }
            }
        }
    }
    out
}
