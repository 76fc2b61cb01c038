//! What the keys do in the crossed matrix and the EFI/EFE view; the input line's other targets.

use super::action::Action;
use super::editor::{Editor, InputTarget};
use super::picker::{PickFor, Picker, options_of};
use crate::domain::{Came, Crossed, Matrix, Quadrant};

impl Editor {
    /// The crossed-matrix cell in focus.
    pub fn crossed_focus(&self) -> Crossed {
        Crossed::ALL[self.focus().index()]
    }

    /// Position in `session.strategies` of the selected strategy of `kind`.
    pub fn strategy_selection(&self, kind: Crossed) -> Option<usize> {
        let of: Vec<usize> = self.session().strategies_of(kind).map(|(i, _)| i).collect();
        (!of.is_empty()).then(|| of[self.views.crossed.strategies[kind.index()].min(of.len() - 1)])
    }

    /// The EFI/EFE matrix in focus.
    pub fn matrix(&self) -> Matrix {
        if self.focus().is_internal() { Matrix::Efi } else { Matrix::Efe }
    }

    /// The rows of a matrix: `(quadrant, index)` of its factors.
    pub fn matrix_rows(&self, m: Matrix) -> Vec<(Quadrant, usize)> {
        m.quadrants().into_iter().flat_map(|q| (0..self.session().factors(q).len()).map(move |i| (q, i))).collect()
    }

    pub(super) fn update_crossed(&mut self, action: Action) {
        let kind = self.crossed_focus();
        let count = self.session().strategies_of(kind).count();
        let sel = &mut self.views.crossed.strategies[kind.index()];
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
        let sel = self.views.weights.rows[mi].min(rows.len().saturating_sub(1));
        match action {
            Action::Up => self.views.weights.rows[mi] = sel.saturating_sub(1),
            Action::Down => self.views.weights.rows[mi] = (sel + 1).min(rows.len().saturating_sub(1)),
            Action::First => self.views.weights.rows[mi] = 0,
            Action::Last => self.views.weights.rows[mi] = rows.len().saturating_sub(1),
            Action::Left | Action::Right => {
                self.views.focus = if m == Matrix::Efi { Quadrant::Opportunities } else { Quadrant::Strengths };
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
                let c = Came::of(self.focus());
                let links_kept = links.clone();
                if let Some(edit) = self.doc.session_mut().add_action(c, text, links)
                    && self.apply(edit)
                {
                    self.views.came.actions[self.focus().index()] = self.session().actions(c).len() - 1;
                }
                // Rapid capture, as for factors: the line stays open.
                self.open_input(InputTarget::AddAction(links_kept), "");
            }
            InputTarget::EditAction(id) => match self.session().find_action(&id) {
                Some((c, i)) => {
                    let edit = self.session().change_action(c, i, |a| {
                        a.text = text.to_owned();
                        // Editing a carried-over action confirms it.
                        a.carried = false;
                    });
                    if let Some(edit) = edit {
                        self.apply(edit);
                    }
                }
                None => self.target_gone(&id, Some(InputTarget::AddAction(Vec::new())), text),
            },
            InputTarget::AddStrategy(kind, [internal, external]) => {
                if let Some(edit) = self.doc.session_mut().add_strategy(kind, &internal, &external, text)
                    && self.apply(edit)
                {
                    self.views.crossed.strategies[kind.index()] = self.session().strategies_of(kind).count() - 1;
                }
            }
            InputTarget::EditStrategy(id) => match self.session().strategies.iter().position(|s| s.id == id) {
                Some(i) => {
                    if let Some(edit) = self.session().reword_strategy(i, text) {
                        self.apply(edit);
                    }
                }
                // A strategy pairs two factors: a new one cannot be made from words alone.
                None => self.target_gone(&id, None, text),
            },
            InputTarget::Weight(id) => match parse_weight(text) {
                Ok(weight) => {
                    if let Some((q, i)) = self.session().find_factor(&id)
                        && let Some(edit) = self.session().change_factor(q, i, |f| f.weight = weight)
                    {
                        self.apply(edit);
                    }
                }
                Err(()) => {
                    let msg = self.lang.text().ui.bad_weight;
                    self.say(format!("{msg}: {text}"), true);
                    // The line stays open with what was typed, to correct it.
                    self.open_input(InputTarget::Weight(id), text);
                }
            },
            InputTarget::PlanAdd(axis) => self.submit_plan_add(axis, text),
            InputTarget::PlanText(target) => self.submit_plan_text(target, text),
            target @ (InputTarget::FollowNote(..) | InputTarget::FollowValue(..)) => self.submit_follow(target, text),
            InputTarget::Add | InputTarget::Edit(_) | InputTarget::JoinText(..) => {}
        }
    }
}

/// Reads a weight as people type it: `0.15`, `0,15`, `15%`; empty clears it.
pub fn parse_weight(text: &str) -> Result<Option<f64>, ()> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    // The range is the session's own rule (domain::rules::Weight).
    crate::domain::Weight::parse(&t).map(|w| Some(w.get())).map_err(|_| ())
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
