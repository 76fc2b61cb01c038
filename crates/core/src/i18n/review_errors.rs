//! What `dafo review` and the Seguimiento view say when a review cannot be
//! recorded: their shape; each language's words are in its catalogue
//! (`Catalogue::review_errors`).

use crate::domain::ReviewError;

/// A review refused: the reason, then that nothing was changed.
#[derive(Debug, Clone, Copy)]
pub struct ReviewErrors {
    /// An action or indicator ID that is not in the plan.
    pub unknown_action: fn(&str) -> String,
    pub unknown_indicator: fn(&str) -> String,
    /// A year outside the plan's horizon (the year, the horizon `2023-2026`).
    pub outside_horizon: fn(i16, &str) -> String,
    /// A year no review can be for.
    pub bad_year: fn(&str) -> String,
    /// What was typed, quoted.
    pub not_a_number: fn(&str) -> String,
    pub not_a_degree: fn(&str) -> String,
    pub not_a_status: fn(&str) -> String,
    /// An argument and the form it should have: the placeholder as `--help`
    /// writes it (English, as clap prints help), in backticks, and examples
    /// (`` `ID=DEGREE[:STATUS]` (`C1=75`, `C2=100:hecha`) ``).
    pub not_in_form: fn(&str, &str) -> String,
    /// The note of the example of `--note` (`C1="…"`).
    pub note_example: &'static str,
    /// After the reason, on the command line.
    pub nothing_changed: &'static str,
}

impl ReviewErrors {
    /// The domain's refusal, in this language.
    pub fn of(&self, e: &ReviewError) -> String {
        match e {
            ReviewError::UnknownAction(id) => (self.unknown_action)(id),
            ReviewError::UnknownIndicator(id) => (self.unknown_indicator)(id),
            ReviewError::OutsideHorizon { year, horizon } => (self.outside_horizon)(*year, &horizon.to_string()),
            ReviewError::BadYear(year) => (self.bad_year)(&year.to_string()),
            ReviewError::BadValue(v) => (self.not_a_number)(v),
        }
    }
}

/// Every language's status words, the form a status may be typed in:
/// `pendiente, en curso, hecha, descartada; pending, in progress, done, dropped; …`.
pub fn statuses() -> String {
    super::Lang::ALL.iter().map(|l| l.text().domain.status.join(", ")).collect::<Vec<_>>().join("; ")
}
