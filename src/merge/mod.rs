//! Merging sessions: `dafo merge` joins the sessions of several groups into one
//! diagnosis ([`groups`]), and the git merge driver joins two branches' edits of
//! one session by stable IDs ([`three_way`]). Pure functions over sessions; the
//! commands that read and write files are in `commands::merge`.

pub mod groups;
pub mod report;
pub mod review;
pub mod three_way;

pub use groups::{Input, Merged, Options, merge};

use crate::domain::conflict::{Conflict, Marked};
use crate::export::safe;
use crate::i18n::Lang;

/// What `dafo check` says of a session with conflicts left by a git merge.
pub fn check_line(lang: Lang, n: usize) -> String {
    format!("{n} {}", lang.pick("conflicto(s) ⚠ por resolver", "conflict(s) ⚠ to resolve"))
}

/// One marked item, as `dafo check` lists it.
pub fn conflict_line(lang: Lang, c: &Marked) -> String {
    let why = match &c.conflict {
        Conflict::OtherVersion(o) => format!("{} {o}", lang.pick("otra versión:", "other version:")),
        Conflict::DeletedElsewhere => lang.pick("borrado en la otra rama", "deleted on the other branch").to_owned(),
    };
    format!("⚠ {} «{}» ({why})", c.id, safe(&c.text))
}
