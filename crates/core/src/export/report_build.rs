//! The evaluation report (informe de seguimiento) as blocks of the export
//! document model: header, summary, counts by status, degree per eje and
//! línea, actions × years, indicators against target, en retraso, límites y
//! problemas, notes, what changed and the discrepancies between files. Each
//! section is one builder over the same inputs; the backends draw the blocks.

use jiff::civil::Date;

use crate::domain::{ActionStanding, Came, CameAction, Session, Status, YearProgress};
use crate::i18n::Lang;

use super::doc::{Block, Cell, Column, Heading, Item, Items, Shape, Table};
use super::plan_report::date;
use super::report_changes::{changes, discrepancies};
use super::report_join::Joined;
use crate::i18n::report_words::ReportWords;

/// A whole report: a document of the export model, drawn by its backends.
pub type ReportDoc = super::doc::Document;

/// What a section builder sees.
pub struct Input<'a> {
    pub joined: &'a Joined,
    /// The years reported, in order (one, or every year reviewed).
    pub years: &'a [i16],
    pub lang: Lang,
    /// The day lateness is judged on ([`super::today`]): a year not over yet
    /// lists as late only what was due before it.
    pub today: Date,
}

impl Input<'_> {
    pub fn s(&self) -> &Session {
        &self.joined.session
    }
    pub fn w(&self) -> &'static ReportWords {
        self.lang.text().report
    }
    pub fn several(&self) -> bool {
        self.years.len() > 1
    }
    /// The roll-up of `year`, lateness judged on [`Input::today`].
    pub fn progress(&self, year: i16) -> YearProgress {
        self.s().progress_on(year, self.today)
    }
}

/// A section builder.
pub type Section = fn(&mut Vec<Block>, &Input);

/// The sections, in order.
pub const SECTIONS: [Section; 11] =
    [summary, counts, degrees, budget, actions_years, indicators, late, problems, notes, changes, discrepancies];

/// Builds the report of `years` (not empty) of the joined files.
pub fn document(joined: &Joined, years: &[i16], lang: Lang, today: Date) -> ReportDoc {
    let input = Input { joined, years, lang, today };
    let w = input.w();
    let s = input.s();
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    let mut blocks = vec![header(&input)];
    for section in SECTIONS {
        section(&mut blocks, &input);
    }
    ReportDoc {
        title: format!("{} {span}: {}", w.title, s.meta.title),
        lang,
        language: super::declared_language(&s.meta.language, lang),
        // The day it was written, as the session export's footer.
        footer: format!("dafo · {}", lang.locale().date(today)),
        blocks,
        apparatus: super::cover::report(s, &span, lang, today),
    }
}

/// A year in one line, for a presentation footer or a status bar:
/// "2024: 2 en retraso · grado medio 72,9 %", lateness judged on `today` as
/// the report judges it ([`Session::progress_on`]).
pub fn year_line(s: &Session, year: i16, lang: Lang, today: jiff::civil::Date) -> String {
    let w = lang.text().report;
    let p = s.progress_on(year, today);
    format!("{year}: {} {} · {} {}", p.late().count(), w.late_short, w.mean_short, fmt_degree(lang, p.degree))
}

pub(crate) fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading(Heading { level, text: text.into(), aside: None })
}

/// A percentage: `54 %`, `62,5 %` in Spanish; `62.5%` in English.
pub fn pct(lang: Lang, x: f64) -> String {
    lang.locale().percent(x)
}

/// A number without needless decimals: `35`, `12,5`.
pub fn num(lang: Lang, x: f64) -> String {
    lang.locale().short(x)
}

/// The mark of a status: ● hecha, ◐ en curso, ○ pendiente, × descartada.
pub fn mark(status: Status) -> &'static str {
    match status {
        Status::Done => "●",
        Status::InProgress => "◐",
        Status::Pending => "○",
        Status::Dropped => "×",
    }
}

/// A cell of the actions × years table: `75 ◐`, `40 ◐!`, `(100 ●)` standing
/// on an earlier year's review, or `—` never reviewed by then.
fn cell(a: &ActionStanding, year: i16) -> String {
    let text = format!("{} {}{}", a.degree, mark(a.status), if a.late { "!" } else { "" });
    match a.reviewed {
        Some(y) if y == year => text,
        Some(_) => format!("({text})"),
        None => "—".to_owned(),
    }
}

fn fmt_degree(lang: Lang, d: Option<f64>) -> String {
    degree_cell(d).show(lang)
}

/// A degree as a cell: a percentage, or `—` when nothing was judged.
fn degree_cell(d: Option<f64>) -> Cell {
    d.map_or(Cell::Missing, Cell::Percent)
}

