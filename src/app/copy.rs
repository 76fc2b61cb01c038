//! Copying the session summary from the TUI (`y`, `Y`), through the clipboard module.

use super::editor::{Editor, View};
use super::effect::Effect;
use super::picker::{PickFor, Picker};
use crate::clipboard::{Content, CopyOutcome};
use crate::export::{self, Format};

impl Editor {
    /// Asks for the summary to be copied: Markdown with an HTML twin for word
    /// processors by default, or one chosen format. The copy itself runs off
    /// the input thread ([`Effect::Copy`]); [`Editor::copied`] says what happened.
    /// In the DAFO view that is the DAFO alone; in the other views, the whole plan.
    pub(super) fn copy_summary(&mut self, format: Option<Format>) {
        let lang = self.lang;
        let dafo_only;
        let session = if self.view() == View::Dafo {
            let mut s = self.session().clone();
            for c in crate::domain::Came::ALL {
                s.actions_mut(c).clear();
            }
            s.strategies.clear();
            dafo_only = s;
            &dafo_only
        } else {
            self.session()
        };
        // Overdue marks as on screen: the same "today".
        let today = self.today();
        let render = |f| export::render_on(session, lang, f, today);
        let (text, html) = match format {
            None => (render(Format::Md), Some(render(Format::HtmlFragment))),
            Some(f @ (Format::Html | Format::HtmlFragment)) => (render(Format::Txt), Some(render(f))),
            Some(f) => (render(f), None),
        };
        self.outbox.push(Effect::Copy(Content { text, html }));
        self.say(self.lang.text().ui.copying.to_owned(), false);
    }

    /// The clipboard answered: say what happened.
    pub(super) fn copied(&mut self, outcome: &CopyOutcome, now: std::time::Instant) {
        let ui = &self.lang.text().ui;
        // The path comes first and the reason is cut short, so the message fits one line at 80 columns.
        let msg = match outcome {
            CopyOutcome::Clipboard { .. } => ui.copied.to_owned(),
            CopyOutcome::Osc52 { file, .. } => (ui.copy_osc52)(&file.display().to_string()),
            CopyOutcome::File { reason, file } => (ui.copy_saved)(&file.display().to_string(), &short(reason)),
            CopyOutcome::Failed { reason } => format!("{}: {reason}", ui.copy_failed),
        };
        self.announce(msg, !outcome.is_ok(), now);
    }

    /// `Y`: pick the format first.
    pub(super) fn copy_as(&mut self) {
        let lang = self.lang;
        let options = [
            ("md", lang.text().ui.copy_formats[0]),
            ("html-fragment", lang.text().ui.copy_formats[1]),
            ("txt", lang.text().ui.copy_formats[2]),
            ("csv", lang.text().ui.copy_formats[3]),
            ("json", "JSON"),
        ]
        .map(|(id, text)| (id.to_owned(), text.to_owned()))
        .to_vec();
        self.open_picker(Picker::new(PickFor::CopyFormat, options, Vec::new()));
    }
}

/// A reason cut to its first clause and at most 20 characters: `X11 server…`.
fn short(reason: &str) -> String {
    let clause = reason.split([';', ':', '(']).next().unwrap_or(reason).trim();
    if clause.chars().count() > 20 {
        format!("{}…", clause.chars().take(19).collect::<String>().trim_end())
    } else {
        clause.to_owned()
    }
}
