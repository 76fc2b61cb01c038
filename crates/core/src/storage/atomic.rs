//! Atomic file replacement: a crash, a kill or a full disk leaves either the
//! old file or the new one, never a truncated mix.
//!
//! The temp file (`.NAME.XXXXXX.tmp` beside `NAME`) is held under an exclusive
//! advisory lock while it is written: a sweep of stray temp files
//! ([`remove_stray_temps_beside`]) removes only those no live writer holds, so
//! the temp file of a killed save goes at once and another process's save in
//! flight (a second dafo, a command, a script using this crate) is never cut.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// How many temp files a write makes before giving up when a sweep takes each
/// one away between its creation and its lock. A sweep runs once per open or
/// save, so a second try is nearly always enough; but sweeps of several
/// processes in one folder can take a few in a row on a loaded machine (three
/// did, in 3 % of the unit test's runs under load), and each try costs a
/// create and a lock: a hundred never fail. A temp left empty by a killed
/// write is still swept at once, so killed writes never pile temps up.
const TRIES: usize = 100;

/// Where a temp file cannot be locked (a file system without locks), how old it
/// must be to be taken for a killed write's rather than one in flight.
const UNLOCKABLE_STRAY_AGE: Duration = Duration::from_secs(60);

/// Writes `bytes` to `path` through a temp file in the same directory, fsyncs
/// it, renames it over `path` and fsyncs the directory.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, false)
}

/// Like [`write_atomic`], but only if `path` does not exist yet: the file appears
/// whole or not at all, and a file of that name made meanwhile by another process
/// is never replaced (`ErrorKind::AlreadyExists`).
pub fn write_atomic_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, true)
}

/// `before`, then `path`'s file name byte for byte, then `after`: the names
/// dafo keeps beside a session (its lock, journal, temp files, backups, a
/// damaged copy). A name that is not UTF-8 stays as it is: read as text,
/// `g\xff.ron` and `g\xfe.ron` were both `g�.ron`, and shared one lock, one
/// journal and one set of backups (a save of one pruned the other's, and
/// `recover` filled one with the other session).
pub fn name_with(path: &Path, before: &str, after: &str) -> OsString {
    let mut name = OsString::from(before);
    name.push(path.file_name().unwrap_or_default());
    name.push(after);
    name
}

/// Whether the file name `name` begins with `prefix` and ends with `suffix`, byte for byte.
pub(crate) fn named_between(name: &OsStr, prefix: &OsStr, suffix: &str) -> bool {
    let name = name.as_encoded_bytes();
    name.starts_with(prefix.as_encoded_bytes()) && name.ends_with(suffix.as_bytes())
}

/// The folder `path` is in, and the prefix of its temp files' names.
fn dir_and_prefix(path: &Path) -> (&Path, OsString) {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    (dir, name_with(path, ".", "."))
}

/// A new temp file in `dir` named `{prefix}XXXXXX{suffix}`, made with `mode` (on
/// Unix, less the umask), whose errors are the system's own. tempfile's own
/// `tempfile_in` and the `Write` of its `NamedTempFile` wrap each error with the
/// temp file's path in English (`… (os error 2) at path "/…/.x.md.Ab12Cd.tmp"`),
/// which would reach the user past `i18n::os_error` (docs/errors.md): write
/// through [`NamedTempFile::as_file`] too.
pub fn temp_file_in(dir: &Path, prefix: impl AsRef<OsStr>, suffix: &str, mode: u32) -> io::Result<NamedTempFile> {
    #[cfg(not(unix))]
    let _ = mode;
    tempfile::Builder::new().prefix(&prefix).suffix(suffix).make_in(dir, |path| {
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
        options.open(path)
    })
}

fn write_with(path: &Path, bytes: &[u8], new: bool) -> io::Result<()> {
    let (dir, prefix) = dir_and_prefix(path);
    // Keep the permissions of the file being replaced (a temp file would be owner-only).
    #[cfg(unix)]
    let mode = match std::fs::metadata(path) {
        Ok(meta) => std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o7777,
        Err(_) => 0o644,
    };
    #[cfg(not(unix))]
    let mode = 0o644;
    let mut tries = 0;
    let tmp = loop {
        tries += 1;
        let tmp = temp_file_in(dir, &prefix, ".tmp", mode)?;
        // Held until the rename: a sweep passes over it. Where it cannot be locked
        // (a file system without locks, an NFS mount without its lock daemon) the
        // save goes on all the same, and the sweep goes by age instead.
        if tmp.as_file().lock().is_err() {
            break tmp;
        }
        // A sweep that locked it first (between its creation and this lock) took it away.
        if tmp.path().symlink_metadata().is_ok() || tries == TRIES {
            break tmp;
        }
    };
    tmp.as_file().write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if new {
        // A hard link (or a no-replace rename where links are not supported).
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    } else {
        tmp.persist(path).map_err(|e| e.error)?;
    }
    // Make the rename itself durable. Not every platform can open a directory.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes the temp files of `path` left in `dir` by writes that were killed
/// (their lock went with them), never one a live writer holds; returns those
/// removed. `dir` is `path`'s folder or one that holds copies of it (backups).
pub fn remove_stray_temps_in(dir: &Path, path: &Path) -> Vec<PathBuf> {
    let (_, prefix) = dir_and_prefix(path);
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let now = SystemTime::now();
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| named_between(&e.file_name(), &prefix, ".tmp"))
        .filter_map(|e| remove_if_stray(&e.path(), now).then(|| e.path()))
        .collect()
}

