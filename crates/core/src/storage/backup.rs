//! Backups of session files and `dafo recover`: a file damaged outside dafo can be
//! brought back from the newest backup that reads, and nothing is ever deleted.
//!
//! Backups live in `.dafo-backups/` beside the session, named
//! `<file name>.<UTC time>.bak`. The newest one mirrors the last save; a new generation
//! starts every [`GENERATION_SPAN`], and the [`GENERATIONS`] newest are kept.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};

use jiff::{SignedDuration, Timestamp};
use thiserror::Error;

use super::atomic::{name_with, write_atomic};
use super::disk::parse_bytes;
use super::format::{LoadError, load};

/// Folder of backups, beside the session files.
pub const BACKUP_DIR: &str = ".dafo-backups";
/// Backups kept per session file.
pub const GENERATIONS: usize = 12;
/// Age of the newest backup after which the next save starts a new one.
pub const GENERATION_SPAN: SignedDuration = SignedDuration::from_mins(5);

/// The backups of `session`, oldest first.
pub fn list_backups(session: &Path) -> Vec<PathBuf> {
    let (dir, prefix) = backup_dir_and_prefix(session);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                // Its name, then a time stamp: `acta.ron.` also begins the
                // backups of `acta.ron.ron`, which were restored, sorted as
                // newest and pruned as this file's.
                .map(|e| e.path())
                .filter(|p| stamp_of(p, &prefix).is_some())
                .collect()
        })
        .unwrap_or_default();
    // The time stamp in the name sorts as text.
    found.sort();
    found
}

/// Keeps `bytes` (content that parses) as the newest backup of `session`: overwrites
/// the newest generation, or starts a new one when it is older than [`GENERATION_SPAN`]
/// or when `new_generation` is set. Returns the backup's path.
pub fn keep_backup(session: &Path, bytes: &[u8], new_generation: bool) -> io::Result<PathBuf> {
    let (dir, prefix) = backup_dir_and_prefix(session);
    std::fs::create_dir_all(&dir)?;
    let now = Timestamp::now();
    let existing: Vec<PathBuf> = list_backups(session).into_iter().filter(|b| !is_kept(b)).collect();
    let reuse = existing.last().filter(|newest| {
        !new_generation && stamp_of(newest, &prefix).is_some_and(|t| now.duration_since(t) < GENERATION_SPAN)
    });
    let target = match reuse {
        Some(newest) => newest.clone(),
        None => {
            // Names sort in time order even for two generations within a millisecond
            // or a clock that went back: never at or before the newest one.
            let now_ms = Timestamp::from_millisecond(now.as_millisecond()).unwrap_or(now);
            let newest = existing.last().and_then(|b| stamp_of(b, &prefix));
            let stamp = match newest {
                Some(t) if t >= now_ms => t.checked_add(SignedDuration::from_millis(1)).unwrap_or(now_ms),
                _ => now_ms,
            };
            dir.join(backup_name(&prefix, &format!("{}.bak", stamp.strftime("%Y%m%dT%H%M%S%.3fZ"))))
        }
    };
    write_atomic(&target, bytes)?;
    let all: Vec<PathBuf> = list_backups(session).into_iter().filter(|b| !is_kept(b)).collect();
    for old in all.iter().take(all.len().saturating_sub(GENERATIONS)) {
        let _ = std::fs::remove_file(old);
    }
    Ok(target)
}

/// Keeps `bytes` as a backup that no later save overwrites or prunes:
/// `<file name>.<UTC time>.kept.bak`, never over one already there (two kept in
/// the same millisecond get the next free one). Made before a reload replaces
/// what is on screen with a version another program wrote: of dafo's own last
/// saved version, and of the version read when words are still being typed.
pub fn keep_own_version(session: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let (dir, prefix) = backup_dir_and_prefix(session);
    std::fs::create_dir_all(&dir)?;
    let mut at = Timestamp::now();
    let target = loop {
        let stamp = at.strftime("%Y%m%dT%H%M%S%.3fZ");
        let target = dir.join(backup_name(&prefix, &format!("{stamp}.kept.bak")));
        if !target.exists() {
            break target;
        }
        at += jiff::SignedDuration::from_millis(1);
    };
    write_atomic(&target, bytes)?;
    Ok(target)
}

