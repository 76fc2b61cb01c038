//! One writer per session file: a lock file beside the session that says who holds it.
//!
//! `.name.ron.lock` holds the pid, host name and start time of the dafo that has the
//! session open for writing, and that process keeps an advisory lock (`flock`) on it.
//! The kernel drops the advisory lock when the process dies, however it dies, so a lock
//! left behind by a crashed or killed dafo is taken over at once. Where the file system
//! has no advisory locks, a lock on the same host whose pid is gone counts as stale.
//!
//! The lock file is opened without following links and must be a regular file: a
//! `.name.ron.lock` planted as a symlink can never make dafo write outside it.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Who holds (or held) a session file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    pub pid: u32,
    pub host: String,
    pub since: Timestamp,
}

impl LockInfo {
    /// This process, now.
    pub fn current() -> LockInfo {
        LockInfo { pid: std::process::id(), host: host_name(), since: Timestamp::now() }
    }

    /// True when the holder is on this host and its process is gone (Linux: no `/proc/<pid>`).
    /// On other systems a pid cannot be checked without unsafe code, so the holder counts as alive.
    pub fn is_stale(&self) -> bool {
        self.host == host_name() && cfg!(target_os = "linux") && !Path::new(&format!("/proc/{}", self.pid)).exists()
    }
}

/// Why a session could not be locked for writing.
#[derive(Debug, Error)]
pub enum LockError {
    /// Another dafo has the session open (`path` is the session's): open it read-only and say who.
    #[error("{} is open in another dafo (pid {pid} on {host}, since {since})", path.display())]
    Held { path: PathBuf, pid: u32, host: String, since: Timestamp },
    #[error("{}: cannot create the lock file ({}); {}", path.display(), reason(source), advice(source))]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The lock file is a symlink, a folder or a device: dafo never writes through it.
    #[error("{}: the lock file is not a regular file (a link or a folder?); dafo will not write through it. Remove it if it is not yours", path.display())]
    NotRegular { path: PathBuf },
    /// The session file itself is marked read-only (`chmod 444`): it opens read-only.
    #[error("{}: the file is marked read-only; dafo will not change it. Make it writable (chmod u+w) or save under another name", path.display())]
    FileReadOnly { path: PathBuf },
}

impl LockError {
    /// Whether the holder is a `dafo review` on this machine (a short-lived
    /// command, worth waiting for) or already gone: read from
    /// `/proc/<pid>/cmdline`; `false` where there is no `/proc`.
    pub fn held_by_review(&self) -> bool {
        let LockError::Held { pid, host, .. } = self else { return false };
        if *host != host_name() {
            return false;
        }
        if !Path::new("/proc/self").exists() {
            return false;
        }
        // A holder gone by now, or exiting (its cmdline reads empty), is worth another try too.
        std::fs::read(format!("/proc/{pid}/cmdline"))
            .map_or(true, |cmd| cmd.is_empty() || cmd.split(|b| *b == 0).skip(1).any(|arg| arg == b"review"))
    }

    /// The holder as the lock file names it: pid, host, since.
    pub fn identity(&self) -> Option<(u32, String, Timestamp)> {
        match self {
            LockError::Held { pid, host, since, .. } => Some((*pid, host.clone(), *since)),
            _ => None,
        }
    }

    /// When the holder took the file, in local time, its day as `lang` writes
    /// dates: "06/12/2026 10:02", "2026-12-06 10:02".
    pub fn holder_since(&self, lang: crate::i18n::Lang) -> Option<String> {
        let LockError::Held { since, .. } = self else { return None };
        let local = since.to_zoned(crate::clock::local_zone());
        Some(format!("{} {}", lang.locale().date(local.date()), local.strftime("%H:%M")))
    }

    /// The same error again (an [`io::Error`] cannot be cloned: its kind, code and
    /// text are kept), for a save refused while the file is open read-only.
    pub fn duplicate(&self) -> LockError {
        match self {
            LockError::Held { path, pid, host, since } => {
                LockError::Held { path: path.clone(), pid: *pid, host: host.clone(), since: *since }
            }
            LockError::Io { path, source } => {
                let source = source
                    .raw_os_error()
                    .map_or_else(|| io::Error::new(source.kind(), source.to_string()), io::Error::from_raw_os_error);
                LockError::Io { path: path.clone(), source }
            }
            LockError::NotRegular { path } => LockError::NotRegular { path: path.clone() },
            LockError::FileReadOnly { path } => LockError::FileReadOnly { path: path.clone() },
        }
    }

    /// Who holds the file, for a second instance: "pid 42, host, 06/12/2026 10:02".
    pub fn holder(&self, lang: crate::i18n::Lang) -> Option<String> {
        match self {
            LockError::Held { pid, host, .. } => Some(format!("pid {pid}, {host}, {}", self.holder_since(lang)?)),
            _ => None,
        }
    }
}

