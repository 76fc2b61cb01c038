//! Writing off the input path: a worker thread writes through the session file
//! (the journal record of each change, autosave, `Ctrl-s`, answers to a
//! conflict), so typing never waits for serialization or fsync.

use std::collections::{BTreeMap, VecDeque};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use crate::domain::{Edit, Release, Session};
use crate::storage::journal::Journal;
use crate::storage::{self, DiskState, SaveError, SaveReport, SessionFile};

/// What a job does with the session it carries.
#[derive(Debug, Clone)]
pub enum Work {
    /// Append these changes (each with the revision it made) to the journal:
    /// durable at once, before the debounced save. Carries no session.
    /// The ID counters after them go too (a deleted item's ID is never reused).
    Journal(Vec<(u64, Edit)>, BTreeMap<String, u64>),
    /// Save it; `manual` when asked for with `Ctrl-s` rather than by autosave.
    Save { manual: bool },
    /// Conflict answered "keep mine": write it over the version found on disk
    /// (which goes to a backup, or beside the file when it does not read).
    KeepMine(DiskState),
    /// Conflict answered "load theirs": keep it in this file, then read the disk's version.
    LoadTheirs(PathBuf),
}

/// A finished job.
#[derive(Debug)]
pub struct Done {
    pub revision: u64,
    pub work: Work,
    pub outcome: Outcome,
}

/// What a job came to.
#[derive(Debug)]
pub enum Outcome {
    /// A save (autosave, `Ctrl-s`, keep mine).
    Saved(Result<SaveReport, SaveError>),
    /// Load theirs: the version read from disk, or why it was not.
    Loaded(Result<Box<Session>, storage::commands::CommandError>),
    /// A journal record written.
    Journaled,
    /// A journal record that could not be written: it costs nothing but that
    /// head start (the next save holds the change, and writes the journal again),
    /// so nothing is said; the change just does not count as on disk yet.
    NotJournaled,
    /// An autosave given up before it wrote anything: the editor asked for the
    /// session back to change it. Nothing changed on disk; it runs again.
    GivenUp,
}

struct Job {
    revision: u64,
    /// The session to write (none for a journal record): shared with the
    /// editor, never copied to be sent.
    session: Option<Arc<Session>>,
    work: Work,
    /// Set for an autosave the editor may ask to give the session back.
    release: Option<Release>,
}

/// Runs a job on the file. The session is serialized first, before the file is
/// taken, and let go of at once: the editor's next change then finds it no
/// longer shared and changes it in place, instead of copying the whole session
/// while the file is written, read back and synced (at 100,000 factors, most of
/// an Enter's time). An autosave asked to give the session back while it is
/// still serializing stops there and lets go.
fn perform(file: &Mutex<SessionFile>, job: Job) -> Done {
    let Job { revision, session, work, release } = job;
    // An autosave takes the session lent to it, unless the editor took it back.
    let session = match &release {
        Some(lent) => lent.take(),
        None => session,
    };
    let text = match (&work, session) {
        (Work::Journal(..), _) => None,
        (_, None) if release.is_some() => return Done { revision, work, outcome: Outcome::GivenUp },
        (_, None) => None,
        (_, Some(session)) => match storage::to_ron_unless(&session, || release.as_ref().is_some_and(Release::asked)) {
            Some(text) => Some(text),
            None => return Done { revision, work, outcome: Outcome::GivenUp },
        },
    };
    let file = &mut *lock(file);
    let outcome = match (&work, text) {
        (Work::Journal(changes, ids), _) => journaled(file.journal(changes, ids)),
        (_, None) => Outcome::Saved(Err(SaveError::Io {
            path: file.path().to_owned(),
            source: std::io::Error::other("nothing to save"),
        })),
        (Work::Save { manual: false }, Some(text)) => Outcome::Saved(file.save_text(text)),
        (Work::Save { manual: true }, Some(text)) => Outcome::Saved(file.save_text_with_backup(text)),
        (Work::KeepMine(disk), Some(text)) => Outcome::Saved(match file.overwrite_text(text.clone(), disk.clone()) {
            // The version on disk does not even read: keep a copy of it, then save ours.
            Err(SaveError::Unreadable { .. }) => file.replace_damaged_text(text).map(|(report, _)| report),
            other => other,
        }),
        (Work::LoadTheirs(mine), Some(text)) => Outcome::Loaded(match storage::write_atomic(mine, text.as_bytes()) {
            Ok(()) => file.reload().map(Box::new).map_err(storage::commands::CommandError::Load),
            Err(e) => Err(storage::commands::CommandError::Save(storage::SaveError::from_io(mine, e))),
        }),
    };
    // Jobs run in the order they were sent, each with the session as it was then:
    // every record written before a good save is of an older or equal session, so
    // nothing in the journal is worth replaying. (Matching the last record's text is
    // not enough: the record of the change saved here may not have been written yet,
    // and a kill would then find a record of the version before.)
    if matches!(outcome, Outcome::Saved(Ok(_))) {
        file.saved(revision);
    }
    Done { revision, work, outcome }
}

