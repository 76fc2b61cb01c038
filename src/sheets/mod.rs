//! Owners' sheets: one spreadsheet per action owner for a year's review, written
//! as `.xlsx` or CSV and read back (`dafo review --sheets`, `--from-sheets`).
//! This module builds the tables from a session; `write` turns them into files,
//! `read` turns files back into cells and `answers` checks those cells against
//! the session.

pub mod answers;
pub mod read;
pub mod write;

use std::hash::Hasher;

use crate::domain::{Came, CameAction, Session};
use crate::i18n::Lang;
use crate::i18n::plan_words::PlanWords;
use crate::i18n::sheet_words::SheetWords;

/// What a column holds. `Fill` columns are the owner's; the rest are read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Id,
    Text,
    Line,
    Owner,
    PrevDegree,
    PrevStatus,
    PrevNote,
    Feeds,
    Budget,
    Degree,
    Status,
    Note,
    /// Money committed and paid that year (when the plan carries money).
    Committed,
    Paid,
    Name,
    Unit,
    LastValue,
    Value,
    Fingerprint,
}

impl Col {
    /// Whether the owner fills this column in.
    pub fn fill(self) -> bool {
        matches!(self, Col::Degree | Col::Status | Col::Note | Col::Committed | Col::Paid | Col::Value)
    }

    /// The header in `lang` for `year`'s sheets.
    pub fn header(self, w: &SheetWords, year: i16) -> String {
        match self {
            Col::Id => w.id.to_owned(),
            Col::Text => w.action.to_owned(),
            Col::Line => w.line.to_owned(),
            Col::Owner => w.owner.to_owned(),
            Col::PrevDegree => (w.degree)(year - 1),
            Col::PrevStatus => (w.status)(year - 1),
            Col::PrevNote => (w.note)(year - 1),
            Col::Feeds => w.feeds.to_owned(),
            Col::Budget => w.budget.to_owned(),
            Col::Degree => (w.degree)(year),
            Col::Status => (w.status)(year),
            Col::Note => (w.note)(year),
            Col::Committed => (w.committed)(year),
            Col::Paid => (w.paid)(year),
            Col::Name => w.name.to_owned(),
            Col::Unit => w.unit.to_owned(),
            Col::LastValue => w.last_value.to_owned(),
            Col::Value => (w.value)(year),
            Col::Fingerprint => w.fingerprint.to_owned(),
        }
    }
}

/// A cell as written or read: text or a number; read from an `.xlsx`, also a
/// number shown as a percentage or a date (what its number format makes of it).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A number a spreadsheet shows as a percentage, as the owner sees it: a
    /// typed `62%` is stored by Calc and Excel as 0.62 shown as `62%`, and
    /// read as 62.
    Percent(f64),
    /// A number a spreadsheet shows as a date or a time (a typed `31/03/2025`
    /// is stored as 45747), written as the session's language writes dates:
    /// `31/03/2025`, `2025-03-31`, with its time when it has one.
    Date(String),
}

impl Cell {
    /// The cell as `lang` writes it: `12,5`, `62 %`, `31/03/2025`; empty for an empty one.
    pub fn shown(&self, lang: Lang) -> String {
        let locale = lang.locale();
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Date(t) => t.clone(),
            Cell::Number(x) => locale.exact(*x),
            Cell::Percent(x) if locale.percent_space => format!("{} %", locale.exact(*x)),
            Cell::Percent(x) => format!("{}%", locale.exact(*x)),
        }
    }
}

/// Which of the two tables: actions (degree, status, note) or indicators (value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Actions,
    Indicators,
}

/// One table of one owner's sheet: its columns and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: Kind,
    pub columns: Vec<Col>,
    pub rows: Vec<Vec<Cell>>,
}

/// One owner's sheets: the owner (`None`: actions nobody owns), the actions
/// and the indicators those actions feed.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnerSheets {
    pub owner: Option<String>,
    pub actions: Table,
    pub indicators: Table,
}

/// The columns of the actions table; the budget, committed and paid only when the plan carries money.
pub fn action_columns(money: bool) -> Vec<Col> {
    let mut cols = vec![Col::Id, Col::Text, Col::Line, Col::Owner, Col::PrevDegree, Col::PrevStatus, Col::PrevNote];
    cols.push(Col::Feeds);
    if money {
        cols.push(Col::Budget);
    }
    cols.extend([Col::Degree, Col::Status, Col::Note]);
    if money {
        cols.extend([Col::Committed, Col::Paid]);
    }
    cols.push(Col::Fingerprint);
    cols
}

/// The columns of the indicators table.
pub const INDICATOR_COLUMNS: [Col; 6] = [Col::Id, Col::Name, Col::Unit, Col::LastValue, Col::Value, Col::Fingerprint];