fn header(input: &Input) -> Block {
    let (w, s, lang) = (input.w(), input.s(), input.lang);
    let mut fields = vec![(w.plan.to_owned(), s.meta.title.clone())];
    fields.extend(super::plan_report::horizon_field(s, lang));
    let years: Vec<String> = input.years.iter().map(i16::to_string).collect();
    fields.push((if input.several() { w.years } else { w.year }.to_owned(), years.join(", ")));
    for &y in input.years {
        let Some(r) = s.year_review(y) else { continue };
        let tag = |label: &str| if input.several() { format!("{label} {y}") } else { label.to_owned() };
        fields.extend(r.body.clone().map(|b| (tag(w.body), b)));
        fields.extend(r.date.map(|d| (tag(w.date), date(lang, d))));
    }
    if input.joined.files.len() > 1 {
        fields.push((w.files.to_owned(), input.joined.files.join(", ")));
    }
    Block::Fields(fields.into_iter().map(|(l, v)| (l, v.into())).collect())
}

fn summary(out: &mut Vec<Block>, input: &Input) {
    let lines: Vec<String> = input
        .years
        .iter()
        .filter_map(|&y| {
            let text = input.s().year_review(y)?.summary.clone()?;
            Some(if input.several() { format!("{y}: {text}") } else { text })
        })
        .collect();
    if !lines.is_empty() {
        out.push(heading(2, input.w().summary));
        out.push(Block::Para(lines));
    }
}

fn year_columns(years: &[i16], min_chars: usize) -> Vec<Column> {
    years.iter().map(|y| Column::new(y.to_string(), Some(14)).numeric(min_chars)).collect()
}

fn counts(out: &mut Vec<Block>, input: &Input) {
    let (w, lang) = (input.w(), input.lang);
    let progress: Vec<_> = input.years.iter().map(|&y| input.progress(y)).collect();
    let mut columns = vec![Column::new("", Some(12)), Column::new(w.col_status, None)];
    columns.extend(year_columns(input.years, 4));
    let count = |n: usize| Cell::Count(n as u64);
    let mut rows: Vec<Vec<Cell>> = Status::ALL
        .iter()
        .enumerate()
        .map(|(i, &st)| {
            let lead = vec![mark(st).into(), crate::labels::status(lang, st).into()];
            row(lead, progress.iter().map(|p| count(p.counts()[i])))
        })
        .collect();
    rows.push(row(vec![Cell::Missing, w.unreviewed.into()], progress.iter().map(|p| count(p.unreviewed()))));
    out.push(heading(2, w.counts));
    out.push(Block::Table(Table {
        columns,
        rows,
        total_label: w.total.to_owned(),
        totals: progress.iter().map(|p| count(p.actions().count())).collect(),
    }));
    // En retraso is a flag on actions of any status, not a status: said apart,
    // so the rows add up to the Total.
    let late: Vec<String> = progress
        .iter()
        .map(|p| {
            let n = p.late().count();
            if input.several() { format!("{}: {n}", p.year) } else { n.to_string() }
        })
        .collect();
    out.push(Block::Para(vec![(w.late_apart)(&late.join(" · "))]));
    let means: Vec<String> = progress
        .iter()
        .map(|p| {
            let d = fmt_degree(lang, p.degree);
            if input.several() { format!("{}: {d}", p.year) } else { d }
        })
        .collect();
    out.push(Block::Para(vec![format!("{}: {}", w.mean, means.join(" · "))]));
}

/// Execution of the budget per eje and línea in each year reported, beside the degree.
fn budget(out: &mut Vec<Block>, input: &Input) {
    for &y in input.years {
        let p = input.progress(y);
        let Some(blocks) = super::plan_finance::execution_table(input.s(), y, &p, input.lang, degree_cell) else {
            continue;
        };
        out.extend(blocks);
        // The ejes' rows of the table as a chart: planned, committed and paid.
        if let Some(c) = super::chart::budget::by_axis(input.s(), y, input.lang, true) {
            out.push(Block::Chart(Box::new(c)));
        }
    }
}

fn degrees(out: &mut Vec<Block>, input: &Input) {
    let (w, s) = (input.w(), input.s());
    if s.axes.is_empty() {
        return;
    }
    let progress: Vec<_> = input.years.iter().map(|&y| input.progress(y)).collect();
    let mut columns = vec![Column::new(w.col_id, Some(8)), Column::new(w.col_axis_line, None)];
    columns.extend(year_columns(input.years, 6));
    let mut rows = Vec::new();
    for (n, axis) in s.axes.iter().enumerate() {
        let lead = vec![input.lang.show_id(&axis.id).into(), format!("{}. {}", n + 1, axis.text).into()];
        rows.push(row(lead, progress.iter().map(|p| degree_cell(p.axes.get(n).and_then(|a| a.degree)))));
        for (_, line) in s.lines_of(&axis.id) {
            let lead =
                vec![input.lang.show_id(&line.id).into(), format!("{} {}", s.line_label(&line.id), line.text).into()];
            rows.push(row(
                lead,
                progress.iter().map(|p| {
                    let l = p.axes.get(n).and_then(|a| a.lines.iter().find(|l| l.id == line.id));
                    degree_cell(l.and_then(|l| l.degree))
                }),
            ));
        }
    }
    out.push(heading(2, w.degrees));
    out.push(Block::Table(Table {
        columns,
        rows,
        total_label: w.plan.to_owned(),
        totals: progress.iter().map(|p| degree_cell(p.degree)).collect(),
    }));
    charts(out, input, &progress);
}