/// Writes a journal record, holding only the journal (never the file, which a
/// save may hold).
fn perform_journal(journal: &Mutex<Journal>, job: Job) -> Done {
    let outcome = match &job.work {
        Work::Journal(changes, ids) => {
            journaled(journal.lock().unwrap_or_else(PoisonError::into_inner).append(changes, ids))
        }
        _ => Outcome::NotJournaled,
    };
    Done { revision: job.revision, work: job.work, outcome }
}

fn journaled(written: std::io::Result<()>) -> Outcome {
    if written.is_ok() { Outcome::Journaled } else { Outcome::NotJournaled }
}

/// Owns the open session file and the worker that saves it. The worker starts
/// at [`Saver::start`] (the first tick, after the first frame) or at the first
/// job, whichever comes first: opening a session draws before any thread starts.
pub struct Saver {
    file: Arc<Mutex<SessionFile>>,
    jobs: Option<Sender<Job>>,
    /// The file's journal, written by a thread of its own: a record never waits
    /// for a save under way (a 100,000-factor save takes a tenth of a second).
    journal: Arc<Mutex<Journal>>,
    journal_jobs: Option<Sender<Job>>,
    done: Receiver<Done>,
    /// The workers' ends of the channels until they start.
    idle: Option<(Receiver<Job>, Receiver<Job>, Sender<Done>)>,
    /// Saves queued or under way in the background.
    in_flight: usize,
    /// Outcomes of jobs done on this thread (no worker), for the next polls.
    late: VecDeque<Done>,
    worker: Option<JoinHandle<()>>,
    /// The newest revision known to be on disk (journaled or saved).
    durable: u64,
    /// Rung by the workers when an outcome is waiting: the event loop collects it at once.
    bell: super::event::Bell,
}

impl Saver {
    pub fn new(file: SessionFile) -> Saver {
        let (jobs, rx) = channel::<Job>();
        let (journal_jobs, journal_rx) = channel::<Job>();
        let (tx, done) = channel::<Done>();
        Saver {
            journal: file.journal_handle(),
            file: Arc::new(Mutex::new(file)),
            jobs: Some(jobs),
            journal_jobs: Some(journal_jobs),
            done,
            idle: Some((rx, journal_rx, tx)),
            in_flight: 0,
            late: VecDeque::new(),
            worker: None,
            durable: 0,
            bell: super::event::Bell::default(),
        }
    }

    /// Starts the worker, once: it first does what opening deferred (stray temp
    /// files, the lock's fsync), then saves the jobs it is sent. Without a thread,
    /// that is done here and jobs are saved on this thread.
    pub fn start(&mut self) {
        let Some((rx, journal_rx, tx)) = self.idle.take() else { return };
        let journal = Arc::clone(&self.journal);
        let journal_tx = tx.clone();
        let journal_bell = self.bell.clone();
        let journal_worker = std::thread::Builder::new().name("dafo-journal".to_owned()).spawn(move || {
            for job in journal_rx {
                if journal_tx.send(perform_journal(&journal, job)).is_err() {
                    break;
                }
                journal_bell.ring();
            }
        });
        match journal_worker {
            // It ends when the channel closes; nothing waits for it.
            Ok(_) => {}
            Err(_) => self.journal_jobs = None,
        }
        let shared = Arc::clone(&self.file);
        let bell = self.bell.clone();
        let worker = std::thread::Builder::new().name("dafo-autosave".to_owned()).spawn(move || {
            after_open(&shared);
            for job in rx {
                let done = perform(&shared, job);
                if tx.send(done).is_err() {
                    break;
                }
                bell.ring();
            }
        });
        match worker {
            Ok(worker) => self.worker = Some(worker),
            Err(_) => {
                self.jobs = None;
                after_open(&self.file);
            }
        }
    }

