//! Getting the session to disk and keeping it in step with the disk: autosave in
//! the background, saving on demand, changes made by other programs, conflicts.

use std::time::{Duration, Instant};

use super::action::Action;
use super::editor::{Editor, Mode};
use crate::domain::{Document, Edit};
use crate::storage::{self, DiskChange, SaveError, SaveReport};

/// How often the file is checked for changes made by other programs.
const CHECK_EVERY: Duration = Duration::from_secs(1);

impl Editor {
    /// Time passes: collect finished saves, start one when due, notice changes
    /// made on disk by other programs. Call after every event and on timeouts.
    pub fn tick(&mut self, now: Instant) {
        if let Some(done) = self.saver.poll() {
            self.record(done.revision, now, done.result);
        }
        self.autosave.observe(self.doc.revision(), now);
        if self.autosave.is_dirty() && self.read_only.is_none() {
            // Every change is on disk at once (the journal); the save follows.
            self.saver.journal(self.doc.revision(), &self.doc.session);
        }
        let blocked = self.read_only.is_some() || self.conflict.is_some() || self.saver.busy();
        if !blocked && self.autosave.due(now) {
            self.doc.session.meta.modified = jiff::Timestamp::now();
            self.saver.submit(self.doc.revision(), self.doc.session.clone());
        }
        if !self.saver.busy() && self.last_check.is_none_or(|t| now.duration_since(t) >= CHECK_EVERY) {
            self.last_check = Some(now);
            self.check_disk();
        }
    }

    /// Writes the session to disk now, on this thread; `false` (and a notice) if it failed.
    pub fn save_now(&mut self, now: Instant) -> bool {
        if self.read_only.is_some() {
            self.say_read_only();
            return false;
        }
        self.autosave.observe(self.doc.revision(), now);
        self.doc.session.meta.modified = jiff::Timestamp::now();
        let (earlier, result) = self.saver.save_now(&self.doc.session);
        if let Some(done) = earlier {
            self.record(done.revision, now, done.result);
        }
        self.record(self.doc.revision(), now, result)
    }

    /// Saves now if anything is not on disk yet; `true` when all is on disk.
    pub fn flush(&mut self) -> bool {
        let now = Instant::now();
        if let Some(done) = self.saver.poll() {
            self.record(done.revision, now, done.result);
        }
        self.autosave.observe(self.doc.revision(), now);
        !self.autosave.is_dirty() || self.save_now(now)
    }

    /// Notes the outcome of saving `revision`; `true` if it is on disk.
    fn record(&mut self, revision: u64, now: Instant, result: Result<SaveReport, SaveError>) -> bool {
        let outcome = match result {
            Ok(report) => {
                if let Some(why) = report.backup_warning {
                    let msg =
                        self.lang.pick("Guardado, pero sin copia de seguridad", "Saved, but no backup could be kept");
                    self.say(format!("{msg}: {}", crate::export::safe(&why)), true);
                }
                Ok(())
            }
            Err(SaveError::ChangedOnDisk { now: state, .. }) => {
                self.conflict = Some(state);
                self.mode = Mode::Conflict;
                Err(self.lang.pick("el archivo cambió fuera de dafo", "the file changed outside dafo").to_owned())
            }
            Err(e) => Err(self.describe(&e)),
        };
        let ok = outcome.is_ok();
        if let Err(e) = &outcome {
            let msg = self.lang.pick("No se pudo guardar", "Could not save");
            self.say(format!("{msg}: {e}"), true);
        }
        self.autosave.record(revision, now, outcome);
        ok
    }

