//! The review meeting: items carried over from last year's session still to
//! confirm, and actions past their due date.

use super::editor::{Editor, Pane, View};
use crate::domain::{CameAction, Quadrant};

impl Editor {
    /// Today, as the room's calendar reads it: the date fixed by
    /// [`Editor::set_today`], else [`crate::clock::today`] (`DAFO_TODAY` or the local date).
    pub fn today(&self) -> jiff::civil::Date {
        self.today.unwrap_or_else(crate::clock::today)
    }

    /// Fixes "today" (tests, screenshots): overdue marks do not drift with the clock.
    pub fn set_today(&mut self, today: jiff::civil::Date) {
        self.today = Some(today);
    }

    /// Whether an action not done yet is past its due date.
    pub fn is_overdue(&self, a: &CameAction) -> bool {
        a.is_overdue(self.today())
    }

    /// Actions not done whose due date has passed.
    pub fn overdue_count(&self) -> usize {
        self.session().all_actions().filter(|(_, a)| self.is_overdue(a)).count()
    }

    /// Factors and actions carried over and not confirmed yet.
    /// Counted once per revision of the session (every change bumps it).
    pub fn unconfirmed(&self) -> (usize, usize) {
        let revision = self.doc.revision();
        if let Some((at, counts)) = self.unconfirmed_at.get()
            && at == revision
        {
            return counts;
        }
        let s = self.session();
        let factors = Quadrant::ALL.iter().map(|&q| s.factors(q).iter().filter(|f| f.carried).count()).sum();
        let counts = (factors, s.all_actions().filter(|(_, a)| a.carried).count());
        self.unconfirmed_at.set(Some((revision, counts)));
        counts
    }

    /// Whether the item under the cursor is carried over and not confirmed (the footer explains `↻`).
    pub fn selected_is_carried(&self) -> bool {
        let q = self.focus();
        let factor = || self.selection(q).is_some_and(|i| self.session().factors(q)[i].carried);
        match self.view() {
            View::Dafo => factor(),
            View::Came if self.views.came.pane == Pane::Factors => factor(),
            View::Came => {
                let c = crate::domain::Came::of(q);
                self.action_selection(c).is_some_and(|i| self.session().actions(c)[i].carried)
            }
            View::Crossed | View::Weights | View::Plan | View::Follow => false,
        }
    }

    /// What opening did with a journal a stopped dafo left, said over anything
    /// else: the words came back, or where they were kept aside; else that the
    /// lock of a stopped dafo was taken over.
    pub(super) fn say_journal_found(&mut self) {
        use crate::storage::journal::{Replay, Unfit};
        let ui = &self.lang.text().ui;
        let name = |path: &std::path::Path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            crate::domain::text::display_safe(&name).into_owned()
        };
        let said = self.saver.with_file(|f| match f.journal_found() {
            Some(Replay::Newer(..)) => Some((ui.journal_replayed.to_owned(), false)),
            Some(Replay::SetAside(path, why) | Replay::Refused(path, why)) => {
                let say = match why {
                    Unfit::OtherVersion => ui.journal_set_aside,
                    Unfit::Damaged => ui.journal_damaged,
                    Unfit::NotAFile => ui.journal_not_a_file,
                };
                Some((say(&name(path)), true))
            }
            // No journal to speak of: a lock left by a dafo that was killed or
            // crashed is still said, as it is taken over.
            _ => f.took_over().map(|lock| ((ui.took_over_stopped)(lock.pid), false)),
        });
        if let Some((text, error)) = said {
            self.say(text, error);
        }
    }

    /// On opening: what came over from last session and how to confirm it.
    pub(super) fn say_carried(&mut self) {
        let (factors, actions) = self.unconfirmed();
        if factors + actions > 0 {
            let text = (self.lang.text().meeting.carried_open)(factors, actions);
            self.say(text, false);
        }
    }
}