    /// The bell the workers ring when an outcome is waiting.
    pub fn bell(&self) -> &super::event::Bell {
        &self.bell
    }

    /// Runs `f` on the file (check, reload, overwrite...), after any save in progress.
    pub fn with_file<R>(&self, f: impl FnOnce(&mut SessionFile) -> R) -> R {
        f(&mut lock(&self.file))
    }

    pub fn path(&self) -> PathBuf {
        self.with_file(|f| f.path().to_owned())
    }

    /// Why the file cannot be saved from here (another dafo holds it, a read-only
    /// folder or file...), if so, in `lang`.
    pub fn read_only(&self, lang: crate::i18n::Lang) -> Option<String> {
        self.with_file(|f| f.read_only().map(|e| e.summary(lang)))
    }

    /// Makes `changes` (the edits made since the last record, each with the
    /// revision it made) durable in the journal, on the worker: an fsync takes
    /// milliseconds that a keystroke must not wait for. A record carries the
    /// changes only, never the session.
    pub fn journal(&mut self, revision: u64, changes: Vec<(u64, Edit)>, ids: &BTreeMap<String, u64>) {
        if !changes.is_empty() {
            self.send(Job { revision, session: None, work: Work::Journal(changes, ids.clone()), release: None });
        }
    }

    /// Whether a background save is under way.
    pub fn busy(&self) -> bool {
        self.in_flight > 0
    }

    /// Starts saving `session` in the background; without a worker thread it
    /// saves at once. The outcome comes from [`Saver::poll`].
    pub fn submit(&mut self, revision: u64, session: Arc<Session>, work: Work) {
        self.send(Job { revision, session: Some(session), work, release: None });
    }

    /// Starts an autosave of the session lent in `release`, given back when the
    /// editor asks before it is written ([`Outcome::GivenUp`] then).
    pub fn submit_autosave(&mut self, revision: u64, release: Release) {
        self.send(Job { revision, session: None, work: Work::Save { manual: false }, release: Some(release) });
    }

    fn send(&mut self, job: Job) {
        self.start();
        let journal = matches!(job.work, Work::Journal(..));
        let worker = if journal { &self.journal_jobs } else { &self.jobs };
        let Some(job) = offer(worker, job) else {
            self.in_flight += 1;
            return;
        };
        // No worker (it could not start, or stopped): the job runs on this thread.
        let done = if journal { perform_journal(&self.journal, job) } else { perform(&self.file, job) };
        self.late.push_back(done);
    }

    /// The newest revision known to be on disk, in the journal or the file.
    pub fn durable(&self) -> u64 {
        self.durable
    }

    /// Notes what a finished job made durable.
    fn note(&mut self, done: Done) -> Done {
        if matches!(done.outcome, Outcome::Journaled | Outcome::Saved(Ok(_))) {
            self.durable = self.durable.max(done.revision);
        }
        done
    }

    /// The outcome of a finished background save, if one finished.
    pub fn poll(&mut self) -> Option<Done> {
        if let Some(done) = self.late.pop_front() {
            return Some(self.note(done));
        }
        match self.done.try_recv() {
            Ok(done) => {
                self.in_flight = self.in_flight.saturating_sub(1);
                Some(self.note(done))
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.in_flight = 0;
                None
            }
        }
    }

