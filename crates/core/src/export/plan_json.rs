//! The plan in the JSON export: horizon, misión, visión, valores, retos with
//! their sources, ejes with numbered líneas, the plan de acción (the plan fields
//! of each action and placed strategy), indicators, cronograma and coverage.
//! Absent (`plan` left out) for a session without a plan.

use serde::Serialize;

use crate::domain::{Session, Source};

use super::safe;

fn s(text: &str) -> String {
    safe(text).into_owned()
}

/// The `plan` object of the JSON export.
#[derive(Debug, Serialize)]
pub struct PlanExport {
    /// `"2023-2026"`.
    pub horizon: Option<String>,
    pub mission: Option<String>,
    pub vision: Option<String>,
    pub values: Vec<String>,
    /// The session's funding sources (left out while it keeps none of its own).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<String>,
    pub challenges: Vec<ChallengeItem>,
    pub axes: Vec<AxisItem>,
    /// One entry per action (plan order: by línea, then those without one).
    pub action_plan: Vec<PlanActionItem>,
    pub indicators: Vec<IndicatorItem>,
    /// `null` without a horizon.
    pub schedule: Option<ScheduleItem>,
    pub coverage: PlanCoverage,
}

#[derive(Debug, Serialize)]
pub struct SourceItem {
    /// `factor`, `action` or `strategy`.
    pub kind: &'static str,
    pub id: String,
    /// Whether it no longer exists.
    pub missing: bool,
}

#[derive(Debug, Serialize)]
pub struct ChallengeItem {
    pub id: String,
    pub text: String,
    pub from: Vec<SourceItem>,
}

#[derive(Debug, Serialize)]
pub struct AxisItem {
    pub id: String,
    /// Display number, from 1.
    pub number: usize,
    pub text: String,
    pub lines: Vec<LineItem>,
}

