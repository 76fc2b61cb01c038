//! The crossed DAFO matrix (TOWS): strategies that pair a factor of two quadrants.

use serde::{Deserialize, Serialize};

use super::edit::{Edit, ListOp};
use super::quadrant::Quadrant;
use super::session::Session;
use super::text::clean_text;

/// The four crossed strategies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Crossed {
    /// F×O: use strengths to seize opportunities (ofensivas).
    FO,
    /// D×O: use opportunities to fix weaknesses (de reorientación).
    DO,
    /// F×A: use strengths to face threats (defensivas).
    FA,
    /// D×A: limit damage where weak and threatened (de supervivencia).
    DA,
}

impl Crossed {
    /// Grid order of the crossed matrix: internal across, external down.
    pub const ALL: [Crossed; 4] = [Crossed::FO, Crossed::DO, Crossed::FA, Crossed::DA];

    /// The internal and the external quadrant it pairs.
    pub fn quadrants(self) -> [Quadrant; 2] {
        match self {
            Crossed::FO => [Quadrant::Strengths, Quadrant::Opportunities],
            Crossed::DO => [Quadrant::Weaknesses, Quadrant::Opportunities],
            Crossed::FA => [Quadrant::Strengths, Quadrant::Threats],
            Crossed::DA => [Quadrant::Weaknesses, Quadrant::Threats],
        }
    }

    /// ID prefix: `FO1`, `DA2`...
    pub fn prefix(self) -> &'static str {
        match self {
            Crossed::FO => "FO",
            Crossed::DO => "DO",
            Crossed::FA => "FA",
            Crossed::DA => "DA",
        }
    }

    pub fn index(self) -> usize {
        Crossed::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
}

/// A crossed strategy: one factor of each of its two quadrants, and what to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    pub id: String,
    pub kind: Crossed,
    /// The internal factor's ID, then the external one's.
    pub factors: [String; 2],
    pub text: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    /// Set by the git merge driver when two versions of this strategy clash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<super::conflict::Conflict>,
    /// The línea it is placed in, if any (format version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Session {
    /// The strategies of one kind, with their positions in `strategies`.
    pub fn strategies_of(&self, kind: Crossed) -> impl Iterator<Item = (usize, &Strategy)> {
        self.strategies.iter().enumerate().filter(move |(_, s)| s.kind == kind)
    }

    /// A new strategy pairing two factors. `None` for empty text or factors
    /// that are not in the right quadrants.
    pub fn add_strategy(&mut self, kind: Crossed, internal: &str, external: &str, text: &str) -> Option<Edit> {
        let text = clean_text(text);
        let [qi, qe] = kind.quadrants();
        let fits = |id: &str, q| self.find_factor(id).is_some_and(|(found, _)| found == q);
        if text.is_empty() || !fits(internal, qi) || !fits(external, qe) {
            return None;
        }
        let n = self.bump(kind.prefix());
        let strategy = Strategy {
            id: format!("{}{n}", kind.prefix()),
            kind,
            factors: [internal.to_owned(), external.to_owned()],
            text,
            votes: 0,
            conflict: None,
            line: None,
        };
        Some(Edit::Strategy(ListOp::Insert(self.strategies.len(), strategy)))
    }

    /// Rewords strategy `i`.
    pub fn reword_strategy(&self, i: usize, text: &str) -> Option<Edit> {
        let text = clean_text(text);
        let old = self.strategies.get(i)?;
        (!text.is_empty() && text != old.text)
            .then(|| Edit::Strategy(ListOp::Replace(i, Strategy { text, ..old.clone() })))
    }

    /// Adds `delta` votes to strategy `i` (never below zero).
    pub fn vote_strategy(&self, i: usize, delta: i32) -> Option<Edit> {
        let old = self.strategies.get(i)?;
        let votes = old.votes.saturating_add_signed(delta);
        (votes != old.votes).then(|| Edit::Strategy(ListOp::Replace(i, Strategy { votes, ..old.clone() })))
    }

    /// Removes strategy `i`.
    pub fn delete_strategy(&self, i: usize) -> Option<Edit> {
        self.strategies.get(i)?;
        Some(Edit::Strategy(ListOp::Remove(i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    #[test]
    fn a_strategy_pairs_factors_of_its_two_quadrants() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        for (q, t) in [(Quadrant::Strengths, "Red de centros"), (Quadrant::Opportunities, "Fondos europeos")] {
            let e = s.add_factor(q, t).unwrap();
            s.apply(e).unwrap();
        }
        assert!(s.add_strategy(Crossed::FO, "O1", "F1", "x").is_none(), "order matters");
        assert!(s.add_strategy(Crossed::DA, "F1", "O1", "x").is_none(), "wrong kind");
        let e = s.add_strategy(Crossed::FO, "F1", "O1", "Proyecto europeo de la red").unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.strategies[0].id, "FO1");
        assert_eq!(s.strategies_of(Crossed::FO).count(), 1);
        assert_eq!(s.strategies_of(Crossed::DO).count(), 0);
    }
}
