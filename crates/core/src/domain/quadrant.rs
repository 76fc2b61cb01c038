//! The four DAFO quadrants, their grid positions and ID prefixes.

use serde::{Deserialize, Serialize};

/// A DAFO quadrant. The order of [`Quadrant::ALL`] is the grid reading order:
/// internal on top (Fortalezas | Debilidades), external below (Oportunidades | Amenazas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Quadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl Quadrant {
    /// Grid reading order: the keys `1`..`4` focus these.
    pub const ALL: [Quadrant; 4] =
        [Quadrant::Strengths, Quadrant::Weaknesses, Quadrant::Opportunities, Quadrant::Threats];

    /// Position in [`Quadrant::ALL`].
    pub fn index(self) -> usize {
        match self {
            Quadrant::Strengths => 0,
            Quadrant::Weaknesses => 1,
            Quadrant::Opportunities => 2,
            Quadrant::Threats => 3,
        }
    }

    /// The quadrant at a grid position, wrapping around.
    pub fn from_index(i: usize) -> Quadrant {
        Quadrant::ALL[i % 4]
    }

    /// Prefix of factor IDs in this quadrant (Spanish initials: F, D, O, A).
    pub fn prefix(self) -> &'static str {
        match self {
            Quadrant::Strengths => "F",
            Quadrant::Weaknesses => "D",
            Quadrant::Opportunities => "O",
            Quadrant::Threats => "A",
        }
    }

    /// The quadrant whose IDs start with `prefix`.
    pub fn from_prefix(prefix: &str) -> Option<Quadrant> {
        Quadrant::ALL.into_iter().find(|q| q.prefix() == prefix)
    }

    /// Internal factors (Fortalezas, Debilidades) sit on the top row.
    pub fn is_internal(self) -> bool {
        matches!(self, Quadrant::Strengths | Quadrant::Weaknesses)
    }

    /// Grid neighbour in a direction; `None` at the edge.
    pub fn neighbour(self, dx: i8, dy: i8) -> Option<Quadrant> {
        let (col, row) = ((self.index() % 2) as i8, (self.index() / 2) as i8);
        let (c, r) = (col + dx, row + dy);
        ((0..2).contains(&c) && (0..2).contains(&r)).then(|| Quadrant::from_index((r * 2 + c) as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_neighbours() {
        assert_eq!(Quadrant::Strengths.neighbour(1, 0), Some(Quadrant::Weaknesses));
        assert_eq!(Quadrant::Strengths.neighbour(0, 1), Some(Quadrant::Opportunities));
        assert_eq!(Quadrant::Threats.neighbour(-1, -1), Some(Quadrant::Strengths));
        assert_eq!(Quadrant::Strengths.neighbour(-1, 0), None);
        assert_eq!(Quadrant::Threats.neighbour(0, 1), None);
    }

    #[test]
    fn prefixes_round_trip() {
        for q in Quadrant::ALL {
            assert_eq!(Quadrant::from_prefix(q.prefix()), Some(q));
            assert_eq!(Quadrant::from_index(q.index()), q);
        }
    }
}
