//! What the keys do in the CAME view, the crossed matrix and the EFI/EFE view.

use ratatui_textarea::TextArea;

use super::action::Action;
use super::editor::{Editor, InputTarget, Mode, Pane};
use super::picker::{PickFor, Picker, options_of};
use crate::domain::{Came, Crossed, Matrix, Quadrant};
use crate::labels;

impl Editor {
    /// Index of the selected action of `c`, if it has actions.
    pub fn action_selection(&self, c: Came) -> Option<usize> {
        let len = self.session().actions(c).len();
        (len > 0).then(|| self.action_sel[c.source().index()].min(len - 1))
    }

    /// The crossed-matrix cell in focus.
    pub fn crossed_focus(&self) -> Crossed {
        Crossed::ALL[self.focus.index()]
    }

    /// Position in `session.strategies` of the selected strategy of `kind`.
    pub fn strategy_selection(&self, kind: Crossed) -> Option<usize> {
        let of: Vec<usize> = self.session().strategies_of(kind).map(|(i, _)| i).collect();
        (!of.is_empty()).then(|| of[self.strategy_sel[kind.index()].min(of.len() - 1)])
    }

    /// The EFI/EFE matrix in focus.
    pub fn matrix(&self) -> Matrix {
        if self.focus.is_internal() { Matrix::Efi } else { Matrix::Efe }
    }

    /// The rows of a matrix: `(quadrant, index)` of its factors.
    pub fn matrix_rows(&self, m: Matrix) -> Vec<(Quadrant, usize)> {
        m.quadrants().into_iter().flat_map(|q| (0..self.session().factors(q).len()).map(move |i| (q, i))).collect()
    }

    pub(super) fn update_came(&mut self, action: Action) {
        let q = self.focus;
        let c = Came::of(q);
        let on_actions = self.pane == Pane::Actions;
        match action {
            Action::KeepVersion => self.keep_version(),
            Action::Up | Action::Down => {
                let delta = if action == Action::Up { -1 } else { 1 };
                if on_actions {
                    let len = self.session().actions(c).len();
                    let cur = self.action_selection(c).unwrap_or(0);
                    self.action_sel[q.index()] = cur.saturating_add_signed(delta).min(len.saturating_sub(1));
                } else {
                    self.step(delta);
                }
            }
            Action::Left => match (self.pane, q.neighbour(-1, 0)) {
                (Pane::Actions, _) => self.pane = Pane::Factors,
                (Pane::Factors, Some(n)) => {
                    self.focus = n;
                    self.pane = Pane::Actions;
                }
                (Pane::Factors, None) => {}
            },
            Action::Right => match (self.pane, q.neighbour(1, 0)) {
                (Pane::Factors, _) => self.pane = Pane::Actions,
                (Pane::Actions, Some(n)) => {
                    self.focus = n;
                    self.pane = Pane::Factors;
                }
                (Pane::Actions, None) => {}
            },
            Action::First if on_actions => self.action_sel[q.index()] = 0,
            Action::Last if on_actions => {
                self.action_sel[q.index()] = self.session().actions(c).len().saturating_sub(1)
            }
            Action::StartAdd => {
                let links =
                    self.selection(q).map(|i| vec![self.session().factors(q)[i].id.clone()]).unwrap_or_default();
                self.open_input(InputTarget::AddAction(links), "");
            }
            Action::StartEdit if on_actions => {
                if let Some(i) = self.action_selection(c) {
                    let a = &self.session().actions(c)[i];
                    let (id, text) = (a.id.clone(), a.text.clone());
                    self.open_input(InputTarget::EditAction(id), &text);
                }
            }
            Action::Delete if on_actions => {
                if let Some(i) = self.action_selection(c)
                    && let Some(edit) = self.session().delete_action(c, i)
                {
                    let id = self.session().actions(c)[i].id.clone();
                    if self.apply(edit) {
                        let gone = self.lang.pick("Borrada", "Deleted");
                        let undo = self.lang.pick("u para deshacer", "u to undo");
                        self.say(format!("{gone} {id} ({undo})"), false);
                    }
                }
            }
            Action::ShiftUp | Action::ShiftDown if on_actions => {
                let delta = if action == Action::ShiftUp { -1 } else { 1 };
                if let Some(i) = self.action_selection(c)
                    && let Some(edit) = self.session().shift_action(c, i, delta)
                    && self.apply(edit)
                {
                    self.action_sel[q.index()] = i.saturating_add_signed(delta);
                }
            }
            Action::VoteUp | Action::VoteDown if on_actions => {
                let delta = if action == Action::VoteUp { 1 } else { -1 };
                if let Some(i) = self.action_selection(c)
                    && let Some(edit) =
                        self.session().change_action(c, i, |a| a.votes = a.votes.saturating_add_signed(delta))
                {
                    self.apply(edit);
                }
            }
            Action::StartLink => {
                if let Some(i) = self.action_selection(c) {
                    let a = &self.session().actions(c)[i];
                    let purpose = PickFor::Links { came: c, action: a.id.clone() };
                    let checked = a.links.clone();
                    self.open_picker(Picker::new(purpose, options_of(self, q), checked));
                }
            }
            Action::CycleStatus => {
                if let Some(i) = self.action_selection(c)
                    && let Some(edit) = self.session().change_action(c, i, |a| a.status = a.status.next())
                    && self.apply(edit)
                {
                    let a = &self.session().actions(c)[i];
                    let msg = format!("{}: {}", a.id, labels::status(self.lang, a.status));
                    self.say(msg, false);
                }
            }
            Action::StartForm => self.open_form(),
            // On the factor list, factors are edited as in the DAFO grid.
            Action::StartEdit => self.edit_factor(),
            Action::Delete => self.delete(),
            Action::ShiftUp => self.shift(-1),
            Action::ShiftDown => self.shift(1),
            Action::VoteUp => self.vote(1),
            Action::VoteDown => self.vote(-1),
            Action::First | Action::Last => {
                let order = self.order(q);
                let pick = if action == Action::First { order.first() } else { order.last() };
                self.selected[q.index()] = pick.copied().unwrap_or(0);
            }
            _ => {}
        }
    }

