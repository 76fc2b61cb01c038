//! The plan financiero as blocks of the export document model: in the informe,
//! a table of líneas × years with a total per eje and for the plan, and a table
//! by funding source; in the follow-up report, per year, the execution (paid
//! over planned) per eje and línea beside the degree of implementation. Amounts
//! as the language writes them; left out when the plan carries no money.

use crate::domain::{Budget, BudgetRow, Session, YearProgress, execution, mean};
use crate::i18n::Lang;

use super::doc::{Block, Cell, Column, Heading, Table};

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading(Heading { level, text: text.into(), aside: None })
}

/// Which money columns a table shows: the years when some amount is split by
/// year, the amounts without split when some are and there are year columns.
#[derive(Clone, Copy)]
struct Shown {
    years: bool,
    unsplit: bool,
}

impl Shown {
    fn of(b: &Budget) -> Shown {
        let years = b.total.planned.iter().any(|&c| c > 0);
        Shown { years, unsplit: years && b.total.unsplit > 0 }
    }
}

/// The money columns of a planned table: one per year, the total without year
/// split, and the total (see [`Shown`]).
fn planned_columns(b: &Budget, shown: Shown, lang: Lang) -> Vec<Column> {
    let w = lang.money();
    let years = if shown.years { b.years.as_slice() } else { &[] };
    // As narrow as their figures allow: the eje and línea column needs the room.
    let mut cols: Vec<Column> = years.iter().map(|y| Column::new(y.to_string(), Some(7)).numeric(9)).collect();
    if shown.unsplit {
        cols.push(Column::new(w.unsplit, Some(7)).numeric(9));
    }
    cols.push(Column::new(w.total, Some(8)).numeric(10));
    cols
}

/// A row's planned amounts, as [`planned_columns`] orders them.
/// Nothing is a dash in a year's cell, so the amounts stand out.
fn planned_cells(r: &BudgetRow, shown: Shown) -> Vec<Cell> {
    let cell = |c: u64| if c == 0 { Cell::Missing } else { Cell::Amount(c) };
    let mut cells: Vec<Cell> = if shown.years { r.planned.iter().map(|&c| cell(c)).collect() } else { Vec::new() };
    if shown.unsplit {
        cells.push(cell(r.unsplit));
    }
    cells.push(Cell::Amount(r.planned_total()));
    cells
}

/// Section of the informe: "Plan financiero", after the plan de acción.
pub fn section(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    if !s.all_actions().any(|(_, a)| a.planned_total().is_some()) {
        return;
    }
    let w = lang.money();
    out.push(heading(2, w.plan_heading));
    out.extend(dropped_note(s, lang));
    let (axes, lines) = (s.budget_by_axis(), s.budget_by_line());
    let unsplit = Shown::of(&axes);
    let lead = |id: String, text: String| vec![Cell::Text(id), Cell::Text(text)];
    let mut rows = Vec::new();
    for (n, axis) in s.axes.iter().enumerate() {
        let Some(a) = axes.rows.iter().find(|r| r.key == axis.id) else { continue };
        let mut row = lead(format!("{}", n + 1), format!("{} {}. {}", w.total, n + 1, axis.text));
        row.extend(planned_cells(a, unsplit));
        for (_, line) in s.lines_of(&axis.id) {
            if let Some(l) = lines.rows.iter().find(|r| r.key == line.id) {
                let mut r = lead(s.line_label(&line.id), line.text.clone());
                r.extend(planned_cells(l, unsplit));
                rows.push(r);
            }
        }
        rows.push(row);
    }
    // Money of actions in no línea of an eje.
    if axes.rest.planned_total() > 0 {
        let mut r = lead("—".to_owned(), no_line(lang));
        r.extend(planned_cells(&axes.rest, unsplit));
        rows.push(r);
    }
    let mut columns = vec![Column::new("", Some(7)), Column::new(format!("{} / {}", w.axis, w.line), None)];
    columns.extend(planned_columns(&axes, unsplit, lang));
    out.push(heading(3, w.by_line));
    let totals = planned_cells(&axes.total, unsplit);
    out.push(Block::Table(Table { columns, rows, total_label: w.total.to_owned(), totals }));
    // By funding source.
    let sources = s.budget_by_funding(w.default_funding);
    let unsplit = Shown::of(&sources);
    let rows = sources
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let name = if r.key.is_empty() { w.no_source.to_owned() } else { r.key.clone() };
            let mut row = lead((i + 1).to_string(), name);
            row.extend(planned_cells(r, unsplit));
            row
        })
        .collect();
    let mut columns = vec![Column::new("", Some(7)), Column::new(w.source, None)];
    columns.extend(planned_columns(&sources, unsplit, lang));
    out.push(heading(3, w.by_source));
    let totals = planned_cells(&sources.total, unsplit);
    out.push(Block::Table(Table { columns, rows, total_label: w.total.to_owned(), totals }));
}

