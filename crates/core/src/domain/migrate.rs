//! Migrations of older sessions: format version 4 renames Afrontar actions
//! `A1` → `AF1`, so that no action shares an ID with a threat.

use super::came::Came;
use super::plan::Source;
use super::rules::ItemId;
use super::session::Session;

/// The first format version where Afrontar actions are `AF1`, `AF2`…
pub const AF_ACTIONS_SINCE: u32 = 4;

/// The stored ID an old action ID maps to: `A3` → `AF3` for an Afrontar action;
/// every other ID is unchanged. Used by the migration and by importers reading
/// the action sections of older exports.
pub fn renamed_action_id(c: Came, id: &str) -> String {
    match ItemId::try_from(id) {
        Ok(i) if i.prefix() == c.legacy_prefix() && c.legacy_prefix() != c.prefix() => {
            ItemId::new(c.prefix(), i.number()).to_string()
        }
        _ => id.to_owned(),
    }
}

impl Session {
    /// Brings a session read from a file of format `version` up to date: renames
    /// Afrontar actions `A<n>` → `AF<n>` and rewrites every reference to them (the
    /// retos' sources and the yearly reviews; links and strategies point at factors, which keep their IDs,
    /// and an action's plan placement is stored on the action itself). Returns the
    /// renames made, old → new, in order.
    pub fn migrate_from(&mut self, version: u32) -> Vec<(String, String)> {
        if version >= AF_ACTIONS_SINCE {
            return Vec::new();
        }
        let mut renames = Vec::new();
        for a in self.actions_mut(Came::Confront) {
            let new = renamed_action_id(Came::Confront, &a.id);
            if new != a.id {
                renames.push((std::mem::replace(&mut a.id, new.clone()), new));
            }
        }
        for reto in &mut self.challenges {
            for source in &mut reto.from {
                if let Source::Action(id) = source
                    && let Some((_, new)) = renames.iter().find(|(old, _)| old == id)
                {
                    *id = new.clone();
                }
            }
        }
        for review in &mut self.reviews {
            if let Some((_, new)) = renames.iter().find(|(old, _)| *old == review.action) {
                review.action = new.clone();
            }
        }
        renames
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CameAction, Challenge, Quadrant};
    use jiff::Timestamp;

    #[test]
    fn afrontar_actions_are_renamed_and_references_follow() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let e = s.add_factor(Quadrant::Threats, "Despoblación").unwrap();
        s.apply(e).unwrap();
        s.confront.push(CameAction::new("A1", "Mesa con el Ayuntamiento", vec!["A1".into()]));
        s.correct.push(CameAction::new("C1", "Ventanilla", vec![]));
        s.challenges.push(Challenge {
            id: "R1".into(),
            text: "Frenar la despoblación".into(),
            from: vec![Source::Factor("A1".into()), Source::Action("A1".into()), Source::Action("C1".into())],
        });
        s.reviews.push(crate::domain::ActionReview {
            action: "A1".into(),
            year: 2024,
            degree: Default::default(),
            status: Default::default(),
            note: None,
            committed: None,
            paid: None,
        });
        let renames = s.migrate_from(3);
        assert_eq!(renames, [("A1".to_owned(), "AF1".to_owned())]);
        assert_eq!(s.confront[0].id, "AF1");
        assert_eq!(s.confront[0].links, ["A1"], "links name the threat, which keeps its ID");
        assert_eq!(s.threats[0].id, "A1");
        assert_eq!(
            s.challenges[0].from,
            [Source::Factor("A1".into()), Source::Action("AF1".into()), Source::Action("C1".into())]
        );
        assert_eq!(s.reviews[0].action, "AF1", "the yearly review follows its action");
        assert!(s.migrate_from(4).is_empty());
    }

    #[test]
    fn only_afrontar_ids_change() {
        assert_eq!(renamed_action_id(Came::Confront, "A7"), "AF7");
        assert_eq!(renamed_action_id(Came::Confront, "AF7"), "AF7");
        assert_eq!(renamed_action_id(Came::Correct, "C2"), "C2");
        assert_eq!(renamed_action_id(Came::Confront, "weird"), "weird");
    }
}