    pub(super) fn update_crossed(&mut self, action: Action) {
        let kind = self.crossed_focus();
        let count = self.session().strategies_of(kind).count();
        let sel = &mut self.strategy_sel[kind.index()];
        match action {
            Action::KeepVersion => self.keep_version(),
            Action::Up => *sel = sel.saturating_sub(1),
            Action::Down => *sel = (*sel + 1).min(count.saturating_sub(1)),
            Action::First => *sel = 0,
            Action::Last => *sel = count.saturating_sub(1),
            Action::Left => self.jump(-1, 0),
            Action::Right => self.jump(1, 0),
            Action::StartAdd => {
                let options = options_of(self, kind.quadrants()[0]);
                self.open_picker(Picker::new(PickFor::StrategyInternal(kind), options, Vec::new()));
            }
            Action::StartEdit => {
                if let Some(i) = self.strategy_selection(kind) {
                    let s = &self.session().strategies[i];
                    let (id, text) = (s.id.clone(), s.text.clone());
                    self.open_input(InputTarget::EditStrategy(id), &text);
                }
            }
            Action::Delete => {
                if let Some(i) = self.strategy_selection(kind)
                    && let Some(edit) = self.session().delete_strategy(i)
                {
                    self.apply(edit);
                }
            }
            Action::VoteUp | Action::VoteDown => {
                let delta = if action == Action::VoteUp { 1 } else { -1 };
                if let Some(i) = self.strategy_selection(kind)
                    && let Some(edit) = self.session().vote_strategy(i, delta)
                {
                    self.apply(edit);
                }
            }
            _ => {}
        }
    }

