//! The plan's sections of the informe final, as blocks of the export document
//! model: the horizon field, misión/visión/valores, retos with the IDs they come
//! from, ejes and numbered líneas, the plan de acción grouped by línea, the
//! cronograma, the indicators and the plan's coverage. Each section is left out
//! when it has nothing to show. The informe's order puts [`formulation`] right
//! after the header and the others, in [`SECTIONS`] order, after the crossed matrix.

use crate::domain::{CameAction, Session};
use crate::i18n::Lang;

use super::doc::{Block, Cell, Column, Detail, Heading, Item, Items, Shape};
use super::plan_md::source_labels;
use super::plan_words::PlanWords;

/// A section builder, the same shape as the document builder's.
pub type Section = fn(&mut Vec<Block>, &Session, Lang);

/// Sections 6 to 12 of the informe final, in order (the plan financiero after the plan de acción).
pub const SECTIONS: [Section; 7] =
    [challenges, axes, action_plan, super::plan_finance::section, schedule, indicators, coverage];

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading(Heading { level, text: text.into(), aside: None })
}

/// The horizon as a header field ("Horizonte", "2023-2026"), if the session has one.
pub fn horizon_field(s: &Session, lang: Lang) -> Option<(String, String)> {
    let w = PlanWords::for_lang(lang);
    s.meta.horizon.map(|h| (w.horizon.to_owned(), h.to_string()))
}

/// A date as the language writes it: `01/09/2023` (Spanish, Catalan), `2023-09-01`.
pub fn date(lang: Lang, d: jiff::civil::Date) -> String {
    lang.locale().date(d)
}

/// An amount with thousands separators and the euro sign: `12.000,50 €`, `€12,000.50`.
pub fn euros(lang: Lang, cents: u64) -> String {
    lang.locale().money(cents)
}

fn item(id: impl Into<String>, text: impl Into<String>, cells: Vec<Cell>) -> Item {
    Item { id: id.into(), text: text.into(), pair: None, note: None, details: Vec::new(), cells, marks: 0 }
}

/// Section 2: misión, visión and valores.
pub fn formulation(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let w = PlanWords::for_lang(lang);
    if s.mission.is_none() && s.vision.is_none() && s.values.is_empty() {
        return;
    }
    out.push(heading(2, w.formulation));
    for (title, text) in [(w.mission, &s.mission), (w.vision, &s.vision)] {
        if let Some(text) = text {
            out.push(heading(3, title));
            out.push(Block::Para(vec![text.clone()]));
        }
    }
    if !s.values.is_empty() {
        out.push(heading(3, w.values));
        out.push(Block::Para(s.values.clone()));
    }
}

/// Section 6: the retos, with the IDs they come from (`D9?` when gone).
pub fn challenges(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let w = PlanWords::for_lang(lang);
    if s.challenges.is_empty() {
        return;
    }
    out.push(heading(2, w.challenges));
    let rows = s
        .challenges
        .iter()
        .map(|c| {
            let from = source_labels(c, s, &w, lang);
            let from = from.join(", ");
            Item { pair: Some(from.clone()).filter(|f| !f.is_empty()), ..item(&c.id, &c.text, vec![from.into()]) }
        })
        .collect();
    out.push(Block::Items(Items {
        id_width: 8,
        text_label: w.challenges.to_owned(),
        columns: vec![Column::new(w.col_from, Some(22))],
        rows,
        shape: Shape::List,
        group: "challenges",
    }));
}

/// Section 7: ejes (level 3 headings "1. Text") and their líneas numbered 1.1, 1.2…
pub fn axes(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let w = PlanWords::for_lang(lang);
    if s.axes.is_empty() {
        return;
    }
    out.push(heading(2, w.axes_lines));
    for (n, axis) in s.axes.iter().enumerate() {
        out.push(heading(3, format!("{}. {}", n + 1, axis.text)));
        let rows: Vec<Item> = s
            .lines_of(&axis.id)
            .map(|(_, l)| {
                let indicators = l.indicators.iter().map(|i| indicator_label(s, i)).collect::<Vec<_>>().join(", ");
                let ids = l
                    .indicators
                    .iter()
                    .map(|i| if s.find_indicator(i).is_some() { i.clone() } else { format!("{i}?") });
                let pair = Some(ids.collect::<Vec<_>>().join(", ")).filter(|p| !p.is_empty());
                Item { pair, ..item(s.line_label(&l.id), &l.text, vec![indicators.into()]) }
            })
            .collect();
        if !rows.is_empty() {
            out.push(Block::Items(Items {
                id_width: 8,
                text_label: w.col_line.to_owned(),
                columns: vec![Column::new(w.indicators, Some(20))],
                rows,
                shape: Shape::List,
                group: "lines",
            }));
        }
    }
}

/// An indicator's name, or its ID with `?` when it is gone.
fn indicator_label(s: &Session, id: &str) -> String {
    match s.find_indicator(id) {
        Some(i) => s.indicators[i].name.clone(),
        None => format!("{id}?"),
    }
}

