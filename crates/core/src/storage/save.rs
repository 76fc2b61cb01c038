//! Saving that never loses words: it refuses to overwrite a file it cannot read or
//! that another program changed, keeps a backup, and leaves the old file intact on
//! any error (full disk, read-only folder, no permission).

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::domain::Session;

use super::atomic::{write_atomic, write_atomic_new};
use super::backup::keep_backup;
use super::disk::{DiskState, parse_bytes, read_stamped, remove_stray_temps};
use super::format::{LoadError, to_ron};

/// Why a save did not happen. In every case the file on disk is as it was and the
/// session in memory is intact: keep it, show the message, and retry or save elsewhere.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error(
        "{} was changed on disk by another program; not overwritten. Reload it, or save your version under another name",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf, now: DiskState },
    #[error("{} already exists; not overwritten. Open it, or choose another name", path.display())]
    AlreadyExists { path: PathBuf },
    #[error(
        "the file on disk does not read as a session ({error}); dafo will not overwrite it. Save under another name, or run `dafo recover`"
    )]
    Unreadable { error: Box<LoadError> },
    #[error("{}: the disk is full; the file on disk was left as it was. Free some space and save again", path.display())]
    DiskFull { path: PathBuf },
    #[error("{}: the folder is read-only; the file on disk was left as it was. Save under another name in a writable folder", path.display())]
    ReadOnly { path: PathBuf },
    #[error("{}: no permission to write there; the file on disk was left as it was. Save under another name, or fix the permissions", path.display())]
    PermissionDenied { path: PathBuf },
    #[error("{} cannot be saved from here: {reason}. Save under another name", path.display())]
    NotHeld { path: PathBuf, reason: Box<super::lock::LockError> },
    #[error("{}: {source}; the file on disk was left as it was", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl SaveError {
    /// Names the error kinds a user can fix; the rest stay as plain I/O errors.
    pub fn from_io(path: &Path, source: io::Error) -> SaveError {
        let path = path.to_owned();
        match source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => SaveError::DiskFull { path },
            io::ErrorKind::ReadOnlyFilesystem => SaveError::ReadOnly { path },
            io::ErrorKind::PermissionDenied => SaveError::PermissionDenied { path },
            _ => SaveError::Io { path, source },
        }
    }
}

/// Why a backup could not be made (the save itself succeeded): the backups'
/// folder and the system's refusal, kept so that it can be said in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFailure {
    pub dir: PathBuf,
    pub kind: io::ErrorKind,
    /// The system's own text.
    pub detail: String,
}

impl BackupFailure {
    /// The folder and why, in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let e = io::Error::new(self.kind, self.detail.clone());
        format!("{}: {}", self.dir.display(), crate::i18n::os_error(&e, lang))
    }
}

/// What a successful save did.
#[derive(Debug, Clone)]
pub struct SaveReport {
    /// The new fingerprint: pass it to the next `save_session`.
    pub disk: DiskState,
    /// Bytes written.
    pub bytes: usize,
    /// Where the backup went (`None`: none was due, see
    /// [`super::SessionFile::save`]), or why it could not be made (the save itself succeeded).
    pub backup: Result<Option<PathBuf>, BackupFailure>,
    /// Temp files from an interrupted save that were cleaned up.
    pub removed_temps: Vec<PathBuf>,
    /// Set by [`super::SessionFile::save`] the first time backups fail: say it once.
    pub backup_warning: Option<BackupFailure>,
    /// The text written: dafo's own last version, kept before any reload.
    pub(crate) text: String,
}

/// Saves `session` to `path` atomically. `expected` is the fingerprint from the last
/// load or save of this file (`None` for a new file, which must not exist yet). If the
/// file on disk no longer matches it, nothing is written and `ChangedOnDisk` carries
/// the new fingerprint: passing that one back overwrites the other program's version
/// (after keeping it as a backup), so do so only when the user chose it.
pub fn save_session(path: &Path, session: &Session, expected: Option<&DiskState>) -> Result<SaveReport, SaveError> {
    save_text_backed(path, to_ron(session), expected, true)
}

/// [`save_session`] of a session already serialized (`text` is [`to_ron`] of
/// it), refreshing the newest backup only when `backup` is set (a version
/// written by another program is always kept as a backup first). The saver's
/// thread lets go of the session before it writes.
pub(crate) fn save_text_backed(
    path: &Path,
    text: String,
    expected: Option<&DiskState>,
    backup: bool,
) -> Result<SaveReport, SaveError> {
    // A new file is created exclusively: one made meanwhile by another process is kept.
    let write = if expected.is_none() { write_atomic_new } else { write_atomic };
    save_text_with(path, text, expected, write, backup)
}

/// [`save_session`] with the final write done by `write` (tests inject failures here).
pub fn save_session_with(
    path: &Path,
    session: &Session,
    expected: Option<&DiskState>,
    write: impl FnOnce(&Path, &[u8]) -> io::Result<()>,
) -> Result<SaveReport, SaveError> {
    save_text_with(path, to_ron(session), expected, write, true)
}