    pub(super) fn update_weights(&mut self, action: Action) {
        let m = self.matrix();
        let mi = usize::from(m == Matrix::Efe);
        let rows = self.matrix_rows(m);
        let sel = self.weight_sel[mi].min(rows.len().saturating_sub(1));
        match action {
            Action::Up => self.weight_sel[mi] = sel.saturating_sub(1),
            Action::Down => self.weight_sel[mi] = (sel + 1).min(rows.len().saturating_sub(1)),
            Action::First => self.weight_sel[mi] = 0,
            Action::Last => self.weight_sel[mi] = rows.len().saturating_sub(1),
            Action::Left | Action::Right => {
                self.focus = if m == Matrix::Efi { Quadrant::Opportunities } else { Quadrant::Strengths };
            }
            Action::StartEdit => {
                if let Some(&(q, i)) = rows.get(sel) {
                    let f = &self.session().factors(q)[i];
                    let (id, text) = (f.id.clone(), f.weight.map(|w| format!("{w:.2}")).unwrap_or_default());
                    self.open_input(InputTarget::Weight(id), &text);
                }
            }
            Action::Rate(n) => {
                if let Some(&(q, i)) = rows.get(sel)
                    && let Some(edit) = self.session().change_factor(q, i, |f| f.rating = (n > 0).then_some(n))
                {
                    self.apply(edit);
                }
            }
            _ => {}
        }
    }

    /// Enter in the input line for actions, strategies and weights.
    pub(super) fn submit_other(&mut self, target: InputTarget, text: &str) {
        match target {
            InputTarget::AddAction(links) => {
                let c = Came::of(self.focus);
                if let Some(edit) = self.doc.session.add_action(c, text, links)
                    && self.apply(edit)
                {
                    self.action_sel[self.focus.index()] = self.session().actions(c).len() - 1;
                }
                // Rapid capture, as for factors: the line stays open.
                self.input = TextArea::default();
            }
            InputTarget::EditAction(id) => {
                if let Some((c, i)) = self.session().find_action(&id)
                    && let Some(edit) = self.session().change_action(c, i, |a| {
                        a.text = text.to_owned();
                        // Editing a carried-over action confirms it.
                        a.carried = false;
                    })
                {
                    self.apply(edit);
                }
                self.mode = Mode::Grid;
            }
            InputTarget::AddStrategy(kind, [internal, external]) => {
                if let Some(edit) = self.doc.session.add_strategy(kind, &internal, &external, text)
                    && self.apply(edit)
                {
                    self.strategy_sel[kind.index()] = self.session().strategies_of(kind).count() - 1;
                }
                self.mode = Mode::Grid;
            }
            InputTarget::EditStrategy(id) => {
                if let Some(i) = self.session().strategies.iter().position(|s| s.id == id)
                    && let Some(edit) = self.session().reword_strategy(i, text)
                {
                    self.apply(edit);
                }
                self.mode = Mode::Grid;
            }
            InputTarget::Weight(id) => match parse_weight(text) {
                Ok(weight) => {
                    if let Some((q, i)) = self.session().find_factor(&id)
                        && let Some(edit) = self.session().change_factor(q, i, |f| f.weight = weight)
                    {
                        self.apply(edit);
                    }
                    self.mode = Mode::Grid;
                }
                Err(()) => {
                    let msg = self.lang.pick("Peso entre 0 y 1 (0,15 o 15%)", "Weight between 0 and 1 (0.15 or 15%)");
                    self.say(format!("{msg}: {text}"), true);
                }
            },
            InputTarget::Add | InputTarget::Edit(_) => {}
        }
    }
}

/// Reads a weight as people type it: `0.15`, `0,15`, `15%`; empty clears it.
pub fn parse_weight(text: &str) -> Result<Option<f64>, ()> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    let (num, scale) = match t.strip_suffix('%') {
        Some(p) => (p.trim().to_owned(), 100.0),
        None => (t, 1.0),
    };
    let w = num.parse::<f64>().map_err(|_| ())? / scale;
    if w.is_finite() && (0.0..=1.0).contains(&w) { Ok(Some(w)) } else { Err(()) }
}

#[cfg(test)]
mod tests {
    use super::parse_weight;

    #[test]
    fn weights_as_people_type_them() {
        assert_eq!(parse_weight("0.15"), Ok(Some(0.15)));
        assert_eq!(parse_weight(" 0,2 "), Ok(Some(0.2)));
        assert_eq!(parse_weight("15%"), Ok(Some(0.15)));
        assert_eq!(parse_weight(""), Ok(None));
        assert_eq!(parse_weight("1.5"), Err(()));
        assert_eq!(parse_weight("NaN"), Err(()));
        assert_eq!(parse_weight("abc"), Err(()));
    }
}
