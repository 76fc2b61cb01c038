//! Title bar, status line and the key-hint footer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::{Theme, symbol};
use crate::app::Action;
use crate::app::editor::View;
use crate::app::keymap::{self, Context};
use crate::app::{Editor, Notice};
use crate::domain::Quadrant;
use crate::domain::text::display_safe;
use crate::i18n::Lang;

/// `DAFO · title` on the left, the save state on the right.
pub fn title_bar(editor: &Editor, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let title = display_safe(&editor.session().meta.title).into_owned();
    let names = &lang.text().ui.view_names;
    let view = match editor.view() {
        View::Dafo => names[0],
        View::Came => names[1],
        View::Crossed => names[2],
        View::Weights => names[3],
        View::Plan => names[4],
        View::Follow => lang.text().follow.view_name,
    };
    let ui = &lang.text().ui;
    let (state, style) = if editor.read_only().is_some() {
        (ui.read_only, theme.error)
    } else if editor.in_conflict() {
        (ui.changed_outside, theme.error)
    } else if editor.autosave().error.is_some() {
        (ui.not_saved, theme.error)
    } else if editor.autosave().is_dirty() {
        (ui.saving, theme.dim)
    } else {
        (ui.saved_mark, theme.ok)
    };
    let age = super::status::saved_ago(editor, lang);
    let state = age.map_or_else(|| state.to_owned(), |age| format!("{state} {age}"));
    // The save state keeps its place; a long title is cut before it, with `…`.
    let prefix = format!("{view} · ");
    let room = usize::from(area.width).saturating_sub(prefix.width() + state.width() + 1);
    Paragraph::new(Line::from(vec![
        Span::styled(prefix, theme.dim),
        Span::styled(super::list::clip_end(&title, room), theme.title_bar),
    ]))
    .render(area, buf);
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
            let mut spans = vec![Span::styled(lang.text().ui.without_action_prefix, theme.dim)];
            for q in Quadrant::ALL {
                let style = if s.unanswered(q) > 0 { theme.caution } else { theme.ok };
                spans.push(Span::styled(format!("{} {}/{}  ", symbol(q), s.unanswered(q), s.factors(q).len()), style));
            }
            let actions = s.all_actions().count();
            spans.push(Span::styled((lang.text().ui.actions_count)(actions), theme.dim));
            keep_marks(spans, review_spans(e, theme, lang), area.width)
        }
        (None, Some(e)) => {
            let mut spans = Vec::new();
            for q in Quadrant::ALL {
                let n = e.session().factors(q).len();
                spans.push(Span::styled(format!("{} {n}  ", symbol(q)), theme.quadrant(q)));
            }
            spans.push(Span::styled((lang.text().ui.factors_count)(e.session().total()), theme.dim));
            keep_marks(spans, review_spans(e, theme, lang), area.width)
        }
        (None, None) => Line::default(),
    };
    Paragraph::new(line).render(area, buf);
}

/// `counts` then `marks` in `width` columns: when they do not fit, the counts
/// are cut (with `…`) and the marks ("↻ 2 sin confirmar", "⚠ 2 vencidas") stay whole.
fn keep_marks(counts: Vec<Span<'static>>, marks: Vec<Span<'static>>, width: u16) -> Line<'static> {
    let marks_width: usize = marks.iter().map(|s| s.content.width()).sum();
    let counts_width: usize = counts.iter().map(|s| s.content.width()).sum();
    let width = usize::from(width);
    let mut line = if counts_width + marks_width > width {
        super::list::fit_line(Line::from(counts), width.saturating_sub(marks_width))
    } else {
        Line::from(counts)
    };
    line.spans.extend(marks);
    line
}

/// What lasts on the status line: the sort order when it is not the
/// facilitator's own, the filters (`f`, `F`) while on, items still to confirm, actions past their due date.
fn review_spans(e: &Editor, theme: &Theme, lang: Lang) -> Vec<Span<'static>> {
    let m = &lang.text().meeting;
    let mut spans = Vec::new();
    if let Some(order) = e.sort_name() {
        spans.push(Span::styled(format!("  ↕ {order}"), theme.key));
    }
    if let Some(filter) = e.filter_mark() {
        spans.push(Span::styled(format!("  {}", display_safe(&filter)), theme.key));
    }
    let (factors, actions) = e.unconfirmed();
    if factors + actions > 0 {
        spans.push(Span::styled(format!("  {}", (m.unconfirmed)(factors + actions)), theme.caution));
    }
    let overdue = e.overdue_count();
    if overdue > 0 {
        spans.push(Span::styled(format!("  {}", (m.overdue)(overdue)), theme.warn));
    }
    spans
}

/// A notice over two lines (the status line and the footer's).
pub fn long_notice(n: &Notice, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let style = if n.error { theme.error } else { theme.notice };
    // What the one-line status drew there goes first: no word of it may show twice.
    ratatui::widgets::Clear.render(area, buf);
    buf.set_style(area, theme.base);
    Paragraph::new(Line::styled(display_safe(&n.text).into_owned(), style))
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(area, buf);
}

/// What `↻` means, in the footer's place, while a carried-over item is selected.
/// The keys follow in what is left of the line.
pub fn carried_footer(ctx: Context, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let hint = Line::styled(format!("{}  ", lang.text().meeting.carried_hint), theme.caution);
    let w = (hint.width() as u16).min(area.width);
    Paragraph::new(hint).render(area, buf);
    footer(ctx, theme, lang, Rect { x: area.x + w, width: area.width - w, ..area }, buf);
}

/// The keys that matter in this context, from the keymap.
pub fn footer(ctx: Context, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    footer_of(ctx, |_| true, theme, lang, area, buf);
}

/// The footer without the keys of `hidden` groups: in a view with nothing to
/// act on (Seguimiento with no horizon or no actions: capture), or in a
/// read-only window (capture and tidy, each refused there).
pub fn footer_without(ctx: Context, hidden: &[keymap::Group], theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    footer_of(ctx, |b| !hidden.contains(&b.group), theme, lang, area, buf);
}

fn footer_of(
    ctx: Context,
    shown: impl Fn(&keymap::Binding) -> bool,
    theme: &Theme,
    lang: Lang,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut items: Vec<_> = keymap::footer(ctx)
        .filter(|b| shown(b))
        .map(|b| (b.action.clone(), b.footer_key(lang), b.hint(lang)))
        .collect();
    // Too wide (the CAME action list at 80 columns): the keys said elsewhere go first.
    let width = |items: &[(Action, String, &str)]| {
        items.iter().map(|(_, k, h)| k.chars().count() + h.chars().count() + 3).sum::<usize>().saturating_sub(2)
    };
    for drop in [Action::Undo, Action::ShowCame, Action::Quit, Action::StartLink] {
        if width(&items) <= usize::from(area.width) {
            break;
        }
        items.retain(|(a, _, _)| *a != drop);
    }
    // Still too wide (beside the ↻ hint): whole keys are left out from the end, none cut.
    while width(&items) > usize::from(area.width) && items.pop().is_some() {}
    let mut spans = Vec::new();
    for (_, key, hint) in items {
        if !spans.is_empty() {
            spans.push(Span::styled("  ", theme.dim));
        }
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {hint}"), theme.dim));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}
