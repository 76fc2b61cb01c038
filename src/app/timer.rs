//! The time-box: a countdown for the current phase, driven only by the ticks it is given.

use std::time::{Duration, Instant};

/// What `T` steps through, in minutes; after the last one the timer is off.
pub const PRESETS: [u64; 3] = [10, 15, 5];

/// The last minute is shown in the warning style.
pub const WARN: Duration = Duration::from_secs(60);

/// A countdown. Armed by `T` (no clock involved), started by the next tick.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timer {
    minutes: Option<u64>,
    deadline: Option<Instant>,
    /// The latest tick, to know whether time is up when `T` is pressed.
    last_seen: Option<Instant>,
}

/// What the status line shows of the timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub minutes: u64,
    /// Whole seconds left (rounded up, so it reads 10:00 right after starting).
    pub left_secs: u64,
    pub warning: bool,
    pub over: bool,
}

impl Timer {
    /// Next preset (10 → 15 → 5 → off); time's up always switches it off.
    pub fn cycle(&mut self) {
        let next = match self.minutes {
            _ if self.is_over_at_deadline() => None,
            None => Some(PRESETS[0]),
            Some(m) => PRESETS.iter().position(|&p| p == m).and_then(|i| PRESETS.get(i + 1)).copied(),
        };
        *self = Timer { minutes: next, deadline: None, last_seen: self.last_seen };
    }

    /// Starts counting at the first tick after being armed.
    pub fn tick(&mut self, now: Instant) {
        if let (Some(m), None) = (self.minutes, self.deadline) {
            self.deadline = Some(now + Duration::from_secs(m * 60));
        }
        self.last_seen = Some(now);
    }

    pub fn minutes(&self) -> Option<u64> {
        self.minutes
    }

    pub fn is_set(&self) -> bool {
        self.minutes.is_some()
    }

    fn is_over_at_deadline(&self) -> bool {
        matches!((self.deadline, self.last_seen), (Some(d), Some(n)) if n >= d)
    }

    /// The timer as seen at `now` (`None`: not yet ticked, shows the full time).
    pub fn reading(&self, now: Option<Instant>) -> Option<Reading> {
        let minutes = self.minutes?;
        let left = match (self.deadline, now) {
            (Some(d), Some(n)) => d.saturating_duration_since(n),
            _ => Duration::from_secs(minutes * 60),
        };
        let left_secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        Some(Reading { minutes, left_secs, warning: left <= WARN, over: left.is_zero() })
    }

    /// When the shown seconds next change, seen from `now`.
    pub fn next_change(&self, now: Instant) -> Option<Instant> {
        let deadline = self.deadline?;
        let left = deadline.checked_duration_since(now)?;
        let frac = Duration::from_nanos(u64::from(left.subsec_nanos()));
        Some(now + if frac.is_zero() { Duration::from_secs(1) } else { frac })
    }
}

impl Reading {
    /// `09:59`, or `00:00` when time is up.
    pub fn clock(&self) -> String {
        format!("{:02}:{:02}", self.left_secs / 60, self.left_secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_presets_then_off() {
        let mut t = Timer::default();
        let seen: Vec<_> = (0..4)
            .map(|_| {
                t.cycle();
                t.minutes()
            })
            .collect();
        assert_eq!(seen, [Some(10), Some(15), Some(5), None]);
    }

    #[test]
    fn counts_down_from_the_first_tick_and_warns_in_the_last_minute() {
        let t0 = Instant::now();
        let mut t = Timer::default();
        t.cycle();
        assert_eq!(t.reading(None).map(|r| r.clock()), Some("10:00".to_owned()));
        t.tick(t0);
        let at = |s: u64| t.reading(Some(t0 + Duration::from_secs(s))).expect("set");
        assert_eq!(at(1).clock(), "09:59");
        assert!(!at(539).warning);
        assert!(at(540).warning && !at(540).over);
        assert!(at(600).over && at(700).over);
        assert_eq!(at(700).clock(), "00:00");
        assert_eq!(t.next_change(t0 + Duration::from_millis(1500)), Some(t0 + Duration::from_secs(2)));
    }

    #[test]
    fn when_time_is_up_t_switches_it_off() {
        let t0 = Instant::now();
        let mut t = Timer::default();
        t.cycle();
        t.tick(t0);
        t.tick(t0 + Duration::from_secs(601));
        t.cycle();
        assert_eq!(t.minutes(), None);
    }
}
