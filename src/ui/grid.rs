//! The 2x2 DAFO grid: one bordered list per quadrant, wrapped and scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::list::{Mark, Window, factor_item};
use super::theme::{Theme, symbol};
use crate::app::Action;
use crate::app::editor::{Editor, Input, InputTarget, Mode};
use crate::app::keymap::{self, Context};
use crate::domain::Quadrant;
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
    if editor.room().zoom {
        return vec![(editor.focus(), area)];
    }
    let mut out = Vec::with_capacity(4);
    for (r, row) in super::split::rows(area).into_iter().enumerate() {
        for (c, cell) in super::split::columns(row).into_iter().enumerate() {
            out.push((Quadrant::from_index(r * 2 + c), cell));
        }
    }
    out
}

/// The screen rows of each visible item of quadrant `q` drawn in `area`, for
/// mouse hits: `(stored index, rows)`, laid out exactly as drawn.
pub fn item_rows(editor: &Editor, q: Quadrant, area: Rect) -> Vec<(usize, Rect)> {
    let list_area = list_area(editor, q, Block::bordered().inner(area));
    // Shown IDs are as wide in every language (F/S, D/W, A/T), so rows match.
    let (window, order) = window(editor, q, list_area, &Theme::mono(), Lang::default());
    let mut y = list_area.y;
    let bottom = list_area.bottom();
    let mut out = Vec::new();
    for (n, h) in window.heights.iter().enumerate() {
        let height = (*h as u16).min(bottom.saturating_sub(y));
        if height == 0 {
            break;
        }
        out.push((order[window.above + n], Rect { y, height, ..list_area }));
        y += height;
    }
    out
}

/// The part of a quadrant's inside that lists items (the input line takes the rest).
fn list_area(editor: &Editor, q: Quadrant, inner: Rect) -> Rect {
    let mut list_area = inner;
    if editor.focus() == q
        && let Mode::Input(input) = editor.mode()
    {
        // The rows the items leave free (measured with the smallest input: a
        // label and one row), so a long text grows into them before it scrolls.
        let least = Rect { height: inner.height.saturating_sub(2), ..inner };
        let (items, _) = window(editor, q, least, &Theme::mono(), Lang::default());
        let free = inner.height.saturating_sub(u16::try_from(items.lines.len()).unwrap_or(u16::MAX));
        list_area.height -= input_height_within(input, inner.width, free.saturating_sub(1)).min(inner.height);
    }
    list_area
}

/// The visible items of `q` in `area`, and the display order (stored indices).
fn window(editor: &Editor, q: Quadrant, area: Rect, theme: &Theme, lang: Lang) -> (Window, std::sync::Arc<[usize]>) {
    let session = editor.session();
    let factors = session.factors(q);
    let highlight = editor.focus() == q
        && matches!(editor.mode(), Mode::Grid | Mode::MovePick | Mode::ImpactPick | Mode::JoinMark(_))
        && !editor.covered();
    // The factor being joined, while the one it goes into is picked.
    let joining = match editor.mode() {
        Mode::JoinMark(id) => Some(id.as_str()),
        _ => None,
    };
    // Coverage marks appear once the room has started on CAME actions.
    let coverage = session.all_actions().next().is_some();
    let votes = !editor.room().votes_hidden;
    let order = editor.order(q);
    let sel = editor.selection(q).and_then(|s| order.iter().position(|&i| i == s));
    let width = area.width as usize;
    let window = Window::of(order.len(), sel, width, area.height as usize, |pos| {
        let mark = match () {
            _ if highlight && Some(pos) == sel => Mark::Selected,
            _ if joining == Some(factors[order[pos]].id.as_str()) => Mark::Linked,
            _ => Mark::Plain,
        };
        factor_item(&factors[order[pos]], (session, lang), coverage, votes, mark, theme).lines(width, theme)
    });
    (window, order)
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
        let focused = editor.focus() == q;
        let factors = editor.session().factors(q);
        // While a filter hides some, the count says how many of all are shown.
        let (shown, all) = (editor.order(q).len(), factors.len());
        let count = if shown == all { format!("({all}) ") } else { format!("({shown}/{all}) ") };
        let title = Line::from(vec![
            Span::styled(format!(" {} ", q.index() + 1), theme.key),
            Span::styled(format!("{} {} ", symbol(q), lang.quadrant(q)), theme.quadrant(q)),
            Span::styled(count, theme.dim),
        ]);
        let block = Block::bordered()
            .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
            .border_style(if focused { theme.focus_border } else { theme.border })
            .title(title)
            .title_top(Line::styled(format!(" {} ", lang.origin(q)), theme.dim).right_aligned());
        let inner = block.inner(area);
        let list_area = list_area(editor, q, inner);
        if focused && let Mode::Input(target) = &editor.mode() {
            let input_area = Rect { y: list_area.bottom(), height: inner.height - list_area.height, ..inner };
            render_input(target, theme, lang, input_area, buf);
        }
        let (window, _) = window(editor, q, list_area, theme, lang);
        window.titles(block, theme, lang).render(area, buf);
        if factors.is_empty() {
            let a = keymap::key_for(Context::Grid, &Action::StartAdd, lang);
            let hint = (lang.text().ui.empty_quadrant_key)(&a);
            Paragraph::new(Line::styled(hint, theme.dim))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(list_area, buf);
        } else {
            Paragraph::new(window.lines).render(list_area, buf);
        }
    }
}

