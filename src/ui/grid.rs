//! The 2x2 DAFO grid: one bordered list per quadrant, wrapped and scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::{Theme, symbol};
use crate::app::editor::{Editor, InputTarget, Mode};
use crate::domain::text::display_safe;
use crate::domain::{Factor, Quadrant};
use crate::i18n::Lang;

/// The four quadrants of an editor, in grid order.
pub struct Grid<'a> {
    pub editor: &'a Editor,
    pub theme: &'a Theme,
    pub lang: Lang,
}

impl Widget for Grid<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (q, cell) in quadrant_areas(self.editor, area) {
            QuadrantView { editor: self.editor, q, theme: self.theme, lang: self.lang }.render(cell, buf);
        }
    }
}

/// Where each quadrant goes: the 2x2 grid, or only the focused one when zoomed (`z`).
pub fn quadrant_areas(editor: &Editor, area: Rect) -> Vec<(Quadrant, Rect)> {
    if editor.room.zoom {
        return vec![(editor.focus, area)];
    }
    let rows = Layout::vertical([Constraint::Fill(1); 2]).split(area);
    let mut out = Vec::with_capacity(4);
    for (r, row) in rows.iter().enumerate() {
        let cols = Layout::horizontal([Constraint::Fill(1); 2]).split(*row);
        for (c, cell) in cols.iter().enumerate() {
            out.push((Quadrant::from_index(r * 2 + c), *cell));
        }
    }
    out
}

/// The screen rows of each visible item of quadrant `q` drawn in `area`, for mouse hits.
pub fn item_rows(editor: &Editor, q: Quadrant, area: Rect) -> Vec<(usize, Rect)> {
    let inner = Block::bordered().inner(area);
    let mut list_area = inner;
    if editor.focus == q && matches!(editor.mode, Mode::Input(_)) {
        list_area.height -= 2.min(inner.height);
    }
    let theme = Theme::mono();
    let window = Window::of(
        editor.session().factors(q),
        editor.selection(q),
        false,
        &theme,
        list_area,
        !editor.room.votes_hidden,
    );
    let mut y = list_area.y;
    let bottom = list_area.bottom();
    let mut out = Vec::new();
    for (n, h) in window.heights.iter().enumerate() {
        let height = (*h as u16).min(bottom.saturating_sub(y));
        if height == 0 {
            break;
        }
        out.push((window.above + n, Rect { y, height, ..list_area }));
        y += height;
    }
    out
}

/// One quadrant: title, items and, when it has focus, the input line.
struct QuadrantView<'a> {
    editor: &'a Editor,
    q: Quadrant,
    theme: &'a Theme,
    lang: Lang,
}

impl Widget for QuadrantView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (q, theme, editor, lang) = (self.q, self.theme, self.editor, self.lang);
        let focused = editor.focus == q;
        let factors = editor.session().factors(q);
        let title = Line::from(vec![
            Span::styled(format!(" {} ", q.index() + 1), theme.key),
            Span::styled(format!("{} {} ", symbol(q), lang.quadrant(q)), theme.quadrant(q)),
            Span::styled(format!("({}) ", factors.len()), theme.dim),
        ]);
        let mut block = Block::bordered()
            .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
            .border_style(if focused { theme.focus_border } else { theme.border })
            .title(title)
            .title_top(Line::styled(format!(" {} ", lang.origin(q)), theme.dim).right_aligned());
        let inner = block.inner(area);
        let mut list_area = inner;
        if focused && let Mode::Input(target) = &editor.mode {
            let input_h = 2.min(inner.height);
            list_area.height -= input_h;
            let input_area = Rect { y: inner.y + list_area.height, height: input_h, ..inner };
            render_input(editor, target, theme, lang, input_area, buf);
        }
        let highlight = focused && matches!(editor.mode, Mode::Grid | Mode::MovePick);
        let window = Window::of(factors, editor.selection(q), highlight, theme, list_area, !editor.room.votes_hidden);
        let more = |n: usize, arrow: &str| format!(" {arrow} {n} {} ", lang.pick("más", "more"));
        if window.above > 0 {
            block = block.title_bottom(Line::styled(more(window.above, "↑"), theme.key).left_aligned());
        }
        if window.below > 0 {
            block = block.title_bottom(Line::styled(more(window.below, "↓"), theme.key).right_aligned());
        }
        block.render(area, buf);
        if factors.is_empty() {
            let hint = lang.pick("(vacío: pulsa a para añadir)", "(empty: press a to add)");
            Paragraph::new(Line::styled(hint, theme.dim)).render(list_area, buf);
        } else {
            Paragraph::new(window.lines).render(list_area, buf);
        }
    }
}

