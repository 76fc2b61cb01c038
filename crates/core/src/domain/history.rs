//! A session together with its undo and redo stacks.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::edit::{Edit, EditError};
use super::session::Session;

/// How many steps undo remembers.
const MAX_UNDO: usize = 500;

/// A session being edited: every change goes through [`Document::apply`], so
/// undo and redo cover every edit.
#[derive(Debug, Clone)]
pub struct Document {
    /// Shared with the saver's thread while it writes a version: a job takes a
    /// reference, never a copy, and a change made while that version is still
    /// being written copies it once ([`Arc::make_mut`]), never per job.
    pub session: Arc<Session>,
    /// Each step with its number (the revision its first apply made), which
    /// stays with it as it is undone and redone: what others key their own
    /// part of a step by (the room's items it accepted).
    undo: Vec<(u64, Edit)>,
    redo: Vec<(u64, Edit)>,
    /// Bumped on every change (apply, undo, redo); autosave compares it.
    revision: u64,
    /// Every change made since the journal last took them, as it was applied
    /// (undo and redo too), each with the revision it made: what the journal
    /// writes, at the cost of the change, whatever the session's size.
    changes: Vec<(u64, Edit)>,
    /// How to have the session back from an autosave still serializing it.
    release: Option<Release>,
}

/// The session lent to an autosave that gives it back when asked: the editor
/// asks before a change; a save not started yet is simply taken back, one
/// still serializing stops and lets go (it runs again after the change). The
/// change is then made in place instead of copying the whole session.
#[derive(Debug, Clone)]
pub struct Release(Arc<Lent>);

#[derive(Debug)]
struct Lent {
    /// The session, until the save takes it (or the editor takes it back).
    session: Mutex<Option<Arc<Session>>>,
    asked: AtomicBool,
}

impl Release {
    fn new(session: Arc<Session>) -> Release {
        Release(Arc::new(Lent { session: Mutex::new(Some(session)), asked: AtomicBool::new(false) }))
    }

    /// The save's side: the session to write, unless it was taken back.
    pub fn take(&self) -> Option<Arc<Session>> {
        if self.asked() {
            return None;
        }
        self.0.session.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    /// The editor's side: asks for the session back, and takes it back at
    /// once if the save has not started.
    pub fn ask(&self) {
        self.0.asked.store(true, Ordering::Relaxed);
        drop(self.0.session.lock().unwrap_or_else(PoisonError::into_inner).take());
    }

    /// Whether the editor asked for the session back.
    pub fn asked(&self) -> bool {
        self.0.asked.load(Ordering::Relaxed)
    }
}

/// Longest a change waits for an autosave to let go of the session before
/// copying it instead (a serializer checks the request every few bytes).
const RELEASE_WAIT: Duration = Duration::from_millis(3);

impl Document {
    pub fn new(session: Session) -> Document {
        Document {
            session: Arc::new(session),
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            changes: Vec::new(),
            release: None,
        }
    }

    /// The session to change in place. If a save still holds it, one that can
    /// give it back is asked to (and waited for, briefly); otherwise, or if it
    /// does not let go in time, the session is copied once.
    pub fn session_mut(&mut self) -> &mut Session {
        self.reclaim(RELEASE_WAIT);
        Arc::make_mut(&mut self.session)
    }

    /// Lends the session to a save that gives it back when asked: what to send
    /// with the save (it takes the session from there).
    pub fn lend(&mut self) -> Release {
        let release = Release::new(Arc::clone(&self.session));
        self.release = Some(release.clone());
        release
    }

    /// Asks a save that holds the session to let go, and waits up to `wait` for it.
    fn reclaim(&mut self, wait: Duration) {
        if Arc::strong_count(&self.session) == 1 {
            self.release = None;
            return;
        }
        let Some(release) = self.release.take() else { return };
        release.ask();
        let deadline = Instant::now() + wait;
        while Arc::strong_count(&self.session) > 1 && Instant::now() < deadline {
            std::thread::yield_now();
        }
    }

    /// Number of changes since the document was opened.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Replaces the session with another version (read from disk), with nothing
    /// to undo or redo. The revision still moves on, never back: what was saved,
    /// journaled or seen at an earlier revision is never taken for this version.
    pub fn replace(&mut self, session: Session) {
        *self = Document {
            session: Arc::new(session),
            undo: Vec::new(),
            redo: Vec::new(),
            revision: self.revision + 1,
            changes: Vec::new(),
            release: None,
        };
    }