fn is_kept(backup: &Path) -> bool {
    backup.file_name().is_some_and(|n| n.as_encoded_bytes().ends_with(b".kept.bak"))
}

/// Why backups of `session` cannot be written, if they cannot: `.dafo-backups` is a
/// file, or a folder where nothing can be created. `dafo check` reports it, in `lang`.
pub fn backup_problem(session: &Path, lang: crate::i18n::Lang) -> Option<String> {
    let (dir, _) = backup_dir_and_prefix(session);
    let w = lang.text().errors;
    match std::fs::metadata(&dir) {
        Ok(m) if !m.is_dir() => Some(format!("{}: {}", dir.display(), w.backups_not_a_folder)),
        Ok(_) => match super::atomic::temp_file_in(&dir, ".dafo-probe", "", 0o600) {
            Ok(_) => None,
            Err(e) => {
                Some(format!("{}: {}", dir.display(), (w.backups_cannot_write)(&crate::i18n::os_error(&e, lang))))
            }
        },
        // Not made yet: the first save makes it, if the session's folder is writable.
        Err(_) => None,
    }
}

/// What `recover` did.
#[derive(Debug)]
pub enum Recovery {
    /// The file reads fine; nothing was changed.
    NotNeeded,
    /// The file was restored from `from`; the damaged file (if there was one) was
    /// kept as `damaged`. `error` says what was wrong with it; `language` is the
    /// restored session's (`meta.language`), the one to speak of it in.
    Restored { from: PathBuf, damaged: Option<PathBuf>, error: LoadError, language: String },
}

/// Why `recover` could not help.
#[derive(Debug, Error)]
pub enum RecoverError {
    #[error("{error}\nno backup that reads was found ({tried} tried in {dir}); the file was left as it is")]
    NoGoodBackup { error: LoadError, tried: usize, dir: PathBuf },
    #[error("{0}")]
    Unrecoverable(LoadError),
    #[error("{}: {source}; nothing was changed", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Restores `session` from its newest backup that reads, if the file itself does not
/// read (damaged or missing). The damaged file is first copied to
/// `<file>.damaged-<time>`; no file is ever deleted. Call it holding the session lock.
pub fn recover(session: &Path) -> Result<Recovery, RecoverError> {
    let error = match load(session) {
        Ok(_) => return Ok(Recovery::NotNeeded),
        Err(e @ LoadError::Io { .. }) if !matches!(&e, LoadError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound) =>
        {
            return Err(RecoverError::Unrecoverable(e));
        }
        // A FIFO or a device is not a damaged session: never copied, never replaced.
        Err(e @ (LoadError::TooNew { .. } | LoadError::NotReadable(_))) => return Err(RecoverError::Unrecoverable(e)),
        Err(e) => e,
    };
    let backups = list_backups(session);
    let good = backups.iter().rev().find_map(|b| {
        let bytes = std::fs::read(b).ok()?;
        parse_bytes(&bytes, b).ok().map(|s| (b.clone(), bytes, s.meta.language))
    });
    let Some((from, bytes, language)) = good else {
        let (dir, _) = backup_dir_and_prefix(session);
        return Err(RecoverError::NoGoodBackup { error, tried: backups.len(), dir });
    };
    let io_err = |path: &Path| {
        let path = path.to_owned();
        move |source| RecoverError::Io { path, source }
    };
    let damaged = keep_damaged(session).map_err(io_err(session))?;
    write_atomic(session, &bytes).map_err(io_err(session))?;
    Ok(Recovery::Restored { from, damaged, error, language })
}

/// Copies `session` (a file that does not read) to `<file>.damaged-<UTC time>` beside
/// it, before it is replaced. `None` if there is no such file.
pub fn keep_damaged(session: &Path) -> io::Result<Option<PathBuf>> {
    let bytes = match std::fs::read(session) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut keep = session.with_file_name(name_with(session, "", &format!(".damaged-{stamp}")));
    let mut n = 2;
    while keep.exists() {
        keep = session.with_file_name(name_with(session, "", &format!(".damaged-{stamp}-{n}")));
        n += 1;
    }
    write_atomic(&keep, &bytes)?;
    Ok(Some(keep))
}

/// The folder of `session`'s backups, and the beginning of their names: the
/// session's file name byte for byte, then `.`.
pub(crate) fn backup_dir_and_prefix(session: &Path) -> (PathBuf, OsString) {
    let dir = match session.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(BACKUP_DIR),
        _ => PathBuf::from(BACKUP_DIR),
    };
    (dir, name_with(session, "", "."))
}