    /// Waits for the oldest save under way, if any, and returns its outcome.
    pub fn wait(&mut self) -> Option<Done> {
        if let Some(done) = self.late.pop_front() {
            return Some(self.note(done));
        }
        if self.in_flight == 0 {
            return None;
        }
        self.in_flight -= 1;
        let done = self.done.recv().ok()?;
        Some(self.note(done))
    }

    /// Saves now on this thread (Ctrl-s, quitting), after the one in progress.
    /// Returns the outcome of a background save that finished meanwhile too.
    pub fn save_now(&mut self, session: &Session, revision: u64) -> (Vec<Done>, Result<SaveReport, SaveError>) {
        let earlier = std::iter::from_fn(|| self.wait()).collect();
        let result = lock(&self.file).save_latest(session, revision);
        (earlier, result)
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // Closing the channels ends the workers once their last job is done.
        self.jobs = None;
        self.journal_jobs = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// What opening deferred: the stray temp files go (under the file's mutex, so never
/// during a save), then the lock's holder is made durable (outside it).
fn after_open(file: &Mutex<SessionFile>) {
    let lock_file = lock(file).after_open();
    if let Some(lock_file) = lock_file {
        let _ = lock_file.sync_all();
    }
}

/// A poisoned lock still holds a usable file: a panic elsewhere must not stop saving.
fn lock(file: &Mutex<SessionFile>) -> MutexGuard<'_, SessionFile> {
    file.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Hands `job` to a worker's queue; gives it back when there is no worker to take it.
fn offer(worker: &Option<Sender<Job>>, job: Job) -> Option<Job> {
    match worker {
        Some(jobs) => jobs.send(job).err().map(|e| e.0),
        None => Some(job),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_leaves_housekeeping_to_the_worker_which_starts_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        crate::storage::save(&path, &Session::new("s", jiff::Timestamp::UNIX_EPOCH)).unwrap();
        // What a save killed half-way leaves behind.
        let stray = dir.path().join(".s.ron.k1ll3d.tmp");
        std::fs::write(&stray, "half").unwrap();

        let (file, session) = SessionFile::open(&path).unwrap();
        let mut saver = Saver::new(file);
        assert!(stray.exists(), "opening (before the first frame) does no housekeeping");
        assert!(saver.worker.is_none(), "no thread before the first tick");

        saver.start();
        saver.start();
        assert!(saver.worker.is_some());
        // The worker sweeps on its own, with no save asked for (a save would sweep too).
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while stray.exists() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(!stray.exists(), "the worker swept the stray");
        saver.submit(1, Arc::new(session), Work::Save { manual: true });
        let done = saver.wait().expect("the save comes back");
        assert!(matches!(done.outcome, Outcome::Saved(Ok(_))), "{:?}", done.outcome);
        assert!(saver.poll().is_none());
    }

    /// A change to the title, as the editor makes it.
    fn retitle(session: &mut Session, title: &str) -> Edit {
        let mut meta = session.meta.clone();
        meta.title = title.to_owned();
        let edit = Edit::Meta(Box::new(meta));
        session.apply(edit.clone()).unwrap();
        edit
    }

    #[test]
    fn journal_records_carry_the_changes_off_this_thread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        crate::storage::save(&path, &Session::new("s", jiff::Timestamp::UNIX_EPOCH)).unwrap();
        let (file, mut session) = SessionFile::open(&path).unwrap();
        let mut saver = Saver::new(file);
        saver.start();
        let edit = retitle(&mut session, "cambiado");
        saver.journal(1, vec![(1, edit)], &session.last_ids);
        assert!(saver.busy(), "the record is written off this thread");
        let done = saver.wait().expect("the record comes back");
        assert!(matches!((done.work, done.outcome), (Work::Journal(..), Outcome::Journaled)));
        let record = std::fs::read_to_string(crate::storage::journal::journal_path(&path)).unwrap();
        assert!(record.contains("cambiado"), "{record}");
        saver.journal(1, Vec::new(), &session.last_ids);
        assert!(!saver.busy(), "nothing to write, nothing sent");
    }

    #[test]
    fn a_save_newer_than_the_last_record_removes_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let journal = crate::storage::journal::journal_path(&path);
        crate::storage::save(&path, &Session::new("s", jiff::Timestamp::UNIX_EPOCH)).unwrap();
        let (file, mut session) = SessionFile::open(&path).unwrap();
        let mut saver = Saver::new(file);
        saver.start();
        // Revision 1 reaches the journal; revision 2 is saved (Ctrl-s) before its own
        // record was written.
        let edit = retitle(&mut session, "uno");
        saver.journal(1, vec![(1, edit)], &session.last_ids);
        retitle(&mut session, "dos");
        saver.submit(2, Arc::new(session.clone()), Work::Save { manual: true });
        while saver.busy() {
            saver.wait();
        }
        assert!(!journal.exists(), "a record of revision 1 would be set aside after a kill");
        // The next open finds the file as saved and nothing to replay or set aside.
        drop(saver);
        let (file, reopened) = SessionFile::open(&path).unwrap();
        assert_eq!(reopened.meta.title, "dos");
        assert_eq!(file.replayed(), None);
    }

