//! The plan in the CSV export, in the one [`Row`] type: the horizon on the
//! session row; start, resources, amount, partners, línea and indicators on
//! action rows (línea on strategy rows); then rows of kind `mission`,
//! `vision`, `value`, `challenge` (links: its sources, `action:A1` for an
//! Afrontar action), `axis`, `line` (links: its eje; quadrant: its number,
//! for reading only) and `indicator` (text: its name). [`PlanRows`] reads them back.

use std::collections::HashMap;

use crate::domain::text::clean_text;
use crate::domain::{
    Axis, CameAction, Challenge, Direction, Euros, Horizon, Indicator, Line, Session, Source, YearAmount,
};
use crate::i18n::{Lang, stored_action_id, stored_id};

use super::csv::{KIND_ACTION, KIND_SESSION, KIND_STRATEGY, LINK_SEPARATOR, Row};
use super::safe;
use crate::import::plan::settle_ids;
use crate::import::problem::Problem;

pub const KIND_MISSION: &str = "mission";
pub const KIND_VISION: &str = "vision";
pub const KIND_VALUE: &str = "value";
pub const KIND_CHALLENGE: &str = "challenge";
pub const KIND_AXIS: &str = "axis";
pub const KIND_LINE: &str = "line";
pub const KIND_INDICATOR: &str = "indicator";
/// A funding source of the session's list (text: its name).
pub const KIND_FUNDING: &str = "funding";

/// Amounts per year as a CSV cell: `2026:1500;2027:2000.5`.
fn budget_cell(budget: &[YearAmount]) -> String {
    let cells: Vec<String> = budget.iter().map(|y| format!("{}:{}", y.year, f64::from(y.amount))).collect();
    cells.join(&LINK_SEPARATOR.to_string())
}

/// Reads [`budget_cell`] back, in the file's order; anything else is refused.
fn read_budget_cell(cell: &str) -> Result<Vec<YearAmount>, Problem> {
    let bad = |v: &str| Problem::ColumnNumber { column: "budget".to_owned(), value: v.to_owned() };
    let mut out = Vec::new();
    for part in cell.split(LINK_SEPARATOR).map(str::trim).filter(|p| !p.is_empty()) {
        let (year, amount) = part.split_once(':').ok_or_else(|| bad(part))?;
        let year = year.trim().parse::<i16>().map_err(|_| bad(part))?;
        let amount = float(amount, "budget")?.ok_or_else(|| bad(part))?;
        out.push(YearAmount { year, amount: Euros::try_from(amount).map_err(|_| bad(part))? });
    }
    Ok(out)
}

/// Money as a CSV cell: euros with a decimal point.
pub fn euros_cell(e: Option<Euros>) -> String {
    e.map(|e| f64::from(e).to_string()).unwrap_or_default()
}

/// Reads [`euros_cell`] back: empty is none; a negative or too large amount is refused.
pub fn read_euros(cell: &str, column: &str) -> Result<Option<Euros>, Problem> {
    match float(cell, column)? {
        None => Ok(None),
        Some(x) => Euros::try_from(x)
            .map(Some)
            .map_err(|_| Problem::ColumnNumber { column: column.to_owned(), value: cell.trim().to_owned() }),
    }
}

fn clean(text: &str) -> String {
    safe(text).into_owned()
}

fn joined(ids: &[String]) -> String {
    ids.iter().map(|i| clean(i)).collect::<Vec<_>>().join(&LINK_SEPARATOR.to_string())
}

fn number(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

fn direction(d: Direction) -> &'static str {
    d.token()
}

/// A reto's source as a CSV token, as `lang` shows IDs: bare, or `action:C1`
/// when the ID alone would read as something else.
fn source_token(src: &Source, lang: Lang) -> String {
    let shown = clean(&lang.show_id(src.id()));
    match src {
        Source::Action(id) if Source::guess(id) != Some(src.clone()) => format!("action:{shown}"),
        _ => shown,
    }
}

