//! Presentation mode (`p`): no keys, no chrome; items led by their IDs, bold and spaced to be read from the back of the room.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::grid::quadrant_areas;
use super::status;
use super::theme::{Theme, symbol};
use crate::app::Editor;
use crate::app::editor::View;
use crate::domain::Quadrant;
use crate::domain::text::display_safe;
use crate::i18n::Lang;

/// Draws the whole screen in presentation mode.
/// The other views (CAME, crossed matrix, weights) present their own content
/// over the whole screen, without title bar or footer.
pub fn render(editor: &Editor, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let [body, status_row] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    match editor.view() {
        View::Dafo => {
            for (q, cell) in quadrant_areas(editor, body) {
                render_quadrant(editor, q, theme, lang, cell, buf);
            }
        }
        View::Came => super::came::CameGrid { editor, theme, lang }.render(body, buf),
        View::Crossed => super::crossed::CrossedGrid { editor, theme, lang }.render(body, buf),
        View::Weights => super::weights::WeightsView { editor, theme, lang }.render(body, buf),
        View::Plan => super::plan::PlanView { editor, theme, lang }.render(body, buf),
        View::Follow => super::follow::present(editor, theme, lang, body, buf),
    }
    status_line(editor, theme, lang, status_row, buf);
}

/// The area above the status line, where the quadrants go (for mouse hits).
pub fn body(area: Rect) -> Rect {
    let [body, _] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    body
}

fn block<'a>(editor: &Editor, q: Quadrant, theme: &Theme, lang: Lang) -> Block<'a> {
    let focused = editor.focus() == q;
    let n = editor.session().factors(q).len();
    let title = Line::from(vec![
        Span::styled(format!(" {} ", q.index() + 1), theme.key),
        Span::styled(format!("{} {} ", symbol(q), lang.quadrant(q).to_uppercase()), theme.quadrant(q)),
        Span::styled(format!("({n}) "), theme.dim),
    ]);
    let pad = if editor.room().zoom { 3 } else { 1 };
    Block::bordered()
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(if focused { theme.focus_border } else { theme.border })
        .title(title)
        .title_top(Line::styled(format!(" {} ", lang.origin(q)), theme.dim).right_aligned())
        .padding(Padding::new(pad, pad, 1, 0))
}

fn render_quadrant(editor: &Editor, q: Quadrant, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let mut block = block(editor, q, theme, lang);
    let inner = block.inner(area);
    let placed = place(editor, q, inner);
    // More than a page: which page shows, "2/3", so the room knows items are on another.
    if placed.pages > 1 {
        let page = format!(" {} {}/{} ", lang.text().meeting.page, placed.page + 1, placed.pages);
        block = block.title_bottom(Line::styled(page, theme.key).right_aligned());
    }
    block.render(area, buf);
    let selected = (editor.focus() == q).then(|| editor.selection(q)).flatten();
    for item in placed.items {
        let style = if Some(item.index) == selected { theme.selected } else { theme.input };
        let lines: Vec<Line> = item
            .lines
            .into_iter()
            .enumerate()
            .map(|(n, text)| {
                let (lead, text) = text.split_at(if n == 0 { placed.number_width } else { 0 });
                let pad = (item.area.width as usize).saturating_sub(lead.width() + text.width());
                Line::from(vec![
                    Span::styled(lead.to_owned(), if Some(item.index) == selected { style } else { theme.key }),
                    Span::styled(format!("{text}{}", " ".repeat(pad)), style),
                ])
            })
            .collect();
        Paragraph::new(lines).render(item.area, buf);
    }
}

/// One item as laid out in presentation mode.
struct Placed {
    index: usize,
    area: Rect,
    lines: Vec<String>,
}

struct Items {
    items: Vec<Placed>,
    /// The page showing (the selection's) and how many there are.
    page: usize,
    pages: usize,
    /// Bytes of the `12. ` prefix of first lines.
    number_width: usize,
}

