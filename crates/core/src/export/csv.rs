//! CSV export: one row per item: factors (`kind` = `factor`), CAME actions
//! (`action`, with links, owner, due and status) and crossed strategies
//! (`strategy`, linked to their two factors), after a first row with the
//! session's title (`session`). A session with a plan gets the plan's rows
//! and columns too (`csv_plan`), and one row per action and year reviewed
//! (`review`, `csv_review`). RFC 4180 quoting, CRLF line ends, UTF-8
//! without BOM; cells a spreadsheet would run as formulas start with `'`.

use serde::{Deserialize, Serialize};

use crate::domain::{Came, Crossed, Quadrant, Session};
use crate::i18n::Lang;
use crate::labels;
use jiff::civil::Date;

use super::safe;

/// `kind` of a DAFO factor row.
pub const KIND_FACTOR: &str = "factor";
/// `kind` of a CAME action row.
pub const KIND_ACTION: &str = "action";
/// `kind` of a crossed strategy row.
pub const KIND_STRATEGY: &str = "strategy";
/// `kind` of the row that carries the session's title (in `text`).
pub const KIND_SESSION: &str = "session";
/// Separator of the IDs in the `links` column.
pub const LINK_SEPARATOR: char = ';';

/// An optional text as a cell: cleaned for the terminal and the spreadsheet
/// ([`safe`]), empty when there is none.
pub fn cell(text: &Option<String>) -> String {
    text.as_deref().map(|t| safe(t).into_owned()).unwrap_or_default()
}

/// Names (partners, sources) in one cell, `;`-separated; a `;` or `\` inside
/// a name is written `\;`, `\\`, so a name is never split. [`split_list`] reads it.
pub fn join_list(names: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let escaped: Vec<String> =
        names.into_iter().map(|n| safe(n.as_ref()).replace('\\', "\\\\").replace(LINK_SEPARATOR, "\\;")).collect();
    escaped.join(&LINK_SEPARATOR.to_string())
}

/// The names of a [`join_list`] cell, split where no `\` escapes the `;`.
pub fn split_list(cell: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c == LINK_SEPARATOR {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.extend(if c == '\\' { chars.next() } else { Some(c) });
        }
    }
    out
}

/// One row of the CSV export. Its fields are the columns, in order: the
/// writer's header and the importer's lookups both come from here. Stable:
/// other tools and `dafo import` rely on them; new columns are only ever added
/// at the end. A file may leave columns out (they read as empty).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Row {
    pub id: String,
    pub kind: String,
    /// Quadrant label in the export language (`Fortalezas`, `Strengths`...);
    /// for actions the CAME verb (`Corregir`), for strategies their kind's
    /// name (`Estrategias ofensivas`), both in the session's label set.
    pub quadrant: String,
    pub text: String,
    pub votes: String,
    pub impact: String,
    /// IDs the item is linked to, separated by `;` (actions: the factors they
    /// answer; strategies: the internal then the external factor).
    pub links: String,
    pub owner: String,
    /// `YYYY-MM-DD` in every language: this file is read back by `dafo import`
    /// and by spreadsheets, not by people first (documents for people write
    /// dates the language's way, through [`crate::export::cell::Cell`]).
    pub due: String,
    /// `pending`, `in_progress`, `done` or `dropped` (actions only).
    pub status: String,
    /// How the action's progress is measured.
    pub indicator: String,
    /// EFI/EFE weight with a decimal point, and rating 1-4 (factors only).
    pub weight: String,
    pub rating: String,
    /// Sources of a factor (the groups that raised it), separated by `;`.
    pub sources: String,
    /// The plan's columns, written only when the session has a plan (see
    /// `csv_plan`): the horizon (session row), an action's start, resources,
    /// amount in euros with a decimal point, partners (`;`), its línea (or a
    /// strategy's), the indicator IDs of an action or línea (`;`), and an
    /// indicator's unit, baseline, target and direction (`up`, `down`).
    pub horizon: String,
    pub start: String,
    pub resources: String,
    pub amount: String,
    pub partners: String,
    pub line: String,
    pub indicators: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    pub direction: String,
    /// The yearly review (`kind` = `review`, one row per action and year, see
    /// `csv_review`): the year, the degree of implementation 0-100 and the
    /// year's note; the status goes in `status`.
    pub year: String,
    pub degree: String,
    pub note: String,
    /// The review meeting's marks, separated by `;`: `carried` (carried over
    /// from last year's session, not confirmed) and `overdue` (an action not
    /// done, due before the day of the export). Written only when an item has one.
    pub marks: String,
    /// An indicator's hitos, `2024:30;2025:45.5` (issue 24). Written only when
    /// an indicator has one.
    pub milestones: String,
    /// A session of the participation process (`kind` = `meeting`, see
    /// `csv_extra`): the group goes in `text`; its date (`YYYY-MM-DD`), place,
    /// participants, attendees, attendees by sex and by age band (`mujeres
    /// 7;hombres 5`) and technique. Written only when the session has one.
    pub date: String,
    pub place: String,
    pub participants: String,
    pub attendees: String,
    pub by_sex: String,
    pub by_age: String,
    pub technique: String,
    /// The plan financiero (written only when the session has some): an
    /// action's amounts per year `2026:1500;2027:2000.5` and its funding
    /// source; a review's money committed and paid, in euros with a decimal point.
    pub budget: String,
    pub funding: String,
    pub committed: String,
    pub paid: String,
    /// The áreas temáticas of a factor or action and the impacts of an action
    /// (`;`-separated, see `csv_extra`); a `theme` or `impact` row's `text` is a
    /// name of the session's own list. Written only when some item has one.
    pub themes: String,
    pub impacts: String,
    /// A year's record of the follow-up (`kind` = `year_record`, see
    /// `csv_review`): who reviewed, the summary and the problems (`;`); an
    /// indicator's value of a year (`kind` = `indicator_value`): `actual`, with a
    /// decimal point. Written only when the session has one.
    pub body: String,
    pub summary: String,
    pub problems: String,
    pub actual: String,
    /// The session row's settings that are not the defaults: the language of
    /// its content (`es` when empty), the label set (`social_work`), the group
    /// and the logo's file; the session's body (ayuntamiento, asociación) goes
    /// in `body`. Written only when one is set.
    pub language: String,
    pub labels: String,
    pub group: String,
    pub logo: String,
}

