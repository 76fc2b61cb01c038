//! The Seguimiento view's keys (`S`): rows are the actions grouped by eje and
//! línea, then the indicators; columns are the years of the plan's horizon.
//! Degree, status and note of the selected action in the selected year, an
//! indicator's value, the year's review record: every change goes through the
//! domain's review edits, so undo, autosave and the lock work as for any edit.

use crate::domain::{Came, Degree, Session, Status};
use crate::i18n::Lang;
use crate::i18n::locale::Unread;

use super::action::Action;
use super::editor::Editor;
use super::mode::InputTarget;

/// A row of the view: headers (eje, línea, the group with no línea, the
/// indicators) and the rows the cursor stops on (actions, indicators).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowRow {
    Axis(usize),
    Line(usize),
    NoLine,
    Action(Came, usize),
    Indicators,
    Indicator(usize),
}

impl FollowRow {
    /// Whether the cursor stops on it.
    pub fn selectable(self) -> bool {
        matches!(self, FollowRow::Action(..) | FollowRow::Indicator(_))
    }
}

/// Every row in order: each eje, its líneas and their actions; the actions in
/// no línea of an existing eje; the indicators.
pub fn rows(s: &Session) -> Vec<FollowRow> {
    let mut out = Vec::new();
    let actions_in = |line: &str| -> Vec<(Came, usize)> {
        Came::ALL
            .into_iter()
            .flat_map(|c| (0..s.actions(c).len()).map(move |i| (c, i)))
            .filter(|&(c, i)| s.actions(c)[i].line.as_deref() == Some(line))
            .collect()
    };
    for (a, axis) in s.axes.iter().enumerate() {
        out.push(FollowRow::Axis(a));
        for (i, line) in s.lines_of(&axis.id) {
            out.push(FollowRow::Line(i));
            out.extend(actions_in(&line.id).into_iter().map(|(c, i)| FollowRow::Action(c, i)));
        }
    }
    let in_tree = |line: Option<&str>| {
        line.and_then(|l| s.find_line(l)).and_then(|i| s.lines.get(i)).is_some_and(|l| s.find_axis(&l.axis).is_some())
    };
    let unplaced: Vec<FollowRow> = Came::ALL
        .into_iter()
        .flat_map(|c| (0..s.actions(c).len()).map(move |i| (c, i)))
        .filter(|&(c, i)| !in_tree(s.actions(c)[i].line.as_deref()))
        .map(|(c, i)| FollowRow::Action(c, i))
        .collect();
    if !unplaced.is_empty() {
        out.push(FollowRow::NoLine);
        out.extend(unplaced);
    }
    if !s.indicators.is_empty() {
        out.push(FollowRow::Indicators);
        out.extend((0..s.indicators.len()).map(FollowRow::Indicator));
    }
    out
}

/// The rows the cursor stops on, in order.
pub fn items(s: &Session) -> Vec<FollowRow> {
    rows(s).into_iter().filter(|r| r.selectable()).collect()
}

/// The years of the horizon, in order; empty without one.
pub fn years(s: &Session) -> Vec<i16> {
    s.meta.horizon.map(|h| (h.start..=h.end).collect()).unwrap_or_default()
}

/// The degree a digit key sets: 0 → 0, 1 → 25 … 4 → 100.
pub fn digit_degree(n: u8) -> Degree {
    Degree::new(n.min(4) * 25).unwrap_or(Degree::FULL)
}

impl Editor {
    /// The year showing in the Seguimiento view: the one chosen, else the
    /// latest year reviewed within the horizon, else its first.
    pub fn follow_year(&self) -> Option<i16> {
        let s = self.session();
        let h = s.meta.horizon?;
        let year =
            self.views.follow.year.or_else(|| s.reviewed_years().into_iter().rfind(|y| (h.start..=h.end).contains(y)));
        Some(year.unwrap_or(h.start).clamp(h.start, h.end))
    }

    /// The year the Seguimiento view shows, when it has anything to show (a
    /// horizon, and an action or indicator); `None` when it says why not.
    pub fn follow_shown_year(&self) -> Option<i16> {
        self.follow_year().filter(|_| !items(self.session()).is_empty())
    }

    /// The row under the cursor, if the view has any.
    pub fn follow_selected(&self) -> Option<FollowRow> {
        let items = items(self.session());
        items.get(self.views.follow.row.min(items.len().saturating_sub(1))).copied()
    }

