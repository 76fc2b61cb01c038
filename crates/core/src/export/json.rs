//! JSON export for other tools: a stable, documented structure (see
//! `docs/exports.md`), independent of the file format and of the UI language.

use serde::Serialize;

use crate::domain::{Came, CameAction, Evaluation, Factor, LabelSet, Matrix, Quadrant, Session, Strategy};
use crate::i18n::Lang;
use crate::labels;
use jiff::civil::Date;

use super::safe;

/// Name and version of the JSON structure; bumped on incompatible changes.
pub const SCHEMA: &str = "dafo-export/2";

/// The exported document.
#[derive(Debug, Serialize)]
pub struct Export {
    pub schema: &'static str,
    pub title: String,
    pub created: String,
    pub modified: String,
    pub language: String,
    pub place: Option<String>,
    pub participants: Option<String>,
    pub counts: Counts,
    pub strengths: Vec<Item>,
    pub weaknesses: Vec<Item>,
    pub opportunities: Vec<Item>,
    pub threats: Vec<Item>,
    /// `classic` or `social_work`: which display names the team uses.
    pub labels: &'static str,
    /// CAME actions, in grid order (maintain, correct, exploit, confront).
    pub actions: Vec<ActionItem>,
    /// Crossed strategies, by kind (FO, DO, FA, DA).
    pub strategies: Vec<StrategyItem>,
    /// Per DAFO quadrant: how many factors, and how many no action answers.
    pub coverage: Coverage,
    /// EFI and EFE sums; `null` for a matrix without any weight.
    pub evaluation: Evaluations,
    /// The strategic plan; left out for a session without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<super::plan_json::PlanExport>,
    /// The whole session exactly as its file stores it (every field of the
    /// model: the yearly reviews, year records and indicator values, the
    /// group, merge origins, clashes and ID counters too), so
    /// `serde_json::from_value::<Session>(export["session"])` gives it back.
    pub session: serde_json::Value,
}

/// One CAME action.
#[derive(Debug, Serialize)]
pub struct ActionItem {
    pub id: String,
    /// `maintain`, `correct`, `exploit` or `confront`.
    pub came: &'static str,
    pub text: String,
    /// IDs of the factors it answers, as stored.
    pub links: Vec<String>,
    /// The links no factor has (dangling).
    pub dangling: Vec<String>,
    pub owner: Option<String>,
    /// `YYYY-MM-DD` in every language: this file is read back by `dafo import`
    /// and by scripts (documents for people write dates the language's way).
    pub due: Option<String>,
    pub indicator: Option<String>,
    /// `pending`, `in_progress`, `done` or `dropped`.
    pub status: &'static str,
    pub votes: u32,
    /// Carried over from last year's session and not confirmed yet.
    pub carried: bool,
    /// Not done, and due before the day of the export.
    pub overdue: bool,
    /// Áreas temáticas and cross-cutting impacts (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub impacts: Vec<String>,
}

/// One crossed strategy.
#[derive(Debug, Serialize)]
pub struct StrategyItem {
    pub id: String,
    /// `FO`, `DO`, `FA` or `DA`.
    pub kind: &'static str,
    /// The internal then the external factor's ID.
    pub factors: [String; 2],
    pub dangling: Vec<String>,
    pub text: String,
    pub votes: u32,
}

/// Coverage of one quadrant.
#[derive(Debug, Serialize)]
pub struct QuadrantCoverage {
    pub factors: usize,
    pub unanswered: usize,
}

#[derive(Debug, Serialize)]
pub struct Coverage {
    pub strengths: QuadrantCoverage,
    pub weaknesses: QuadrantCoverage,
    pub opportunities: QuadrantCoverage,
    pub threats: QuadrantCoverage,
}

#[derive(Debug, Serialize)]
pub struct Evaluations {
    pub efi: Option<EvaluationItem>,
    pub efe: Option<EvaluationItem>,
}

