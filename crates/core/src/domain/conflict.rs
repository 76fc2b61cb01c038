//! Conflicts left by the git merge driver: an item edited differently on two
//! branches (both versions kept, side by side) or edited on one and deleted on
//! the other. Listing them, and resolving one by keeping a version.

use serde::{Deserialize, Serialize};

use super::came::{Came, CameAction};
use super::clash::{Clash, Key};
use super::edit::{Edit, ListOp};
use super::quadrant::Quadrant;
use super::session::{Factor, Session};
use super::strategy::Strategy;

/// Why an item is marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Conflict {
    /// The other branch's version of the same item is kept under this ID.
    OtherVersion(String),
    /// This branch edited the item, the other one deleted it.
    DeletedElsewhere,
    /// This branch deleted the item, the other one edited it: the other's
    /// edit is what is kept.
    DeletedHere,
}

/// Where a marked item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Factor(Quadrant),
    Action(Came),
    Strategy,
    /// An entry of the plan or the follow-up (see `domain::clash`).
    Plan,
}

/// One marked item, for `dafo check` and the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    pub place: Place,
    pub id: String,
    pub text: String,
    pub conflict: Conflict,
    /// Which plan entry, for [`Place::Plan`] (its `id` is then empty).
    pub clash: Option<Key>,
}

impl Session {
    /// Every item marked as a conflict, in grid order.
    pub fn conflicts(&self) -> Vec<Marked> {
        let mut out = Vec::new();
        let mut push = |place, id: &str, text: &str, c: &Option<Conflict>| {
            if let Some(c) = c {
                let (id, text, conflict) = (id.to_owned(), text.to_owned(), c.clone());
                out.push(Marked { place, id, text, conflict, clash: None });
            }
        };
        for q in Quadrant::ALL {
            for f in self.factors(q) {
                push(Place::Factor(q), &f.id, &f.text, &f.conflict);
            }
        }
        for (c, a) in self.all_actions() {
            push(Place::Action(c), &a.id, &a.text, &a.conflict);
        }
        for s in &self.strategies {
            push(Place::Strategy, &s.id, &s.text, &s.conflict);
        }
        for c in &self.clashes {
            let key = c.key();
            let text = self.version_at(&key).map(|v| v.summary()).unwrap_or_default();
            let conflict = match c {
                Clash::Other(v) => Conflict::OtherVersion(v.summary()),
                Clash::Deleted(_) => Conflict::DeletedElsewhere,
                Clash::DeletedHere(_) => Conflict::DeletedHere,
            };
            out.push(Marked { place: Place::Plan, id: String::new(), text, conflict, clash: Some(key) });
        }
        out
    }

    /// Resolves the conflict of item `id` by keeping it: its mark goes, and
    /// the other version (if any) is removed, references to it following the
    /// kept one. `None` if the item is not marked.
    pub fn keep_version(&self, id: &str) -> Option<Edit> {
        let mut edits = Vec::new();
        let other = if let Some((q, i)) = self.find_factor(id) {
            let f = &self.factors(q)[i];
            let other = other_id(f.conflict.as_ref()?);
            edits.push(Edit::Factor(q, ListOp::Replace(i, Factor { conflict: None, ..f.clone() })));
            if let Some(o) = &other {
                edits.splice(0..0, self.relink(o, id));
            }
            other.and_then(|o| self.find_factor(&o).map(|(q, i)| Edit::Factor(q, ListOp::Remove(i))))
        } else if let Some((c, i)) = self.find_action(id) {
            let a = &self.actions(c)[i];
            let other = other_id(a.conflict.as_ref()?);
            edits.push(Edit::Action(c, ListOp::Replace(i, CameAction { conflict: None, ..a.clone() })));
            other.and_then(|o| self.find_action(&o).map(|(c, i)| Edit::Action(c, ListOp::Remove(i))))
        } else {
            let i = self.strategies.iter().position(|s| s.id == id)?;
            let s = &self.strategies[i];
            let other = other_id(s.conflict.as_ref()?);
            edits.push(Edit::Strategy(ListOp::Replace(i, Strategy { conflict: None, ..s.clone() })));
            other
                .and_then(|o| self.strategies.iter().position(|s| s.id == o).map(|i| Edit::Strategy(ListOp::Remove(i))))
        };
        edits.extend(other);
        Some(Edit::Batch(edits))
    }

    /// The factor `edit` keeps when it is [`Session::keep_version`]'s step for a
    /// factor, or its undo (which has a join's shape, one kept and one gone): a
    /// batch in which a factor marked as a clash goes or comes back. Links
    /// moved to the kept version (actions, strategies) come with it.
    pub fn kept_version(&self, edit: &Edit) -> Option<String> {
        let Edit::Batch(edits) = edit else { return None };
        let mut kept = None;
        let mut clash = false;
        for e in edits {
            let Edit::Factor(q, op) = e else { continue };
            match op {
                ListOp::Replace(_, f) => {
                    clash |= f.conflict.is_some();
                    kept = Some(f.id.clone());
                }
                ListOp::Insert(_, f) => clash |= f.conflict.is_some(),
                ListOp::Remove(i) => clash |= self.factors(*q).get(*i).is_some_and(|f| f.conflict.is_some()),
            }
        }
        kept.filter(|_| clash)
    }
}

fn other_id(c: &Conflict) -> Option<String> {
    match c {
        Conflict::OtherVersion(o) => Some(o.clone()),
        Conflict::DeletedElsewhere | Conflict::DeletedHere => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    #[test]
    fn keeping_a_version_drops_the_other_and_relinks() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let mut ours = Factor::new("D1", "Listas de espera");
        ours.conflict = Some(Conflict::OtherVersion("D4".into()));
        let mut theirs = Factor::new("D4", "Listas de espera largas");
        theirs.conflict = Some(Conflict::OtherVersion("D1".into()));
        s.weaknesses = vec![ours, Factor::new("D2", "x"), theirs];
        s.correct.push(CameAction::new("C1", "Ventanilla", vec!["D4".into()]));
        assert_eq!(s.conflicts().len(), 2);
        let e = s.keep_version("D1").unwrap();
        s.apply(e).unwrap();
        assert!(s.conflicts().is_empty());
        let ids: Vec<&str> = s.weaknesses.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["D1", "D2"]);
        assert_eq!(s.correct[0].links, ["D1"]);
        assert!(s.keep_version("D1").is_none());
    }

    #[test]
    fn keeping_an_item_deleted_elsewhere_clears_its_mark() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let mut a = CameAction::new("C1", "Ventanilla", vec![]);
        a.conflict = Some(Conflict::DeletedElsewhere);
        s.correct.push(a);
        let e = s.keep_version("C1").unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.correct.len(), 1);
        assert!(s.conflicts().is_empty());
    }
}
