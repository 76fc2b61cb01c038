//! Edit builders for the plan: each returns the [`Edit`] to apply (so undo and
//! redo cover it) or `None` when nothing would change. IDs come from the
//! session's counters (`R`, `EJ`, `L`, `I`) and are never reused.

use super::came::{Came, CameAction};
use super::edit::{Edit, ListOp};
use super::plan::{Axis, Challenge, Horizon, Indicator, Line, PlanEdit, Source, Statement};
use super::session::Meta;
use super::session::Session;
use super::strategy::Strategy;
use super::text::clean_text;

/// ID prefixes (and counter keys) of the plan's items.
pub const CHALLENGE: &str = "R";
pub const AXIS: &str = "EJ";
pub const LINE: &str = "L";
pub const INDICATOR: &str = "I";

/// Cleans every entry of a list of short texts, dropping empty ones.
pub(crate) fn clean_list(list: &mut Vec<String>) {
    *list = list.iter().map(|t| clean_text(t)).filter(|t| !t.is_empty()).collect();
}

fn plan(e: PlanEdit) -> Edit {
    Edit::Plan(e)
}

/// Moves item `i` of a list by `delta`, as a remove and an insert.
fn shift<T: Clone>(list: &[T], i: usize, delta: isize, wrap: fn(ListOp<T>) -> PlanEdit) -> Option<Edit> {
    let item = list.get(i)?.clone();
    let to = i.checked_add_signed(delta).filter(|&t| t < list.len())?;
    Some(Edit::Batch(vec![plan(wrap(ListOp::Remove(i))), plan(wrap(ListOp::Insert(to, item)))]))
}

impl Session {
    /// The IDs of the plan's items per prefix, for [`Session::normalise_ids`].
    pub(crate) fn plan_ids(&self) -> Vec<(&'static str, Vec<&str>)> {
        vec![
            (CHALLENGE, self.challenges.iter().map(|c| c.id.as_str()).collect()),
            (AXIS, self.axes.iter().map(|a| a.id.as_str()).collect()),
            (LINE, self.lines.iter().map(|l| l.id.as_str()).collect()),
            (INDICATOR, self.indicators.iter().map(|i| i.id.as_str()).collect()),
        ]
    }

    // ---- Metadata: horizon, place, participants ----

    /// Sets or clears the horizon.
    pub fn set_horizon(&self, horizon: Option<Horizon>) -> Option<Edit> {
        (self.meta.horizon != horizon).then(|| Edit::Meta(Box::new(Meta { horizon, ..self.meta.clone() })))
    }

    /// Replaces the metadata with `f(old)`: title, place and participants cleaned
    /// (empty place or participants cleared, an empty title refused). `None` if
    /// nothing changes.
    pub fn change_meta(&self, f: impl FnOnce(&mut Meta)) -> Option<Edit> {
        let mut new = self.meta.clone();
        f(&mut new);
        new.title = clean_text(&new.title);
        for field in [&mut new.place, &mut new.participants] {
            *field = field.as_deref().map(clean_text).filter(|t| !t.is_empty());
        }
        (new != self.meta && !new.title.is_empty()).then(|| Edit::Meta(Box::new(new)))
    }

    // ---- Misión, visión, valores ----

    /// Sets the misión or the visión; empty text clears it.
    pub fn set_statement(&self, which: Statement, text: &str) -> Option<Edit> {
        let text = Some(clean_text(text)).filter(|t| !t.is_empty());
        let old = match which {
            Statement::Mission => &self.mission,
            Statement::Vision => &self.vision,
        };
        (*old != text).then(|| plan(PlanEdit::Statement(which, text)))
    }

    pub fn add_value(&self, text: &str) -> Option<Edit> {
        let text = clean_text(text);
        (!text.is_empty()).then(|| plan(PlanEdit::Value(ListOp::Insert(self.values.len(), text))))
    }

    pub fn reword_value(&self, i: usize, text: &str) -> Option<Edit> {
        let text = clean_text(text);
        (!text.is_empty() && *self.values.get(i)? != text).then(|| plan(PlanEdit::Value(ListOp::Replace(i, text))))
    }

    pub fn delete_value(&self, i: usize) -> Option<Edit> {
        self.values.get(i)?;
        Some(plan(PlanEdit::Value(ListOp::Remove(i))))
    }