impl LockError {
    /// Why the session is read-only, short enough for the status line, in `lang`.
    pub fn summary(&self, lang: crate::i18n::Lang) -> String {
        match self {
            LockError::Held { .. } => {
                let who = self.holder(lang).unwrap_or_default();
                format!("{} ({who})", lang.text().ui.open_elsewhere)
            }
            LockError::Io { source, .. } => match source.kind() {
                io::ErrorKind::ReadOnlyFilesystem => lang.text().ui.lock_read_only_fs.to_owned(),
                io::ErrorKind::PermissionDenied => lang.text().ui.lock_no_permission.to_owned(),
                io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => lang.text().ui.lock_disk_full.to_owned(),
                _ => format!("{}: {}", lang.text().ui.lock_cannot_create, crate::i18n::os_error(source, lang)),
            },
            LockError::NotRegular { .. } => lang.text().ui.lock_not_regular.to_owned(),
            LockError::FileReadOnly { .. } => lang.text().ui.file_read_only.to_owned(),
        }
    }
}

/// The cause of an I/O error in words, without Rust's "(os error 30)" noise.
fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::ReadOnlyFilesystem => "read-only file system".to_owned(),
        io::ErrorKind::PermissionDenied => "no permission to write in the folder".to_owned(),
        io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "no space or inodes left".to_owned(),
        _ => e.to_string(),
    }
}

fn advice(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "free some space; the file opens read-only",
        _ => "the file opens read-only; copy it to a writable folder to edit it",
    }
}

/// The right to write one session file, held until dropped (the lock file is then removed).
#[derive(Debug)]
pub struct SessionLock {
    path: PathBuf,
    file: File,
    stale: Option<LockInfo>,
}

/// The lock file of a session: `.name.ron.lock` in the same folder.
pub fn lock_path(session: &Path) -> PathBuf {
    session.with_file_name(super::atomic::name_with(session, ".", ".lock"))
}

impl SessionLock {
    /// Takes the lock of `session` (the session file itself need not exist yet).
    pub fn acquire(session: &Path) -> Result<SessionLock, LockError> {
        let path = lock_path(session);
        let io_err = |source| LockError::Io { path: path.clone(), source };
        // A holder that is releasing removes the file; then we retry on the new one.
        for _ in 0..50 {
            let mut file = open_no_follow(&path).map_err(|source| {
                // ELOOP: the last component is a symlink.
                if is_link_error(&source) { LockError::NotRegular { path: path.clone() } } else { io_err(source) }
            })?;
            if !file.metadata().map_err(io_err)?.is_file() {
                return Err(LockError::NotRegular { path });
            }
            let locked = match file.try_lock() {
                Ok(()) => true,
                Err(std::fs::TryLockError::WouldBlock) => false,
                // No advisory locks on this file system: fall back to pid checks.
                Err(std::fs::TryLockError::Error(_)) => !matches!(read_info(&mut file),
                    Some(info) if info.pid != std::process::id() && !info.is_stale()),
            };
            if !locked {
                return Err(held(session, &mut file));
            }
            if !same_file(&file, &path) {
                continue;
            }
            let stale = read_info(&mut file);
            write_info(&mut file, &LockInfo::current()).map_err(io_err)?;
            return Ok(SessionLock { path, file, stale });
        }
        Err(io_err(io::Error::other("the lock file keeps changing")))
    }

    /// The holder whose lock was left behind (a crashed or killed dafo), if any.
    pub fn took_over(&self) -> Option<&LockInfo> {
        self.stale.as_ref()
    }

    /// Where the lock file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A second handle on the lock file, to make the holder's name durable with
    /// `sync_all` off the caller's path: the advisory lock is what excludes other
    /// writers, and it is held already. An fsync can take milliseconds, and
    /// opening a session must not wait for one before its first frame.
    pub fn handle(&self) -> io::Result<File> {
        self.file.try_clone()
    }

    /// Makes the holder's name durable on a thread of its own (a take-over, while
    /// the user works); on this one if no thread can start.
    pub fn sync_in_background(&self) {
        if let Ok(copy) = self.handle() {
            let spawned = std::thread::Builder::new().name("dafo-lock-sync".to_owned()).spawn(move || copy.sync_all());
            if spawned.is_err() {
                let _ = self.file.sync_all();
            }
        }
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Remove it while still holding it; the advisory lock goes with the descriptor.
        if same_file(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Opens (creating) the lock file without following a symlink in its last component.
fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: a FIFO planted as the lock file must not hang the open.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::other("symlink"));
    }
    options.open(path)
}

fn is_link_error(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        e.kind() == io::ErrorKind::Other
    }
}

