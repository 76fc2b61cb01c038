//! Sources and git conflicts in the grid: the filter that shows one source's
//! factors (`F`), and keeping one version of an item a git merge marked ⚠ (`R`).

use super::editor::{Editor, Pane, View};
use crate::domain::sources::{all_sources, sources_of};
use crate::domain::{Came, Factor};

impl Editor {
    /// Drops from `order` the factors the source filter hides.
    pub(super) fn filter_by_source(&self, order: &mut Vec<usize>, factors: &[Factor]) {
        if let Some(source) = &self.views.factors.source {
            order.retain(|&i| sources_of(self.session(), &factors[i]).contains(source));
        }
    }

    /// Whether factor `i` of `q` shows under the source filter.
    pub(super) fn shown(&self, q: crate::domain::Quadrant, i: usize) -> bool {
        let theme = &self.views.factors.theme;
        if theme.as_ref().is_some_and(|t| self.session().factors(q).get(i).is_none_or(|f| !f.themes.contains(t))) {
            return false;
        }
        let Some(source) = &self.views.factors.source else { return true };
        self.session().factors(q).get(i).is_some_and(|f| sources_of(self.session(), f).contains(source))
    }

    /// No filter → the first source → the next … → no filter.
    pub(super) fn cycle_source(&mut self) {
        let all = all_sources(self.session());
        let next = match &self.views.factors.source {
            None => all.first(),
            Some(cur) => all.iter().position(|s| s == cur).and_then(|p| all.get(p + 1)),
        };
        self.views.factors.source = next.cloned();
        for q in crate::domain::Quadrant::ALL {
            self.views.factors.selected[q.index()] = self.order(q).first().copied().unwrap_or(0);
        }
        let w = self.lang.text().merge;
        let text = match (&self.views.factors.source, all.is_empty()) {
            (_, true) => w.no_sources.to_owned(),
            (Some(s), _) => {
                let n: usize = crate::domain::Quadrant::ALL.iter().map(|&q| self.order(q).len()).sum();
                format!("{}: {s} ({n})", w.source)
            }
            (None, _) => w.all_sources.to_owned(),
        };
        self.say(text, false);
    }

    /// The ID of the selected item of the current view: a factor, an action
    /// or a strategy.
    pub(super) fn selected_id(&self) -> Option<String> {
        let s = self.session();
        match (self.view(), self.views.came.pane) {
            (View::Came, Pane::Actions) => {
                let c = Came::of(self.focus());
                self.action_selection(c).map(|i| s.actions(c)[i].id.clone())
            }
            (View::Crossed, _) => self.strategy_selection(self.crossed_focus()).map(|i| s.strategies[i].id.clone()),
            _ => self.selection(self.focus()).map(|i| s.factors(self.focus())[i].id.clone()),
        }
    }

    /// Keeps the selected item's version of a git conflict.
    pub(super) fn keep_version(&mut self) {
        let Some(id) = self.selected_id() else { return };
        match self.session().keep_version(&id) {
            Some(edit) => {
                if self.apply(edit) {
                    let s = self.session();
                    if let Some((q, i)) = s.find_factor(&id) {
                        self.views.factors.selected[q.index()] = i;
                    } else if let Some((c, i)) = s.find_action(&id) {
                        self.views.came.actions[c.source().index()] = i;
                    }
                    let kept = self.lang.text().merge.conflict_resolved;
                    self.say(format!("{kept} {}", self.shown_id(&id)), false);
                }
            }
            // No mark on the item: the plan's clashes, if a merge left any.
            None if !self.session().clashes.is_empty() => self.open_clashes(),
            None => {
                let msg = self.lang.text().merge.no_conflict;
                self.say(msg.to_owned(), false);
            }
        }
    }

    /// On opening: says how many clashes of the plan or the follow-up a git
    /// merge left and which key lists them (the grid marks its own conflicts
    /// with ⚠; these have no place on it).
    pub(super) fn say_clashes(&mut self) {
        let n = self.session().clashes.len();
        if n > 0 {
            use super::action::Action;
            let ctx = self.view_context();
            let key = [Action::ShowClashes, Action::KeepVersion]
                .iter()
                .map(|a| super::keymap::key_for(ctx, a, self.lang))
                .find(|k| k != "?")
                .unwrap_or_else(|| "?".to_owned());
            let text = (self.lang.clashes().notice)(n, &key);
            self.say(text, false);
        }
    }
}