    pub fn shift_value(&self, i: usize, delta: isize) -> Option<Edit> {
        shift(&self.values, i, delta, PlanEdit::Value)
    }

    // ---- Retos ----

    /// A new reto at the end, coming from `from`. `None` for empty text.
    pub fn add_challenge(&mut self, text: &str, from: Vec<Source>) -> Option<Edit> {
        let text = clean_text(text);
        if text.is_empty() {
            return None;
        }
        let id = self.next_id(CHALLENGE);
        Some(plan(PlanEdit::Challenge(ListOp::Insert(self.challenges.len(), Challenge { id, text, from }))))
    }

    /// Replaces reto `i` with `f(old)`; `None` if nothing changes or the text empties.
    pub fn change_challenge(&self, i: usize, f: impl FnOnce(&mut Challenge)) -> Option<Edit> {
        let old = self.challenges.get(i)?;
        let mut new = old.clone();
        f(&mut new);
        new.text = clean_text(&new.text);
        new.from.dedup();
        (new != *old && !new.text.is_empty()).then(|| plan(PlanEdit::Challenge(ListOp::Replace(i, new))))
    }

    /// Links reto `i` to a source, or unlinks it if already linked.
    pub fn toggle_challenge_source(&self, i: usize, source: Source) -> Option<Edit> {
        self.change_challenge(i, |c| match c.from.iter().position(|s| *s == source) {
            Some(p) => {
                c.from.remove(p);
            }
            None => c.from.push(source),
        })
    }

    pub fn delete_challenge(&self, i: usize) -> Option<Edit> {
        self.challenges.get(i)?;
        Some(plan(PlanEdit::Challenge(ListOp::Remove(i))))
    }

    pub fn shift_challenge(&self, i: usize, delta: isize) -> Option<Edit> {
        shift(&self.challenges, i, delta, PlanEdit::Challenge)
    }

    // ---- Ejes ----

    pub fn add_axis(&mut self, text: &str) -> Option<Edit> {
        let text = clean_text(text);
        if text.is_empty() {
            return None;
        }
        let id = self.next_id(AXIS);
        Some(plan(PlanEdit::Axis(ListOp::Insert(self.axes.len(), Axis { id, text }))))
    }

    pub fn reword_axis(&self, i: usize, text: &str) -> Option<Edit> {
        let text = clean_text(text);
        let old = self.axes.get(i)?;
        (!text.is_empty() && text != old.text)
            .then(|| plan(PlanEdit::Axis(ListOp::Replace(i, Axis { text, ..old.clone() }))))
    }

    /// Removes eje `i` and its líneas, as one step. Actions and strategies placed
    /// in those líneas keep the reference, shown as missing until undo.
    /// Deletes eje `i` with its líneas; what they held goes back to the tray.
    pub fn delete_axis(&self, i: usize) -> Option<Edit> {
        let axis = self.axes.get(i)?;
        let lines: Vec<usize> = self.lines_of(&axis.id).map(|(n, _)| n).collect();
        let mut edits: Vec<Edit> = lines.iter().flat_map(|&n| self.empty_line(&self.lines[n].id)).collect();
        edits.extend(lines.into_iter().rev().map(|n| plan(PlanEdit::Line(ListOp::Remove(n)))));
        edits.push(plan(PlanEdit::Axis(ListOp::Remove(i))));
        Some(Edit::Batch(edits))
    }

    pub fn shift_axis(&self, i: usize, delta: isize) -> Option<Edit> {
        shift(&self.axes, i, delta, PlanEdit::Axis)
    }

    // ---- Líneas ----

    /// A new línea at the end of eje `axis` (an ID). `None` for empty text or an unknown eje.
    pub fn add_line(&mut self, axis: &str, text: &str) -> Option<Edit> {
        let text = clean_text(text);
        if text.is_empty() || self.find_axis(axis).is_none() {
            return None;
        }
        let at = self.insertion_point(axis);
        let id = self.next_id(LINE);
        let line = Line { id, axis: axis.to_owned(), text, indicators: Vec::new() };
        Some(plan(PlanEdit::Line(ListOp::Insert(at, line))))
    }