/// The degrees as charts: per eje and year, then the plan's trend across
/// every year reviewed up to the last one reported.
fn charts(out: &mut Vec<Block>, input: &Input, progress: &[YearProgress]) {
    use super::chart::degrees;
    let last = input.years.last().copied().unwrap_or(i16::MIN);
    let trend_years: Vec<i16> = input.s().reviewed_years().into_iter().filter(|&y| y <= last).collect();
    let trend: Vec<YearProgress> = trend_years.iter().map(|&y| input.progress(y)).collect();
    let charts = [
        degrees::axes(input.s(), progress, input.lang, true),
        degrees::trend(&trend, input.lang, trend_years == input.years),
    ];
    out.extend(charts.into_iter().flatten().map(|c| Block::Chart(Box::new(c))));
}

/// The years of the actions × years table: the horizon up to the last year
/// reported, else every year reviewed up to it.
fn history_years(input: &Input) -> Vec<i16> {
    let last = input.years.last().copied().unwrap_or(i16::MIN);
    match input.s().meta.horizon {
        Some(h) => (h.start..=h.end.min(last)).collect(),
        None => input.s().reviewed_years().into_iter().filter(|&y| y <= last).collect(),
    }
}

pub(crate) fn plan_actions(s: &Session) -> Vec<(Came, &CameAction)> {
    s.actions_in_plan_order()
}

fn actions_years(out: &mut Vec<Block>, input: &Input) {
    let (w, s) = (input.w(), input.s());
    let years = history_years(input);
    let actions = plan_actions(s);
    if actions.is_empty() || years.is_empty() {
        return;
    }
    let mut columns = vec![Column::new(w.col_id, Some(7)), Column::new(w.col_action, None)];
    columns.extend(year_columns(&years, 6));
    let rows = actions
        .iter()
        .map(|&(c, a)| {
            row(
                vec![input.lang.show_id(&a.id).into(), a.text.clone().into()],
                years.iter().map(|&y| cell(&s.standing(c, a, y).judged_on(input.today), y).into()),
            )
        })
        .collect();
    out.push(heading(2, w.actions_years));
    out.push(Block::Lead(w.legend.to_owned()));
    out.push(plain_table(columns, rows));
}

fn indicators(out: &mut Vec<Block>, input: &Input) {
    let (w, s, lang) = (input.w(), input.s(), input.lang);
    if s.indicators.is_empty() {
        return;
    }
    let opt = |x: Option<f64>| x.map_or(Cell::Missing, Cell::Short);
    let mut columns = vec![
        Column::new(w.col_id, Some(6)),
        Column::new(w.col_indicator, None),
        Column::new(w.col_baseline, Some(10)).numeric(5),
        Column::new(w.col_target, Some(10)).numeric(5),
    ];
    columns.extend(year_columns(input.years, 12));
    let rows = s
        .indicators
        .iter()
        .map(|ind| {
            let name = match &ind.unit {
                Some(u) => format!("{} ({u})", ind.name),
                None => ind.name.clone(),
            };
            let lead = vec![input.lang.show_id(&ind.id).into(), name.into(), opt(ind.baseline), opt(ind.target)];
            row(
                lead,
                input.years.iter().map(|&y| {
                    let reached = match s.indicator_value(&ind.id, y) {
                        None => "—".to_owned(),
                        Some(x) => match crate::domain::indicator_progress(ind, x) {
                            Some(p) => format!("{} ({})", num(lang, x), pct(lang, p)),
                            None => num(lang, x),
                        },
                    };
                    // The year's hito, when the plan set one.
                    match ind.milestone(y) {
                        Some(m) => format!("{reached} · {} {}", lang.indicator_words().milestone, num(lang, m)).into(),
                        None => reached.into(),
                    }
                }),
            )
        })
        .collect();
    out.push(heading(2, w.indicators));
    out.push(Block::Lead(w.indicator_lead.to_owned()));
    out.push(plain_table(columns, rows));
    if let Some(c) = super::chart::degrees::indicators(s, input.years, lang, true) {
        out.push(Block::Chart(Box::new(c)));
    }
}

