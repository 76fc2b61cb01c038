//! The plan financiero: an action's amount per year of the horizon and its
//! funding source, the session's list of funding sources, what `dafo check`
//! finds wrong with them, and the sums the informe, the report and the charts
//! show (per línea, eje and funding source; planned, committed and paid).
//! An action's old single `amount` stays what it meant: a total with no year split.

use serde::{Deserialize, Serialize};

use super::came::CameAction;
use super::edit::{Edit, ListOp};
use super::plan::{Euros, Horizon, PlanEdit};
use super::session::Session;

/// An action's budget for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearAmount {
    pub year: i16,
    pub amount: Euros,
}

/// What `dafo check` finds wrong with the money of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyProblem {
    /// An action's amount for a year outside the horizon (or any year when there is none).
    YearOutside { action: String, year: i16, horizon: Option<Horizon> },
    /// An action's funding source that is not in the session's list.
    UnknownFunding { action: String, source: String },
    /// Two amounts for the same year of one action.
    TwiceAYear { action: String, year: i16 },
    /// A single amount beside amounts per year that do not add up to it.
    TotalDiffers { action: String, total: Euros, years: Euros },
}

impl CameAction {
    /// What it plans to spend: the sum of its years, else its single amount.
    pub fn planned_total(&self) -> Option<Euros> {
        if self.budget.is_empty() {
            return self.amount;
        }
        Some(Euros { cents: self.budget.iter().map(|y| y.amount.cents).sum() })
    }

    /// Its amount for `year`, if it has one.
    pub fn planned_in(&self, year: i16) -> Option<Euros> {
        self.budget.iter().find(|y| y.year == year).map(|y| y.amount)
    }

    /// Its single amount with no year split, when it has no per-year amounts.
    pub fn unsplit(&self) -> Option<Euros> {
        self.amount.filter(|_| self.budget.is_empty())
    }
}

/// The money of one group of actions (a línea, an eje, a funding source, the
/// plan) over a list of years, in cents: per year planned, committed and paid,
/// and what was planned without a year split.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BudgetRow {
    /// The group's key: a línea's or eje's ID, a funding source's name (empty: none).
    pub key: String,
    pub planned: Vec<u64>,
    pub committed: Vec<u64>,
    pub paid: Vec<u64>,
    /// Per year, whether any of its actions has money committed or paid
    /// recorded: where none has, committed and paid are unknown, not zero.
    pub recorded: Vec<bool>,
    pub unsplit: u64,
}

impl BudgetRow {
    fn new(key: &str, years: usize) -> BudgetRow {
        BudgetRow {
            key: key.to_owned(),
            planned: vec![0; years],
            committed: vec![0; years],
            paid: vec![0; years],
            recorded: vec![false; years],
            unsplit: 0,
        }
    }

    /// Committed and paid in year number `at`, if any was recorded.
    pub fn spent(&self, at: usize) -> Option<(u64, u64)> {
        self.recorded.get(at).copied().unwrap_or(false).then(|| (self.committed[at], self.paid[at]))
    }

    /// Everything planned, split or not.
    pub fn planned_total(&self) -> u64 {
        self.planned.iter().sum::<u64>() + self.unsplit
    }

    pub fn paid_total(&self) -> u64 {
        self.paid.iter().sum()
    }

    pub fn committed_total(&self) -> u64 {
        self.committed.iter().sum()
    }

    /// Whether it holds any money at all.
    pub fn is_empty(&self) -> bool {
        self.planned_total() == 0 && self.paid_total() == 0 && self.committed_total() == 0
    }

    fn add(&mut self, other: &BudgetRow) {
        for (list, more) in [
            (&mut self.planned, &other.planned),
            (&mut self.committed, &other.committed),
            (&mut self.paid, &other.paid),
        ] {
            for (x, y) in list.iter_mut().zip(more) {
                *x += y;
            }
        }
        for (x, y) in self.recorded.iter_mut().zip(&other.recorded) {
            *x |= y;
        }
        self.unsplit += other.unsplit;
    }
}