    pub(super) fn update_follow(&mut self, action: Action) {
        let n = items(self.session()).len();
        let sel = &mut self.views.follow.row;
        match action {
            Action::Up => *sel = sel.saturating_sub(1),
            Action::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
            Action::First => *sel = 0,
            Action::Last => *sel = n.saturating_sub(1),
            Action::Left | Action::Right => {
                let Some((year, h)) = self.follow_year().zip(self.session().meta.horizon) else { return };
                let d = if action == Action::Left { -1 } else { 1 };
                self.views.follow.year = Some((year + d).clamp(h.start, h.end));
            }
            // The room watches: presenting moves between years, it changes nothing.
            _ if self.presenting() => {}
            Action::Rate(d) => self.set_degree(|_| digit_degree(d)),
            Action::DegreeStep(points) => self.set_degree(|d| d.step(points)),
            Action::CycleStatus => self.cycle_follow_status(),
            Action::FollowDrop => self.toggle_follow_dropped(),
            Action::FollowNote => {
                if let (Some((id, _)), Some(year)) = (self.follow_action(), self.follow_year()) {
                    let note = self.session().action_review(&id, year).and_then(|r| r.note.clone());
                    self.open_input(InputTarget::FollowNote(id, year), &note.unwrap_or_default());
                }
            }
            Action::FollowValue => match (self.follow_selected(), self.follow_year()) {
                (Some(FollowRow::Indicator(i)), Some(year)) => {
                    let id = self.session().indicators[i].id.clone();
                    let text = value_text(self.lang, self.session(), &id, year);
                    self.open_input(InputTarget::FollowValue(id, year), &text);
                }
                // On an action: the money committed and paid for it that year.
                (Some(FollowRow::Action(c, i)), Some(year)) => {
                    let Some(id) = self.session().actions(c).get(i).map(|a| a.id.clone()) else { return };
                    let text = money_text(self.lang, self.session(), &id, year);
                    self.open_input(InputTarget::FollowMoney(id, year), &text);
                }
                (Some(_), Some(_)) => self.say(self.lang.text().follow.value_on_indicator.to_owned(), false),
                _ => {}
            },
            Action::FollowRecord => {
                if let Some(year) = self.follow_year() {
                    self.open_record(year);
                }
            }
            _ => {}
        }
    }

    /// The selected action's ID and where it stands in the year showing
    /// (degree, status), if an action is selected.
    fn follow_action(&self) -> Option<(String, (Degree, Status))> {
        let Some(FollowRow::Action(c, i)) = self.follow_selected() else { return None };
        let s = self.session();
        let a = s.actions(c).get(i)?;
        let st = s.standing(c, a, self.follow_year()?);
        Some((a.id.clone(), (st.degree, st.status)))
    }

    /// Sets the selected action's degree this year to `f(where it stands)`.
    /// A status that only followed the old degree follows the new one (the
    /// domain's rule, as `dafo review` and the owners' sheets apply it).
    fn set_degree(&mut self, f: impl FnOnce(Degree) -> Degree) {
        let (Some((id, (old, _))), Some(year)) = (self.follow_action(), self.follow_year()) else { return };
        self.record_review(&id, year, Some(f(old)), None, None);
    }

    /// The next status; the degree stays where it is, so a full round of `s`
    /// comes back to where it started.
    fn cycle_follow_status(&mut self) {
        let (Some((id, (degree, status))), Some(year)) = (self.follow_action(), self.follow_year()) else { return };
        self.record_review(&id, year, Some(degree), Some(status.next()), None);
    }

    /// `x`: descartada in one key; on a descartada action, back to the status
    /// it had before `x` dropped it (else the one its degree suggests).
    fn toggle_follow_dropped(&mut self) {
        let (Some((id, (degree, status))), Some(year)) = (self.follow_action(), self.follow_year()) else { return };
        let new = if status == Status::Dropped {
            match self.views.follow.dropped.take() {
                Some((was_id, was_year, was)) if was_id == id && was_year == year => was,
                _ => degree.suggested_status(),
            }
        } else {
            self.views.follow.dropped = Some((id.clone(), year, status));
            Status::Dropped
        };
        self.record_review(&id, year, Some(degree), Some(new), None);
    }

    /// Records a review through the domain; errors are said, nothing changes.
    fn record_review(
        &mut self,
        id: &str,
        year: i16,
        degree: Option<Degree>,
        status: Option<Status>,
        note: Option<&str>,
    ) {
        match self.session().review_action(id, year, degree, status, note) {
            Ok(Some(edit)) => {
                if self.apply(edit) {
                    self.warn_before_start(id, year, degree);
                }
            }
            Ok(None) => {}
            Err(e) => self.say(self.lang.text().review_errors.of(&e), true),
        }
    }

    /// A degree above 0 for a year before the action starts is kept (the
    /// facilitator may know better) but never silently: the status line says so.
    fn warn_before_start(&mut self, id: &str, year: i16, degree: Option<Degree>) {
        let Some(start) = self.session().find_action(id).and_then(|(c, i)| self.session().actions(c)[i].start) else {
            return;
        };
        if degree.is_some_and(|d| d > Degree::ZERO) && start.year() > year {
            let shown = self.lang.show_id(id);
            let msg = (self.lang.text().follow.before_start)(&shown, start.year(), year);
            self.say(msg, true);
        }
    }

