//! The year's review record as a form (Seguimiento, `r`): the committee or
//! body, the date, a summary and the límites y problemas (one line, `;`
//! between them). Saved through `change_year_review`, one undo step.

use ratatui_textarea::TextArea;

use crate::domain::limits::STATEMENT_TEXT_MAX;

use super::action::Action;
use super::editor::Editor;
use super::overlay::Overlay;
use crate::domain::YearReview;
use crate::domain::text::clean_text;
use crate::i18n::Lang;

/// Number of fields in the record form.
pub const RECORD_FIELDS: usize = 4;

/// The form's state: which year, the four fields and the active one.
#[derive(Debug, Clone)]
pub struct RecordForm {
    pub year: i16,
    pub fields: [TextArea<'static>; RECORD_FIELDS],
    pub active: usize,
    /// The problems as they were: kept as they are unless their line is
    /// changed (a problem may hold a `;` of its own).
    problems: Vec<String>,
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
        let problems = r.problems.clone();
        RecordForm {
            year,
            fields: [
                field(r.body.unwrap_or_default()),
                field(r.date.map(|d| lang.locale().date(d)).unwrap_or_default()),
                field(r.summary.unwrap_or_default()),
                field(r.problems.join("; ")),
            ],
            active: 0,
            problems,
        }
    }

    fn value(&self, i: usize) -> String {
        clean_text(&self.fields[i].lines().join(" "))
    }
}

/// The problems typed in one line: split at `;`, blanks dropped.
pub fn split_problems(text: &str) -> Vec<String> {
    text.split(';').map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

impl Editor {
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
            Action::Paste(text) => {
                let lines = super::readline::pasted_lines(&text);
                // The date takes one line (`RecordForm::DATE`); the texts, the lines joined.
                if lines.len() > 1 && form.active == RecordForm::DATE {
                    self.say((self.lang.text().limits.one_value_paste)(lines.len()), true);
                } else {
                    let field = &mut form.fields[form.active];
                    let pasted = super::readline::paste_within(field, &lines.join(" "), STATEMENT_TEXT_MAX);
                    self.say_full_unless(pasted, STATEMENT_TEXT_MAX);
                }
            }
            Action::Submit => return self.submit_record(form),
            Action::Cancel => return,
            _ => {}
        }
        self.overlays.push(Overlay::Record(Box::new(form)));
    }

    fn submit_record(&mut self, mut form: RecordForm) {
        let date_text = form.value(RecordForm::DATE);
        let date = if date_text.is_empty() {
            None
        } else if let Some(d) = self.lang.locale().read_date(&date_text) {
            Some(d)
        } else {
            let msg = super::form::bad_date(self.lang.text().follow.bad_date);
            self.say(format!("{msg}: {date_text}"), true);
            form.active = RecordForm::DATE;
            self.overlays.push(Overlay::Record(Box::new(form)));
            return;
        };
        let typed = form.value(3);
        let problems =
            if typed == clean_text(&form.problems.join("; ")) { form.problems.clone() } else { split_problems(&typed) };
        let (body, summary) = (form.value(0), form.value(2));
        let changed = self.session().change_year_review(form.year, |r| {
            r.body = Some(body);
            r.date = date;
            r.summary = Some(summary);
            r.problems = problems;
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