/// The sums of one matrix, rounded to 4 decimals.
#[derive(Debug, Serialize)]
pub struct EvaluationItem {
    pub weight_sum: f64,
    pub total: f64,
    pub weighted: usize,
    pub rated: usize,
    /// Whether the weights sum to 1.0.
    pub balanced: bool,
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl EvaluationItem {
    fn of(e: Evaluation) -> Option<EvaluationItem> {
        (e.weighted > 0).then(|| EvaluationItem {
            weight_sum: round(e.weight_sum),
            total: round(e.total),
            weighted: e.weighted,
            rated: e.rated,
            balanced: e.balanced(),
        })
    }
}

fn came_token(c: Came) -> &'static str {
    match c {
        Came::Maintain => "maintain",
        Came::Correct => "correct",
        Came::Exploit => "exploit",
        Came::Confront => "confront",
    }
}

fn dangling<'a>(s: &Session, ids: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    ids.into_iter().filter(|id| s.find_factor(id).is_none()).map(|id| safe(id).into_owned()).collect()
}

impl ActionItem {
    fn new(s: &Session, c: Came, a: &CameAction, today: Date) -> ActionItem {
        ActionItem {
            id: safe(&a.id).into_owned(),
            came: came_token(c),
            text: safe(&a.text).into_owned(),
            links: a.links.iter().map(|l| safe(l).into_owned()).collect(),
            dangling: dangling(s, &a.links),
            owner: a.owner.as_deref().map(|o| safe(o).into_owned()),
            due: a.due.map(|d| d.to_string()),
            indicator: a.indicator.as_deref().map(|i| safe(i).into_owned()),
            status: labels::status_token(a.status),
            votes: a.votes,
            carried: a.carried,
            overdue: a.is_overdue(today),
            themes: a.themes.iter().map(|t| safe(t).into_owned()).collect(),
            impacts: a.impacts.iter().map(|t| safe(t).into_owned()).collect(),
        }
    }
}

impl StrategyItem {
    fn new(s: &Session, st: &Strategy) -> StrategyItem {
        StrategyItem {
            id: safe(&st.id).into_owned(),
            kind: st.kind.prefix(),
            factors: [safe(&st.factors[0]).into_owned(), safe(&st.factors[1]).into_owned()],
            dangling: dangling(s, &st.factors),
            text: safe(&st.text).into_owned(),
            votes: st.votes,
        }
    }
}

/// Number of factors per quadrant.
#[derive(Debug, Serialize)]
pub struct Counts {
    pub strengths: usize,
    pub weaknesses: usize,
    pub opportunities: usize,
    pub threats: usize,
}

/// One factor.
#[derive(Debug, Serialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    pub votes: u32,
    pub impact: Option<u8>,
    /// EFI/EFE weight 0.0-1.0 and rating 1-4.
    pub weight: Option<f64>,
    pub rating: Option<u8>,
    pub carried: bool,
    /// The groups that raised the factor (absent when the session names none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Áreas temáticas (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
}

impl Export {
    /// The export of `session`; actions are `overdue` as of `today`.
    pub fn new(session: &Session, today: Date) -> Export {
        let m = &session.meta;
        let items = |q: Quadrant| session.factors(q).iter().map(|f| Item::new(session, f)).collect();
        let [strengths, weaknesses, opportunities, threats] = session.counts();
        Export {
            schema: SCHEMA,
            title: safe(&m.title).into_owned(),
            created: m.created.to_string(),
            modified: m.modified.to_string(),
            language: safe(&m.language).into_owned(),
            place: m.place.as_deref().map(|p| safe(p).into_owned()),
            participants: m.participants.as_deref().map(|p| safe(p).into_owned()),
            counts: Counts { strengths, weaknesses, opportunities, threats },
            strengths: items(Quadrant::Strengths),
            weaknesses: items(Quadrant::Weaknesses),
            opportunities: items(Quadrant::Opportunities),
            threats: items(Quadrant::Threats),
            labels: match m.labels {
                LabelSet::Classic => "classic",
                LabelSet::SocialWork => "social_work",
            },
            actions: session.all_actions().map(|(c, a)| ActionItem::new(session, c, a, today)).collect(),
            strategies: crate::domain::Crossed::ALL
                .iter()
                .flat_map(|&k| session.strategies_of(k).map(|(_, st)| StrategyItem::new(session, st)))
                .collect(),
            coverage: {
                let cov = |q| QuadrantCoverage { factors: session.factors(q).len(), unanswered: session.unanswered(q) };
                Coverage {
                    strengths: cov(Quadrant::Strengths),
                    weaknesses: cov(Quadrant::Weaknesses),
                    opportunities: cov(Quadrant::Opportunities),
                    threats: cov(Quadrant::Threats),
                }
            },
            evaluation: Evaluations {
                efi: EvaluationItem::of(session.evaluate(Matrix::Efi)),
                efe: EvaluationItem::of(session.evaluate(Matrix::Efe)),
            },
            plan: super::plan_json::PlanExport::of(session),
            // A session always converts: plain structs of strings and numbers.
            session: serde_json::to_value(session).unwrap_or_default(),
        }
    }
}

