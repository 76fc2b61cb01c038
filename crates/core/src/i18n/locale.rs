//! How each language writes and reads numbers, amounts, percentages and dates:
//! one [`Locale`] per language, filled in beside its catalogue (`es.rs`, `en.rs`,
//! `ca.rs`). Every formatter and every reader of a typed number goes through here,
//! so what one language writes reads back as the same value in it.
//!
//! Reading follows the language: `1.620,5` in Spanish and Catalan, `1,620.5` in
//! English. A text the language cannot read but the other convention reads one
//! way only (`12.5` in Spanish) is taken as that. A text that reads two ways
//! (`1,620` in Spanish: 1,62 by the rule, 1620 as English writes it) is refused
//! with both readings shown ([`Unread::Ambiguous`]), never stored as one of them.

use jiff::civil::Date;

/// The order of a date's parts, written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `2027-01-31`.
    Iso,
    /// `31/01/2027`.
    DayMonthYear,
}

/// One language's way with numbers, money, percentages and dates.
#[derive(Debug)]
pub struct Locale {
    /// The decimal sign: `,` or `.`.
    pub decimal: char,
    /// The thousands separator: `.` or `,`.
    pub group: char,
    /// Whether the euro sign goes before the amount (`€12,000.50`) or after it
    /// with a space (`12.000,50 €`).
    pub currency_first: bool,
    /// Whether a space goes before the percent sign (`54 %`) or not (`54%`).
    pub percent_space: bool,
    /// How dates are written in documents, reports and screens.
    pub date: DateOrder,
    /// A number refused because it reads two ways: the text typed, then the two
    /// readings as this language writes them (`1,620`, `1,62`, `1.620`).
    pub ambiguous: fn(&str, &str, &str) -> String,
    /// A number refused because it has more digits than can be kept as written
    /// (`99999999999999999999`): the text typed.
    pub too_many_digits: fn(&str) -> String,
}

/// Why a text was not read as a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Unread {
    /// Not a number in any convention (`mucho`, `1,2,3`).
    NotANumber,
    /// A number two ways: the message says which and how to write each.
    Ambiguous(String),
    /// A number with more digits than a number holds (`99999999999999999999`
    /// would be stored as 100000000000000000000): the message says so.
    TooManyDigits(String),
}

/// A number read under one convention: its value, whether its shape also
/// reads under the other convention as a different number, and whether the
/// value is the number written, digit for digit (see [`stored_as_written`]).
struct Reading {
    value: f64,
    two_ways: bool,
    exact: bool,
}

/// `-0`, `-0.00`: a value that rounds to zero from below is written without
/// its sign (a progress of -0.01 % is "0 %", not "-0 %").
fn unsigned_zero(text: String) -> String {
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_owned(),
        _ => text,
    }
}

impl Locale {
    /// `x` with exactly `decimals` decimals, no thousands separators: `0,15`, `0.15`.
    pub fn fixed(&self, x: f64, decimals: usize) -> String {
        self.localise(&unsigned_zero(format!("{x:.decimals$}")))
    }