    /// Where a línea goes to be the last of eje `axis`: after its last línea,
    /// else after the líneas of the ejes before it, else at the end.
    fn insertion_point(&self, axis: &str) -> usize {
        let order = |id: &str| self.find_axis(id).unwrap_or(usize::MAX);
        let rank = order(axis);
        self.lines.iter().rposition(|l| order(&l.axis) <= rank).map_or(0, |p| p + 1)
    }

    /// Replaces línea `i` with `f(old)`; its ID and eje cannot change here.
    pub fn change_line(&self, i: usize, f: impl FnOnce(&mut Line)) -> Option<Edit> {
        let old = self.lines.get(i)?;
        let mut new = old.clone();
        f(&mut new);
        new.text = clean_text(&new.text);
        (new.id, new.axis) = (old.id.clone(), old.axis.clone());
        new.indicators.dedup();
        (new != *old && !new.text.is_empty()).then(|| plan(PlanEdit::Line(ListOp::Replace(i, new))))
    }

    pub fn reword_line(&self, i: usize, text: &str) -> Option<Edit> {
        self.change_line(i, |l| l.text = text.to_owned())
    }

    /// Deletes línea `i`; its actions (and strategies) go back to the tray, in
    /// the same undoable step, so none points at a línea that is gone.
    pub fn delete_line(&self, i: usize) -> Option<Edit> {
        let line = self.lines.get(i)?;
        let mut edits = self.empty_line(&line.id);
        let remove = plan(PlanEdit::Line(ListOp::Remove(i)));
        if edits.is_empty() {
            return Some(remove);
        }
        edits.push(remove);
        Some(Edit::Batch(edits))
    }

    /// How many actions and strategies línea `id` holds.
    pub fn line_holds(&self, id: &str) -> usize {
        let actions = self.all_actions().filter(|(_, a)| a.line.as_deref() == Some(id)).count();
        actions + self.strategies.iter().filter(|x| x.line.as_deref() == Some(id)).count()
    }

    /// The edits that take everything in línea `id` back to the tray.
    fn empty_line(&self, id: &str) -> Vec<Edit> {
        let mut out: Vec<Edit> = Vec::new();
        for c in Came::ALL {
            for (i, a) in self.actions(c).iter().enumerate() {
                if a.line.as_deref() == Some(id) {
                    out.extend(self.change_action(c, i, |a| a.line = None));
                }
            }
        }
        for (i, x) in self.strategies.iter().enumerate() {
            if x.line.as_deref() == Some(id) {
                out.extend(self.place_strategy(i, None));
            }
        }
        out
    }

    /// Moves línea `i` up or down among the líneas of its eje.
    pub fn shift_line(&self, i: usize, delta: isize) -> Option<Edit> {
        let line = self.lines.get(i)?;
        let siblings: Vec<usize> = self.lines_of(&line.axis).map(|(n, _)| n).collect();
        let here = siblings.iter().position(|&n| n == i)?;
        let to = *siblings.get(here.checked_add_signed(delta)?)?;
        shift(&self.lines, i, to as isize - i as isize, PlanEdit::Line)
    }

    /// Moves línea `i` to the end of eje `axis`, keeping its ID (its number changes).
    pub fn move_line(&self, i: usize, axis: &str) -> Option<Edit> {
        let line = self.lines.get(i)?;
        if line.axis == axis || self.find_axis(axis).is_none() {
            return None;
        }
        let moved = Line { axis: axis.to_owned(), ..line.clone() };
        let remove = plan(PlanEdit::Line(ListOp::Remove(i)));
        let mut rest = self.clone();
        rest.lines.remove(i);
        let at = rest.insertion_point(axis);
        Some(Edit::Batch(vec![remove, plan(PlanEdit::Line(ListOp::Insert(at, moved)))]))
    }

    // ---- Indicators ----

    pub fn add_indicator(&mut self, name: &str) -> Option<Edit> {
        let name = clean_text(name);
        if name.is_empty() {
            return None;
        }
        let id = self.next_id(INDICATOR);
        let ind = Indicator {
            id,
            name,
            unit: None,
            baseline: None,
            target: None,
            direction: Default::default(),
            milestones: Vec::new(),
        };
        Some(plan(PlanEdit::Indicator(ListOp::Insert(self.indicators.len(), ind))))
    }