pub(crate) fn list(text_label: &str, columns: Vec<Column>, rows: Vec<Item>, group: &'static str) -> Block {
    items(text_label, columns, rows, Shape::Table, group)
}

fn items(text_label: &str, columns: Vec<Column>, rows: Vec<Item>, shape: Shape, group: &'static str) -> Block {
    Block::Items(Items { id_width: 8, text_label: text_label.to_owned(), columns, rows, shape, group })
}

pub(crate) fn item(id: &str, text: &str, cells: Vec<Cell>) -> Item {
    Item { id: id.to_owned(), text: text.to_owned(), pair: None, note: None, details: Vec::new(), cells, marks: 0 }
}

/// A section with one part per year reported: the heading, then each year's
/// blocks (under a year heading when there are several). `parts` gives `None`
/// for a year with nothing to say; a section with nothing at all is left out.
fn by_year(out: &mut Vec<Block>, input: &Input, title: &str, parts: impl Fn(i16) -> Option<Vec<Block>>) {
    let mut blocks = Vec::new();
    for &y in input.years {
        let Some(part) = parts(y) else { continue };
        if input.several() {
            blocks.push(heading(3, y.to_string()));
        }
        blocks.extend(part);
    }
    if !blocks.is_empty() {
        out.push(heading(2, title));
        out.extend(blocks);
    }
}

fn late(out: &mut Vec<Block>, input: &Input) {
    let (w, s) = (input.w(), input.s());
    by_year(out, input, w.late, |y| {
        let rows: Vec<Item> = input
            .progress(y)
            .late()
            .map(|a| {
                let due = s.find_action(&a.id).and_then(|(c, i)| s.actions(c).get(i)?.due);
                item(&input.lang.show_id(&a.id), &a.text, vec![Cell::maybe_date(due), a.degree.to_string().into()])
            })
            .collect();
        // Every year says whether anything is late: "none" is news too.
        Some(vec![if rows.is_empty() {
            Block::Para(vec![w.none_late.to_owned()])
        } else {
            let columns = vec![
                Column::new(w.col_due, Some(14)).compact(),
                Column::new(w.col_degree, Some(8)).numeric(5).compact(),
            ];
            list(w.col_action, columns, rows, "late")
        }])
    });
}

fn problems(out: &mut Vec<Block>, input: &Input) {
    let s = input.s();
    by_year(out, input, input.w().problems, |y| {
        let problems = &s.year_review(y)?.problems;
        (!problems.is_empty()).then(|| vec![Block::Para(problems.iter().map(|p| format!("– {p}")).collect())])
    });
}

fn notes(out: &mut Vec<Block>, input: &Input) {
    let (s, w) = (input.s(), input.w());
    by_year(out, input, w.notes, |y| {
        let rows: Vec<Item> = plan_actions(s)
            .iter()
            .filter_map(|(_, a)| {
                Some(item(&input.lang.show_id(&a.id), s.action_review(&a.id, y)?.note.as_deref()?, Vec::new()))
            })
            .collect();
        (!rows.is_empty()).then(|| vec![items(w.notes, Vec::new(), rows, Shape::List, "review")])
    });
}

/// A table with no totals row.
fn plain_table(columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Block {
    Block::Table(Table { columns, rows, total_label: String::new(), totals: Vec::new() })
}

/// A row: its leading cells, then one per year.
fn row(lead: Vec<Cell>, years: impl IntoIterator<Item = Cell>) -> Vec<Cell> {
    let mut row = lead;
    row.extend(years);
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_percentages_read_as_each_language_writes_them() {
        assert_eq!(pct(Lang::Es, 71.25), "71,3 %");
        assert_eq!(pct(Lang::En, 71.25), "71.3%");
        assert_eq!(pct(Lang::Es, 55.0), "55 %");
        assert_eq!(num(Lang::Es, 12.5), "12,5");
        assert_eq!(num(Lang::En, 210.0), "210");
        assert_eq!(num(Lang::Es, -0.25), "-0,25");
        assert_eq!(mark(Status::Done), "●");
    }

    #[test]
    fn a_year_in_one_line() {
        let s = crate::storage::load(&crate::repo::path("sessions/almendral-plan-servicios-sociales-2023-2026.ron"))
            .unwrap();
        let after = jiff::civil::date(2027, 6, 30);
        assert_eq!(year_line(&s, 2024, Lang::Es, after), "2024: 2 en retraso · grado medio 72,9 %");
        assert_eq!(year_line(&s, 2023, Lang::En, after), "2023: 0 behind schedule · mean degree 55.8%");
        // A year not over says late only what was due before today: nothing, before the year began.
        let before = jiff::civil::date(2023, 6, 30);
        assert!(year_line(&s, 2024, Lang::Es, before).starts_with("2024: 0 en retraso"));
    }
}
