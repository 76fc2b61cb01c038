//! The plan view's keys: moving through the tree of ejes and líneas, the
//! actions of the selected línea and the tray of actions and crossed
//! strategies with no línea; placing a tray item in the selected línea, taking
//! an action out, editing, moving and linking them, and the cronograma in
//! place of the tree. The retos, indicators and the top band: `plan_edit.rs`.

use crate::domain::{Came, Session};

use super::action::Action;
use super::editor::Editor;
use super::keymap::Context;
use super::mode::InputTarget;
use super::picker::PickFor;
pub use super::plan_edit::PlanText;
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
        PlanPane::Challenges => Context::PlanChallenges,
        PlanPane::Indicators => Context::PlanIndicators,
        PlanPane::Band => Context::PlanBand,
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
    /// The plan view's own keys: moving between and inside the panes here,
    /// the rest by the pane that has the keys.
    pub(super) fn update_plan(&mut self, action: Action) {
        let plan = &mut self.views.plan;
        match action {
            // Presenting, Tab is the room's, for every view: here it goes to the next pane.
            Action::NextPane | Action::NextQuadrant | Action::Right => plan.pane = plan.pane.step(true),
            Action::PrevPane | Action::PrevQuadrant | Action::Left => plan.pane = plan.pane.step(false),
            Action::Up | Action::Down | Action::First | Action::Last => {
                let schedule = self.views.plan.schedule && self.views.plan.pane == PlanPane::Tree;
                let len = if schedule {
                    self.session().schedule().map_or(0, |c| c.rows.len())
                } else {
                    self.pane_len(self.views.plan.pane)
                };
                let plan = &mut self.views.plan;
                let at = match plan.pane {
                    PlanPane::Tree if schedule => &mut plan.schedule_row,
                    PlanPane::Tree => &mut plan.tree,
                    PlanPane::Actions => &mut plan.actions,
                    PlanPane::Tray => &mut plan.tray,
                    PlanPane::Challenges => &mut plan.challenges,
                    PlanPane::Indicators => &mut plan.indicators,
                    PlanPane::Band => &mut plan.band,
                };
                *at = step(*at, len, &action);
            }
            Action::ToggleSchedule => plan.schedule = !plan.schedule,
            other => {
                let key = super::keymap::key_for(self.view_context(), &other, self.lang);
                let before = (self.doc.revision(), self.views.plan, self.outbox.len(), self.overlays.len());
                match self.views.plan.pane {
                    // The cronograma shows in the tree's place: the tree's keys would
                    // act on a row that is not on the screen, so they do nothing (said below).
                    PlanPane::Tree if self.views.plan.schedule => {}
                    PlanPane::Tree => self.update_plan_tree(other),
                    PlanPane::Actions | PlanPane::Tray => self.update_plan_items(other),
                    PlanPane::Challenges => self.update_challenges(other),
                    PlanPane::Indicators => self.update_indicators(other),
                    PlanPane::Band => self.update_band(other),
                }
                // A key that did nothing says so: the next letters typed are not taken
                // for text while they run as commands ("M…" opening the session's details).
                let after = (self.doc.revision(), self.views.plan, self.outbox.len(), self.overlays.len());
                if !key.is_empty() && before == after && self.mode.is_grid() && self.notice.is_none() {
                    let text = (self.lang.plan_ui().key_does_nothing)(&key);
                    self.say(text, true);
                }
            }
        }
    }

    /// How many rows a pane has.
    fn pane_len(&self, pane: PlanPane) -> usize {
        let s = self.session();
        match pane {
            PlanPane::Tree => tree(s).len(),
            PlanPane::Actions => self.selected_line_id().map_or(0, |l| placed(s, &l).len()),
            PlanPane::Tray => tray(s).len(),
            PlanPane::Challenges => s.challenges.len(),
            PlanPane::Indicators => s.indicators.len(),
            PlanPane::Band => 2 + s.values.len(),
        }
    }

    /// The ID of the línea whose actions show.
    pub(super) fn selected_line_id(&self) -> Option<String> {
        let s = self.session();
        selected_line(s, self.views.plan.tree).map(|i| s.lines[i].id.clone())
    }

    /// The selected tree row.
    pub(super) fn selected_row(&self) -> Option<TreeRow> {
        let rows = tree(self.session());
        rows.get(self.views.plan.tree.min(rows.len().saturating_sub(1))).copied()
    }

    /// Keys on the tree of ejes and líneas.
    fn update_plan_tree(&mut self, action: Action) {
        match action {
            Action::PlanAddAxis => self.open_input(InputTarget::PlanAdd(None), ""),
            Action::PlanAddLine => {
                if let Some(axis) = self.selected_axis() {
                    self.open_input(InputTarget::PlanAdd(Some(axis)), "");
                }
            }
            Action::PlanDelete => self.delete_tree_row(),
            Action::ShiftUp | Action::ShiftDown => {
                let d = if action == Action::ShiftUp { -1 } else { 1 };
                self.tree_edit(|s, row| match row {
                    TreeRow::Axis(a) => s.shift_axis(a, d),
                    TreeRow::Line(i) => s.shift_line(i, d),
                });
                let n = tree(self.session()).len();
                self.views.plan.tree = step(self.views.plan.tree, n, &if d < 0 { Action::Up } else { Action::Down });
            }
            Action::StartEdit => {
                let s = self.session();
                let (target, text) = match self.selected_row() {
                    Some(TreeRow::Axis(a)) => (PlanText::Axis(s.axes[a].id.clone()), s.axes[a].text.clone()),
                    Some(TreeRow::Line(i)) => (PlanText::Line(s.lines[i].id.clone()), s.lines[i].text.clone()),
                    None => return,
                };
                self.open_input(InputTarget::PlanText(target), &text);
            }
            Action::StartMove => {
                if let Some(TreeRow::Line(i)) = self.selected_row() {
                    self.pick_axis_for(i);
                }
            }
            Action::StartLink => {
                if let Some(TreeRow::Line(i)) = self.selected_row() {
                    let l = &self.session().lines[i];
                    let (id, checked) = (l.id.clone(), l.indicators.clone());
                    self.pick_indicators(PickFor::LineIndicators(id), checked);
                }
            }
            _ => {}
        }
    }

    /// Keys on the actions of the selected línea and on the tray.
    fn update_plan_items(&mut self, action: Action) {
        let s = self.session();
        let line = self.selected_line_id();
        let in_tray = self.views.plan.pane == PlanPane::Tray;
        let items = if in_tray { tray(s) } else { line.as_deref().map(|l| placed(s, l)).unwrap_or_default() };
        let at = if in_tray { self.views.plan.tray } else { self.views.plan.actions };
        let Some(&item) = items.get(at.min(items.len().saturating_sub(1))) else { return };
        match action {
            Action::PlanPlace if in_tray => {
                if let Some(line) = line {
                    self.place(item, Some(&line));
                }
            }
            Action::PlanTakeOut if !in_tray => {
                self.place(item, None);
                self.views.plan.actions = at.min(items.len().saturating_sub(2));
            }
            Action::StartEdit => {
                let (id, text) = item.show(s);
                let (id, text) = (id.to_owned(), text.to_owned());
                let target = match item {
                    PlanItem::Action(..) => InputTarget::EditAction(id),
                    PlanItem::Strategy(_) => InputTarget::EditStrategy(id),
                };
                self.open_input(target, &text);
            }
            Action::PlaceInLine => match item {
                PlanItem::Action(c, i) => {
                    let a = &s.actions(c)[i];
                    let (id, line) = (a.id.clone(), a.line.clone());
                    self.pick_line(&id, line, "");
                }
                PlanItem::Strategy(_) => self.say(self.lang.plan_ui().strategy_not_placed.to_owned(), true),
            },
            Action::StartForm | Action::StartLink => match item {
                PlanItem::Action(c, i) if action == Action::StartForm => self.open_action_form(c, i),
                PlanItem::Action(c, i) => {
                    let a = &s.actions(c)[i];
                    let (id, checked) = (a.id.clone(), a.indicators.clone());
                    self.pick_indicators(PickFor::ActionIndicators(id), checked);
                }
                PlanItem::Strategy(_) => self.say(self.lang.plan_ui().strategy_has_no_form.to_owned(), true),
            },
            _ => {}
        }
    }

    /// The eje of the selected tree row.
    fn selected_axis(&self) -> Option<String> {
        let s = self.session();
        match self.selected_row()? {
            TreeRow::Axis(a) => Some(s.axes[a].id.clone()),
            TreeRow::Line(i) => Some(s.lines[i].axis.clone()).filter(|a| s.find_axis(a).is_some()),
        }
    }

    /// Applies the edit `f` makes of the selected tree row.
    fn tree_edit(&mut self, f: impl FnOnce(&Session, TreeRow) -> Option<crate::domain::Edit>) {
        let Some(row) = self.selected_row() else { return };
        if let Some(edit) = f(self.session(), row) {
            self.apply(edit);
        }
    }

    /// `x` on the tree: an eje or línea holding actions asks first (`x` again
    /// confirms); deleted, what it held goes back to the tray and the status
    /// line says so.
    fn delete_tree_row(&mut self) {
        let Some(row) = self.selected_row() else { return };
        let s = self.session();
        let (id, held) = match row {
            TreeRow::Axis(a) => {
                let id = s.axes[a].id.clone();
                let held = s.lines_of(&id).map(|(_, l)| s.line_holds(&l.id)).sum();
                (id, held)
            }
            TreeRow::Line(i) => (s.lines[i].id.clone(), s.line_holds(&s.lines[i].id)),
        };
        let ui = self.lang.plan_ui();
        let shown = self.lang.show_id(&id);
        let key = |a: &Action| super::keymap::key_for(self.view_context(), a, self.lang);
        let (delete, undo) = (key(&Action::PlanDelete), key(&Action::Undo));
        if held > 0 && !self.delete_armed {
            self.delete_armed = true;
            let msg = (ui.delete_holds)(&shown, held, &delete);
            self.say(msg, true);
            return;
        }
        self.delete_armed = false;
        self.tree_edit(|s, row| match row {
            TreeRow::Axis(a) => s.delete_axis(a),
            TreeRow::Line(i) => s.delete_line(i),
        });
        if held > 0 {
            let msg = (ui.deleted_to_tray)(&shown, held, &undo);
            self.say(msg, false);
        }
    }

    /// Enter in the input line of a new eje or línea: added, the line stays open for the next.
    pub(super) fn submit_plan_add(&mut self, axis: Option<String>, text: &str) {
        // The eje went meanwhile (changed outside dafo): the words are not dropped unsaid.
        if let Some(a) = &axis
            && self.session().find_axis(a).is_none()
            && !text.trim().is_empty()
        {
            return self.target_gone(a, None, text);
        }
        let edit = match &axis {
            None => self.doc.session_mut().add_axis(text),
            Some(a) => self.doc.session_mut().add_line(a, text),
        };
        let ids = |s: &Session| -> Vec<String> {
            s.axes.iter().map(|a| a.id.clone()).chain(s.lines.iter().map(|l| l.id.clone())).collect()
        };
        let before = ids(self.session());
        if let Some(edit) = edit
            && self.apply(edit)
        {
            // The selection goes to what was just added, so `a` next adds a línea to this eje.
            let s = self.session();
            let added = |row: &TreeRow| match *row {
                TreeRow::Axis(a) => !before.contains(&s.axes[a].id),
                TreeRow::Line(i) => !before.contains(&s.lines[i].id),
            };
            if let Some(at) = tree(s).iter().position(added) {
                self.views.plan.tree = at;
            }
            self.open_input(InputTarget::PlanAdd(axis), "");
        }
    }

    /// Places an action in a línea (or takes it out). A crossed strategy is
    /// not placed: the plan follows actions (sheet, cronograma, seguimiento),
    /// so the status line says to write the action that carries it out. One
    /// placed by an older dafo can still be taken out.
    fn place(&mut self, item: PlanItem, line: Option<&str>) {
        let edit = match item {
            PlanItem::Action(c, i) => self.session().place_action(c, i, line),
            PlanItem::Strategy(_) if line.is_some() => {
                self.say(self.lang.plan_ui().strategy_not_placed.to_owned(), true);
                return;
            }
            PlanItem::Strategy(i) => self.session().place_strategy(i, line),
        };
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }
}
