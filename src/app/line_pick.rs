//! Placing an action in a línea from wherever the action is: the línea picker
//! (`n` in CAME and in the plan view's action lists, Ctrl-l on the line of new
//! actions for the one just added) and the línea field of the action form
//! (`f`); from the form or the line the picker comes back to it.

use super::action::Action;
use super::editor::{Editor, Mode};
use super::form::{Form, FormKind};
use super::keymap;
use super::overlay::Overlay;
use super::picker::{PickFor, Picker};
use crate::domain::Session;
use crate::domain::text::display_safe;

/// What a línea option is called in the picker when it sends the action back
/// to the tray (no línea).
pub const NO_LINE: &str = "—";

/// `(number, text)` of every línea, in the plan's order ("1.2"), then the way
/// back to the tray when the action is in one (`current`).
pub fn line_options(editor: &Editor, current: Option<&str>) -> Vec<(String, String)> {
    let s = editor.session();
    let mut out: Vec<(String, String)> = s
        .lines
        .iter()
        .filter_map(|l| s.line_number(&l.id).map(|(a, n)| (format!("{a}.{n}"), l.text.clone())))
        .collect();
    if current.is_some_and(|c| s.find_line(c).is_some()) {
        out.push((NO_LINE.to_owned(), editor.lang.text().quick.no_line.to_owned()));
    }
    out
}

/// The línea ID of a picker option ("1.2"); `None` for the tray's option.
pub fn line_of_option(s: &Session, option: &str) -> Option<String> {
    let (a, n) = option.split_once('.')?;
    s.line_by_number(a.parse().ok()?, n.parse().ok()?).map(|l| l.id.clone())
}

/// The option ("1.2") of línea `id`, if it is in the plan.
fn option_of_line(s: &Session, id: &str) -> Option<String> {
    s.line_number(id).map(|(a, n)| format!("{a}.{n}"))
}

/// How the línea field of the action form reads: "1.2 Text", or empty.
pub fn line_field_text(s: &Session, line: Option<&str>) -> String {
    line.and_then(|id| Some(format!("{} {}", option_of_line(s, id)?, s.lines[s.find_line(id)?].text)))
        .unwrap_or_default()
}

impl Editor {
    /// Opens the línea picker for action `id`, its cursor on the action's
    /// línea, else on the one last used, so that a run of actions for the same
    /// línea takes `n` `Enter` each. It opens over the mode it was opened
    /// from (a form, an input line), which waits below.
    pub(super) fn pick_line(&mut self, id: &str, current: Option<String>, search: &str) {
        let options = line_options(self, current.as_deref());
        if options.is_empty() {
            let key = keymap::key_for(self.view_context(), &Action::ShowPlan, self.lang);
            self.say((self.lang.text().quick.no_lines)(&key), true);
            return;
        }
        let s = self.session();
        let start = current.or_else(|| self.last_line.clone()).and_then(|l| option_of_line(s, &l));
        let mut picker = Picker::new(PickFor::Line(id.to_owned()), options, Vec::new());
        picker.cursor = start.and_then(|o| picker.options.iter().position(|(n, _)| *n == o)).unwrap_or(0);
        if !search.is_empty() {
            picker.filter.insert_str(search);
            picker.cursor = 0;
        }
        self.overlays.push(Overlay::Picker(Box::new(picker)));
    }

    /// The línea chosen for action `id` (`option` "1.2", or the tray's): into
    /// the form it came from, or placed at once (one undo step) and said; the
    /// line it came from, if any, is still there below.
    pub(super) fn finish_line_pick(&mut self, id: &str, option: Option<String>) {
        let Some(option) = option else { return };
        let line = line_of_option(self.session(), &option);
        if line.is_some() {
            self.last_line.clone_from(&line);
        }
        let text = line_field_text(self.session(), line.as_deref());
        match self.overlays.form_mut() {
            Some(form) => {
                if let FormKind::Action { line: chosen, .. } = &mut form.kind {
                    *chosen = line;
                }
                form.set_line_field(&text);
            }
            None => self.place_in(id, line.as_deref(), &option),
        }
    }

    fn place_in(&mut self, id: &str, line: Option<&str>, option: &str) {
        let Some((c, i)) = self.session().find_action(id) else { return };
        if let Some(edit) = self.session().place_action(c, i, line)
            && self.apply(edit)
        {
            let shown = if line.is_some() { option } else { self.lang.text().quick.no_line };
            self.say(format!("{} → {}", self.lang.show_id(id), display_safe(shown)), false);
        }
    }

    /// Ctrl-l on the line of new CAME actions: the línea picker for the action
    /// this line added last; the line comes back when it closes.
    pub(super) fn pick_line_for_added(&mut self, input: super::editor::Input) {
        let added = self.last_added.clone().filter(|id| self.session().find_action(id).is_some());
        let Some(id) = added else {
            self.say(self.lang.text().quick.nothing_added.to_owned(), true);
            self.mode = Mode::Input(input);
            return;
        };
        let line = self.session().find_action(&id).and_then(|(c, i)| self.session().actions(c)[i].line.clone());
        self.mode = Mode::Input(input);
        self.pick_line(&id, line, "");
    }

    /// `n`: the línea picker for the selected action of the CAME view.
    pub(super) fn pick_line_for_selected(&mut self) {
        let c = crate::domain::Came::of(self.focus());
        if let Some(i) = self.action_selection(c) {
            let a = &self.session().actions(c)[i];
            let (id, line) = (a.id.clone(), a.line.clone());
            self.pick_line(&id, line, "");
        } else {
            // An empty list: said, not nothing.
            let add = keymap::key_for(self.view_context(), &Action::StartAdd, self.lang);
            self.say((self.lang.text().quick.no_action_to_place)(&add), true);
        }
    }
}

/// Whether the keys of the form go to its línea field now.
pub fn on_line_field(form: &Form) -> bool {
    matches!(form.kind, FormKind::Action { .. }) && form.active == super::form::LINE_FIELD
}

/// The picker the form's línea field opens, with the key typed as its first search.
pub fn opens_picker(key: &ratatui::crossterm::event::KeyEvent) -> Option<String> {
    use ratatui::crossterm::event::KeyCode;
    match key.code {
        KeyCode::Char(' ') => Some(String::new()),
        KeyCode::Char(c) if super::readline::inserts_text(key) => Some(c.to_string()),
        _ => None,
    }
}