    /// The changes made since the last call, oldest first, each with the revision
    /// it made (the journal writes them).
    pub fn take_changes(&mut self) -> Vec<(u64, Edit)> {
        std::mem::take(&mut self.changes)
    }

    /// Forgets the changes not taken yet: the session is a version read from disk
    /// (a reload), which the next changes follow.
    pub fn forget_changes(&mut self) {
        self.changes.clear();
    }

    /// Applies an edit as one undoable step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let forward = edit.clone();
        let inverse = self.session_mut().apply(edit)?;
        self.revision += 1;
        self.undo.push((self.revision, inverse));
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.changes.push((self.revision, forward));
        Ok(())
    }

    /// Undoes the last step; `false` if there is none.
    pub fn undo(&mut self) -> bool {
        if self.undo.is_empty() {
            return false;
        }
        self.reclaim(RELEASE_WAIT);
        Self::step(&mut self.session, &mut self.undo, &mut self.redo, &mut self.revision, &mut self.changes)
    }

    /// Redoes the last undone step; `false` if there is none.
    pub fn redo(&mut self) -> bool {
        if self.redo.is_empty() {
            return false;
        }
        self.reclaim(RELEASE_WAIT);
        Self::step(&mut self.session, &mut self.redo, &mut self.undo, &mut self.revision, &mut self.changes)
    }

