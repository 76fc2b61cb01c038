//! The strategic plan that follows the CAME: misión, visión, valores, retos,
//! ejes with their líneas, indicators and the session's horizon. Types, their
//! reversible edits ([`PlanEdit`]) and look-ups by ID; the edit builders live in
//! `plan_edit`, coverage and the cronograma in `schedule`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::edit::{EditError, ListOp};
use super::file_value::ValueRefused;
use super::session::Session;

/// The years a plan covers, both included: `2023-2026`. Written as that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct Horizon {
    pub start: i16,
    pub end: i16,
}

/// Why a horizon does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum HorizonError {
    #[error("{0:?} is not a horizon; write two years, e.g. 2023-2026")]
    Syntax(String),
    #[error("the horizon ends ({end}) before it starts ({start})")]
    Backwards { start: i16, end: i16 },
    #[error(
        "years of a horizon go from {} to {}, and a horizon spans at most {} years",
        Horizon::MIN_YEAR,
        Horizon::MAX_YEAR,
        Horizon::MAX_SPAN
    )]
    OutOfRange,
}

impl Horizon {
    pub const MIN_YEAR: i16 = 1900;
    pub const MAX_YEAR: i16 = 2200;
    pub const MAX_SPAN: i16 = 30;

    /// A checked horizon.
    pub fn new(start: i16, end: i16) -> Result<Horizon, HorizonError> {
        let year = Horizon::MIN_YEAR..=Horizon::MAX_YEAR;
        if !year.contains(&start) || !year.contains(&end) {
            return Err(HorizonError::OutOfRange);
        }
        if end < start {
            return Err(HorizonError::Backwards { start, end });
        }
        if end - start >= Horizon::MAX_SPAN {
            return Err(HorizonError::OutOfRange);
        }
        Ok(Horizon { start, end })
    }

    /// How many years it covers (2023-2026: 4).
    pub fn years(self) -> i16 {
        self.end - self.start + 1
    }

    /// Whether the cronograma goes by quarter (one or two years) rather than by year.
    pub fn by_quarter(self) -> bool {
        self.years() <= 2
    }
}

/// Read from a file as its text: a refusal is said in the user's language ([`ValueRefused`]).
impl<'de> Deserialize<'de> for Horizon {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Horizon, D::Error> {
        String::deserialize(d)?.parse().map_err(|e: HorizonError| ValueRefused::from(e).into_error())
    }
}

impl std::str::FromStr for Horizon {
    type Err = HorizonError;

    /// `2023-2026`, `2023–2026`, `2023 - 2026`, `2023/2026` or one year `2024`.
    fn from_str(text: &str) -> Result<Horizon, HorizonError> {
        let syntax = || HorizonError::Syntax(text.to_owned());
        let year = |t: &str| {
            let t = t.trim();
            (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit())).then(|| t.parse::<i16>().ok()).flatten()
        };
        let mut parts = text.split(['-', '–', '—', '/']);
        let start = parts.next().and_then(year).ok_or_else(syntax)?;
        let end = match parts.next() {
            None => start,
            Some(p) => year(p).ok_or_else(syntax)?,
        };
        if parts.next().is_some() {
            return Err(syntax());
        }
        Horizon::new(start, end)
    }
}

impl TryFrom<String> for Horizon {
    type Error = HorizonError;
    fn try_from(text: String) -> Result<Horizon, HorizonError> {
        text.parse()
    }
}

impl From<Horizon> for String {
    fn from(h: Horizon) -> String {
        h.to_string()
    }
}

impl fmt::Display for Horizon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end { write!(f, "{}", self.start) } else { write!(f, "{}-{}", self.start, self.end) }
    }
}

/// What a reto comes from: a DAFO factor, a CAME action or a crossed strategy.
/// Typed: before format version 4 the action `A1` (Afrontar) and the threat `A1`
/// shared an ID; now Afrontar actions are `AF1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Source {
    Factor(String),
    Action(String),
    Strategy(String),
}

impl Source {
    pub fn id(&self) -> &str {
        match self {
            Source::Factor(id) | Source::Action(id) | Source::Strategy(id) => id,
        }
    }

    /// Reads a bare ID by its prefix: `FO1` a strategy, `D1` a factor, `M2` an
    /// action. A bare `A3` is the threat; Afrontar actions are `AF3`.
    pub fn guess(id: &str) -> Option<Source> {
        let letters: String = id.chars().take_while(char::is_ascii_uppercase).collect();
        let digits = &id[letters.len()..];
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let id = id.to_owned();
        Some(match letters.as_str() {
            "FO" | "DO" | "FA" | "DA" => Source::Strategy(id),
            "F" | "D" | "O" | "A" => Source::Factor(id),
            "M" | "C" | "E" | "AF" => Source::Action(id),
            _ => return None,
        })
    }

    /// Whether the thing it names still exists.
    pub fn exists(&self, s: &Session) -> bool {
        match self {
            Source::Factor(id) => s.find_factor(id).is_some(),
            Source::Action(id) => s.find_action(id).is_some(),
            Source::Strategy(id) => s.strategies.iter().any(|st| st.id == *id),
        }
    }
}