fn held(path: &Path, file: &mut File) -> LockError {
    // The holder may have just created the file and not written its name yet.
    for _ in 0..20 {
        if let Some(info) = read_info(file) {
            return LockError::Held { path: path.to_owned(), pid: info.pid, host: info.host, since: info.since };
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    LockError::Held { path: path.to_owned(), pid: 0, host: "?".to_owned(), since: Timestamp::UNIX_EPOCH }
}

fn read_info(file: &mut File) -> Option<LockInfo> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    ron::from_str(&text).ok()
}

fn write_info(file: &mut File, info: &LockInfo) -> io::Result<()> {
    let text = ron::to_string(info).map_err(io::Error::other)?;
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")
}

/// Whether `path` still names the file we hold (another dafo may have removed and recreated it).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    // Windows does not let an open file be removed, so the name cannot change under us.
    path.exists()
}

fn host_name() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_is_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let lock = SessionLock::acquire(&session).unwrap();
        assert!(lock.took_over().is_none());
        assert!(lock.path().ends_with(".s.ron.lock"));
        assert!(matches!(SessionLock::acquire(&session), Err(LockError::Held { path, .. }) if path == session));
        let err = SessionLock::acquire(&session).unwrap_err();
        let LockError::Held { pid, host, .. } = &err else { panic!("{err}") };
        assert_eq!(*pid, std::process::id());
        assert_eq!(*host, host_name());
        assert!(err.to_string().contains("another dafo"), "{err}");
        drop(lock);
        assert!(!lock_path(&session).exists());
        SessionLock::acquire(&session).unwrap();
    }

    #[test]
    fn a_lock_left_by_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let dead = LockInfo { pid: u32::MAX - 1, host: host_name(), since: Timestamp::UNIX_EPOCH };
        std::fs::write(lock_path(&session), ron::to_string(&dead).unwrap()).unwrap();
        assert!(!cfg!(target_os = "linux") || dead.is_stale());
        let lock = SessionLock::acquire(&session).unwrap();
        assert_eq!(lock.took_over(), Some(&dead));
        let text = std::fs::read_to_string(lock_path(&session)).unwrap();
        assert!(text.contains(&format!("pid:{}", std::process::id())), "{text}");
    }

    #[test]
    fn live_processes_are_not_stale() {
        assert!(!LockInfo::current().is_stale());
        let elsewhere = LockInfo { host: "another-host".into(), pid: u32::MAX - 1, ..LockInfo::current() };
        assert!(!elsewhere.is_stale());
    }

    #[test]
    fn unwritable_folder_is_a_clear_error() {
        let err = SessionLock::acquire(Path::new("/nonexistent-dafo-dir/s.ron")).unwrap_err();
        assert!(matches!(err, LockError::Io { .. }));
        assert!(err.to_string().contains("does not exist"), "{err}");
        assert!(!err.to_string().contains("another dafo"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_planted_as_a_symlink_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("real.ron");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, lock_path(&session)).unwrap();
        let err = SessionLock::acquire(&session).unwrap_err();
        assert!(matches!(err, LockError::NotRegular { .. }), "{err:?}");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        // A dangling link is not followed to create its target either.
        let nowhere = dir.path().join("created-by-dafo.txt");
        std::fs::remove_file(lock_path(&session)).unwrap();
        std::os::unix::fs::symlink(&nowhere, lock_path(&session)).unwrap();
        assert!(SessionLock::acquire(&session).is_err());
        assert!(!nowhere.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_folder_or_a_fifo_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        std::fs::create_dir(lock_path(&session)).unwrap();
        assert!(matches!(
            SessionLock::acquire(&session),
            Err(LockError::NotRegular { .. }) | Err(LockError::Io { .. })
        ));
        let other = dir.path().join("t.ron");
        let fifo = std::process::Command::new("mkfifo").arg(lock_path(&other)).status();
        if fifo.is_ok_and(|s| s.success()) {
            assert!(matches!(SessionLock::acquire(&other), Err(LockError::NotRegular { .. })));
        }
    }

    #[test]
    fn the_holder_is_named() {
        let since = Timestamp::from_second(86_400 * 40).unwrap();
        let err = LockError::Held { path: "s.ron".into(), pid: 42, host: "sala".into(), since };
        let who = err.holder(crate::i18n::Lang::En).unwrap();
        assert!(who.contains("42") && who.contains("sala") && who.contains("1970-02-"), "{who}");
        // The day as the language writes dates, as every other date of its screens.
        let who = err.holder(crate::i18n::Lang::Es).unwrap();
        assert!(who.contains("/02/1970 "), "{who}");
        assert!(err.message(crate::i18n::Lang::Ca).contains("/02/1970 "), "{}", err.message(crate::i18n::Lang::Ca));
    }
}
