//! A [`RonProblem`] in the user's language: the catalogue's words (`Catalogue::errors`)
//! with the names the file writes (fields, variants) kept as written, in backticks.

use crate::domain::ValueRefused;
use crate::domain::text::display_safe;
use crate::i18n::Lang;

use super::ron_problem::{Kind, RonProblem};

impl RonProblem {
    /// What is wrong, in `lang`; the caller gives file:line:column.
    pub fn message(&self, lang: Lang) -> String {
        let w = lang.text().errors;
        let name = |n: &str| display_safe(n).into_owned();
        let within = |o: &Option<String>| o.as_deref().map(|o| (w.ron_within)(&name(o))).unwrap_or_default();
        let known = |list: &[String]| {
            let names: Vec<String> = list.iter().map(|n| format!("`{}`", name(n))).collect();
            if names.is_empty() { String::new() } else { (w.ron_known)(&names.join(", ")) }
        };
        match self {
            RonProblem::UnexpectedChar(c) => (w.ron_unexpected_char)(&format!("{c:?}")),
            RonProblem::ExpectedComma => w.ron_expected_comma.to_owned(),
            RonProblem::ExpectedClosing(c) => (w.ron_expected_closing)(*c),
            RonProblem::ExpectedOpening(c) => (w.ron_expected_opening)(*c),
            RonProblem::ExpectedColon => w.ron_expected_colon.to_owned(),
            RonProblem::StringEnd => w.ron_string_end.to_owned(),
            RonProblem::ExpectedName => w.ron_expected_name.to_owned(),
            RonProblem::Trailing => w.ron_trailing.to_owned(),
            RonProblem::Eof => w.ron_eof.to_owned(),
            RonProblem::MissingField { field, within: o } => {
                format!("{}{}", (w.ron_missing_field)(&name(field)), within(o))
            }
            RonProblem::UnknownField { found, within: o, expected } => {
                format!("{}{}{}", (w.ron_unknown_field)(&name(found)), within(o), known(expected))
            }
            RonProblem::UnknownVariant { found, within: o, expected } => {
                format!("{}{}{}", (w.ron_unknown_variant)(&name(found)), within(o), known(expected))
            }
            RonProblem::DuplicateField { field, within: o } => {
                format!("{}{}", (w.ron_duplicate_field)(&name(field)), within(o))
            }
            RonProblem::WrongKind(kind) => kind_message(*kind, lang),
            RonProblem::IntegerOutOfRange => w.ron_integer_range.to_owned(),
            RonProblem::BadNumber => w.ron_bad_number.to_owned(),
            RonProblem::BadEscape => w.ron_bad_escape.to_owned(),
            RonProblem::UnclosedComment => w.ron_unclosed_comment.to_owned(),
            RonProblem::NotUtf8 => w.not_utf8.to_owned(),
            RonProblem::TooDeep => w.ron_too_deep.to_owned(),
            RonProblem::Value(refused) => value_message(refused, lang),
            RonProblem::BadValue => w.ron_bad_value.to_owned(),
            RonProblem::Other => w.ron_other.to_owned(),
        }
    }
}

/// "expected a whole number here", or that another kind is wanted.
fn kind_message(kind: Kind, lang: Lang) -> String {
    let w = lang.text().errors;
    let k = match kind {
        Kind::Text => w.ron_kinds[0],
        Kind::WholeNumber => w.ron_kinds[1],
        Kind::Number => w.ron_kinds[2],
        Kind::Bool => w.ron_kinds[3],
        Kind::Char => w.ron_kinds[4],
        Kind::List => w.ron_kinds[5],
        Kind::Map => w.ron_kinds[6],
        Kind::Optional => w.ron_kinds[7],
        Kind::Unnamed => return w.ron_wrong_kind.to_owned(),
    };
    (w.ron_expected_kind)(k)
}

/// One of dafo's own refusals of a value, said as the editor and the command line say it.
fn value_message(refused: &ValueRefused, lang: Lang) -> String {
    let decimal = |n: &str| lang.locale().localise(n);
    match refused {
        ValueRefused::Range { what, low, high, value } => {
            crate::i18n::range_message(lang, what, &decimal(low), &decimal(high), &display_safe(value))
        }
        ValueRefused::Horizon(e) => e.message(lang),
        ValueRefused::Amount(value) => format!("{} {}", decimal(&display_safe(value)), lang.plan_ui().bad_amount),
        ValueRefused::Degree(value) => (lang.text().review_errors.not_a_degree)(&value.to_string()),
        ValueRefused::NotANumber(value) => (lang.text().import_errors.not_a_number)(&display_safe(value)),
    }
}
