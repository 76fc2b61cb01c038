//! The planned against executed budget per eje in a year: one row of bars per
//! eje (planned, committed, paid, each with its own pattern), in euros as the
//! document's language writes them, from the plan financiero's sums
//! ([`Session::budget_by_axis`]) the report's execution table shows.

use crate::domain::{BudgetRow, Session, execution};
use crate::i18n::Lang;

use super::{Bars, Chart, Group, Kind, Scale, Value};
use crate::export::doc::{Cell, Column, Table};

/// The smallest round amount (1, 2 or 5 times a power of ten euros) of at least `cents`.
pub fn round_up(cents: u64) -> u64 {
    let mut unit = 100u64;
    loop {
        for step in [1, 2, 5] {
            let candidate = unit.saturating_mul(step);
            if candidate >= cents || candidate == u64::MAX {
                return candidate;
            }
        }
        unit = unit.saturating_mul(10);
    }
}

/// The chart of `year`; `None` when the session has no ejes or no money in them that year.
pub fn by_axis(s: &Session, year: i16, lang: Lang, figures_above: bool) -> Option<Chart> {
    let (w, mw) = (lang.chart_words(), lang.money());
    let budget = s.budget_by_axis();
    let at = budget.years.iter().position(|&y| y == year)?;
    let money = |cents: u64| lang.locale().money(cents);
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    let mut add = |id: String, label: String, row: &BudgetRow| {
        // Committed and paid where nothing was recorded are unknown: no bar, "—".
        let spent = row.spent(at);
        let figures = [Some(row.planned[at]), spent.map(|s| s.0), spent.map(|s| s.1)];
        let mut cells = vec![Cell::Text(id), Cell::Text(label.clone())];
        let shown = |c: Option<u64>| c.map_or_else(|| "—".to_owned(), money);
        cells.extend(figures.iter().map(|&c| c.map_or(Cell::Missing, Cell::Amount)));
        let done = spent.and_then(|(_, paid)| execution(paid, row.planned[at]));
        cells.push(done.map_or(Cell::Missing, Cell::Percent));
        rows.push(cells);
        let values = figures.iter().map(|&c| Value { at: c.map(|c| c as f64 / 100.0), text: shown(c) }).collect();
        groups.push(Group { label, values });
    };
    for (n, axis) in s.axes.iter().enumerate() {
        let Some(row) = budget.rows.iter().find(|r| r.key == axis.id) else { continue };
        add(axis.id.clone(), format!("{}. {}", n + 1, axis.text), row);
    }
    // Actions in no línea of an eje, as the execution table's "Sin línea".
    let rest = &budget.rest;
    let rest_shown = rest.planned[at] > 0 || rest.spent(at).is_some();
    if rest_shown && !budget.rows.is_empty() {
        add("—".to_owned(), crate::export::plan_finance::no_line(lang), rest);
    }
    let shown_rows = budget.rows.iter().chain(rest_shown.then_some(rest));
    let top = shown_rows.flat_map(|r| [r.planned[at], r.committed[at], r.paid[at]]).max().unwrap_or(0);
    if groups.is_empty() || top == 0 {
        return None;
    }
    let max = round_up(top);
    let ticks = (0..=4).map(|i| max / 4 * i).map(|c| (c as f64 / 100.0, money(c))).collect();
    let scale = Scale { label: w.budget_scale.to_owned(), min: 0.0, max: max as f64 / 100.0, ticks };
    let columns = vec![
        Column::new("ID", Some(8)),
        Column::new(w.axis, None),
        Column::new(mw.planned, Some(14)).numeric(8),
        Column::new(mw.committed, Some(14)).numeric(8),
        Column::new(mw.paid, Some(14)).numeric(8),
        Column::new(mw.execution, Some(11)).numeric(6),
    ];
    let bars = Bars {
        groups_label: w.axis.to_owned(),
        scale,
        series: vec![mw.planned.to_owned(), mw.committed.to_owned(), mw.paid.to_owned()],
        groups,
    };
    Some(Chart {
        id: format!("grafico-presupuesto-{year}"),
        title: format!("{} {year}", w.budget_title),
        kind: Kind::Bars(bars),
        table: Table { columns, rows, total_label: String::new(), totals: Vec::new() },
        figures_above,
        lang,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_ends_on_a_round_amount() {
        assert_eq!(round_up(0), 100);
        assert_eq!(round_up(100), 100);
        assert_eq!(round_up(101), 200);
        assert_eq!(round_up(4_500_000), 5_000_000);
        assert_eq!(round_up(5_000_001), 10_000_000);
        assert_eq!(round_up(u64::MAX), u64::MAX);
    }
}