    /// `x` rounded to at most two decimals, none when it is whole: `35`, `12,5`.
    pub fn short(&self, x: f64) -> String {
        let text = if x.fract() == 0.0 && x.abs() < 1e15 { format!("{x:.0}") } else { format!("{x:.2}") };
        let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_owned() } else { text };
        self.localise(&unsigned_zero(text))
    }

    /// `x` exactly, in the shortest way that reads back as `x` in this language
    /// ([`Locale::read_number`]): `1620,5`, `0,75`; a fraction of exactly three
    /// digits gets a fourth zero (`1,6250`) so it cannot pass for thousands.
    pub fn exact(&self, x: f64) -> String {
        let mut text = format!("{x}");
        if let Some((whole, frac)) = text.split_once('.')
            && frac.len() == 3
            && group_lead(whole.trim_start_matches('-'))
        {
            text.push('0');
        }
        self.localise(&text)
    }

    /// Euros from cents with thousands separators and the euro sign:
    /// `12.000,50 €`, `€12,000.50`, `1.500 €`.
    pub fn money(&self, cents: u64) -> String {
        let whole = self.groups(&(cents / 100).to_string());
        let amount = match cents % 100 {
            0 => whole,
            c => format!("{whole}{}{c:02}", self.decimal),
        };
        if self.currency_first { format!("€{amount}") } else { format!("{amount} €") }
    }

    /// Euros from cents as a plain number for tables that read back: `1500`, `1500,25`.
    pub fn money_plain(&self, cents: u64) -> String {
        let whole = cents / 100;
        match cents % 100 {
            0 => whole.to_string(),
            c => format!("{whole}{}{c:02}", self.decimal),
        }
    }

    /// A percentage rounded to one decimal, with its sign: `62,5 %`, `62.5%`.
    pub fn percent(&self, x: f64) -> String {
        let n = self.short((x * 10.0).round() / 10.0);
        if self.percent_space { format!("{n} %") } else { format!("{n}%") }
    }

    /// A date in this language's order: `31/01/2027`, `2027-01-31`.
    pub fn date(&self, d: Date) -> String {
        match self.date {
            DateOrder::Iso => d.to_string(),
            DateOrder::DayMonthYear => format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
        }
    }

    /// A number as a person types it in this language: `1.620,5` or `1,620.5`
    /// as the language writes it, `12,5`, `-3`; a `%` after it or a `€` before
    /// or after it is left aside, and a space may stand between thousands
    /// (`1 620,5`, `12 345 678`) but nowhere else: `12 5` is two numbers, not 125.
    pub fn read_number(&self, text: &str) -> Result<f64, Unread> {
        let t = self.number_text(text).ok_or(Unread::NotANumber)?;
        let kept = |r: Reading| match r.exact {
            true => Ok(r.value),
            false => Err(Unread::TooManyDigits((self.too_many_digits)(&t))),
        };
        match read(&t, self.decimal, self.group) {
            Some(r) if r.two_ways => {
                let other = read(&t, self.group, self.decimal).map_or(r.value, |o| o.value);
                Err(Unread::Ambiguous((self.ambiguous)(&t, &self.exact(r.value), &self.grouped(other))))
            }
            Some(r) => kept(r),
            None => read(&t, self.group, self.decimal).map_or(Err(Unread::NotANumber), kept),
        }
    }

    /// An amount of euros as typed (`1.500,50 €`, `€1,500.50`): see [`Locale::read_number`].
    /// A percentage is no amount (`50 %` was stored as 50 €), and a number whose
    /// own reading in this language has a fraction of a cent (`12,345` in
    /// Spanish) is not offered back as one of two readings: neither is kept,
    /// and the caller says what an amount looks like.
    pub fn read_money(&self, text: &str) -> Result<f64, Unread> {
        if text.trim_end().ends_with('%') {
            return Err(Unread::NotANumber);
        }
        match self.read_number(text) {
            Err(Unread::Ambiguous(said)) => {
                let own = self.number_text(text).and_then(|t| read(&t, self.decimal, self.group));
                match own {
                    Some(r) if (r.value * 100.0).fract() != 0.0 => Err(Unread::NotANumber),
                    _ => Err(Unread::Ambiguous(said)),
                }
            }
            read => read,
        }
    }

    /// A percentage as typed (`62,5 %`, `62.5%`): see [`Locale::read_number`].
    /// Euros are no percentage (`12 €`).
    pub fn read_percent(&self, text: &str) -> Result<f64, Unread> {
        if text.contains('€') {
            return Err(Unread::NotANumber);
        }
        self.read_number(text)
    }

    /// A date as this language writes it, or as `YYYY-MM-DD` in any language;
    /// the year always in four digits (`31/12/26` is no date: its century is
    /// not guessed), and only a date a session may hold
    /// ([`crate::domain::rules::DATES`]), so that what is shown reads back.
    pub fn read_date(&self, text: &str) -> Option<Date> {
        match self.date {
            DateOrder::DayMonthYear => read_written_date(text),
            DateOrder::Iso => read_iso_date(text),
        }
    }

    /// [`Locale::read_date`] of `text`, or the refusal `said` (a catalogue's
    /// `bad_date`: the form this language writes, the years a date may have)
    /// followed by `text`, as the forms say it.
    pub fn read_date_or(&self, text: &str, said: fn(i16, i16) -> String) -> Result<Date, String> {
        self.read_date(text).ok_or_else(|| format!("{}: {}", bad_date(said), text.trim()))
    }

    /// `text` without what may surround a number (`%` after it, `€` before or
    /// after it) and with a space between thousands made this language's
    /// thousands separator (`1 620,5` → `1.620,5`); `None` when a space stands
    /// anywhere else (`12 5`, `1 620.000`), so that two numbers never read as one.
    fn number_text(&self, text: &str) -> Option<String> {
        let t = text.trim();
        let t = match (t.strip_suffix('%'), t.strip_suffix('€'), t.strip_prefix('€')) {
            (Some(n), ..) | (None, Some(n), _) => n.trim_end(),
            (None, None, Some(n)) => n.trim_start(),
            (None, None, None) => t,
        };
        if !t.contains(char::is_whitespace) {
            return Some(t.to_owned());
        }
        // Spaces group thousands instead of the language's separator, never with it.
        if t.contains(self.group) {
            return None;
        }
        let body = t.strip_prefix(['-', '+']).unwrap_or(t);
        let (whole, frac) = body.split_once(self.decimal).unwrap_or((body, ""));
        let mut groups = whole.split(char::is_whitespace);
        let lead = groups.next().unwrap_or_default();
        let thousands = group_lead(lead) && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
        if !thousands || frac.contains(char::is_whitespace) {
            return None;
        }
        Some(t.replace(char::is_whitespace, &self.group.to_string()))
    }

    /// A whole number with thousands separators (`1.620`), else [`Locale::exact`].
    fn grouped(&self, x: f64) -> String {
        if x.fract() == 0.0 && x.abs() < 1e15 {
            let sign = if x < 0.0 { "-" } else { "" };
            format!("{sign}{}", self.groups(&format!("{:.0}", x.abs())))
        } else {
            self.exact(x)
        }
    }

    /// Digits with the thousands separator between groups of three: `12.000`.
    fn groups(&self, digits: &str) -> String {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(self.group);
            }
            out.push(c);
        }
        out
    }

    /// A number written with a `.` decimal point (`0.15`, as Rust and files
    /// write it), with this language's decimal mark instead: `0,15`.
    pub fn localise(&self, text: &str) -> String {
        if self.decimal == '.' { text.to_owned() } else { text.replace('.', &self.decimal.to_string()) }
    }
}

