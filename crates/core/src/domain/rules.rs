//! The rules of the domain, each stated once: impact 1-5, rating 1-4, weight 0-1,
//! the days a date may be and item IDs (`F12`: a prefix and a number). The
//! session loader, the importers and the editor all check values through these
//! types, so a value one of them refuses is refused by all of them.

use std::fmt;

use serde::{Deserialize, Deserializer};
use thiserror::Error;

/// A value outside its range, said the same way wherever it came from.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{what} must be {} to {}, not {value}", range.0, range.1)]
pub struct RangeError {
    pub what: &'static str,
    /// The lowest and the highest value allowed, as written.
    pub range: (&'static str, &'static str),
    pub value: String,
}

macro_rules! small_scale {
    ($name:ident, $what:literal, $min:literal, $max:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u8);

        impl $name {
            pub const MIN: u8 = $min;
            pub const MAX: u8 = $max;

            pub fn get(self) -> u8 {
                self.0
            }

            /// Reads the value as typed in a file or a cell (`" 4 "`).
            pub fn parse(text: &str) -> Result<$name, RangeError> {
                let t = text.trim();
                t.parse::<i64>().map_err(|_| Self::error(t)).and_then($name::try_from)
            }

            fn error(value: impl fmt::Display) -> RangeError {
                RangeError { what: $what, range: (stringify!($min), stringify!($max)), value: value.to_string() }
            }
        }

        impl TryFrom<i64> for $name {
            type Error = RangeError;
            fn try_from(v: i64) -> Result<$name, RangeError> {
                u8::try_from(v).ok().filter(|v| ($min..=$max).contains(v)).map($name).ok_or_else(|| Self::error(v))
            }
        }

        impl TryFrom<u8> for $name {
            type Error = RangeError;
            fn try_from(v: u8) -> Result<$name, RangeError> {
                $name::try_from(i64::from(v))
            }
        }

        impl From<$name> for u8 {
            fn from(v: $name) -> u8 {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

small_scale!(Impact, "impact", 1, 5, "How much a factor matters, 1 (little) to 5 (a lot).");
small_scale!(Rating, "rating", 1, 4, "EFI/EFE rating of a factor, 1 (major weakness) to 4 (major strength).");

/// EFI/EFE weight of a factor: a finite number from 0.0 to 1.0.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Weight(f64);

impl Weight {
    pub fn get(self) -> f64 {
        self.0
    }

    /// Reads a weight as people type it: `0.15`, `0,15`, `15%`.
    pub fn parse(text: &str) -> Result<Weight, RangeError> {
        let t = text.trim().replace(',', ".");
        let bad = || Weight::error(text.trim());
        let weight = match t.strip_suffix('%') {
            Some(p) => p.trim().parse::<f64>().map_err(|_| bad()).and_then(Weight::from_percent),
            None => t.parse::<f64>().map_err(|_| bad()).and_then(Weight::try_from),
        };
        weight.map_err(|_| bad())
    }

    /// The weight a percentage stands for (`33.3` → `0.333`): the decimal typed
    /// moved two places, so that it is the number nearest to what was meant and
    /// is written back as typed (`x / 100.0` would give `0.33299999999999996`).
    pub fn from_percent(percent: f64) -> Result<Weight, RangeError> {
        // `{}` writes the shortest decimal that reads back as `percent`: for a
        // number typed with up to 15 digits, the digits typed; never an exponent.
        let moved = format!("{percent}e-2").parse::<f64>().unwrap_or(percent / 100.0);
        Weight::try_from(moved)
    }

    fn error(value: impl fmt::Display) -> RangeError {
        RangeError { what: "weight", range: ("0.0", "1.0"), value: value.to_string() }
    }
}

impl TryFrom<f64> for Weight {
    type Error = RangeError;
    fn try_from(w: f64) -> Result<Weight, RangeError> {
        // NaN fails `contains`; infinities are outside the range.
        if (0.0..=1.0).contains(&w) { Ok(Weight(w)) } else { Err(Weight::error(w)) }
    }
}

impl From<Weight> for f64 {
    fn from(w: Weight) -> f64 {
        w.0
    }
}

/// The first and the last day a date of a session may be (an action's start
/// or due date, a meeting's, a year's review, the session's own): the years a
/// plan's horizon may cover ([`Horizon::MIN_YEAR`] to [`Horizon::MAX_YEAR`]).
/// Every one of them is written with a four-digit year, so what is shown of a
/// date reads back as that date.
///
/// [`Horizon::MIN_YEAR`]: super::Horizon::MIN_YEAR
/// [`Horizon::MAX_YEAR`]: super::Horizon::MAX_YEAR
pub const DATES: (jiff::civil::Date, jiff::civil::Date) =
    (jiff::civil::Date::constant(1900, 1, 1), jiff::civil::Date::constant(2200, 12, 31));

/// `d` if a session may hold it ([`DATES`]), else why not.
pub fn checked_date(d: jiff::civil::Date) -> Result<jiff::civil::Date, RangeError> {
    if (DATES.0..=DATES.1).contains(&d) {
        Ok(d)
    } else {
        Err(RangeError { what: "date", range: ("1900-01-01", "2200-12-31"), value: d.to_string() })
    }
}

/// Highest number an item ID may carry. Counters are `u64`, so even a file whose IDs
/// reach `u32::MAX` goes on counting; a hand-made file beyond this is refused on load
/// rather than let the counter wrap round to IDs already in use.
pub const MAX_ID_NUMBER: u64 = 1 << 53;

/// An item ID: an upper-case prefix of 1 to 3 letters and a number above zero
/// (`F12`, `C3`, `FO2`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    prefix: String,
    number: u64,
}

impl ItemId {
    pub fn new(prefix: &str, number: u64) -> ItemId {
        ItemId { prefix: prefix.to_owned(), number }
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn number(&self) -> u64 {
        self.number
    }

    /// The number of `id` if it is an ID with exactly this prefix (`F12` → 12 for `F`).
    pub fn number_for(id: &str, prefix: &str) -> Option<u64> {
        ItemId::parts(id).filter(|(p, _)| *p == prefix).map(|(_, n)| n)
    }

    /// The prefix and number of `id`, if it is one, read without copying: what
    /// loading checks for every item of a session.
    pub fn parts(id: &str) -> Option<(&str, u64)> {
        let letters = id.bytes().take_while(u8::is_ascii_uppercase).count();
        let digits = &id[letters..];
        if !(1..=3).contains(&letters) || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let number = digits.parse::<u64>().ok().filter(|n| (1..=MAX_ID_NUMBER).contains(n))?;
        Some((&id[..letters], number))
    }
}

impl TryFrom<&str> for ItemId {
    type Error = RangeError;
    fn try_from(id: &str) -> Result<ItemId, RangeError> {
        let (prefix, number) = ItemId::parts(id).ok_or_else(|| RangeError {
            what: "ID",
            range: ("A1", "ZZZ9007199254740992"),
            value: format!("{id:?}"),
        })?;
        Ok(ItemId::new(prefix, number))
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.prefix, self.number)
    }
}

/// Serde helpers for the optional fields of a factor: a file's value goes through the
/// type's rule and a value out of range is a located load error.
pub(crate) mod field {
    use super::*;

    fn checked<'de, D, T, R, E>(d: D, check: impl Fn(T) -> Result<R, E>) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de> + Copy,
        E: Into<crate::domain::ValueRefused>,
    {
        match Option::<T>::deserialize(d)? {
            Some(v) => check(v).map(|_| Some(v)).map_err(|e| e.into().into_error()),
            None => Ok(None),
        }
    }

    pub fn impact<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
        checked(d, Impact::try_from)
    }

    pub fn rating<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
        checked(d, Rating::try_from)
    }

    pub fn weight<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        checked(d, Weight::try_from)
    }

    /// A date the session may hold ([`checked_date`]): `0000-06-01` is refused
    /// where it is written, not shown as a day no form reads back.
    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<jiff::civil::Date>, D::Error> {
        checked(d, checked_date)
    }

    /// The session's own moment: its day is a date the session may hold
    /// ([`checked_date`]), as the metadata form shows and reads it.
    pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<jiff::Timestamp, D::Error> {
        let t = jiff::Timestamp::deserialize(d)?;
        checked_date(t.to_zoned(jiff::tz::TimeZone::UTC).date())
            .map(|_| t)
            .map_err(|e| crate::domain::ValueRefused::from(e).into_error())
    }

    /// A number the plan measures with (an indicator's baseline, target, hito or
    /// value): any, but a number (RON reads `NaN` and `inf` too, which no export
    /// or merge could carry).
    pub fn finite<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        checked(d, is_finite)
    }

    /// [`finite`] for a number that must be there.
    pub fn finite_number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        is_finite(f64::deserialize(d)?).map_err(crate::domain::ValueRefused::into_error)
    }

    fn is_finite(v: f64) -> Result<f64, crate::domain::ValueRefused> {
        if v.is_finite() { Ok(v) } else { Err(crate::domain::ValueRefused::NotANumber(v.to_string())) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts read without copying are the ID's, and refuse what it refuses.
    #[test]
    fn an_id_s_parts_are_read_as_the_id_is() {
        for id in ["F1", "F12", "FO2", "EJ10", "ZZZ9007199254740992", "F01"] {
            let whole = ItemId::try_from(id).expect(id);
            assert_eq!(ItemId::parts(id), Some((whole.prefix(), whole.number())), "{id}");
        }
        for bad in
            ["", "F", "1", "F0", "f1", "FFFF1", "F1x", "Ñ1", "FÑ1", "F-1", "F 1", "F18446744073709551616", "F\u{1b}1"]
        {
            assert!(ItemId::parts(bad).is_none() && ItemId::try_from(bad).is_err(), "{bad:?}");
        }
        assert_eq!(ItemId::number_for("AF3", "AF"), Some(3));
        assert_eq!(ItemId::number_for("AF3", "A"), None);
    }

    #[test]
    fn each_rule_in_one_place() {
        assert_eq!(Impact::try_from(5u8).map(Impact::get), Ok(5));
        assert!(Impact::try_from(0u8).is_err() && Impact::try_from(200u8).is_err() && Impact::try_from(-1i64).is_err());
        assert_eq!(Rating::parse(" 4 ").map(u8::from), Ok(4));
        assert_eq!(Rating::parse("7").unwrap_err().to_string(), "rating must be 1 to 4, not 7");
        assert!(Rating::parse("x").is_err());
        for bad in [f64::NAN, f64::INFINITY, -0.1, 1e308, 1.01] {
            assert!(Weight::try_from(bad).is_err(), "{bad}");
        }
        assert_eq!(Weight::parse("15%").map(Weight::get), Ok(0.15));
        assert_eq!(Weight::parse("0,2").map(f64::from), Ok(0.2));
        assert!(Weight::parse("1.5").is_err() && Weight::parse("NaN").is_err());
    }

    /// Dates span the years a horizon may, and the refusal says the range as written.
    #[test]
    fn dates_span_the_years_of_a_horizon() {
        use super::super::Horizon;
        use jiff::civil::date;
        assert_eq!((DATES.0.year(), DATES.1.year()), (Horizon::MIN_YEAR, Horizon::MAX_YEAR));
        let e = checked_date(date(0, 6, 1)).unwrap_err();
        assert_eq!((e.range.0.to_owned(), e.range.1.to_owned()), (DATES.0.to_string(), DATES.1.to_string()));
        assert_eq!(e.to_string(), "date must be 1900-01-01 to 2200-12-31, not 0000-06-01");
        assert_eq!((checked_date(DATES.0), checked_date(DATES.1)), (Ok(DATES.0), Ok(DATES.1)));
        for bad in [date(1899, 12, 31), date(2201, 1, 1), date(-1, 1, 1), date(9999, 12, 31)] {
            assert!(checked_date(bad).is_err(), "{bad}");
        }
        assert_eq!(checked_date(date(2026, 12, 31)), Ok(date(2026, 12, 31)));
    }

    /// A percentage with decimals is the weight it stands for, written back as typed.
    #[test]
    fn a_percentage_is_the_weight_meant() {
        assert_eq!(Weight::parse("33.3%").map(f64::from), Ok(0.333));
        assert_eq!(Weight::parse("33,3 %").map(f64::from), Ok(0.333));
        assert_eq!(Weight::from_percent(7.1).map(f64::from), Ok(0.071));
        assert_eq!(Weight::from_percent(100.0).map(f64::from), Ok(1.0));
        assert!(Weight::from_percent(100.5).is_err() && Weight::from_percent(f64::NAN).is_err());
    }

    #[test]
    fn ids_have_a_prefix_and_a_number() {
        let id = ItemId::try_from("FO12").unwrap();
        assert_eq!((id.prefix(), id.number(), id.to_string().as_str()), ("FO", 12, "FO12"));
        assert_eq!(ItemId::number_for("F4294967295", "F"), Some(4_294_967_295));
        assert_eq!(ItemId::number_for("FO3", "F"), None);
        for bad in ["", "F", "12", "F0", "f1", "FOUR1", "F1a", "F99999999999999999999"] {
            assert!(ItemId::try_from(bad).is_err(), "{bad}");
        }
    }
}
