//! Seguimiento: the yearly review of a plan. Per action and year a review
//! (grado de implementación, status, note); per year the review record (the
//! committee, the date, a summary, the límites y problemas emergentes) and the
//! indicators' actual values. Stored flat in the session, one line each, and
//! changed only through reversible [`ReviewEdit`]s, so changing a past year is
//! an edit like any other, with undo. Roll-ups live in `rollup`.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::came::Status;
use super::edit::{Edit, EditError, ListOp};
use super::plan::Horizon;
use super::session::Session;
use super::text::clean_text;

/// Grado de implementación: a whole percentage, 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(into = "u8")]
pub struct Degree(u8);

/// Read from a file: a refusal is said in the user's language ([`ValueRefused`]).
impl<'de> Deserialize<'de> for Degree {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Degree, D::Error> {
        let value = u8::deserialize(d)?;
        Degree::new(value).ok_or_else(|| super::file_value::ValueRefused::Degree(value).into_error())
    }
}

impl Degree {
    pub const ZERO: Degree = Degree(0);
    pub const FULL: Degree = Degree(100);

    /// A degree, or `None` above 100.
    pub fn new(value: u8) -> Option<Degree> {
        (value <= 100).then_some(Degree(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Moved by `delta` points, kept within 0-100 (the `+`/`-` keys).
    pub fn step(self, delta: i16) -> Degree {
        Degree((i16::from(self.0) + delta).clamp(0, 100) as u8)
    }

    /// The status a degree suggests when none is given: 0 pendiente, 100
    /// hecha, anything between en curso.
    pub fn suggested_status(self) -> Status {
        match self.0 {
            0 => Status::Pending,
            100 => Status::Done,
            _ => Status::InProgress,
        }
    }
}

impl TryFrom<u8> for Degree {
    type Error = String;
    fn try_from(value: u8) -> Result<Degree, String> {
        Degree::new(value).ok_or_else(|| format!("{value} is not a degree of implementation (0 to 100)"))
    }
}

impl From<Degree> for u8 {
    fn from(d: Degree) -> u8 {
        d.0
    }
}

impl fmt::Display for Degree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Degree {
    type Err = String;

    /// `75` or `75%`.
    fn from_str(text: &str) -> Result<Degree, String> {
        let t = text.trim().trim_end_matches('%').trim();
        let bad = || format!("{text:?} is not a degree of implementation (a whole number from 0 to 100)");
        if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) || t.len() > 3 {
            return Err(bad());
        }
        t.parse::<u8>().ok().and_then(Degree::new).ok_or_else(bad)
    }
}

/// One action's review in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionReview {
    /// The action's ID.
    pub action: String,
    pub year: i16,
    pub degree: Degree,
    #[serde(default, skip_serializing_if = "is_pending")]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Money committed (comprometido) and paid (pagado) for it that year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<super::plan::Euros>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<super::plan::Euros>,
}

fn is_pending(s: &Status) -> bool {
    *s == Status::Pending
}

/// The record of one year's review meeting.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearReview {
    pub year: i16,
    /// The committee or body that reviewed the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, deserialize_with = "super::rules::field::date", skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Límites y problemas emergentes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

/// An indicator's actual value in one year. One value per indicator and year,
/// however many actions or líneas the indicator measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    /// The indicator's ID.
    pub indicator: String,
    pub year: i16,
    #[serde(deserialize_with = "super::rules::field::finite_number")]
    pub actual: f64,
}

/// A reversible change to the reviews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReviewEdit {
    Action(ListOp<ActionReview>),
    Year(ListOp<YearReview>),
    Value(ListOp<IndicatorValue>),
}

/// Why a review cannot be recorded. Nothing changes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("no action has the ID {0}")]
    UnknownAction(String),
    #[error("no indicator has the ID {0}")]
    UnknownIndicator(String),
    #[error("{year} is outside the plan's horizon ({horizon})")]
    OutsideHorizon { year: i16, horizon: Horizon },
    #[error("{0} is not a year dafo reviews (1900 to 2200)")]
    BadYear(i16),
    #[error("{0} is not a number")]
    BadValue(String),
}

