//! Getting the session to disk and keeping it in step with the disk: autosave in
//! the background, saving on demand, changes made by other programs, conflicts.

use std::time::Instant;

use super::action::Action;
use super::editor::{Conflict, Editor, Mode};
use super::overlay::Overlay;
use super::saver::{Done, Outcome, Work};
use crate::domain::Edit;
use crate::storage::{self, DiskChange, SaveError, SaveReport};

impl Editor {
    /// Time passes: collect finished saves, start one when due, notice changes
    /// made on disk by other programs. Call after every event and on timeouts.
    /// Returns whether anything the screen shows changed (a save finished or
    /// failed, a reload, a conflict): then it must be drawn now, without a key.
    pub fn tick(&mut self, now: Instant) -> bool {
        // The first tick comes after the first frame: the saver's thread starts now,
        // and the watch on the file, when a loop is there to be told.
        self.saver.start();
        if !self.watch.is_connected()
            && let Some(events) = self.saver.bell().sender()
        {
            self.watch = super::watch::DiskWatch::start(self.path(), events);
        }
        let mut changed = false;
        while let Some(done) = self.saver.poll() {
            // A journal record shows nothing, nor a save given up; a save's outcome does.
            changed |= !matches!(done.work, Work::Journal(..)) && !matches!(done.outcome, Outcome::GivenUp);
            self.finished(done, now);
        }
        self.autosave.observe(self.doc.revision(), now);
        // The disk is checked before this tick queues a journal record, which would
        // otherwise hold the file (and this check) for the record's write.
        if !self.saver.busy() && self.watch.due(self.last_check, now, self.read_only.is_some(), true) {
            self.last_check = Some(now);
            // Read-only because another dafo held the file: when it lets go, this one
            // takes over (after reloading what it saved last) and says so at once.
            let took_over = self.read_only.is_some() && self.saver.with_file(|f| f.take_over());
            changed |= self.check_disk();
            if took_over {
                self.read_only = None;
                self.announce(self.lang.text().ui.took_over.to_owned(), false, now);
                changed = true;
            }
        }
        // Every change is on disk at once (the journal: the edits, not the
        // session); the save follows. Changes already saved go nowhere.
        let changes = self.doc.take_changes();
        if self.autosave.is_dirty() && self.read_only.is_none() {
            self.saver.journal(self.doc.revision(), changes, &self.doc.session.last_ids);
        }
        if !self.saving_held() && self.autosave.due(now) {
            self.doc.session_mut().meta.modified = jiff::Timestamp::now();
            // A change made before this save has serialized a large session takes
            // it back (instead of copying it); the save runs again after. Not for
            // ever: once changes have waited a few seconds, saves run to the end.
            if self.autosave.may_give_up(now) {
                let release = self.doc.lend();
                self.saver.submit_autosave(self.doc.revision(), release);
            } else {
                self.saver.submit(
                    self.doc.revision(),
                    std::sync::Arc::clone(&self.doc.session),
                    Work::Save { manual: false },
                );
            }
        }
        changed
    }

    /// The newest revision of the session known to be on disk (in the journal or
    /// the file), as of the last tick: how a test or a bench knows an `Enter` is safe.
    pub fn durable_revision(&self) -> u64 {
        self.saver.durable()
    }

    /// The session's revision (bumped by every change).
    pub fn revision(&self) -> u64 {
        self.doc.revision()
    }

    /// Waits for the saves under way and records them (tests, and before leaving).
    pub fn settle(&mut self) {
        while let Some(done) = self.saver.wait() {
            self.finished(done, Instant::now());
        }
    }

    /// Notes a finished background job: a save (one asked for with `Ctrl-s`
    /// says so) or the answer to a conflict.
    fn finished(&mut self, done: Done, now: Instant) {
        match (done.work, done.outcome) {
            (Work::Journal(..), _) => {}
            // The change that asked for the session is in the journal; the save runs again.
            (_, Outcome::GivenUp) => {}
            (Work::Save { manual }, Outcome::Saved(result)) => {
                // A failing backup is said once; a plain "Guardado" must not hide it.
                let warned = matches!(&result, Ok(report) if report.backup_warning.is_some());
                if self.record(done.revision, now, result) && manual && !warned {
                    self.say(self.lang.text().ui.saved.to_owned(), false);
                }
            }
            (Work::KeepMine(_), Outcome::Saved(result)) => {
                // The question is answered; a save that finds the file changed again asks again.
                self.overlays.close_conflict();
                if self.record(done.revision, now, result) {
                    let msg = self.lang.text().ui.yours_saved;
                    self.say(msg.to_owned(), false);
                }
            }
            (Work::LoadTheirs(mine), Outcome::Loaded(Ok(session))) => {
                self.doc.replace(*session);
                self.autosave = super::autosave::Autosave::new(self.doc.revision());
                let kept = self.lang.text().ui.yours_kept_in;
                self.say(format!("{kept} {}", mine.display()), false);
                // The draft being typed survives, and so does an open form (what was
                // typed in it, over theirs); lists built from the old version do not.
                if self.overlays.conflict().is_some() && !matches!(self.mode, Mode::Input(_)) {
                    self.mode = Mode::Grid;
                }
                self.overlays.close_conflict();
                self.overlays.close_pickers();
                self.refresh_forms();
            }
            (_, outcome) => {
                // Theirs does not read (or ours could not be kept): the question stays.
                if let Some(c) = self.overlays.conflict_mut() {
                    c.answering = false;
                }
                let why = match outcome {
                    Outcome::Loaded(Err(e)) => e.message(self.lang),
                    Outcome::Saved(Err(e)) => e.message(self.lang),
                    Outcome::Loaded(Ok(_))
                    | Outcome::Saved(Ok(_))
                    | Outcome::Journaled
                    | Outcome::NotJournaled
                    | Outcome::GivenUp => String::new(),
                };
                self.say(why, true);
            }
        }
    }

