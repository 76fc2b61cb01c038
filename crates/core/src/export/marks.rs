//! The review meeting's marks in every export, as on screen: `↻` after an
//! item carried over from last year's session and not confirmed yet, `⚠`
//! before the due date of an action not done whose date has passed
//! ([`CameAction::is_overdue`], judged on the day the export is made), and a
//! legend line under the header when a session has either.

use jiff::civil::Date;

use crate::domain::{CameAction, Quadrant, Session};
use crate::i18n::Lang;

use super::doc::{Block, Cell, Items};

/// The mark of an item carried over and not confirmed.
pub const CARRIED: &str = "↻";
/// The mark of an overdue action's due date.
pub const OVERDUE: &str = "⚠";

/// `text`, with ` ↻` after it when `carried`.
pub fn carried(text: &str, carried: bool) -> String {
    if carried { format!("{text} {CARRIED}") } else { text.to_owned() }
}

/// Whether the session has factors or actions carried over and not confirmed.
pub fn any_carried(s: &Session) -> bool {
    Quadrant::ALL.iter().any(|&q| s.factors(q).iter().any(|f| f.carried)) || s.all_actions().any(|(_, a)| a.carried)
}

/// Whether an action of the session is overdue on `today`.
pub fn any_overdue(s: &Session, today: Date) -> bool {
    s.all_actions().any(|(_, a)| a.is_overdue(today))
}

/// The legend line ("Marks: ↻ … · ⚠ …") with the marks the session uses; nothing without marks.
pub fn legend(s: &Session, lang: Lang, today: Date) -> Option<Block> {
    let m = &lang.text().meeting;
    let mut parts = Vec::new();
    if any_carried(s) {
        parts.push(m.legend[0]);
    }
    if any_overdue(s, today) {
        parts.push(m.legend[4]);
    }
    (!parts.is_empty()).then(|| Block::Para(vec![format!("{}: {}", m.legend_title, parts.join(" · "))]))
}

/// Puts `⚠` before the due date of every overdue action in the CAME lists
/// and in the plan's action tables: on the due column's [`Cell::Date`] and in
/// the detail that repeats it (the one that names the due column), both found
/// by what they are, never by comparing written dates.
pub fn overdue(blocks: &mut [Block], s: &Session, lang: Lang, today: Date) {
    let late: Vec<(String, &CameAction)> =
        s.all_actions().filter(|(_, a)| a.is_overdue(today)).map(|(_, a)| (lang.show_id(&a.id), a)).collect();
    if late.is_empty() {
        return;
    }
    for block in blocks {
        let Block::Items(Items { rows, group, .. }) = block else { continue };
        if !matches!(*group, "actions" | "plan-actions") {
            continue;
        }
        for row in rows {
            let Some(due) = late.iter().find(|(id, _)| *id == row.id).and_then(|(_, a)| a.due) else { continue };
            let mut due_column = None;
            for (i, cell) in row.cells.iter_mut().enumerate() {
                if let Cell::Date { date, overdue } = cell
                    && *date == due
                {
                    *overdue = true;
                    due_column = Some(i);
                }
            }
            // The detail that repeats the due column (`Plazo: 30/06/2025`):
            // its label, then the date written from the action's own.
            let marked = Cell::Date { date: due, overdue: true }.show(lang);
            for detail in row.details.iter_mut().filter(|d| d.column.is_some() && d.column == due_column) {
                let Some((label, _)) = detail.text.split_once(": ") else { continue };
                let head = label.len() + 2;
                detail.text = format!("{label}: {marked}");
                // A date is the export's own words: no user range moves.
                detail.user.retain(|&(_, end)| end <= head);
            }
        }
    }
}