/// A stable hash of `parts` as 16 hex digits: the same in every build.
fn hash(parts: &[&str]) -> String {
    let mut h = siphasher::sip::SipHasher13::new();
    for p in parts {
        h.write(p.as_bytes());
        h.write_u8(0xff);
    }
    format!("{:016x}", h.finish())
}

/// Which session a sheet was written from: its title and when it was created,
/// hashed (8 hex digits). A sheet's fingerprints carry it before a `-`
/// ([`stamped`]), so a sheet of another plan, or of another copy of this one,
/// is refused even where both have no review that year (whose fingerprint is
/// the same in every session). Renaming the plan changes it: sheets sent before
/// are refused then, and written again.
pub fn session_stamp(s: &Session) -> String {
    hash(&["session", &s.meta.created.to_string(), &s.meta.title])[..8].to_owned()
}

/// A fingerprint as a sheet carries it: `session_stamp-fingerprint`.
pub fn stamped(s: &Session, fingerprint: &str) -> String {
    format!("{}-{fingerprint}", session_stamp(s))
}

/// What action `id`'s review of `year` holds now (degree, status, note), hashed:
/// a sheet keeps it to tell whether the session changed since it was written.
pub fn action_fingerprint(s: &Session, id: &str, year: i16) -> String {
    match s.action_review(id, year) {
        Some(r) => {
            let year = year.to_string();
            let degree = r.degree.to_string();
            let mut parts = vec!["action", id, &year, &degree, crate::labels::status_token(r.status)];
            parts.push(r.note.as_deref().unwrap_or(""));
            // Money only when recorded: sheets written before it existed keep their fingerprints.
            let cents = |e: Option<crate::domain::Euros>| e.map_or_else(|| "none".to_owned(), |e| e.cents.to_string());
            let money = [cents(r.committed), cents(r.paid)];
            if r.committed.is_some() || r.paid.is_some() {
                parts.extend(money.iter().map(String::as_str));
            }
            hash(&parts)
        }
        None => hash(&["action", id, &year.to_string(), "none"]),
    }
}

/// What indicator `id`'s value of `year` is now, hashed.
pub fn indicator_fingerprint(s: &Session, id: &str, year: i16) -> String {
    let value = s.indicator_value(id, year).map_or_else(|| "none".to_owned(), |v| format!("{:x}", v.to_bits()));
    hash(&["indicator", id, &year.to_string(), &value])
}

fn text(t: impl Into<String>) -> Cell {
    let t = t.into();
    if t.is_empty() { Cell::Empty } else { Cell::Text(t) }
}

