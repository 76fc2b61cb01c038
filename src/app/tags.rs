//! Áreas temáticas and cross-cutting impacts in the TUI: `A` opens the picker
//! of the selected factor's or action's themes (`I`: an action's impacts),
//! where a name typed that no line matches is added to the session's list, and
//! `f` filters the grid by theme as `F` does by source.

use super::editor::Editor;
use super::picker::{PickFor, Picker};
use crate::domain::Quadrant;
use crate::domain::themes::{self, Tag};
use crate::i18n::theme_words;

impl Editor {
    /// Opens the picker of the selected item's themes or impacts.
    pub(super) fn start_tags(&mut self, tag: Tag) {
        let w = self.lang.text().keymap.themes;
        let Some(id) = self.selected_id() else {
            self.say(w.nothing.to_owned(), true);
            return;
        };
        let Some(carried) = themes::of_item(self.session(), tag, &id) else {
            self.say(w.nothing.to_owned(), true);
            return;
        };
        let list = themes::union(&theme_words::list(self.session(), tag), &carried);
        let options = list.into_iter().map(|name| (name, String::new())).collect();
        self.open_picker(Picker::new(PickFor::Tags(tag, id), options, carried));
    }

    /// Closes the tags picker: the item gets the checked names, the session
    /// keeps the picker's list (with any name added there) as its own.
    pub(super) fn finish_tags(&mut self, tag: Tag, id: &str, picker: &Picker) {
        let list: Vec<String> = picker.options.iter().map(|(name, _)| name.clone()).collect();
        let checked: Vec<String> = list.iter().filter(|n| picker.checked.contains(n)).cloned().collect();
        if let Some(edit) = themes::tag(self.session(), tag, id, &checked, &list) {
            self.apply(edit);
        }
    }

    /// No filter → the first theme the factors carry → the next … → no filter.
    pub(super) fn cycle_theme(&mut self) {
        let s = self.session();
        let carried: Vec<String> = Quadrant::ALL
            .iter()
            .flat_map(|&q| s.factors(q).iter().flat_map(|f| f.themes.iter().cloned()))
            .fold(Vec::new(), |all, t| themes::union(&all, &[t]));
        // In the list's order, then any name outside it.
        let list = theme_words::list(s, Tag::Theme);
        let all: Vec<String> = themes::union(&list, &carried).into_iter().filter(|t| carried.contains(t)).collect();
        let next = match &self.views.factors.theme {
            None => all.first(),
            Some(cur) => all.iter().position(|t| t == cur).and_then(|p| all.get(p + 1)),
        };
        self.views.factors.theme = next.cloned();
        for q in Quadrant::ALL {
            self.views.factors.selected[q.index()] = self.order(q).first().copied().unwrap_or(0);
        }
        let w = self.lang.text().keymap.themes;
        let text = match &self.views.factors.theme {
            Some(t) => {
                let n: usize = Quadrant::ALL.iter().map(|&q| self.order(q).len()).sum();
                (w.filtered)(t, n)
            }
            None => w.all.to_owned(),
        };
        self.say(text, false);
    }
}
