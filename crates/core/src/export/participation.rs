//! The informe's "Proceso participativo" section: a table of the sessions the
//! diagnosis was made from (group, date, place, attendees, technique and how many
//! factors each brought) and the merge's decisions in short. Built once in the
//! document model, so every backend shows it.

use crate::domain::Session;
use crate::domain::meetings::{Count, Meeting, factors_from};
use crate::i18n::Lang;

use super::doc::{Block, Cell, Column, Heading, Table};

/// Attendees as a cell: `12 (mujeres 7, hombres 5; edad: 18-29 3, 30-44 9)`;
/// the age bands say so, so that `plan_import` tells them from the sexes.
pub(crate) fn attendees(m: &Meeting, lang: Lang) -> String {
    let list = |c: &[Count]| c.iter().map(|c| format!("{} {}", c.label, c.count)).collect::<Vec<_>>().join(", ");
    let age = (!m.by_age.is_empty()).then(|| format!("{}: {}", lang.text().survey.age_word, list(&m.by_age)));
    let parts: Vec<String> = [list(&m.by_sex)].into_iter().chain(age).filter(|p| !p.is_empty()).collect();
    let n = m.attendees.map(|n| n.to_string()).unwrap_or_default();
    match (n.is_empty(), parts.is_empty()) {
        (_, true) => n,
        (true, false) => parts.join("; "),
        (false, false) => format!("{n} ({})", parts.join("; ")),
    }
}

/// The section, when the session keeps its participation process.
pub fn section(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let meta = &s.meta;
    if meta.meetings.is_empty() && meta.merge.is_none() {
        return;
    }
    let w = lang.text().survey;
    out.push(Block::Heading(Heading { level: 2, text: w.process_title.to_owned(), aside: None }));
    if !meta.meetings.is_empty() {
        let c = w.process_columns;
        let rows = meta
            .meetings
            .iter()
            .map(|m| {
                vec![
                    m.group.clone().into(),
                    Cell::maybe_date(m.date),
                    m.place.clone().unwrap_or_default().into(),
                    m.participants.clone().unwrap_or_default().into(),
                    attendees(m, lang).into(),
                    m.technique.clone().unwrap_or_default().into(),
                    Cell::Count(factors_from(s, &m.group) as u64),
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            columns: vec![
                Column::new(c[0], Some(14)),
                Column::new(c[1], Some(12)),
                Column::new(c[2], None),
                Column::new(w.process_participants, None),
                Column::new(c[3], Some(16)),
                Column::new(c[4], Some(14)),
                Column::new(c[5], Some(10)).numeric(3),
            ],
            rows,
            total_label: String::new(),
            totals: Vec::new(),
        }));
    }
    if let Some(r) = &meta.merge {
        out.push(Block::Para(vec![(w.merge_summary)(r.read, r.joined, r.disagreements, r.grey)]));
    }
}