/// `prefix` then `rest`: a backup's file name.
fn backup_name(prefix: &OsStr, rest: &str) -> OsString {
    let mut name = prefix.to_owned();
    name.push(rest);
    name
}

fn stamp_of(backup: &Path, prefix: &OsStr) -> Option<Timestamp> {
    let name = backup.file_name()?.as_encoded_bytes().strip_prefix(prefix.as_encoded_bytes())?;
    let stamp = std::str::from_utf8(name).ok()?.strip_suffix(".bak")?;
    let stamp = stamp.strip_suffix(".kept").unwrap_or(stamp);
    let civil = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S%.f", stamp.strip_suffix('Z')?).ok()?;
    civil.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Session;
    use crate::storage::to_ron;

    /// `acta.ron` and `acta.ron.ron` side by side: the second's backups begin
    /// with the first's prefix, so `recover acta.ron` brought back the other
    /// session (its names sort after a time stamp's digits, as "newest").
    #[test]
    fn a_files_backups_are_its_own_not_those_of_a_file_whose_name_begins_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let (mine, other) = (dir.path().join("acta.ron"), dir.path().join("acta.ron.ron"));
        let text = |t: &str| to_ron(&Session::new(t, Timestamp::UNIX_EPOCH));
        keep_backup(&mine, text("PROPIA").as_bytes(), false).unwrap();
        keep_backup(&other, text("OTRA").as_bytes(), false).unwrap();
        let own = list_backups(&mine);
        assert_eq!(own.len(), 1, "{own:?}");
        assert!(std::fs::read_to_string(&own[0]).unwrap().contains("PROPIA"));
        assert_eq!(list_backups(&other).len(), 1);
    }

    fn text(title: &str) -> String {
        to_ron(&Session::new(title, Timestamp::UNIX_EPOCH))
    }

    /// `g\xff.ron` and `g\xfe.ron` (Latin-1 names): read as text both were
    /// `g�.ron`, and shared one lock, one journal and one set of backups; a
    /// save of one pruned the other's backup and `recover` filled one with
    /// the other session. Every name beside a session is its own, byte for byte.
    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_keep_their_own_backups_lock_and_journal() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join(OsStr::from_bytes(b"g\xff.ron"));
        let b = dir.path().join(OsStr::from_bytes(b"g\xfe.ron"));
        keep_backup(&a, text("PALENCIA").as_bytes(), true).unwrap();
        keep_backup(&b, text("ALMENDRAL").as_bytes(), true).unwrap();
        let (own_a, own_b) = (list_backups(&a), list_backups(&b));
        assert_eq!((own_a.len(), own_b.len()), (1, 1), "{own_a:?} {own_b:?}");
        assert!(std::fs::read_to_string(&own_a[0]).unwrap().contains("PALENCIA"));
        assert!(std::fs::read_to_string(&own_b[0]).unwrap().contains("ALMENDRAL"));
        assert_ne!(crate::storage::lock::lock_path(&a), crate::storage::lock::lock_path(&b));
        assert_ne!(crate::storage::journal::journal_path(&a), crate::storage::journal::journal_path(&b));
        assert_ne!(keep_damaged_name(&a), keep_damaged_name(&b));
    }

    /// The name a damaged copy of `session` would get, without its time stamp.
    fn keep_damaged_name(session: &Path) -> OsString {
        name_with(session, "", ".damaged-")
    }

    #[test]
    fn newest_generation_is_refreshed_and_old_ones_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("s.ron");
        let first = keep_backup(&s, b"one", false).unwrap();
        assert!(stamp_of(&first, OsStr::new("s.ron.")).is_some(), "{first:?}");
        assert_eq!(keep_backup(&s, b"two", false).unwrap(), first);
        assert_eq!(std::fs::read(&first).unwrap(), b"two");
        for i in 0..GENERATIONS + 3 {
            keep_backup(&s, format!("g{i}").as_bytes(), true).unwrap();
        }
        let all = list_backups(&s);
        assert_eq!(all.len(), GENERATIONS);
        assert_eq!(std::fs::read(all.last().unwrap()).unwrap(), format!("g{}", GENERATIONS + 2).as_bytes());
        // Backups of another file are not counted.
        keep_backup(&dir.path().join("s.ron2"), b"x", false).unwrap();
        assert_eq!(list_backups(&s).len(), GENERATIONS);
    }

    #[test]
    fn dafo_s_own_version_kept_before_a_reload_is_never_overwritten_or_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("s.ron");
        keep_backup(&s, b"v1", false).unwrap();
        let kept = keep_own_version(&s, b"v2").unwrap();
        keep_backup(&s, b"v3", false).unwrap();
        for i in 0..GENERATIONS + 3 {
            keep_backup(&s, format!("g{i}").as_bytes(), true).unwrap();
        }
        assert_eq!(std::fs::read(&kept).unwrap(), b"v2");
        assert!(list_backups(&s).contains(&kept));
    }

    #[test]
    fn a_backup_folder_that_is_a_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("s.ron");
        assert_eq!(backup_problem(&s, crate::i18n::Lang::En), None);
        std::fs::write(dir.path().join(BACKUP_DIR), "x").unwrap();
        assert!(backup_problem(&s, crate::i18n::Lang::En).unwrap().contains("not a folder"));
        assert!(backup_problem(&s, crate::i18n::Lang::Ca).unwrap().contains("no és una carpeta"));
        assert!(keep_backup(&s, b"x", false).is_err());
    }

    #[test]
    fn recover_restores_newest_good_backup_and_keeps_the_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("s.ron");
        keep_backup(&s, text("good").as_bytes(), true).unwrap();
        keep_backup(&s, b"(not a session", true).unwrap();
        std::fs::write(&s, "(version: 1, meta: (").unwrap();
        let Recovery::Restored { from, damaged, error, .. } = recover(&s).unwrap() else { panic!("not restored") };
        assert!(error.to_string().starts_with(&format!("{}:1:", s.display())), "{error}");
        assert_eq!(std::fs::read_to_string(&s).unwrap(), text("good"));
        assert_eq!(std::fs::read_to_string(damaged.unwrap()).unwrap(), "(version: 1, meta: (");
        assert!(from.exists());
        assert!(matches!(recover(&s).unwrap(), Recovery::NotNeeded));
    }

    #[test]
    fn recover_without_backups_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("s.ron");
        std::fs::write(&s, "garbage").unwrap();
        let err = recover(&s).unwrap_err();
        assert!(matches!(err, RecoverError::NoGoodBackup { tried: 0, .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&s).unwrap(), "garbage");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn binary_garbage_is_recovered_too() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("s.ron");
        keep_backup(&s, text("good").as_bytes(), false).unwrap();
        std::fs::write(&s, [0xff, 0xfe, 0, 1, 2]).unwrap();
        assert!(matches!(recover(&s).unwrap(), Recovery::Restored { damaged: Some(_), .. }));
        assert_eq!(std::fs::read_to_string(&s).unwrap(), text("good"));
    }

    #[test]
    fn a_deleted_file_is_restored() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("s.ron");
        keep_backup(&s, text("good").as_bytes(), false).unwrap();
        let Recovery::Restored { damaged, .. } = recover(&s).unwrap() else { panic!("not restored") };
        assert!(damaged.is_none());
        assert_eq!(std::fs::read_to_string(&s).unwrap(), text("good"));
    }
}
