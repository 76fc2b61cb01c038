//! The list of the clashes a git merge left in the plan and the follow-up
//! (`R`): each with this branch's version and the other's; `1` keeps this
//! branch's, `2` the other's, `3` joins both texts (misión, visión), `e` writes
//! the text by hand. Each resolution is one undoable step, saved as any edit.

use super::action::Action;
use super::editor::{Editor, InputTarget, Mode};
use crate::domain::clash::Key;
use crate::domain::clash_resolve::{Choice, JOIN, Refusal};
use crate::domain::text::display_safe;

/// The clash list open: which clash is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClashList {
    pub selected: usize,
}

impl Editor {
    /// Opens the list of the plan's clashes, if there are any.
    pub(super) fn open_clashes(&mut self) {
        if self.session().clashes.is_empty() {
            let msg = self.lang.text().merge.no_conflict;
            self.say(msg.to_owned(), false);
        } else if self.read_only.is_some() {
            self.say_read_only();
        } else {
            self.mode = Mode::Clashes(ClashList::default());
        }
    }

    pub(super) fn update_clashes(&mut self, mut list: ClashList, action: Action) {
        let n = self.session().clashes.len();
        list.selected = list.selected.min(n.saturating_sub(1));
        let choice = match action {
            Action::Up => {
                list.selected = list.selected.saturating_sub(1);
                None
            }
            Action::Down => {
                list.selected = (list.selected + 1).min(n.saturating_sub(1));
                None
            }
            Action::First => {
                list.selected = 0;
                None
            }
            Action::Last => {
                list.selected = n.saturating_sub(1);
                None
            }
            Action::ClashHere => Some(Choice::Here),
            Action::ClashOther => Some(Choice::Other),
            Action::ClashBoth => Some(Choice::Both),
            Action::StartEdit => return self.edit_clash(list),
            Action::Cancel => return,
            _ => None,
        };
        self.mode = Mode::Clashes(list);
        if let Some(choice) = choice {
            self.resolve(list.selected, &choice);
        }
    }

    /// Resolves clash `i`; the list closes when none is left.
    fn resolve(&mut self, i: usize, choice: &Choice) {
        let Some(key) = self.session().clashes.get(i).map(|c| c.key()) else { return };
        match self.session().resolve_clash(i, choice) {
            Ok(edit) => {
                if self.apply(edit) {
                    let left = self.session().clashes.len();
                    if left == 0 {
                        self.mode = Mode::Grid;
                    }
                    let what = self.clash_label(&key);
                    self.say((self.lang.clashes().done)(&what, left), false);
                }
            }
            Err(why) => self.refused(why),
        }
    }

    fn refused(&mut self, why: Refusal) {
        let w = self.lang.clashes();
        let text = match why {
            Refusal::Gone => return,
            Refusal::NotText => w.not_text.to_owned(),
            Refusal::TooLong(max) => (self.lang.text().limits.input_full)(max),
            Refusal::Unfit => w.unfit.to_owned(),
        };
        self.say(text, true);
    }

    /// `e`: the misión or visión on the input line, both versions joined to
    /// start from; Enter resolves the clash with what is written.
    fn edit_clash(&mut self, list: ClashList) {
        let s = self.session();
        let Some(clash) = s.clashes.get(list.selected) else { return };
        let key = clash.key();
        if key.statement().is_none() {
            self.mode = Mode::Clashes(list);
            self.refused(Refusal::NotText);
            return;
        }
        let here = s.version_at(&key).map(|v| v.summary()).unwrap_or_default();
        let other = clash.other().map(|v| v.summary()).unwrap_or_default();
        let text = [here, other].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(JOIN);
        self.open_input(InputTarget::Clash(key), &text);
    }

    /// Enter on the line opened by [`Editor::edit_clash`]. If the clash went
    /// meanwhile (the file reloaded), the words still become the text.
    pub(super) fn submit_clash(&mut self, key: Key, text: &str) {
        let Some(i) = self.session().clashes.iter().position(|c| c.key() == key) else {
            if let Some(which) = key.statement()
                && let Some(edit) = self.session().set_statement(which, text)
            {
                self.apply(edit);
            }
            return;
        };
        self.mode = Mode::Clashes(ClashList { selected: i });
        self.resolve(i, &Choice::Text(text.to_owned()));
    }

    /// How messages name a clash's entry: misión, visión, or its ID (and year).
    pub fn clash_label(&self, key: &Key) -> String {
        let plan = self.lang.text().plan_report;
        display_safe(&key.label(plan.mission, plan.vision)).into_owned()
    }
}
