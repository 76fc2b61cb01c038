//! The plan de acción and indicators tables of a plan file, turned into the
//! session's actions (with their línea, dates, resources, partners, indicator
//! links and status), placed strategies and indicators.

use crate::i18n::money_words::{BudgetUnread, read_budget};
use std::path::Path;

use crate::domain::text::clean_text;
use crate::domain::{CameAction, Euros, Indicator, Session};
use crate::i18n::locale::Unread;
use crate::i18n::{Lang, stored_action_id, stored_id};

use super::table::Table;
use super::{id_with, settle_ids, split_unescaped, unescape};
use crate::export::plan_md::came_for;
use crate::i18n::plan_words::{Pick, all, direction_from, fold, status_from};
use crate::import::ImportError;
use crate::import::problem::Problem;

/// The indicators table; its numbers are read as `lang` writes them.
pub(super) fn indicators(t: &Table, path: &Path, lang: Lang) -> Result<Vec<Indicator>, ImportError> {
    let cols = t.columns(
        path,
        &[
            ("ID", |_| "ID"),
            ("name", |w| w.col_name),
            ("unit", |w| w.col_unit),
            ("baseline", |w| w.col_baseline),
            ("target", |w| w.col_target),
            ("direction", |w| w.col_direction),
            ("measures", |w| w.col_measures),
            ("milestones", |w| w.col_milestones),
        ],
        "name",
        lang,
    )?;
    let mut given = Vec::new();
    let mut out = Vec::new();
    for row in &t.rows {
        let name = clean_text(row.get(&cols, "name"));
        if name.is_empty() {
            continue;
        }
        let num = |key: &str| -> Result<Option<f64>, ImportError> {
            match row.get(&cols, key) {
                "" => Ok(None),
                v => lang.locale().read_number(v).map(Some).map_err(|e| {
                    let message = match e {
                        Unread::Ambiguous(m) | Unread::TooManyDigits(m) => Problem::Detail(m),
                        Unread::NotANumber => Problem::NotANumber(v.to_owned()),
                    };
                    row.error(path, &cols, key, message)
                }),
            }
        };
        let direction = match row.get(&cols, "direction") {
            "" => Default::default(),
            v => direction_from(v)
                .ok_or_else(|| row.error(path, &cols, "direction", Problem::Direction(v.to_owned())))?,
        };
        let unit = Some(clean_text(row.get(&cols, "unit"))).filter(|u| !u.is_empty());
        let hitos = row.get(&cols, "milestones");
        let milestones = crate::export::milestones::read(&unescape(hitos), |v| lang.locale().read_number(v).ok())
            .map_err(|e| {
                row.error(path, &cols, "milestones", Problem::Detail((lang.indicator_words().bad_milestones)(&e)))
            })?;
        given.push(Some(row.get(&cols, "ID").to_owned()).filter(|i| !i.is_empty()));
        out.push(Indicator {
            id: String::new(),
            name,
            unit,
            baseline: num("baseline")?,
            target: num("target")?,
            direction,
            milestones,
        });
    }
    for (ind, id) in out.iter_mut().zip(settle_ids(given, "I")) {
        ind.id = id;
    }
    Ok(out)
}