fn save_text_with(
    path: &Path,
    text: String,
    expected: Option<&DiskState>,
    write: impl FnOnce(&Path, &[u8]) -> io::Result<()>,
    backup: bool,
) -> Result<SaveReport, SaveError> {
    let mut outside_version = None;
    match read_stamped(path) {
        Ok((current, now)) => {
            match expected {
                None => return Err(SaveError::AlreadyExists { path: path.to_owned() }),
                Some(known) if *known != now => return Err(SaveError::ChangedOnDisk { path: path.to_owned(), now }),
                Some(known) if !known.parses => {
                    // The user chose to overwrite a version dafo did not write: it must read,
                    // and it is kept as a backup generation of its own.
                    parse_bytes(&current, path).map_err(|error| SaveError::Unreadable { error: Box::new(error) })?;
                    outside_version = Some(current);
                }
                Some(_) => {}
            }
        }
        // Gone since we loaded it (moved, deleted): writing it again loses nothing.
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(SaveError::from_io(path, e)),
    }
    let removed_temps = remove_stray_temps(path);
    // The other program's version gets a generation of its own, so mirroring ours next
    // does not replace it.
    let fresh_generation = outside_version.is_some();
    if let Some(current) = outside_version {
        keep_backup(path, &current, true).map_err(|e| SaveError::from_io(path, e))?;
    }
    write(path, text.as_bytes()).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => SaveError::AlreadyExists { path: path.to_owned() },
        _ => SaveError::from_io(path, e),
    })?;
    let backup = if backup || fresh_generation {
        keep_backup(path, text.as_bytes(), fresh_generation).map(Some).map_err(|e| {
            let (dir, _) = super::backup::backup_dir_and_prefix(path);
            BackupFailure { dir, kind: e.kind(), detail: crate::i18n::os_detail(&e) }
        })
    } else {
        Ok(None)
    };
    Ok(SaveReport {
        disk: DiskState::of(path, text.as_bytes(), true),
        bytes: text.len(),
        backup,
        removed_temps,
        backup_warning: None,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::disk::load_session;
    use jiff::Timestamp;

    fn session(title: &str) -> Session {
        Session::new(title, Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn new_file_then_saves_chain_their_fingerprints() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let r1 = save_session(&path, &session("uno"), None).unwrap();
        assert!(matches!(save_session(&path, &session("x"), None), Err(SaveError::AlreadyExists { .. })));
        let r2 = save_session(&path, &session("dos"), Some(&r1.disk)).unwrap();
        assert_eq!(load_session(&path).unwrap().session.meta.title, "dos");
        assert_eq!(r2.disk, load_session(&path).unwrap().disk);
        let backup = r2.backup.unwrap().unwrap();
        assert_eq!(std::fs::read_to_string(backup).unwrap(), to_ron(&session("dos")));
    }

    #[test]
    fn a_change_by_another_program_is_not_overwritten_unless_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let r1 = save_session(&path, &session("mine"), None).unwrap();
        let theirs = to_ron(&session("theirs"));
        std::fs::write(&path, &theirs).unwrap();
        let Err(SaveError::ChangedOnDisk { now, .. }) = save_session(&path, &session("mine 2"), Some(&r1.disk)) else {
            panic!("overwrote a changed file")
        };
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        // The user chose "keep mine": their version survives as a backup.
        save_session(&path, &session("mine 2"), Some(&now)).unwrap();
        let backups = crate::storage::backup::list_backups(&path);
        assert!(backups.iter().any(|b| std::fs::read_to_string(b).unwrap() == theirs));
    }

    #[test]
    fn a_file_that_does_not_read_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let r1 = save_session(&path, &session("mine"), None).unwrap();
        std::fs::write(&path, "(version: 1, meta: (tit").unwrap();
        let Err(SaveError::ChangedOnDisk { now, .. }) = save_session(&path, &session("m"), Some(&r1.disk)) else {
            panic!()
        };
        let err = save_session(&path, &session("m"), Some(&now)).unwrap_err();
        assert!(matches!(err, SaveError::Unreadable { .. }), "{err}");
        assert!(err.to_string().contains("s.ron:1:"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(version: 1, meta: (tit");
    }

    #[test]
    fn write_failures_leave_the_old_file_and_name_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let r1 = save_session(&path, &session("uno"), None).unwrap();
        let before = std::fs::read(&path).unwrap();
        for (kind, expect) in [
            (io::ErrorKind::StorageFull, "disk is full"),
            (io::ErrorKind::ReadOnlyFilesystem, "read-only"),
            (io::ErrorKind::PermissionDenied, "no permission"),
            (io::ErrorKind::Other, "left as it was"),
        ] {
            let err = save_session_with(&path, &session("dos"), Some(&r1.disk), |_, _| Err(io::Error::from(kind)))
                .unwrap_err();
            let msg = err.to_string();
            assert!(msg.contains(expect) && msg.contains("s.ron"), "{msg}");
            assert_eq!(std::fs::read(&path).unwrap(), before);
        }
        // The fingerprint still matches: retrying works.
        save_session(&path, &session("dos"), Some(&r1.disk)).unwrap();
    }
}
