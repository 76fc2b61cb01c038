//! Merging sessions: `dafo merge` joins the sessions of several groups into one
//! diagnosis ([`groups`]), and the git merge driver joins two branches' edits of
//! one session by stable IDs ([`three_way`]). Pure functions over sessions; the
//! commands that read and write files are in `commands::merge`.

pub mod groups;
pub mod report;
pub mod review;
pub mod survey;
pub mod three_way;

pub use groups::{Input, Merged, Options, Prefer, merge};

use crate::domain::conflict::{Conflict, Marked};
use crate::export::safe;
use crate::i18n::Lang;

/// What `dafo check` says of a session with conflicts left by a git merge.
pub fn check_line(lang: Lang, n: usize) -> String {
    (lang.text().merge.check_line)(n)
}

/// One marked item, as `dafo check` lists it.
pub fn conflict_line(lang: Lang, c: &Marked) -> String {
    let w = lang.text().merge;
    let why = match &c.conflict {
        Conflict::OtherVersion(o) if c.clash.is_some() => format!("{} «{}»", w.other_version, safe(o)),
        Conflict::OtherVersion(o) => format!("{} {o}", w.other_version),
        Conflict::DeletedElsewhere => w.deleted_elsewhere.to_owned(),
    };
    let plan = lang.text().plan_report;
    let id = c.clash.as_ref().map_or_else(|| c.id.clone(), |k| k.label(plan.mission, plan.vision));
    format!("⚠ {} «{}» ({why})", safe(&id), safe(&c.text))
}
