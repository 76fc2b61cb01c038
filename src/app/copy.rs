//! Copying the session summary from the TUI (`y`, `Y`), through the clipboard module.

use super::editor::{Editor, View};
use super::effect::Effect;
use super::picker::{PickFor, Picker};
use crate::clipboard::{Content, CopyOutcome};
use crate::domain::Session;
use crate::export::report::ReportFormat;
use crate::export::report_join::Joined;
use crate::export::{self, Format, report, report_build};

impl Editor {
    /// Asks for the summary to be copied: Markdown with an HTML twin for word
    /// processors by default, or one chosen format. The copy itself runs off
    /// the input thread ([`Effect::Copy`]); [`Editor::copied`] says what happened.
    /// Each view copies what it shows: the DAFO view the DAFO alone (no plan,
    /// so no count of líneas without actions it does not show), the follow-up
    /// view (`S`) the report of the year shown, the other views the whole plan.
    pub(super) fn copy_summary(&mut self, format: Option<Format>) {
        // Overdue marks as on screen: the same "today".
        let today = self.today();
        let (text, html) = match (self.view(), self.follow_year()) {
            (View::Follow, Some(year)) => self.year_report(year, format, today),
            _ => self.summary(format, today),
        };
        self.outbox.push(Effect::Copy(Content { text, html }));
        self.say(self.lang.text().ui.copying.to_owned(), false);
    }

    /// The session (the DAFO alone in the DAFO view) as text, and HTML when asked.
    fn summary(&self, format: Option<Format>, today: jiff::civil::Date) -> (String, Option<String>) {
        let dafo_only;
        let session = if self.view() == View::Dafo {
            dafo_only = dafo_alone(self.session());
            &dafo_only
        } else {
            self.session()
        };
        let render = |f| export::render_on(session, self.lang, f, today);
        match format {
            None => (render(Format::Md), Some(render(Format::HtmlFragment))),
            Some(f @ (Format::Html | Format::HtmlFragment)) => (render(Format::Txt), Some(render(f))),
            Some(f) => (render(f), None),
        }
    }

    /// The follow-up report of `year` (as `dafo report --year`), as text and HTML when asked.
    fn year_report(&self, year: i16, format: Option<Format>, today: jiff::civil::Date) -> (String, Option<String>) {
        let name = self.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let joined =
            Joined { session: self.session().clone(), files: vec![name], discrepancies: Vec::new(), oldest: None };
        let lang = self.lang;
        let render = |f| String::from_utf8_lossy(&report::render_on(&joined, &[year], f, lang, today)).into_owned();
        let fragment = || export::html::fragment_of(&report_build::document(&joined, &[year], lang, today));
        match format {
            None | Some(Format::Md) => (render(ReportFormat::Md), format.is_none().then(fragment)),
            Some(Format::Html) => (render(ReportFormat::Txt), Some(render(ReportFormat::Html))),
            Some(Format::HtmlFragment) => (render(ReportFormat::Txt), Some(fragment())),
            Some(Format::Txt) => (render(ReportFormat::Txt), None),
            Some(Format::Csv) => (render(ReportFormat::Csv), None),
            Some(Format::Json) => (render(ReportFormat::Json), None),
            Some(Format::Docx) => (render(ReportFormat::Md), None),
        }
    }

    /// The clipboard answered: say what happened.
    pub(super) fn copied(&mut self, outcome: &CopyOutcome, now: std::time::Instant) {
        // The path comes first and the reason is cut short, so the message fits one line at 80 columns.
        let msg = outcome.message_fitted(self.lang, |reason| short(&reason));
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

/// The DAFO of `s` with nothing of the CAME, the strategies, the plan or its follow-up.
fn dafo_alone(s: &Session) -> Session {
    let mut s = s.clone();
    for c in crate::domain::Came::ALL {
        s.actions_mut(c).clear();
    }
    s.strategies.clear();
    (s.mission, s.vision) = (None, None);
    s.values.clear();
    s.challenges.clear();
    s.axes.clear();
    s.lines.clear();
    s.indicators.clear();
    s.reviews.clear();
    s.review_years.clear();
    s.indicator_values.clear();
    s.meta.horizon = None;
    s
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