/// The actions and placed strategies of one plan de acción table. Rows without
/// a Línea column go to `default_line` (the línea of the `### 1.2 …` heading
/// above the table in an informe). Amounts are read as `lang` writes them.
pub(super) fn actions(
    s: &mut Session,
    t: &Table,
    path: &Path,
    default_line: Option<&str>,
    lang: Lang,
) -> Result<(), ImportError> {
    let cols = t.columns(
        path,
        &[
            ("line", |w| w.col_line),
            ("ID", |_| "ID"),
            ("action", |w| w.col_action),
            ("answers", |w| w.col_answers),
            ("owner", |w| w.col_owner),
            ("start", |w| w.col_start),
            ("due", |w| w.col_due),
            ("resources", |w| w.col_resources),
            ("amount", |w| w.col_amount),
            ("budget", |w| w.col_budget),
            ("funding", |w| w.col_funding),
            ("partners", |w| w.col_partners),
            ("indicator", |w| w.col_indicator),
            ("status", |w| w.col_status),
        ],
        "action",
        lang,
    )?;
    for row in &t.rows {
        let text = clean_text(row.get(&cols, "action"));
        let details = Details::read(row.extra(&cols, "action"));
        let line = match row.get(&cols, "line") {
            "" if !row.has(&cols, "line") => default_line.map(str::to_owned),
            "" => None,
            v => Some(line_id(s, v).ok_or_else(|| row.error(path, &cols, "line", Problem::NoLinea(v.to_owned())))?),
        };
        let id = Some(stored_id(row.get(&cols, "ID"))).filter(|i| !i.is_empty());
        if let Some(i) = id.as_deref().and_then(|id| s.strategies.iter().position(|st| st.id == id)) {
            s.strategies[i].line = line;
            continue;
        }
        if text.is_empty() {
            continue;
        }
        let links: Vec<String> = row
            .get(&cols, "answers")
            .split([',', ' '])
            .map(|l| stored_id(&clean_text(l)))
            .filter(|l| !l.is_empty())
            .collect();
        let came = came_for(&links, id.as_deref());
        let id = id
            .map(|i| stored_action_id(came, &i))
            .filter(|i| id_with(i, came.prefix()) && s.find_action(i).is_none())
            .unwrap_or_default();
        let mut a = CameAction::new(id, text, links);
        a.line = line;
        let cell = |key: &str| match row.get(&cols, key) {
            "" => unescape(details.get(key)),
            v => v.to_owned(),
        };
        // A list from its column (`;`-separated), else from the details under
        // the text, split where no backslash escapes the separator.
        let list = |key: &str, sep: char| -> Vec<String> {
            match row.get(&cols, key) {
                "" if !row.has(&cols, key) => {
                    split_unescaped(details.get(key), &[sep]).iter().map(|p| unescape(p)).collect()
                }
                v => v.split(';').map(str::to_owned).collect(),
            }
        };
        let date = |key: &str| -> Result<Option<jiff::civil::Date>, ImportError> {
            match cell(key).as_str() {
                "" => Ok(None),
                v => {
                    parse_date(v).map(Some).ok_or_else(|| row.error(path, &cols, key, Problem::NotADate(v.to_owned())))
                }
            }
        };
        (a.start, a.due) = (date("start")?, date("due")?);
        a.owner = Some(clean_text(&cell("owner"))).filter(|t| !t.is_empty());
        // Without an amount column (an informe), the amount is in brackets after
        // the resources: the export's brackets, not escaped, unlike the user's.
        let (resources, amount) = match row.get(&cols, "resources") {
            "" if !row.has(&cols, "amount") => {
                let (r, e) = split_amount(details.get("resources"), lang);
                (unescape(r), e)
            }
            v => (v.to_owned(), None),
        };
        a.resources = Some(clean_text(&resources)).filter(|t| !t.is_empty());
        a.amount = match row.get(&cols, "amount") {
            "" => amount,
            v => Some(
                match lang.locale().read_money(v) {
                    Ok(x) => Euros::try_from(x).ok(),
                    Err(Unread::Ambiguous(m) | Unread::TooManyDigits(m)) => {
                        return Err(row.error(path, &cols, "amount", m));
                    }
                    Err(Unread::NotANumber) => None,
                }
                .ok_or_else(|| row.error(path, &cols, "amount", Problem::Amount(v.to_owned())))?,
            ),
        };
        a.budget = match cell("budget") {
            v if v.is_empty() => Vec::new(),
            v => read_budget(lang.locale(), &v).map_err(|e| {
                let m = match e {
                    BudgetUnread::Ambiguous(m) => m,
                    BudgetUnread::Part(p) => (lang.money().bad_year_amount)(&p),
                };
                row.error(path, &cols, "budget", Problem::Detail(m))
            })?,
        };
        a.funding = Some(clean_text(&cell("funding"))).filter(|t| !t.is_empty());
        a.partners = list("partners", ',').iter().map(|p| clean_text(p)).filter(|p| !p.is_empty()).collect();
        let mut free = Vec::new();
        // The informe writes the free text as the linked indicators' note: `I (nota: …)`.
        let (linked, note) = split_note(list("indicator", ';'));
        for token in linked.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            // The export writes IDs: an ID first, then a name (a hand-written plan).
            let by_id = s.find_indicator(token).map(|_| token.to_owned());
            match by_id.or_else(|| s.indicators.iter().find(|i| fold(&i.name) == fold(token)).map(|i| i.id.clone())) {
                Some(i) => a.indicators.push(i),
                None => free.push(clean_text(token)),
            }
        }
        free.extend(note.map(|n| clean_text(&n)));
        a.indicator = Some(free.join("; ")).filter(|t| !t.is_empty());
        a.status = match row.get(&cols, "status") {
            "" => Default::default(),
            v => status_from(v).ok_or_else(|| row.error(path, &cols, "status", Problem::PlanStatus(v.to_owned())))?,
        };
        s.actions_mut(came).push(a);
    }
    s.normalise_ids();
    for c in crate::domain::Came::ALL {
        for i in 0..s.actions(c).len() {
            if s.actions(c)[i].id.is_empty() {
                let n = s.bump(c.counter_key());
                s.actions_mut(c)[i].id = format!("{}{n}", c.prefix());
            }
        }
    }
    Ok(())
}

