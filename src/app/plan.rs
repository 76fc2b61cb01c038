//! The plan view's keys: moving through the tree of ejes and líneas, the
//! actions of the selected línea and the tray of actions and crossed
//! strategies with no línea; placing a tray item in the selected línea, taking
//! an action out, and the cronograma in place of the tree.

use crate::domain::{Came, Session};

use super::action::Action;
use super::editor::Editor;
use super::keymap::Context;
use super::mode::InputTarget;
use super::selection::PlanPane;

/// A row of the tree: an eje or one of its líneas (index into `session.lines`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeRow {
    Axis(usize),
    Line(usize),
}

/// A CAME action or a crossed strategy, as the plan shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanItem {
    Action(Came, usize),
    Strategy(usize),
}

impl PlanItem {
    /// Its ID and text.
    pub fn show(self, s: &Session) -> (&str, &str) {
        match self {
            PlanItem::Action(c, i) => (&s.actions(c)[i].id, &s.actions(c)[i].text),
            PlanItem::Strategy(i) => (&s.strategies[i].id, &s.strategies[i].text),
        }
    }

    fn line(self, s: &Session) -> Option<&str> {
        match self {
            PlanItem::Action(c, i) => s.actions(c)[i].line.as_deref(),
            PlanItem::Strategy(i) => s.strategies[i].line.as_deref(),
        }
    }
}

/// The keymap context of a pane of the plan view.
pub fn context(pane: PlanPane) -> Context {
    match pane {
        PlanPane::Tree => Context::PlanTree,
        PlanPane::Actions => Context::PlanActions,
        PlanPane::Tray => Context::PlanTray,
    }
}

/// The ejes in order, each followed by its líneas; then líneas whose eje is gone.
pub fn tree(s: &Session) -> Vec<TreeRow> {
    let mut out = Vec::new();
    for (a, axis) in s.axes.iter().enumerate() {
        out.push(TreeRow::Axis(a));
        out.extend(s.lines_of(&axis.id).map(|(i, _)| TreeRow::Line(i)));
    }
    out.extend((0..s.lines.len()).filter(|&i| s.find_axis(&s.lines[i].axis).is_none()).map(TreeRow::Line));
    out
}

fn every_item(s: &Session) -> impl Iterator<Item = PlanItem> + '_ {
    let actions = Came::ALL.into_iter().flat_map(move |c| (0..s.actions(c).len()).map(move |i| PlanItem::Action(c, i)));
    actions.chain((0..s.strategies.len()).map(PlanItem::Strategy))
}

/// The actions and strategies placed in línea `line`.
pub fn placed<'a>(s: &'a Session, line: &'a str) -> Vec<PlanItem> {
    every_item(s).filter(|it| it.line(s) == Some(line)).collect()
}

/// The tray: actions and strategies with no línea (or one that is gone).
pub fn tray(s: &Session) -> Vec<PlanItem> {
    every_item(s).filter(|it| it.line(s).is_none_or(|l| s.find_line(l).is_none())).collect()
}

/// The línea of the selected tree row (a línea, or the eje's first).
pub fn selected_line(s: &Session, row: usize) -> Option<usize> {
    let rows = tree(s);
    match rows.get(row.min(rows.len().saturating_sub(1)))? {
        TreeRow::Line(i) => Some(*i),
        TreeRow::Axis(a) => s.lines_of(&s.axes[*a].id).next().map(|(i, _)| i),
    }
}

fn step(at: usize, len: usize, action: &Action) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => at.min(last).saturating_sub(1),
        Action::Down => (at + 1).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => at.min(last),
    }
}

