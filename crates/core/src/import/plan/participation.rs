//! Reading the informe's "Proceso participativo" back from Markdown: the table
//! of the diagnosis's sessions (group, date, place, participants, attendees by
//! sex and age band, technique) and the merge's decisions in short, in any of
//! the three languages. The "factors" column is counted from the factors, not read.

use std::path::Path;

use crate::domain::meetings::{Count, Meeting, MergeRecord, read_counts};
use crate::domain::text::clean_text;
use crate::i18n::Lang;

use super::table::Table;
use crate::import::ImportError;
use crate::import::problem::Problem;

/// Whether a level-2 heading is the section's, in any language.
pub(super) fn is_heading(h: &str) -> bool {
    let f = super::fold(h);
    Lang::ALL.iter().any(|l| f == super::fold(l.text().survey.process_title))
}

/// The sessions of the process table.
pub(super) fn meetings(t: &Table, path: &Path) -> Result<Vec<Meeting>, ImportError> {
    let header: Vec<String> = t.header_texts().map(super::fold).collect();
    let lang = Lang::ALL
        .iter()
        .copied()
        .find(|l| header.first().is_some_and(|h| *h == super::fold(l.text().survey.process_columns[0])))
        .unwrap_or_default();
    let at =
        |line: usize, column: usize, problem: Problem| ImportError::At { path: path.to_owned(), line, column, problem };
    if header.len() != 7 {
        return Err(at(t.line(), 1, Problem::Cells { row: header.len(), header: 7 }));
    }
    let text = |v: &str| Some(clean_text(v)).filter(|v| !v.is_empty());
    let mut out = Vec::new();
    for row in &t.rows {
        let cells: Vec<(usize, &str)> = row.cells().collect();
        let cell = |i: usize| cells.get(i).map_or((1, ""), |&(c, t)| (c, t.trim()));
        let (col, date) = cell(1);
        let date = match date {
            "" => None,
            d => Some(lang.locale().read_date(d).ok_or_else(|| at(row.line(), col, Problem::NotADate(d.to_owned())))?),
        };
        let (col, attendees) = cell(4);
        let (attendees, by_sex, by_age) =
            read_attendees(attendees, lang).map_err(|bad| at(row.line(), col, Problem::Detail(bad)))?;
        let mut m = Meeting::of(&clean_text(cell(0).1));
        (m.date, m.place, m.participants) = (date, text(cell(2).1), text(cell(3).1));
        (m.attendees, m.by_sex, m.by_age, m.technique) = (attendees, by_sex, by_age, text(cell(5).1));
        out.push(m);
    }
    Ok(out)
}

/// `12 (mujeres 7, hombres 5; edad: 18-29 3)`, as `participation::attendees`
/// writes it; a part that does not read, on error.
type Attendees = (Option<u32>, Vec<Count>, Vec<Count>);

fn read_attendees(cell: &str, lang: Lang) -> Result<Attendees, String> {
    // `12`, `12 (…)`, or the counts alone when the number is not known.
    let (number, inner) = match cell.strip_suffix(')').and_then(|c| c.split_once(" (")) {
        Some((n, inner)) if n.trim().parse::<u32>().is_ok() => (n.trim(), inner),
        _ if cell.parse::<u32>().is_ok() => (cell, ""),
        _ => ("", cell),
    };
    let attendees = number.parse::<u32>().ok();
    let age_word = format!("{}:", lang.text().survey.age_word);
    let (sex, age) = match inner.split_once(&age_word) {
        Some((sex, age)) => (sex.trim().trim_end_matches(';'), age),
        None => (inner, ""),
    };
    Ok((attendees, read_counts(sex)?, read_counts(age)?))
}

/// The merge in short, when `para` is the sentence some language writes for four numbers.
pub(super) fn merge_record(para: &str) -> Option<MergeRecord> {
    let numbers: Vec<u32> =
        para.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).filter_map(|p| p.parse().ok()).collect();
    let [read, joined, disagreements, grey] = numbers[..] else { return None };
    let said = |l: &Lang| (l.text().survey.merge_summary)(read, joined, disagreements, grey);
    Lang::ALL.iter().any(|l| said(l) == para).then_some(MergeRecord { read, joined, disagreements, grey })
}
