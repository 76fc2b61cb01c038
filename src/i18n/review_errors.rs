//! What `dafo review` and the Seguimiento view say when a review cannot be
//! recorded, in one table per language (Spanish, English, Catalan). The
//! catalogue points at it (`Catalogue::review_errors`).

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
    pub bad_year: fn(i16) -> String,
    /// What was typed, quoted.
    pub not_a_number: fn(&str) -> String,
    pub not_a_degree: fn(&str) -> String,
    pub not_a_status: fn(&str) -> String,
    /// An argument and the form it should have (`ID=DEGREE…`).
    pub not_in_form: fn(&str, &str) -> String,
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
            ReviewError::BadYear(year) => (self.bad_year)(*year),
            ReviewError::BadValue(v) => (self.not_a_number)(v),
        }
    }
}

const STATUSES: &str =
    "pendiente, en curso, hecha, descartada; pending, in progress, done, dropped; pendent, en curs, feta, descartada";

pub static ES: ReviewErrors = ReviewErrors {
    unknown_action: |id| format!("ninguna acción tiene el ID {id}"),
    unknown_indicator: |id| format!("ningún indicador tiene el ID {id}"),
    outside_horizon: |year, h| format!("{year} queda fuera del horizonte del plan ({h})"),
    bad_year: |year| format!("{year} no es un año que dafo revise (de 1900 a 2200)"),
    not_a_number: |v| format!("{v:?} no es un número"),
    not_a_degree: |v| format!("{v:?} no es un grado de implementación (un número entero de 0 a 100)"),
    not_a_status: |v| format!("{v:?} no es un estado ({STATUSES})"),
    not_in_form: |arg, form| format!("{arg:?} no tiene la forma {form}"),
    nothing_changed: "no se ha cambiado nada",
};

pub static EN: ReviewErrors = ReviewErrors {
    unknown_action: |id| format!("no action has the ID {id}"),
    unknown_indicator: |id| format!("no indicator has the ID {id}"),
    outside_horizon: |year, h| format!("{year} is outside the plan's horizon ({h})"),
    bad_year: |year| format!("{year} is not a year dafo reviews (1900 to 2200)"),
    not_a_number: |v| format!("{v:?} is not a number"),
    not_a_degree: |v| format!("{v:?} is not a degree of implementation (a whole number from 0 to 100)"),
    not_a_status: |v| format!("{v:?} is not a status ({STATUSES})"),
    not_in_form: |arg, form| format!("{arg:?} is not {form}"),
    nothing_changed: "nothing was changed",
};

pub static CA: ReviewErrors = ReviewErrors {
    unknown_action: |id| format!("cap acció té l'ID {id}"),
    unknown_indicator: |id| format!("cap indicador té l'ID {id}"),
    outside_horizon: |year, h| format!("{year} queda fora de l'horitzó del pla ({h})"),
    bad_year: |year| format!("{year} no és un any que dafo revise (de 1900 a 2200)"),
    not_a_number: |v| format!("{v:?} no és un número"),
    not_a_degree: |v| format!("{v:?} no és un grau d'implementació (un nombre enter de 0 a 100)"),
    not_a_status: |v| format!("{v:?} no és un estat ({STATUSES})"),
    not_in_form: |arg, form| format!("{arg:?} no té la forma {form}"),
    nothing_changed: "no s'ha canviat res",
};