/// Rows the input line takes at `width`: its label, then the text wrapped so the
/// room reads all of it while it is typed (up to four rows; longer, it scrolls).
pub(super) fn input_height(input: &Input, width: u16) -> u16 {
    input_height_within(input, width, 4)
}

/// [`input_height`] where `free` rows are there for the text without hiding
/// anything: it takes them all before it scrolls (and four in any case).
fn input_height_within(input: &Input, width: u16, free: u16) -> u16 {
    // The prompt `› ` and a column for the cursor at the end.
    let field = usize::from(width.saturating_sub(3)).max(1);
    let rows = textwrap::wrap(&input.value(), field).len().clamp(1, usize::from(free.max(4)));
    1 + u16::try_from(rows).unwrap_or(u16::MAX)
}

pub(super) fn render_input(input: &Input, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    // The keys named come from the table, so a remap never leaves a stale hint.
    let key = |a: &Action| keymap::key_for(Context::Input, a, lang);
    let (ok, close) = (key(&Action::Submit), key(&Action::Cancel));
    let label = match &input.target {
        InputTarget::Add => (lang.text().ui.input_new_keys)(&ok, &close),
        InputTarget::AddAction(links) => format!(
            "{} → {} ({ok} / {close})",
            lang.text().ui.input_new_action,
            if links.is_empty() { "—".to_owned() } else { lang.show_ids(links, ", ") }
        ),
        InputTarget::AddStrategy(kind, [a, b]) => {
            format!("{} {} × {} ({ok} / {close})", lang.crossed_code(*kind), lang.show_id(a), lang.show_id(b))
        }
        InputTarget::PlanAdd(None) => format!("{} ({ok} / {close})", lang.plan_ui().new_axis),
        InputTarget::PlanAdd(Some(axis)) => {
            format!("{} ({ok} / {close})", (lang.plan_ui().new_line_in)(&lang.show_id(axis)))
        }
        InputTarget::PlanText(t) => format!("{} ({ok} / {close})", t.label(lang)),
        InputTarget::Clash(k) => {
            let plan = lang.text().plan_report;
            format!("⚠ {} ({ok} / {close})", k.label(plan.mission, plan.vision))
        }
        InputTarget::FollowNote(id, year) => {
            format!("{} {} · {year} ({ok} / {close})", lang.text().follow.note_of, lang.show_id(id))
        }
        InputTarget::FollowValue(id, year) => {
            format!("{} {} · {year} ({ok} / {close})", lang.text().follow.value_of, lang.show_id(id))
        }
        InputTarget::FollowMoney(id, year) => {
            format!("{} {} · {year} ({ok} / {close})", lang.money().follow_prompt, lang.show_id(id))
        }
        InputTarget::Weight(id) => {
            let q = lang.text().quick;
            format!(
                "{} {} ({} 3 · {}; {ok} / {close})",
                q.weight_and_rating,
                lang.show_id(id),
                lang.decimal(0.15),
                q.weight_example
            )
        }
        InputTarget::JoinText(from, into) => {
            let title = (lang.join_text().title)(&lang.show_id(from), &lang.show_id(into));
            format!("{} ({ok} / {close})", crate::domain::text::display_safe(&title))
        }
        InputTarget::Edit(id) | InputTarget::EditAction(id) | InputTarget::EditStrategy(id) => {
            format!("{} {} ({ok} / {close})", lang.text().ui.input_edit, lang.show_id(id))
        }
        InputTarget::SalaItem(_) => format!("{} ({ok} / {close})", lang.text().sala.edit_item),
    };
    let [label_row, input_row] = if area.height >= 2 {
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area)
    } else {
        [Rect { height: 0, ..area }, area]
    };
    Paragraph::new(Line::styled(label, theme.dim)).render(label_row, buf);
    let prompt = Rect { width: 2.min(input_row.width), height: 1.min(input_row.height), ..input_row };
    Paragraph::new(Span::styled("› ", theme.key)).render(prompt, buf);
    let field = Rect { x: input_row.x + prompt.width, width: input_row.width - prompt.width, ..input_row };
    let mut input = input.text.clone();
    input.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    input.set_style(theme.input);
    input.set_cursor_style(theme.cursor);
    input.set_cursor_line_style(theme.input);
    (&input).render(field, buf);
}
