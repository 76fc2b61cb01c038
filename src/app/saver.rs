//! Autosave off the input path: a worker thread writes through the session file,
//! so typing never waits for serialization or fsync.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use crate::domain::Session;
use crate::storage::{SaveError, SaveReport, SessionFile};

/// A finished background save.
#[derive(Debug)]
pub struct Done {
    pub revision: u64,
    pub result: Result<SaveReport, SaveError>,
}

struct Job {
    revision: u64,
    session: Session,
}

/// Owns the open session file and the worker that saves it.
pub struct Saver {
    file: Arc<Mutex<SessionFile>>,
    jobs: Option<Sender<Job>>,
    done: Receiver<Done>,
    /// Revision being saved in the background, if any.
    in_flight: Option<u64>,
    /// Outcome of a save made on this thread, for the next poll.
    late: Option<Done>,
    worker: Option<JoinHandle<()>>,
    /// The last revision written to the journal.
    journaled: Option<u64>,
}

impl Saver {
    pub fn new(file: SessionFile) -> Saver {
        let file = Arc::new(Mutex::new(file));
        let (jobs, rx) = channel::<Job>();
        let (tx, done) = channel::<Done>();
        let shared = Arc::clone(&file);
        let worker = std::thread::Builder::new()
            .name("dafo-autosave".to_owned())
            .spawn(move || {
                for job in rx {
                    let result = lock(&shared).save(&job.session);
                    if tx.send(Done { revision: job.revision, result }).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Saver { file, jobs: worker.as_ref().map(|_| jobs), done, in_flight: None, late: None, worker, journaled: None }
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

    /// Makes this revision of the session durable at once in the journal, once per
    /// revision; the debounced save follows. A journal that cannot be written costs
    /// nothing but that head start.
    pub fn journal(&mut self, revision: u64, session: &Session) {
        if self.journaled != Some(revision) {
            self.journaled = Some(revision);
            let _ = lock(&self.file).journal(session);
        }
    }

    /// Whether a background save is under way.
    pub fn busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Starts saving `session` in the background; without a worker thread it
    /// saves at once. The outcome comes from [`Saver::poll`].
    pub fn submit(&mut self, revision: u64, session: Session) {
        let job = Job { revision, session };
        let job = match &self.jobs {
            Some(jobs) => match jobs.send(job) {
                Ok(()) => {
                    self.in_flight = Some(revision);
                    return;
                }
                Err(e) => e.0,
            },
            None => job,
        };
        // No worker (it could not start, or stopped): save on this thread.
        let result = lock(&self.file).save(&job.session);
        self.late = Some(Done { revision, result });
    }

    /// The outcome of a finished background save, if one finished.
    pub fn poll(&mut self) -> Option<Done> {
        if let Some(done) = self.late.take() {
            return Some(done);
        }
        match self.done.try_recv() {
            Ok(done) => {
                self.in_flight = None;
                Some(done)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.in_flight = None;
                None
            }
        }
    }

    /// Saves now on this thread (Ctrl-s, quitting), after the one in progress.
    /// Returns the outcome of a background save that finished meanwhile too.
    pub fn save_now(&mut self, session: &Session) -> (Option<Done>, Result<SaveReport, SaveError>) {
        let earlier = if self.in_flight.take().is_some() { self.done.recv().ok() } else { self.late.take() };
        let result = lock(&self.file).save(session);
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

/// A poisoned lock still holds a usable file: a panic elsewhere must not stop saving.
fn lock(file: &Mutex<SessionFile>) -> MutexGuard<'_, SessionFile> {
    file.lock().unwrap_or_else(PoisonError::into_inner)
}