/// A date's refusal (`said`, a catalogue's `bad_date`) with the years a date may have.
pub fn bad_date(said: fn(i16, i16) -> String) -> String {
    let (first, last) = crate::domain::rules::DATES;
    said(first.year(), last.year())
}

/// A date written `YYYY-MM-DD`, if a session may hold it ([`crate::domain::rules::DATES`]).
pub fn read_iso_date(text: &str) -> Option<Date> {
    let d = text.trim().parse::<Date>().ok()?;
    crate::domain::rules::checked_date(d).ok()
}

/// A date as any language of dafo writes it: `2027-01-31` or `31/01/2027`
/// (`1/2/2027` too), the year in four digits, and one a session may hold
/// ([`crate::domain::rules::DATES`]).
pub fn read_written_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some(d) = read_iso_date(text) {
        return Some(d);
    }
    let number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit())).then(|| part.parse::<i16>().ok())?
    };
    let mut parts = text.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (d, m, y) = (number(d, 1..=2)?, number(m, 1..=2)?, number(y, 4..=4)?);
    let date = Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    crate::domain::rules::checked_date(date).ok()
}

/// Whether `whole` could lead groups of thousands: one to three digits, not `0…`.
fn group_lead(whole: &str) -> bool {
    (1..=3).contains(&whole.len()) && !whole.starts_with('0') && whole.chars().all(|c| c.is_ascii_digit())
}

