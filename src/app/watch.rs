//! Changes made to the session file by other programs: told by the system
//! (inotify, FSEvents… through the `notify` crate) as an [`AppEvent::Disk`], so an
//! idle dafo sleeps until something happens; checked every second only where the
//! system cannot tell (no watcher could be made) or where it does not tell (the
//! lock let go by another dafo).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

use super::event::{AppEvent, AppEventSender};

/// How often the file is checked when nothing tells dafo of its changes.
pub const CHECK_EVERY: Duration = Duration::from_secs(1);

/// How changes on disk are noticed.
#[derive(Default)]
pub enum DiskWatch {
    /// No event loop (tests, commands): checked every [`CHECK_EVERY`] from `tick`.
    #[default]
    Unconnected,
    /// The system tells: `changed` is set (and the loop woken) on each change.
    Watching { changed: Arc<AtomicBool>, _watcher: notify::RecommendedWatcher },
    /// A loop runs but no watcher could be made: checked every [`CHECK_EVERY`],
    /// the loop waking for it.
    Polling,
}

impl DiskWatch {
    /// Watches the folder of `file` (a save replaces the file by renaming, which a
    /// watch on the file itself would lose) and tells `events` of changes to `file`.
    pub fn start(file: &Path, events: AppEventSender) -> DiskWatch {
        let changed = Arc::new(AtomicBool::new(false));
        let (flag, name) = (Arc::clone(&changed), file.file_name().map(ToOwned::to_owned));
        let folder = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => std::path::PathBuf::from("."),
        };
        let watched = folder.clone();
        let handler = move |result: notify::Result<notify::Event>| {
            let relevant = match &result {
                // The file itself, or the folder watched (renamed or deleted with
                // the file in it: that was not seen until the next save failed).
                Ok(event) => {
                    !matches!(event.kind, EventKind::Access(_))
                        && event.paths.iter().any(|p| p.file_name() == name.as_deref() || *p == watched)
                }
                // Events were lost (an overflowing queue): look, to be sure.
                Err(_) => true,
            };
            if relevant {
                flag.store(true, Ordering::Release);
                events.send(AppEvent::Disk);
            }
        };
        match notify::recommended_watcher(handler) {
            Ok(mut watcher) => match watcher.watch(&folder, RecursiveMode::NonRecursive) {
                Ok(()) => DiskWatch::Watching { changed, _watcher: watcher },
                Err(_) => DiskWatch::Polling,
            },
            Err(_) => DiskWatch::Polling,
        }
    }

    /// Whether the file should be checked now. `read_only` windows check every
    /// second too: another dafo letting go of the lock sends no event.
    /// A change told while a check cannot run stays told (`consume` false).
    pub fn due(&self, last_check: Option<Instant>, now: Instant, read_only: bool, consume: bool) -> bool {
        let elapsed = last_check.is_none_or(|t| now.duration_since(t) >= CHECK_EVERY);
        match self {
            DiskWatch::Watching { changed, .. } => {
                last_check.is_none()
                    || (read_only && elapsed)
                    || if consume { changed.swap(false, Ordering::AcqRel) } else { changed.load(Ordering::Acquire) }
            }
            DiskWatch::Unconnected | DiskWatch::Polling => elapsed,
        }
    }

    /// When the loop must wake to check, if it must.
    pub fn deadline(&self, last_check: Option<Instant>, read_only: bool) -> Option<Instant> {
        let polling = match self {
            DiskWatch::Polling => true,
            DiskWatch::Watching { .. } => read_only,
            DiskWatch::Unconnected => false,
        };
        polling.then(|| last_check.map(|t| t + CHECK_EVERY)).flatten()
    }

    pub fn is_connected(&self) -> bool {
        !matches!(self, DiskWatch::Unconnected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_change_written_by_another_program_arrives_as_an_event() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.ron");
        std::fs::write(&file, "()").unwrap();
        let (sender, rx) = AppEventSender::channel();
        let watch = DiskWatch::start(&file, sender);
        assert!(matches!(watch, DiskWatch::Watching { .. }), "inotify is available here");
        let now = Instant::now();
        assert!(!watch.due(Some(now), now, false, true), "nothing happened yet");
        // Another file in the folder (a lock, a journal, a temp file) is not the session.
        std::fs::write(dir.path().join("other.ron"), "()").unwrap();
        std::fs::write(&file, "(x)").unwrap();
        let event = rx.recv_timeout(Duration::from_secs(5)).unwrap();
        assert!(matches!(event, AppEvent::Disk));
        assert!(watch.due(Some(now), now, false, true));
        assert!(!watch.due(Some(now), now, false, true), "told once");
        assert_eq!(watch.deadline(Some(now), false), None, "no wake-up on a timer while watching");
    }

    /// The session's folder renamed (or deleted) while it is open: the system
    /// tells of the folder itself, and that was dropped, so the screen said
    /// "guardado" until the next save failed.
    #[test]
    fn the_folder_renamed_under_the_file_arrives_as_an_event() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let file = sub.join("s.ron");
        std::fs::write(&file, "()").unwrap();
        let (sender, rx) = AppEventSender::channel();
        let watch = DiskWatch::start(&file, sender);
        assert!(matches!(watch, DiskWatch::Watching { .. }), "inotify is available here");
        std::fs::rename(&sub, dir.path().join("sub2")).unwrap();
        let event = rx.recv_timeout(Duration::from_secs(5)).expect("the folder's rename is told");
        assert!(matches!(event, AppEvent::Disk));
        let now = Instant::now();
        assert!(watch.due(Some(now), now, false, true));
    }

    #[test]
    fn a_change_told_while_a_save_runs_is_kept_for_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.ron");
        let (sender, rx) = AppEventSender::channel();
        let watch = DiskWatch::start(&file, sender);
        std::fs::write(&file, "()").unwrap();
        rx.recv_timeout(Duration::from_secs(5)).unwrap();
        let now = Instant::now();
        assert!(watch.due(Some(now), now, false, false));
        assert!(watch.due(Some(now), now, false, true), "still there when the check can run");
    }

    #[test]
    fn only_polling_and_read_only_windows_wake_on_a_timer() {
        let now = Instant::now();
        assert_eq!(DiskWatch::Unconnected.deadline(Some(now), false), None);
        assert_eq!(DiskWatch::Polling.deadline(Some(now), false), Some(now + CHECK_EVERY));
        assert!(DiskWatch::Polling.due(Some(now - CHECK_EVERY), now, false, true));
        assert!(!DiskWatch::Polling.due(Some(now), now, false, true));
    }
}
