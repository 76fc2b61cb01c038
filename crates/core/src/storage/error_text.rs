//! Storage's errors in the user's language: a session that does not read, a save
//! refused, a lock, a recovery; the words come from the catalogue (`Catalogue::errors`).

use crate::i18n::{Lang, os_error};

use super::backup::RecoverError;
use super::commands::CommandError;
use super::format::LoadError;
use super::lock::LockError;
use super::save::SaveError;

impl LoadError {
    /// The message in `lang`, file:line:column first, then what is wrong there.
    pub fn message(&self, lang: Lang) -> String {
        let (w, cli) = (lang.text().errors, &lang.text().cli);
        match self {
            LoadError::Io { path, source } => format!("{}: {}", path.display(), os_error(source, lang)),
            LoadError::Parse { path, line, column, problem } => {
                format!("{}:{line}:{column}: {}: {}", path.display(), w.not_a_session, problem.message(lang))
            }
            LoadError::TooNew { path, found } => {
                format!("{}: {}", path.display(), (cli.too_new)(*found, crate::domain::FORMAT_VERSION))
            }
            LoadError::Id { path, line, column, id, problem } => {
                let said = (lang.text().limits.bad_id)(&format!("{id:?}"), problem);
                format!("{}:{line}:{column}: {said}", path.display())
            }
            LoadError::TooLong { path, line, column, field, chars, max } => {
                let l = lang.text().limits;
                format!("{}:{line}:{column}: {}", path.display(), (l.too_long)(&l.field_name(field), *chars, *max))
            }
            LoadError::NotReadable(e) => e.message(lang),
        }
    }
}

impl SaveError {
    /// The message in `lang`: the file, why, and that the file on disk is as it was.
    pub fn message(&self, lang: Lang) -> String {
        let w = lang.text().errors;
        let said = |path: &std::path::Path, words: &str| format!("{}: {words}", path.display());
        match self {
            SaveError::ChangedOnDisk { path, .. } => said(path, w.changed_on_disk),
            SaveError::AlreadyExists { path } => said(path, w.exists_kept),
            SaveError::Unreadable { error } => (w.unreadable_kept)(&error.message(lang)),
            SaveError::DiskFull { path } => said(path, w.disk_full_kept),
            SaveError::ReadOnly { path } => said(path, w.read_only_kept),
            SaveError::PermissionDenied { path } => said(path, w.no_permission_kept),
            SaveError::NotHeld { path, reason } => said(path, &(w.not_held)(&reason.summary(lang))),
            SaveError::Io { path, source } => said(path, &format!("{}; {}", os_error(source, lang), w.left_as_it_was)),
        }
    }
}

impl LockError {
    /// The message in `lang`: the file, why it cannot be written, what to do.
    pub fn message(&self, lang: Lang) -> String {
        let w = lang.text().errors;
        match self {
            LockError::Held { path, pid, host, .. } => {
                let since = self.holder_since(lang).unwrap_or_default();
                format!("{} {}", path.display(), (w.held)(*pid, host, &since))
            }
            LockError::Io { path, source } => {
                let full = matches!(source.kind(), std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded);
                let advice = if full { w.lock_advice_full } else { w.lock_advice };
                format!("{}: {}; {advice}", path.display(), (w.lock_cannot_create)(&os_error(source, lang)))
            }
            LockError::NotRegular { path } => format!("{}: {}", path.display(), w.lock_not_regular),
            LockError::FileReadOnly { path } => format!("{}: {}", path.display(), w.file_read_only),
        }
    }
}

impl RecoverError {
    /// The message in `lang`; a session that does not read says why first.
    pub fn message(&self, lang: Lang) -> String {
        let w = lang.text().errors;
        match self {
            RecoverError::NoGoodBackup { error, tried, dir } => {
                format!("{}\n{}", error.message(lang), (w.no_good_backup)(*tried, &dir.display().to_string()))
            }
            RecoverError::Unrecoverable(e) => e.message(lang),
            RecoverError::Io { path, source } => {
                format!("{}: {}; {}", path.display(), os_error(source, lang), w.nothing_changed)
            }
        }
    }
}

impl CommandError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CommandError::Lock(e) => e.message(lang),
            CommandError::Load(e) => e.message(lang),
            CommandError::Save(e) => e.message(lang),
            CommandError::Io(e) => os_error(e, lang),
        }
    }
}
