//! Writing off the input path: a worker thread writes through the session file
//! (the journal record of each change, autosave, `Ctrl-s`, answers to a
//! conflict), so typing never waits for serialization or fsync.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use crate::domain::Session;
use crate::storage::{self, DiskState, SaveError, SaveReport, SessionFile};

/// What a job does with the session it carries.
#[derive(Debug, Clone)]
pub enum Work {
    /// Append it to the journal: durable at once, before the debounced save.
    Journal,
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
    Loaded(Result<Box<Session>, String>),
    /// A journal record written, or not: one that cannot be written costs
    /// nothing but that head start, so nothing is said.
    Journaled,
}

struct Job {
    revision: u64,
    session: Session,
    work: Work,
}

/// Runs a job on the file.
fn perform(file: &mut SessionFile, job: Job) -> Done {
    let outcome = match &job.work {
        Work::Journal => {
            let _ = file.journal(&job.session);
            Outcome::Journaled
        }
        Work::Save { .. } => Outcome::Saved(file.save(&job.session)),
        Work::KeepMine(disk) => Outcome::Saved(match file.overwrite(&job.session, disk.clone()) {
            // The version on disk does not even read: keep a copy of it, then save ours.
            Err(SaveError::Unreadable { .. }) => file.replace_damaged(&job.session).map(|(report, _)| report),
            other => other,
        }),
        Work::LoadTheirs(mine) => {
            let text = storage::to_ron(&job.session);
            Outcome::Loaded(match storage::write_atomic(mine, text.as_bytes()) {
                Ok(()) => file.reload().map(Box::new).map_err(|e| e.to_string()),
                Err(e) => Err(format!("{}: {e}", mine.display())),
            })
        }
    };
    // Jobs run in the order they were sent, each with the session as it was then:
    // every record written before a good save is of an older or equal session, so
    // nothing in the journal is worth replaying. (Matching the last record's text is
    // not enough: the record of the change saved here may not have been written yet,
    // and a kill would then find a record of the version before.)
    if matches!(outcome, Outcome::Saved(Ok(_))) {
        file.clear_journal();
    }
    Done { revision: job.revision, work: job.work, outcome }
}

/// Owns the open session file and the worker that saves it. The worker starts
/// at [`Saver::start`] (the first tick, after the first frame) or at the first
/// job, whichever comes first: opening a session draws before any thread starts.
pub struct Saver {
    file: Arc<Mutex<SessionFile>>,
    jobs: Option<Sender<Job>>,
    done: Receiver<Done>,
    /// The worker's ends of the channels until it starts.
    idle: Option<(Receiver<Job>, Sender<Done>)>,
    /// Saves queued or under way in the background.
    in_flight: usize,
    /// Outcomes of jobs done on this thread (no worker), for the next polls.
    late: VecDeque<Done>,
    worker: Option<JoinHandle<()>>,
    /// The last revision written to the journal.
    journaled: Option<u64>,
}

impl Saver {
    pub fn new(file: SessionFile) -> Saver {
        let (jobs, rx) = channel::<Job>();
        let (tx, done) = channel::<Done>();
        Saver {
            file: Arc::new(Mutex::new(file)),
            jobs: Some(jobs),
            done,
            idle: Some((rx, tx)),
            in_flight: 0,
            late: VecDeque::new(),
            worker: None,
            journaled: None,
        }
    }

    /// Starts the worker, once: it first does what opening deferred (stray temp
    /// files, the lock's fsync), then saves the jobs it is sent. Without a thread,
    /// that is done here and jobs are saved on this thread.
    pub fn start(&mut self) {
        let Some((rx, tx)) = self.idle.take() else { return };
        let shared = Arc::clone(&self.file);
        let worker = std::thread::Builder::new().name("dafo-autosave".to_owned()).spawn(move || {
            after_open(&shared);
            for job in rx {
                let done = perform(&mut lock(&shared), job);
                if tx.send(done).is_err() {
                    break;
                }
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

    /// Makes this revision of the session durable in the journal, once per revision,
    /// on the worker: serializing and fsyncing a large session takes milliseconds
    /// that a keystroke must not wait for. While a job is under way the record waits
    /// for a later tick (at most 20 ms apart then), so that one copy of the session
    /// at most is ever in flight; the debounced save follows it.
    pub fn journal(&mut self, revision: u64, session: &Session) {
        if self.journaled != Some(revision) && !self.busy() {
            self.journaled = Some(revision);
            self.submit(revision, session.clone(), Work::Journal);
        }
    }

    /// Whether a background save is under way.
    pub fn busy(&self) -> bool {
        self.in_flight > 0
    }

    /// Starts saving `session` in the background; without a worker thread it
    /// saves at once. The outcome comes from [`Saver::poll`].
    pub fn submit(&mut self, revision: u64, session: Session, work: Work) {
        self.start();
        let job = Job { revision, session, work };
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => {
                    self.in_flight += 1;
                    return;
                }
                Err(e) => e.0,
            },
            None => job,
        };
        // No worker (it could not start, or stopped): save on this thread.
        let done = perform(&mut lock(&self.file), job);
        self.late.push_back(done);
    }

    /// The outcome of a finished background save, if one finished.
    pub fn poll(&mut self) -> Option<Done> {
        if let Some(done) = self.late.pop_front() {
            return Some(done);
        }
        match self.done.try_recv() {
            Ok(done) => {
                self.in_flight = self.in_flight.saturating_sub(1);
                Some(done)
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
            return Some(done);
        }
        if self.in_flight == 0 {
            return None;
        }
        self.in_flight -= 1;
        self.done.recv().ok()
    }

    /// Saves now on this thread (Ctrl-s, quitting), after the one in progress.
    /// Returns the outcome of a background save that finished meanwhile too.
    pub fn save_now(&mut self, session: &Session) -> (Vec<Done>, Result<SaveReport, SaveError>) {
        let earlier = std::iter::from_fn(|| self.wait()).collect();
        let result = lock(&self.file).save_latest(session);
        (earlier, result)
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // Closing the channel ends the worker once its last save is done.
        self.jobs = None;
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
        saver.submit(1, session, Work::Save { manual: true });
        let done = saver.wait().expect("the save comes back");
        assert!(matches!(done.outcome, Outcome::Saved(Ok(_))), "{:?}", done.outcome);
        assert!(saver.poll().is_none());
    }

    #[test]
    fn journal_records_go_to_the_worker_once_per_revision_and_never_pile_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        crate::storage::save(&path, &Session::new("s", jiff::Timestamp::UNIX_EPOCH)).unwrap();
        let (file, mut session) = SessionFile::open(&path).unwrap();
        let mut saver = Saver::new(file);
        saver.start();
        session.meta.title = "cambiado".to_owned();
        saver.journal(1, &session);
        assert!(saver.busy(), "the record is written off this thread");
        saver.journal(2, &session);
        let done = saver.wait().expect("the record comes back");
        assert!(matches!((done.work, done.outcome), (Work::Journal, Outcome::Journaled)));
        let record = std::fs::read_to_string(crate::storage::journal::journal_path(&path)).unwrap();
        assert!(record.contains("cambiado"), "{record}");
        assert!(saver.wait().is_none(), "revision 2 was not queued behind a job under way");
        saver.journal(2, &session);
        assert!(saver.busy(), "it goes at the next tick");
        saver.wait();
        saver.journal(2, &session);
        assert!(!saver.busy(), "once per revision");
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
        session.meta.title = "uno".to_owned();
        saver.journal(1, &session);
        session.meta.title = "dos".to_owned();
        saver.submit(2, session.clone(), Work::Save { manual: true });
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
}
