//! Status pieces for the room: the time-box, hidden votes and how long ago the session was saved.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::Theme;
use crate::app::Editor;
use crate::i18n::Lang;

/// `hace 2 s` / `hace 3 min`, measured at the last tick; `None` before the
/// first save of this run, while a change is pending or after a failed save.
pub fn saved_ago(editor: &Editor, lang: Lang) -> Option<String> {
    let a = &editor.autosave();
    if a.is_dirty() || a.error.is_some() {
        return None;
    }
    let secs = editor.room().now?.checked_duration_since(a.last_saved?)?.as_secs();
    let amount = match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min", secs / 60),
        _ => format!("{} h", secs / 3600),
    };
    Some((lang.text().ui.ago)(&amount))
}

/// What the status line shows that changes with time alone ("hace 2 s", the
/// time-box's clock, the room's participants connected), as of the last tick: the loop redraws when it changes,
/// once a second at most, never on every wake-up while nothing moves.
pub fn clock_face(app: &crate::app::App) -> Option<String> {
    let crate::app::Screen::Editor(editor) = &app.screen else { return None };
    let saved = saved_ago(editor, app.lang());
    let timer = editor.room().timer.reading(editor.room().now).map(|r| (r.left_secs, r.over, r.warning));
    // The room's count of participants connected drops with time alone too.
    let connected = editor.sala().zip(editor.room().now).map(|(live, now)| live.state.connected(now));
    (saved.is_some() || timer.is_some() || connected.is_some()).then(|| format!("{saved:?} {timer:?} {connected:?}"))
}

/// The right end of the status line: hidden votes and the time-box.
pub fn spans(editor: &Editor, theme: &Theme, lang: Lang) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if let Some(live) = editor.sala() {
        let now = editor.room().now.unwrap_or_else(std::time::Instant::now);
        let s = &live.state;
        let text = (lang.text().sala.status)(s.connected(now), s.inbox.len(), s.votes_cast(editor.session()));
        spans.push(Span::styled(format!(" {text} "), theme.title_bar));
    }
    if editor.room().votes_hidden {
        spans.push(Span::styled(format!(" ● {} ", lang.text().ui.votes_hidden), theme.dim));
    }
    if let Some(r) = editor.room().timer.reading(editor.room().now) {
        let text = if r.over {
            format!(" ⏱ {} {} ", r.clock(), lang.text().ui.times_up)
        } else {
            format!(" ⏱ {} / {} min ", r.clock(), r.minutes)
        };
        spans.push(Span::styled(text, if r.warning { theme.warn } else { theme.title_bar }));
    }
    spans
}

/// Draws [`spans`] right-aligned over the status line, `(area, notice)`: the
/// width of the notice shown there, if any. A notice they would cover keeps
/// the line whole (the room's address in full); they come back after it.
pub fn render_right(editor: &Editor, theme: &Theme, lang: Lang, (area, notice): (Rect, usize), buf: &mut Buffer) {
    let spans = spans(editor, theme, lang);
    if spans.is_empty() {
        return;
    }
    let line = Line::from(spans);
    if notice > 0 && notice + line.width() > usize::from(area.width) {
        return;
    }
    let width = (line.width() as u16).min(area.width);
    let right = Rect { x: area.right() - width, width, ..area };
    Paragraph::new(line).render(right, buf);
}
