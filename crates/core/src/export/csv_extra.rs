//! The CSV's rows of the participation process and of the session's own lists
//! of themes and impacts (`theme`, `impact` rows, the name in `text`), and the
//! items' `themes` and `impacts` read back. The participation process: one `meeting` row per session
//! the diagnosis was made from (the group in `text`, then `date`, `place`,
//! `participants`, `attendees`, `by_sex`, `by_age`, `technique`), and one
//! `merge` row with what `dafo merge` decided
//! (`read=12;joined=3;disagreements=1;grey=2` in `text`). `dafo import` reads
//! them back into `meta.meetings` and `meta.merge`.

use crate::domain::Session;
use crate::domain::meetings::{Count, Meeting, MergeRecord};
use crate::domain::text::clean_text;

use super::csv::{Row, join_list, split_list};
use super::safe;
use crate::import::problem::Problem;

/// `kind` of a row of the participation process.
pub const KIND_MEETING: &str = "meeting";
/// `kind` of the row with the merge's decisions.
pub const KIND_MERGE: &str = "merge";

/// `kind` of a row naming one área temática of the session's own list.
pub const KIND_THEME: &str = "theme";
/// `kind` of a row naming one cross-cutting impact of the session's own list.
pub const KIND_IMPACT: &str = "impact";

/// Whether a row is one of the session's lists of names.
pub fn is_tag_row(r: &Row) -> bool {
    r.kind == KIND_THEME || r.kind == KIND_IMPACT
}

/// The merge's numbers, in the order they are written.
const MERGE_KEYS: [&str; 4] = ["read", "joined", "disagreements", "grey"];

/// Appends the rows of the participation process.
pub fn add(session: &Session, out: &mut Vec<Row>) {
    let counts = |c: &[Count]| join_list(c.iter().map(|c| format!("{} {}", c.label, c.count)));
    out.extend(session.meta.meetings.iter().map(|m| Row {
        kind: KIND_MEETING.to_owned(),
        text: safe(&m.group).into_owned(),
        date: m.date.map(|d| d.to_string()).unwrap_or_default(),
        place: super::csv::cell(&m.place),
        participants: super::csv::cell(&m.participants),
        attendees: m.attendees.map(|n| n.to_string()).unwrap_or_default(),
        by_sex: counts(&m.by_sex),
        by_age: counts(&m.by_age),
        technique: super::csv::cell(&m.technique),
        ..Row::default()
    }));
    if let Some(r) = &session.meta.merge {
        let values = [r.read, r.joined, r.disagreements, r.grey];
        let text = MERGE_KEYS.iter().zip(values).map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>();
        out.push(Row { kind: KIND_MERGE.to_owned(), text: text.join(";"), ..Row::default() });
    }
    let names = |kind: &str, list: &[String]| {
        list.iter()
            .map(|n| Row { kind: kind.to_owned(), text: safe(n).into_owned(), ..Row::default() })
            .collect::<Vec<_>>()
    };
    out.extend(names(KIND_THEME, &session.meta.themes));
    out.extend(names(KIND_IMPACT, &session.meta.impacts));
}

/// What the rows of this module give back.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extra {
    pub meetings: Vec<Meeting>,
    pub merge: Option<MergeRecord>,
    /// The session's own lists of themes and impacts.
    pub themes: Vec<String>,
    pub impacts: Vec<String>,
    /// Per item (its ID as written): its themes and impacts.
    pub tags: Vec<(String, Vec<String>, Vec<String>)>,
}

impl Extra {
    /// Reads a row of this module's kinds; `false` for any other kind.
    pub fn row(&mut self, kind: &str, row: &Row) -> Result<bool, Problem> {
        match kind {
            KIND_MEETING => self.meetings.push(meeting(row)?),
            KIND_MERGE => self.merge = Some(merge(row.text.trim())?),
            KIND_THEME | KIND_IMPACT => {
                let list = if kind == KIND_THEME { &mut self.themes } else { &mut self.impacts };
                list.extend(Some(clean_text(row.text.trim())).filter(|n| !n.is_empty()));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Keeps a factor's or action's themes and impacts, if it has any.
    pub fn item(&mut self, row: &Row) {
        let names = |cell: &str| -> Vec<String> {
            split_list(cell).iter().map(|n| clean_text(n)).filter(|n| !n.is_empty()).collect()
        };
        let (themes, impacts) = (names(&row.themes), names(&row.impacts));
        if !themes.is_empty() || !impacts.is_empty() {
            self.tags.push((crate::i18n::stored_id(row.id.trim()), themes, impacts));
        }
    }

    /// Puts what was read into the new session.
    pub fn apply(self, session: &mut Session) {
        session.meta.meetings = self.meetings;
        session.meta.merge = self.merge;
        (session.meta.themes, session.meta.impacts) = (self.themes, self.impacts);
        for (id, themes, impacts) in self.tags {
            if let Some((q, i)) = session.find_factor(&id) {
                session.factors_mut(q)[i].themes = themes;
            } else if let Some((c, i)) = session.find_action(&id) {
                let a = &mut session.actions_mut(c)[i];
                (a.themes, a.impacts) = (themes, impacts);
            }
        }
    }
}

fn meeting(row: &Row) -> Result<Meeting, Problem> {
    let text = |v: &str| Some(clean_text(v.trim())).filter(|v| !v.is_empty());
    let mut m = Meeting::of(&clean_text(row.text.trim()));
    m.date = match row.date.trim() {
        "" => None,
        d => Some(crate::i18n::locale::read_iso_date(d).ok_or_else(|| Problem::NotADate(d.to_owned()))?),
    };
    m.attendees = match row.attendees.trim() {
        "" => None,
        n => Some(n.parse().map_err(|_| Problem::Detail(format!("attendees: {n}")))?),
    };
    (m.place, m.participants, m.technique) = (text(&row.place), text(&row.participants), text(&row.technique));
    (m.by_sex, m.by_age) = (counts(&row.by_sex)?, counts(&row.by_age)?);
    Ok(m)
}

/// `mujeres 7;hombres 5` (a `;` inside a label escaped as `join_list` does).
fn counts(cell: &str) -> Result<Vec<Count>, Problem> {
    split_list(cell)
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|part| {
            let bad = || Problem::Detail(part.to_owned());
            let (label, n) = part.rsplit_once(' ').ok_or_else(bad)?;
            let label = clean_text(label);
            let count = n.parse().map_err(|_| bad())?;
            if label.is_empty() { Err(bad()) } else { Ok(Count { label, count }) }
        })
        .collect()
}

fn merge(text: &str) -> Result<MergeRecord, Problem> {
    let mut values = [0u32; 4];
    for part in text.split(';').filter(|p| !p.trim().is_empty()) {
        let bad = || Problem::Detail(part.to_owned());
        let (key, value) = part.split_once('=').ok_or_else(bad)?;
        let at = MERGE_KEYS.iter().position(|k| *k == key.trim()).ok_or_else(bad)?;
        values[at] = value.trim().parse().map_err(|_| bad())?;
    }
    let [read, joined, disagreements, grey] = values;
    Ok(MergeRecord { read, joined, disagreements, grey })
}
