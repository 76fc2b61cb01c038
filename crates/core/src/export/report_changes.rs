//! The last sections of the evaluation report: what changed from one year to
//! the next (degree and status per action) and between the oldest and the
//! newest file (reusing `diff`), and the discrepancies between files.

use crate::domain::Session;

use super::diff::diff;
use super::doc::{Block, Column};
use super::report_build::{Input, heading, item, list, plan_actions};

/// The year before `year` with any review, if any.
fn previous(s: &Session, year: i16) -> Option<i16> {
    s.reviewed_years().into_iter().filter(|&y| y < year).max()
}

/// Degree and status changes from the previous year reviewed to each year
/// reported, then what the newest file changed against the oldest.
pub fn changes(out: &mut Vec<Block>, input: &Input) {
    let (w, s, lang) = (input.w(), input.s(), input.lang);
    let mut blocks = Vec::new();
    for &y in input.years {
        let Some(before) = previous(s, y) else { continue };
        let rows: Vec<_> = plan_actions(s)
            .into_iter()
            .filter_map(|(c, a)| {
                let (old, new) = (s.standing(c, a, before), s.standing(c, a, y));
                if new.reviewed != Some(y) || (old.degree, old.status) == (new.degree, new.status) {
                    return None;
                }
                let delta = i16::from(new.degree.get()) - i16::from(old.degree.get());
                let status = if old.status == new.status {
                    String::new()
                } else {
                    format!(" · {} {}", w.status_to, crate::labels::status(lang, new.status))
                };
                let cells =
                    vec![format!("{} → {}", old.degree, new.degree).into(), format!("{delta:+}{status}").into()];
                Some(item(&lang.show_id(&a.id), &a.text, cells))
            })
            .collect();
        blocks.push(heading(3, format!("{before} → {y}")));
        if rows.is_empty() {
            blocks.push(Block::Para(vec![w.no_changes.to_owned()]));
        } else {
            let columns =
                vec![Column::new(w.col_degree, Some(12)).compact(), Column::new(w.col_change, Some(22)).compact()];
            blocks.push(list(w.col_action, columns, rows, "changes"));
        }
    }
    if let (Some(oldest), [first, .., last]) = (&input.joined.oldest, input.joined.files.as_slice()) {
        blocks.push(heading(3, format!("{first} → {last}")));
        blocks.push(Block::Para(file_changes(oldest, s, input)));
    }
    if !blocks.is_empty() {
        out.push(heading(2, w.changes));
        out.extend(blocks);
    }
}

/// The actions added, gone, reworded or with a new status between two files.
fn file_changes(old: &Session, new: &Session, input: &Input) -> Vec<String> {
    let (w, lang) = (input.w(), input.lang);
    let d = diff(old, new);
    let mut lines: Vec<String> = Vec::new();
    lines.extend(
        d.actions_added.iter().map(|p| format!("{} {}: {}", lang.show_id(&p.action.id), w.added, p.action.text)),
    );
    lines.extend(
        d.actions_removed.iter().map(|p| format!("{} {}: {}", lang.show_id(&p.action.id), w.removed, p.action.text)),
    );
    for c in &d.actions_changed {
        if c.reworded() {
            lines.push(format!("{} {}: {}", lang.show_id(&c.new.action.id), w.reworded, c.new.action.text));
        }
        if c.status_changed() {
            let (a, b) = (c.old.action.status, c.new.action.status);
            let (a, b) = (crate::labels::status(lang, a), crate::labels::status(lang, b));
            lines.push(format!("{} {a} → {b}", lang.show_id(&c.new.action.id)));
        }
    }
    if lines.is_empty() {
        lines.push(w.no_changes.to_owned());
    }
    lines
}

/// Where two files disagree on one action (or indicator) and year, or on a
/// year's record; the newer won.
pub fn discrepancies(out: &mut Vec<Block>, input: &Input) {
    let w = input.w();
    let found = &input.joined.discrepancies;
    if found.is_empty() {
        return;
    }
    out.push(heading(2, w.discrepancies));
    let rows = found
        .iter()
        .map(|d| {
            let text = format!("{} {} {}; {} {} {}", d.older, w.says, d.older_says, d.newer, w.says, d.newer_says);
            let id = if d.id.is_empty() { w.year_record.to_owned() } else { input.lang.show_id(&d.id) };
            item(&id, &text, vec![d.year.to_string().into()])
        })
        .collect();
    out.push(list(w.col_action, vec![Column::new(w.year, Some(8)).compact()], rows, "discrepancies"));
}