/// Whether a plan of `horizon` can hold a review of `year`: inside the
/// horizon, or any year dafo knows when there is none
/// ([`Session::check_review_year`], and the CSV importer before a session exists).
pub fn review_year(horizon: Option<Horizon>, year: i16) -> Result<(), ReviewError> {
    match horizon {
        Some(h) if !(h.start..=h.end).contains(&year) => Err(ReviewError::OutsideHorizon { year, horizon: h }),
        None if !(Horizon::MIN_YEAR..=Horizon::MAX_YEAR).contains(&year) => Err(ReviewError::BadYear(year)),
        _ => Ok(()),
    }
}

/// Where an entry of `year` goes in a list kept in year order: after the last
/// entry of that year or an earlier one.
fn slot<T>(list: &[T], year: i16, year_of: impl Fn(&T) -> i16) -> usize {
    list.iter().rposition(|x| year_of(x) <= year).map_or(0, |p| p + 1)
}

fn review(e: ReviewEdit) -> Edit {
    Edit::Review(e)
}

fn cleaned(text: Option<String>) -> Option<String> {
    text.as_deref().map(clean_text).filter(|t| !t.is_empty())
}

impl Session {
    /// Applies a review edit, returning its inverse.
    pub(crate) fn apply_review(&mut self, edit: ReviewEdit) -> Result<ReviewEdit, EditError> {
        Ok(match edit {
            ReviewEdit::Action(op) => ReviewEdit::Action(op.apply(&mut self.reviews)?),
            ReviewEdit::Year(op) => ReviewEdit::Year(op.apply(&mut self.review_years)?),
            ReviewEdit::Value(op) => ReviewEdit::Value(op.apply(&mut self.indicator_values)?),
        })
    }

    /// Whether a year can be reviewed: inside the horizon, or any year dafo
    /// knows when the session has no horizon.
    pub fn check_review_year(&self, year: i16) -> Result<(), ReviewError> {
        review_year(self.meta.horizon, year)
    }

