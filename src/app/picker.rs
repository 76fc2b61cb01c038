//! A searchable list of factors: links of an action, the two factors of a strategy.

use ratatui_textarea::TextArea;

use super::action::Action;
use super::editor::{Editor, InputTarget};
use super::overlay::Overlay;
use crate::domain::limits::ITEM_TEXT_MAX;
use crate::domain::text::clean_text;
use crate::domain::{Came, Crossed, Quadrant};
use crate::export::Format;
use crate::i18n::Lang;

/// What the chosen factors are for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickFor {
    /// The factors the action `action` of `came` answers (several).
    Links { came: Came, action: String },
    /// The internal factor of a new strategy.
    StrategyInternal(Crossed),
    /// The external factor of a new strategy whose internal one is chosen.
    StrategyExternal(Crossed, String),
    /// The format to copy the summary in.
    CopyFormat,
    /// What the reto with this ID comes from: factors, actions, strategies (several).
    ChallengeSources(String),
    /// The indicators that measure the línea with this ID (several).
    LineIndicators(String),
    /// The indicators that measure the action with this ID (several).
    ActionIndicators(String),
    /// The eje (by number) to move the línea with this ID to.
    MoveLine(String),
    /// The línea (by number, "1.2") of the action with this ID.
    Line(String),
    /// The áreas temáticas or impacts of the factor or action with this ID
    /// (several; a name typed that nothing matches is added to the list).
    Tags(crate::domain::themes::Tag, String),
}

/// The picker's state: options, checks, the search text and the cursor.
#[derive(Debug, Clone)]
pub struct Picker {
    pub purpose: PickFor,
    /// `(id, text)` of every factor that can be picked.
    pub options: Vec<(String, String)>,
    pub checked: Vec<String>,
    pub filter: TextArea<'static>,
    /// Position in the filtered list.
    pub cursor: usize,
}

impl Picker {
    pub fn new(purpose: PickFor, options: Vec<(String, String)>, checked: Vec<String>) -> Picker {
        Picker { purpose, options, checked, filter: TextArea::default(), cursor: 0 }
    }

    /// Whether several factors can be checked.
    pub fn multi(&self) -> bool {
        matches!(
            self.purpose,
            PickFor::Links { .. }
                | PickFor::ChallengeSources(_)
                | PickFor::LineIndicators(_)
                | PickFor::ActionIndicators(_)
                | PickFor::Tags(..)
        )
    }

    /// Indices of the options matching the search (accents and case ignored):
    /// first those whose ID begins with it, dots left out (`21` or `2.1` is
    /// línea 2.1, `d1` is D1 before D10), as stored or as any language shows
    /// it (`s2` is F2, which English shows as S2), then the others.
    pub fn visible(&self) -> Vec<usize> {
        let search = self.filter.lines().join(" ");
        let compact =
            |t: &str| t.chars().filter(|c| !matches!(c, '.' | ' ')).flat_map(char::to_lowercase).collect::<String>();
        let key = compact(&search);
        let stored = compact(&crate::i18n::stored_id(&key.to_uppercase()));
        let leads = |i: &usize| {
            let id = compact(&self.options[*i].0);
            !key.is_empty() && (id.starts_with(&key) || id.starts_with(&stored))
        };
        let (first, rest): (Vec<usize>, Vec<usize>) = (0..self.options.len())
            .filter(|i| {
                let (id, text) = &self.options[*i];
                leads(i) || crate::i18n::matches(&format!("{id} {text}"), &search)
            })
            .partition(leads);
        first.into_iter().chain(rest).collect()
    }

    /// The option under the cursor.
    pub fn current(&self) -> Option<&(String, String)> {
        let visible = self.visible();
        visible.get(self.cursor.min(visible.len().saturating_sub(1))).map(|&i| &self.options[i])
    }

