//! Title bar, status line and the key-hint footer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::{Theme, symbol};
use crate::app::editor::View;
use crate::app::keymap::{self, Context};
use crate::app::{Editor, Notice};
use crate::domain::Quadrant;
use crate::domain::text::display_safe;
use crate::i18n::Lang;

/// `DAFO · title` on the left, the save state on the right.
pub fn title_bar(editor: &Editor, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let title = display_safe(&editor.session().meta.title).into_owned();
    let view = match editor.view() {
        View::Dafo => "DAFO",
        View::Came => "CAME",
        View::Crossed => lang.pick("DAFO cruzado", "Crossed matrix"),
        View::Weights => "EFI / EFE",
        View::Plan => "PLAN",
    };
    Paragraph::new(Line::from(vec![
        Span::styled(format!("{view} · "), theme.dim),
        Span::styled(title, theme.title_bar),
    ]))
    .render(area, buf);
    let (state, style) = if editor.read_only().is_some() {
        (lang.pick("🔒 solo lectura", "🔒 read-only"), theme.error)
    } else if editor.in_conflict() {
        (lang.pick("⚠ cambió fuera de dafo", "⚠ changed outside dafo"), theme.error)
    } else if editor.autosave().error.is_some() {
        (lang.pick("✗ sin guardar", "✗ not saved"), theme.error)
    } else if editor.autosave().is_dirty() {
        (lang.pick("○ guardando…", "○ saving…"), theme.dim)
    } else {
        (lang.pick("✓ guardado", "✓ saved"), theme.ok)
    };
    let age = super::status::saved_ago(editor, lang);
    let state = age.map_or_else(|| state.to_owned(), |age| format!("{state} {age}"));
    Paragraph::new(Line::styled(format!(" {state}"), style).right_aligned()).render(area, buf);
}

/// A notice if there is one, else the counts per quadrant.
pub fn status_line(
    notice: Option<&Notice>,
    editor: Option<&Editor>,
    theme: &Theme,
    lang: Lang,
    area: Rect,
    buf: &mut Buffer,
) {
    let line = match (notice, editor) {
        (Some(n), _) => {
            Line::styled(display_safe(&n.text).into_owned(), if n.error { theme.error } else { theme.notice })
        }
        (None, Some(e)) if e.view() == View::Came => {
            let s = e.session();
            let mut spans = vec![Span::styled(lang.pick("Sin acción: ", "Without action: "), theme.dim)];
            for q in Quadrant::ALL {
                let style = if s.unanswered(q) > 0 { theme.caution } else { theme.ok };
                spans.push(Span::styled(format!("{} {}/{}  ", symbol(q), s.unanswered(q), s.factors(q).len()), style));
            }
            let actions = s.all_actions().count();
            spans.push(Span::styled(format!("{actions} {}", lang.pick("acciones", "actions")), theme.dim));
            Line::from(spans)
        }
        (None, Some(e)) => {
            let mut spans = Vec::new();
            for q in Quadrant::ALL {
                let n = e.session().factors(q).len();
                spans.push(Span::styled(format!("{} {n}  ", symbol(q)), theme.quadrant(q)));
            }
            spans
                .push(Span::styled(format!("{} {}", e.session().total(), lang.pick("factores", "factors")), theme.dim));
            Line::from(spans)
        }
        (None, None) => Line::default(),
    };
    Paragraph::new(line).render(area, buf);
}

/// A notice over two lines (the status line and the footer's).
pub fn long_notice(n: &Notice, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let style = if n.error { theme.error } else { theme.notice };
    buf.set_style(area, theme.base);
    Paragraph::new(Line::styled(display_safe(&n.text).into_owned(), style))
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(area, buf);
}

/// The keys that matter in this context, from the keymap.
pub fn footer(ctx: Context, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    for b in keymap::footer(ctx) {
        if !spans.is_empty() {
            spans.push(Span::styled("  ", theme.dim));
        }
        spans.push(Span::styled(b.footer_key(), theme.key));
        spans.push(Span::styled(format!(" {}", b.hint(lang)), theme.dim));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}
