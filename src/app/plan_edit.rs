//! Editing the plan in the plan view: misión, visión and valores (the top
//! band), the retos and their sources, the indicators, the texts of ejes and
//! líneas, and the pickers that link and move them. Every change is an
//! [`Edit`](crate::domain::Edit) of `domain::plan_edit`, so undo, redo,
//! autosave and locking cover it.

use super::action::Action;
use super::editor::{Editor, InputTarget};
use super::picker::{PickFor, Picker};
use crate::domain::{Session, Source, Statement};
use crate::i18n::Lang;

/// A valor being reworded. Valores have no ID: the edit names it by its words
/// as they were when the edit began, and where it stood then (to tell two
/// valores with the same words apart). An outside change that moves the
/// valores does not send the edit to another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valor {
    pub text: String,
    pub at: usize,
}

impl Valor {
    /// Where the valor is in `values` now: of those with its words, the nearest
    /// to where it stood; `None` if it is gone or was reworded meanwhile.
    pub fn find(&self, values: &[String]) -> Option<usize> {
        let same = values.iter().enumerate().filter(|(_, v)| **v == self.text);
        same.min_by_key(|(i, _)| i.abs_diff(self.at)).map(|(i, _)| i)
    }
}

/// What a plan input line writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanText {
    Statement(Statement),
    /// A valor, or a new one.
    Value(Option<Valor>),
    /// The reto with this ID, or a new one.
    Challenge(Option<String>),
    Axis(String),
    Line(String),
}

impl PlanText {
    /// The input line's label.
    pub fn label(&self, lang: Lang) -> String {
        let (w, p) = (lang.text().plan_report, lang.plan_ui());
        match self {
            PlanText::Statement(Statement::Mission) => w.mission.to_owned(),
            PlanText::Statement(Statement::Vision) => w.vision.to_owned(),
            PlanText::Value(None) => p.new_value.to_owned(),
            PlanText::Value(Some(v)) => format!("{} {}", w.values, v.at + 1),
            PlanText::Challenge(None) => p.new_challenge.to_owned(),
            PlanText::Challenge(Some(id)) | PlanText::Axis(id) | PlanText::Line(id) => {
                format!("{} {}", lang.text().ui.input_edit, lang.show_id(id))
            }
        }
    }

    /// The text stored where it writes (`None` for a new item).
    pub fn stored(&self, s: &Session) -> Option<String> {
        match self {
            PlanText::Statement(Statement::Mission) => Some(s.mission.clone().unwrap_or_default()),
            PlanText::Statement(Statement::Vision) => Some(s.vision.clone().unwrap_or_default()),
            PlanText::Value(v) => s.values.get(v.as_ref()?.find(&s.values)?).cloned(),
            PlanText::Challenge(id) => s.challenges.get(s.find_challenge(id.as_deref()?)?).map(|c| c.text.clone()),
            PlanText::Axis(id) => s.axes.get(s.find_axis(id)?).map(|a| a.text.clone()),
            PlanText::Line(id) => s.lines.get(s.find_line(id)?).map(|l| l.text.clone()),
        }
    }
}

/// Where a linked ID comes from, looked up in the session.
fn source_of(s: &Session, id: &str) -> Option<Source> {
    if s.find_factor(id).is_some() {
        Some(Source::Factor(id.to_owned()))
    } else if s.find_action(id).is_some() {
        Some(Source::Action(id.to_owned()))
    } else if s.strategies.iter().any(|x| x.id == id) {
        Some(Source::Strategy(id.to_owned()))
    } else {
        None
    }
}

/// Moves `at` by one with the item it points at, as `K`/`J` did.
fn follow(at: usize, up: bool, len: usize) -> usize {
    if up { at.saturating_sub(1) } else { (at + 1).min(len.saturating_sub(1)) }
}