    pub fn title(&self, lang: Lang) -> String {
        match &self.purpose {
            PickFor::Links { action, .. } => {
                let toggle = super::keymap::key_for(super::keymap::Context::Picker, &Action::Toggle, lang);
                format!("{} {} ({toggle} {})", lang.text().ui.pick_links, lang.show_id(action), lang.text().ui.checks)
            }
            PickFor::StrategyInternal(k) => {
                format!("{} ({}×)", lang.text().ui.pick_internal, lang.crossed_code(*k))
            }
            PickFor::StrategyExternal(k, first) => {
                format!("{} × … {} ({})", lang.show_id(first), lang.text().ui.pick_external, lang.crossed_code(*k))
            }
            PickFor::CopyFormat => lang.text().ui.copy_as.to_owned(),
            PickFor::ChallengeSources(id) => format!("{} {}", lang.plan_ui().pick_sources, lang.show_id(id)),
            PickFor::LineIndicators(id) | PickFor::ActionIndicators(id) => {
                format!("{} {}", lang.plan_ui().pick_indicators, lang.show_id(id))
            }
            PickFor::MoveLine(id) => format!("{} {}", lang.show_id(id), lang.plan_ui().pick_axis),
            PickFor::Line(id) => format!("{} {}", lang.text().quick.pick_line, lang.show_id(id)),
            PickFor::Tags(tag, id) => {
                let w = lang.text().keymap.themes;
                let pick = if *tag == crate::domain::themes::Tag::Theme { w.pick_themes } else { w.pick_impacts };
                pick(&lang.show_id(id))
            }
        }
    }

    /// In a tags picker, the name typed when no line matches it: Enter adds it.
    pub fn new_name(&self) -> Option<String> {
        let typed = clean_text(&self.filter.lines().join(" "));
        (matches!(self.purpose, PickFor::Tags(..)) && !typed.is_empty() && self.visible().is_empty()).then_some(typed)
    }
}

/// `(id, text)` of the factors of a quadrant.
pub fn options_of(editor: &Editor, q: Quadrant) -> Vec<(String, String)> {
    editor.session().factors(q).iter().map(|f| (f.id.clone(), f.text.clone())).collect()
}

impl Editor {
    pub(super) fn open_picker(&mut self, picker: Picker) {
        if picker.options.is_empty() {
            let none = self.lang.text().ui.no_factors_to_pick;
            self.say(none.to_owned(), true);
            return;
        }
        self.overlays.push(Overlay::Picker(Box::new(picker)));
    }

