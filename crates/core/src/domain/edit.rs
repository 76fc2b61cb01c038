//! Reversible edits: applying one returns its inverse, so undo/redo is just data.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::came::{Came, CameAction};
use super::clash::Clash;
use super::plan::PlanEdit;
use super::quadrant::Quadrant;
use super::review::ReviewEdit;
use super::session::{Factor, Meta, Session};
use super::strategy::Strategy;

/// One change to a list, by position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ListOp<T> {
    Insert(usize, T),
    Remove(usize),
    Replace(usize, T),
}

/// A change to a session. Applying it yields the edit that undoes it. It is
/// data: the journal writes each change as it is made (RON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    Factor(Quadrant, ListOp<Factor>),
    Action(Came, ListOp<CameAction>),
    Strategy(ListOp<Strategy>),
    Meta(Box<Meta>),
    /// Misión, visión, valores, retos, ejes, líneas, indicators.
    Plan(PlanEdit),
    /// Seguimiento: action reviews, year records, indicator values.
    Review(ReviewEdit),
    /// Clashes a git merge left in the plan or the follow-up (resolving one removes it).
    Clash(ListOp<Clash>),
    /// Several edits applied as one step (one undo).
    Batch(Vec<Edit>),
    /// The whole session at once: a reload of the version another program wrote, so
    /// that undo brings back what was on screen before it.
    Whole(Box<Session>),
}

/// An edit that does not fit the session it is applied to.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("position {index} is out of range (list of {len})")]
pub struct EditError {
    pub index: usize,
    pub len: usize,
}

impl<T> ListOp<T> {
    /// Applies the operation to `list` and returns its inverse.
    pub fn apply(self, list: &mut Vec<T>) -> Result<ListOp<T>, EditError> {
        let len = list.len();
        let out_of_range = |index| EditError { index, len };
        Ok(match self {
            ListOp::Insert(i, item) if i <= len => {
                list.insert(i, item);
                ListOp::Remove(i)
            }
            ListOp::Remove(i) if i < len => ListOp::Insert(i, list.remove(i)),
            ListOp::Replace(i, item) if i < len => ListOp::Replace(i, std::mem::replace(&mut list[i], item)),
            ListOp::Insert(i, _) | ListOp::Remove(i) | ListOp::Replace(i, _) => return Err(out_of_range(i)),
        })
    }
}

impl Session {
    /// Applies `edit` and returns its inverse. A failing batch leaves the
    /// session as it was.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::Factor(q, op) => Ok(Edit::Factor(q, op.apply(self.factors_mut(q))?)),
            Edit::Action(c, op) => Ok(Edit::Action(c, op.apply(self.actions_mut(c))?)),
            Edit::Strategy(op) => Ok(Edit::Strategy(op.apply(&mut self.strategies)?)),
            Edit::Plan(op) => Ok(Edit::Plan(self.apply_plan(op)?)),
            Edit::Review(op) => Ok(Edit::Review(self.apply_review(op)?)),
            Edit::Clash(op) => Ok(Edit::Clash(op.apply(&mut self.clashes)?)),
            Edit::Meta(meta) => Ok(Edit::Meta(Box::new(std::mem::replace(&mut self.meta, *meta)))),
            Edit::Whole(session) => Ok(Edit::Whole(Box::new(std::mem::replace(self, *session)))),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match self.apply(e) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            for inv in inverses.into_iter().rev() {
                                // Inverses of edits that just applied always fit.
                                let _ = self.apply(inv);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    #[test]
    fn list_ops_invert() {
        let mut v = vec![1, 2, 3];
        let inv = ListOp::Replace(1, 9).apply(&mut v).unwrap();
        assert_eq!(v, [1, 9, 3]);
        inv.apply(&mut v).unwrap();
        assert_eq!(v, [1, 2, 3]);
        assert_eq!(ListOp::Remove(3).apply(&mut v), Err(EditError { index: 3, len: 3 }));
    }

    #[test]
    fn a_whole_session_edit_undoes_to_what_was_there() {
        let mut s = Session::new("mine", Timestamp::UNIX_EPOCH);
        let theirs = Session::new("theirs", Timestamp::UNIX_EPOCH);
        let inverse = s.apply(Edit::Whole(Box::new(theirs.clone()))).unwrap();
        assert_eq!(s, theirs);
        s.apply(inverse).unwrap();
        assert_eq!(s.meta.title, "mine");
    }

    #[test]
    fn failing_batch_rolls_back() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let before = s.clone();
        let e = Edit::Batch(vec![
            Edit::Factor(Quadrant::Strengths, ListOp::Insert(0, Factor::new("F1", "x"))),
            Edit::Factor(Quadrant::Strengths, ListOp::Remove(5)),
        ]);
        assert!(s.apply(e).is_err());
        assert_eq!(s, before);
    }
}
