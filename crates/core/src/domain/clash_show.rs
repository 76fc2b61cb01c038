//! How the two versions of a merge clash are told apart wherever they are shown
//! side by side (`dafo check`, the merge driver's report, the TUI's `R` list):
//! each version's summary is led by the fields in which it differs from the
//! other (`pagado 26.000 € · 80 % · El plan…` beside `pagado 27.000 € · 80 % ·
//! El plan…`), written in the language in force, so a list that cuts a long
//! text keeps what tells the versions apart. Fields both versions agree on are
//! left out; versions that differ in nothing shown get nothing added.
//!
//! An item of the grid's lists (a factor, an action, a strategy) clashes as
//! two sibling items; [`Session::difference`] says how the first differs from
//! the second (`responsable Ana, socios Cruz Roja`).

use super::came::CameAction;
use super::clash::Version;
use super::plan::Euros;
use super::session::{Factor, Session};
use super::strategy::Strategy;
use crate::i18n::Lang;

/// What stands between the differing fields and the summary.
const LEAD: &str = " · ";

/// What separates two differing fields.
const BETWEEN: &str = ", ";

/// A field as shown: its name and its value, both in the language in force.
type Field = (String, String);

/// An empty value.
fn dash(v: Option<String>) -> String {
    v.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).unwrap_or_else(|| "-".to_owned())
}

fn name(word: &str) -> String {
    word.to_lowercase()
}

fn money(lang: Lang, e: Option<Euros>) -> String {
    dash(e.map(|e| lang.locale().money(e.cents)))
}

fn date(lang: Lang, d: Option<jiff::civil::Date>) -> String {
    dash(d.map(|d| lang.locale().date(d)))
}

fn ids(lang: Lang, list: &[String]) -> String {
    dash(Some(lang.show_ids(list, ", ")))
}

fn id(lang: Lang, id: &Option<String>) -> String {
    dash(id.as_deref().map(|i| lang.show_id(i)))
}

/// The fields of `mine` whose value `theirs` does not share, as `name value`
/// joined; empty when there are none.
fn differing(mine: &[Field], theirs: &[Field]) -> String {
    mine.iter()
        .filter(|(n, v)| theirs.iter().find(|(m, _)| m == n).is_none_or(|(_, w)| w != v))
        .map(|(n, v)| format!("{n} {v}"))
        .collect::<Vec<_>>()
        .join(BETWEEN)
}

impl Version {
    /// This version as shown beside `other` (the other branch's, `None` when
    /// it deleted the entry): the fields it differs in, then its summary in
    /// `lang`.
    pub fn shown_beside(&self, other: Option<&Version>, lang: Lang) -> String {
        let text = self.summary_in(lang);
        let Some(other) = other else { return text };
        let diff = differing(&self.fields(lang), &other.fields(lang));
        match (diff.is_empty(), text.is_empty()) {
            (true, _) => text,
            (false, true) => diff,
            (false, false) => format!("{diff}{LEAD}{text}"),
        }
    }

    /// [`Version::summary`] with its numbers written as `lang` writes them.
    pub fn summary_in(&self, lang: Lang) -> String {
        match self {
            Version::Review(r) => {
                let degree = lang.locale().percent(f64::from(r.degree.get()));
                match &r.note {
                    Some(n) => format!("{degree}{LEAD}{n}"),
                    None => degree,
                }
            }
            Version::Value(v) => lang.locale().exact(v.actual),
            _ => self.summary(),
        }
    }