    /// Enter in the input line of a note or an indicator's value.
    pub(super) fn submit_follow(&mut self, target: InputTarget, text: &str) {
        match target {
            InputTarget::FollowNote(id, year) => {
                // A first review of the year starts where the action stood.
                let standing = self.session().find_action(&id).map(|(c, i)| {
                    let s = self.session();
                    let st = s.standing(c, &s.actions(c)[i], year);
                    (st.degree, st.status)
                });
                let fresh = self.session().action_review(&id, year).is_none();
                let (degree, status) = standing.filter(|_| fresh).unzip();
                self.record_review(&id, year, degree, status, Some(text));
            }
            InputTarget::FollowValue(id, year) => match parse_number(self.lang, text) {
                Ok(value) => match self.session().set_indicator_value(&id, year, value) {
                    Ok(Some(edit)) => {
                        self.apply(edit);
                    }
                    Ok(None) => {}
                    Err(e) => self.say(self.lang.text().review_errors.of(&e), true),
                },
                Err(unread) => {
                    let msg = match unread {
                        Unread::Ambiguous(msg) | Unread::TooManyDigits(msg) => msg,
                        Unread::NotANumber => format!("{}: {text}", self.lang.text().follow.bad_number),
                    };
                    self.say(msg, true);
                    self.open_input(InputTarget::FollowValue(id, year), text);
                }
            },
            InputTarget::FollowMoney(id, year) => self.submit_money(id, year, text),
            _ => {}
        }
    }

    /// `committed; paid` as typed for an action's year: each read in the
    /// session's language (empty clears it), recorded in one step and said
    /// back as understood; a part that does not read reopens the line.
    fn submit_money(&mut self, id: String, year: i16, text: &str) {
        let mut parts = text.split(';');
        let (committed, paid) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let read = |t: &str| crate::i18n::money_words::read_amount(self.lang, t);
        let (committed, paid) = match (parts.next(), read(committed), read(paid)) {
            (None, Ok(c), Ok(p)) => (c, p),
            (Some(_), ..) => return self.refuse_money(id, year, text, (self.lang.money().bad_pair)(text)),
            (None, Err(m), _) | (None, _, Err(m)) => return self.refuse_money(id, year, text, m),
        };
        match self.session().review_money(&id, year, Some(committed), Some(paid)) {
            Ok(Some(edit)) => {
                if self.apply(edit) {
                    let l = self.lang.locale();
                    let show = |e: Option<crate::domain::Euros>| e.map_or_else(|| "—".to_owned(), |e| l.money(e.cents));
                    let said =
                        (self.lang.money().follow_said)(&self.lang.show_id(&id), year, &show(committed), &show(paid));
                    self.say(said, false);
                }
            }
            Ok(None) => {}
            Err(e) => self.say(self.lang.text().review_errors.of(&e), true),
        }
    }

    fn refuse_money(&mut self, id: String, year: i16, text: &str, why: String) {
        self.say(why, true);
        self.open_input(InputTarget::FollowMoney(id, year), text);
    }
}

/// An indicator's value in a year as its input line shows it: written exactly,
/// the language's way (`4,5`), so that confirmed untouched it reads back the
/// same; empty when there is none.
pub fn value_text(lang: Lang, s: &Session, id: &str, year: i16) -> String {
    s.indicator_value(id, year).map(|v| lang.locale().exact(v)).unwrap_or_default()
}

/// An action's money in a year as its input line shows it, the way it reads
/// back: `1500; 1200,50`, empty when neither is set.
pub fn money_text(lang: Lang, s: &Session, id: &str, year: i16) -> String {
    let r = s.action_review(id, year);
    let plain = |e: Option<crate::domain::Euros>| e.map(|e| lang.locale().money_plain(e.cents)).unwrap_or_default();
    match r.map(|r| (r.committed, r.paid)) {
        Some((c, p)) if c.is_some() || p.is_some() => format!("{}; {}", plain(c), plain(p)),
        _ => String::new(),
    }
}

/// A value as typed in the session's language (see [`crate::i18n::locale::Locale::read_number`]:
/// in Spanish `1.500` is fifteen hundred, `12,5` twelve and a half); empty clears the value.
fn parse_number(lang: Lang, text: &str) -> Result<Option<f64>, Unread> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    lang.locale().read_number(text).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_digits() {
        let es = |t| parse_number(Lang::Es, t);
        assert_eq!(es(" 12,5 "), Ok(Some(12.5)));
        assert_eq!(es("1.500"), Ok(Some(1500.0)), "as the indicator form reads it");
        assert_eq!(parse_number(Lang::En, "1,500"), Ok(Some(1500.0)), "as an English speaker writes it");
        assert_eq!(es("-3"), Ok(Some(-3.0)));
        assert_eq!(es(""), Ok(None));
        assert_eq!(es("doce"), Err(Unread::NotANumber));
        assert_eq!(es("inf"), Err(Unread::NotANumber));
        assert!(matches!(es("1,500"), Err(Unread::Ambiguous(_))));
        assert_eq!(digit_degree(0).get(), 0);
        assert_eq!(digit_degree(3).get(), 75);
        assert_eq!(digit_degree(9).get(), 100);
    }
}