impl Editor {
    /// Keys on misión, visión and valores: 0 misión, 1 visión, 2… the valores.
    pub(super) fn update_band(&mut self, action: Action) {
        let s = self.session();
        let at = self.views.plan.band.min(1 + s.values.len());
        let value = at.checked_sub(2);
        let edit = match action {
            Action::StartAdd => return self.open_input(InputTarget::PlanText(PlanText::Value(None)), ""),
            Action::StartEdit => {
                let target = match at {
                    0 => PlanText::Statement(Statement::Mission),
                    1 => PlanText::Statement(Statement::Vision),
                    _ => match value.and_then(|at| Some((at, s.values.get(at)?))) {
                        Some((at, text)) => PlanText::Value(Some(Valor { text: text.clone(), at })),
                        None => return,
                    },
                };
                let text = target.stored(s).unwrap_or_default();
                return self.open_input(InputTarget::PlanText(target), &text);
            }
            Action::Delete => match value {
                None => s.set_statement(if at == 0 { Statement::Mission } else { Statement::Vision }, ""),
                Some(i) => s.delete_value(i),
            },
            Action::ShiftUp | Action::ShiftDown => {
                let up = action == Action::ShiftUp;
                let edit = value.and_then(|i| s.shift_value(i, if up { -1 } else { 1 }));
                if edit.is_some() {
                    self.views.plan.band = 2 + follow(at - 2, up, s.values.len());
                }
                edit
            }
            _ => None,
        };
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }

    /// Keys on the retos.
    pub(super) fn update_challenges(&mut self, action: Action) {
        let s = self.session();
        let len = s.challenges.len();
        let at = self.views.plan.challenges.min(len.saturating_sub(1));
        let current = s.challenges.get(at);
        let edit = match action {
            Action::StartAdd => return self.open_input(InputTarget::PlanText(PlanText::Challenge(None)), ""),
            Action::StartEdit => {
                let Some(c) = current else { return };
                let (id, text) = (c.id.clone(), c.text.clone());
                return self.open_input(InputTarget::PlanText(PlanText::Challenge(Some(id))), &text);
            }
            Action::StartLink => {
                let Some(c) = current else { return };
                let checked = c.from.iter().map(|x| x.id().to_owned()).collect();
                let purpose = PickFor::ChallengeSources(c.id.clone());
                let picker = Picker::new(purpose, self.source_options(), checked);
                if picker.options.is_empty() {
                    return self.say(self.lang.plan_ui().no_sources.to_owned(), true);
                }
                return self.open_picker(picker);
            }
            Action::Delete => s.delete_challenge(at),
            Action::ShiftUp | Action::ShiftDown => {
                let up = action == Action::ShiftUp;
                let edit = s.shift_challenge(at, if up { -1 } else { 1 });
                if edit.is_some() {
                    self.views.plan.challenges = follow(at, up, len);
                }
                edit
            }
            _ => None,
        };
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }

    /// Keys on the indicators.
    pub(super) fn update_indicators(&mut self, action: Action) {
        let s = self.session();
        let len = s.indicators.len();
        let at = self.views.plan.indicators.min(len.saturating_sub(1));
        let edit = match action {
            Action::StartAdd => return self.open_indicator_form(None),
            Action::StartEdit if len > 0 => return self.open_indicator_form(Some(at)),
            Action::Delete => s.delete_indicator(at),
            Action::ShiftUp | Action::ShiftDown => {
                let up = action == Action::ShiftUp;
                let edit = s.shift_indicator(at, if up { -1 } else { 1 });
                if edit.is_some() {
                    self.views.plan.indicators = follow(at, up, len);
                }
                edit
            }
            _ => None,
        };
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }

    /// Every factor, action and crossed strategy, for a reto's sources.
    fn source_options(&self) -> Vec<(String, String)> {
        let s = self.session();
        let factors =
            crate::domain::Quadrant::ALL.into_iter().flat_map(|q| s.factors(q).iter().map(|f| (&f.id, &f.text)));
        let actions = s.all_actions().map(|(_, a)| (&a.id, &a.text));
        let strategies = s.strategies.iter().map(|x| (&x.id, &x.text));
        factors.chain(actions).chain(strategies).map(|(id, text)| (id.clone(), text.clone())).collect()
    }

    /// The indicators picker for a línea or an action.
    pub(super) fn pick_indicators(&mut self, purpose: PickFor, checked: Vec<String>) {
        let options: Vec<(String, String)> =
            self.session().indicators.iter().map(|i| (i.id.clone(), i.name.clone())).collect();
        if options.is_empty() {
            return self.say(self.lang.plan_ui().no_indicators.to_owned(), true);
        }
        self.open_picker(Picker::new(purpose, options, checked));
    }

