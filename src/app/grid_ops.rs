//! What the keys do in the DAFO grid: moving around, capturing, tidying.

use super::action::Action;
use super::editor::{Editor, Input, InputTarget, Mode};
use crate::domain::Quadrant;

impl Editor {
    pub(super) fn update_dafo(&mut self, action: Action) {
        match action {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::Left => self.jump(-1, 0),
            Action::Right => self.jump(1, 0),
            Action::First | Action::Last => {
                let order = self.order(self.focus());
                let pick = if action == Action::First { order.first() } else { order.last() };
                self.views.factors.selected[self.focus().index()] = pick.copied().unwrap_or(0);
            }
            Action::StartAdd => self.open_input(InputTarget::Add, ""),
            Action::StartEdit => self.edit_factor(),
            Action::Delete => self.delete(),
            Action::ShiftUp => self.shift(-1),
            Action::ShiftDown => self.shift(1),
            Action::StartMove if self.selection(self.focus()).is_some() => {
                self.mode = Mode::MovePick;
            }
            Action::Vote(delta) => self.vote(delta),
            Action::CycleSource => self.cycle_source(),
            Action::FilterTheme => self.cycle_theme(),
            Action::TagThemes => self.start_tags(crate::domain::themes::Tag::Theme),
            Action::KeepVersion => self.keep_version(),
            Action::StartJoin => self.start_join(),
            _ => {}
        }
    }

    /// Moves the factor selection in display order; past the edge, to the
    /// quadrant above or below.
    pub(super) fn step(&mut self, delta: isize) {
        let q = self.focus();
        let order = self.order(q);
        let cur = self.selection(q).and_then(|s| order.iter().position(|&i| i == s)).unwrap_or(0);
        match cur.checked_add_signed(delta).and_then(|p| order.get(p)) {
            Some(&next) => self.views.factors.selected[q.index()] = next,
            None => {
                if let Some(n) = q.neighbour(0, delta.signum() as i8) {
                    self.views.focus = n;
                    let o = self.order(n);
                    let pick = if delta < 0 { o.last() } else { o.first() };
                    self.views.factors.selected[n.index()] = pick.copied().unwrap_or(0);
                    // The selection left the quadrant: say where it went (the border moves too).
                    self.say_aside(format!("→ {}", self.lang.quadrant(n)));
                }
            }
        }
    }

    pub(super) fn jump(&mut self, dx: i8, dy: i8) {
        if let Some(n) = self.focus().neighbour(dx, dy) {
            self.views.focus = n;
        }
    }

    /// Enter in the input line (taken out of the mode; put back if it stays open).
    pub(super) fn submit(&mut self, input: Input) {
        let text = input.value();
        match input.target {
            InputTarget::Add => {
                // A new factor must show, whatever source or theme is filtered.
                (self.views.factors.source, self.views.factors.theme) = (None, None);
                let q = self.focus();
                if let Some(edit) = self.doc.session_mut().add_factor(q, &text)
                    && self.apply(edit)
                {
                    self.views.factors.selected[q.index()] = self.session().factors(q).len() - 1;
                }
                // Rapid capture: the line stays open for the next item.
                self.open_input(InputTarget::Add, "");
            }
            InputTarget::Edit(id) => match self.session().find_factor(&id) {
                Some((q, i)) => {
                    if let Some(edit) = self.session().reword_factor(q, i, &text) {
                        self.apply(edit);
                    }
                }
                None => self.target_gone(&id, Some(InputTarget::Add), &text),
            },
            InputTarget::Clash(key) => self.submit_clash(key, &text),
            InputTarget::JoinText(from, into) => {
                self.finish_join(crate::app::mode::Join { from, into }, crate::domain::join::Wording::Typed(text))
            }
            InputTarget::SalaItem(seq) => self.submit_sala_item(seq, &text),
            target => self.submit_other(target, &text),
        }
    }

