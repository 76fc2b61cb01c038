//! What the plan still lacks (líneas without actions, actions without a línea)
//! and the cronograma: the actions by year, or by quarter for a one- or two-year
//! horizon, from their start and due dates.

use jiff::civil::Date;

use super::came::{Came, CameAction, Status};
use super::plan::{Horizon, Line};
use super::session::Session;

/// One column of the cronograma: a year or a quarter, both ends included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// `2024`, or `2024 T1`… (the exporters translate the `T`).
    pub year: i16,
    /// 1-4 for a quarter, `None` for a whole year.
    pub quarter: Option<u8>,
    pub first: Date,
    pub last: Date,
}

/// One action of the cronograma.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleRow {
    pub came: Came,
    pub id: String,
    pub text: String,
    /// The línea's ID, if placed.
    pub line: Option<String>,
    /// One mark per period: whether the action runs in it.
    pub active: Vec<bool>,
}

/// The cronograma of a session with a horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub periods: Vec<Period>,
    /// Dated actions, in plan order (by eje and línea, then the unplaced ones).
    pub rows: Vec<ScheduleRow>,
    /// IDs of actions with no date at all.
    pub undated: Vec<String>,
    /// IDs of dated actions that fall wholly outside the horizon.
    pub outside: Vec<String>,
}

impl Period {
    fn of(horizon: Horizon) -> Vec<Period> {
        let date = |y: i16, m: i8, d: i8| Date::new(y, m, d).ok();
        let mut out = Vec::new();
        for year in horizon.start..=horizon.end {
            if horizon.by_quarter() {
                for q in 0..4i8 {
                    let first = date(year, q * 3 + 1, 1);
                    let last = date(year, q * 3 + 3, 1).map(|d| d.last_of_month());
                    if let (Some(first), Some(last)) = (first, last) {
                        out.push(Period { year, quarter: Some(q as u8 + 1), first, last });
                    }
                }
            } else if let (Some(first), Some(last)) = (date(year, 1, 1), date(year, 12, 31)) {
                out.push(Period { year, quarter: None, first, last });
            }
        }
        out
    }
}

impl Session {
    /// Líneas that no action and no strategy serves yet, in plan order.
    pub fn lines_without_actions(&self) -> Vec<&Line> {
        let served = |id: &str| {
            self.all_actions().any(|(_, a)| a.line.as_deref() == Some(id))
                || self.strategies.iter().any(|s| s.line.as_deref() == Some(id))
        };
        self.lines_in_order().filter(|l| !served(&l.id)).collect()
    }

    /// Actions not placed in an existing línea (dropped ones left out), in grid order.
    pub fn actions_without_line(&self) -> Vec<(Came, &CameAction)> {
        self.all_actions()
            .filter(|(_, a)| a.status != Status::Dropped)
            .filter(|(_, a)| a.line.as_deref().is_none_or(|l| self.find_line(l).is_none()))
            .collect()
    }

    /// Líneas eje by eje, then any whose eje is gone.
    pub fn lines_in_order(&self) -> impl Iterator<Item = &Line> {
        let by_axis = self.axes.iter().flat_map(move |a| self.lines_of(&a.id).map(|(_, l)| l));
        by_axis.chain(self.lines.iter().filter(move |l| self.find_axis(&l.axis).is_none()))
    }

    /// Actions in plan order: línea by línea, then the ones without a línea.
    pub fn actions_in_plan_order(&self) -> Vec<(Came, &CameAction)> {
        let mut out: Vec<(Came, &CameAction)> = Vec::new();
        for line in self.lines_in_order() {
            out.extend(self.all_actions().filter(|(_, a)| a.line.as_deref() == Some(line.id.as_str())));
        }
        out.extend(self.all_actions().filter(|(_, a)| a.line.as_deref().is_none_or(|l| self.find_line(l).is_none())));
        out
    }

