//! Roll-ups of the yearly review: where each action stood in a year, the
//! degree of each línea (the mean of its actions) and eje (the mean of its
//! líneas) with descartadas left out, the actions en retraso, counts by
//! status, and an indicator's progress from its baseline to its target.

use jiff::civil::Date;

use super::came::{Came, CameAction, Status};
use super::plan::Indicator;
use super::review::Degree;
use super::session::Session;

/// Where one action stood in a year.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionStanding {
    pub came: Came,
    pub id: String,
    pub text: String,
    /// Its latest degree in that year or before; 0 if never reviewed.
    pub degree: Degree,
    /// Its latest status then; pendiente before its first review (descartada
    /// if the action itself is and has never been reviewed).
    pub status: Status,
    /// The year of the review it stands on, if any (earlier than the year
    /// asked for when that year has no review of it).
    pub reviewed: Option<i16>,
    /// That year's note, if any.
    pub note: Option<String>,
    /// Counted in the roll-ups: not descartada, and reviewed or due to have
    /// begun by then (its start, else its due date, in that year or before; an
    /// action with neither counts from the first year).
    pub counted: bool,
    /// En retraso: not descartada, due within or before that year, below 100
    /// (and, once [`ActionStanding::judged_on`] a day, due before that day).
    pub late: bool,
    /// Its due date, if it has one.
    pub due: Option<Date>,
}

impl ActionStanding {
    /// Late judged on `today` too: an action due after today is not late yet,
    /// even in a year that has begun or not come (a report of next year lists
    /// nothing it could not yet have done).
    pub fn judged_on(mut self, today: Date) -> ActionStanding {
        self.late &= self.due.is_some_and(|d| d < today);
        self
    }
}

/// A línea's degree and its actions.
#[derive(Debug, Clone, PartialEq)]
pub struct LineProgress {
    pub id: String,
    /// The mean degree of its counted actions; `None` if it has none.
    pub degree: Option<f64>,
    pub actions: Vec<ActionStanding>,
}

/// An eje's degree and its líneas.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisProgress {
    pub id: String,
    /// The mean of its líneas' degrees (líneas with none left out).
    pub degree: Option<f64>,
    pub lines: Vec<LineProgress>,
}

/// The roll-up of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearProgress {
    pub year: i16,
    pub axes: Vec<AxisProgress>,
    /// Actions in no línea of an existing eje.
    pub unplaced: Vec<ActionStanding>,
    /// The plan's degree: the mean of the ejes, or of every counted action
    /// when the session has no ejes.
    pub degree: Option<f64>,
}

impl YearProgress {
    /// Every action, in plan order.
    pub fn actions(&self) -> impl Iterator<Item = &ActionStanding> {
        let placed = self.axes.iter().flat_map(|a| a.lines.iter().flat_map(|l| l.actions.iter()));
        placed.chain(self.unplaced.iter())
    }

    /// Every action's lateness judged on `today` too ([`ActionStanding::judged_on`]).
    pub fn judged_on(mut self, today: Date) -> YearProgress {
        let judge = |list: &mut Vec<ActionStanding>| {
            *list = std::mem::take(list).into_iter().map(|a| a.judged_on(today)).collect();
        };
        for axis in &mut self.axes {
            for line in &mut axis.lines {
                judge(&mut line.actions);
            }
        }
        judge(&mut self.unplaced);
        self
    }

    /// Actions en retraso, in plan order.
    pub fn late(&self) -> impl Iterator<Item = &ActionStanding> {
        self.actions().filter(|a| a.late)
    }

    /// How many actions stand on a review (of this year or an earlier one)
    /// that says pendiente, en curso, hecha and descartada. Those with no
    /// review yet are [`YearProgress::unreviewed`], not pendiente too: with
    /// it, every action is counted once and the report's rows add up to its
    /// total.
    pub fn counts(&self) -> [usize; 4] {
        Status::ALL.map(|s| self.actions().filter(|a| a.reviewed.is_some() && a.status == s).count())
    }

    /// How many actions have no review in this year or before (`—` in the
    /// report's actions × years table), whatever their status.
    pub fn unreviewed(&self) -> usize {
        self.actions().filter(|a| a.reviewed.is_none()).count()
    }
}