impl Item {
    fn new(session: &Session, f: &Factor) -> Item {
        Item {
            id: safe(&f.id).into_owned(),
            text: safe(&f.text).into_owned(),
            votes: f.votes,
            impact: f.impact,
            weight: f.weight,
            rating: f.rating,
            carried: f.carried,
            sources: crate::domain::sources::sources_of(session, f).iter().map(|s| safe(s).into_owned()).collect(),
            themes: f.themes.iter().map(|t| safe(t).into_owned()).collect(),
        }
    }
}

/// The session as pretty JSON. The language only matters for labelled formats.
/// Actions are `overdue` as of `today`.
pub fn render(session: &Session, _lang: Lang, today: Date) -> String {
    let mut text = serde_json::to_string_pretty(&Export::new(session, today)).unwrap_or_else(|e| {
        // Plain structs of strings and numbers always serialize.
        unreachable!("JSON export failed: {e}")
    });
    text.push('\n');
    terminal_safe(&text)
}

/// JSON text with every character that could drive a terminal (C1 controls,
/// DEL, bidi controls: serde escapes only C0) written as a `\uXXXX` escape,
/// which reads back as the same character. Such characters only occur inside
/// strings, where the escape means the same; the layout's line breaks stay.
pub fn terminal_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && crate::domain::text::display_safe(c.encode_utf8(&mut [0; 4])) != c.to_string() {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of the session model travels in the JSON: the whole
    /// session (plan, yearly reviews, year records, indicator values, group)
    /// comes back from its `session` key, and the follow-up is in it.
    #[test]
    fn the_json_carries_the_whole_session_and_gives_it_back() {
        let mut s = crate::storage::load(&crate::repo::path("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap();
        s.meta.group = Some("técnicos\u{9b}2J\u{202e}".into());
        s.reviews.push(crate::domain::ActionReview {
            action: "C1".into(),
            year: 2024,
            degree: crate::domain::Degree::new(60).unwrap(),
            status: crate::domain::Status::InProgress,
            note: Some("nota del año".into()),
            committed: Some(crate::domain::Euros { cents: 150_050 }),
            paid: Some(crate::domain::Euros { cents: 99 }),
        });
        // The plan financiero: amounts per year, a source, the session's list.
        let amount = crate::domain::Euros { cents: 1_200_000 };
        s.correct[0].budget = vec![crate::domain::YearAmount { year: 2027, amount }];
        s.correct[0].funding = Some("FEADER".into());
        s.funding = vec!["FEADER".into(), "Fondos propios".into()];
        s.indicator_values.push(crate::domain::IndicatorValue { indicator: "I1".into(), year: 2024, actual: 150.5 });
        s.review_years.push(crate::domain::YearReview {
            year: 2024,
            body: Some("Comisión".into()),
            date: Some(jiff::civil::date(2024, 12, 10)),
            summary: Some("Resumen".into()),
            problems: vec!["Falta personal".into()],
        });
        let json = render(&s, Lang::Es, jiff::civil::date(2025, 1, 1));
        assert!(!json.contains(['\u{9b}', '\u{202e}']), "no terminal control reaches the output raw");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let back: Session = serde_json::from_value(value["session"].clone()).unwrap();
        assert_eq!(back, s);
        assert_eq!(value["session"]["reviews"][0]["note"], "nota del año");
        assert_eq!(value["session"]["indicator_values"][0]["actual"], 150.5);
        assert_eq!(value["session"]["reviews"][0]["committed"], 1500.5);
        assert_eq!(value["plan"]["funding"][1], "Fondos propios");
        assert_eq!(value["session"]["review_years"][0]["problems"][0], "Falta personal");
    }
}
