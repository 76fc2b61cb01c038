//! An open session file, as the TUI holds it: the lock (or why it is read-only), the
//! fingerprint of what is on disk, and save / check / reload that keep them in step.

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::Session;

use super::backup::keep_damaged;
use super::disk::{DiskChange, DiskState, check_disk, load_session, remove_stray_temps};
use super::format::LoadError;
use super::lock::{LockError, SessionLock};
use super::save::{SaveError, SaveReport, save_session};

/// A session file opened by this dafo. `Send`, so saving can run off the input thread.
#[derive(Debug)]
pub struct SessionFile {
    path: PathBuf,
    lock: Result<SessionLock, LockError>,
    disk: Option<DiskState>,
}

impl SessionFile {
    /// Opens and reads `path`. If another dafo holds it (or the lock cannot be made,
    /// e.g. a read-only folder) the file opens read-only: see [`SessionFile::read_only`].
    pub fn open(path: &Path) -> Result<(SessionFile, Session), LoadError> {
        let lock = SessionLock::acquire(path);
        if lock.is_ok() {
            remove_stray_temps(path);
        }
        let loaded = load_session(path)?;
        Ok((SessionFile { path: path.to_owned(), lock, disk: Some(loaded.disk) }, loaded.session))
    }

    /// Creates `path` with `session`; fails if it exists or another dafo holds it.
    pub fn create(path: &Path, session: &Session) -> Result<(SessionFile, SaveReport), SaveError> {
        let lock = SessionLock::acquire(path).map_err(|e| lock_to_save_error(path, e))?;
        let mut file = SessionFile { path: path.to_owned(), lock: Ok(lock), disk: None };
        let report = file.save(session)?;
        Ok((file, report))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why this file cannot be saved (another dafo holds it, or no lock could be
    /// made), or `None` when it is open for writing. Show it in the status line.
    pub fn read_only(&self) -> Option<&LockError> {
        self.lock.as_ref().err()
    }

    /// The lock left by a dafo that crashed or was killed, if this open took it over.
    pub fn took_over(&self) -> Option<&super::lock::LockInfo> {
        self.lock.as_ref().ok()?.took_over()
    }

    /// Saves `session` unless the file changed on disk since the last load or save
    /// (`SaveError::ChangedOnDisk`: then [`SessionFile::reload`] or
    /// [`SessionFile::overwrite`]). On any error the file on disk is as it was.
    pub fn save(&mut self, session: &Session) -> Result<SaveReport, SaveError> {
        if let Err(e) = &self.lock {
            return Err(SaveError::NotHeld { path: self.path.clone(), reason: e.to_string() });
        }
        let report = save_session(&self.path, session, self.disk.as_ref())?;
        self.disk = Some(report.disk.clone());
        Ok(report)
    }

    /// "Keep mine": replaces the version another program wrote (`now`, from
    /// `ChangedOnDisk`) after keeping it as a backup. Refuses if it does not read.
    pub fn overwrite(&mut self, session: &Session, now: DiskState) -> Result<SaveReport, SaveError> {
        self.disk = Some(now);
        self.save(session)
    }

    /// "Replace it with mine" for a file that no longer reads (`SaveError::Unreadable`,
    /// or `check` then `reload` failing): copies the damaged file to
    /// `<file>.damaged-<time>`, then saves `session`. Returns the copy's path.
    pub fn replace_damaged(&mut self, session: &Session) -> Result<(SaveReport, Option<PathBuf>), SaveError> {
        if let Err(e) = &self.lock {
            return Err(SaveError::NotHeld { path: self.path.clone(), reason: e.to_string() });
        }
        if load_session(&self.path).is_ok() {
            // It reads: the ordinary rules apply (changed on disk is not damaged).
            return self.save(session).map(|report| (report, None));
        }
        let kept = keep_damaged(&self.path).map_err(|e| SaveError::from_io(&self.path, e))?;
        let now = std::fs::read(&self.path).ok().map(|bytes| DiskState::of(&self.path, &bytes, true));
        let report = save_session(&self.path, session, now.as_ref())?;
        self.disk = Some(report.disk.clone());
        Ok((report, kept))
    }

    /// Whether another program changed the file since the last load or save; poll it
    /// about once a second.
    pub fn check(&self) -> io::Result<DiskChange> {
        match &self.disk {
            Some(disk) => check_disk(&self.path, disk),
            // Never written by us: any file there now came from elsewhere.
            None => match std::fs::read(&self.path) {
                Ok(bytes) => Ok(DiskChange::Modified(DiskState::of(&self.path, &bytes, false))),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(DiskChange::Unchanged),
                Err(e) => Err(e),
            },
        }
    }

    /// Reads the file again (after another program changed it), taking its fingerprint.
    pub fn reload(&mut self) -> Result<Session, LoadError> {
        let loaded = load_session(&self.path)?;
        self.disk = Some(loaded.disk);
        Ok(loaded.session)
    }
}

fn lock_to_save_error(path: &Path, e: LockError) -> SaveError {
    SaveError::NotHeld { path: path.to_owned(), reason: e.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn session(title: &str) -> Session {
        Session::new(title, Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn create_save_reload_cycle() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (mut file, _) = SessionFile::create(&path, &session("uno")).unwrap();
        assert!(file.read_only().is_none());
        file.save(&session("dos")).unwrap();
        assert_eq!(file.check().unwrap(), DiskChange::Unchanged);
        // Another program writes it.
        crate::storage::save(&path, &session("suyo")).unwrap();
        let DiskChange::Modified(now) = file.check().unwrap() else { panic!("change not noticed") };
        assert!(matches!(file.save(&session("tres")), Err(SaveError::ChangedOnDisk { .. })));
        assert_eq!(file.reload().unwrap().meta.title, "suyo");
        file.save(&session("tres")).unwrap();
        // And again, this time keeping ours.
        crate::storage::save(&path, &session("suyo 2")).unwrap();
        file.overwrite(&session("cuatro"), now).unwrap_err();
        let DiskChange::Modified(now) = file.check().unwrap() else { panic!() };
        file.overwrite(&session("cuatro"), now).unwrap();
        assert_eq!(crate::storage::load(&path).unwrap().meta.title, "cuatro");
    }

    #[test]
    fn a_damaged_file_is_replaced_only_after_keeping_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (mut file, _) = SessionFile::create(&path, &session("uno")).unwrap();
        std::fs::write(&path, "(version: 1, me").unwrap();
        let err = file.save(&session("dos")).unwrap_err();
        assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
        let (_, kept) = file.replace_damaged(&session("dos")).unwrap();
        assert_eq!(std::fs::read_to_string(kept.unwrap()).unwrap(), "(version: 1, me");
        assert_eq!(crate::storage::load(&path).unwrap().meta.title, "dos");
        file.save(&session("tres")).unwrap();
    }

    #[test]
    fn a_second_window_is_read_only_and_cannot_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (_first, _) = SessionFile::create(&path, &session("uno")).unwrap();
        let (mut second, s) = SessionFile::open(&path).unwrap();
        assert_eq!(s.meta.title, "uno");
        assert!(matches!(second.read_only(), Some(LockError::Held { .. })));
        let err = second.save(&session("dos")).unwrap_err();
        assert!(err.to_string().contains("another dafo"), "{err}");
        assert!(SessionFile::create(&dir.path().join("s.ron"), &session("x")).is_err());
    }
}