    /// Carries out the answer to a conflict on the saver's thread (the
    /// question stays drawn until it is done).
    pub(super) fn answer_conflict(&mut self, keep_mine: bool) {
        let Some(c) = self.overlays.conflict_mut() else { return };
        c.answering = true;
        let work = if keep_mine {
            self.doc.session_mut().meta.modified = jiff::Timestamp::now();
            Work::KeepMine(c.disk.clone())
        } else {
            let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S");
            Work::LoadTheirs(self.path().with_extension(format!("mia-{stamp}.ron")))
        };
        self.saver.submit(self.doc.revision(), std::sync::Arc::clone(&self.doc.session), work);
    }

    /// `Ctrl-s`: starts writing the session on the saver's thread; the outcome
    /// comes back through [`Editor::tick`].
    pub(super) fn save_in_background(&mut self) {
        if self.read_only.is_some() {
            self.say_read_only();
            return;
        }
        let now = Instant::now();
        self.autosave.observe(self.doc.revision(), now);
        self.doc.session_mut().meta.modified = jiff::Timestamp::now();
        self.saver.submit(self.doc.revision(), std::sync::Arc::clone(&self.doc.session), Work::Save { manual: true });
        self.say(self.lang.text().ui.saving_notice.to_owned(), false);
    }

    /// Writes the session to disk now, on this thread; `false` (and a notice) if it failed.
    pub fn save_now(&mut self, now: Instant) -> bool {
        if self.read_only.is_some() {
            self.say_read_only();
            return false;
        }
        self.autosave.observe(self.doc.revision(), now);
        self.doc.session_mut().meta.modified = jiff::Timestamp::now();
        let (earlier, result) = self.saver.save_now(&self.doc.session, self.doc.revision());
        for done in earlier {
            self.finished(done, now);
        }
        self.record(self.doc.revision(), now, result)
    }

    /// Saves now if anything is not on disk yet; `true` when all is on disk. Then
    /// the journal holds nothing newer than the file, and goes (a record of the
    /// latest change may not have been written when its save was).
    pub fn flush(&mut self) -> bool {
        let now = Instant::now();
        self.settle();
        self.autosave.observe(self.doc.revision(), now);
        if self.autosave.is_dirty() {
            return self.save_now(now);
        }
        self.saver.with_file(|f| {
            f.clear_journal();
            f.back_up_last_save();
        });
        let revision = self.doc.revision();
        if let Some(live) = self.sala.as_deref_mut() {
            live.release(revision);
        }
        true
    }

    /// Notes the outcome of saving `revision`; `true` if it is on disk.
    fn record(&mut self, revision: u64, now: Instant, result: Result<SaveReport, SaveError>) -> bool {
        let outcome = match result {
            Ok(report) => {
                if let Some(why) = report.backup_warning {
                    let msg = self.lang.text().ui.saved_no_backup;
                    self.say(format!("{msg}: {}", crate::export::safe(&why.message(self.lang))), true);
                }
                Ok(())
            }
            Err(SaveError::ChangedOnDisk { now: state, .. }) => {
                self.enter_conflict(state);
                Err(self.lang.text().ui.save_changed_outside.to_owned())
            }
            Err(e) => Err(self.describe(&e)),
        };
        let ok = outcome.is_ok();
        // A save that works again takes the last failure's words off the status
        // line, and so does one that wrote again a file deleted outside (it
        // still said "deleted outside dafo; Ctrl-s writes it again").
        let failed_before = self.lang.text().ui.could_not_save;
        let save = super::keymap::key_for(self.view_context(), &Action::Save, self.lang);
        let deleted = (self.lang.text().ui.deleted_outside_key)(&save);
        if ok
            && self.notice.as_ref().is_some_and(|n| n.error && (n.text.starts_with(failed_before) || n.text == deleted))
        {
            self.notice = None;
        }
        if let Err(e) = &outcome {
            let msg = self.lang.text().ui.could_not_save;
            self.say(format!("{msg}: {e}"), true);
        }
        self.autosave.record(revision, now, outcome);
        if ok && let Some(live) = self.sala.as_deref_mut() {
            live.release(revision);
        }
        ok
    }

