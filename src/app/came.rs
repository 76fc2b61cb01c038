//! What the keys do in the CAME view, one function per pane: the factor list
//! and the list of actions that answer the quadrant.

use super::action::Action;
use super::editor::{Editor, InputTarget, Pane};
use super::picker::{PickFor, Picker, options_of};
use crate::domain::Came;
use crate::labels;

impl Editor {
    /// Index of the selected action of `c`, if it has actions.
    pub fn action_selection(&self, c: Came) -> Option<usize> {
        let len = self.session().actions(c).len();
        (len > 0).then(|| self.views.came.actions[c.source().index()].min(len - 1))
    }

    pub(super) fn update_came(&mut self, action: Action) {
        match (action, self.views.came.pane) {
            (Action::TagThemes, _) => self.start_tags(crate::domain::themes::Tag::Theme),
            (Action::TagImpacts, Pane::Actions) => self.start_tags(crate::domain::themes::Tag::Impact),
            (action, _) => self.update_came_pane(action),
        }
    }

    fn update_came_pane(&mut self, action: Action) {
        match self.views.came.pane {
            Pane::Factors => self.update_came_factors(action),
            Pane::Actions => self.update_came_actions(action),
        }
    }

    /// `a` in either pane: a new action, linked to the factor under the cursor
    /// (from the action list: the first factor no action answers, else the one chosen).
    fn add_action(&mut self) {
        let q = self.focus();
        let index = match self.views.came.pane {
            Pane::Factors => self.selection(q),
            Pane::Actions => self.session().first_unanswered(q).or_else(|| self.selection(q)),
        };
        let links = index.map(|i| vec![self.session().factors(q)[i].id.clone()]).unwrap_or_default();
        self.last_added = None;
        self.open_input(InputTarget::AddAction(links), "");
    }

    /// The factor a new action's line answers after moving `delta` factors from
    /// `links` in the focused quadrant's order (staying at its ends); the
    /// factor list's selection follows, so the room sees it.
    pub(super) fn next_target(&mut self, links: &[String], delta: isize) -> Vec<String> {
        let q = self.focus();
        let order = self.order(q);
        let factors = self.session().factors(q);
        let at = links.first().and_then(|id| order.iter().position(|&i| factors[i].id == *id));
        let to = match at {
            Some(p) => p.saturating_add_signed(delta).min(order.len().saturating_sub(1)),
            None => 0,
        };
        let Some(&i) = order.get(to) else { return links.to_vec() };
        let id = factors[i].id.clone();
        self.views.factors.selected[q.index()] = i;
        vec![id]
    }

    /// The factor pane: factors are edited as in the DAFO grid.
    fn update_came_factors(&mut self, action: Action) {
        let q = self.focus();
        match action {
            Action::KeepVersion => self.keep_version(),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            // h/l stay inside the quadrant; 1-4 and Tab go to the others, as in the grid.
            Action::Left => {}
            Action::Right => self.views.came.pane = Pane::Actions,
            Action::First | Action::Last => {
                let order = self.order(q);
                let pick = if action == Action::First { order.first() } else { order.last() };
                self.views.factors.selected[q.index()] = pick.copied().unwrap_or(0);
            }
            Action::StartAdd => self.add_action(),
            Action::StartEdit => self.edit_factor(),
            Action::Delete => self.delete(),
            Action::ShiftUp => self.shift(-1),
            Action::ShiftDown => self.shift(1),
            Action::Vote(delta) => self.vote(delta),
            _ => {}
        }
    }

    /// The action pane: the actions of the focused CAME quadrant.
    fn update_came_actions(&mut self, action: Action) {
        let q = self.focus();
        let c = Came::of(q);
        let len = self.session().actions(c).len();
        let cur = self.action_selection(c);
        let sel = &mut self.views.came.actions[q.index()];
        match action {
            Action::KeepVersion => self.keep_version(),
            Action::Up => *sel = cur.unwrap_or(0).saturating_sub(1),
            Action::Down => *sel = (cur.unwrap_or(0) + 1).min(len.saturating_sub(1)),
            Action::First => *sel = 0,
            Action::Last => *sel = len.saturating_sub(1),
            Action::Left => self.views.came.pane = Pane::Factors,
            Action::Right => {}
            Action::StartAdd => self.add_action(),
            // With no action in the list, it says how to add one.
            Action::PlaceInLine => self.pick_line_for_selected(),
            other => {
                if let Some(i) = cur {
                    self.on_action(c, i, other);
                }
            }
        }
    }

    /// Keys that act on the selected action `i` of `c`.
    fn on_action(&mut self, c: Came, i: usize, action: Action) {
        let q = c.source();
        match action {
            Action::StartEdit => {
                let a = &self.session().actions(c)[i];
                let (id, text) = (a.id.clone(), a.text.clone());
                self.open_input(InputTarget::EditAction(id), &text);
            }
            Action::Delete => {
                let id = self.session().actions(c)[i].id.clone();
                if let Some(edit) = self.session().delete_action(c, i)
                    && self.apply(edit)
                {
                    let gone = self.lang.text().ui.deleted_action;
                    let u = super::keymap::key_for(super::keymap::Context::CameActions, &Action::Undo, self.lang);
                    let undo = format!("{u} {}", self.lang.text().ui.to_undo);
                    self.say(format!("{gone} {} ({undo})", self.shown_id(&id)), false);
                }
            }
            Action::ShiftUp | Action::ShiftDown => {
                let delta = if action == Action::ShiftUp { -1 } else { 1 };
                if let Some(edit) = self.session().shift_action(c, i, delta)
                    && self.apply(edit)
                {
                    self.views.came.actions[q.index()] = i.saturating_add_signed(delta);
                }
            }
            Action::Vote(delta) => {
                if let Some(edit) =
                    self.session().change_action(c, i, |a| a.votes = a.votes.saturating_add_signed(delta))
                    && self.apply(edit)
                {
                    let a = &self.session().actions(c)[i];
                    self.say_votes(a.votes, &a.id.clone());
                }
            }
            Action::StartLink => {
                let s = self.session();
                let a = &s.actions(c)[i];
                let purpose = PickFor::Links { came: c, action: a.id.clone() };
                let checked = a.links.clone();
                // The quadrant's factors, then those of other quadrants the action
                // answers: every link it has is on the list, to keep or uncheck.
                let mut options = options_of(self, q);
                let elsewhere = a.links.iter().filter_map(|id| s.find_factor(id)).filter(|(fq, _)| *fq != q);
                options.extend(elsewhere.map(|(fq, fi)| {
                    let f = &s.factors(fq)[fi];
                    (f.id.clone(), f.text.clone())
                }));
                self.open_picker(Picker::new(purpose, options, checked));
            }
            Action::CycleStatus => {
                let was_carried = self.session().actions(c)[i].carried;
                // Changing the status of a carried-over action confirms it.
                if let Some(edit) = self.session().change_action(c, i, |a| {
                    a.status = a.status.next();
                    a.carried = false;
                }) && self.apply(edit)
                {
                    let a = &self.session().actions(c)[i];
                    let mut msg = format!("{}: {}", self.shown_id(&a.id), labels::status(self.lang, a.status));
                    if was_carried {
                        msg.push_str(&format!(" · ↻ {}", self.lang.text().meeting.confirmed));
                    }
                    self.say(msg, false);
                }
            }
            Action::StartForm => self.open_form(),
            _ => {}
        }
    }
}