/// The factors each action answers and its votes, from a table of the
/// informe's `Plan de acción CAME` (ID, action, answers, status): the plan de
/// acción tables do not carry them. A dangling link (`D9?`) keeps its ID. Gives
/// the actions' IDs in the table's order: the order of each CAME quadrant.
pub(super) fn came_table(s: &mut Session, t: &Table, path: &Path, lang: Lang) -> Result<Vec<String>, ImportError> {
    let cols = t.columns(
        path,
        &[("ID", |_| "ID"), ("action", |w| w.col_action), ("answers", |w| w.col_answers), ("status", |w| w.col_status)],
        "action",
        lang,
    )?;
    let mut order = Vec::new();
    for row in &t.rows {
        let shown = stored_id(row.get(&cols, "ID"));
        let id = stored_action_id(came_for(&[], Some(&shown)), &shown);
        let Some(c) = crate::domain::Came::ALL.into_iter().find(|&c| s.actions(c).iter().any(|a| a.id == id)) else {
            continue;
        };
        order.push(id.clone());
        let links: Vec<String> = row
            .get(&cols, "answers")
            .split([',', ' '])
            .map(|l| stored_id(l.trim().trim_end_matches('?')))
            .filter(|l| !l.is_empty())
            .collect();
        // `3 votos` among the details (`3 votes`, `3 vots`).
        let votes = row.extra(&cols, "action").unwrap_or_default().split(" · ").find_map(|part| {
            let (n, word) = part.trim().split_once(' ')?;
            fold(word).starts_with("vot").then(|| n.parse::<u32>().ok()).flatten()
        });
        if let Some(a) = s.actions_mut(c).iter_mut().find(|a| a.id == id) {
            a.links = links;
            a.votes = votes.unwrap_or(a.votes);
        }
    }
    Ok(order)
}

/// The ID of the línea numbered `1.2`.
pub(super) fn line_id(s: &Session, number: &str) -> Option<String> {
    let (a, l) = number.trim().trim_end_matches('.').split_once('.')?;
    Some(s.line_by_number(a.parse().ok()?, l.parse().ok()?)?.id.clone())
}

/// A date written `2023-09-01` or, as the Spanish informe writes it, `01/09/2023`
/// ([`crate::i18n::locale::read_written_date`]); the overdue mark an export puts
/// before it (`⚠ 31/12/2024`) is not part of it.
fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    crate::i18n::locale::read_written_date(text.trim().trim_start_matches(crate::export::marks::OVERDUE))
}

/// `Dos técnicas (12.000,50 €)` → the text and the amount, as the informe
/// writes them (still escaped: brackets and `€` of the user's are escaped).
fn split_amount(text: &str, lang: Lang) -> (&str, Option<Euros>) {
    let euros = |t: &str| lang.locale().read_money(t).ok().and_then(|x| Euros::try_from(x).ok());
    if let Some(inner) = text.trim_end().strip_suffix(')')
        && !inner.ends_with('\\')
        && let Some(open) = inner.rfind('(')
        && !inner[..open].ends_with('\\')
        && inner[open + 1..].contains('€')
        && let Some(euros) = euros(&inner[open + 1..])
    {
        return (inner[..open].trim_end(), Some(euros));
    }
    if text.contains('€')
        && let Some(euros) = euros(text)
    {
        return ("", Some(euros));
    }
    (text, None)
}

/// The `Responsable: X · Inicio: 01/09/2023 · …` details an informe puts under
/// an action's text, by column key.
struct Details(Vec<(&'static str, String)>);

impl Details {
    const KEYS: [(&'static str, Pick); 8] = [
        ("owner", |w| w.col_owner),
        ("start", |w| w.col_start),
        ("due", |w| w.col_due),
        ("resources", |w| w.col_resources),
        ("budget", |w| w.col_budget),
        ("funding", |w| w.col_funding),
        ("partners", |w| w.col_partners),
        ("indicator", |w| w.col_indicator),
    ];

    /// Reads the escaped details: the export's ` · ` separates them (a `·` of
    /// the user's is written `&#183;`), the first `:` ends the label.
    fn read(text: Option<&str>) -> Details {
        let mut out = Vec::new();
        for part in text.unwrap_or_default().split(" · ") {
            let Some((label, value)) = part.split_once(':') else { continue };
            let key = Details::KEYS.iter().find(|(_, pick)| all().any(|w| fold(pick(w)) == fold(label)));
            if let Some((key, _)) = key {
                out.push((*key, value.trim().to_owned()));
            }
        }
        Details(out)
    }

    /// The value of `key`, still escaped.
    fn get(&self, key: &str) -> &str {
        self.0.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v.as_str())
    }
}

/// The linked indicators and the note of an informe's indicator detail, read
/// from its `;`-separated entries: `Personas atendidas (nota: Altas)`, or
/// `nota: Altas` with none linked (the note's word in any language).
fn split_note(mut entries: Vec<String>) -> (Vec<String>, Option<String>) {
    for k in 0..entries.len() {
        for lang in crate::i18n::Lang::ALL {
            let word = lang.indicator_words().note;
            let entry = &entries[k];
            let (head, first) = if let Some(rest) = entry.trim_start().strip_prefix(&format!("{word}: ")) {
                (None, rest.to_owned())
            } else if let Some(at) = entry.find(&format!(" ({word}: ")) {
                (Some(entry[..at].to_owned()), entry[at + word.len() + 4..].to_owned())
            } else {
                continue;
            };
            let mut note = std::iter::once(first).chain(entries[k + 1..].iter().cloned()).collect::<Vec<_>>().join(";");
            if head.is_some() {
                match note.strip_suffix(')') {
                    Some(n) => note = n.to_owned(),
                    None => continue,
                }
            }
            entries.truncate(k);
            entries.extend(head);
            return (entries, Some(note));
        }
    }
    (entries, None)
}