/// The columns of [`Row`], in order; a plan-less session writes the first
/// [`PLANLESS_COLUMNS`] only, so its file is as before the plan existed.
pub const COLUMNS: [&str; 51] = [
    "id",
    "kind",
    "quadrant",
    "text",
    "votes",
    "impact",
    "links",
    "owner",
    "due",
    "status",
    "indicator",
    "weight",
    "rating",
    "sources",
    "horizon",
    "start",
    "resources",
    "amount",
    "partners",
    "line",
    "indicators",
    "unit",
    "baseline",
    "target",
    "direction",
    "year",
    "degree",
    "note",
    "marks",
    "milestones",
    "date",
    "place",
    "participants",
    "attendees",
    "by_sex",
    "by_age",
    "technique",
    "budget",
    "funding",
    "committed",
    "paid",
    "themes",
    "impacts",
    "body",
    "summary",
    "problems",
    "actual",
    "language",
    "labels",
    "group",
    "logo",
];
/// Where `marks` and `milestones` are in [`COLUMNS`]: written only when needed.
const MARKS: usize = 28;
const MILESTONES: usize = 29;
/// Where the participation process's columns start in [`COLUMNS`]: written only when needed.
const MEETING: std::ops::Range<usize> = 30..37;
/// Where the money columns are in [`COLUMNS`]: written only when some item has money.
const MONEY: std::ops::Range<usize> = 37..41;
/// Where `themes` and `impacts` are in [`COLUMNS`]: written only when needed.
const TAGS: std::ops::Range<usize> = 41..43;
/// Where the year records' and indicator values' columns are: written only when needed.
const RECORDS: std::ops::Range<usize> = 43..47;
/// Where the session's language, label set, group and logo are: written only when one is set.
const SETTINGS: std::ops::Range<usize> = 47..51;
/// `labels` of the social-work label set (empty: the classic one).
pub const LABELS_SOCIAL_WORK: &str = "social_work";
/// How many of [`COLUMNS`] a session without a plan writes.
pub const PLANLESS_COLUMNS: usize = 14;
/// `marks` of an item carried over from last year's session, not confirmed.
pub const MARK_CARRIED: &str = "carried";
/// `marks` of an action not done whose due date has passed.
pub const MARK_OVERDUE: &str = "overdue";

/// Characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell would start a formula once any leading `'` is taken away.
fn formula_like(cell: &str) -> bool {
    match cell.chars().next() {
        Some('\'') => formula_like(&cell[1..]),
        Some(c) => FORMULA_START.contains(&c),
        None => false,
    }
}

/// One cell behind a `'` when a spreadsheet would run it as a formula (see [`Row::neutralised`]).
pub fn neutralise(cell: String) -> String {
    if formula_like(&cell) { format!("'{cell}") } else { cell }
}

/// Undoes [`neutralise`].
pub fn restore(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest.to_owned(),
        _ => cell,
    }
}

