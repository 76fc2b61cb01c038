//! How alike two factor texts are: the one measure `diff` and `merge` share,
//! with its thresholds.
//!
//! The score is the Sørensen-Dice coefficient of the character bigrams of both
//! texts, made safe, without accents and lower-cased (0 = nothing shared, 1 =
//! same text).
//! - At least [`SAME`]: the same factor, reworded ("Listas de espera en
//!   dependencia" / "Listas de espera en la dependencia"). `diff` pairs such
//!   factors; `merge` joins them into one.
//! - From [`GREY`] up to [`SAME`]: maybe the same, maybe not. `merge` keeps such
//!   pairs apart and reports them, or joins them with `--accept-similar`.
//! - Below [`GREY`]: different factors.

use super::text::display_safe;

/// Texts at least this similar are taken as the same factor reworded.
pub const SAME: f64 = 0.6;
/// Texts at least this similar, and below [`SAME`], are a pair for the room to judge.
pub const GREY: f64 = 0.55;

/// Which side of the thresholds a score falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Likeness {
    Same,
    Grey,
    Different,
}

impl Likeness {
    pub fn of(score: f64) -> Likeness {
        if score >= SAME {
            Likeness::Same
        } else if score >= GREY {
            Likeness::Grey
        } else {
            Likeness::Different
        }
    }
}

/// Drawable text folded ([`super::text::fold`]): `Acción` and `accion` are the same word.
fn fold(text: &str) -> String {
    super::text::fold(&display_safe(text))
}

/// How alike two texts are, 0 (nothing shared) to 1 (same words).
pub fn similarity(a: &str, b: &str) -> f64 {
    Profile::new(a).score(&Profile::new(b))
}

/// A text made ready to be compared many times: folded once, its character
/// pairs (spaces left out) counted once. [`Profile::score`] gives what
/// [`similarity`] gives, to the last bit; `merge` compares thousands of texts
/// against each other and builds each profile once.
#[derive(Debug, Clone)]
pub struct Profile {
    folded: String,
    /// The folded text without white space: what the pairs are taken from.
    squeezed: String,
    /// Every character pair of `squeezed`, as [`pair_code`], sorted (repeats kept).
    pairs: Vec<u64>,
}

/// One character pair as one number, for sorting and comparing.
fn pair_code(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl Profile {
    pub fn new(text: &str) -> Profile {
        let folded = fold(text);
        let squeezed: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
        let chars: Vec<char> = squeezed.chars().collect();
        let mut pairs: Vec<u64> = chars.windows(2).map(|w| pair_code(w[0], w[1])).collect();
        pairs.sort_unstable();
        Profile { folded, squeezed, pairs }
    }

    /// The Sørensen-Dice score against `other`: `strsim::sorensen_dice` on the
    /// folded texts (spaces ignored, a text under two characters shares nothing
    /// unless equal), counted on the sorted pairs instead of a hash map.
    pub fn score(&self, other: &Profile) -> f64 {
        if self.folded == other.folded || self.squeezed == other.squeezed {
            return 1.0;
        }
        let (la, lb) = (self.squeezed.len(), other.squeezed.len());
        if la < 2 || lb < 2 {
            return 0.0;
        }
        (2 * self.shared(other)) as f64 / (la + lb - 2) as f64
    }

    /// How many character pairs both texts have (a repeated pair counts as
    /// often as both have it).
    fn shared(&self, other: &Profile) -> usize {
        let (a, b) = (&self.pairs, &other.pairs);
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    /// The sorted character pairs (repeats kept).
    pub fn pairs(&self) -> &[u64] {
        &self.pairs
    }

    /// The length that [`Profile::score`] divides by: the folded text's bytes
    /// without spaces. Folded text is ASCII, so it is also the number of pairs plus one.
    pub fn squeezed_len(&self) -> usize {
        self.squeezed.len()
    }

    /// The folded text without spaces: two texts equal here score 1.
    pub fn squeezed(&self) -> &str {
        &self.squeezed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_sort_pairs() {
        let same = similarity("Listas de espera en dependencia", "Listas de espera en la dependencia");
        assert_eq!(Likeness::of(same), Likeness::Same, "{same}");
        let other = similarity("Listas de espera en dependencia", "Fondos europeos para vivienda");
        assert_eq!(Likeness::of(other), Likeness::Different, "{other}");
        assert_eq!(similarity("ÁBACO", "abaco"), 1.0);
        assert_eq!(Likeness::of(0.57), Likeness::Grey);
    }

    /// The measure as it was: fold both texts, then `strsim`'s hash maps.
    fn oracle(a: &str, b: &str) -> f64 {
        let (a, b) = (fold(a), fold(b));
        if a == b { 1.0 } else { strsim::sorensen_dice(&a, &b) }
    }

    #[test]
    fn profiles_score_as_strsim_on_edge_cases() {
        let texts = ["", "a", "A", " a ", "ab", "a b", "aa", "aaa", "Ñu", "ñu", "\u{1b}[2Jx", "es es es", "sese"];
        for a in texts {
            for b in texts {
                assert_eq!(similarity(a, b).to_bits(), oracle(a, b).to_bits(), "{a:?} {b:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn profiles_score_as_strsim(a in "[a-eñÁ \t\u{1b}\u{300}\u{4e2d}]{0,12}", b in "[a-eñÁ \t\u{1b}\u{300}\u{4e2d}]{0,12}") {
            proptest::prop_assert_eq!(similarity(&a, &b).to_bits(), oracle(&a, &b).to_bits());
        }

        #[test]
        fn profiles_score_as_strsim_on_any_text(a in "\\PC{0,30}", b in "\\PC{0,30}") {
            proptest::prop_assert_eq!(similarity(&a, &b).to_bits(), oracle(&a, &b).to_bits());
        }
    }
}