/// A strategic challenge (reto): a short statement and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<Source>,
}

/// An eje (strategic axis). Its líneas point at it by ID.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    pub id: String,
    pub text: String,
}

/// A línea de actuación under an eje. Its place among the líneas of its eje is
/// its order in [`Session::lines`]; moving it to another eje keeps its ID.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub id: String,
    /// The eje's ID.
    pub axis: String,
    pub text: String,
    /// IDs of the indicators that measure it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
}

/// Which way an indicator should go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Direction {
    /// More is better.
    #[default]
    Up,
    /// Less is better (waiting times).
    Down,
    /// Keep it where it is (the target, else the baseline): coverage already reached.
    Keep,
}

impl Direction {
    pub fn is_up(&self) -> bool {
        *self == Direction::Up
    }

    /// The mark shown beside an indicator: `↑`, `↓`, `=`.
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "↑",
            Direction::Down => "↓",
            Direction::Keep => "=",
        }
    }

    /// The token files and tables write: `up`, `down`, `keep`.
    pub fn token(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Keep => "keep",
        }
    }
}

/// An indicator (I1…): what is measured, from where to where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, deserialize_with = "super::rules::field::finite", skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    #[serde(default, deserialize_with = "super::rules::field::finite", skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(default, skip_serializing_if = "Direction::is_up")]
    pub direction: Direction,
    /// Hitos: the value meant for the end of some years, in year order, one per year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
}

/// A hito of an indicator: the value meant for the end of one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub year: i16,
    #[serde(deserialize_with = "super::rules::field::finite_number")]
    pub target: f64,
}

impl Indicator {
    /// The hito of `year`, if one is set.
    pub fn milestone(&self, year: i16) -> Option<f64> {
        self.milestones.iter().find(|m| m.year == year).map(|m| m.target)
    }
}

/// An amount of money, kept in cents so sums are exact; written as euros (`1500.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(into = "f64")]
pub struct Euros {
    pub cents: u64,
}

impl Euros {
    /// Largest amount accepted (a thousand million euros), well inside f64 precision.
    pub const MAX_CENTS: u64 = 100_000_000_000;
}

impl TryFrom<f64> for Euros {
    type Error = String;
    fn try_from(euros: f64) -> Result<Euros, String> {
        let cents = (euros * 100.0).round();
        // A fraction of a cent is refused, never rounded away (`0,001` is not 0 €); a
        // few units of rounding error (`0.1 + 0.2` from a spreadsheet) are not one.
        let whole = (euros - cents / 100.0).abs() <= 4.0 * f64::EPSILON * euros.abs();
        if !cents.is_finite() || cents < 0.0 || cents > Euros::MAX_CENTS as f64 || !whole {
            return Err(format!("{euros} is not an amount of euros (0 to 1000000000, whole cents)"));
        }
        Ok(Euros { cents: cents as u64 })
    }
}

/// Read from a file: a refusal is said in the user's language ([`ValueRefused`]).
impl<'de> Deserialize<'de> for Euros {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Euros, D::Error> {
        let euros = f64::deserialize(d)?;
        Euros::try_from(euros).map_err(|_| ValueRefused::Amount(euros.to_string()).into_error())
    }
}

impl From<Euros> for f64 {
    fn from(e: Euros) -> f64 {
        e.cents as f64 / 100.0
    }
}

/// Mission or vision: the two statements of the strategic formulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Statement {
    Mission,
    Vision,
}

/// A reversible change to the plan part of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PlanEdit {
    Statement(Statement, Option<String>),
    Value(ListOp<String>),
    Challenge(ListOp<Challenge>),
    Axis(ListOp<Axis>),
    Line(ListOp<Line>),
    Indicator(ListOp<Indicator>),
    /// The session's list of funding sources.
    Funding(ListOp<String>),
}

impl Session {
    /// Applies a plan edit, returning its inverse.
    pub(crate) fn apply_plan(&mut self, edit: PlanEdit) -> Result<PlanEdit, EditError> {
        Ok(match edit {
            PlanEdit::Statement(which, text) => {
                let slot = match which {
                    Statement::Mission => &mut self.mission,
                    Statement::Vision => &mut self.vision,
                };
                PlanEdit::Statement(which, std::mem::replace(slot, text))
            }
            PlanEdit::Value(op) => PlanEdit::Value(op.apply(&mut self.values)?),
            PlanEdit::Challenge(op) => PlanEdit::Challenge(op.apply(&mut self.challenges)?),
            PlanEdit::Axis(op) => PlanEdit::Axis(op.apply(&mut self.axes)?),
            PlanEdit::Line(op) => PlanEdit::Line(op.apply(&mut self.lines)?),
            PlanEdit::Indicator(op) => PlanEdit::Indicator(op.apply(&mut self.indicators)?),
            PlanEdit::Funding(op) => PlanEdit::Funding(op.apply(&mut self.funding)?),
        })
    }

    /// Whether the session has any part of a plan (a horizon alone counts).
    pub fn has_plan(&self) -> bool {
        self.meta.horizon.is_some()
            || self.mission.is_some()
            || self.vision.is_some()
            || !self.values.is_empty()
            || !self.challenges.is_empty()
            || !self.axes.is_empty()
            || !self.lines.is_empty()
            || !self.indicators.is_empty()
    }

