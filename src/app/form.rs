//! The action form: owner, due date and indicator of a CAME action.

use ratatui_textarea::TextArea;

use super::action::Action;
use super::editor::{Editor, Mode};
use crate::domain::text::clean_text;
use crate::domain::{Came, CameAction};
use crate::i18n::Lang;

/// Number of fields in the form.
pub const FIELDS: usize = 3;

/// The form's state: which action, the three fields and the active one.
#[derive(Debug, Clone)]
pub struct Form {
    pub came: Came,
    pub id: String,
    pub fields: [TextArea<'static>; FIELDS],
    pub active: usize,
}

impl Form {
    pub fn of(came: Came, a: &CameAction) -> Form {
        let field = |v: Option<String>| {
            let mut t = TextArea::new(vec![v.unwrap_or_default()]);
            t.move_cursor(ratatui_textarea::CursorMove::End);
            t
        };
        Form {
            came,
            id: a.id.clone(),
            fields: [field(a.owner.clone()), field(a.due.map(|d| d.to_string())), field(a.indicator.clone())],
            active: 0,
        }
    }

    /// Field labels, in order.
    pub fn labels(lang: Lang) -> [&'static str; FIELDS] {
        [lang.text().ui.form_fields[0], lang.text().ui.form_fields[1], lang.text().ui.form_fields[2]]
    }

    fn value(&self, i: usize) -> String {
        clean_text(&self.fields[i].lines().join(" "))
    }
}

impl Editor {
    pub(super) fn open_form(&mut self) {
        let c = Came::of(self.focus());
        if let Some(i) = self.action_selection(c) {
            self.mode = Mode::Form(Box::new(Form::of(c, &self.session().actions(c)[i])));
        }
    }

    /// Keys in the form (taken out of the mode; put back unless it closes).
    pub(super) fn update_form(&mut self, mut form: Form, action: Action) {
        match action {
            Action::Up => form.active = (form.active + FIELDS - 1) % FIELDS,
            Action::Down => form.active = (form.active + 1) % FIELDS,
            Action::TextKey(key) => {
                super::readline::type_key(&mut form.fields[form.active], key);
            }
            Action::Paste(text) => {
                form.fields[form.active].insert_str(clean_text(&text));
            }
            Action::Submit => return self.submit_form(form),
            Action::Cancel => return,
            _ => {}
        }
        self.mode = Mode::Form(Box::new(form));
    }

    fn submit_form(&mut self, mut form: Form) {
        let due_text = form.value(1);
        let due = if due_text.is_empty() {
            None
        } else {
            match due_text.parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    let msg = self.lang.text().ui.bad_date;
                    self.say(format!("{msg}: {due_text}"), true);
                    form.active = 1;
                    self.mode = Mode::Form(Box::new(form));
                    return;
                }
            }
        };
        let (owner, indicator) = (form.value(0), form.value(2));
        let (came, id) = (form.came, form.id);
        if let Some((c, i)) = self.session().find_action(&id)
            && c == came
            && let Some(edit) = self.session().change_action(c, i, |a| {
                a.owner = Some(owner);
                a.due = due;
                a.indicator = Some(indicator);
            })
        {
            self.apply(edit);
        }
    }
}