    /// A save error in the interface's language, short enough for the status line.
    fn describe(&self, e: &SaveError) -> String {
        let l = self.lang;
        match e {
            SaveError::DiskFull { .. } => {
                l.pick("disco lleno: libera espacio", "disk full: free some space").to_owned()
            }
            SaveError::ReadOnly { .. } => l.pick("carpeta de solo lectura", "read-only folder").to_owned(),
            SaveError::PermissionDenied { .. } => {
                l.pick("sin permiso de escritura", "no permission to write").to_owned()
            }
            SaveError::Unreadable { .. } => l
                .pick(
                    "el archivo en disco no se lee; dafo no lo sobrescribe",
                    "the file on disk does not read; not overwritten",
                )
                .to_owned(),
            SaveError::NotHeld { .. } => self.read_only.clone().unwrap_or_else(|| e.to_string()),
            other => other.to_string(),
        }
    }

    /// Another program changed the file: reload when nothing here is unsaved,
    /// else ask (never overwrite silently).
    fn check_disk(&mut self) {
        if self.conflict.is_some() {
            return;
        }
        match self.saver.with_file(|f| f.check()) {
            Ok(DiskChange::Modified(state)) => {
                if self.autosave.is_dirty() {
                    self.conflict = Some(state);
                    self.mode = Mode::Conflict;
                } else {
                    self.reload();
                }
            }
            Ok(DiskChange::Removed) => {
                let msg = self.lang.pick(
                    "El archivo se borró fuera de dafo; Ctrl-s lo vuelve a escribir",
                    "The file was deleted outside dafo; Ctrl-s writes it again",
                );
                self.say(msg.to_owned(), true);
            }
            Ok(DiskChange::Unchanged) | Err(_) => {}
        }
    }

    /// Loads the version on disk, replacing the one in memory.
    fn reload(&mut self) -> bool {
        match self.saver.with_file(|f| f.reload()) {
            Ok(session) => {
                // One undo step: `u` brings back what was on screen before the reload.
                if self.doc.apply(Edit::Whole(Box::new(session.clone()))).is_err() {
                    self.doc = Document::new(session);
                }
                self.autosave = super::autosave::Autosave::new(self.doc.revision());
                self.conflict = None;
                let msg = self.lang.pick(
                    "recargado: cambiado fuera de dafo (u lo deshace)",
                    "reloaded: changed outside dafo (u undoes it)",
                );
                self.say(msg.to_owned(), false);
                true
            }
            Err(e) => {
                self.say(e.to_string(), true);
                false
            }
        }
    }

    /// The conflict prompt: `r` takes the disk's version (ours is kept beside
    /// it), `o` keeps ours (theirs is kept as a backup), Esc decides later.
    pub(super) fn update_conflict(&mut self, action: Action) {
        let Some(state) = self.conflict.clone() else {
            self.mode = super::editor::Mode::Grid;
            return;
        };
        match action {
            Action::ReloadTheirs => {
                let mine =
                    self.path.with_extension(format!("mia-{}.ron", jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S")));
                let text = storage::to_ron(&self.doc.session);
                match storage::write_atomic(&mine, text.as_bytes()) {
                    Ok(()) => {
                        if self.reload() {
                            let kept = self.lang.pick("Tu versión quedó en", "Your version was kept in");
                            self.say(format!("{kept} {}", mine.display()), false);
                        }
                    }
                    Err(e) => self.say(format!("{}: {e}", mine.display()), true),
                }
                self.mode = Mode::Grid;
            }
            Action::KeepMine => {
                self.mode = Mode::Grid;
                let now = Instant::now();
                self.doc.session.meta.modified = jiff::Timestamp::now();
                let session = &self.doc.session;
                let result = self.saver.with_file(|f| match f.overwrite(session, state) {
                    // The version on disk does not even read: keep a copy of it, then save ours.
                    Err(SaveError::Unreadable { .. }) => f.replace_damaged(session).map(|(report, _)| report),
                    other => other,
                });
                self.conflict = None;
                if self.record(self.doc.revision(), now, result) {
                    let msg = self.lang.pick(
                        "Guardada tu versión; la otra quedó en copia (.dafo-backups o .damaged)",
                        "Your version saved; the other one was kept (.dafo-backups or .damaged)",
                    );
                    self.say(msg.to_owned(), false);
                }
            }
            Action::Cancel => self.mode = Mode::Grid,
            _ => {}
        }
    }
}
