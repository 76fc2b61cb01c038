//! The plan financiero's words in each language (the default funding sources,
//! what `dafo check` says, the form's and the tables' words), and the one way
//! per-year amounts are typed and shown: `2026: 1.500; 2027: 2.000,50`, each
//! amount read in the session's language ([`Locale::read_money`]).

use super::Lang;
use super::locale::{Locale, Unread};
use crate::domain::{Euros, Horizon, MoneyProblem, YearAmount};

/// The money words of one language.
#[derive(Debug)]
pub struct MoneyWords {
    /// Funding sources a session starts with (its list stays empty until edited).
    pub default_funding: &'static [&'static str],
    /// `dafo check`: an amount for a year outside the horizon (action, year, horizon or "").
    pub year_outside: fn(&str, i16, &str) -> String,
    /// `dafo check`: an amount given twice for one year (action, year).
    pub twice: fn(&str, i16) -> String,
    /// `dafo check`: a single amount beside amounts per year that add up to another (action, amount, sum).
    pub total_differs: fn(&str, &str, &str) -> String,
    /// `dafo check`: a funding source not in the list (action, source, the list).
    pub unknown_funding: fn(&str, &str, &str) -> String,
    /// The action form's labels and hint.
    pub amount_label: &'static str,
    pub amount_hint: &'static str,
    pub funding_label: &'static str,
    /// The metadata form's field of the session's funding sources.
    pub sources_label: &'static str,
    /// A per-year amount that does not read: what was typed.
    pub bad_year_amount: fn(&str) -> String,
    /// A funding source not in the list: what was typed, the list.
    pub not_a_source: fn(&str, &str) -> String,
    /// What the form understood (the amounts as read, the total).
    pub understood: fn(&str, &str) -> String,
    /// Tables: the section, its two tables, the columns.
    pub plan_heading: &'static str,
    pub by_line: &'static str,
    pub by_source: &'static str,
    pub axis: &'static str,
    pub line: &'static str,
    pub source: &'static str,
    pub no_source: &'static str,
    pub unsplit: &'static str,
    pub total: &'static str,
    pub planned: &'static str,
    pub committed: &'static str,
    pub paid: &'static str,
    pub execution: &'static str,
    /// The degree of implementation's column beside execution.
    pub degree: &'static str,
    /// The follow-up's input line of an action's money, what it recorded, and a line with more than two parts.
    pub follow_prompt: &'static str,
    pub follow_said: fn(&str, i16, &str, &str) -> String,
    pub bad_pair: fn(&str) -> String,
    /// The Seguimiento view's detail of an action's year: committed and paid (`—` when not
    /// recorded), and what was planned for that year (empty when nothing).
    pub follow_detail: fn(&str, &str, &str) -> String,
    /// The follow-up's report: the execution table's heading (year).
    pub execution_heading: fn(i16) -> String,
    /// Under the plan financiero's heading: the descartada actions with
    /// amounts, which no table counts (their IDs).
    pub dropped_left_out: fn(&str) -> String,
}

impl Lang {
    /// This language's money words.
    pub fn money(self) -> &'static MoneyWords {
        &self.text().money
    }

    /// One line of `dafo check` for a money problem.
    pub fn money_problem(self, p: &MoneyProblem, sources: &[&str]) -> String {
        let w = self.money();
        match p {
            MoneyProblem::YearOutside { action, year, horizon } => {
                (w.year_outside)(action, *year, &horizon.map(|h| h.to_string()).unwrap_or_default())
            }
            MoneyProblem::TwiceAYear { action, year } => (w.twice)(action, *year),
            MoneyProblem::TotalDiffers { action, total, years } => {
                (w.total_differs)(action, &self.locale().money(total.cents), &self.locale().money(years.cents))
            }
            MoneyProblem::UnknownFunding { action, source } => (w.unknown_funding)(action, source, &sources.join(", ")),
        }
    }
}