    fn step(
        session: &mut Arc<Session>,
        from: &mut Vec<(u64, Edit)>,
        to: &mut Vec<(u64, Edit)>,
        revision: &mut u64,
        changes: &mut Vec<(u64, Edit)>,
    ) -> bool {
        let Some((id, edit)) = from.pop() else { return false };
        let forward = edit.clone();
        match Arc::make_mut(session).apply(edit) {
            Ok(inverse) => {
                to.push((id, inverse));
                *revision += 1;
                changes.push((*revision, forward));
                true
            }
            Err(_) => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The numbers of the steps redo would apply, the next one first.
    pub fn redo_ids(&self) -> impl Iterator<Item = u64> + '_ {
        self.redo.iter().rev().map(|(id, _)| *id)
    }

    /// Forgets the steps undone, as a new edit does: what one of them did was
    /// since done otherwise (the room set aside an item it had accepted).
    pub fn clear_redo(&mut self) {
        self.redo.clear();
    }

    /// The edit the next undo (`true`) or redo would apply, to say what it does.
    pub fn next_step(&self, undo: bool) -> Option<&Edit> {
        if undo { self.undo.last() } else { self.redo.last() }.map(|(_, e)| e)
    }

    /// The number of the step the next undo (`true`) or redo would apply: the
    /// revision [`Document::apply`] made when it was first applied, the same
    /// however often it is undone and redone since.
    pub fn next_step_id(&self, undo: bool) -> Option<u64> {
        if undo { self.undo.last() } else { self.redo.last() }.map(|(id, _)| *id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Quadrant;
    use jiff::Timestamp;

    #[test]
    fn a_version_being_saved_is_shared_not_copied_and_stays_as_it_was() {
        let mut doc = Document::new(Session::new("t", Timestamp::UNIX_EPOCH));
        let e = doc.session_mut().add_factor(Quadrant::Threats, "uno").unwrap();
        doc.apply(e).unwrap();
        // What a save job holds: the same session, not a copy of it.
        let saving = std::sync::Arc::clone(&doc.session);
        assert!(std::sync::Arc::ptr_eq(&saving, &doc.session));
        // A change while it is written leaves the version being written as it was.
        let e = doc.session_mut().add_factor(Quadrant::Threats, "dos").unwrap();
        doc.apply(e).unwrap();
        assert_eq!(saving.threats.len(), 1);
        assert_eq!(doc.session.threats.len(), 2);
        // Once no save holds it, changes are made in place, with no copy.
        drop(saving);
        let at = std::sync::Arc::as_ptr(&doc.session);
        let e = doc.session_mut().add_factor(Quadrant::Threats, "tres").unwrap();
        doc.apply(e).unwrap();
        assert!(doc.undo());
        assert_eq!(std::sync::Arc::as_ptr(&doc.session), at);
    }

    #[test]
    fn a_lent_session_is_asked_back_before_a_change_and_changed_in_place() {
        let mut doc = Document::new(Session::new("t", Timestamp::UNIX_EPOCH));
        let at = std::sync::Arc::as_ptr(&doc.session);
        let release = doc.lend();
        // What an autosave does while it serializes: it lets go once asked.
        let held = release.take().unwrap();
        let saver = std::thread::spawn(move || {
            while !release.asked() {
                std::thread::yield_now();
            }
            drop(held);
        });
        // Generous here so a loaded machine cannot make the test copy.
        doc.reclaim(Duration::from_secs(30));
        saver.join().unwrap();
        let e = doc.session_mut().add_factor(Quadrant::Threats, "uno").unwrap();
        doc.apply(e).unwrap();
        assert_eq!(std::sync::Arc::as_ptr(&doc.session), at, "the change copied the session");
        assert_eq!(doc.session.threats.len(), 1);
    }

    #[test]
    fn a_save_not_started_yet_is_taken_back_without_waiting() {
        let mut doc = Document::new(Session::new("t", Timestamp::UNIX_EPOCH));
        let at = std::sync::Arc::as_ptr(&doc.session);
        let queued = doc.lend();
        // Even with no time at all to wait, the change finds the session its own.
        doc.reclaim(Duration::ZERO);
        let e = doc.session_mut().add_factor(Quadrant::Threats, "uno").unwrap();
        doc.apply(e).unwrap();
        assert_eq!(std::sync::Arc::as_ptr(&doc.session), at, "the change copied the session");
        assert!(queued.take().is_none(), "the save finds nothing to write");
    }

    #[test]
    fn a_save_that_cannot_give_the_session_back_gets_its_own_version() {
        let mut doc = Document::new(Session::new("t", Timestamp::UNIX_EPOCH));
        // A manual save holds it with no way to be asked: after the short wait
        // the change copies, and the save keeps the version it was given.
        let saving = std::sync::Arc::clone(&doc.session);
        let stale = doc.lend();
        let e = doc.session_mut().add_factor(Quadrant::Threats, "uno").unwrap();
        doc.apply(e).unwrap();
        assert!(stale.asked());
        assert!(stale.take().is_none(), "a save asked before it started finds nothing to write");
        assert!(saving.threats.is_empty());
        assert_eq!(doc.session.threats.len(), 1);
    }

    #[test]
    fn undo_redo_round_trip() {
        let mut doc = Document::new(Session::new("t", Timestamp::UNIX_EPOCH));
        let e = doc.session_mut().add_factor(Quadrant::Opportunities, "Fondos europeos").unwrap();
        doc.apply(e).unwrap();
        let e = doc.session_mut().reword_factor(Quadrant::Opportunities, 0, "Fondos Next Generation").unwrap();
        doc.apply(e).unwrap();
        assert!(doc.undo());
        assert_eq!(doc.session.opportunities[0].text, "Fondos europeos");
        assert!(doc.undo());
        assert!(doc.session.opportunities.is_empty());
        assert!(!doc.undo());
        assert!(doc.redo());
        assert!(doc.redo());
        assert_eq!(doc.session.opportunities[0].text, "Fondos Next Generation");
        assert!(!doc.redo());
        assert_eq!(doc.revision(), 6);
    }

    #[test]
    fn the_changes_replayed_in_order_give_the_session_back() {
        let start = Session::new("t", Timestamp::UNIX_EPOCH);
        let mut doc = Document::new(start.clone());
        for text in ["uno", "dos", "tres"] {
            let e = doc.session_mut().add_factor(Quadrant::Threats, text).unwrap();
            doc.apply(e).unwrap();
        }
        assert!(doc.undo() && doc.undo() && doc.redo());
        let changes = doc.take_changes();
        assert_eq!(changes.iter().map(|c| c.0).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6]);
        let mut replayed = start;
        for (_, edit) in changes {
            replayed.apply(edit).unwrap();
        }
        // The ID counters are not edits: the journal writes them beside the changes.
        replayed.last_ids = doc.session.last_ids.clone();
        assert_eq!(replayed, *doc.session);
        assert!(doc.take_changes().is_empty(), "taken once");
    }

    #[test]
    fn replacing_the_session_forgets_its_steps_but_never_its_revision() {
        let mut doc = Document::new(Session::new("t", Timestamp::UNIX_EPOCH));
        let e = doc.session_mut().add_factor(Quadrant::Strengths, "Red de entidades").unwrap();
        doc.apply(e).unwrap();
        let before = doc.revision();
        doc.replace(Session::new("del disco", Timestamp::UNIX_EPOCH));
        assert_eq!(doc.session.meta.title, "del disco");
        assert!(doc.revision() > before, "a revision is never reused for another version");
        assert!(!doc.undo() && !doc.redo());
    }
}
