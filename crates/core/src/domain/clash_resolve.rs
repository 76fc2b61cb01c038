//! Resolving a clash the git merge driver left in the plan or the follow-up:
//! keep the version in place (this branch's), take the other one, join both
//! texts (misión, visión), or write a new text. One undoable step that sets
//! the entry and removes the clash.

use super::clash::{Clash, Key, Version, meta_text};
use super::edit::{Edit, ListOp};
use super::limits::STATEMENT_TEXT_MAX;
use super::plan::{PlanEdit, Statement};
use super::review::ReviewEdit;
use super::session::Session;
use super::text::clean_text;

/// How a clash is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Keep this branch's version (or its deletion).
    Here,
    /// Take the other branch's version (or its deletion).
    Other,
    /// A misión or visión: both texts, this branch's first.
    Both,
    /// A misión or visión: this text, written by hand.
    Text(String),
}

/// What joins both versions of a text.
pub const JOIN: &str = " / ";

/// Why a clash cannot be resolved that way. Nothing changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No clash at that position.
    Gone,
    /// Joining and writing by hand are for the misión and the visión.
    NotText,
    /// The joined text would be longer than a misión may be.
    TooLong(usize),
    /// The other version does not fit the session any more (a metadata field
    /// that cannot be removed, a value no longer of its type).
    Unfit,
}

impl Key {
    /// The misión or the visión: a free text both versions of which can be joined.
    pub fn statement(&self) -> Option<Statement> {
        match self {
            Key::Mission => Some(Statement::Mission),
            Key::Vision => Some(Statement::Vision),
            _ => None,
        }
    }
}

impl Clash {
    /// The other branch's version, `None` when it deleted the entry.
    pub fn other(&self) -> Option<&Version> {
        match self {
            Clash::Other(v) => Some(v),
            Clash::Deleted(_) | Clash::DeletedHere(_) => None,
        }
    }
}

impl Session {
    /// The edit resolving clash `i` by `choice`: the entry takes the chosen
    /// version and the clash goes, as one step.
    pub fn resolve_clash(&self, i: usize, choice: &Choice) -> Result<Edit, Refusal> {
        let clash = self.clashes.get(i).ok_or(Refusal::Gone)?;
        let key = clash.key();
        let mut edits = match choice {
            // This branch deleted it; the other's version is in place.
            Choice::Here if clash.deleted_here() => self.remove_entry(&key)?,
            Choice::Here => Vec::new(),
            Choice::Other if clash.deleted_here() => Vec::new(),
            Choice::Other => match clash.other() {
                Some(v) => self.put(v)?,
                None => self.remove_entry(&key)?,
            },
            Choice::Both => {
                let which = key.statement().ok_or(Refusal::NotText)?;
                let here = self.version_at(&key).map(|v| v.summary()).unwrap_or_default();
                let other = clash.other().map(Version::summary).unwrap_or_default();
                let joined = [here, other].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(JOIN);
                if joined.chars().count() > STATEMENT_TEXT_MAX {
                    return Err(Refusal::TooLong(STATEMENT_TEXT_MAX));
                }
                self.set_statement(which, &joined).into_iter().collect()
            }
            Choice::Text(text) => {
                let which = key.statement().ok_or(Refusal::NotText)?;
                if clean_text(text).chars().count() > STATEMENT_TEXT_MAX {
                    return Err(Refusal::TooLong(STATEMENT_TEXT_MAX));
                }
                self.set_statement(which, text).into_iter().collect()
            }
        };
        edits.push(Edit::Clash(ListOp::Remove(i)));
        Ok(Edit::Batch(edits))
    }