/// [`remove_stray_temps_in`] `path`'s own folder.
pub fn remove_stray_temps_beside(path: &Path) -> Vec<PathBuf> {
    remove_stray_temps_in(dir_and_prefix(path).0, path)
}

/// Removes the temp file at `tmp` if no writer holds it: removed under its
/// lock, so a writer that opened it meanwhile finds it gone and makes another.
fn remove_if_stray(tmp: &Path, now: SystemTime) -> bool {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // A FIFO or a link put in its place meanwhile is neither waited on nor followed.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK | libc::O_NOFOLLOW);
    let Ok(file) = options.open(tmp) else { return false };
    let Ok(meta) = file.metadata() else { return false };
    if !meta.is_file() {
        return false;
    }
    match file.try_lock() {
        Ok(()) => std::fs::remove_file(tmp).is_ok(),
        Err(std::fs::TryLockError::WouldBlock) => false,
        // No locks here: only a temp file too old to be a save in flight goes.
        Err(std::fs::TryLockError::Error(_)) => {
            let old = (meta.modified().ok())
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age >= UNLOCKABLE_STRAY_AGE);
            old && std::fs::remove_file(tmp).is_ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_of_the_replaced_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"one").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o600, 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn a_new_file_never_replaces_one_made_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        write_atomic_new(&path, b"first").unwrap();
        let err = write_atomic_new(&path, b"second").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// A temp file named as a write of `s.ron` makes it, in `dir`.
    fn temp_of_s_ron(dir: &Path, tag: &str) -> PathBuf {
        let tmp = dir.join(format!(".s.ron.{tag}.tmp"));
        std::fs::write(&tmp, "half").unwrap();
        tmp
    }

    #[test]
    fn a_killed_write_s_temp_goes_and_a_live_one_s_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let killed = temp_of_s_ron(dir.path(), "k1ll3d");
        let live = temp_of_s_ron(dir.path(), "l1v3ly");
        let other = dir.path().join(".other.ron.abc123.tmp");
        std::fs::write(&other, "x").unwrap();
        // A writer in another process holds its temp file's lock until the rename.
        let held = File::open(&live).unwrap();
        held.lock().unwrap();
        assert_eq!(remove_stray_temps_beside(&path), vec![killed.clone()]);
        assert!(!killed.exists() && live.exists() && other.exists());
        drop(held);
        // Another test of this process spawning a program (`mkfifo`) may hold a
        // copy of the descriptor, and with it the lock, between its fork and its
        // exec: the temp goes at the next sweep after that instant.
        let mut swept = remove_stray_temps_beside(&path);
        for _ in 0..100 {
            if !swept.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
            swept = remove_stray_temps_beside(&path);
        }
        assert_eq!(swept, vec![live]);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_link_named_as_a_temp_is_neither_waited_on_nor_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let fifo = dir.path().join(".s.ron.f1f0.tmp");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let target = dir.path().join("precious.txt");
        std::fs::write(&target, "keep").unwrap();
        let link = dir.path().join(".s.ron.l1nk.tmp");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        // Returns (a FIFO with no writer would block a plain open) and removes neither.
        assert_eq!(remove_stray_temps_beside(&path), Vec::<PathBuf>::new());
        assert!(fifo.exists() && link.symlink_metadata().is_ok());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    }

    #[test]
    fn a_write_whose_temp_a_sweep_took_makes_another() {
        // The sweep's side of the race: it locked and removed a temp file that a
        // writer had just made. The writer, locking after it, finds it gone.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let sweeper = std::thread::spawn({
            let path = path.clone();
            move || {
                let mut swept = 0;
                for _ in 0..2000 {
                    swept += remove_stray_temps_beside(&path).len();
                }
                swept
            }
        });
        for round in 0..200 {
            write_atomic(&path, format!("round {round}").as_bytes()).unwrap();
            assert_eq!(std::fs::read_to_string(&path).unwrap(), format!("round {round}"));
        }
        // Only this test's writes were there to sweep, and none was cut short: a
        // temp swept before its lock was replaced by another.
        let _ = sweeper.join().unwrap();
    }

    #[test]
    fn missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomic(&dir.path().join("nope/s.ron"), b"x").is_err());
    }

    /// A failed write is the system's own error, as `i18n::os_error` says it: no
    /// English "at path" and no temp file's name (tempfile's wrapper added both).
    #[cfg(unix)]
    #[test]
    fn a_failed_write_is_the_system_s_own_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.ron");
        write_atomic(&file, b"x").unwrap();
        for (path, code) in [(dir.path().join("nope/s.ron"), libc::ENOENT), (file.join("x.md"), libc::ENOTDIR)] {
            for e in [write_atomic(&path, b"x").unwrap_err(), write_atomic_new(&path, b"x").unwrap_err()] {
                assert_eq!(e.raw_os_error(), Some(code), "{e}");
                assert!(!e.to_string().contains(".tmp") && !e.to_string().contains("at path"), "{e}");
            }
        }
    }
}