    /// The picker open on top of the view (or of the form or line it was opened from).
    pub fn picker(&self) -> Option<&Picker> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Picker(p) => Some(&**p),
            _ => None,
        })
    }

    /// The form open, if any.
    pub fn form(&self) -> Option<&super::form::Form> {
        self.overlays.form()
    }

    /// Whether a picker or a form covers the view (its keys are theirs).
    pub fn covered(&self) -> bool {
        self.overlays.iter().any(Overlay::edits)
    }

    /// Keys in a picker or a form: the overlay at `at` is taken off the stack
    /// and put back unless it closes. What it was opened from waits below.
    pub(super) fn update_overlay_at(&mut self, at: usize, action: Action) {
        self.prelude(&action);
        match self.overlays.remove(at) {
            Overlay::Picker(picker) => self.update_picker(*picker, action),
            Overlay::Form(form) => self.update_form(*form, action),
            Overlay::Record(form) => self.update_record(*form, action),
            other => self.overlays.push(other),
        }
    }

    /// Keys in the picker (taken off the stack; put back unless it closes).
    pub(super) fn update_picker(&mut self, mut picker: Picker, action: Action) {
        let len = picker.visible().len();
        match action {
            Action::Up => picker.cursor = picker.cursor.saturating_sub(1),
            Action::Down => picker.cursor = (picker.cursor + 1).min(len.saturating_sub(1)),
            // The search is also a new name (an área temática, an impact): it
            // holds what an item's text may hold, no more, as every input does.
            Action::TextKey(key) => {
                let typed = super::readline::type_key_within(&mut picker.filter, key, ITEM_TEXT_MAX);
                self.say_full_unless(typed, ITEM_TEXT_MAX);
                picker.cursor = 0;
            }
            Action::Paste(text) => {
                let pasted = super::readline::paste_within(&mut picker.filter, &clean_text(&text), ITEM_TEXT_MAX);
                self.say_full_unless(pasted, ITEM_TEXT_MAX);
                picker.cursor = 0;
            }
            Action::Toggle if picker.multi() => {
                if let Some((id, _)) = picker.current().cloned() {
                    match picker.checked.iter().position(|c| *c == id) {
                        Some(at) => {
                            picker.checked.remove(at);
                        }
                        None => picker.checked.push(id),
                    }
                }
            }
            Action::Submit if picker.new_name().is_some() => {
                if let Some(name) = picker.new_name() {
                    picker.options.push((name.clone(), String::new()));
                    picker.checked.push(name);
                    picker.filter = TextArea::default();
                    picker.cursor = picker.options.len() - 1;
                }
            }
            // One choice to make and the search matches nothing: said, and the
            // picker stays (it closed without a word, as if something was chosen).
            Action::Toggle | Action::Submit if !picker.multi() && picker.current().is_none() => {
                let close = super::keymap::key_for(super::keymap::Context::Picker, &Action::Cancel, self.lang);
                self.say((self.lang.text().ui.nothing_to_choose)(&close), true);
            }
            Action::Toggle | Action::Submit => return self.finish_picker(picker),
            // Opened from a form or a line: that waits below, as it was.
            Action::Cancel => return,
            _ => {}
        }
        self.overlays.push(Overlay::Picker(Box::new(picker)));
    }

    fn finish_picker(&mut self, picker: Picker) {
        let chosen = picker.current().map(|(id, _)| id.clone());
        match picker.purpose {
            PickFor::Links { came, action } => {
                let Some((c, i)) = self.session().find_action(&action).filter(|(c, _)| *c == came) else { return };
                let old = &self.session().actions(c)[i].links;
                // Keep the options' order: links read in the quadrant's order. Links
                // the list does not show (to factors that are gone) stay, shown as missing.
                let mut links: Vec<String> =
                    picker.options.iter().map(|(id, _)| id).filter(|id| picker.checked.contains(id)).cloned().collect();
                links.extend(old.iter().filter(|id| !picker.options.iter().any(|(o, _)| o == *id)).cloned());
                // The same links checked: nothing changes, not even their order.
                let same = links.len() == old.len() && links.iter().all(|id| old.contains(id));
                if !same && let Some(edit) = self.session().change_action(c, i, |a| a.links = links) {
                    self.apply(edit);
                }
            }
            PickFor::StrategyInternal(kind) => {
                if let Some(first) = chosen {
                    let options = options_of(self, kind.quadrants()[1]);
                    self.open_picker(Picker::new(PickFor::StrategyExternal(kind, first), options, Vec::new()));
                }
            }
            PickFor::StrategyExternal(kind, first) => {
                if let Some(second) = chosen {
                    self.open_input(InputTarget::AddStrategy(kind, [first, second]), "");
                }
            }
            purpose @ (PickFor::ChallengeSources(_)
            | PickFor::LineIndicators(_)
            | PickFor::ActionIndicators(_)
            | PickFor::MoveLine(_)) => {
                let checked =
                    picker.options.iter().map(|(id, _)| id).filter(|id| picker.checked.contains(id)).cloned().collect();
                self.finish_plan_picker(purpose, checked, chosen);
            }
            PickFor::Line(id) => self.finish_line_pick(&id, chosen),
            PickFor::Tags(tag, ref id) => self.finish_tags(tag, id, &picker),
            PickFor::CopyFormat => {
                if let Some(format) = chosen.and_then(|id| <Format as crate::choice::Choice>::named(&id)) {
                    self.copy_summary(Some(format));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// English shows strengths as S1 and threats as T1: the search for what the
    /// screen shows found nothing, since it read only the stored F1 and A1.
    #[test]
    fn the_search_finds_an_id_as_any_language_shows_it() {
        let options = ["F1", "F2", "F10", "A1", "D2"].map(|id| (id.to_owned(), format!("texto de {id}"))).to_vec();
        let mut p = Picker::new(PickFor::StrategyInternal(crate::domain::Crossed::FO), options, Vec::new());
        let ids = |p: &Picker| p.visible().into_iter().map(|i| p.options[i].0.clone()).collect::<Vec<_>>();
        for (typed, first) in [("s2", "F2"), ("S1", "F1"), ("t1", "A1"), ("w2", "D2"), ("f2", "F2"), ("d2", "D2")] {
            p.filter = TextArea::from([typed]);
            assert_eq!(ids(&p).first().map(String::as_str), Some(first), "{typed}: {:?}", ids(&p));
        }
        p.filter = TextArea::from(["s1"]);
        assert_eq!(ids(&p)[..2], ["F1".to_owned(), "F10".to_owned()], "S1 and S10, as D1 before D10");
    }
}