    /// The fields the summary leaves out, each with its value.
    fn fields(&self, lang: Lang) -> Vec<Field> {
        let t = lang.text();
        let p = t.plan_report;
        match self {
            Version::Mission(_) | Version::Vision(_) | Version::Axis(_) | Version::Value(_) | Version::Meta(..) => {
                Vec::new()
            }
            Version::Challenge(c) => {
                let from: Vec<String> = c.from.iter().map(|s| s.id().to_owned()).collect();
                vec![(name(p.col_from), ids(lang, &from))]
            }
            Version::Line(l) => {
                vec![(name(lang.money().axis), lang.show_id(&l.axis)), (name(p.indicators), ids(lang, &l.indicators))]
            }
            Version::Indicator(i) => {
                let number = |x: Option<f64>| dash(x.map(|x| lang.locale().exact(x)));
                let direction = p.direction(i.direction);
                let milestones = i
                    .milestones
                    .iter()
                    .map(|m| format!("{}: {}", m.year, lang.locale().exact(m.target)))
                    .collect::<Vec<_>>()
                    .join("; ");
                vec![
                    (name(p.col_unit), dash(i.unit.clone())),
                    (name(p.col_baseline), number(i.baseline)),
                    (name(p.col_target), number(i.target)),
                    (name(p.col_direction), direction.to_owned()),
                    (name(p.col_milestones), dash(Some(milestones))),
                ]
            }
            Version::Review(r) => vec![
                (name(p.col_status), lang.status(r.status).to_owned()),
                (name(lang.money().committed), money(lang, r.committed)),
                (name(lang.money().paid), money(lang, r.paid)),
            ],
            Version::Year(y) => {
                let mut fields = vec![
                    (name(t.export.date), date(lang, y.date)),
                    (name(t.follow.problems), dash(Some(y.problems.join("; ")))),
                ];
                // Without a summary the body is the summary already.
                if y.summary.is_some() {
                    fields.insert(0, (name(t.report.body), dash(y.body.clone())));
                }
                fields
            }
        }
    }
}

/// An action's fields besides its text (and its votes, which merge by adding).
fn action_fields(a: &CameAction, lang: Lang) -> Vec<Field> {
    let t = lang.text();
    let p = t.plan_report;
    let budget = if a.budget.is_empty() {
        money(lang, a.amount)
    } else {
        crate::i18n::money_words::show_budget(lang.locale(), &a.budget)
    };
    vec![
        (name(t.diff.owner), dash(a.owner.clone())),
        (name(t.diff.due), date(lang, a.due)),
        (name(p.col_status), lang.status(a.status).to_owned()),
        (name(t.diff.answers), ids(lang, &a.links)),
        (name(t.diff.indicator), id(lang, &a.indicator)),
        (name(p.col_line), id(lang, &a.line)),
        (name(p.indicators), ids(lang, &a.indicators)),
        (name(p.col_start), date(lang, a.start)),
        (name(t.sheets.budget), budget),
        (name(p.col_funding), dash(a.funding.clone())),
        (name(p.col_partners), dash(Some(a.partners.join(", ")))),
        (name(p.col_resources), dash(a.resources.clone())),
    ]
}

/// A factor's scores besides its text (votes merge by adding).
fn factor_fields(f: &Factor, lang: Lang) -> Vec<Field> {
    let w = &lang.text().plan;
    let score = |n: Option<u8>| dash(n.map(|n| n.to_string()));
    vec![
        (name(lang.text().export.impact), score(f.impact)),
        (name(w.weight), dash(f.weight.map(|x| lang.locale().exact(x)))),
        (name(w.rating), score(f.rating)),
    ]
}

fn strategy_fields(s: &Strategy, lang: Lang) -> Vec<Field> {
    vec![
        (name(lang.text().plan_report.col_line), id(lang, &s.line)),
        (name(lang.text().diff.answers), ids(lang, &s.factors)),
    ]
}

impl Session {
    /// How item `id` (a factor, an action or a strategy marked as clashing)
    /// differs from its sibling `other`: the fields whose values it does not
    /// share, as `name value` joined, in `lang`. Empty when either is gone or
    /// they differ only in their text.
    pub fn difference(&self, id: &str, other: &str, lang: Lang) -> String {
        let fields = |id: &str| -> Option<Vec<Field>> {
            if let Some((c, i)) = self.find_action(id) {
                return Some(action_fields(&self.actions(c)[i], lang));
            }
            if let Some(s) = self.strategies.iter().find(|s| s.id == id) {
                return Some(strategy_fields(s, lang));
            }
            self.find_factor(id).map(|(q, i)| factor_fields(&self.factors(q)[i], lang))
        };
        match (fields(id), fields(other)) {
            (Some(mine), Some(theirs)) => differing(&mine, &theirs),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
#[path = "clash_show_tests.rs"]
mod tests;