/// Adds the plan's columns to the session, action and strategy rows of `out`,
/// and the plan's own rows after them.
pub fn add(s: &Session, lang: Lang, out: &mut Vec<Row>) {
    let actions: HashMap<&str, &CameAction> = s.all_actions().map(|(_, a)| (a.id.as_str(), a)).collect();
    for row in out.iter_mut() {
        match row.kind.as_str() {
            KIND_SESSION => row.horizon = s.meta.horizon.map(|h| h.to_string()).unwrap_or_default(),
            KIND_ACTION => {
                if let Some(a) = actions.get(stored_id(&row.id).as_str()) {
                    row.start = a.start.map(|d| d.to_string()).unwrap_or_default();
                    row.resources = a.resources.as_deref().map(clean).unwrap_or_default();
                    row.amount = a.amount.map(|e| f64::from(e).to_string()).unwrap_or_default();
                    row.partners = super::csv::join_list(&a.partners);
                    row.line = a.line.as_deref().map(clean).unwrap_or_default();
                    row.indicators = joined(&a.indicators);
                    row.budget = budget_cell(&a.budget);
                    row.funding = a.funding.as_deref().map(clean).unwrap_or_default();
                }
            }
            KIND_STRATEGY => {
                if let Some(st) = s.strategies.iter().find(|st| st.id == stored_id(&row.id)) {
                    row.line = st.line.as_deref().map(clean).unwrap_or_default();
                }
            }
            _ => {}
        }
    }
    let text_row = |kind: &str, id: &str, text: &str| Row {
        id: clean(id),
        kind: kind.to_owned(),
        text: clean(text),
        ..Row::default()
    };
    for (kind, text) in [(KIND_MISSION, &s.mission), (KIND_VISION, &s.vision)] {
        out.extend(text.as_deref().map(|t| text_row(kind, "", t)));
    }
    out.extend(s.values.iter().map(|v| text_row(KIND_VALUE, "", v)));
    out.extend(s.funding.iter().map(|f| text_row(KIND_FUNDING, "", f)));
    out.extend(s.challenges.iter().map(|c| Row {
        links: c.from.iter().map(|src| source_token(src, lang)).collect::<Vec<_>>().join(&LINK_SEPARATOR.to_string()),
        ..text_row(KIND_CHALLENGE, &c.id, &c.text)
    }));
    out.extend(s.axes.iter().map(|a| text_row(KIND_AXIS, &a.id, &a.text)));
    out.extend(s.lines_in_order().map(|l| Row {
        quadrant: s.line_label(&l.id),
        links: clean(&l.axis),
        indicators: joined(&l.indicators),
        ..text_row(KIND_LINE, &l.id, &l.text)
    }));
    out.extend(s.indicators.iter().map(|i| Row {
        unit: i.unit.as_deref().map(clean).unwrap_or_default(),
        baseline: number(i.baseline),
        target: number(i.target),
        direction: direction(i.direction).to_owned(),
        milestones: super::milestones::plain(&i.milestones).replace(' ', ""),
        ..text_row(KIND_INDICATOR, &i.id, &i.name)
    }));
}

/// The plan fields of one action row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionPlan {
    pub start: Option<jiff::civil::Date>,
    pub resources: Option<String>,
    pub amount: Option<Euros>,
    pub partners: Vec<String>,
    pub line: Option<String>,
    pub indicators: Vec<String>,
    pub budget: Vec<YearAmount>,
    pub funding: Option<String>,
}

/// The plan as read from a CSV file, put into the session by [`PlanRows::apply`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanRows {
    pub horizon: Option<Horizon>,
    pub mission: Option<String>,
    pub vision: Option<String>,
    pub values: Vec<String>,
    pub funding: Vec<String>,
    pub challenges: Vec<Challenge>,
    pub axes: Vec<Axis>,
    pub lines: Vec<Line>,
    pub indicators: Vec<Indicator>,
    /// By the action's place among the file's actions.
    pub actions: HashMap<usize, ActionPlan>,
    /// By the strategy's place among the file's strategies.
    pub strategy_lines: HashMap<usize, String>,
}

fn ids(cell: &str) -> Vec<String> {
    cell.split([LINK_SEPARATOR, ',', ' ']).map(clean_text).filter(|i| !i.is_empty()).collect()
}

fn optional(cell: &str) -> Option<String> {
    Some(clean_text(cell.trim())).filter(|t| !t.is_empty())
}

fn date(cell: &str, column: &str) -> Result<Option<jiff::civil::Date>, Problem> {
    match cell.trim() {
        "" => Ok(None),
        // A day a session may hold (1900-2200), as the loader and `due` check it.
        v => crate::i18n::locale::read_iso_date(v)
            .map(Some)
            .ok_or_else(|| Problem::ColumnDate { column: column.to_owned(), value: v.to_owned() }),
    }
}

pub(crate) fn float(cell: &str, column: &str) -> Result<Option<f64>, Problem> {
    match cell.trim() {
        "" => Ok(None),
        v => v
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            // `-0`: zero, without a sign to store or write back (`'-0`).
            .map(|x| Some(if x == 0.0 { 0.0 } else { x }))
            .ok_or_else(|| Problem::ColumnNumber { column: column.to_owned(), value: v.to_owned() }),
    }
}

impl PlanRows {
    /// The horizon of the session row.
    pub fn session(&mut self, row: &Row) -> Result<(), Problem> {
        if !row.horizon.trim().is_empty() {
            self.horizon = Some(row.horizon.trim().parse().map_err(Problem::Horizon)?);
        }
        Ok(())
    }