/// Rows over a list of years: the years, then one row per group and their total.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Budget {
    pub years: Vec<i16>,
    pub rows: Vec<BudgetRow>,
    pub total: BudgetRow,
    /// The money of actions in none of the rows (no línea, or one of no
    /// eje): the rows and `rest` add up to `total`.
    pub rest: BudgetRow,
}

/// A funding source's name as kept: clean text, no `;` (the lists' separator).
pub fn clean_source(name: &str) -> String {
    super::text::clean_text(&name.replace(';', ","))
}

fn funding(op: ListOp<String>) -> Edit {
    Edit::Plan(PlanEdit::Funding(op))
}

/// Execution: paid over planned, in percent; `None` when nothing was planned.
pub fn execution(paid: u64, planned: u64) -> Option<f64> {
    (planned > 0).then(|| paid as f64 * 100.0 / planned as f64)
}

impl Session {
    /// Whether any action or review carries money.
    pub fn has_money(&self) -> bool {
        self.all_actions().any(|(_, a)| a.amount.is_some() || !a.budget.is_empty())
            || self.reviews.iter().any(|r| r.committed.is_some() || r.paid.is_some())
    }

    /// The years money tables run over: the horizon's, else every year an
    /// amount or a review's money names.
    pub fn money_years(&self) -> Vec<i16> {
        if let Some(h) = self.meta.horizon {
            return (h.start..=h.end).collect();
        }
        let mut years: Vec<i16> = self.all_actions().flat_map(|(_, a)| a.budget.iter().map(|y| y.year)).collect();
        years.extend(self.reviews.iter().filter(|r| r.committed.is_some() || r.paid.is_some()).map(|r| r.year));
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The funding sources an action may name: the session's list, else `defaults`
    /// (the language's list, see `i18n::money_words`).
    pub fn funding_sources<'a>(&'a self, defaults: &'a [&'a str]) -> Vec<&'a str> {
        if self.funding.is_empty() { defaults.to_vec() } else { self.funding.iter().map(String::as_str).collect() }
    }

    /// The edit that makes the session's list of funding sources `list`
    /// (cleaned, each once); `None` if it already is.
    pub fn set_funding(&self, list: &[String]) -> Option<Edit> {
        let mut new: Vec<String> = Vec::new();
        for name in list.iter().map(|n| clean_source(n)).filter(|n| !n.is_empty()) {
            if !new.contains(&name) {
                new.push(name);
            }
        }
        if new == self.funding {
            return None;
        }
        let mut edits: Vec<Edit> = (0..self.funding.len()).rev().map(|i| funding(ListOp::Remove(i))).collect();
        edits.extend(new.into_iter().enumerate().map(|(i, n)| funding(ListOp::Insert(i, n))));
        Some(Edit::Batch(edits))
    }

    /// Every money problem, in grid order: years outside the horizon, a year
    /// given twice, funding sources not in the list (`defaults` as for
    /// [`Session::funding_sources`]).
    pub fn money_problems(&self, defaults: &[&str]) -> Vec<MoneyProblem> {
        let known = self.funding_sources(defaults);
        let horizon = self.meta.horizon;
        let inside = |y: i16| match horizon {
            Some(h) => (h.start..=h.end).contains(&y),
            None => (Horizon::MIN_YEAR..=Horizon::MAX_YEAR).contains(&y),
        };
        let mut out = Vec::new();
        for (_, a) in self.all_actions() {
            for (i, y) in a.budget.iter().enumerate() {
                if !inside(y.year) {
                    out.push(MoneyProblem::YearOutside { action: a.id.clone(), year: y.year, horizon });
                }
                if a.budget[..i].iter().any(|z| z.year == y.year) {
                    out.push(MoneyProblem::TwiceAYear { action: a.id.clone(), year: y.year });
                }
            }
            if let (Some(total), false) = (a.amount, a.budget.is_empty())
                && let Some(years) = a.planned_total().filter(|y| *y != total)
            {
                out.push(MoneyProblem::TotalDiffers { action: a.id.clone(), total, years });
            }
            if let Some(f) = &a.funding
                && !known.iter().any(|k| k == f)
            {
                out.push(MoneyProblem::UnknownFunding { action: a.id.clone(), source: f.clone() });
            }
        }
        out
    }

    /// One action's money over `years`. A descartada action plans nothing any
    /// more: its planned amounts are left out of every sum (they stay in the
    /// file, and come back if it is taken up again); what was committed or paid
    /// for it before was really spent and still counts.
    fn action_budget(&self, a: &CameAction, key: &str, years: &[i16]) -> BudgetRow {
        let mut row = BudgetRow::new(key, years.len());
        let plans = a.status != crate::domain::Status::Dropped;
        for (i, y) in years.iter().enumerate() {
            row.planned[i] = a.planned_in(*y).filter(|_| plans).map_or(0, |e| e.cents);
            if let Some(r) = self.action_review(&a.id, *y) {
                row.committed[i] = r.committed.map_or(0, |e| e.cents);
                row.paid[i] = r.paid.map_or(0, |e| e.cents);
                row.recorded[i] = r.committed.is_some() || r.paid.is_some();
            }
        }
        row.unsplit = a.unsplit().filter(|_| plans).map_or(0, |e| e.cents);
        row
    }

    /// The descartada actions that carry planned money, which the sums leave out.
    pub fn dropped_with_money(&self) -> Vec<&CameAction> {
        self.all_actions()
            .map(|(_, a)| a)
            .filter(|a| a.status == crate::domain::Status::Dropped && a.planned_total().is_some())
            .collect()
    }

    /// Money grouped by `key` (in the order `keys` gives), over [`Session::money_years`].
    /// Actions whose key is not among `keys` count in `rest` and the total.
    fn budget_by(&self, keys: Vec<String>, key_of: impl Fn(&CameAction) -> Option<String>) -> Budget {
        let years = self.money_years();
        let mut rows: Vec<BudgetRow> = keys.iter().map(|k| BudgetRow::new(k, years.len())).collect();
        let mut total = BudgetRow::new("", years.len());
        let mut rest = BudgetRow::new("", years.len());
        for (_, a) in self.all_actions() {
            let own = self.action_budget(a, "", &years);
            total.add(&own);
            match key_of(a).and_then(|k| rows.iter_mut().find(|r| r.key == k)) {
                Some(row) => row.add(&own),
                None => rest.add(&own),
            }
        }
        Budget { years, rows, total, rest }
    }

    /// Planned, committed and paid per línea (every línea, in eje order).
    pub fn budget_by_line(&self) -> Budget {
        let keys = self.axes.iter().flat_map(|x| self.lines_of(&x.id).map(|(_, l)| l.id.clone())).collect();
        self.budget_by(keys, |a| a.line.clone())
    }

    /// Planned, committed and paid per eje, per year of the plan: what the
    /// charts of planned against executed budget draw.
    pub fn budget_by_axis(&self) -> Budget {
        let keys = self.axes.iter().map(|x| x.id.clone()).collect();
        let axis_of = |a: &CameAction| {
            let line = self.lines.get(self.find_line(a.line.as_deref()?)?)?;
            Some(line.axis.clone())
        };
        self.budget_by(keys, axis_of)
    }

    /// Planned, committed and paid per funding source: the list's order, then
    /// any other source named, then "none" (an empty key) if some action has money and no source.
    pub fn budget_by_funding(&self, defaults: &[&str]) -> Budget {
        let mut keys: Vec<String> = self.funding_sources(defaults).into_iter().map(str::to_owned).collect();
        for (_, a) in self.all_actions() {
            let k = a.funding.clone().unwrap_or_default();
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let mut b = self.budget_by(keys, |a| Some(a.funding.clone().unwrap_or_default()));
        b.rows.retain(|r| !r.is_empty());
        b
    }
}

#[cfg(test)]
#[path = "money_tests.rs"]
mod tests;