/// `t` read with `decimal` as the decimal sign and `group` between thousands
/// (groups of exactly three digits after a lead of one to three).
/// Whether `value` is the number `normal` (`-12.50`) writes, digit for digit:
/// not so for more digits than a number holds (`99999999999999999999` would
/// be stored as 100000000000000000000, `0.12345678901234567` as
/// 0.12345678901234566), which is refused rather than stored changed.
fn stored_as_written(normal: &str, value: f64) -> bool {
    let canonical = |s: &str| {
        let s = s.trim_start_matches('-');
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        let whole = whole.trim_start_matches('0');
        format!("{}.{}", if whole.is_empty() { "0" } else { whole }, frac.trim_end_matches('0'))
    };
    canonical(normal) == canonical(&value.abs().to_string())
}

fn read(t: &str, decimal: char, group: char) -> Option<Reading> {
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (whole, frac) = match body.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if let Some(f) = frac
        && (f.is_empty() || !digits(f))
    {
        return None;
    }
    let grouped = whole.contains(group);
    if grouped {
        let mut groups = whole.split(group);
        let lead = groups.next().unwrap_or_default();
        if !group_lead(lead) || !groups.all(|g| g.len() == 3 && digits(g)) {
            return None;
        }
    } else if !digits(whole) || (whole.is_empty() && frac.is_none()) {
        return None;
    }
    let sign = if t.starts_with('-') { "-" } else { "" };
    let plain: String = whole.chars().filter(|&c| c != group).collect();
    let normal = match frac {
        Some(f) => format!("{sign}{}.{f}", if plain.is_empty() { "0" } else { &plain }),
        None => format!("{sign}{plain}"),
    };
    let value = normal.parse::<f64>().ok()?;
    let exact = value.is_finite() && stored_as_written(&normal, value);
    // `-0`, `-0,0`: zero, without a sign to store or show (`actual: -0.0`, `'-0`).
    let value = if value == 0.0 { 0.0 } else { value };
    let two_ways = !grouped && frac.is_some_and(|f| f.len() == 3) && group_lead(whole);
    Some(Reading { value, two_ways, exact })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::DATES;
    use crate::i18n::Lang;
    use proptest::prelude::*;

    fn es() -> &'static Locale {
        Lang::Es.locale()
    }

    fn en() -> &'static Locale {
        Lang::En.locale()
    }

    /// `dafo review --value I1=99999999999999999999999999` stored
    /// 100000000000000000000000000: more digits than a number holds.
    #[test]
    fn a_number_with_more_digits_than_it_can_hold_is_refused_not_rounded() {
        for lang in Lang::ALL {
            let l = lang.locale();
            for typed in ["99999999999999999999999999", "0.12345678901234567", "9007199254740993"] {
                // Said as too many digits, not as no number at all.
                let said = (l.too_many_digits)(typed);
                assert_eq!(l.read_number(typed), Err(Unread::TooManyDigits(said)), "{lang:?}: {typed}");
            }
            for (typed, value) in [("9007199254740992", 9_007_199_254_740_992.0), ("1000000000000000000000", 1e21)] {
                assert_eq!(l.read_number(typed), Ok(value), "{lang:?}: {typed}");
            }
            assert_eq!(l.read_number(&l.exact(0.1 + 0.2)), Ok(0.1 + 0.2), "{lang:?}: what dafo writes reads back");
            assert_eq!(l.read_number(&l.localise("-0012.3400")), Ok(-12.34), "{lang:?}");
        }
    }

    /// `dafo review --value I1=-0` stored `actual: -0.0`, exported `'-0`.
    #[test]
    fn a_negative_zero_reads_as_zero() {
        for lang in Lang::ALL {
            let l = lang.locale();
            for typed in ["-0", &l.localise("-0.0"), &l.localise("-0.000"), "-0 %", "+0"] {
                let read = l.read_number(typed).unwrap();
                assert!(read == 0.0 && read.is_sign_positive(), "{lang:?}: {typed} read {read:?}");
            }
            assert!(l.read_money("-0 €").unwrap().is_sign_positive(), "{lang:?}");
            assert_eq!(l.read_number("-5"), Ok(-5.0), "{lang:?}: a real negative keeps its sign");
        }
    }

    /// An indicator 990 on a way from 1,000 to 100,000 has progressed -0.01 %:
    /// it was written "-0 %".
    #[test]
    fn what_rounds_to_zero_from_below_is_written_without_a_sign() {
        for lang in Lang::ALL {
            let l = lang.locale();
            assert_eq!(l.percent(-0.01), l.percent(0.0), "{lang:?}");
            assert_eq!(l.short(-0.001), "0", "{lang:?}");
            assert_eq!(l.short(-0.0), "0", "{lang:?}");
            assert_eq!(l.fixed(-0.001, 2), l.fixed(0.0, 2), "{lang:?}");
            assert_eq!(l.short(-0.5), l.localise("-0.5"), "{lang:?}: a real negative keeps its sign");
            assert_eq!(l.fixed(-1.0, 0), "-1", "{lang:?}");
        }
        assert_eq!(es().percent(-0.01), "0 %");
        assert_eq!(en().percent(-0.01), "0%");
    }

    /// How many days after the first a session may hold its last is.
    fn every_day() -> i32 {
        DATES.0.until(DATES.1).map_or(0, |s| s.get_days())
    }

    #[test]
    fn a_space_stands_between_thousands_and_nowhere_else() {
        assert_eq!(es().read_number("1 620,5"), Ok(1620.5));
        assert_eq!(es().read_number("12 345 678,5"), Ok(12_345_678.5));
        assert_eq!(en().read_number("12 345 678.5"), Ok(12_345_678.5));
        assert_eq!(Lang::Ca.locale().read_number("1\u{a0}620 €"), Ok(1620.0));
        assert_eq!(es().read_number("1\u{202f}620"), Ok(1620.0));
        assert_eq!(es().read_number(" 62,5 % "), Ok(62.5));
        assert_eq!(es().read_number("€ 1.500"), Ok(1500.0));
        // Two cells pasted as one line, a space lost in a number, separators mixed.
        for text in
            ["12 5", "100 50", "1 62", "1  620", "0 620", "1234 567", "1 620.000", "1 620,5 5", "- 5", "1 620.5"]
        {
            assert_eq!(es().read_number(text), Err(Unread::NotANumber), "{text}");
        }
        for text in ["12 5", "100 50", "1 620,000", "1 620,5"] {
            assert_eq!(en().read_number(text), Err(Unread::NotANumber), "{text}");
        }
        // A sign is read where it is written, not wherever it turns up.
        for text in ["1€2", "%5", "5%%", "1%2", "€5%", "5 € €"] {
            assert_eq!(es().read_number(text), Err(Unread::NotANumber), "{text}");
        }
    }

    #[test]
    fn a_year_is_written_whole() {
        let d = Date::constant(2026, 12, 31);
        for l in [es(), Lang::Ca.locale()] {
            assert_eq!(l.read_date("31/12/2026"), Some(d));
            assert_eq!(l.read_date(" 1/2/2027 "), Some(Date::constant(2027, 2, 1)));
            assert_eq!(l.read_date("2026-12-31"), Some(d));
            for text in [
                "31/12/26",
                "31/12/026",
                "31/12/02026",
                "31/12/+2026",
                "31/12/ 2026",
                "31/12/",
                "31/12/2026/1",
                "001/12/2026",
            ] {
                assert_eq!(l.read_date(text), None, "{text}");
            }
        }
        assert_eq!(en().read_date("2026-12-31"), Some(d));
        assert_eq!(en().read_date("31/12/2026"), None);
    }

    #[test]
    fn a_date_outside_the_sessions_years_is_no_date() {
        for l in [es(), en(), Lang::Ca.locale()] {
            for text in
                ["0000-06-01", "01/06/0000", "1899-12-31", "31/12/1899", "2201-01-01", "01/01/2201", "-000001-01-01"]
            {
                assert_eq!(l.read_date(text), None, "{text}");
            }
        }
        assert_eq!(es().read_date("01/01/1900"), Some(DATES.0));
        assert_eq!(en().read_date("2200-12-31"), Some(DATES.1));
    }

    #[test]
    fn each_language_reads_its_own_way() {
        assert_eq!(en().read_number("1,620.5"), Ok(1620.5));
        assert_eq!(es().read_number("1.620,5"), Ok(1620.5));
        assert_eq!(Lang::Ca.locale().read_number("1.620,5"), Ok(1620.5));
        assert_eq!(en().read_number("1,500"), Ok(1500.0));
        assert_eq!(es().read_number("1.500"), Ok(1500.0));
        assert_eq!(en().read_number("€1,500.50"), Ok(1500.5));
        assert_eq!(es().read_number("1.500,50 €"), Ok(1500.5));
        assert_eq!(es().read_number("30 %"), Ok(30.0));
        assert_eq!(es().read_number("-3"), Ok(-3.0));
        assert_eq!(es().read_number("0,125"), Ok(0.125));
        assert_eq!(en().read_number("0.125"), Ok(0.125));
        assert_eq!(es().read_number("2.000.000"), Ok(2_000_000.0));
    }

    #[test]
    fn the_only_reading_of_the_other_convention_is_taken() {
        assert_eq!(es().read_number("12.5"), Ok(12.5));
        assert_eq!(es().read_number("1,620.5"), Ok(1620.5));
        assert_eq!(en().read_number("12,5"), Ok(12.5));
        assert_eq!(en().read_number("1.620,5"), Ok(1620.5));
        assert_eq!(es().read_number("0.750"), Ok(0.75));
    }

    #[test]
    fn text_that_reads_two_ways_is_refused_showing_both() {
        let Err(Unread::Ambiguous(msg)) = es().read_number("1,620") else { panic!("1,620 read in Spanish") };
        assert!(msg.contains("1,62") && msg.contains("1.620"), "{msg}");
        let Err(Unread::Ambiguous(msg)) = en().read_number("1.620") else { panic!("1.620 read in English") };
        assert!(msg.contains("1.62") && msg.contains("1,620"), "{msg}");
        assert!(matches!(Lang::Ca.locale().read_number("12,500 €"), Err(Unread::Ambiguous(_))));
    }

    /// `50 %` in a column of euros stored 50 €; `12,345` was refused with
    /// `escribe 12,3450 o 12.345`, offering back an amount then refused as not
    /// whole cents.
    #[test]
    fn an_amount_is_no_percentage_and_is_never_offered_a_fraction_of_a_cent() {
        for (l, percent) in [(es(), "50 %"), (en(), "50%"), (Lang::Ca.locale(), "12,5 %")] {
            assert_eq!(l.read_money(percent), Err(Unread::NotANumber), "{percent}");
            assert_eq!(l.read_percent(percent).map(|x| x > 0.0), Ok(true), "{percent}");
        }
        assert_eq!(es().read_money("12,345"), Err(Unread::NotANumber));
        assert_eq!(en().read_money("12.345"), Err(Unread::NotANumber));
        // Both readings whole cents: still two ways, both shown.
        let Err(Unread::Ambiguous(msg)) = es().read_money("1,500") else { panic!("1,500 read as euros") };
        assert!(msg.contains("1,5") && msg.contains("1.500"), "{msg}");
        assert_eq!(es().read_money("1.500,50 €"), Ok(1500.5));
        assert_eq!(en().read_money("€1,500.50"), Ok(1500.5));
        // Euros are no percentage.
        assert_eq!(es().read_percent("12 €"), Err(Unread::NotANumber));
    }

    #[test]
    fn nonsense_is_not_a_number() {
        for text in ["mucho", "inf", "NaN", "", "1,2,3", "1.2.3,4.5", "12,", ",", "-", "1..5", "1e5"] {
            assert_eq!(es().read_number(text), Err(Unread::NotANumber), "{text}");
            assert_eq!(en().read_number(text), Err(Unread::NotANumber), "{text}");
        }
    }

    #[test]
    fn formats_per_language() {
        assert_eq!(es().money(1_200_050), "12.000,50 €");
        assert_eq!(en().money(1_200_050), "€12,000.50");
        assert_eq!(es().money_plain(150_025), "1500,25");
        assert_eq!(es().percent(62.54), "62,5 %");
        assert_eq!(en().percent(62.54), "62.5%");
        assert_eq!(es().exact(1.625), "1,6250");
        assert_eq!(en().exact(1620.5), "1620.5");
        let d = Date::constant(2027, 1, 31);
        assert_eq!(es().date(d), "31/01/2027");
        assert_eq!(en().date(d), "2027-01-31");
        assert_eq!(Lang::Ca.locale().date(d), "31/01/2027");
    }

    proptest! {
        #[test]
        fn numbers_read_back(x in proptest::num::f64::NORMAL | proptest::num::f64::ZERO | proptest::num::f64::SUBNORMAL) {
            for &l in Lang::ALL {
                prop_assert_eq!(l.locale().read_number(&l.locale().exact(x)), Ok(x), "{:?}", l);
            }
        }

        #[test]
        fn small_numbers_read_back(whole in -100_000i64..100_000, frac in 0u32..10_000, places in 0u32..5) {
            let x = whole as f64 + f64::from(frac % 10u32.pow(places)) / f64::from(10u32.pow(places));
            for &l in Lang::ALL {
                prop_assert_eq!(l.locale().read_number(&l.locale().exact(x)), Ok(x), "{:?}", l);
            }
        }

        #[test]
        fn amounts_read_back(cents in 0u64..=crate::domain::Euros::MAX_CENTS) {
            for &l in Lang::ALL {
                for text in [l.locale().money(cents), l.locale().money_plain(cents)] {
                    let euros = l.locale().read_money(&text).map(|x| crate::domain::Euros::try_from(x).map(|e| e.cents));
                    prop_assert_eq!(euros, Ok(Ok(cents)), "{:?} {}", l, text);
                }
            }
        }

        #[test]
        fn percentages_read_back(tenths in -10_000i64..=100_000) {
            let x = tenths as f64 / 10.0;
            for &l in Lang::ALL {
                let text = l.locale().percent(x);
                prop_assert_eq!(l.locale().read_percent(&text), Ok(x), "{:?} {}", l, text);
            }
        }

        #[test]
        fn dates_read_back(day in 0i32..=every_day()) {
            let d = DATES.0.checked_add(jiff::Span::new().days(day)).unwrap_or(DATES.1);
            for &l in Lang::ALL {
                prop_assert_eq!(l.locale().read_date(&l.locale().date(d)), Some(d), "{:?}", l);
            }
        }

        /// A date outside the years a session holds is refused however it is written.
        #[test]
        fn dates_outside_the_range_are_refused(y in -9999i16..=9999, m in 1i8..=12, d in 1i8..=28) {
            let date = Date::constant(y, m, d);
            prop_assume!(!(DATES.0..=DATES.1).contains(&date));
            for &l in Lang::ALL {
                let locale = l.locale();
                prop_assert_eq!(locale.read_date(&locale.date(date)), None, "{:?}", l);
                prop_assert_eq!(locale.read_date(&date.to_string()), None, "{:?}", l);
            }
        }

        /// A day, a month and a year as anyone may type them read as a date only
        /// when it is one, its year in four digits: what it reads as is written
        /// back as typed (zeros aside).
        #[test]
        fn typed_dates_read_only_as_written(d in 0u32..40, m in 0u32..15, y in "[0-9]{1,5}", pad in any::<bool>()) {
            let text = if pad { format!("{d:02}/{m:02}/{y}") } else { format!("{d}/{m}/{y}") };
            for &l in Lang::ALL {
                let locale = l.locale();
                match locale.read_date(&text) {
                    Some(date) => {
                        prop_assert_eq!(locale.date(date), format!("{d:02}/{m:02}/{y}"), "{:?}", l);
                        prop_assert!(y.len() == 4 && (DATES.0..=DATES.1).contains(&date));
                    }
                    None => {
                        let real = y.len() == 4 && Date::new(y.parse().unwrap_or(0), m as i8, d as i8).is_ok_and(|x| (DATES.0..=DATES.1).contains(&x));
                        prop_assert!(!real || locale.date == DateOrder::Iso, "{:?}: {} refused", l, text);
                    }
                }
            }
        }

        /// Numbers written with spaces between thousands read as written, in
        /// each language's own way.
        #[test]
        fn spaces_between_thousands_read(whole in 0u64..1_000_000_000_000, cents in 0u32..100, lang in 0usize..3) {
            let l = Lang::ALL[lang].locale();
            let digits = whole.to_string();
            let mut spaced = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    spaced.push(' ');
                }
                spaced.push(c);
            }
            let text = format!("{spaced}{}{cents:02}", l.decimal);
            let meant = format!("{whole}.{cents:02}").parse::<f64>().unwrap_or(f64::NAN);
            prop_assert_eq!(l.read_number(&text), Ok(meant), "{}", text);
        }

        /// Two numbers with a space between them never read as one: refused,
        /// unless the second is a group of three digits after one of one to
        /// three (thousands written with a space).
        #[test]
        fn two_numbers_never_read_as_one(a in 0u32..100_000, b in 0u32..100_000, lang in 0usize..3) {
            let l = Lang::ALL[lang].locale();
            let (a, b) = (a.to_string(), b.to_string());
            let text = format!("{a} {b}");
            let thousands = (1..=3).contains(&a.len()) && !a.starts_with('0') && b.len() == 3;
            match l.read_number(&text) {
                Ok(x) => prop_assert!(thousands && x == format!("{a}{b}").parse::<f64>().unwrap_or(f64::NAN), "{} read as {}", text, x),
                Err(e) => prop_assert!(!thousands && e == Unread::NotANumber, "{} refused: {:?}", text, e),
            }
        }

        /// Any text either is refused or reads as the number it shows: its
        /// digits, in their order, and its sign.
        #[test]
        fn junk_is_refused_or_read_as_meant(text in "[-+0-9 .,€%]{0,14}", lang in 0usize..3) {
            let l = Lang::ALL[lang].locale();
            if let Ok(x) = l.read_number(&text) {
                let significant = |digits: String| digits.trim_start_matches('0').trim_end_matches('0').to_owned();
                let typed = significant(text.chars().filter(char::is_ascii_digit).collect());
                let shown = format!("{:e}", x.abs());
                let mantissa = shown.split('e').next().unwrap_or_default();
                let read = significant(mantissa.chars().filter(char::is_ascii_digit).collect());
                prop_assert_eq!(&typed, &read, "{:?} read as {}", text, x);
                // Its sign, but a zero is never negative (`-0` is 0, stored and shown as 0).
                let negative = text.replace('€', "").trim_start().starts_with('-') && x != 0.0;
                prop_assert_eq!(negative, x.is_sign_negative(), "{:?} read as {}", text, x);
            }
        }
    }
}