/// An amount of euros as `lang` writes it (`1.500,50` in Spanish); empty is none.
/// Refused, never read another way: a negative, too large or ambiguous number.
pub fn read_amount(lang: Lang, text: &str) -> Result<Option<Euros>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let bad = || lang.plan_ui().bad_amount.to_owned();
    match lang.locale().read_money(text) {
        Ok(x) => Euros::try_from(x).map(Some).map_err(|_| format!("{text:?} {}", bad())),
        Err(Unread::Ambiguous(m) | Unread::TooManyDigits(m)) => Err(m),
        Err(Unread::NotANumber) => Err(format!("{text:?} {}", bad())),
    }
}

/// Why per-year amounts do not read: the part that does not, or an ambiguous
/// number or one with too many digits (the message says which).
#[derive(Debug, Clone, PartialEq)]
pub enum BudgetUnread {
    Part(String),
    Ambiguous(String),
}

/// Per-year amounts as typed: `2026: 1.500; 2027: 2.000` (`;` or a new line
/// between years, `:` or `=` after the year), each amount read in `locale`'s way.
/// Years are sorted; a year given twice, outside 1900-2200 or an amount that
/// does not read is refused. An empty text is no amounts.
pub fn read_budget(locale: &Locale, text: &str) -> Result<Vec<YearAmount>, BudgetUnread> {
    let mut out: Vec<YearAmount> = Vec::new();
    for part in text.split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || BudgetUnread::Part(part.to_owned());
        let (year, amount) = part.split_once([':', '=']).ok_or_else(bad)?;
        let year = year.trim();
        let year = (year.len() == 4).then(|| year.parse::<i16>().ok()).flatten().ok_or_else(bad)?;
        if !(Horizon::MIN_YEAR..=Horizon::MAX_YEAR).contains(&year) || out.iter().any(|y| y.year == year) {
            return Err(bad());
        }
        let euros = match locale.read_money(amount) {
            Ok(x) => x,
            Err(Unread::Ambiguous(m) | Unread::TooManyDigits(m)) => return Err(BudgetUnread::Ambiguous(m)),
            Err(Unread::NotANumber) => return Err(bad()),
        };
        let amount = Euros::try_from(euros).map_err(|_| bad())?;
        out.push(YearAmount { year, amount });
    }
    out.sort_by_key(|y| y.year);
    Ok(out)
}

/// Per-year amounts as [`read_budget`] reads them back: `2026: 1500; 2027: 2000,50`.
pub fn write_budget(locale: &Locale, budget: &[YearAmount]) -> String {
    budget.iter().map(|y| format!("{}: {}", y.year, locale.money_plain(y.amount.cents))).collect::<Vec<_>>().join("; ")
}

/// Per-year amounts with thousands separators, to show: `2026: 1.500 €; 2027: 2.000 €`.
pub fn show_budget(locale: &Locale, budget: &[YearAmount]) -> String {
    budget.iter().map(|y| format!("{}: {}", y.year, locale.money(y.amount.cents))).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_year_amounts_read_in_each_language_and_back() {
        let es = Lang::Es.locale();
        let b = read_budget(es, "2027: 2.000,50; 2026 = 1.500 €").unwrap_or_default();
        assert_eq!(b.iter().map(|y| (y.year, y.amount.cents)).collect::<Vec<_>>(), [(2026, 150_000), (2027, 200_050)]);
        assert_eq!(write_budget(es, &b), "2026: 1500; 2027: 2000,50");
        assert_eq!(read_budget(es, &write_budget(es, &b)), Ok(b.clone()));
        assert_eq!(show_budget(es, &b), "2026: 1.500 €; 2027: 2.000,50 €");
        let en = Lang::En.locale();
        assert_eq!(read_budget(en, "2026: 1,500.5").map(|b| b[0].amount.cents), Ok(150_050));
        assert!(matches!(read_budget(en, "2026: 1.620"), Err(BudgetUnread::Ambiguous(_))), "never silently €1.62");
        for bad in ["2026 1500", "26: 1500", "2026: 10; 2026: 5", "2026: -5", "2026: mil", "3000: 5"] {
            assert_eq!(read_budget(es, bad).map_err(|_| ()), Err(()), "{bad}");
        }
        assert_eq!(read_budget(es, "  "), Ok(vec![]));
        for l in Lang::ALL {
            assert!(l.money().default_funding.len() >= 4);
        }
    }
}