    /// A new indicator at the end, filled in by `f` (cleaned as
    /// [`Session::change_indicator`] does). `None` for an empty name.
    pub fn new_indicator(&mut self, f: impl FnOnce(&mut Indicator)) -> Option<Edit> {
        let mut ind = Indicator {
            id: String::new(),
            name: String::new(),
            unit: None,
            baseline: None,
            target: None,
            direction: Default::default(),
            milestones: Vec::new(),
        };
        f(&mut ind);
        clean_indicator(&mut ind);
        if ind.name.is_empty() {
            return None;
        }
        ind.id = self.next_id(INDICATOR);
        Some(plan(PlanEdit::Indicator(ListOp::Insert(self.indicators.len(), ind))))
    }

    /// Replaces indicator `i` with `f(old)`, keeping numbers finite; its ID cannot change.
    pub fn change_indicator(&self, i: usize, f: impl FnOnce(&mut Indicator)) -> Option<Edit> {
        let old = self.indicators.get(i)?;
        let mut new = old.clone();
        f(&mut new);
        new.id = old.id.clone();
        clean_indicator(&mut new);
        (new != *old && !new.name.is_empty()).then(|| plan(PlanEdit::Indicator(ListOp::Replace(i, new))))
    }

    /// Removes indicator `i`; actions and líneas keep the link, shown as missing.
    pub fn delete_indicator(&self, i: usize) -> Option<Edit> {
        self.indicators.get(i)?;
        Some(plan(PlanEdit::Indicator(ListOp::Remove(i))))
    }

    pub fn shift_indicator(&self, i: usize, delta: isize) -> Option<Edit> {
        shift(&self.indicators, i, delta, PlanEdit::Indicator)
    }

    /// Links indicator `indicator` to línea `i`, or unlinks it if linked.
    pub fn toggle_line_indicator(&self, i: usize, indicator: &str) -> Option<Edit> {
        let linked = self.lines.get(i)?.indicators.iter().any(|x| x == indicator);
        if !linked && self.find_indicator(indicator).is_none() {
            return None;
        }
        self.change_line(i, |l| toggle(&mut l.indicators, indicator))
    }

    // ---- Actions and strategies in the plan ----

    /// Places action `i` of `c` in línea `line` (an ID), or takes it out with `None`.
    pub fn place_action(&self, c: Came, i: usize, line: Option<&str>) -> Option<Edit> {
        if line.is_some_and(|l| self.find_line(l).is_none()) {
            return None;
        }
        self.change_action(c, i, |a| a.line = line.map(str::to_owned))
    }

    /// Links indicator `indicator` to action `i` of `c`, or unlinks it if linked.
    pub fn toggle_action_indicator(&self, c: Came, i: usize, indicator: &str) -> Option<Edit> {
        let linked = self.actions(c).get(i)?.indicators.iter().any(|x| x == indicator);
        if !linked && self.find_indicator(indicator).is_none() {
            return None;
        }
        self.change_action(c, i, |a: &mut CameAction| toggle(&mut a.indicators, indicator))
    }

    /// Places strategy `i` in línea `line`, or takes it out with `None`.
    pub fn place_strategy(&self, i: usize, line: Option<&str>) -> Option<Edit> {
        let old = self.strategies.get(i)?;
        let line = line.map(str::to_owned);
        if line.as_deref().is_some_and(|l| self.find_line(l).is_none()) || old.line == line {
            return None;
        }
        Some(Edit::Strategy(ListOp::Replace(i, Strategy { line, ..old.clone() })))
    }
}

fn clean_indicator(ind: &mut Indicator) {
    ind.name = clean_text(&ind.name);
    ind.unit = ind.unit.as_deref().map(clean_text).filter(|u| !u.is_empty());
    ind.baseline = ind.baseline.filter(|x| x.is_finite());
    ind.target = ind.target.filter(|x| x.is_finite());
}

fn toggle(list: &mut Vec<String>, id: &str) {
    match list.iter().position(|x| x == id) {
        Some(p) => {
            list.remove(p);
        }
        None => list.push(id.to_owned()),
    }
}

#[cfg(test)]
#[path = "plan_edit_tests.rs"]
mod tests;