impl Editor {
    /// The plan view's own keys.
    pub(super) fn update_plan(&mut self, action: Action) {
        let s = self.session();
        let line = selected_line(s, self.views.plan.tree).map(|i| s.lines[i].id.clone());
        let (n_tree, n_tray) = (tree(s).len(), tray(s).len());
        let n_placed = line.as_deref().map_or(0, |l| placed(s, l).len());
        let plan = &mut self.views.plan;
        match action {
            Action::NextQuadrant | Action::Right => {
                plan.pane = match plan.pane {
                    PlanPane::Tree => PlanPane::Actions,
                    PlanPane::Actions => PlanPane::Tray,
                    PlanPane::Tray => PlanPane::Tree,
                }
            }
            Action::PrevQuadrant | Action::Left => {
                plan.pane = match plan.pane {
                    PlanPane::Tree => PlanPane::Tray,
                    PlanPane::Actions => PlanPane::Tree,
                    PlanPane::Tray => PlanPane::Actions,
                }
            }
            Action::Up | Action::Down | Action::First | Action::Last => match plan.pane {
                PlanPane::Tree => plan.tree = step(plan.tree, n_tree, &action),
                PlanPane::Actions => plan.actions = step(plan.actions, n_placed, &action),
                PlanPane::Tray => plan.tray = step(plan.tray, n_tray, &action),
            },
            Action::ToggleSchedule => plan.schedule = !plan.schedule,
            Action::PlanAddAxis => self.open_input(InputTarget::PlanAdd(None), ""),
            Action::PlanAddLine => {
                if let Some(axis) = self.selected_axis() {
                    self.open_input(InputTarget::PlanAdd(Some(axis)), "");
                }
            }
            Action::PlanDelete => self.tree_edit(|s, row| match row {
                TreeRow::Axis(a) => s.delete_axis(a),
                TreeRow::Line(i) => s.delete_line(i),
            }),
            Action::ShiftUp | Action::ShiftDown => {
                let d = if action == Action::ShiftUp { -1 } else { 1 };
                self.tree_edit(|s, row| match row {
                    TreeRow::Axis(a) => s.shift_axis(a, d),
                    TreeRow::Line(i) => s.shift_line(i, d),
                });
                let n = tree(self.session()).len();
                self.views.plan.tree = step(self.views.plan.tree, n, &if d < 0 { Action::Up } else { Action::Down });
            }
            Action::PlanPlace => {
                let Some(line) = line else { return };
                let at = plan.tray;
                if let Some(&item) = tray(self.session()).get(at) {
                    self.place(item, Some(&line));
                }
            }
            Action::PlanTakeOut => {
                let Some(line) = line else { return };
                let at = plan.actions;
                if let Some(&item) = placed(self.session(), &line).get(at) {
                    self.place(item, None);
                    self.views.plan.actions = at.min(n_placed.saturating_sub(2));
                }
            }
            _ => {}
        }
    }

    /// The eje of the selected tree row.
    fn selected_axis(&self) -> Option<String> {
        let s = self.session();
        let rows = tree(s);
        match rows.get(self.views.plan.tree.min(rows.len().saturating_sub(1)))? {
            TreeRow::Axis(a) => Some(s.axes[*a].id.clone()),
            TreeRow::Line(i) => Some(s.lines[*i].axis.clone()).filter(|a| s.find_axis(a).is_some()),
        }
    }

    /// Applies the edit `f` makes of the selected tree row.
    fn tree_edit(&mut self, f: impl FnOnce(&Session, TreeRow) -> Option<crate::domain::Edit>) {
        let rows = tree(self.session());
        let Some(&row) = rows.get(self.views.plan.tree.min(rows.len().saturating_sub(1))) else { return };
        if let Some(edit) = f(self.session(), row) {
            self.apply(edit);
        }
    }

    /// Enter in the input line of a new eje or línea: added, the line stays open for the next.
    pub(super) fn submit_plan_add(&mut self, axis: Option<String>, text: &str) {
        let edit = match &axis {
            None => self.doc.session.add_axis(text),
            Some(a) => self.doc.session.add_line(a, text),
        };
        if let Some(edit) = edit
            && self.apply(edit)
        {
            self.open_input(InputTarget::PlanAdd(axis), "");
        }
    }

    fn place(&mut self, item: PlanItem, line: Option<&str>) {
        let edit = match item {
            PlanItem::Action(c, i) => self.session().place_action(c, i, line),
            PlanItem::Strategy(i) => self.session().place_strategy(i, line),
        };
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }
}
