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

use crate::domain::Session;
use crate::domain::clash::Clash;
use crate::domain::conflict::{Conflict, Marked};
use crate::export::safe;
use crate::i18n::Lang;

/// What `dafo check` says of a session with conflicts left by a git merge.
pub fn check_line(lang: Lang, n: usize) -> String {
    (lang.text().merge.check_line)(n)
}

/// One marked item of session `s`, as `dafo check` lists it. Two versions that
/// differ in a field the text does not show are told apart by it: a clash of the
/// plan or the follow-up leads each version with its differing fields
/// ([`crate::domain::clash::Version::shown_beside`]), a marked item follows its text with them
/// ([`Session::difference`]).
pub fn conflict_line(lang: Lang, s: &Session, c: &Marked) -> String {
    let w = lang.text().merge;
    let plan = lang.text().plan_report;
    if let Some(key) = &c.clash {
        let here = s.version_at(key);
        let other = s.clashes.iter().find(|x| x.key() == *key).and_then(Clash::other);
        let text = here.as_ref().map(|v| v.shown_beside(other, lang)).unwrap_or_else(|| c.text.clone());
        let why = match (&c.conflict, other) {
            (Conflict::OtherVersion(_), Some(o)) => {
                format!("{} «{}»", w.other_version, safe(&o.shown_beside(here.as_ref(), lang)))
            }
            (Conflict::OtherVersion(o), None) => format!("{} «{}»", w.other_version, safe(o)),
            (Conflict::DeletedElsewhere, _) => w.deleted_elsewhere.to_owned(),
            (Conflict::DeletedHere, _) => w.deleted_here.to_owned(),
        };
        return format!("⚠ {} «{}» ({why})", safe(&key.label(plan.mission, plan.vision)), safe(&text));
    }
    // IDs as the language shows them (`W2` in English), as `check`'s counts beside them.
    let (why, diff) = match &c.conflict {
        Conflict::OtherVersion(o) => (format!("{} {}", w.other_version, lang.show_id(o)), s.difference(&c.id, o, lang)),
        Conflict::DeletedElsewhere => (w.deleted_elsewhere.to_owned(), String::new()),
        Conflict::DeletedHere => (w.deleted_here.to_owned(), String::new()),
    };
    let diff = if diff.is_empty() { diff } else { format!(" · {}", safe(&diff)) };
    format!("⚠ {} «{}»{diff} ({why})", safe(&lang.show_id(&c.id)), safe(&c.text))
}

#[cfg(test)]
mod conflict_line_tests {
    use super::*;
    use crate::domain::{Factor, Quadrant};

    /// `dafo check` of an English session listed `⚠ D2 …` beside counts of
    /// `S` and `W`: the stored IDs, not the ones the screen shows.
    #[test]
    fn a_conflict_names_ids_as_the_language_shows_them() {
        let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
        for id in ["D2", "D9"] {
            s.weaknesses.push(Factor::new(id, "Listas de espera"));
        }
        s.weaknesses[0].conflict = Some(Conflict::OtherVersion("D9".into()));
        let marked = s.conflicts();
        let en = conflict_line(Lang::En, &s, &marked[0]);
        assert!(en.starts_with("⚠ W2 ") && en.contains("W9"), "{en}");
        let es = conflict_line(Lang::Es, &s, &marked[0]);
        assert!(es.starts_with("⚠ D2 ") && es.contains("D9"), "{es}");
        assert_eq!(Quadrant::Weaknesses.prefix(), "D");
    }
}