impl Row {
    fn map(self, f: impl Fn(String) -> String) -> Row {
        Row {
            id: f(self.id),
            kind: f(self.kind),
            quadrant: f(self.quadrant),
            text: f(self.text),
            votes: f(self.votes),
            impact: f(self.impact),
            links: f(self.links),
            owner: f(self.owner),
            due: f(self.due),
            status: f(self.status),
            indicator: f(self.indicator),
            weight: f(self.weight),
            rating: f(self.rating),
            sources: f(self.sources),
            horizon: f(self.horizon),
            start: f(self.start),
            resources: f(self.resources),
            amount: f(self.amount),
            partners: f(self.partners),
            line: f(self.line),
            indicators: f(self.indicators),
            unit: f(self.unit),
            baseline: f(self.baseline),
            target: f(self.target),
            direction: f(self.direction),
            year: f(self.year),
            degree: f(self.degree),
            note: f(self.note),
            marks: f(self.marks),
            milestones: f(self.milestones),
            date: f(self.date),
            place: f(self.place),
            participants: f(self.participants),
            attendees: f(self.attendees),
            by_sex: f(self.by_sex),
            by_age: f(self.by_age),
            technique: f(self.technique),
            budget: f(self.budget),
            funding: f(self.funding),
            committed: f(self.committed),
            paid: f(self.paid),
            themes: f(self.themes),
            impacts: f(self.impacts),
            body: f(self.body),
            summary: f(self.summary),
            problems: f(self.problems),
            actual: f(self.actual),
            language: f(self.language),
            labels: f(self.labels),
            group: f(self.group),
            logo: f(self.logo),
        }
    }

    /// The cells in [`COLUMNS`] order.
    pub fn cells(self) -> [String; 51] {
        [
            self.id,
            self.kind,
            self.quadrant,
            self.text,
            self.votes,
            self.impact,
            self.links,
            self.owner,
            self.due,
            self.status,
            self.indicator,
            self.weight,
            self.rating,
            self.sources,
            self.horizon,
            self.start,
            self.resources,
            self.amount,
            self.partners,
            self.line,
            self.indicators,
            self.unit,
            self.baseline,
            self.target,
            self.direction,
            self.year,
            self.degree,
            self.note,
            self.marks,
            self.milestones,
            self.date,
            self.place,
            self.participants,
            self.attendees,
            self.by_sex,
            self.by_age,
            self.technique,
            self.budget,
            self.funding,
            self.committed,
            self.paid,
            self.themes,
            self.impacts,
            self.body,
            self.summary,
            self.problems,
            self.actual,
            self.language,
            self.labels,
            self.group,
            self.logo,
        ]
    }

    /// The row with every cell that a spreadsheet would run as a formula
    /// (`=`, `+`, `-`, `@`, tab, CR first) behind a `'`, as OWASP advises;
    /// a cell already made of `'` and such a start gets one `'` more.
    pub fn neutralised(self) -> Row {
        self.map(neutralise)
    }

    /// Undoes [`Row::neutralised`]: what the export wrote comes back exactly.
    pub fn restored(self) -> Row {
        self.map(restore)
    }
}