    /// The ejes línea `i` can move to.
    pub(super) fn pick_axis_for(&mut self, i: usize) {
        let s = self.session();
        let line = &s.lines[i];
        let options: Vec<(String, String)> = s
            .axes
            .iter()
            .enumerate()
            .filter(|(_, a)| a.id != line.axis)
            .map(|(n, a)| (format!("{}", n + 1), a.text.clone()))
            .collect();
        if options.is_empty() {
            return self.say(self.lang.plan_ui().no_other_axis.to_owned(), true);
        }
        self.open_picker(Picker::new(PickFor::MoveLine(line.id.clone()), options, Vec::new()));
    }

    /// The end of a plan picker: the checked IDs (in the options' order) or the chosen one.
    pub(super) fn finish_plan_picker(&mut self, purpose: PickFor, checked: Vec<String>, chosen: Option<String>) {
        let s = self.session();
        // Links to items that are gone are not in the list: they stay, shown as missing.
        let keep = |old: &[String], exists: &dyn Fn(&str) -> bool| {
            let mut out = checked.clone();
            out.extend(old.iter().filter(|id| !exists(id)).cloned());
            out
        };
        let has_indicator = |id: &str| s.find_indicator(id).is_some();
        let edit = match purpose {
            PickFor::ChallengeSources(id) => s.find_challenge(&id).and_then(|i| {
                let gone: Vec<Source> = s.challenges[i].from.iter().filter(|x| !x.exists(s)).cloned().collect();
                let mut from: Vec<Source> = checked.iter().filter_map(|id| source_of(s, id)).collect();
                from.extend(gone);
                s.change_challenge(i, |c| c.from = from)
            }),
            PickFor::LineIndicators(id) => s.find_line(&id).and_then(|i| {
                let list = keep(&s.lines[i].indicators, &has_indicator);
                s.change_line(i, |l| l.indicators = list)
            }),
            PickFor::ActionIndicators(id) => s.find_action(&id).and_then(|(c, i)| {
                let list = keep(&s.actions(c)[i].indicators, &has_indicator);
                s.change_action(c, i, |a| a.indicators = list)
            }),
            PickFor::MoveLine(id) => {
                let axis = chosen.and_then(|n| n.parse::<usize>().ok()).and_then(|n| s.axes.get(n.checked_sub(1)?));
                match (s.find_line(&id), axis) {
                    (Some(i), Some(axis)) => s.move_line(i, &axis.id.clone()),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }

    /// Enter in a plan input line: the text stored; new valores and retos keep the line open.
    /// The words for an item that is gone (changed outside dafo) are kept, as for factors.
    pub(super) fn submit_plan_text(&mut self, target: PlanText, text: &str) {
        let s = self.doc.session_mut();
        let new_line = |t: PlanText| Some(InputTarget::PlanText(t));
        let edit = match &target {
            PlanText::Statement(which) => s.set_statement(*which, text),
            PlanText::Value(None) => s.add_value(text),
            PlanText::Value(Some(v)) => match v.find(&s.values) {
                Some(i) => s.reword_value(i, text),
                None => {
                    let named = (self.lang.plan_ui().value_named)(&super::draft::short(&v.text));
                    return self.words_kept(&named, new_line(PlanText::Value(None)), text);
                }
            },
            PlanText::Challenge(None) => s.add_challenge(text, Vec::new()),
            PlanText::Challenge(Some(id)) => match s.find_challenge(id) {
                Some(i) => s.change_challenge(i, |c| c.text = text.to_owned()),
                None => return self.target_gone(id, new_line(PlanText::Challenge(None)), text),
            },
            PlanText::Axis(id) => match s.find_axis(id) {
                Some(i) => s.reword_axis(i, text),
                None => return self.target_gone(id, Some(InputTarget::PlanAdd(None)), text),
            },
            // A línea belongs to an eje that may be gone too: the words are shown whole.
            PlanText::Line(id) => match s.find_line(id) {
                Some(i) => s.reword_line(i, text),
                None => return self.target_gone(id, None, text),
            },
        };
        let added = edit.is_some_and(|e| self.apply(e));
        match target {
            PlanText::Value(None) if added => {
                self.views.plan.band = 1 + self.session().values.len();
                self.open_input(InputTarget::PlanText(target), "");
            }
            PlanText::Challenge(None) if added => {
                self.views.plan.challenges = self.session().challenges.len() - 1;
                self.open_input(InputTarget::PlanText(target), "");
            }
            _ => {}
        }
    }
}
