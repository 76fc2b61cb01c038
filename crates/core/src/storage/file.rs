//! An open session file, as the TUI holds it: the lock (or why it is read-only), the
//! fingerprint of what is on disk, and save / check / reload that keep them in step.
//!
//! A session opened through a symlink is resolved first, as editors do: saves go
//! atomically next to the target (the link stays a link) and the lock is taken on the
//! target, so the link and the target opened at once still give one writer.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::domain::{Edit, Session};

use super::backup::keep_damaged;
use super::disk::{DiskChange, DiskState, Loaded, check_disk, load_session, read_stamped, remove_stray_temps};
use super::format::{LoadError, to_ron};
use super::journal::{self, Journal, Replay};
use super::lock::{LockError, SessionLock};
use super::save::{SaveError, SaveReport, save_session, save_text_backed};

/// Longest the newest backup may lag behind the autosaves: an autosave rewrites
/// only the session, and refreshes the backup when the last one is this old (a
/// save asked for with `Ctrl-s`, the save on leaving and leaving itself always do).
pub const BACKUP_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// A session file opened by this dafo. `Send`, so saving can run off the input thread.
#[derive(Debug)]
pub struct SessionFile {
    path: PathBuf,
    lock: Result<SessionLock, LockError>,
    disk: Option<DiskState>,
    /// A failing backup was already reported (it is said once, not on every save).
    backup_said: bool,
    /// When this dafo last refreshed the newest backup.
    backed_up_at: Option<std::time::Instant>,
    /// The last save is not in a backup yet (none was due).
    backup_behind: bool,
    /// The text of dafo's last save, kept as a backup before a reload replaces it.
    last_written: Option<String>,
    /// Where that version went at the last reload.
    kept: Option<PathBuf>,
    /// Each change, durable at once until the next save (see [`super::journal`]);
    /// shared with the thread that writes its records, so that a record never
    /// waits for a save.
    journal: Arc<Mutex<Journal>>,
    /// What opening did with a journal left by a dafo that stopped.
    replayed: Option<Replay>,
}

impl SessionFile {
    /// Opens and reads `path`. If another dafo holds it (or the lock cannot be made,
    /// e.g. a read-only folder) the file opens read-only: see [`SessionFile::read_only`].
    pub fn open(path: &Path) -> Result<(SessionFile, Session), LoadError> {
        let path = resolve_link(path);
        let path = path.as_path();
        let lock = if is_marked_read_only(path) {
            Err(LockError::FileReadOnly { path: path.to_owned() })
        } else {
            SessionLock::acquire(path)
        };
        let mut loaded = load_session(path)?;
        let replayed = if lock.is_ok() && journal::enabled() { replay_journal(path, &mut loaded) } else { None };
        let mut file = SessionFile::new(path, lock);
        file.set_disk(loaded.disk);
        file.replayed = replayed;
        Ok((file, loaded.session))
    }

    fn new(path: &Path, lock: Result<SessionLock, LockError>) -> SessionFile {
        let mut journal = Journal::new(path);
        journal.active = lock.is_ok() && journal::enabled();
        SessionFile {
            path: path.to_owned(),
            lock,
            disk: None,
            backup_said: false,
            backed_up_at: None,
            backup_behind: false,
            last_written: None,
            kept: None,
            journal: Arc::new(Mutex::new(journal)),
            replayed: None,
        }
    }

    /// Creates `path` with `session`; fails if it exists or another dafo holds it.
    pub fn create(path: &Path, session: &Session) -> Result<(SessionFile, SaveReport), SaveError> {
        let lock = SessionLock::acquire(path).map_err(|e| match e {
            LockError::Held { .. } => SaveError::AlreadyExists { path: path.to_owned() },
            e => lock_to_save_error(path, e),
        })?;
        let mut file = SessionFile::new(path, Ok(lock));
        let report = file.save(session)?;
        Ok((file, report))
    }