/// Descartada actions plan nothing: a line that says which carry amounts the
/// tables leave out, so the totals are not taken for a slip; none when none do.
fn dropped_note(s: &Session, lang: Lang) -> Option<Block> {
    let dropped: Vec<String> = s.dropped_with_money().iter().map(|a| lang.show_id(&a.id)).collect();
    (!dropped.is_empty()).then(|| Block::Para(vec![(lang.money().dropped_left_out)(&dropped.join(", "))]))
}

pub(crate) fn no_line(lang: Lang) -> String {
    super::plan_words::PlanWords::for_lang(lang).no_line.to_owned()
}

/// Execution of `year` per eje and línea (then the actions in no línea):
/// planned, committed and paid that
/// year, paid over planned, and the degree of implementation (already
/// as the report shows it, `degree`). `None` when the plan carries no money.
pub fn execution_table(
    s: &Session,
    year: i16,
    p: &YearProgress,
    lang: Lang,
    degree: fn(Option<f64>) -> Cell,
) -> Option<Vec<Block>> {
    // Only where something is planned for a year or recorded as committed or paid.
    let yearly = s.all_actions().any(|(_, a)| !a.budget.is_empty());
    if !yearly && !s.reviews.iter().any(|r| r.committed.is_some() || r.paid.is_some()) {
        return None;
    }
    let w = lang.money();
    let (axes, lines) = (s.budget_by_axis(), s.budget_by_line());
    let at = axes.years.iter().position(|&y| y == year)?;
    let pct = |paid: u64, planned: u64| execution(paid, planned).map_or(Cell::Missing, Cell::Percent);
    // Nothing recorded as committed or paid that year is unknown, not zero.
    let spent = |r: &BudgetRow| match r.spent(at) {
        Some((committed, paid)) => [Cell::Amount(committed), Cell::Amount(paid), pct(paid, r.planned[at])],
        None => [Cell::Missing, Cell::Missing, Cell::Missing],
    };
    let cells = |r: &BudgetRow, d: Option<f64>| {
        let mut cells = vec![Cell::Amount(r.planned[at])];
        cells.extend(spent(r));
        cells.push(degree(d));
        cells
    };
    let mut rows = Vec::new();
    for (n, axis) in s.axes.iter().enumerate() {
        let Some(a) = axes.rows.iter().find(|r| r.key == axis.id) else { continue };
        let ap = p.axes.iter().find(|x| x.id == axis.id);
        let mut row = vec![axis.id.clone().into(), format!("{}. {}", n + 1, axis.text).into()];
        row.extend(cells(a, ap.and_then(|x| x.degree)));
        rows.push(row);
        for (_, line) in s.lines_of(&axis.id) {
            let Some(l) = lines.rows.iter().find(|r| r.key == line.id) else { continue };
            let d = ap.and_then(|x| x.lines.iter().find(|l| l.id == line.id)).and_then(|l| l.degree);
            let mut row = vec![line.id.clone().into(), format!("{} {}", s.line_label(&line.id), line.text).into()];
            row.extend(cells(l, d));
            rows.push(row);
        }
    }
    // Actions in no línea of an eje, as the informe's "Sin línea": the rows add up to the plan's.
    let rest = &axes.rest;
    if rest.planned[at] > 0 || rest.spent(at).is_some() {
        let d = mean(p.unplaced.iter().filter(|a| a.counted).map(|a| f64::from(a.degree.get())));
        let mut row = vec!["—".into(), no_line(lang).into()];
        row.extend(cells(rest, d));
        rows.push(row);
    }
    let words = lang.text().report;
    let mut columns = vec![Column::new(words.col_id, Some(8)), Column::new(words.col_axis_line, None)];
    columns.extend([w.planned, w.committed, w.paid].map(|l| Column::new(l, Some(12)).numeric(10)));
    columns.push(Column::new(w.execution, Some(10)).numeric(6));
    columns.push(Column::new(w.degree, Some(10)).numeric(6));
    let t = &axes.total;
    let mut totals = vec![Cell::Amount(t.planned[at])];
    totals.extend(spent(t));
    totals.push(degree(p.degree));
    let mut out = vec![heading(2, (w.execution_heading)(year))];
    out.extend(dropped_note(s, lang));
    out.push(Block::Table(Table { columns, rows, total_label: words.plan.to_owned(), totals }));
    Some(out)
}
