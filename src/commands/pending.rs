//! What `check`, `show` and `export` say about a journal beside the file they
//! read: changes a dafo made that the file does not have yet, and what opening
//! the session (or `dafo recover`) would bring back.

use std::path::Path;

use crate::domain::Session;
use crate::i18n::Lang;
use crate::storage::journal::{self, Found, Replay, Unfit};

/// The note to print about the journal of `file` (which reads as `session`), or
/// `None` when there is none. Reads nothing unless a journal is there, and
/// changes nothing on disk.
pub fn journal_note(file: &Path, session: &Session, lang: Lang) -> Option<String> {
    let file = crate::storage::resolve_link(file);
    std::fs::symlink_metadata(journal::journal_path(&file)).ok()?;
    let base = crate::storage::file_hash(&file)?;
    let cli = &lang.text().cli;
    match journal::pending(&file, session, base) {
        Found::Nothing => None,
        Found::Changes(after, n) => Some((cli.journal_pending)(n, &lang.counts(after.counts(), ", "))),
        Found::Unfit(_) => Some(cli.journal_unfit.to_owned()),
    }
}

/// Says on stderr what [`journal_note`] finds, after the file's name.
pub fn warn_journal(file: &Path, session: &Session, lang: Lang) {
    if let Some(note) = journal_note(file, session, lang) {
        let name = crate::domain::text::display_safe_lines(&file.display().to_string());
        eprintln!("{name}: {}: {}", lang.text().cli.warning, crate::domain::text::display_safe_lines(&note));
    }
}

/// What opening `file` did with a journal a stopped dafo left (replayed, or set
/// aside and why), in `lang`; `None` when there was none.
pub fn replay_note(replay: &Replay, lang: Lang) -> Option<String> {
    let ui = &lang.text().ui;
    let name = |p: &Path| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        crate::domain::text::display_safe_lines(&name)
    };
    match replay {
        Replay::Nothing => None,
        Replay::Newer(_, n) => Some((lang.text().cli.journal_recovered)(*n)),
        Replay::SetAside(path, why) | Replay::Refused(path, why) => Some(match why {
            Unfit::OtherVersion => (ui.journal_set_aside)(&name(path)),
            Unfit::Damaged => (ui.journal_damaged)(&name(path)),
            Unfit::NotAFile => (ui.journal_not_a_file)(&name(path)),
        }),
    }
}
