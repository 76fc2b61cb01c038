//! Joining two factors in the DAFO grid: `U` marks the selected factor, the
//! selection (↑↓) picks the one it goes into, `Enter` asks which wording stays
//! (the kept one's, the other's, or one typed). One undo step.

use super::action::{Action, JoinKeep};
use super::editor::{Editor, InputTarget, Join, Mode};
use super::keymap::{self, Context};
use crate::domain::join::{JoinError, Wording};

impl Editor {
    /// `U`: marks the selected factor to join it into another.
    pub(super) fn start_join(&mut self) {
        let q = self.focus();
        let Some(i) = self.selection(q) else { return };
        let f = &self.session().factors(q)[i];
        let id = f.id.clone();
        if f.conflict.is_some() {
            self.say_join_refused(JoinError::Marked(id));
            return;
        }
        self.say_choose(&id);
        self.mode = Mode::JoinMark(id);
    }

    /// The factor to join into is being picked: ↑↓ move inside the quadrant.
    pub(super) fn update_join_mark(&mut self, from: String, action: Action) {
        match action {
            Action::Up => self.step_within(-1),
            Action::Down => self.step_within(1),
            Action::First | Action::Last => self.update_dafo(action),
            Action::Cancel => return,
            Action::Submit => {
                let q = self.focus();
                let Some(i) = self.selection(q) else { return };
                let into = self.session().factors(q)[i].id.clone();
                let refused = self.session().join_factors(&from, &into, Wording::Kept).err();
                match refused {
                    None => {
                        self.mode = Mode::Join(Join { from, into });
                        return;
                    }
                    // A factor that went (reloaded meanwhile) ends the join.
                    Some(JoinError::Missing(_)) => return,
                    Some(e) => self.say_join_refused(e),
                }
                self.mode = Mode::JoinMark(from);
                return;
            }
            _ => {}
        }
        if self.session().find_factor(&from).is_some() {
            self.say_choose(&from);
            self.mode = Mode::JoinMark(from);
        }
    }

    /// The prompt: which wording stays.
    pub(super) fn update_join(&mut self, join: Join, action: Action) {
        match action {
            Action::JoinKeep(JoinKeep::Target) => self.finish_join(join, Wording::Kept),
            Action::JoinKeep(JoinKeep::Other) => self.finish_join(join, Wording::Joined),
            Action::StartEdit => {
                let s = self.session();
                let text = s.find_factor(&join.into).map(|(q, i)| s.factors(q)[i].text.clone()).unwrap_or_default();
                self.open_input(InputTarget::JoinText(join.from, join.into), &text);
            }
            Action::Cancel => {}
            _ => self.mode = Mode::Join(join),
        }
    }

    /// Joins `join.from` into `join.into` with `wording`; the selection stays on the joined factor.
    pub(super) fn finish_join(&mut self, join: Join, wording: Wording) {
        let typed = match &wording {
            Wording::Typed(t) => Some(t.clone()),
            _ => None,
        };
        match self.session().join_factors(&join.from, &join.into, wording) {
            Ok(edit) => {
                if self.apply(edit)
                    && let Some((q, i)) = self.session().find_factor(&join.into)
                {
                    self.views.factors.selected[q.index()] = i;
                    let u = keymap::key_for(self.view_context(), &Action::Undo, self.lang);
                    let (from, into) = (self.lang.show_id(&join.from), self.lang.show_id(&join.into));
                    self.say((self.lang.join_text().done)(&from, &into, &u), false);
                }
            }
            // An empty wording typed: the prompt again.
            Err(JoinError::Empty) => self.mode = Mode::Join(join),
            // A factor gone meanwhile: the words typed are shown whole, never dropped.
            Err(JoinError::Missing(id)) => self.target_gone(&id, None, typed.as_deref().unwrap_or_default()),
            Err(e) => self.say_join_refused(e),
        }
    }

    /// Moves the selection inside the focused quadrant (never into the next one).
    fn step_within(&mut self, delta: isize) {
        let q = self.focus();
        let order = self.order(q);
        let cur = self.selection(q).and_then(|s| order.iter().position(|&i| i == s)).unwrap_or(0);
        let to = cur.saturating_add_signed(delta).min(order.len().saturating_sub(1));
        if let Some(&i) = order.get(to) {
            self.views.factors.selected[q.index()] = i;
        }
    }

    fn say_choose(&mut self, from: &str) {
        let key = |a: &Action| keymap::key_for(Context::JoinMark, a, self.lang);
        let (ok, esc) = (key(&Action::Submit), key(&Action::Cancel));
        let text = (self.lang.join_text().choose)(&self.lang.show_id(from), &ok, &esc);
        self.say(text, false);
    }

    fn say_join_refused(&mut self, e: JoinError) {
        let t = self.lang.join_text();
        let key = |a: &Action| keymap::key_for(Context::Grid, a, self.lang);
        let text = match e {
            JoinError::Itself => t.refused_itself.to_owned(),
            JoinError::OtherQuadrant(..) => (t.refused_quadrant)(&key(&Action::StartMove)),
            JoinError::Marked(id) => (t.refused_marked)(&self.lang.show_id(&id), &key(&Action::KeepVersion)),
            JoinError::Missing(_) | JoinError::Empty => return,
        };
        self.say(text, true);
    }
}
