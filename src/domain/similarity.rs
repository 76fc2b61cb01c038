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
    let (a, b) = (fold(a), fold(b));
    if a == b { 1.0 } else { strsim::sorensen_dice(&a, &b) }
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
}