#[derive(Debug, Serialize)]
pub struct LineItem {
    pub id: String,
    /// `"1.2"`.
    pub number: String,
    pub text: String,
    pub indicators: Vec<String>,
    /// IDs of the actions and of the crossed strategies placed in it.
    pub actions: Vec<String>,
    pub strategies: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PlanActionItem {
    /// An action ID, or a crossed strategy's placed in a línea.
    pub id: String,
    /// `action` or `strategy`.
    pub kind: &'static str,
    /// The línea's ID as stored (may be missing), and its number when it exists.
    pub line: Option<String>,
    pub line_number: Option<String>,
    pub start: Option<String>,
    pub due: Option<String>,
    pub owner: Option<String>,
    pub resources: Option<String>,
    /// Euros, to the cent.
    pub amount: Option<f64>,
    /// Amounts per year, `[{"year": 2026, "amount": 1500.0}]`, and the funding
    /// source (left out when the action has none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<crate::domain::YearAmount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding: Option<String>,
    pub partners: Vec<String>,
    pub indicators: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorItem {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// `up`, `down` or `keep`.
    pub direction: &'static str,
    /// Hitos: the value meant for the end of some years, in year order (left
    /// out when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<crate::domain::Milestone>,
    /// IDs of the actions and líneas it measures.
    pub actions: Vec<String>,
    pub lines: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ScheduleItem {
    /// `"2024"` or `"2024-Q1"`.
    pub periods: Vec<String>,
    pub rows: Vec<ScheduleRowItem>,
    pub undated: Vec<String>,
    pub outside: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ScheduleRowItem {
    pub id: String,
    pub active: Vec<bool>,
}

#[derive(Debug, Serialize)]
pub struct PlanCoverage {
    pub lines_without_actions: Vec<String>,
    pub actions_without_line: Vec<String>,
}

impl PlanExport {
    /// The plan of `session`, or `None` when it has none.
    pub fn of(session: &Session) -> Option<PlanExport> {
        if !session.has_plan() {
            return None;
        }
        let ses = session;
        let ids = |v: &[String]| v.iter().map(|i| s(i)).collect::<Vec<_>>();
        let challenges = ses
            .challenges
            .iter()
            .map(|c| ChallengeItem {
                id: s(&c.id),
                text: s(&c.text),
                from: c
                    .from
                    .iter()
                    .map(|src| SourceItem {
                        kind: match src {
                            Source::Factor(_) => "factor",
                            Source::Action(_) => "action",
                            Source::Strategy(_) => "strategy",
                        },
                        id: s(src.id()),
                        missing: !src.exists(ses),
                    })
                    .collect(),
            })
            .collect();
        let axes = ses
            .axes
            .iter()
            .enumerate()
            .map(|(n, a)| AxisItem {
                id: s(&a.id),
                number: n + 1,
                text: s(&a.text),
                lines: ses
                    .lines_of(&a.id)
                    .map(|(_, l)| {
                        let here = |line: &Option<String>| line.as_deref() == Some(l.id.as_str());
                        LineItem {
                            id: s(&l.id),
                            number: ses.line_label(&l.id),
                            text: s(&l.text),
                            indicators: ids(&l.indicators),
                            actions: ses.all_actions().filter(|(_, x)| here(&x.line)).map(|(_, x)| s(&x.id)).collect(),
                            strategies: ses.strategies.iter().filter(|x| here(&x.line)).map(|x| s(&x.id)).collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        let number =
            |line: &Option<String>| line.as_deref().and_then(|l| ses.line_number(l)).map(|(a, b)| format!("{a}.{b}"));
        let mut action_plan: Vec<PlanActionItem> = ses
            .actions_in_plan_order()
            .into_iter()
            .map(|(_, a)| PlanActionItem {
                id: s(&a.id),
                kind: "action",
                line: a.line.as_deref().map(s),
                line_number: number(&a.line),
                start: a.start.map(|d| d.to_string()),
                due: a.due.map(|d| d.to_string()),
                owner: a.owner.as_deref().map(s),
                resources: a.resources.as_deref().map(s),
                amount: a.amount.map(f64::from),
                budget: a.budget.clone(),
                funding: a.funding.as_deref().map(s),
                partners: ids(&a.partners),
                indicators: ids(&a.indicators),
            })
            .collect();
        action_plan.extend(ses.strategies.iter().filter(|st| st.line.is_some()).map(|st| PlanActionItem {
            id: s(&st.id),
            kind: "strategy",
            line: st.line.as_deref().map(s),
            line_number: number(&st.line),
            start: None,
            due: None,
            owner: None,
            resources: None,
            amount: None,
            budget: Vec::new(),
            funding: None,
            partners: Vec::new(),
            indicators: Vec::new(),
        }));
        let indicators = ses
            .indicators
            .iter()
            .map(|i| IndicatorItem {
                id: s(&i.id),
                name: s(&i.name),
                unit: i.unit.as_deref().map(s),
                baseline: i.baseline,
                target: i.target,
                direction: i.direction.token(),
                milestones: i.milestones.clone(),
                actions: ses
                    .all_actions()
                    .filter(|(_, a)| a.indicators.contains(&i.id))
                    .map(|(_, a)| s(&a.id))
                    .collect(),
                lines: ses.lines.iter().filter(|l| l.indicators.contains(&i.id)).map(|l| s(&l.id)).collect(),
            })
            .collect();
        let schedule = ses.schedule().map(|c| ScheduleItem {
            periods: c
                .periods
                .iter()
                .map(|p| match p.quarter {
                    Some(q) => format!("{}-Q{q}", p.year),
                    None => p.year.to_string(),
                })
                .collect(),
            rows: c.rows.iter().map(|r| ScheduleRowItem { id: s(&r.id), active: r.active.clone() }).collect(),
            undated: ids(&c.undated),
            outside: ids(&c.outside),
        });
        Some(PlanExport {
            horizon: ses.meta.horizon.map(|h| h.to_string()),
            mission: ses.mission.as_deref().map(s),
            vision: ses.vision.as_deref().map(s),
            values: ids(&ses.values),
            funding: ids(&ses.funding),
            challenges,
            axes,
            action_plan,
            indicators,
            schedule,
            coverage: PlanCoverage {
                lines_without_actions: ses.lines_without_actions().iter().map(|l| s(&l.id)).collect(),
                actions_without_line: ses.actions_without_line().iter().map(|(_, a)| s(&a.id)).collect(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_goes_into_the_json_and_plan_less_sessions_have_none() {
        let plain = Session::new("x", jiff::Timestamp::UNIX_EPOCH);
        assert!(PlanExport::of(&plain).is_none());
        let json = crate::export::json::render(&plain, crate::i18n::Lang::Es, jiff::civil::date(2026, 11, 27));
        assert!(!json.contains("\"plan\""), "{json}");
        let s = crate::import::plan::tests::full_plan();
        let v: serde_json::Value = serde_json::from_str(&crate::export::json::render(
            &s,
            crate::i18n::Lang::Es,
            jiff::civil::date(2026, 11, 27),
        ))
        .unwrap();
        let plan = &v["plan"];
        assert_eq!(plan["horizon"], "2024-2027");
        assert_eq!(plan["axes"][0]["lines"][1]["number"], "1.2");
        assert_eq!(plan["axes"][0]["lines"][1]["actions"][0], "E1");
        assert_eq!(plan["challenges"][0]["from"][1]["kind"], "action");
        assert_eq!(plan["action_plan"][0]["amount"], 12000.5);
        assert_eq!(plan["indicators"][1]["direction"], "down");
        assert_eq!(plan["indicators"][1]["lines"][0], "L1");
        assert_eq!(plan["schedule"]["periods"].as_array().map(Vec::len), Some(4));
        assert_eq!(plan["coverage"]["actions_without_line"][0], "M1");
    }
}