    #[test]
    fn a_change_made_while_a_save_is_written_changes_the_session_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        crate::storage::save(&path, &Session::new("s", jiff::Timestamp::UNIX_EPOCH)).unwrap();
        let (file, session) = SessionFile::open(&path).unwrap();
        let journal = file.journal_handle();
        let mut saver = Saver::new(file);
        saver.start();
        let mut doc = crate::domain::Document::new(session);
        // Holding the journal stops the save after it wrote the file, when it
        // notes what is on disk now: the save is still under way.
        let held = journal.lock().unwrap();
        saver.submit(1, Arc::clone(&doc.session), Work::Save { manual: false });
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while Arc::strong_count(&doc.session) > 1 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(Arc::strong_count(&doc.session), 1, "the saver still holds the session it serialized");
        let before = Arc::as_ptr(&doc.session);
        let mut meta = doc.session.meta.clone();
        meta.title = "cambiado".to_owned();
        doc.apply(Edit::Meta(Box::new(meta))).unwrap();
        assert!(std::ptr::eq(before, Arc::as_ptr(&doc.session)), "the change copied the whole session");
        assert!(saver.busy(), "the save was still under way");
        drop(held);
        let done = saver.wait().expect("the save comes back");
        assert!(matches!(done.outcome, Outcome::Saved(Ok(_))), "{:?}", done.outcome);
        assert_eq!(crate::storage::load(&path).unwrap().meta.title, "s", "the save wrote the version it was sent");
        assert_eq!(doc.session.meta.title, "cambiado");
    }

    #[test]
    fn an_autosave_asked_for_the_session_lets_go_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        crate::storage::save(&path, &Session::new("s", jiff::Timestamp::UNIX_EPOCH)).unwrap();
        let before = std::fs::read(&path).unwrap();
        let (file, session) = SessionFile::open(&path).unwrap();
        let mut saver = Saver::new(file);
        saver.start();
        let mut doc = crate::domain::Document::new(session);
        let mut meta = doc.session.meta.clone();
        meta.title = "cambiado".to_owned();
        doc.apply(Edit::Meta(Box::new(meta))).unwrap();
        let release = doc.lend();
        // Asked before the worker took it: the session is back at once.
        release.ask();
        saver.submit_autosave(1, release);
        let done = saver.wait().expect("the autosave comes back");
        assert!(matches!(done.outcome, Outcome::GivenUp), "{:?}", done.outcome);
        assert_eq!(Arc::strong_count(&doc.session), 1, "the saver still holds the session");
        assert_eq!(std::fs::read(&path).unwrap(), before, "a given-up save touched the file");
        assert_eq!(saver.durable(), 0, "nothing given up counts as on disk");
        assert!(!saver.busy());
        // Not asked: the same kind of save runs to the end.
        let release = doc.lend();
        saver.submit_autosave(2, release);
        let done = saver.wait().expect("the autosave comes back");
        assert!(matches!(done.outcome, Outcome::Saved(Ok(_))), "{:?}", done.outcome);
        assert_eq!(crate::storage::load(&path).unwrap().meta.title, "cambiado");
    }
}