    /// The cronograma, or `None` without a horizon. An action runs from its start
    /// to its due date; with only one of them, in that date's period.
    pub fn schedule(&self) -> Option<Schedule> {
        let periods = Period::of(self.meta.horizon?);
        let mut schedule = Schedule { periods, rows: Vec::new(), undated: Vec::new(), outside: Vec::new() };
        for (came, a) in self.actions_in_plan_order() {
            let (Some(from), Some(to)) = (a.start.or(a.due), a.due.or(a.start)) else {
                schedule.undated.push(a.id.clone());
                continue;
            };
            let (from, to) = if from <= to { (from, to) } else { (to, from) };
            let active: Vec<bool> = schedule.periods.iter().map(|p| from <= p.last && to >= p.first).collect();
            if !active.contains(&true) {
                schedule.outside.push(a.id.clone());
                continue;
            }
            let row = ScheduleRow { came, id: a.id.clone(), text: a.text.clone(), line: a.line.clone(), active };
            schedule.rows.push(row);
        }
        Some(schedule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Horizon;
    use jiff::Timestamp;
    use jiff::civil::date;

    fn planned() -> Session {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        for t in ["uno", "dos", "tres", "cuatro"] {
            let e = s.add_action(Came::Correct, t, vec![]).unwrap();
            s.apply(e).unwrap();
        }
        let e = s.add_axis("Eje").unwrap();
        s.apply(e).unwrap();
        for t in ["L a", "L b"] {
            let e = s.add_line("EJ1", t).unwrap();
            s.apply(e).unwrap();
        }
        s
    }

    #[test]
    fn coverage_counts_both_ways() {
        let mut s = planned();
        assert_eq!(s.lines_without_actions().len(), 2);
        assert_eq!(s.actions_without_line().len(), 4);
        let e = s.place_action(Came::Correct, 0, Some("L2")).unwrap();
        s.apply(e).unwrap();
        let e = s.change_action(Came::Correct, 3, |a| a.status = Status::Dropped).unwrap();
        s.apply(e).unwrap();
        let ids: Vec<_> = s.lines_without_actions().iter().map(|l| l.id.clone()).collect();
        assert_eq!(ids, ["L1"]);
        let ids: Vec<_> = s.actions_without_line().iter().map(|(_, a)| a.id.clone()).collect();
        assert_eq!(ids, ["C2", "C3"]);
        // A deleted línea puts its action back in the tray.
        let e = s.delete_line(1).unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.actions_without_line().len(), 3);
        assert_eq!(s.correct[0].line, None);
        assert_eq!(s.line_label("L2"), "L2?");
    }

    #[test]
    fn cronograma_by_year_and_by_quarter() {
        let mut s = planned();
        assert!(s.schedule().is_none());
        s.meta.horizon = Some(Horizon::new(2023, 2026).unwrap());
        s.correct[0].start = Some(date(2023, 9, 1));
        s.correct[0].due = Some(date(2024, 6, 30));
        s.correct[1].due = Some(date(2026, 12, 31));
        s.correct[2].start = Some(date(2030, 1, 1));
        s.correct[0].line = Some("L1".into());
        let c = s.schedule().unwrap();
        assert_eq!(c.periods.len(), 4);
        assert_eq!(c.rows[0].id, "C1");
        assert_eq!(c.rows[0].active, [true, true, false, false]);
        assert_eq!(c.rows[1].active, [false, false, false, true]);
        assert_eq!(c.outside, ["C3"]);
        assert_eq!(c.undated, ["C4"]);
        s.meta.horizon = Some(Horizon::new(2024, 2024).unwrap());
        let c = s.schedule().unwrap();
        assert_eq!(c.periods.len(), 4);
        assert_eq!(c.periods[1].first, date(2024, 4, 1));
        assert_eq!(c.periods[1].last, date(2024, 6, 30));
        assert_eq!(c.rows[0].active, [true, true, false, false]);
    }

    #[test]
    fn reversed_dates_still_schedule() {
        let mut s = planned();
        s.meta.horizon = Some(Horizon::new(2023, 2024).unwrap());
        s.correct[0].start = Some(date(2024, 2, 1));
        s.correct[0].due = Some(date(2023, 11, 1));
        let c = s.schedule().unwrap();
        assert_eq!(c.periods.len(), 8);
        assert_eq!(c.rows[0].active, [false, false, false, true, true, false, false, false]);
    }
}
