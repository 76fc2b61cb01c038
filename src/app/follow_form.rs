//! The year's review record as a form (Seguimiento, `r`): the committee or
//! body, the date, a summary and the límites y problemas (one line, `;`
//! between them). Saved through `change_year_review`, one undo step: only the
//! fields changed since the form opened are written.

use ratatui_textarea::TextArea;

use crate::domain::limits::STATEMENT_TEXT_MAX;

use super::action::Action;
use super::editor::Editor;
use super::form::{Seen, put, value_of};
use super::overlay::Overlay;
use crate::domain::YearReview;
use crate::i18n::Lang;

/// Number of fields in the record form.
pub const RECORD_FIELDS: usize = 4;

/// The form's state: which year, the four fields and the active one.
#[derive(Debug, Clone)]
pub struct RecordForm {
    pub year: i16,
    pub fields: [TextArea<'static>; RECORD_FIELDS],
    pub active: usize,
    /// What the fields held when filled and when brought back: the fields left
    /// as they were write nothing (a problem may hold a `;` of its own, and
    /// stays whole unless its line is changed).
    seen: Seen,
}

impl RecordForm {
    /// The date's field.
    pub const DATE: usize = 1;

    /// The form of `year`, filled with its record if it has one.
    pub fn of(year: i16, record: Option<&YearReview>, lang: Lang) -> RecordForm {
        let field = |v: String| {
            let mut t = TextArea::new(vec![v]);
            t.move_cursor(ratatui_textarea::CursorMove::End);
            t
        };
        let r = record.cloned().unwrap_or_default();
        let fields = [
            field(r.body.unwrap_or_default()),
            field(r.date.map(|d| lang.locale().date(d)).unwrap_or_default()),
            field(r.summary.unwrap_or_default()),
            field(r.problems.join("; ")),
        ];
        let seen = Seen::new(&fields);
        RecordForm { year, fields, active: 0, seen }
    }

    fn value(&self, i: usize) -> String {
        value_of(&self.fields[i])
    }

    /// What was typed in the changed fields, labelled, as the action form's
    /// [`super::form::Form::typed`] gives it.
    pub(super) fn typed(&self, lang: Lang) -> String {
        let labels = lang.text().follow.record_fields;
        (0..RECORD_FIELDS)
            .filter(|&i| self.changed(i))
            .map(|i| format!("{}: {}", labels[i], self.value(i)))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Whether field `i` was changed since the form was filled.
    pub fn changed(&self, i: usize) -> bool {
        self.seen.changed(i, &self.value(i))
    }

    /// Whether words were typed in it: a changed field that is not empty.
    pub fn has_words(&self) -> bool {
        (0..RECORD_FIELDS).any(|i| self.changed(i) && !self.value(i).is_empty())
    }

    /// This form's changes laid over `fresh`, the same year's form filled from
    /// the session as it is now.
    pub(super) fn rebased(self, mut fresh: RecordForm) -> RecordForm {
        if self.year != fresh.year {
            return self;
        }
        for i in 0..RECORD_FIELDS {
            if self.changed(i) {
                fresh.fields[i] = self.fields[i].clone();
            }
        }
        fresh.active = self.active;
        fresh.seen.keep_restored(self.seen);
        fresh
    }

    /// Notes that the form came back from a draft, as it is now.
    pub(super) fn mark_restored(&mut self) {
        self.seen.mark_restored(self.values());
    }

    /// Whether it came back from a draft and nothing was changed in it since.
    pub fn as_restored(&self) -> bool {
        self.seen.as_restored(&self.values())
    }

    fn values(&self) -> Vec<String> {
        (0..RECORD_FIELDS).map(|i| self.value(i)).collect()
    }
}

/// The problems typed in one line: split at `;`, blanks dropped.
pub fn split_problems(text: &str) -> Vec<String> {
    text.split(';').map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

impl Editor {
    /// The record form of `year` filled from the session as it is now.
    pub(super) fn fresh_record(&self, year: i16) -> RecordForm {
        RecordForm::of(year, self.session().year_review(year), self.lang)
    }

    /// Opens the record form of `year`; a draft kept for that year comes back over it.
    pub(super) fn open_record(&mut self, year: i16) {
        let fresh = self.fresh_record(year);
        let form = match self.take_record_draft(year) {
            Some(draft) => {
                let mut form = draft.rebased(fresh);
                form.mark_restored();
                form
            }
            None => fresh,
        };
        self.overlays.push(Overlay::Record(Box::new(form)));
    }

    /// Keys in the record form (taken out of the mode; put back unless it closes).
    pub(super) fn update_record(&mut self, mut form: RecordForm, action: Action) {
        match action {
            Action::Up => form.active = (form.active + RECORD_FIELDS - 1) % RECORD_FIELDS,
            Action::Down => form.active = (form.active + 1) % RECORD_FIELDS,
            // A record's texts take long texts, as the misión does (`domain::limits`).
            Action::TextKey(key) => {
                let typed = super::readline::type_key_within(&mut form.fields[form.active], key, STATEMENT_TEXT_MAX);
                self.say_full_unless(typed, STATEMENT_TEXT_MAX);
            }
            // The date takes one value (`RecordForm::DATE`); the texts, the lines joined.
            Action::Paste(text) if !self.refuse_values(&text, form.active == RecordForm::DATE) => {
                let field = &mut form.fields[form.active];
                let inline = super::readline::pasted_inline(&text);
                let pasted = super::readline::paste_within(field, &inline, STATEMENT_TEXT_MAX);
                self.say_full_unless(pasted, STATEMENT_TEXT_MAX);
            }
            Action::Paste(_) => {}
            Action::Submit => return self.submit_record(form),
            // What was typed is kept as a draft (`u`, or the same year's record opened again, brings it back).
            Action::Cancel => return self.keep_form_draft(Overlay::Record(Box::new(form))),
            _ => {}
        }
        self.overlays.push(Overlay::Record(Box::new(form)));
    }

    fn submit_record(&mut self, mut form: RecordForm) {
        // Nothing changed: nothing to write (not even a cleaning).
        if !(0..RECORD_FIELDS).any(|i| form.changed(i)) {
            return;
        }
        let date_text = form.value(RecordForm::DATE);
        let date = if !form.changed(RecordForm::DATE) {
            None
        } else if date_text.is_empty() {
            Some(None)
        } else {
            match self.lang.locale().read_date_or(&date_text, self.lang.text().follow.bad_date) {
                Ok(d) => Some(Some(d)),
                Err(said) => {
                    self.say(said, true);
                    form.active = RecordForm::DATE;
                    self.overlays.push(Overlay::Record(Box::new(form)));
                    return;
                }
            }
        };
        let text = |i: usize| form.changed(i).then(|| form.value(i));
        let (body, summary, problems) = (text(0), text(2), text(3).map(|t| split_problems(&t)));
        let changed = self.session().change_year_review(form.year, |r| {
            put(&mut r.body, body.map(Some));
            put(&mut r.date, date);
            put(&mut r.summary, summary.map(Some));
            put(&mut r.problems, problems);
        });
        match changed {
            Ok(Some(edit)) => {
                self.apply(edit);
            }
            Ok(None) => {}
            Err(e) => self.say(self.lang.text().review_errors.of(&e), true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split_problems;

    #[test]
    fn problems_split_at_semicolons() {
        assert_eq!(split_problems(" a; b ;; c "), vec!["a", "b", "c"]);
        assert!(split_problems(" ; ").is_empty());
    }
}