/// The arithmetic mean, `None` for no values.
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.into_iter().fold((0.0, 0u32), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// How far an indicator went from its baseline to its target, in percent:
/// (actual − baseline) / (target − baseline) × 100. Works for targets that go
/// down. Not capped: beyond the target is above 100, worse than the baseline
/// below 0. `None` without a baseline and a distinct target.
///
/// An indicator to keep (`Direction::Keep`) measures how close it stayed to
/// its level (the target, else the baseline): the smaller of the two over the
/// larger, × 100 (100 exactly at the level, either way off counts the same).
/// `None` without a level or with a negative one.
pub fn indicator_progress(indicator: &Indicator, actual: f64) -> Option<f64> {
    if indicator.direction == super::plan::Direction::Keep {
        let level = indicator.target.or(indicator.baseline)?;
        if level < 0.0 || actual < 0.0 {
            return None;
        }
        let (lo, hi) = (level.min(actual), level.max(actual));
        let p = if hi == 0.0 { 100.0 } else { lo / hi * 100.0 };
        return p.is_finite().then_some(p);
    }
    let (base, target) = (indicator.baseline?, indicator.target?);
    let span = target - base;
    let p = (actual - base) / span * 100.0;
    (span != 0.0 && p.is_finite()).then_some(p)
}

impl Session {
    /// Where action `a` stood in `year`.
    pub fn standing(&self, came: Came, a: &CameAction, year: i16) -> ActionStanding {
        let latest = self.latest_review(&a.id, year);
        let (degree, status) = match latest {
            Some(r) => (r.degree, r.status),
            // Dropped before any review: out. Reviewed only later: pendiente until then.
            None if a.status == Status::Dropped && !self.reviews.iter().any(|r| r.action == a.id) => {
                (Degree::ZERO, Status::Dropped)
            }
            None => (Degree::ZERO, Status::Pending),
        };
        let begun = a.start.or(a.due).is_none_or(|d| d.year() <= year);
        let dropped = status == Status::Dropped;
        ActionStanding {
            came,
            id: a.id.clone(),
            text: a.text.clone(),
            degree,
            status,
            reviewed: latest.map(|r| r.year),
            note: self.action_review(&a.id, year).and_then(|r| r.note.clone()),
            counted: !dropped && (latest.is_some() || begun),
            late: !dropped
                && status != Status::Done
                && a.due.is_some_and(|d| d.year() <= year)
                && degree < Degree::FULL,
            due: a.due,
        }
    }

    /// [`Session::progress`] with lateness judged on `today` as well.
    pub fn progress_on(&self, year: i16, today: Date) -> YearProgress {
        self.progress(year).judged_on(today)
    }

    /// The roll-up of `year`: every eje and línea with its actions and degree.
    pub fn progress(&self, year: i16) -> YearProgress {
        let placed = |line: &str| {
            self.all_actions()
                .filter(move |(_, a)| a.line.as_deref() == Some(line))
                .map(|(c, a)| self.standing(c, a, year))
                .collect::<Vec<_>>()
        };
        let axes: Vec<AxisProgress> = self
            .axes
            .iter()
            .map(|axis| {
                let lines: Vec<LineProgress> = self
                    .lines_of(&axis.id)
                    .map(|(_, l)| {
                        let actions = placed(&l.id);
                        let degree = mean(actions.iter().filter(|a| a.counted).map(|a| f64::from(a.degree.get())));
                        LineProgress { id: l.id.clone(), degree, actions }
                    })
                    .collect();
                let degree = mean(lines.iter().filter_map(|l| l.degree));
                AxisProgress { id: axis.id.clone(), degree, lines }
            })
            .collect();
        let in_tree = |line: Option<&str>| {
            line.and_then(|l| self.find_line(l))
                .and_then(|i| self.lines.get(i))
                .is_some_and(|l| self.find_axis(&l.axis).is_some())
        };
        let unplaced: Vec<ActionStanding> = self
            .all_actions()
            .filter(|(_, a)| !in_tree(a.line.as_deref()))
            .map(|(c, a)| self.standing(c, a, year))
            .collect();
        let mut progress = YearProgress { year, axes, unplaced, degree: None };
        progress.degree = if self.axes.is_empty() {
            mean(progress.actions().filter(|a| a.counted).map(|a| f64::from(a.degree.get())))
        } else {
            mean(progress.axes.iter().filter_map(|a| a.degree))
        };
        progress
    }
}

#[cfg(test)]
#[path = "rollup_tests.rs"]
mod tests;