    /// Creates a new session file in `dir` named after its title: `title.ron`, or the
    /// next free `title-2.ron`, `title-3.ron`... when that one is taken, even by a
    /// dafo creating it at this very moment (the file is created exclusively).
    pub fn create_new(dir: &Path, session: &Session) -> Result<(SessionFile, SaveReport), SaveError> {
        let mut taken = 0;
        loop {
            let path = super::names::new_session_path_after(dir, &session.meta.title, taken);
            match SessionFile::create(&path, session) {
                Err(SaveError::AlreadyExists { .. }) if taken < 10_000 => taken += 1,
                other => return other,
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The housekeeping an open defers until its first frame is drawn: removes the
    /// temp files a killed save left (every save does so too) and returns a handle
    /// on the lock file to fsync off this thread. `None` when the lock is not held.
    pub fn after_open(&mut self) -> Option<std::fs::File> {
        let handle = self.lock.as_ref().ok()?.handle().ok();
        remove_stray_temps(&self.path);
        handle
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
    /// The newest backup is refreshed when the last one is [`BACKUP_EVERY`] old.
    pub fn save(&mut self, session: &Session) -> Result<SaveReport, SaveError> {
        self.save_text(to_ron(session))
    }

    /// [`SessionFile::save`] of a session already serialized (`text` is
    /// [`to_ron`] of it), so that the session itself need not be held while the
    /// file is written.
    pub fn save_text(&mut self, text: String) -> Result<SaveReport, SaveError> {
        let due = self.backed_up_at.is_none_or(|t| t.elapsed() >= BACKUP_EVERY);
        self.save_backed(text, due)
    }

    /// [`SessionFile::save`] that refreshes the newest backup too, due or not
    /// (`Ctrl-s`, leaving).
    pub fn save_with_backup(&mut self, session: &Session) -> Result<SaveReport, SaveError> {
        self.save_backed(to_ron(session), true)
    }

    /// [`SessionFile::save_with_backup`] of a session already serialized.
    pub fn save_text_with_backup(&mut self, text: String) -> Result<SaveReport, SaveError> {
        self.save_backed(text, true)
    }

    fn save_backed(&mut self, text: String, backup: bool) -> Result<SaveReport, SaveError> {
        if let Err(e) = &self.lock {
            return Err(SaveError::NotHeld { path: self.path.clone(), reason: Box::new(e.duplicate()) });
        }
        let mut report = save_text_backed(&self.path, text, self.disk.as_ref(), backup)?;
        self.backup_behind = !matches!(report.backup, Ok(Some(_)));
        if !self.backup_behind {
            self.backed_up_at = Some(std::time::Instant::now());
        }
        self.written(report.disk.clone());
        self.last_written = Some(std::mem::take(&mut report.text));
        self.note_backup(&mut report);
        Ok(report)
    }

    /// Saves `session` as it is in memory now (the editor's `revision`), newer than
    /// every journal record (when leaving, after every job under way): a good save
    /// removes the journal too.
    pub fn save_latest(&mut self, session: &Session, revision: u64) -> Result<SaveReport, SaveError> {
        let report = self.save_with_backup(session)?;
        self.saved(revision);
        Ok(report)
    }

    /// The editor's `revision` is on disk (a good save of it, made after every
    /// record written so far): the journal goes, and changes up to that revision
    /// are never journaled again.
    pub fn saved(&mut self, revision: u64) {
        let disk = self.disk.as_ref().map_or(0, DiskState::content_hash);
        self.journal_guard().saved(revision, disk);
    }

    /// The session on disk is the latest (nothing is left unsaved): the journal goes.
    pub fn clear_journal(&mut self) {
        self.journal_guard().clear();
    }

    /// Leaving with nothing left to save: the last save goes to the newest backup
    /// if no backup was due when it was made.
    pub fn back_up_last_save(&mut self) {
        let Some(text) = self.last_written.as_ref().filter(|_| self.backup_behind) else { return };
        if super::backup::keep_backup(&self.path, text.as_bytes(), false).is_ok() {
            self.backup_behind = false;
            self.backed_up_at = Some(std::time::Instant::now());
        }
    }

    /// The journal, shared with the thread that writes its records.
    pub fn journal_handle(&self) -> Arc<Mutex<Journal>> {
        Arc::clone(&self.journal)
    }

    fn journal_guard(&self) -> MutexGuard<'_, Journal> {
        self.journal.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The file on disk is now `disk`, read here: new journals follow it.
    fn set_disk(&mut self, disk: DiskState) {
        self.journal_guard().disk = disk.content_hash();
        self.disk = Some(disk);
    }

    /// The file on disk is now `disk`, written here. A journal with records in it
    /// still follows the version before until [`SessionFile::saved`] says which
    /// revision this save holds: the journal's thread may append a change made
    /// meanwhile, and it belongs after that journal's records, not in a new
    /// journal of this file that would start without them. Without records, new
    /// ones follow this file at once (`create`, `dafo review`).
    fn written(&mut self, disk: DiskState) {
        let mut journal = self.journal_guard();
        if !journal.holds_changes() {
            journal.disk = disk.content_hash();
        }
        drop(journal);
        self.disk = Some(disk);
    }

    /// Makes `changes` (each edit with the editor's revision it made, oldest first,
    /// not saved yet) durable at once in the journal; those a save already holds
    /// are left out. Does nothing for a read-only file or with `DAFO_JOURNAL=off`.
    pub fn journal(&mut self, changes: &[(u64, Edit)], ids: &BTreeMap<String, u64>) -> io::Result<()> {
        self.journal_guard().append(changes, ids)
    }

    /// What opening did with a journal a stopped dafo left: replayed it into the
    /// file, or kept it aside (at the path it names). `None` when there was none.
    pub fn journal_found(&self) -> Option<&Replay> {
        self.replayed.as_ref().filter(|r| !matches!(r, Replay::Nothing))
    }

    /// Changes found in a journal on opening (a dafo stopped before saving them):
    /// `Some(true)` when they were replayed and saved, `Some(false)` when the journal
    /// could not be replayed and was kept aside.
    pub fn replayed(&self) -> Option<bool> {
        match &self.replayed {
            Some(Replay::Newer(..)) => Some(true),
            Some(Replay::SetAside(..) | Replay::Refused(..)) => Some(false),
            _ => None,
        }
    }

    /// Sets `report.backup_warning` the first time backups fail (and again after they
    /// worked in between), so the user is told once.
    fn note_backup(&mut self, report: &mut SaveReport) {
        match &report.backup {
            Ok(_) => self.backup_said = false,
            Err(e) if !self.backup_said => {
                self.backup_said = true;
                report.backup_warning = Some(e.clone());
            }
            Err(_) => {}
        }
    }

    /// "Keep mine": replaces the version another program wrote (`now`, from
    /// `ChangedOnDisk`) after keeping it as a backup. Refuses if it does not read.
    pub fn overwrite(&mut self, session: &Session, now: DiskState) -> Result<SaveReport, SaveError> {
        self.overwrite_text(to_ron(session), now)
    }

    /// [`SessionFile::overwrite`] with a session already serialized.
    pub fn overwrite_text(&mut self, text: String, now: DiskState) -> Result<SaveReport, SaveError> {
        // Only what the save compares against: the journal keeps following our
        // version until the save is done (should it fail, our changes stay in it).
        self.disk = Some(now);
        self.save_text(text)
    }

    /// "Replace it with mine" for a file that no longer reads (`SaveError::Unreadable`,
    /// or `check` then `reload` failing): copies the damaged file to
    /// `<file>.damaged-<time>`, then saves `session`. Returns the copy's path.
    pub fn replace_damaged(&mut self, session: &Session) -> Result<(SaveReport, Option<PathBuf>), SaveError> {
        self.replace_damaged_text(to_ron(session))
    }

    /// [`SessionFile::replace_damaged`] with a session already serialized.
    pub fn replace_damaged_text(&mut self, text: String) -> Result<(SaveReport, Option<PathBuf>), SaveError> {
        if let Err(e) = &self.lock {
            return Err(SaveError::NotHeld { path: self.path.clone(), reason: Box::new(e.duplicate()) });
        }
        match load_session(&self.path) {
            // It reads: the ordinary rules apply (changed on disk is not damaged).
            Ok(_) => return self.save_text(text).map(|report| (report, None)),
            // Written by a newer dafo: not damaged, and never overwritten (it
            // was set aside as damaged and replaced by an older version).
            Err(error @ LoadError::TooNew { .. }) => return Err(SaveError::Unreadable { error: Box::new(error) }),
            Err(_) => {}
        }
        let kept = keep_damaged(&self.path).map_err(|e| SaveError::from_io(&self.path, e))?;
        // Damaged and kept aside: it is replaced even though it does not read.
        let now = read_stamped(&self.path).ok().map(|(_, mut state)| {
            state.parses = true;
            state
        });
        let mut report = save_text_backed(&self.path, text, now.as_ref(), true)?;
        self.written(report.disk.clone());
        self.last_written = Some(std::mem::take(&mut report.text));
        Ok((report, kept))
    }

    /// Whether another program changed the file since the last load or save; poll it
    /// about once a second.
    pub fn check(&self) -> io::Result<DiskChange> {
        match &self.disk {
            Some(disk) => check_disk(&self.path, disk),
            // Never written by us: any file there now came from elsewhere.
            None => match read_stamped(&self.path) {
                Ok((_, state)) => Ok(DiskChange::Modified(state)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(DiskChange::Unchanged),
                Err(e) => Err(e),
            },
        }
    }

    /// Reads the file again (after another program changed it), taking its fingerprint.
    /// dafo's own last saved version is first kept as a backup nothing overwrites
    /// (see [`SessionFile::kept`]): an outside change never costs it.
    pub fn reload(&mut self) -> Result<Session, LoadError> {
        self.reload_keeping(false)
    }

    /// [`SessionFile::reload`], first keeping the version on disk as a backup of
    /// its own when `theirs` is set: for a reload under words still being typed,
    /// whose Enter may put them over the other program's wording of the same item.
    pub fn reload_keeping(&mut self, theirs: bool) -> Result<Session, LoadError> {
        // The copy is of the very bytes loaded, read once and bounded.
        let (loaded, bytes) = super::disk::load_session_bytes(&self.path)?;
        if theirs {
            // Best effort: the reload itself does not depend on the copy.
            let _ = super::backup::keep_own_version(&self.path, &bytes);
        }
        if let Some(text) = self.last_written.take() {
            match super::backup::keep_own_version(&self.path, text.as_bytes()) {
                Ok(kept) => self.kept = Some(kept),
                // Keep it in memory for the next reload rather than lose it.
                Err(_) => self.last_written = Some(text),
            }
        }
        self.set_disk(loaded.disk);
        Ok(loaded.session)
    }

    /// Read-only because another dafo held the file, and that dafo has let it go
    /// (it quit, or stopped): takes the lock as opening would (a stopped dafo's
    /// journal is replayed into the file), so this file saves from now on. True when
    /// taken; false while it is still held, or when read-only for another reason
    /// (`chmod 444`, a lock that cannot be made), which a take-over cannot change.
    /// The fingerprint is left as it was: [`SessionFile::check`] then reports any
    /// change the other dafo made, and the caller reloads it as usual.
    pub fn take_over(&mut self) -> bool {
        if !matches!(self.lock, Err(LockError::Held { .. })) {
            return false;
        }
        let Ok(lock) = SessionLock::acquire(&self.path) else { return false };
        lock.sync_in_background();
        self.lock = Ok(lock);
        self.journal_guard().active = journal::enabled();
        remove_stray_temps(&self.path);
        if journal::enabled()
            && let Ok(mut loaded) = load_session(&self.path)
        {
            self.replayed = replay_journal(&self.path, &mut loaded);
        }
        true
    }

    /// Where the last reload kept dafo's own version, if it had saved one.
    pub fn kept(&self) -> Option<&Path> {
        self.kept.as_deref()
    }
}

/// Replays the journal of `path` into `loaded` and saves it, so that the file holds
/// every change made before dafo stopped; the journal is then removed.
pub(crate) fn replay_journal(path: &Path, loaded: &mut Loaded) -> Option<Replay> {
    match journal::replay(path, &loaded.session, loaded.disk.content_hash()) {
        Replay::Nothing => None,
        Replay::Newer(session, count) => {
            // Changes that undo each other: nothing to bring back.
            let newer = *session != loaded.session;
            if newer {
                match save_session(path, &session, Some(&loaded.disk)) {
                    Ok(report) => {
                        loaded.disk = report.disk;
                        loaded.session = (*session).clone();
                    }
                    // Not replayed: the journal goes aside, where the next save cannot delete it.
                    Err(_) => return Some(journal::set_aside(path, journal::Unfit::OtherVersion)),
                }
            }
            let _ = std::fs::remove_file(journal::journal_path(path));
            newer.then_some(Replay::Newer(session, count))
        }
        other => Some(other),
    }
}

/// The file a symlink points to (through every link), so that saving replaces the
/// target and keeps the link; any other path as it is. A link whose target is
/// missing (deleted, to be recovered) still names it: each link is read and
/// followed from its own folder, so backups are looked for where saves put
/// them, beside the target.
pub fn resolve_link(path: &Path) -> PathBuf {
    /// More links in a row than this is a loop.
    const HOPS: usize = 40;
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link(path) {
        return path.to_owned();
    }
    if let Ok(target) = std::fs::canonicalize(path) {
        return target;
    }
    let mut at = path.to_owned();
    for _ in 0..HOPS {
        if !is_link(&at) {
            // The folder as the system names it (no `..`), when it exists.
            let dir = at.parent().filter(|d| !d.as_os_str().is_empty()).and_then(|d| std::fs::canonicalize(d).ok());
            return match (dir, at.file_name()) {
                (Some(dir), Some(name)) => dir.join(name),
                _ => at,
            };
        }
        let Ok(target) = std::fs::read_link(&at) else { return path.to_owned() };
        at = match at.parent() {
            Some(dir) => dir.join(target),
            None => target,
        };
    }
    path.to_owned()
}

/// Whether the session file is marked read-only (no write permission bit at all).
fn is_marked_read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly())
}

fn lock_to_save_error(path: &Path, e: LockError) -> SaveError {
    SaveError::NotHeld { path: path.to_owned(), reason: Box::new(e) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn session(title: &str) -> Session {
        Session::new(title, Timestamp::UNIX_EPOCH)
    }

    /// The edit that gives a session made by [`session`] this title.
    fn title(title: &str) -> Edit {
        Edit::Meta(Box::new(session(title).meta))
    }

    #[test]
    fn autosaves_refresh_the_backup_at_most_every_interval_and_leaving_catches_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let newest = |path: &Path| {
            let all = crate::storage::backup::list_backups(path);
            std::fs::read_to_string(all.last().unwrap()).unwrap()
        };
        let (mut file, report) = SessionFile::create(&path, &session("uno")).unwrap();
        assert!(matches!(report.backup, Ok(Some(_))), "the first save is backed up");
        // An autosave soon after rewrites the session, not the backup.
        let report = file.save(&session("dos")).unwrap();
        assert!(matches!(report.backup, Ok(None)));
        assert_eq!(newest(&path), crate::storage::to_ron(&session("uno")));
        // Leaving with nothing to save keeps the last save as the newest backup.
        file.back_up_last_save();
        assert_eq!(newest(&path), crate::storage::to_ron(&session("dos")));
        // Ctrl-s and the save on leaving always refresh it.
        file.save_with_backup(&session("tres")).unwrap();
        assert_eq!(newest(&path), crate::storage::to_ron(&session("tres")));
        file.save(&session("cuatro")).unwrap();
        file.save_latest(&session("cinco"), 5).unwrap();
        assert_eq!(newest(&path), crate::storage::to_ron(&session("cinco")));
        // Once the last backup is old, an autosave refreshes it.
        file.backed_up_at = std::time::Instant::now().checked_sub(BACKUP_EVERY);
        file.save(&session("seis")).unwrap();
        assert_eq!(newest(&path), crate::storage::to_ron(&session("seis")));
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
    fn an_outside_change_never_costs_our_last_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (mut file, _) = SessionFile::create(&path, &session("v1")).unwrap();
        let v1 = std::fs::read(&path).unwrap();
        file.save(&session("v2")).unwrap();
        let v2 = std::fs::read(&path).unwrap();
        // Another program puts v1 back (an atomic rename, like `git checkout`).
        crate::storage::write_atomic(&path, &v1).unwrap();
        assert_eq!(file.reload().unwrap().meta.title, "v1");
        let kept = file.kept().unwrap().to_owned();
        file.save(&session("v1 + one more")).unwrap();
        for _ in 0..20 {
            file.save(&session("later")).unwrap();
        }
        assert_eq!(std::fs::read(&kept).unwrap(), v2, "dafo's v2 is gone");
    }

    #[test]
    fn changes_in_the_journal_survive_a_kill_and_are_saved_on_opening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (mut file, _) = SessionFile::create(&path, &session("uno")).unwrap();
        file.journal(&[(1, title("dos"))], &BTreeMap::new()).unwrap();
        // Killed here: no save, no drop.
        std::mem::forget(file);
        let _ = std::fs::remove_file(crate::storage::lock::lock_path(&path));
        let (file, s) = SessionFile::open(&path).unwrap();
        assert_eq!(s.meta.title, "dos");
        assert_eq!(file.replayed(), Some(true));
        assert_eq!(crate::storage::load(&path).unwrap().meta.title, "dos");
        assert!(!journal::journal_path(&path).exists());
        // A later change, then its save (which stamps the time): the journal goes.
        let mut file = file;
        let mut later = s.clone();
        later.apply(title("tres")).unwrap();
        file.journal(&[(2, title("tres"))], &BTreeMap::new()).unwrap();
        assert!(journal::journal_path(&path).exists());
        later.meta.modified = jiff::Timestamp::now();
        file.save_latest(&later, 2).unwrap();
        assert!(!journal::journal_path(&path).exists(), "a good save leaves the journal");
        // A change the save already holds is never journaled again.
        file.journal(&[(2, title("tres"))], &BTreeMap::new()).unwrap();
        assert!(!journal::journal_path(&path).exists());
    }

    /// A change the journal's thread writes while a save is between writing the
    /// file and being told which revision it holds goes after the records already
    /// in the journal, which stay: a kill then loses none of them.
    #[test]
    fn a_change_journaled_as_a_save_finishes_keeps_the_changes_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (mut file, _) = SessionFile::create(&path, &session("t")).unwrap();
        let mut s = session("t");
        let add = |s: &mut Session, text: &str| {
            let e = s.add_factor(crate::domain::Quadrant::Strengths, text).unwrap();
            s.apply(e.clone()).unwrap();
            e
        };
        let e1 = add(&mut s, "uno");
        let saving = s.clone(); // revision 1 goes to the autosave
        let e2 = add(&mut s, "dos");
        let e3 = add(&mut s, "tres");
        let handle = file.journal_handle();
        let journal = |changes: &[(u64, Edit)]| handle.lock().unwrap().append(changes, &s.last_ids).unwrap();
        journal(&[(1, e1), (2, e2)]);
        // The autosave of revision 1 writes the file...
        file.save_text(to_ron(&saving)).unwrap();
        // ...the journal's thread writes revision 3 meanwhile...
        journal(&[(3, e3)]);
        // ...and only then is the save told which revision it holds.
        file.saved(1);
        // Killed here.
        std::mem::forget(file);
        let _ = std::fs::remove_file(crate::storage::lock::lock_path(&path));
        let (_, back) = SessionFile::open(&path).unwrap();
        let texts: Vec<&str> = back.strengths.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["uno", "dos", "tres"]);
    }

