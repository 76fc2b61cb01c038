//! The site's downloads: the actions × years rows of the follow-up report as
//! CSV, and the plan with the report's JSON, both from the exporters of
//! `dafo export` and `dafo report` over the site's (public) copy.

use crate::export::plan_json::PlanExport;
use crate::export::report_join::Joined;
use crate::export::report_rows::{action_year_rows, csv as rows_csv, json as report_json};

use super::Ctx;

pub const CSV: &str = "plan.csv";
pub const JSON: &str = "plan.json";

/// One row per action and year of the plan's history.
pub fn csv(ctx: &Ctx) -> String {
    rows_csv(&action_year_rows(ctx.s, &ctx.history, ctx.today), ctx.lang)
}

/// `{"plan": …, "progress": …}`: the plan of `dafo export --format json` and
/// the report of every year reviewed of `dafo report --all --format json`.
pub fn json(ctx: &Ctx) -> String {
    // No file names: where the session lives on the facilitator's disk is not the public's.
    let joined = Joined { session: ctx.s.clone(), files: Vec::new(), discrepancies: Vec::new(), oldest: None };
    let progress: serde_json::Value =
        serde_json::from_str(&report_json(&joined, &ctx.years, ctx.today)).unwrap_or(serde_json::Value::Null);
    let mut doc = serde_json::json!({ "plan": PlanExport::of(ctx.s), "progress": progress });
    clean(&mut doc);
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// Every string of `v` made safe: the report's JSON keeps texts as typed
/// (JSON escapes control characters, not bidi marks); the site's does not.
fn clean(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::String(text) => {
            if let std::borrow::Cow::Owned(safe) = crate::export::safe(text) {
                *text = safe;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean),
        serde_json::Value::Object(map) => map.values_mut().for_each(clean),
        _ => {}
    }
}