/// The items of a quadrant that fit its area, keeping the selection visible.
struct Window<'t> {
    lines: Vec<Line<'t>>,
    /// Items hidden above and below.
    above: usize,
    below: usize,
    /// Lines taken by each visible item, from the first (issue 6: mouse hits).
    heights: Vec<usize>,
}

impl<'t> Window<'t> {
    /// Lays out only the items around the selection: the cost does not grow
    /// with the length of the list.
    fn of(
        factors: &'t [Factor],
        selected: Option<usize>,
        highlight: bool,
        theme: &Theme,
        area: Rect,
        votes: bool,
    ) -> Window<'t> {
        let (width, avail) = (area.width as usize, area.height as usize);
        if factors.is_empty() || avail == 0 || width == 0 {
            return Window { lines: Vec::new(), above: 0, below: factors.len(), heights: Vec::new() };
        }
        let sel = selected.unwrap_or(0).min(factors.len() - 1);
        // Walk back from the selection to find the first visible item.
        let mut start = sel;
        let mut used = 0;
        let mut items: Vec<Vec<Line>> = Vec::new();
        loop {
            let l = factor_lines(&factors[start], width, theme, highlight && start == sel, votes);
            if used + l.len() > avail && start != sel {
                start += 1;
                break;
            }
            used += l.len();
            items.push(l);
            if start == 0 {
                break;
            }
            start -= 1;
        }
        items.reverse();
        // Then fill the rest of the space with the items after it.
        let mut end = sel + 1;
        while end < factors.len() && used < avail {
            let l = factor_lines(&factors[end], width, theme, false, votes);
            used += l.len();
            items.push(l);
            end += 1;
        }
        // An item cut off at the bottom counts as hidden.
        let clipped = usize::from(used > avail && end > sel + 1);
        let heights = items.iter().map(Vec::len).collect();
        Window {
            lines: items.into_iter().flatten().collect(),
            above: start,
            below: factors.len() - end + clipped,
            heights,
        }
    }
}

/// Wrapped lines of one factor: `F1 text...`, continuation lines indented.
fn factor_lines<'t>(f: &'t Factor, width: usize, theme: &Theme, selected: bool, votes: bool) -> Vec<Line<'t>> {
    let id = format!("{} ", display_safe(&f.id));
    let indent = id.width();
    let mut suffix = String::new();
    if votes && f.votes > 0 {
        suffix.push_str(&format!(" ●{}", f.votes));
    }
    if let Some(i) = f.impact {
        suffix.push_str(&format!(" ★{i}"));
    }
    let text = format!("{}{suffix}", display_safe(&f.text));
    let body_width = width.saturating_sub(indent).max(1);
    let wrapped = textwrap::wrap(&text, body_width);
    let base = if selected { theme.selected } else { theme.text };
    wrapped
        .into_iter()
        .enumerate()
        .map(|(n, chunk)| {
            let lead = if n == 0 {
                Span::styled(id.clone(), if selected { theme.selected } else { theme.id })
            } else {
                Span::styled(" ".repeat(indent), base)
            };
            let pad = width.saturating_sub(indent + chunk.width());
            let body = format!("{chunk}{}", if selected { " ".repeat(pad) } else { String::new() });
            Line::from(vec![lead, Span::styled(body, base)])
        })
        .collect()
}

fn render_input(editor: &Editor, target: &InputTarget, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let label = match target {
        InputTarget::Add => lang.pick("Nuevo (Enter añade, Esc cierra)", "New (Enter adds, Esc closes)").to_owned(),
        InputTarget::Edit(id) => format!("{} {id} (Enter / Esc)", lang.pick("Editar", "Edit")),
    };
    let [label_row, input_row] = if area.height >= 2 {
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area)
    } else {
        [Rect { height: 0, ..area }, area]
    };
    Paragraph::new(Line::styled(label, theme.dim)).render(label_row, buf);
    let prompt = Rect { width: 2.min(input_row.width), ..input_row };
    Paragraph::new(Span::styled("› ", theme.key)).render(prompt, buf);
    let field = Rect { x: input_row.x + prompt.width, width: input_row.width - prompt.width, ..input_row };
    let mut input = editor.input.clone();
    input.set_style(theme.input);
    input.set_cursor_style(theme.cursor);
    input.set_cursor_line_style(theme.input);
    (&input).render(field, buf);
}