/// The sheets of `year`, one per owner in order of first appearance, then the
/// one of actions without owner (left out when every action has one).
pub fn build(s: &Session, year: i16, lang: Lang) -> Vec<OwnerSheets> {
    let words = PlanWords::for_lang(lang);
    let all: Vec<_> = crate::domain::Came::ALL.iter().flat_map(|&c| s.actions(c).iter().map(move |a| (c, a))).collect();
    let money = s.has_money();
    let mut owners: Vec<Option<String>> = Vec::new();
    for (_, a) in &all {
        let owner = a.owner.clone().filter(|o| !o.trim().is_empty());
        if owner.is_some() && !owners.contains(&owner) {
            owners.push(owner);
        }
    }
    if all.iter().any(|(_, a)| a.owner.as_deref().is_none_or(|o| o.trim().is_empty())) {
        owners.push(None);
    }
    let locale = lang.locale();
    let safe = |t: &str| crate::export::safe(t).into_owned();
    owners
        .into_iter()
        .map(|owner| {
            let mine: Vec<_> =
                all.iter().filter(|(_, a)| a.owner.clone().filter(|o| !o.trim().is_empty()) == owner).collect();
            let columns = action_columns(money);
            let mut fed: Vec<String> = Vec::new();
            let rows = mine
                .iter()
                .map(|&&(came, a)| {
                    let prev = s.action_review(&a.id, year - 1);
                    let (prev_degree, prev_status) = previous(s, came, a, year, &words);
                    let now = s.action_review(&a.id, year);
                    for i in &a.indicators {
                        if !fed.contains(i) && s.find_indicator(i).is_some() {
                            fed.push(i.clone());
                        }
                    }
                    columns
                        .iter()
                        .map(|col| match col {
                            Col::Id => text(lang.show_id(&a.id)),
                            Col::Text => text(safe(&a.text)),
                            Col::Line => text(a.line.as_deref().map_or(String::new(), |l| line_text(s, l))),
                            Col::Owner => text(safe(a.owner.as_deref().unwrap_or(""))),
                            Col::PrevDegree => prev_degree.clone(),
                            Col::PrevStatus => prev_status.clone(),
                            Col::PrevNote => text(safe(prev.and_then(|r| r.note.as_deref()).unwrap_or(""))),
                            Col::Feeds => text(feeds(s, &a.indicators, year, lang)),
                            // That year's amount, else the action's total without year split.
                            Col::Budget => match (a.budget.is_empty(), a.planned_in(year)) {
                                (false, y) => y.map_or(Cell::Empty, |e| text(locale.money(e.cents))),
                                (true, _) => a.amount.map_or(Cell::Empty, |e| text(locale.money(e.cents))),
                            },
                            Col::Committed => {
                                now.and_then(|r| r.committed).map_or(Cell::Empty, |e| Cell::Number(e.into()))
                            }
                            Col::Paid => now.and_then(|r| r.paid).map_or(Cell::Empty, |e| Cell::Number(e.into())),
                            Col::Degree => now.map_or(Cell::Empty, |r| Cell::Number(f64::from(r.degree.get()))),
                            Col::Status => now.map_or(Cell::Empty, |r| text(words.status(r.status))),
                            // The note as stored, so an untouched cell reads back unchanged.
                            Col::Note => text(now.and_then(|r| r.note.clone()).unwrap_or_default()),
                            Col::Fingerprint => text(stamped(s, &action_fingerprint(s, &a.id, year))),
                            _ => Cell::Empty,
                        })
                        .collect()
                })
                .collect();
            let indicators = fed
                .iter()
                .filter_map(|id| s.indicators.get(s.find_indicator(id)?))
                .map(|ind| {
                    INDICATOR_COLUMNS
                        .iter()
                        .map(|col| match col {
                            Col::Id => text(ind.id.clone()),
                            Col::Name => text(safe(&ind.name)),
                            Col::Unit => text(safe(ind.unit.as_deref().unwrap_or(""))),
                            Col::LastValue => text(last_value(s, &ind.id, year, lang)),
                            Col::Value => s.indicator_value(&ind.id, year).map_or(Cell::Empty, Cell::Number),
                            Col::Fingerprint => text(stamped(s, &indicator_fingerprint(s, &ind.id, year))),
                            _ => Cell::Empty,
                        })
                        .collect()
                })
                .collect();
            OwnerSheets {
                owner,
                actions: Table { kind: Kind::Actions, columns, rows },
                indicators: Table { kind: Kind::Indicators, columns: INDICATOR_COLUMNS.to_vec(), rows: indicators },
            }
        })
        .collect()
}

/// Where action `a` stood the year before `year` (the domain's standing), as
/// the previous year's degree and status cells: that year's review as it is
/// (`80`, `en curso`); an earlier year's with its year, as the `S` view shows
/// `(100 ● 2023)` and as an indicator's last value is written (`100 (2023)`,
/// `hecha (2023)`), so the year in the header does not pass it off as its own;
/// empty before any review.
fn previous(s: &Session, came: Came, a: &CameAction, year: i16, words: &PlanWords) -> (Cell, Cell) {
    let st = s.standing(came, a, year - 1);
    match st.reviewed {
        Some(y) if y == year - 1 => (Cell::Number(f64::from(st.degree.get())), text(words.status(st.status))),
        Some(y) => (text(format!("{} ({y})", st.degree)), text(format!("{} ({y})", words.status(st.status)))),
        None => (Cell::Empty, Cell::Empty),
    }
}

/// A línea as `1.2 Text`.
fn line_text(s: &Session, id: &str) -> String {
    let name = s.find_line(id).and_then(|i| s.lines.get(i)).map_or("", |l| l.text.as_str());
    crate::export::safe(&format!("{} {name}", s.line_label(id))).trim().to_owned()
}

/// An indicator's latest value before `year`: `35 (2023)`, or nothing.
fn last_value(s: &Session, id: &str, year: i16, lang: Lang) -> String {
    s.indicator_values
        .iter()
        .filter(|v| v.indicator == id && v.year < year)
        .max_by_key(|v| v.year)
        .map_or(String::new(), |v| format!("{} ({})", lang.locale().short(v.actual), v.year))
}

/// The indicators an action feeds with their latest values: `I1 Casos: 35 (2023)`.
fn feeds(s: &Session, ids: &[String], year: i16, lang: Lang) -> String {
    ids.iter()
        .filter_map(|id| s.indicators.get(s.find_indicator(id)?))
        .map(|i| {
            let last = last_value(s, &i.id, year, lang);
            let name = crate::export::safe(&i.name).into_owned();
            if last.is_empty() { format!("{} {name}", i.id) } else { format!("{} {name}: {last}", i.id) }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A column's letter as spreadsheets name it: 0 → `A`, 26 → `AA`.
pub fn column_letter(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests;
