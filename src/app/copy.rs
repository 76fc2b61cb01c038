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
        let (text, html) = match format {
            None => {
                (export::render(session, lang, Format::Md), Some(export::render(session, lang, Format::HtmlFragment)))
            }
            Some(f @ (Format::Html | Format::HtmlFragment)) => {
                (export::render(session, lang, Format::Txt), Some(export::render(session, lang, f)))
            }
            Some(f) => (export::render(session, lang, f), None),
        };
        self.outbox.push(Effect::Copy(Content { text, html }));
        self.say(self.lang.pick("Copiando…", "Copying…").to_owned(), false);
    }

    /// The clipboard answered: say what happened.
    pub(super) fn copied(&mut self, outcome: &CopyOutcome, now: std::time::Instant) {
        let msg = match outcome {
            CopyOutcome::Clipboard { .. } => self
                .lang
                .pick("Copiado al portapapeles: pégalo en el documento", "Copied: paste it into the document")
                .to_owned(),
            other => other.to_string(),
        };
        self.announce(msg, !outcome.is_ok(), now);
    }

    /// `Y`: pick the format first.
    pub(super) fn copy_as(&mut self) {
        let lang = self.lang;
        let options = [
            ("md", lang.pick("Markdown (acta, correo)", "Markdown (minutes, e-mail)")),
            ("html-fragment", lang.pick("HTML con tablas (Word, LibreOffice)", "HTML with tables (Word, LibreOffice)")),
            ("txt", lang.pick("Texto plano, 80 columnas", "Plain text, 80 columns")),
            ("csv", lang.pick("CSV (hoja de cálculo)", "CSV (spreadsheet)")),
            ("json", "JSON"),
        ]
        .map(|(id, text)| (id.to_owned(), text.to_owned()))
        .to_vec();
        self.open_picker(Picker::new(PickFor::CopyFormat, options, Vec::new()));
    }
}