/// Wrapped items, each led by its ID (the name the minutes and CAME links use),
/// with a blank line between them when all fit with it. When they do not fit,
/// they are split into whole pages and the selection's page shows: no item is
/// silently left out, and one taller than the screen ends in `…`.
fn place(editor: &Editor, q: Quadrant, area: Rect) -> Items {
    let factors = editor.session().factors(q);
    let avail = area.height as usize;
    let sel = editor.selection(q).unwrap_or(0);
    let lang = editor.lang();
    let id_width = factors.iter().map(|f| lang.show_id(&f.id).chars().count()).max().unwrap_or(1);
    let number_width = id_width + 1;
    let empty = Items { items: Vec::new(), page: 0, pages: 1, number_width };
    if area.width as usize <= number_width + 1 || area.height == 0 || factors.is_empty() {
        return empty;
    }
    let body = area.width as usize - number_width;
    let wrapped: Vec<Vec<String>> = factors
        .iter()
        .map(|f| {
            let mut text = display_safe(&f.text).into_owned();
            if !editor.room().votes_hidden && f.votes > 0 {
                text.push_str(&format!(" ●{}", f.votes));
            }
            if let Some(i) = f.impact {
                text.push_str(&format!(" ★{i}"));
            }
            let id = display_safe(&lang.show_id(&f.id)).into_owned();
            textwrap::wrap(&text, body)
                .into_iter()
                .enumerate()
                .map(|(n, l)| {
                    let lead = if n == 0 { format!("{id:>id_width$} ") } else { " ".repeat(number_width) };
                    format!("{lead}{l}")
                })
                .collect()
        })
        .collect();
    // A blank line between items when they all fit with it; none when that would hide one.
    let all: usize = wrapped.iter().map(Vec::len).sum();
    let gap = usize::from(area.height >= 8 && all + wrapped.len() - 1 <= avail);
    // Whole items per page (an item taller than the area gets a page of its own, cut with `…`).
    let mut starts = vec![0];
    let mut used = 0;
    for (i, lines) in wrapped.iter().enumerate() {
        let need = lines.len() + if used > 0 { gap } else { 0 };
        if used > 0 && used + need > avail {
            starts.push(i);
            used = lines.len();
        } else {
            used += need;
        }
    }
    let page = starts.iter().rposition(|&s| s <= sel).unwrap_or(0);
    let end = starts.get(page + 1).copied().unwrap_or(factors.len());
    let mut items = Vec::new();
    let mut y = area.y;
    for (i, mut lines) in wrapped.into_iter().enumerate().take(end).skip(starts[page]) {
        let height = (lines.len() as u16).min(area.bottom().saturating_sub(y));
        if lines.len() > usize::from(height) && height > 0 {
            // Taller than the screen: its first screenful, and `…` says there is more.
            lines.truncate(usize::from(height));
            if let Some(last) = lines.last_mut() {
                *last = super::list::clip_end(&format!("{last} …"), area.width as usize);
            }
        }
        items.push(Placed { index: i, area: Rect { y, height, ..area }, lines });
        y = y.saturating_add(height + gap as u16).min(area.bottom());
    }
    Items { items, page, pages: starts.len(), number_width }
}

/// The screen rows of each visible item of `q`, for mouse hits.
pub fn item_rows(editor: &Editor, q: Quadrant, area: Rect, lang: Lang) -> Vec<(usize, Rect)> {
    let inner = block(editor, q, &Theme::mono(), lang).inner(area);
    place(editor, q, inner).items.into_iter().map(|p| (p.index, p.area)).collect()
}

/// Counts and title (or a notice) on the left; hidden votes and the time-box on the right.
fn status_line(editor: &Editor, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let right = Line::from(status::spans(editor, theme, lang));
    let right_w = (right.width() as u16).min(area.width);
    let [left_area, right_area] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_w)]).areas(area);
    let left = match &editor.notice() {
        Some(n) => {
            Line::styled(format!(" {}", display_safe(&n.text)), if n.error { theme.error } else { theme.notice })
        }
        None => {
            let mut spans = Vec::new();
            for q in Quadrant::ALL {
                let n = editor.session().factors(q).len();
                spans.push(Span::styled(format!(" {} {n}", symbol(q)), theme.quadrant(q)));
            }
            let title = display_safe(&editor.session().meta.title).into_owned();
            spans.push(Span::styled(format!("  {title}"), theme.title_bar));
            Line::from(spans)
        }
    };
    Paragraph::new(left).render(left_area, buf);
    Paragraph::new(right).render(right_area, buf);
}