    /// A save error in the interface's language, short enough for the status line.
    fn describe(&self, e: &SaveError) -> String {
        let ui = &self.lang.text().ui;
        match e {
            SaveError::DiskFull { .. } => ui.disk_full.to_owned(),
            SaveError::ReadOnly { .. } => ui.read_only_folder.to_owned(),
            SaveError::PermissionDenied { .. } => ui.no_permission.to_owned(),
            SaveError::Unreadable { .. } => ui.unreadable_on_disk.to_owned(),
            SaveError::NotHeld { .. } => self.read_only.clone().unwrap_or_else(|| e.message(self.lang)),
            other => other.message(self.lang),
        }
    }

    /// The file changed on disk under unsaved edits: ask, on top of whatever
    /// the facilitator was doing (an input keeps its draft) for after the answer.
    fn enter_conflict(&mut self, disk: storage::DiskState) {
        match self.overlays.conflict_mut() {
            Some(c) => *c = Conflict { disk, answering: false },
            None => self.overlays.push(Overlay::Conflict(Conflict { disk, answering: false })),
        }
    }

    /// Another program changed the file: reload when nothing here is unsaved,
    /// else ask (never overwrite silently). `true` when something changed.
    fn check_disk(&mut self) -> bool {
        if self.in_conflict() {
            return false;
        }
        match self.saver.with_file(|f| f.check()) {
            Ok(DiskChange::Modified(state)) => {
                if self.autosave.is_dirty() {
                    self.enter_conflict(state);
                } else if self.reload() {
                    // The first-start card is for an empty session; this one no longer is.
                    if self.session().total() > 0 {
                        self.overlays.close_card();
                    }
                    let msg = if self.read_only.is_some() {
                        // A read-only window follows the file: there is nothing of its own to bring back.
                        self.lang.text().ui.reloaded.to_owned()
                    } else {
                        let undo = super::keymap::key_for(self.view_context(), &Action::Undo, self.lang);
                        (self.lang.text().ui.reloaded_undo)(&undo)
                    };
                    self.announce(msg, false, Instant::now());
                }
            }
            Ok(DiskChange::Removed) => {
                let save = super::keymap::key_for(self.view_context(), &Action::Save, self.lang);
                let msg = (self.lang.text().ui.deleted_outside_key)(&save);
                let now = Instant::now();
                self.announce(msg.to_owned(), true, now);
            }
            // The file cannot be looked at (a FIFO or a device in its place,
            // too large, unreadable): said once, as it happens, never silently.
            Err(e) => {
                let path = crate::domain::text::display_safe(&self.path().display().to_string()).into_owned();
                let msg = format!("{path}: {}", crate::i18n::os_error(&e, self.lang));
                if self.notice.as_ref().is_some_and(|n| n.text == msg) {
                    return false;
                }
                self.announce(msg, true, Instant::now());
            }
            Ok(DiskChange::Unchanged) => return false,
        }
        true
    }

    /// Loads the version on disk, replacing the one in memory; `false` (and a
    /// notice) when it does not read.
    fn reload(&mut self) -> bool {
        // Under an open input line or form, the version read is kept as a backup
        // too: what is typed there may be entered over the same item's new wording.
        let typing = matches!(self.mode, Mode::Input(_))
            || self.overlays.iter().any(|o| matches!(o, Overlay::Form(_) | Overlay::Record(_)));
        match self.saver.with_file(|f| f.reload_keeping(typing)) {
            Ok(session) => {
                // One undo step: `u` brings back what was on screen before the reload;
                // a read-only window only follows the file, with no step to undo.
                if self.read_only.is_some() || self.doc.apply(Edit::Whole(Box::new(session.clone()))).is_err() {
                    self.doc.replace(session);
                }
                // The version read is on disk: the next changes follow it.
                self.doc.forget_changes();
                self.autosave = super::autosave::Autosave::new(self.doc.revision());
                // An open form keeps what was typed in it; its other fields show the new version.
                self.refresh_forms();
                true
            }
            Err(e) => {
                self.say(e.message(self.lang), true);
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{App, Screen};
    use crate::i18n::Lang;

    #[test]
    fn a_save_that_works_again_takes_the_failure_off_the_status_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let session = crate::domain::Session::new("s", jiff::Timestamp::UNIX_EPOCH);
        storage::save_session(&path, &session, None).unwrap();
        let mut app = App::open(&path, Lang::Es).unwrap();
        let Screen::Editor(editor) = &mut app.screen else { panic!("an editor") };
        let now = Instant::now();
        let full = SaveError::DiskFull { path: path.clone() };
        assert!(!editor.record(1, now, Err(full)));
        assert!(editor.notice().is_some_and(|n| n.text.contains("disco lleno")));
        // A later save works (a save elsewhere gives a genuine report to record).
        let report = storage::save_session(&dir.path().join("t.ron"), &session, None).unwrap();
        assert!(editor.record(1, now, Ok(report)));
        assert!(editor.autosave().error.is_none());
        assert!(
            !editor.notice().is_some_and(|n| n.text.contains("disco lleno")),
            "the status line still says {:?}",
            editor.notice().map(|n| &n.text)
        );
    }
}