    /// The edits that put `v` in place of the entry it is a version of.
    fn put(&self, v: &Version) -> Result<Vec<Edit>, Refusal> {
        fn at<T: Clone>(list: &[T], pos: Option<usize>, item: &T) -> ListOp<T> {
            match pos {
                Some(p) => ListOp::Replace(p, item.clone()),
                None => ListOp::Insert(list.len(), item.clone()),
            }
        }
        let plan = |e| vec![Edit::Plan(e)];
        let review = |e| vec![Edit::Review(e)];
        Ok(match v {
            Version::Mission(t) => plan(PlanEdit::Statement(Statement::Mission, Some(t.clone()))),
            Version::Vision(t) => plan(PlanEdit::Statement(Statement::Vision, Some(t.clone()))),
            Version::Challenge(c) => {
                let p = self.challenges.iter().position(|x| x.id == c.id);
                plan(PlanEdit::Challenge(at(&self.challenges, p, c)))
            }
            Version::Axis(a) => plan(PlanEdit::Axis(at(&self.axes, self.find_axis(&a.id), a))),
            Version::Line(l) => plan(PlanEdit::Line(at(&self.lines, self.find_line(&l.id), l))),
            Version::Indicator(x) => plan(PlanEdit::Indicator(at(&self.indicators, self.find_indicator(&x.id), x))),
            Version::Review(r) => {
                let p = self.reviews.iter().position(|x| x.action == r.action && x.year == r.year);
                let mut edits = review(ReviewEdit::Action(match p {
                    Some(p) => ListOp::Replace(p, r.clone()),
                    None => ListOp::Insert(year_slot(self.reviews.iter().map(|x| x.year), r.year), r.clone()),
                }));
                // An action's status follows its latest review.
                let latest = !self.reviews.iter().any(|x| x.action == r.action && x.year > r.year);
                if latest
                    && let Some((c, i)) = self.find_action(&r.action)
                    && let Some(e) = self.change_action(c, i, |a| a.status = r.status)
                {
                    edits.push(e);
                }
                edits
            }
            Version::Year(y) => {
                let p = self.review_years.iter().position(|x| x.year == y.year);
                review(ReviewEdit::Year(match p {
                    Some(p) => ListOp::Replace(p, y.clone()),
                    None => ListOp::Insert(year_slot(self.review_years.iter().map(|x| x.year), y.year), y.clone()),
                }))
            }
            Version::Value(x) => {
                let p = self.indicator_values.iter().position(|v| v.indicator == x.indicator && v.year == x.year);
                let years = self.indicator_values.iter().map(|v| v.year);
                review(ReviewEdit::Value(match p {
                    Some(p) => ListOp::Replace(p, x.clone()),
                    None => ListOp::Insert(year_slot(years, x.year), x.clone()),
                }))
            }
            Version::Meta(field, text) => vec![self.meta_with(field, Some(text))?],
        })
    }

    /// The edits that remove the entry `key` names (a branch deleted it).
    fn remove_entry(&self, key: &Key) -> Result<Vec<Edit>, Refusal> {
        let gone = |e: Option<Edit>| Ok(e.into_iter().collect());
        match key {
            Key::Mission => gone(self.set_statement(Statement::Mission, "")),
            Key::Vision => gone(self.set_statement(Statement::Vision, "")),
            Key::Challenge(id) => {
                gone(self.challenges.iter().position(|c| c.id == *id).and_then(|i| self.delete_challenge(i)))
            }
            Key::Axis(id) => gone(self.find_axis(id).and_then(|i| self.delete_axis(i))),
            Key::Line(id) => gone(self.find_line(id).and_then(|i| self.delete_line(i))),
            Key::Indicator(id) => gone(self.find_indicator(id).and_then(|i| self.delete_indicator(i))),
            Key::Review(id, year) => gone(self.delete_action_review(id, *year)),
            Key::Year(year) => {
                let p = self.review_years.iter().position(|y| y.year == *year);
                gone(p.map(|p| Edit::Review(ReviewEdit::Year(ListOp::Remove(p)))))
            }
            Key::Value(id, year) => {
                let p = self.indicator_values.iter().position(|v| v.indicator == *id && v.year == *year);
                gone(p.map(|p| Edit::Review(ReviewEdit::Value(ListOp::Remove(p)))))
            }
            Key::Meta(field) => Ok(vec![self.meta_with(field, None)?]),
        }
    }

    /// The metadata with `field` set to `text` (read as the clash keeps it: a
    /// text as itself, anything else as JSON) or removed.
    fn meta_with(&self, field: &str, text: Option<&str>) -> Result<Edit, Refusal> {
        let meta = serde_json::to_value(&self.meta).map_err(|_| Refusal::Unfit)?;
        let obj = meta.as_object().ok_or(Refusal::Unfit)?;
        let candidates = match text {
            Some(text) => {
                let text_value = serde_json::Value::String(text.to_owned());
                let is_text = obj.get(field).is_some_and(serde_json::Value::is_string);
                match serde_json::from_str::<serde_json::Value>(text) {
                    Ok(v) if !is_text && meta_text(&v) == text => vec![Some(v), Some(text_value)],
                    _ => vec![Some(text_value)],
                }
            }
            None => vec![None],
        };
        let meta = candidates
            .into_iter()
            .find_map(|value| {
                let mut m = obj.clone();
                match value {
                    Some(v) => m.insert(field.to_owned(), v),
                    None => m.remove(field),
                };
                serde_json::from_value(serde_json::Value::Object(m)).ok()
            })
            .ok_or(Refusal::Unfit)?;
        Ok(Edit::Meta(Box::new(meta)))
    }
}

/// Where an entry of `year` goes in a list kept in year order.
fn year_slot(years: impl DoubleEndedIterator<Item = i16> + ExactSizeIterator, year: i16) -> usize {
    let n = years.len();
    years.rev().position(|y| y <= year).map_or(0, |back| n - back)
}

#[cfg(test)]
#[path = "clash_resolve_tests.rs"]
mod tests;