    /// The years with any review, action or record or value, in order.
    pub fn reviewed_years(&self) -> Vec<i16> {
        let mut years: Vec<i16> = self.reviews.iter().map(|r| r.year).collect();
        years.extend(self.review_years.iter().map(|r| r.year));
        years.extend(self.indicator_values.iter().map(|v| v.year));
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The review of action `id` in `year`.
    pub fn action_review(&self, id: &str, year: i16) -> Option<&ActionReview> {
        self.reviews.iter().find(|r| r.action == id && r.year == year)
    }

    /// The latest review of action `id` in `year` or before: where it stood then.
    pub fn latest_review(&self, id: &str, year: i16) -> Option<&ActionReview> {
        self.reviews.iter().filter(|r| r.action == id && r.year <= year).max_by_key(|r| r.year)
    }

    /// The record of `year`'s review meeting.
    pub fn year_review(&self, year: i16) -> Option<&YearReview> {
        self.review_years.iter().find(|r| r.year == year)
    }

    /// Indicator `id`'s actual value in `year`.
    pub fn indicator_value(&self, id: &str, year: i16) -> Option<f64> {
        self.indicator_values.iter().find(|v| v.indicator == id && v.year == year).map(|v| v.actual)
    }

    /// Where action `i` of `came` stood in `year`, for a first review of the year
    /// that gives no degree (a note, money): its latest review's degree and status;
    /// with no review at all, 0 % and the status set by hand (cycled in the CAME
    /// view), which a review must not undo; reviewed only in later years, pendiente.
    fn stood(&self, came: super::Came, i: usize, year: i16) -> (Degree, Status) {
        let Some(a) = self.actions(came).get(i) else { return (Degree::ZERO, Status::Pending) };
        if !self.reviews.iter().any(|r| r.action == a.id) {
            return (Degree::ZERO, a.status);
        }
        let st = self.standing(came, a, year);
        (st.degree, st.status)
    }

    /// The status action `i` of `came` takes in `year` when it is given the
    /// degree `new` and no status: the one `new` suggests
    /// ([`Degree::suggested_status`]) when the status it stands on is the one
    /// its degree suggested (it only followed the degree), else that status,
    /// set by hand (a descartada stays descartada; `50 hecha` stays hecha).
    /// The one rule for the `S` view's keys, `dafo review ID=DEGREE` and the
    /// owners' sheets.
    fn status_for(&self, came: super::Came, i: usize, year: i16, new: Degree) -> Status {
        let Some(a) = self.actions(came).get(i) else { return new.suggested_status() };
        let st = self.standing(came, a, year);
        if st.status == st.degree.suggested_status() { new.suggested_status() } else { st.status }
    }

    /// Records action `id`'s review of `year`: `degree` and `status` replace
    /// this year's (`None` keeps them; a degree with no status brings the
    /// status `status_for` says, and a first review with no degree starts
    /// where the action stood), `note` replaces the note (`Some("")` clears
    /// it). When this is the action's latest review, the action's own status
    /// follows it, in the same step. `Ok(None)` when nothing would change.
    pub fn review_action(
        &self,
        id: &str,
        year: i16,
        degree: Option<Degree>,
        status: Option<Status>,
        note: Option<&str>,
    ) -> Result<Option<Edit>, ReviewError> {
        self.check_review_year(year)?;
        let (came, i) = self.find_action(id).ok_or_else(|| ReviewError::UnknownAction(id.to_owned()))?;
        // A degree given without a status brings the status it suggests, unless
        // the status was set by hand (see `status_for`).
        let status = status.or_else(|| degree.map(|d| self.status_for(came, i, year, d)));
        let old = self.reviews.iter().position(|r| r.action == id && r.year == year);
        let mut new = match old.and_then(|p| self.reviews.get(p)) {
            Some(r) => r.clone(),
            None => {
                // A first review of the year without a degree (a note, a status)
                // starts where the action stood, as one for money alone does:
                // never at 0 %, which would set a started action back to pendiente.
                let (d, s) = self.stood(came, i, year);
                let (degree, status) = (degree.unwrap_or(d), status.unwrap_or(s));
                ActionReview { action: id.to_owned(), year, degree, status, note: None, committed: None, paid: None }
            }
        };
        new.degree = degree.unwrap_or(new.degree);
        new.status = status.unwrap_or(new.status);
        if let Some(note) = note {
            // A note that reads the same once cleaned is the one stored: a file
            // written by hand may keep spaces that any input trims, and an
            // owner's unchanged sheet is then no change.
            let note = cleaned(Some(note.to_owned()));
            if note != cleaned(new.note.clone()) {
                new.note = note;
            }
        }
        let mut edits = Vec::new();
        match old {
            Some(p) if self.reviews.get(p) == Some(&new) => {}
            Some(p) => edits.push(review(ReviewEdit::Action(ListOp::Replace(p, new.clone())))),
            None => {
                let at = slot(&self.reviews, year, |r| r.year);
                edits.push(review(ReviewEdit::Action(ListOp::Insert(at, new.clone()))));
            }
        }
        let latest = !self.reviews.iter().any(|r| r.action == id && r.year > year);
        if latest && let Some(e) = self.change_action(came, i, |a| a.status = new.status) {
            edits.push(e);
        }
        Ok((!edits.is_empty()).then_some(Edit::Batch(edits)))
    }

    /// Records the money committed and paid for action `id` in `year`: each
    /// `Some` replaces its value (`Some(None)` clears it), `None` keeps it. A
    /// year without a review gets one where the action stood (degree and
    /// status of its latest review). `Ok(None)` when nothing changes.
    pub fn review_money(
        &self,
        id: &str,
        year: i16,
        committed: Option<Option<super::plan::Euros>>,
        paid: Option<Option<super::plan::Euros>>,
    ) -> Result<Option<Edit>, ReviewError> {
        self.check_review_year(year)?;
        let (came, i) = self.find_action(id).ok_or_else(|| ReviewError::UnknownAction(id.to_owned()))?;
        // A first review for money alone starts where the action stood, as a note does.
        let (degree, status) = self.stood(came, i, year);
        let old = self.reviews.iter().position(|r| r.action == id && r.year == year);
        let blank =
            || ActionReview { action: id.to_owned(), year, degree, status, note: None, committed: None, paid: None };
        let mut new = old.and_then(|p| self.reviews.get(p)).cloned().unwrap_or_else(blank);
        new.committed = committed.unwrap_or(new.committed);
        new.paid = paid.unwrap_or(new.paid);
        let op = match old {
            Some(p) if self.reviews.get(p) == Some(&new) => return Ok(None),
            Some(p) => ListOp::Replace(p, new),
            None if new == blank() => return Ok(None),
            None => ListOp::Insert(slot(&self.reviews, year, |r| r.year), new),
        };
        Ok(Some(review(ReviewEdit::Action(op))))
    }

    /// Removes action `id`'s review of `year`, if there is one.
    pub fn delete_action_review(&self, id: &str, year: i16) -> Option<Edit> {
        let p = self.reviews.iter().position(|r| r.action == id && r.year == year)?;
        Some(review(ReviewEdit::Action(ListOp::Remove(p))))
    }

    /// Replaces `year`'s review record with `f(old)` (an empty one if there is
    /// none yet), texts cleaned and empty problems dropped; a record left empty
    /// is removed. `Ok(None)` when nothing changes.
    pub fn change_year_review(&self, year: i16, f: impl FnOnce(&mut YearReview)) -> Result<Option<Edit>, ReviewError> {
        self.check_review_year(year)?;
        let old = self.review_years.iter().position(|r| r.year == year);
        let mut new = old.and_then(|p| self.review_years.get(p)).cloned().unwrap_or_default();
        f(&mut new);
        new.year = year;
        new.body = cleaned(new.body);
        new.summary = cleaned(new.summary);
        super::plan_edit::clean_list(&mut new.problems);
        let empty = new == YearReview { year, ..YearReview::default() };
        let op = match old {
            Some(p) if self.review_years.get(p) == Some(&new) => return Ok(None),
            Some(p) if empty => ListOp::Remove(p),
            Some(p) => ListOp::Replace(p, new),
            None if empty => return Ok(None),
            None => ListOp::Insert(slot(&self.review_years, year, |r| r.year), new),
        };
        Ok(Some(review(ReviewEdit::Year(op))))
    }

    /// Sets indicator `id`'s actual value in `year`, or clears it with `None`.
    pub fn set_indicator_value(&self, id: &str, year: i16, actual: Option<f64>) -> Result<Option<Edit>, ReviewError> {
        self.check_review_year(year)?;
        if self.find_indicator(id).is_none() {
            return Err(ReviewError::UnknownIndicator(id.to_owned()));
        }
        if let Some(x) = actual.filter(|x| !x.is_finite()) {
            return Err(ReviewError::BadValue(x.to_string()));
        }
        let old = self.indicator_values.iter().position(|v| v.indicator == id && v.year == year);
        let new = actual.map(|actual| IndicatorValue { indicator: id.to_owned(), year, actual });
        let op = match (old, new) {
            (Some(p), Some(v)) if self.indicator_values.get(p) == Some(&v) => return Ok(None),
            (Some(p), Some(v)) => ListOp::Replace(p, v),
            (Some(p), None) => ListOp::Remove(p),
            (None, Some(v)) => ListOp::Insert(slot(&self.indicator_values, year, |v| v.year), v),
            (None, None) => return Ok(None),
        };
        Ok(Some(review(ReviewEdit::Value(op))))
    }
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
