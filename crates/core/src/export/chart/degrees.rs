//! The follow-up's charts: the degree of implementation per eje and year
//! (grouped bars), the plan's degree across the years (a line) and each
//! indicator's value between its baseline and its target (bars), built from
//! the same roll-up the report's tables use.

use crate::domain::{Session, YearProgress, indicator_progress};
use crate::i18n::Lang;

use super::{Bars, Chart, Group, Kind, Line, Scale, Value};
use crate::export::doc::{Cell, Column, Table};

fn degree(lang: Lang, d: Option<f64>) -> Value {
    Value { at: d, text: d.map_or_else(|| "—".to_owned(), |d| lang.locale().percent(d)) }
}

fn years_columns(years: &[i16]) -> Vec<Column> {
    years.iter().map(|y| Column::new(y.to_string(), Some(12)).numeric(6)).collect()
}

/// "1. Prevención": an eje as the report numbers it.
fn axis_label(n: usize, text: &str) -> String {
    format!("{}. {text}", n + 1)
}

/// The degree of each eje in each year of `progress` (one bar per year);
/// `None` when the session has no ejes.
pub fn axes(s: &Session, progress: &[YearProgress], lang: Lang, figures_above: bool) -> Option<Chart> {
    if s.axes.is_empty() || progress.is_empty() {
        return None;
    }
    let w = lang.chart_words();
    let years: Vec<i16> = progress.iter().map(|p| p.year).collect();
    let groups: Vec<Group> = s
        .axes
        .iter()
        .enumerate()
        .map(|(n, axis)| Group {
            label: axis_label(n, &axis.text),
            values: progress.iter().map(|p| degree(lang, p.axes.get(n).and_then(|a| a.degree))).collect(),
        })
        .collect();
    let mut columns = vec![Column::new("ID", Some(8)), Column::new(w.axis, None)];
    columns.extend(years_columns(&years));
    let rows = s
        .axes
        .iter()
        .zip(&groups)
        .map(|(axis, g)| {
            let mut row = vec![Cell::Text(axis.id.clone()), Cell::Text(g.label.clone())];
            row.extend(g.values.iter().map(|v| v.at.map_or(Cell::Missing, Cell::Percent)));
            row
        })
        .collect();
    let table = Table {
        columns,
        rows,
        total_label: lang.text().report.plan.to_owned(),
        totals: progress.iter().map(|p| p.degree.map_or(Cell::Missing, Cell::Percent)).collect(),
    };
    let bars = Bars {
        groups_label: w.axis.to_owned(),
        scale: Scale::percent(w.degree_scale, lang),
        series: years.iter().map(i16::to_string).collect(),
        groups,
    };
    Some(Chart {
        id: "grafico-ejes".to_owned(),
        title: w.axes_title.to_owned(),
        kind: Kind::Bars(bars),
        table,
        figures_above,
        lang,
    })
}

/// The plan's degree in each year of `progress`, as a line; `None` for fewer than two years.
pub fn trend(progress: &[YearProgress], lang: Lang, figures_above: bool) -> Option<Chart> {
    if progress.len() < 2 {
        return None;
    }
    let w = lang.chart_words();
    let points: Vec<(String, Value)> = progress.iter().map(|p| (p.year.to_string(), degree(lang, p.degree))).collect();
    let table = Table {
        columns: vec![
            Column::new("", Some(4)),
            Column::new(w.year, None),
            Column::new(lang.text().report.col_degree, Some(20)).numeric(6),
        ],
        rows: points
            .iter()
            .map(|(y, v)| vec![Cell::empty(), y.clone().into(), v.at.map_or(Cell::Missing, Cell::Percent)])
            .collect(),
        total_label: String::new(),
        totals: Vec::new(),
    };
    let line = Line { x_label: w.year.to_owned(), scale: Scale::percent(w.degree_scale, lang), points };
    Some(Chart {
        id: "grafico-plan".to_owned(),
        title: w.trend_title.to_owned(),
        kind: Kind::Line(line),
        table,
        figures_above,
        lang,
    })
}

/// Each indicator with a baseline and a target (or a level to keep), its
/// value in each of `years` placed between them: 0 % the baseline, 100 % the
/// target; `None` when no indicator has such a value.
pub fn indicators(s: &Session, years: &[i16], lang: Lang, figures_above: bool) -> Option<Chart> {
    let w = lang.chart_words();
    let n = |x: f64| lang.locale().short(x);
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    for ind in &s.indicators {
        let values: Vec<Value> = years
            .iter()
            .map(|&y| match s.indicator_value(&ind.id, y) {
                None => Value { at: None, text: "—".to_owned() },
                Some(x) => match indicator_progress(ind, x) {
                    Some(p) => Value { at: Some(p), text: format!("{} ({})", n(x), lang.locale().percent(p)) },
                    None => Value { at: None, text: n(x) },
                },
            })
            .collect();
        if values.iter().all(|v| v.at.is_none()) {
            continue;
        }
        let label = format!("{} {}", ind.id, ind.name);
        let opt = |x: Option<f64>| x.map_or(Cell::Missing, Cell::Short);
        let mut row = vec![ind.id.clone().into(), ind.name.clone().into(), opt(ind.baseline), opt(ind.target)];
        // The value and its progress together, as the chart labels them.
        row.extend(values.iter().map(|v| Cell::Text(v.text.clone())));
        rows.push(row);
        groups.push(Group { label, values });
    }
    if groups.is_empty() {
        return None;
    }
    let r = lang.text().report;
    let mut columns = vec![
        Column::new("ID", Some(6)),
        Column::new(w.indicator, None),
        Column::new(r.col_baseline, Some(10)).numeric(5),
        Column::new(r.col_target, Some(10)).numeric(5),
    ];
    columns.extend(years_columns(years));
    let table = Table { columns, rows, total_label: String::new(), totals: Vec::new() };
    let bars = Bars {
        groups_label: w.indicator.to_owned(),
        scale: Scale::percent(w.indicators_scale, lang),
        series: years.iter().map(i16::to_string).collect(),
        groups,
    };
    Some(Chart {
        id: "grafico-indicadores".to_owned(),
        title: w.indicators_title.to_owned(),
        kind: Kind::Bars(bars),
        table,
        figures_above,
        lang,
    })
}