/// The rows of a session: its title, then factors quadrant by quadrant in
/// grid order, then actions by CAME quadrant, then strategies by kind.
/// Actions overdue on `today` and items carried over get their `marks`.
pub fn rows(session: &Session, lang: Lang, today: Date) -> Vec<Row> {
    let set = session.meta.labels;
    let title = Row {
        kind: KIND_SESSION.to_owned(),
        text: safe(&session.meta.title).into_owned(),
        place: cell(&session.meta.place),
        participants: cell(&session.meta.participants),
        body: cell(&session.meta.body),
        language: Some(safe(&session.meta.language).into_owned())
            .filter(|l| l != crate::domain::DEFAULT_LANGUAGE)
            .unwrap_or_default(),
        labels: if set.is_classic() { String::new() } else { LABELS_SOCIAL_WORK.to_owned() },
        group: cell(&session.meta.group),
        logo: cell(&session.meta.logo),
        ..Row::default()
    };
    let mut out = vec![title];
    out.extend(Quadrant::ALL.iter().flat_map(|&q| {
        session.factors(q).iter().map(move |f| Row {
            id: safe(&lang.show_id(&f.id)).into_owned(),
            kind: KIND_FACTOR.to_owned(),
            quadrant: lang.quadrant(q).to_owned(),
            text: safe(&f.text).into_owned(),
            votes: f.votes.to_string(),
            impact: f.impact.map(|i| i.to_string()).unwrap_or_default(),
            weight: f.weight.map(|w| w.to_string()).unwrap_or_default(),
            rating: f.rating.map(|r| r.to_string()).unwrap_or_default(),
            marks: marks(f.carried, false),
            sources: join_list(crate::domain::sources::sources_of(session, f)),
            themes: join_list(&f.themes),
            ..Row::default()
        })
    }));
    let links = |ids: &[String]| {
        ids.iter().map(|id| safe(&lang.show_id(id)).into_owned()).collect::<Vec<_>>().join(&LINK_SEPARATOR.to_string())
    };
    for c in Came::ALL {
        out.extend(session.actions(c).iter().map(|a| Row {
            id: safe(&lang.show_id(&a.id)).into_owned(),
            kind: KIND_ACTION.to_owned(),
            quadrant: labels::came(lang, set, c).to_owned(),
            text: safe(&a.text).into_owned(),
            votes: a.votes.to_string(),
            links: links(&a.links),
            owner: cell(&a.owner),
            due: a.due.map(|d| d.to_string()).unwrap_or_default(),
            status: labels::status_token(a.status).to_owned(),
            indicator: cell(&a.indicator),
            marks: marks(a.carried, a.is_overdue(today)),
            themes: join_list(&a.themes),
            impacts: join_list(&a.impacts),
            ..Row::default()
        }));
    }
    for k in Crossed::ALL {
        out.extend(session.strategies_of(k).map(|(_, st)| Row {
            id: safe(&lang.show_id(&st.id)).into_owned(),
            kind: KIND_STRATEGY.to_owned(),
            quadrant: labels::crossed(lang, set, k).to_owned(),
            text: safe(&st.text).into_owned(),
            votes: st.votes.to_string(),
            links: links(&st.factors),
            ..Row::default()
        }));
    }
    if session.has_plan() {
        super::csv_plan::add(session, lang, &mut out);
    }
    super::csv_review::add(session, lang, &mut out);
    super::csv_extra::add(session, &mut out);
    out
}

/// The `marks` cell of an item.
fn marks(carried: bool, overdue: bool) -> String {
    let marks = [(carried, MARK_CARRIED), (overdue, MARK_OVERDUE)];
    marks.iter().filter(|(on, _)| *on).map(|(_, m)| *m).collect::<Vec<_>>().join(&LINK_SEPARATOR.to_string())
}

/// The session as CSV text: the plan's columns when it has a plan, the
/// `marks` column when an item has a mark.
pub fn render(session: &Session, lang: Lang, today: Date) -> String {
    let rows = rows(session, lang, today);
    // A plan or yearly reviews: every column but `marks` (the review ones empty
    // for a plan without reviews yet), so the file's shape does not change
    // from one year to the next.
    let full = session.has_plan() || !session.reviews.is_empty();
    let width = if full { MARKS } else { PLANLESS_COLUMNS };
    let mut columns: Vec<usize> = (0..width).collect();
    if rows.iter().any(|r| !r.marks.is_empty()) {
        columns.push(MARKS);
    }
    if rows.iter().any(|r| !r.milestones.is_empty()) {
        columns.push(MILESTONES);
    }
    // A meeting's columns, or the session's place and participants, or a year
    // record's date (in the same columns).
    if rows.iter().any(|r| {
        r.kind == super::csv_extra::KIND_MEETING || [&r.place, &r.participants, &r.date].iter().any(|c| !c.is_empty())
    }) {
        columns.extend(MEETING);
    }
    if rows.iter().any(|r| [&r.budget, &r.funding, &r.committed, &r.paid].iter().any(|c| !c.is_empty())) {
        columns.extend(MONEY);
    }
    if rows.iter().any(|r| !r.themes.is_empty() || !r.impacts.is_empty() || super::csv_extra::is_tag_row(r)) {
        columns.extend(TAGS);
    }
    if rows.iter().any(|r| super::csv_review::is_record_row(r) || !r.body.is_empty()) {
        columns.extend(RECORDS);
    }
    if rows.iter().any(|r| [&r.language, &r.labels, &r.group, &r.logo].iter().any(|c| !c.is_empty())) {
        columns.extend(SETTINGS);
    }
    write(&rows, &columns).unwrap_or_else(|e| {
        // Writing strings into memory cannot fail.
        unreachable!("CSV export failed: {e}")
    })
}

fn write(rows: &[Row], columns: &[usize]) -> Result<String, Box<dyn std::error::Error>> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(columns.iter().filter_map(|&i| COLUMNS.get(i)))?;
    for r in rows {
        let cells = r.clone().neutralised().cells();
        w.write_record(columns.iter().filter_map(|&i| cells.get(i)))?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    Ok(String::from_utf8(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_the_row_fields_in_order() {
        let mut w = ::csv::Writer::from_writer(Vec::new());
        w.serialize(Row::default()).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(text.lines().next().unwrap(), COLUMNS.join(","));
    }
}
