//! The domain's refusals in the user's language: a join, a list edit, a horizon,
//! a value out of range, a review; the words come from the catalogue.

use crate::domain::EditError;
use crate::domain::join::JoinError;
use crate::domain::{Horizon, HorizonError, RangeError, ReviewError};

use super::Lang;

impl JoinError {
    /// The refusal in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let w = lang.text().errors;
        match self {
            JoinError::Itself => lang.join_text().refused_itself.to_owned(),
            JoinError::Missing(id) => (w.join_missing)(&lang.show_id(id)),
            JoinError::OtherQuadrant(a, b) => (w.join_quadrants)(&lang.show_id(a), &lang.show_id(b)),
            JoinError::Marked(id) => (w.join_marked)(&lang.show_id(id)),
            JoinError::Empty => w.join_empty.to_owned(),
        }
    }
}

impl EditError {
    /// The refusal in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        (lang.text().errors.out_of_range)(self.index, self.len)
    }
}

impl HorizonError {
    /// The refusal in `lang`, with the form a horizon takes.
    pub fn message(&self, lang: Lang) -> String {
        let w = lang.text().errors;
        match self {
            HorizonError::Syntax(typed) => (w.horizon_syntax)(&crate::domain::text::display_safe(typed)),
            HorizonError::Backwards { start, end } => (w.horizon_backwards)(*start, *end),
            HorizonError::OutOfRange => (w.horizon_range)(Horizon::MIN_YEAR, Horizon::MAX_YEAR, Horizon::MAX_SPAN),
        }
    }
}

impl RangeError {
    /// The refusal in `lang`: what, its range, the value given.
    pub fn message(&self, lang: Lang) -> String {
        let (low, high) = (lang.locale().localise(self.range.0), lang.locale().localise(self.range.1));
        range_message(lang, self.what, &low, &high, &crate::domain::text::display_safe(&self.value))
    }
}

/// A value out of its range in `lang`: what (the domain's English name), lowest,
/// highest and the value, as they are to be shown.
pub fn range_message(lang: Lang, what: &str, low: &str, high: &str, value: &str) -> String {
    let w = lang.text().errors;
    (w.range)(&w.ranged_name(what), low, high, value)
}

impl ReviewError {
    /// The refusal in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        lang.text().review_errors.of(self)
    }
}