/// Section 8: the plan de acción, one table per línea (then the actions with no
/// línea), with owner, dates, resources, partners, indicators and status.
pub fn action_plan(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let w = PlanWords::for_lang(lang);
    if !s.has_plan() {
        return;
    }
    let actions = s.actions_in_plan_order();
    if actions.is_empty() {
        return;
    }
    out.push(heading(2, w.action_plan));
    let mut groups: Vec<(String, Vec<Item>)> = Vec::new();
    for line in s.lines_in_order() {
        let mut rows: Vec<Item> = actions
            .iter()
            .filter(|(_, a)| a.line.as_deref() == Some(line.id.as_str()))
            .map(|(_, a)| action_row(s, lang, &w, a))
            .collect();
        rows.extend(s.strategies.iter().filter(|st| st.line.as_deref() == Some(line.id.as_str())).map(|st| {
            let mut row = item(lang.show_id(&st.id), &st.text, vec![Cell::empty(); 3]);
            row.pair = Some(lang.show_ids(&st.factors, " × "));
            row
        }));
        if !rows.is_empty() {
            groups.push((format!("{} {}", s.line_label(&line.id), line.text), rows));
        }
    }
    let unplaced: Vec<Item> = actions
        .iter()
        .filter(|(_, a)| a.line.as_deref().is_none_or(|l| s.find_line(l).is_none()))
        .map(|(_, a)| action_row(s, lang, &w, a))
        .collect();
    if !unplaced.is_empty() {
        groups.push((w.no_line.to_owned(), unplaced));
    }
    for (title, rows) in groups {
        out.push(heading(3, title));
        out.push(Block::Items(Items {
            id_width: 7,
            text_label: w.col_action.to_owned(),
            columns: vec![
                Column::new(w.col_owner, Some(16)).compact(),
                Column::new(w.col_due, Some(10)).compact(),
                Column::new(w.col_status, Some(9)).compact(),
            ],
            rows,
            shape: Shape::Table,
            group: "plan-actions",
        }));
    }
}

/// A detail's value in pieces: each the user's words (`true`) or the export's.
type Pieces<'a> = Vec<(&'a str, bool)>;

fn action_row(s: &Session, lang: Lang, w: &PlanWords, a: &CameAction) -> Item {
    let resources = a.resources.clone().unwrap_or_default();
    // The single amount in brackets after the resources (as stored, even beside
    // amounts per year, so nothing is lost); amounts per year on their own line.
    let amount = a.amount.map(|e| euros(lang, e.cents)).unwrap_or_default();
    let budget = crate::i18n::money_words::show_budget(lang.locale(), &a.budget);
    let funding = a.funding.clone().unwrap_or_default();
    let resources: Vec<(&str, bool)> = match (resources.is_empty(), amount.is_empty()) {
        (_, true) => vec![(&resources, true)],
        (true, false) => vec![(&amount, false)],
        (false, false) => vec![(&resources, true), (" (", false), (&amount, false), (")", false)],
    };
    // Each piece of a list is the user's; the separators are the export's.
    let list = |items: &[String], sep: &'static str| -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push((sep.to_owned(), false));
            }
            out.push((item.clone(), true));
        }
        out
    };
    // The linked indicators; the free text only as their note, said to be one.
    let indicators: Vec<String> = a.indicators.iter().map(|i| indicator_label(s, i)).collect();
    let note_label = format!("{}{}: ", if indicators.is_empty() { "" } else { " (" }, lang.indicator_words().note);
    let note = a.indicator.clone().filter(|n| !n.trim().is_empty());
    let (owner, due) = (a.owner.clone().unwrap_or_default(), a.due.map(|d| date(lang, d)).unwrap_or_default());
    let start = a.start.map(|d| date(lang, d)).unwrap_or_default();
    let (partners, mut indicators) = (list(&a.partners, ", "), list(&indicators, "; "));
    if let Some(note) = note {
        let close = if indicators.is_empty() { "" } else { ")" };
        indicators.extend([(note_label, false), (note, true), (close.to_owned(), false)]);
    }
    fn borrow(v: &[(String, bool)]) -> Vec<(&str, bool)> {
        v.iter().map(|(t, u)| (t.as_str(), *u)).collect()
    }
    let fields: [(&str, Pieces, Option<usize>); 8] = [
        (w.col_owner, vec![(&owner, true)], Some(0)),
        (w.col_start, vec![(&start, false)], None),
        (w.col_due, vec![(&due, false)], Some(1)),
        (w.col_resources, resources, None),
        (w.col_budget, vec![(&budget, false)], None),
        (w.col_funding, vec![(&funding, true)], None),
        (w.col_partners, borrow(&partners), None),
        (w.col_indicator, borrow(&indicators), None),
    ];
    // Owner, due and status are the table's columns; the other fields go under
    // the text, so the table fits a page's width.
    let details = fields
        .iter()
        .filter(|(_, v, _)| v.iter().any(|(t, _)| !t.is_empty()))
        .map(|(l, v, column)| Detail::labelled(l, v, *column))
        .collect();
    let cells = vec![owner.clone().into(), Cell::maybe_date(a.due), w.status(a.status).into()];
    Item { details, ..item(lang.show_id(&a.id), &a.text, cells) }
}