    /// A record that could not be written is kept: the next save writes it into
    /// the journal again, in order, before the records that follow it.
    #[test]
    fn a_record_that_failed_is_written_again_in_order_by_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (mut file, _) = SessionFile::create(&path, &session("t")).unwrap();
        let mut s = session("t");
        let mut add = |text: &str| {
            let e = s.add_factor(crate::domain::Quadrant::Strengths, text).unwrap();
            s.apply(e.clone()).unwrap();
            e
        };
        let (e1, e2) = (add("uno"), add("dos"));
        let ids = BTreeMap::new();
        // The journal cannot be written for a moment (here: a folder in its place).
        let journal_path = journal::journal_path(&path);
        std::fs::create_dir(&journal_path).unwrap();
        assert!(file.journal(&[(1, e1)], &ids).is_err());
        std::fs::remove_dir(&journal_path).unwrap();
        file.journal(&[(2, e2)], &ids).unwrap();
        // An autosave of the session before both changes was under way; done now.
        file.save_text(to_ron(&session("t"))).unwrap();
        file.saved(0);
        std::mem::forget(file);
        let _ = std::fs::remove_file(crate::storage::lock::lock_path(&path));
        let (_, back) = SessionFile::open(&path).unwrap();
        let texts: Vec<&str> = back.strengths.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["uno", "dos"]);
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

    /// "Keep mine" over a file a newer dafo wrote set the newer file aside as
    /// damaged and wrote this version's over it: a downgrade, and the newer
    /// file filed as damage. It is refused; the file stays as it is.
    #[test]
    fn a_file_a_newer_dafo_wrote_is_never_replaced_as_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (mut file, _) = SessionFile::create(&path, &session("uno")).unwrap();
        let newer = std::fs::read_to_string(&path).unwrap().replacen(
            &format!("version: {}", crate::domain::FORMAT_VERSION),
            &format!("version: {}", crate::domain::FORMAT_VERSION + 1),
            1,
        );
        std::fs::write(&path, &newer).unwrap();
        let err = file.replace_damaged(&session("dos")).unwrap_err();
        assert!(
            matches!(&err, SaveError::Unreadable { error } if matches!(**error, LoadError::TooNew { .. })),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), newer, "the newer file is untouched");
        let aside = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok);
        assert!(aside.into_iter().all(|e| !e.file_name().to_string_lossy().contains("damaged")), "nothing set aside");
    }

    #[cfg(unix)]
    #[test]
    fn a_session_opened_through_a_symlink_keeps_the_link_and_has_one_writer() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        let target = real.join("s.ron");
        crate::storage::save(&target, &session("uno")).unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let (mut file, s) = SessionFile::open(&link).unwrap();
        assert_eq!(s.meta.title, "uno");
        assert!(file.read_only().is_none());
        file.save(&session("dos")).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link was replaced");
        assert_eq!(crate::storage::load(&target).unwrap().meta.title, "dos");
        // The target opened at the same time is read-only: one writer.
        let (second, _) = SessionFile::open(&target).unwrap();
        assert!(matches!(second.read_only(), Some(LockError::Held { .. })), "{:?}", second.read_only());
        assert!(!dir.path().join(".link.ron.lock").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_marked_read_only_opens_read_only_and_is_not_rewritten() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        crate::storage::save(&path, &session("uno")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let before = std::fs::read(&path).unwrap();
        let (mut file, _) = SessionFile::open(&path).unwrap();
        let reason = file.read_only().map(ToString::to_string).unwrap_or_default();
        assert!(reason.contains("marked read-only"), "{reason}");
        assert!(file.save(&session("dos")).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn new_files_take_the_next_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let (a, _) = SessionFile::create_new(dir.path(), &session("Taller")).unwrap();
        // Another dafo holds the lock of the next name without having written it yet.
        let _racing = SessionLock::acquire(&dir.path().join("taller-2.ron")).unwrap();
        let (b, _) = SessionFile::create_new(dir.path(), &session("Taller")).unwrap();
        assert_eq!(a.path().file_name().unwrap(), "taller.ron");
        assert_eq!(b.path().file_name().unwrap(), "taller-3.ron");
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

    #[test]
    fn a_second_window_takes_over_only_once_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let (mut first, _) = SessionFile::create(&path, &session("uno")).unwrap();
        let (mut second, _) = SessionFile::open(&path).unwrap();
        assert!(!second.take_over(), "still held");
        assert!(second.read_only().is_some());
        first.save(&session("dos")).unwrap();
        drop(first);
        assert!(second.take_over());
        assert!(second.read_only().is_none());
        // The first one's last save is reported as a change, to be reloaded before any save.
        assert!(matches!(second.check().unwrap(), DiskChange::Modified(_)));
        assert_eq!(second.reload().unwrap().meta.title, "dos");
        second.save(&session("tres")).unwrap();
        assert_eq!(crate::storage::load(&path).unwrap().meta.title, "tres");
        // The lock is ours now: a third window is read-only.
        let (third, _) = SessionFile::open(&path).unwrap();
        assert!(matches!(third.read_only(), Some(LockError::Held { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_read_only_for_another_reason_is_never_taken_over() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        crate::storage::save(&path, &session("uno")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let (mut file, _) = SessionFile::open(&path).unwrap();
        assert!(!file.take_over());
        assert!(file.read_only().is_some());
    }
}

#[cfg(all(test, unix))]
mod replaced_by_a_fifo {
    use super::*;
    use std::time::Duration;

    /// The session's file replaced, while open, by a FIFO: the outside-change
    /// check opened it blocking (the TUI froze) and a save waited on it for
    /// good, holding the file; by a link to /dev/zero: read until memory ran
    /// out. Both are refused at once now, and nothing is written through them.
    #[test]
    fn a_fifo_or_a_device_in_the_files_place_is_refused_by_check_and_save_at_once() {
        for odd in ["fifo", "device"] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("s.ron");
            crate::storage::save(&path, &Session::new("T", jiff::Timestamp::UNIX_EPOCH)).unwrap();
            let (mut file, session) = SessionFile::open(&path).unwrap();
            std::fs::remove_file(&path).unwrap();
            if odd == "fifo" {
                assert!(std::process::Command::new("mkfifo").arg(&path).status().unwrap().success());
            } else {
                std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
            }
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let check = file.check().map_err(|e| crate::i18n::os_error(&e, crate::i18n::Lang::Es));
                let saved = file.save(&session).is_ok();
                let _ = tx.send((check, saved));
            });
            let (check, saved) = rx.recv_timeout(Duration::from_secs(10)).unwrap_or_else(|_| panic!("{odd}: hung"));
            let said = check.expect_err(odd);
            assert!(said.contains("no es un archivo normal"), "{odd}: {said}");
            assert!(!saved, "{odd}: nothing is written through it");
            assert!(!std::fs::symlink_metadata(&path).unwrap().is_file(), "{odd}: left in place");
        }
    }
}