    /// The plan fields of the action row at place `i`.
    pub fn action(&mut self, i: usize, row: &Row) -> Result<(), Problem> {
        let amount = match float(&row.amount, "amount")? {
            None => None,
            // Said in the user's language, as the cell was written (not the English detail).
            Some(x) => Some(Euros::try_from(x).map_err(|_| Problem::Amount(row.amount.trim().to_owned()))?),
        };
        let plan = ActionPlan {
            start: date(&row.start, "start")?,
            resources: optional(&row.resources),
            amount,
            partners: super::csv::split_list(&row.partners).iter().filter_map(|p| optional(p)).collect(),
            line: optional(&row.line),
            indicators: ids(&row.indicators),
            budget: read_budget_cell(&row.budget)?,
            funding: optional(&row.funding),
        };
        if plan != ActionPlan::default() {
            self.actions.insert(i, plan);
        }
        Ok(())
    }

    /// The línea of the strategy row at place `i`.
    pub fn strategy(&mut self, i: usize, row: &Row) {
        if let Some(line) = optional(&row.line) {
            self.strategy_lines.insert(i, line);
        }
    }

    /// A row of the plan's own kinds; other kinds are skipped.
    pub fn row(&mut self, kind: &str, row: &Row) -> Result<(), Problem> {
        let text = clean_text(row.text.trim());
        let id = clean_text(row.id.trim());
        if text.is_empty() {
            return Ok(());
        }
        match kind {
            KIND_MISSION => self.mission = Some(text),
            KIND_VISION => self.vision = Some(text),
            KIND_VALUE => self.values.push(text),
            KIND_FUNDING => self.funding.push(text),
            KIND_CHALLENGE => {
                let from = ids(&row.links)
                    .iter()
                    .map(|t| match t.strip_prefix("action:") {
                        Some(a) => Ok(Source::Action(stored_action_id(crate::domain::Came::Confront, a))),
                        None => Source::guess(&stored_id(t)).ok_or_else(|| Problem::NotAnItem(t.to_owned())),
                    })
                    .collect::<Result<_, _>>()?;
                self.challenges.push(Challenge { id, text, from });
            }
            KIND_AXIS => self.axes.push(Axis { id, text }),
            KIND_LINE => {
                let axis = clean_text(row.links.trim());
                self.lines.push(Line { id, axis, text, indicators: ids(&row.indicators) });
            }
            KIND_INDICATOR => {
                let direction = match row.direction.trim() {
                    "" | "up" => Direction::Up,
                    "down" => Direction::Down,
                    "keep" => Direction::Keep,
                    v => return Err(Problem::CsvDirection(v.to_owned())),
                };
                self.indicators.push(Indicator {
                    id,
                    name: text,
                    unit: optional(&row.unit),
                    baseline: float(&row.baseline, "baseline")?,
                    target: float(&row.target, "target")?,
                    direction,
                    milestones: super::milestones::read(&row.milestones, |v| v.parse().ok())
                        .map_err(|e| Problem::ColumnNumber { column: "milestones".into(), value: e })?,
                });
            }
            _ => {}
        }
        Ok(())
    }

    /// The plan fields of the action read at place `i`.
    pub fn fill_action(&mut self, i: usize, a: &mut CameAction) {
        if let Some(p) = self.actions.remove(&i) {
            (a.start, a.resources, a.amount, a.partners) = (p.start, p.resources, p.amount, p.partners);
            (a.line, a.indicators) = (p.line, p.indicators);
            (a.budget, a.funding) = (p.budget, p.funding);
        }
    }

    /// Puts the plan into `s`: what an ID refers to is checked when the session loads or shows.
    /// Missing or repeated IDs of retos, ejes, líneas and indicators get fresh ones.
    pub fn apply(mut self, s: &mut Session) {
        fn settle<T>(items: &mut [T], prefix: &str, id: fn(&mut T) -> &mut String) {
            let given = items.iter_mut().map(|t| Some(id(t).clone()).filter(|i| !i.is_empty())).collect();
            for (t, new) in items.iter_mut().zip(settle_ids(given, prefix)) {
                *id(t) = new;
            }
        }
        settle(&mut self.challenges, "R", |c| &mut c.id);
        settle(&mut self.axes, "EJ", |a| &mut a.id);
        settle(&mut self.lines, "L", |l| &mut l.id);
        settle(&mut self.indicators, "I", |i| &mut i.id);
        s.meta.horizon = self.horizon;
        (s.mission, s.vision, s.values) = (self.mission, self.vision, self.values);
        s.funding = self.funding;
        (s.challenges, s.axes, s.lines, s.indicators) = (self.challenges, self.axes, self.lines, self.indicators);
        for (i, st) in s.strategies.iter_mut().enumerate() {
            st.line = self.strategy_lines.remove(&i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_zero_reads_as_zero() {
        for typed in ["-0", "-0.0", "-0e3"] {
            let x = float(typed, "actual").ok().flatten();
            assert!(x.is_some_and(|x| x == 0.0 && x.is_sign_positive()), "{typed}: {x:?}");
        }
        assert_eq!(float("-2.5", "actual").ok().flatten(), Some(-2.5));
    }
}