/// The cronograma's mark of a year or quarter an action runs in; a cell that
/// means nothing without its column's label (the text format writes the label).
pub const MARK: &str = "■";

/// Section 9: the cronograma, one row per dated action with its línea and a mark
/// (■) per year or quarter it runs in; then the undated ones and those outside the horizon.
pub fn schedule(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let w = PlanWords::for_lang(lang);
    let Some(c) = s.schedule() else { return };
    if c.rows.is_empty() && c.undated.is_empty() && c.outside.is_empty() {
        return;
    }
    out.push(heading(2, w.schedule));
    if !c.rows.is_empty() {
        let mut columns = vec![Column::new(w.col_line, Some(7)).compact()];
        columns.extend(c.periods.iter().map(|p| {
            let label = match p.quarter {
                Some(q) => format!("{}{q} {}", w.quarter, p.year % 100),
                None => p.year.to_string(),
            };
            Column::new(label, Some(if p.quarter.is_some() { 5 } else { 9 })).compact()
        }));
        let rows = c
            .rows
            .iter()
            .map(|r| {
                let line = r.line.as_deref().map(|l| s.line_label(l)).unwrap_or_default().into();
                let marks = r.active.iter().map(|&on| if on { MARK.into() } else { Cell::empty() });
                item(lang.show_id(&r.id), &r.text, std::iter::once(line).chain(marks).collect())
            })
            .collect();
        out.push(Block::Items(Items {
            id_width: 7,
            text_label: w.col_action.to_owned(),
            columns,
            rows,
            shape: Shape::Table,
            group: "schedule",
        }));
    }
    let mut notes = Vec::new();
    for (label, ids) in [(w.undated, &c.undated), (w.outside, &c.outside)] {
        if !ids.is_empty() {
            notes.push(format!("{label}: {}", lang.show_ids(ids, ", ")));
        }
    }
    if !notes.is_empty() {
        out.push(Block::Para(notes));
    }
}

/// Section 10: the indicators with unit, baseline, target, direction and what they measure.
pub fn indicators(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let w = PlanWords::for_lang(lang);
    if s.indicators.is_empty() {
        return;
    }
    out.push(heading(2, w.indicators));
    let num = |x: Option<f64>| x.map_or_else(Cell::empty, Cell::Exact);
    // The hitos column only when a hito is set: plans without them read as before.
    let hitos = s.indicators.iter().any(|i| !i.milestones.is_empty());
    let rows = s
        .indicators
        .iter()
        .map(|i| {
            let mut measures: Vec<String> =
                s.lines_in_order().filter(|l| l.indicators.contains(&i.id)).map(|l| s.line_label(&l.id)).collect();
            measures.extend(
                s.all_actions().filter(|(_, a)| a.indicators.contains(&i.id)).map(|(_, a)| lang.show_id(&a.id)),
            );
            let mut cells = vec![
                i.unit.clone().unwrap_or_default().into(),
                num(i.baseline),
                num(i.target),
                w.direction(i.direction).into(),
                measures.join(", ").into(),
            ];
            if hitos {
                cells.push(super::milestones::shown(lang, &i.milestones).into());
            }
            item(&i.id, &i.name, cells)
        })
        .collect();
    out.push(Block::Items(Items {
        id_width: 6,
        text_label: w.col_name.to_owned(),
        columns: vec![
            Column::new(w.col_unit, Some(10)).compact(),
            Column::new(w.col_baseline, Some(10)).numeric(6).compact(),
            Column::new(w.col_target, Some(10)).numeric(6).compact(),
            Column::new(w.col_direction, Some(9)).compact(),
            Column::new(w.col_measures, Some(14)).compact(),
        ]
        .into_iter()
        .chain(hitos.then(|| Column::new(w.col_milestones, Some(16)).compact()))
        .collect(),
        rows,
        shape: Shape::Table,
        group: "indicators",
    }));
}

/// Section 11: líneas without actions and actions without a línea.
pub fn coverage(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let w = PlanWords::for_lang(lang);
    if s.lines.is_empty() {
        return;
    }
    let lines = s.lines_without_actions();
    let actions = s.actions_without_line();
    out.push(heading(2, w.coverage));
    let list =
        |ids: Vec<String>| if ids.is_empty() { "0".to_owned() } else { format!("{} ({})", ids.len(), ids.join(", ")) };
    out.push(Block::Para(vec![
        format!("{}: {}", w.lines_without_actions, list(lines.iter().map(|l| s.line_label(&l.id)).collect())),
        format!("{}: {}", w.actions_without_line, list(actions.iter().map(|(_, a)| lang.show_id(&a.id)).collect())),
    ]));
}

#[cfg(test)]
#[path = "plan_report_tests.rs"]
mod tests;