    pub fn find_axis(&self, id: &str) -> Option<usize> {
        self.axes.iter().position(|a| a.id == id)
    }

    pub fn find_line(&self, id: &str) -> Option<usize> {
        self.lines.iter().position(|l| l.id == id)
    }

    pub fn find_indicator(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.id == id)
    }

    pub fn find_challenge(&self, id: &str) -> Option<usize> {
        self.challenges.iter().position(|c| c.id == id)
    }

    /// The líneas of an eje, in order, with their positions in [`Session::lines`].
    pub fn lines_of<'a>(&'a self, axis: &'a str) -> impl Iterator<Item = (usize, &'a Line)> + 'a {
        self.lines.iter().enumerate().filter(move |(_, l)| l.axis == axis)
    }

    /// The display number of a línea, `(eje, línea)` counted from 1: `(1, 2)` is
    /// shown "1.2". `None` for an unknown línea or one whose eje is gone.
    pub fn line_number(&self, id: &str) -> Option<(usize, usize)> {
        let line = self.lines.get(self.find_line(id)?)?;
        let axis = self.find_axis(&line.axis)?;
        let n = self.lines_of(&line.axis).position(|(_, l)| l.id == id)?;
        Some((axis + 1, n + 1))
    }

    /// The línea with display number `axis.line` ("1.2"), if any.
    pub fn line_by_number(&self, axis: usize, line: usize) -> Option<&Line> {
        let a = self.axes.get(axis.checked_sub(1)?)?;
        self.lines_of(&a.id).nth(line.checked_sub(1)?).map(|(_, l)| l)
    }

    /// The "1.2" label of a línea, or its ID with `?` when it no longer exists
    /// (a deleted línea shows as missing, like a deleted factor).
    pub fn line_label(&self, id: &str) -> String {
        match self.line_number(id) {
            Some((a, l)) => format!("{a}.{l}"),
            None => format!("{id}?"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn horizons_read_and_check() {
        assert_eq!("2023-2026".parse::<Horizon>(), Ok(Horizon { start: 2023, end: 2026 }));
        assert_eq!("2023 – 2026".parse::<Horizon>().map(|h| h.years()), Ok(4));
        assert_eq!("2024".parse::<Horizon>().map(|h| h.to_string()), Ok("2024".to_owned()));
        assert!(matches!("2026-2023".parse::<Horizon>(), Err(HorizonError::Backwards { .. })));
        assert!(matches!("23-26".parse::<Horizon>(), Err(HorizonError::Syntax(_))));
        assert!(matches!("2023-2026-2027".parse::<Horizon>(), Err(HorizonError::Syntax(_))));
        assert!(matches!("1800-1801".parse::<Horizon>(), Err(HorizonError::OutOfRange)));
        assert!(matches!("2000-2090".parse::<Horizon>(), Err(HorizonError::OutOfRange)));
        assert!(Horizon::new(2025, 2026).unwrap().by_quarter());
        assert!(!Horizon::new(2023, 2026).unwrap().by_quarter());
    }

    #[test]
    fn sources_are_guessed_by_prefix() {
        assert_eq!(Source::guess("FO2"), Some(Source::Strategy("FO2".into())));
        assert_eq!(Source::guess("A3"), Some(Source::Factor("A3".into())));
        assert_eq!(Source::guess("C1"), Some(Source::Action("C1".into())));
        assert_eq!(Source::guess("AF2"), Some(Source::Action("AF2".into())));
        assert_eq!(Source::guess("L1"), None);
        assert_eq!(Source::guess("D"), None);
        assert_eq!(Source::guess("D1x"), None);
    }

    #[test]
    fn euros_keep_cents() {
        let e = Euros::try_from(1500.25).unwrap();
        assert_eq!(e.cents, 150_025);
        assert_eq!(f64::from(e), 1500.25);
        assert!(Euros::try_from(-1.0).is_err());
        assert!(Euros::try_from(f64::NAN).is_err());
        assert!(Euros::try_from(1e12).is_err());
        assert_eq!(ron::from_str::<Euros>("18000").map(|e| e.cents), Ok(1_800_000));
        assert!(ron::from_str::<Euros>("-5.0").is_err());
    }

    #[test]
    fn euros_refuse_a_fraction_of_a_cent() {
        // Stored as meant or refused: never rounded to the nearest cent.
        assert!(Euros::try_from(0.001).is_err());
        assert!(Euros::try_from(1000.005).is_err());
        assert!(Euros::try_from(999_999_999.999).is_err());
        assert!(ron::from_str::<Euros>("12.345").is_err());
        // Rounding noise of a sum is no fraction of a cent.
        assert_eq!(Euros::try_from(0.1 + 0.2).map(|e| e.cents), Ok(30));
        assert_eq!(Euros::try_from(1_000_000_000.0).map(|e| e.cents), Ok(Euros::MAX_CENTS));
        assert_eq!(Euros::try_from(0.07).map(|e| e.cents), Ok(7));
    }
}
