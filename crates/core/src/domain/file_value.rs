//! A value of a session file refused by one of dafo's own checks (a horizon, an
//! amount, a degree, a value out of its range). serde's errors carry only text,
//! so the refusal travels through them as a stable code that the loader reads
//! back and says in the user's language (`storage::RonProblem`), never in English.

use serde::{Deserialize, Serialize};

use super::plan::HorizonError;
use super::rules::RangeError;

/// Why a value read from a file was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueRefused {
    /// Outside its range: what (`impact`, `rating`, `weight`), lowest, highest, the value.
    Range {
        what: String,
        low: String,
        high: String,
        value: String,
    },
    Horizon(HorizonError),
    /// Not an amount of euros (negative, too large, a fraction of a cent): the value.
    Amount(String),
    /// Not a degree of implementation (over 100): the value.
    Degree(u8),
    /// Not a number the plan can measure with (`NaN`, `inf`): the value.
    NotANumber(String),
}

/// What starts the code in serde's message.
const MARK: &str = "dafo-value:";

impl ValueRefused {
    /// The refusal as serde's error for a deserializer.
    pub fn into_error<E: serde::de::Error>(self) -> E {
        E::custom(self)
    }

    /// The refusal a serde message carries, if it is one of these.
    pub fn from_message(message: &str) -> Option<ValueRefused> {
        ron::from_str(message.strip_prefix(MARK)?).ok()
    }
}

impl std::fmt::Display for ValueRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Strings and numbers always serialize; were one not to, the refusal is
        // still a refusal (said in general words), never a panic in `to_string`.
        match ron::to_string(self) {
            Ok(code) => write!(f, "{MARK}{code}"),
            Err(_) => f.write_str(MARK),
        }
    }
}

impl From<RangeError> for ValueRefused {
    fn from(e: RangeError) -> ValueRefused {
        let (low, high) = e.range;
        ValueRefused::Range { what: e.what.to_owned(), low: low.to_owned(), high: high.to_owned(), value: e.value }
    }
}

impl From<HorizonError> for ValueRefused {
    fn from(e: HorizonError) -> ValueRefused {
        ValueRefused::Horizon(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_reads_back_from_its_message_and_nothing_else_does() {
        for refused in [
            ValueRefused::Range { what: "impact".into(), low: "1".into(), high: "5".into(), value: "9".into() },
            ValueRefused::Horizon(HorizonError::Syntax("20\"23)".into())),
            ValueRefused::Horizon(HorizonError::Backwards { start: 2026, end: 2023 }),
            ValueRefused::Amount("-5".into()),
            ValueRefused::Degree(120),
            ValueRefused::NotANumber("NaN".into()),
        ] {
            assert_eq!(ValueRefused::from_message(&refused.to_string()), Some(refused.clone()), "{refused}");
        }
        assert_eq!(ValueRefused::from_message("invalid date: month 13"), None);
        assert_eq!(ValueRefused::from_message("dafo-value:nonsense"), None);
    }
}
