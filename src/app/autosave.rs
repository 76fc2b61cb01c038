//! When to save: shortly after typing pauses, and never later than a second after a change.

use std::time::{Duration, Instant};

/// Quiet time after the last change before saving.
const IDLE: Duration = Duration::from_millis(250);
/// Longest a change may wait before its save starts, even while typing goes on:
/// with 400 ms for the save itself (a 10,000-factor session saves in ~45 ms), it is on disk within a second (and in
/// the journal at once).
const MAX_WAIT: Duration = Duration::from_millis(600);

/// How long changes may keep an autosave from running to its end (each change
/// that comes while it serializes takes the session back).
const GIVE_UP_FOR: Duration = Duration::from_secs(3);

/// Pause between retries after a failed save.
const RETRY: Duration = Duration::from_secs(2);

/// Tracks which revision of the document is on disk.
#[derive(Debug, Clone)]
pub struct Autosave {
    saved_revision: u64,
    seen_revision: u64,
    dirty_since: Option<Instant>,
    last_change: Option<Instant>,
    last_attempt: Option<Instant>,
    /// When the last save succeeded.
    pub last_saved: Option<Instant>,
    /// Why the last save failed, until one succeeds.
    pub error: Option<String>,
}

impl Autosave {
    /// A document at `revision` that is already on disk.
    pub fn new(revision: u64) -> Autosave {
        Autosave {
            saved_revision: revision,
            seen_revision: revision,
            dirty_since: None,
            last_change: None,
            last_attempt: None,
            last_saved: None,
            error: None,
        }
    }

    /// Whether an autosave started at `now` may be given up for a change:
    /// until changes have waited [`GIVE_UP_FOR`], so that continuous typing on
    /// a large session still gets the file saved (the journal has every change
    /// meanwhile).
    pub fn may_give_up(&self, now: Instant) -> bool {
        self.dirty_since.is_none_or(|since| now < since + GIVE_UP_FOR)
    }

    /// Notes the document's revision at `now`.
    pub fn observe(&mut self, revision: u64, now: Instant) {
        if revision != self.seen_revision {
            self.seen_revision = revision;
            self.last_change = Some(now);
            if revision != self.saved_revision {
                self.dirty_since.get_or_insert(now);
            } else {
                self.dirty_since = None;
            }
        }
    }

    /// Whether something is not on disk yet.
    pub fn is_dirty(&self) -> bool {
        self.seen_revision != self.saved_revision
    }

    /// When the next save should happen, if one is pending.
    pub fn deadline(&self) -> Option<Instant> {
        let since = self.dirty_since?;
        let last = self.last_change.unwrap_or(since);
        let mut at = (last + IDLE).min(since + MAX_WAIT);
        if let (Some(_), Some(attempt)) = (&self.error, self.last_attempt) {
            at = at.max(attempt + RETRY);
        }
        Some(at)
    }

    /// Whether a save is due at `now`.
    pub fn due(&self, now: Instant) -> bool {
        self.deadline().is_some_and(|d| now >= d)
    }

    /// Records the outcome of saving `revision`.
    pub fn record(&mut self, revision: u64, now: Instant, outcome: Result<(), String>) {
        self.last_attempt = Some(now);
        match outcome {
            Ok(()) => {
                self.saved_revision = revision;
                self.last_saved = Some(now);
                self.error = None;
                if self.seen_revision == revision {
                    self.dirty_since = None;
                }
            }
            Err(e) => self.error = Some(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_after_a_pause_or_at_most_a_second() {
        let t0 = Instant::now();
        let mut a = Autosave::new(0);
        assert!(!a.due(t0));
        a.observe(1, t0);
        assert!(!a.due(t0 + Duration::from_millis(100)));
        assert!(a.due(t0 + IDLE));
        // Continuous typing still saves within a second.
        for i in 1..20u64 {
            a.observe(1 + i, t0 + Duration::from_millis(100 * i));
        }
        assert!(a.due(t0 + MAX_WAIT));
        a.record(20, t0 + MAX_WAIT, Ok(()));
        assert!(!a.is_dirty());
        assert_eq!(a.deadline(), None);
    }

    #[test]
    fn on_disk_within_a_second_counting_the_save() {
        // What a save may take on a slow disk.
        let save_budget = Duration::from_millis(400);
        assert!(MAX_WAIT + save_budget <= Duration::from_secs(1));
        assert!(IDLE < MAX_WAIT);
    }

    #[test]
    fn failed_saves_are_retried_later() {
        let t0 = Instant::now();
        let mut a = Autosave::new(0);
        a.observe(1, t0);
        a.record(1, t0 + IDLE, Err("disco lleno".into()));
        assert!(a.is_dirty());
        assert!(!a.due(t0 + IDLE + Duration::from_millis(500)));
        assert!(a.due(t0 + IDLE + RETRY));
    }

    #[test]
    fn changes_keep_an_autosave_from_its_end_for_a_few_seconds_at_most() {
        let t0 = Instant::now();
        let mut a = Autosave::new(0);
        a.observe(1, t0);
        assert!(a.may_give_up(t0 + MAX_WAIT));
        // Typing goes on: the changes are in the journal, the file waits no longer.
        a.observe(40, t0 + GIVE_UP_FOR);
        assert!(!a.may_give_up(t0 + GIVE_UP_FOR));
        a.record(40, t0 + GIVE_UP_FOR, Ok(()));
        a.observe(41, t0 + GIVE_UP_FOR * 2);
        assert!(a.may_give_up(t0 + GIVE_UP_FOR * 2));
    }

    #[test]
    fn undo_back_to_saved_is_clean() {
        let t0 = Instant::now();
        let mut a = Autosave::new(3);
        a.observe(4, t0);
        a.record(4, t0, Ok(()));
        a.observe(5, t0);
        assert!(a.is_dirty());
    }
}