    pub(super) fn paste(&mut self, raw: &str) {
        let lines = super::readline::pasted_lines(raw);
        // A line for one value (a weight, an indicator's value, money): lines
        // joined would read as another number. Refused whole, still on the clipboard.
        if self.refuse_values(raw, matches!(&self.mode, Mode::Input(i) if i.target.takes_one_value())) {
            return;
        }
        let adding =
            matches!(&self.mode, Mode::Input(i) if i.target == InputTarget::Add && i.value().trim().is_empty());
        // A paste that would take the line past its limit is refused whole (it
        // is still on the clipboard): nothing is cut without a word.
        let max = match &self.mode {
            Mode::Input(i) => i.target.max_chars(),
            _ => InputTarget::Add.max_chars(),
        };
        let typed = match &self.mode {
            Mode::Input(i) => i.chars(),
            _ => 0,
        };
        let too_long = if adding && lines.len() > 1 {
            lines.iter().any(|l| l.chars().count() > max)
        } else {
            typed + lines.iter().map(|l| l.chars().count() + 1).sum::<usize>() > max + 1
        };
        if too_long && matches!(self.mode, Mode::Input(_) | Mode::Grid) {
            self.say((self.lang.text().limits.input_full)(max), true);
            return;
        }
        match &mut self.mode {
            _ if lines.is_empty() => {}
            // Several lines pasted while adding: one item per line, one undo step.
            Mode::Input(_) if adding && lines.len() > 1 => {
                let (q, n) = (self.focus(), lines.len());
                let edit = self.doc.session_mut().add_factors(q, lines.iter().map(String::as_str));
                if edit.is_some_and(|e| self.apply(e)) {
                    self.views.factors.selected[q.index()] = self.session().factors(q).len() - 1;
                    self.say((self.lang.text().ui.items_added)(n), false);
                }
            }
            Mode::Input(input) => {
                input.text.insert_str(super::readline::pasted_inline(raw));
            }
            Mode::Grid => self.open_input(InputTarget::Add, &lines.join(" ")),
            _ => {}
        }
    }

    pub(super) fn delete(&mut self) {
        let q = self.focus();
        let Some(i) = self.selection(q) else { return };
        let id = self.session().factors(q)[i].id.clone();
        let linked = self.session().all_actions().filter(|(_, a)| a.links.contains(&id)).count();
        let shown = self.shown_id(&id);
        if let Some(edit) = self.session().delete_factor(q, i)
            && self.apply(edit)
        {
            let u = super::keymap::key_for(self.view_context(), &Action::Undo, self.lang);
            let undo = format!("{u} {}", self.lang.text().ui.to_undo);
            let gone = self.lang.text().ui.deleted_factor;
            if linked > 0 {
                let lost = (self.lang.text().meeting.links_lost)(linked);
                self.say(format!("{gone} {shown}: {lost} ({undo})"), true);
            } else {
                self.say(format!("{gone} {shown} ({undo})"), false);
            }
        }
    }

    pub(super) fn shift(&mut self, delta: isize) {
        let q = self.focus();
        let Some(i) = self.selection(q) else { return };
        // In a sorted view the move would change the stored order unseen: refused, with the way back.
        if let Some(order) = self.sort_name() {
            let key = super::keymap::key_for(self.view_context(), &Action::CycleSort, self.lang);
            self.say((self.lang.text().meeting.sorted_no_move)(order, &key), true);
            return;
        }
        if let Some(edit) = self.session().shift_factor(q, i, delta)
            && self.apply(edit)
        {
            self.views.factors.selected[q.index()] = i.saturating_add_signed(delta);
        }
    }

    pub(super) fn move_to(&mut self, to: Quadrant) {
        let q = self.focus();
        let Some(i) = self.selection(q) else { return };
        let old_id = self.session().factors(q)[i].id.clone();
        if let Some(edit) = self.doc.session_mut().move_factor(q, i, to)
            && self.apply(edit)
        {
            let new_id = self.session().factors(to).last().map(|f| f.id.clone()).unwrap_or_default();
            let (old_id, new_id) = (self.shown_id(&old_id), self.shown_id(&new_id));
            self.say(format!("{old_id} → {new_id} ({})", self.lang.quadrant(to)), false);
        }
    }

    pub(super) fn vote(&mut self, delta: i32) {
        let q = self.focus();
        let Some(i) = self.selection(q) else { return };
        if let Some(edit) = self.session().vote_factor(q, i, delta)
            && self.apply(edit)
        {
            let f = &self.session().factors(q)[i];
            self.say_votes(f.votes, &f.id.clone());
        }
    }

    /// Names the item just voted and its votes on the status line: `●5 F2`
    /// (`● F2` while the votes are hidden from the room).
    pub(super) fn say_votes(&mut self, votes: u32, id: &str) {
        let count = if self.room.votes_hidden { String::new() } else { votes.to_string() };
        self.say_aside(format!("●{count} {}", self.shown_id(id)));
    }

    /// A word on what a key just did, unless news from outside is being held on
    /// the status line (a reload): that stays.
    fn say_aside(&mut self, text: String) {
        if self.notice.as_ref().is_none_or(|n| n.hold_until.is_none()) {
            self.say(text, false);
        }
    }
}
